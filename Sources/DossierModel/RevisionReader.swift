import DossierDiagnostics
import DossierRecords
import DossierUtilities

/// Reads content/issues.csv or content/milestones.csv as they were at a past revision,
/// for `ProjectHistory`: with today's project.yml, team and milestones (a value is read
/// as it would be read today), without the issues' text, and without reporting
/// anything — a past mistake is history, not a problem of the records.
public enum RevisionReader {
    /// Today's project.yml, team and milestones, read once for every revision.
    public struct Context: Sendable {
        let settings: ProjectSettings
        let team: Team
        let milestones: MilestoneLookup
        let hasMilestoneFile: Bool
        /// A digest of what a past revision's reading depends on: project.yml as written,
        /// and the milestones' ids and titles (an issue's milestone may be written as
        /// either). A change of anything else today (a milestone's date, the team) reads
        /// no past revision differently.
        public let fingerprint: String

        /// The context of `raw`, the site as it is today.
        public init(_ raw: RawSite) {
            var diagnostics = DiagnosticList()
            var documents: [DocumentSource] = []
            settings = ProjectSettingsReader.read(raw.project, siteName: raw.root.lastPathComponent, diagnostics: &diagnostics)
            team = TeamReader.read(raw.team, settings: settings, diagnostics: &diagnostics)
            let (_, ids, titles) = MilestoneReader.read(
                raw.milestones, settings: settings, team: team, documents: &documents, diagnostics: &diagnostics)
            milestones = MilestoneLookup(ids: ids, titles: titles)
            hasMilestoneFile = raw.milestones != nil
            var digest = Digest()
            digest.update(raw.sources["content/project.yml"] ?? "")
            for id in ids.sorted() { digest.update("\u{0}id \(id)") }
            for entry in titles { digest.update("\u{0}title \(entry.id) \(entry.title)") }
            digest.update(hasMilestoneFile ? "\u{0}milestones" : "\u{0}none")
            fingerprint = digest.hex
        }
    }

    /// Each issue id of one revision of issues.csv, already decoded, → its state, nil for
    /// a row with a mistake (its state is unknown at this revision); read in `context`.
    /// Nil when the file does not read: its header lacks a required column.
    public static func issues(text: String, in context: Context) -> [String: ProjectHistory.IssueState?]? {
        let (table, problems) = CSVParser().parse(text, file: "content/issues.csv")
        if headerBroken(problems, file: "content/issues.csv") { return nil }
        return issues(table, in: context)
    }

    /// The same for a revision in another encoding: `raw` is the site loaded with this
    /// revision's issues.csv (the loader knows project.yml's `encoding`), `loaded` what
    /// loading it found; nil also when the file is missing or undecodable.
    public static func issues(_ raw: RawSite, loaded: DiagnosticList) -> [String: ProjectHistory.IssueState?]? {
        guard let table = raw.issues, !headerBroken(loaded.items, file: "content/issues.csv") else { return nil }
        return issues(table, in: Context(raw))
    }

    private static func issues(_ table: CSVTable, in context: Context) -> [String: ProjectHistory.IssueState?]? {
        var reader = IssueReader(
            settings: context.settings, team: context.team, milestones: context.milestones,
            hasMilestoneFile: context.hasMilestoneFile)
        reader.readsText = false
        var documents: [DocumentSource] = []
        var problems = DiagnosticList()
        let (issues, ids) = reader.read(table, documents: &documents, diagnostics: &problems)
        if headerBroken(problems.items, file: "content/issues.csv") { return nil }
        var states: [String: ProjectHistory.IssueState?] = [:]
        for id in ids { states[id] = .some(nil) }
        let clock = context.settings.clock
        for issue in issues {
            states[issue.id] = ProjectHistory.IssueState(
                status: issue.status, tier: issue.tier, owner: issue.owner, priority: issue.priority,
                due: issue.due.map(clock.describe), milestone: issue.milestone)
        }
        return states
    }

    /// The status and completion a revision of the weekly note `name` (`2026-W10`) gives,
    /// read in `context`; nil when its front matter does not read.
    public static func note(text: String, name: String, in context: Context) -> ProjectHistory.NoteState? {
        let file = "content/weekly/\(name).md"
        let (document, problems) = FrontMatterDocument.split(text, file: file)
        if problems.contains(where: { $0.severity == .error }) { return nil }
        var documents: [DocumentSource] = []
        var diagnostics = DiagnosticList()
        let notes = NoteReader(settings: context.settings, team: context.team, issueIDs: []).readWeekly(
            [RawNote(file: file, name: name, document: document)], documents: &documents, diagnostics: &diagnostics)
        return notes.first.map { ProjectHistory.NoteState(status: $0.status, completion: $0.completion) }
    }

    /// Each milestone id of one revision of milestones.csv, already decoded, → its due
    /// and done dates, read in `context`; nil when the file does not read.
    public static func milestones(text: String, in context: Context) -> [String: ProjectHistory.MilestoneState]? {
        let (table, problems) = CSVParser().parse(text, file: "content/milestones.csv")
        if headerBroken(problems, file: "content/milestones.csv") { return nil }
        return milestones(table, in: context)
    }

    /// The same for a revision in another encoding, as `issues(_:loaded:)`.
    public static func milestones(_ raw: RawSite, loaded: DiagnosticList) -> [String: ProjectHistory.MilestoneState]? {
        guard let table = raw.milestones, !headerBroken(loaded.items, file: "content/milestones.csv") else { return nil }
        return milestones(table, in: Context(raw))
    }

    private static func milestones(_ table: CSVTable, in context: Context) -> [String: ProjectHistory.MilestoneState]? {
        var documents: [DocumentSource] = []
        var problems = DiagnosticList()
        let (milestones, _, _) = MilestoneReader.read(
            table, settings: context.settings, team: context.team, documents: &documents, diagnostics: &problems)
        if headerBroken(problems.items, file: "content/milestones.csv") { return nil }
        return Dictionary(
            milestones.map { ($0.id, ProjectHistory.MilestoneState(due: $0.due, done: $0.done)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// An error on the file's first line: the header (or the whole file) does not read.
    static func headerBroken(_ diagnostics: [Diagnostic], file: String) -> Bool {
        diagnostics.contains { $0.severity == .error && $0.location.file == file && $0.location.line <= 1 }
    }
}
