import DossierDiagnostics
import Foundation

/// A Markdown record (weekly note or article) as read from disk.
public struct RawNote: Sendable {
    /// Path relative to the site folder: `content/handbook/approval/left.md`.
    public var file: String
    /// Path under its records folder without `.md`: `approval/left`, `2026-W36`.
    public var name: String
    public var document: FrontMatterDocument

    public init(file: String, name: String, document: FrontMatterDocument) {
        self.file = file
        self.name = name
        self.document = document
    }
}

/// Everything read from a site folder, before any check of meaning.
public struct RawSite: Sendable {
    /// The site folder.
    public var root: URL
    /// content/project.yml, nil when there is none. When it does not read as a map, only
    /// its top-level `language:` line, if one can be found, so messages keep the language.
    public var project: YAMLNode?
    /// True when content/project.yml exists but is no YAML map: the records that depend
    /// on it (column names, category labels, encodings, time zone) cannot be checked.
    public var projectUnreadable = false
    public var team: CSVTable?
    public var issues: CSVTable?
    public var milestones: CSVTable?
    /// content/weekly/*.md, sorted by name.
    public var weekly: [RawNote]
    /// content/handbook/**/*.md, sorted by path.
    public var handbook: [RawNote]
    /// Other files under content/handbook/ (pictures, PDFs), relative to handbook/;
    /// they are copied to the site as they are.
    public var handbookFiles: [String]
    /// The site's own templates/: file path relative to templates/ → text.
    public var templates: [String: String]
    /// The text of every record file read, by path, to show lines under diagnostics.
    public var sources: [String: String]
    /// How each record file read was written (encoding, byte-order mark, line ends), by
    /// path, so `dossier new` appends in kind.
    public var forms: [String: TextForm]

    public init(
        root: URL, project: YAMLNode? = nil, team: CSVTable? = nil, issues: CSVTable? = nil,
        milestones: CSVTable? = nil, weekly: [RawNote] = [], handbook: [RawNote] = [], handbookFiles: [String] = [],
        templates: [String: String] = [:], sources: [String: String] = [:],
        forms: [String: TextForm] = [:]
    ) {
        self.root = root
        self.project = project
        self.team = team
        self.issues = issues
        self.milestones = milestones
        self.weekly = weekly
        self.handbook = handbook
        self.handbookFiles = handbookFiles
        self.templates = templates
        self.sources = sources
        self.forms = forms
    }
}
