import DossierDiagnostics
import DossierModel
import DossierRecords
import DossierUtilities
import Foundation

/// Reads `ProjectHistory` from the git repository that holds a site: every revision of
/// content/issues.csv and content/milestones.csv along `HEAD`'s first-parent line,
/// read with today's project.yml, team.csv and milestones.csv (`RevisionReader`).
///
/// Each revision is a blob; what a blob held is kept in a cache inside the repository's
/// git folder (`.git/dossier/history-<site>.json`: never committed, shared by every build
/// and report of the site whatever its output folder), keyed by blob id and by what
/// reading it depends on today (`RevisionReader.Context.fingerprint`: project.yml, the
/// milestones' ids and titles), so a rebuild reads only the blobs of new commits.
public struct HistoryReader: Sendable {
    public let site: URL
    /// The repository, nil outside one.
    let repository: GitRepository?
    /// The commit `HEAD` names; nil outside a repository, in a shallow clone or before
    /// the first commit. Part of what makes a build up to date.
    public let head: String?
    /// Where parsed revisions are kept between runs; nil to keep none.
    public let cache: URL?

    /// The reader of `site`'s history: two `git rev-parse` runs, nothing read yet.
    /// `cache` overrides the cache file's place.
    public init(site: URL, cache: URL? = nil) {
        self.site = site
        repository = try? GitRepository(site: site)
        head = repository.flatMap { $0.isShallow ? nil : $0.head }
        if let cache {
            self.cache = cache
        } else if let repository, let folder = repository.gitFolder {
            var name = Digest()
            name.update(repository.sitePrefix)
            self.cache = folder.appendingPathComponent("dossier/history-\(name.hex).json")
        } else {
            self.cache = nil
        }
    }

    /// The history, `ProjectHistory.none` outside a repository, an empty shallow one in
    /// a shallow clone. Never throws: a history that cannot be read is no history.
    public func read() -> ProjectHistory {
        guard let repository else { return .none }
        if repository.isShallow { return ProjectHistory(availability: .shallow) }
        let today = ["content/project.yml", "content/team.csv", "content/milestones.csv"]
        var current: [String: Data] = [:]
        for file in today {
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(file).path) else { continue }
            current[file] = data
        }
        // Today's settings, team and milestones, read once; a revision in UTF-8 (as
        // spreadsheet programs and trackers export) is read against them directly, any
        // other through the whole loader, which knows project.yml's encodings.
        let todaySite = (try? SiteLoader().load(MemoryFiles(current), root: site))?.0 ?? RawSite(root: site)
        let context = RevisionReader.Context(todaySite)
        var stored = cache.flatMap(Self.load) ?? Stored()
        if stored.key != context.fingerprint { stored = Stored(key: context.fingerprint) }
        let read = stored.revisions.count
        var history = ProjectHistory(availability: .available)
        do {
            let issueLog = try repository.fileLog("content/issues.csv")
            let milestoneLog = try repository.fileLog("content/milestones.csv")
            // The weekly notes: files right under content/weekly/, by week name.
            let noteLog = try repository.folderLog("content/weekly").map { entry in
                (
                    commit: entry.commit,
                    files: entry.files.compactMap { file -> (week: String, blob: String?)? in
                        let name = String(file.path.dropFirst("content/weekly/".count))
                        guard name.hasSuffix(".md"), !name.contains("/") else { return nil }
                        return (String(name.dropLast(3)), file.blob)
                    }
                )
            }
            var noteNames: [String: String] = [:]
            for entry in noteLog { for file in entry.files { if let blob = file.blob { noteNames[blob] = file.week } } }
            let missing = Set((issueLog + milestoneLog).compactMap(\.blob)).union(noteNames.keys).subtracting(
                stored.revisions.keys
            ).sorted()
            let contents = try repository.blobs(missing)
            let issueBlobs = Set(issueLog.compactMap(\.blob))
            let milestoneBlobs = Set(milestoneLog.compactMap(\.blob))
            // Each revision is read on its own, so on all cores.
            let siteFolder = site
            let todayFiles = current
            let noteWeeks = noteNames
            let results:
                [(
                    issues: [String: ProjectHistory.IssueState?]?, milestones: [String: ProjectHistory.MilestoneState]?,
                    note: ProjectHistory.NoteState?
                )] =
                    Array(zip(missing, contents)).parallelMap { blob, data in
                        // UTF-8 (as spreadsheet programs and trackers export) against today's
                        // settings directly; another encoding through the whole loader.
                        func read<T>(
                            _ file: String, _ fromText: (String) -> T?, _ fromSite: (RawSite, DiagnosticList) -> T?
                        ) -> T? {
                            if case .success(let decoded) = TextDecoder.read(data, as: .utf8) { return fromText(decoded.text) }
                            var files = todayFiles
                            files[file] = data
                            guard let (raw, loaded) = try? SiteLoader().load(MemoryFiles(files), root: siteFolder) else {
                                return nil
                            }
                            return fromSite(raw, loaded)
                        }
                        let issues =
                            issueBlobs.contains(blob)
                            ? read(
                                "content/issues.csv", { RevisionReader.issues(text: $0, in: context) },
                                RevisionReader.issues(_:loaded:)) : nil
                        let milestones =
                            milestoneBlobs.contains(blob)
                            ? read(
                                "content/milestones.csv", { RevisionReader.milestones(text: $0, in: context) },
                                RevisionReader.milestones(_:loaded:)) : nil
                        var note: ProjectHistory.NoteState?
                        if let name = noteWeeks[blob], case .success(let decoded) = TextDecoder.read(data, as: .utf8) {
                            note = RevisionReader.note(text: decoded.text, name: name, in: context)
                        }
                        return (issues, milestones, note)
                    }
            var parsed: [String: [String: ProjectHistory.IssueState?]] = [:]
            for (blob, result) in zip(missing, results) {
                var revision = Stored.Revision()
                if issueBlobs.contains(blob) {
                    parsed[blob] = result.issues
                    revision.readable = result.issues != nil
                }
                revision.milestones = result.milestones
                revision.note = result.note
                stored.revisions[blob] = revision
            }
            // A revision is kept as its change against the readable one before it in the
            // log (most commits touch a few rows), so the cache grows with the changes, not
            // with revisions × issues.
            var states = StateMemo(stored: stored, parsed: parsed)
            var previous: String?
            for blob in issueLog.compactMap(\.blob) where stored.revisions[blob]?.readable == true {
                if parsed[blob] != nil, stored.revisions[blob]?.base == nil, stored.revisions[blob]?.issues == nil,
                    let full = states.full(blob)
                {
                    if let previous, previous != blob, let before = states.full(previous) {
                        var changed: [String: ProjectHistory.IssueState?] = [:]
                        for (id, state) in full where before[id].map({ $0 != state }) ?? true { changed[id] = state }
                        stored.revisions[blob]?.base = previous
                        stored.revisions[blob]?.issues = changed
                        stored.revisions[blob]?.removed = before.keys.filter { full[$0] == nil }.sorted()
                    } else {
                        stored.revisions[blob]?.issues = full
                    }
                }
                previous = blob
            }
            history.revisions = issueLog.count + milestoneLog.count
            states = StateMemo(stored: stored, parsed: parsed)
            Self.replay(issueLog, stored: stored, states: &states, into: &history)
            Self.replayMilestones(milestoneLog, stored: stored, into: &history)
            var lastNotes: [String: ProjectHistory.NoteState] = [:]
            for entry in noteLog {
                for file in entry.files {
                    guard let blob = file.blob, let state = stored.revisions[blob]?.note, lastNotes[file.week] != state
                    else { continue }
                    history.notes[file.week, default: []].append(.init(commit: entry.commit, state: state))
                    lastNotes[file.week] = state
                }
            }
        } catch {
            return .none
        }
        if let cache, stored.revisions.count != read { Self.save(stored, to: cache) }
        return history
    }

    /// Adds the revisions of one file's log to `history`: a state is recorded when it
    /// differs from the one before; a row gone from a readable revision is recorded as
    /// removed; an unreadable revision is listed and skipped.
    private static func replay(
        _ log: [(commit: ProjectHistory.Commit, blob: String?)], stored: Stored, states memo: inout StateMemo,
        into history: inout ProjectHistory
    ) {
        var lastIssues: [String: ProjectHistory.IssueState] = [:]
        var current: [String: ProjectHistory.IssueState?] = [:]
        var lastBlob: String?
        for (commit, blob) in log {
            guard let blob else { continue }  // deleted: nothing to compare until it is back
            let revision = stored.revisions[blob]
            var changes: [String: ProjectHistory.IssueState?]
            var removed: [String]
            if let revision, revision.readable, let base = revision.base, base == lastBlob, let own = revision.issues {
                // Kept as its change against the revision just replayed: only that is walked.
                changes = own
                removed = revision.removed ?? []
            } else {
                guard let states = memo.full(blob) else {
                    history.unreadable.append(commit)
                    continue
                }
                changes = states
                removed = current.keys.filter { states[$0] == nil }
            }
            for (id, state) in changes.sorted(by: { $0.key < $1.key }) {
                current[id] = state
                guard let state else { continue }  // a row with a mistake: unknown at this revision
                if lastIssues[id] != state {
                    history.issues[id, default: []].append(.init(commit: commit, state: state))
                    lastIssues[id] = state
                }
            }
            for id in removed.sorted() {
                current[id] = nil
                if lastIssues[id] != nil {
                    history.issues[id, default: []].append(.init(commit: commit, state: nil))
                    lastIssues[id] = nil
                }
            }
            lastBlob = blob
        }
        history.unreadable.sort { $0.time < $1.time }
    }

    /// The same for milestones.csv, whose revisions are kept whole (a file of a few rows).
    private static func replayMilestones(
        _ log: [(commit: ProjectHistory.Commit, blob: String?)], stored: Stored, into history: inout ProjectHistory
    ) {
        var lastMilestones: [String: ProjectHistory.MilestoneState] = [:]
        for (commit, blob) in log {
            guard let blob else { continue }  // deleted: nothing to compare until it is back
            let revision = stored.revisions[blob]
            guard let states = revision?.milestones else {
                history.unreadable.append(commit)
                continue
            }
            for (id, state) in states.sorted(by: { $0.key < $1.key }) where lastMilestones[id] != state {
                history.milestones[id, default: []].append(.init(commit: commit, state: state))
                lastMilestones[id] = state
            }
            for id in lastMilestones.keys.sorted() where states[id] == nil {
                history.milestones[id, default: []].append(.init(commit: commit, state: nil))
                lastMilestones[id] = nil
            }
        }
        history.unreadable.sort { $0.time < $1.time }
    }

    /// The cache file's contents.
    struct Stored: Codable {
        struct Revision: Codable {
            /// True when issues.csv read at this revision.
            var readable = false
            /// The revision `issues` is a change against (nil: `issues` is whole).
            var base: String?
            /// Ids in `base` that this revision no longer has.
            var removed: [String]?
            var issues: [String: ProjectHistory.IssueState?]?
            var milestones: [String: ProjectHistory.MilestoneState]?
            /// A weekly note's status and completion.
            var note: ProjectHistory.NoteState?
        }
        var version = 3
        /// `RevisionReader.Context.fingerprint` of what the revisions were read with.
        var key = ""
        var revisions: [String: Revision] = [:]
    }

    /// Each revision's whole issue states, rebuilt from the stored changes (or taken
    /// from what was just read) once each.
    struct StateMemo {
        let stored: Stored
        var memo: [String: [String: ProjectHistory.IssueState?]]

        init(stored: Stored, parsed: [String: [String: ProjectHistory.IssueState?]]) {
            self.stored = stored
            memo = parsed
        }

        mutating func full(_ blob: String) -> [String: ProjectHistory.IssueState?]? {
            if let known = memo[blob] { return known }
            guard let revision = stored.revisions[blob], revision.readable, let own = revision.issues else { return nil }
            var states: [String: ProjectHistory.IssueState?]
            if let base = revision.base {
                guard base != blob, var before = full(base) else { return nil }
                for id in revision.removed ?? [] { before[id] = nil }
                for (id, state) in own { before[id] = state }
                states = before
            } else {
                states = own
            }
            memo[blob] = states
            return states
        }
    }

    static func load(_ file: URL) -> Stored? {
        guard let data = try? Data(contentsOf: file), let stored = try? JSONDecoder().decode(Stored.self, from: data),
            stored.version == Stored().version
        else { return nil }
        return stored
    }

    static func save(_ stored: Stored, to file: URL) {
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(stored) else { return }
        try? data.write(to: file, options: .atomic)
    }
}
