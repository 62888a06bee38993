import DossierDiagnostics
import DossierModel
import DossierRecords
import DossierTemplates
import Foundation

/// A site's records at one revision (or in the work tree), loaded and validated as
/// `check` does, with what is needed to compare them with another revision.
public struct RecordsSnapshot: Sendable {
    /// How the user named the revision: `main`, `HEAD~1`, or `workTree`.
    public var label: String
    /// The label of the work tree's records. No git revision is named so (a ref name
    /// cannot hold a space), so the Markdown can word it in the reader's language.
    public static let workTree = "work tree"
    /// What validated; records that did not are missing from it.
    public var site: Site
    /// Every problem found at this revision.
    public var diagnostics: DiagnosticList
    /// The text of every record file read, by path relative to the site folder.
    public var sources: [String: String]
    /// Weekly notes by file (`content/weekly/2026-W11.md`) → week name.
    public var weeklyFiles: [String: String]
    /// Articles by file (`content/handbook/setup/login.md`) → path under handbook/.
    public var articleFiles: [String: String]
    /// False when issues.csv exists but could not be read as a table (undecodable, or its
    /// header lacks a required column), so its issues cannot be compared.
    public var issuesReadable: Bool
    /// The issues whose row of issues.csv has an error at this revision (an unknown
    /// category, a resolved issue without its date): read, but not as written, so not compared.
    public var issueIDsWithErrors: Set<String>
    /// True when project.yml did not read at this revision: its issues are not compared.
    public var projectUnreadable: Bool
    /// False when there was no site (no content/ folder) at this revision.
    public var hasSite: Bool
    /// The site's own files of words (templates/strings/<language>.yml), by path
    /// relative to templates/, as `Theme` layers them over its own.
    public var wordFiles: [String: String]

    /// Loads the records from `files`; `root` is the site folder they stand for. A
    /// revision without a site (no content/ folder) is an empty one.
    public init(label: String, files: RecordFiles, root: URL) {
        self.label = label
        let raw: RawSite
        var diagnostics: DiagnosticList
        do {
            (raw, diagnostics) = try SiteLoader().load(files, root: root)
            hasSite = true
        } catch {
            (raw, diagnostics) = (RawSite(root: root), DiagnosticList())
            hasSite = false
        }
        // Drafts are records too: a pull request that edits one changes it.
        let (site, problems) = SiteValidator(includeDrafts: true).validate(raw)
        diagnostics.append(contentsOf: problems)
        self.site = site
        self.diagnostics = diagnostics
        sources = raw.sources
        weeklyFiles = Dictionary(raw.weekly.map { ($0.file, $0.name) }, uniquingKeysWith: { a, _ in a })
        articleFiles = Dictionary(raw.handbook.map { ($0.file, $0.name) }, uniquingKeysWith: { a, _ in a })
        wordFiles = raw.templates.filter { $0.key.hasPrefix(ThemeWords.folder) }
        let headerBroken = diagnostics.items.contains {
            $0.severity == .error && $0.location.file == "content/issues.csv" && $0.location.line <= 1
        }
        // No issues.csv at all is an empty list, to compare with the revision that adds one.
        issuesReadable =
            files.size(of: "content/issues.csv") == nil || (raw.issues != nil && !headerBroken && !raw.projectUnreadable)
        projectUnreadable = raw.projectUnreadable
        issueIDsWithErrors = Self.issuesWithErrors(site.issues, rows: raw.issues?.rows ?? [], diagnostics: diagnostics)
    }

    /// The ids of `issues` whose row (from its first line to the next row's) holds an
    /// error of issues.csv.
    static func issuesWithErrors(_ issues: [Issue], rows: [CSVRow], diagnostics: DiagnosticList) -> Set<String> {
        let starts = rows.map(\.line).sorted()
        let idByLine = Dictionary(issues.map { ($0.location.line, $0.id) }, uniquingKeysWith: { a, _ in a })
        var ids: Set<String> = []
        for diagnostic in diagnostics.items where diagnostic.severity == .error {
            guard diagnostic.location.file == "content/issues.csv" else { continue }
            // The last row that starts at or before the diagnostic's line.
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] <= diagnostic.location.line { low = middle + 1 } else { high = middle }
            }
            if low > 0, let id = idByLine[starts[low - 1]] { ids.insert(id) }
        }
        return ids
    }
}
