import DossierDiagnostics
import DossierMarkdown
import DossierRecords

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
    let title: String
    /// For a quoted CSV field, its lines as parsed: each `"` there was written `""`, one
    /// column more in the file.
    let quotedLines: [Substring]

    init(document: MarkdownDocument, file: String, baseFolder: String, page: SitePage, title: String) {
        self.document = document
        self.file = file
        self.firstLineColumnShift = 0
        self.firstLine = 0
        self.baseFolder = baseFolder
        self.page = page
        self.title = title
        self.quotedLines = []
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
        self.quotedLines = cell.quoted ? TextLines.split(cell.value) : []
    }

    func location(_ position: MarkdownPosition) -> SourceLocation {
        var column = position.line == firstLine ? position.column + firstLineColumnShift : position.column
        let index = position.line - firstLine
        if index >= 0, index < quotedLines.count {
            column += quotedLines[index].unicodeScalars.prefix(max(0, position.column - 1)).filter { $0 == "\"" }.count
        }
        return SourceLocation(file: file, line: position.line, column: column)
    }
}
