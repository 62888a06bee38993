import DossierDiagnostics
import DossierMarkdown
import DossierRecords
import DossierUtilities

/// A Markdown document of the records with where it was written and where it lands.
struct DocumentSource {
    let document: MarkdownDocument
    let file: String
    /// Added to the column of positions on the document's first line (a CSV cell starts
    /// mid-line).
    let firstLineColumnShift: Int
    let firstLine: Int
    /// The folder, relative to content/, that relative links start from.
    let baseFolder: String
    let page: SitePage
    /// The record's own title (an issue's without its id).
    let title: String
    /// For a quoted CSV field, its text as parsed: each `"` there was written `""`, one
    /// column more in the file.
    let quotedText: String?

    /// The same parsed document, from the same place of the same record.
    func isSame(as other: DocumentSource) -> Bool {
        document === other.document && file == other.file && firstLineColumnShift == other.firstLineColumnShift
            && firstLine == other.firstLine && baseFolder == other.baseFolder && page == other.page && title == other.title
            && quotedText == other.quotedText
    }

    init(document: MarkdownDocument, file: String, baseFolder: String, page: SitePage, title: String) {
        self.document = document
        self.file = file
        self.firstLineColumnShift = 0
        self.firstLine = 0
        self.baseFolder = baseFolder
        self.page = page
        self.title = title
        self.quotedText = nil
    }

    /// A document written in a CSV field; relative links start from content/.
    init(document: MarkdownDocument, cell: CSVCell, page: SitePage, title: String) {
        self.document = document
        self.file = cell.location.file
        self.firstLine = cell.location.line
        self.firstLineColumnShift = cell.location.column - 1 + (cell.quoted ? 1 : 0)
        self.baseFolder = ""
        self.page = page
        self.title = title
        self.quotedText = cell.quoted ? cell.value : nil
    }

    /// The title a list of linking pages shows: an issue's id and title.
    var displayTitle: String {
        if case .issue(let id) = page { return "\(id) \(title)" }
        return title
    }

    func location(_ position: MarkdownPosition) -> SourceLocation {
        var column = position.line == firstLine ? position.column + firstLineColumnShift : position.column
        if let quotedText, let line = TextLines.line(position.line - firstLine + 1, of: quotedText) {
            column += line.unicodeScalars.prefix(max(0, position.column - 1)).filter { $0 == "\"" }.count
        }
        return SourceLocation(file: file, line: position.line, column: column)
    }
}
