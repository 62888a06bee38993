import DossierDiagnostics
import DossierModel
import DossierRecords
import DossierUtilities
import Foundation

/// Reads `ProjectHistory` from the git repository that holds a site: every revision of
/// content/issues.csv and content/milestones.csv along `HEAD`'s first-parent line,
/// read with today's project.yml, team.csv and milestones.csv (`RevisionReader`).
///
/// Each revision is a blob; what a blob held is kept in `cache` (a JSON file beside the
/// output), keyed by blob id and by the bytes of today's files it was read with, so a
/// rebuild reads only the blobs of new commits.
public struct HistoryReader: Sendable {
    public let site: URL
    /// Where parsed revisions are kept between builds; nil to keep none.
    public let cache: URL?

    public init(site: URL, cache: URL? = nil) {
        self.site = site
        self.cache = cache
    }

    /// The commit `HEAD` names in the site's repository; nil outside one (or before its
    /// first commit). Cheap: one `git rev-parse`, for the build's up-to-date check.
    public static func head(of site: URL) -> String? {
        guard let repository = try? GitRepository(site: site), !repository.isShallow else { return nil }
        return repository.head
    }

    /// The history, `ProjectHistory.none` outside a repository, an empty shallow one in
    /// a shallow clone. Never throws: a history that cannot be read is no history.
    public func read() -> ProjectHistory {
        guard let repository = try? GitRepository(site: site) else { return .none }
        if repository.isShallow { return ProjectHistory(availability: .shallow) }
        let today = ["content/project.yml", "content/team.csv", "content/milestones.csv"]
        var current: [String: Data] = [:]
        var key = Digest()
        for file in today {
            guard let data = FileManager.default.contents(atPath: site.appendingPathComponent(file).path) else { continue }
            current[file] = data
            key.update(file)
            key.update(data)
        }
        var stored = cache.flatMap(Self.load) ?? Stored()
        if stored.key != key.hex { stored = Stored(key: key.hex) }
        let read = stored.revisions.count
        var history = ProjectHistory(availability: .available)
        do {
            let issueLog = try repository.fileLog("content/issues.csv")
            let milestoneLog = try repository.fileLog("content/milestones.csv")
            let missing = Set((issueLog + milestoneLog).compactMap(\.blob)).subtracting(stored.revisions.keys).sorted()
            let contents = try repository.blobs(missing)
            let issueBlobs = Set(issueLog.compactMap(\.blob))
            let milestoneBlobs = Set(milestoneLog.compactMap(\.blob))
            func load(_ file: String, _ data: Data) -> (RawSite, DiagnosticList) {
                var files = current
                files[file] = data
                return (try? SiteLoader().load(MemoryFiles(files), root: site)) ?? (RawSite(root: site), DiagnosticList())
            }
            for (blob, data) in zip(missing, contents) {
                var revision = Stored.Revision()
                if issueBlobs.contains(blob) {
                    let (raw, loaded) = load("content/issues.csv", data)
                    revision.issues = RevisionReader.issues(raw, loaded: loaded)
                }
                if milestoneBlobs.contains(blob) {
                    let (raw, loaded) = load("content/milestones.csv", data)
                    revision.milestones = RevisionReader.milestones(raw, loaded: loaded)
                }
                stored.revisions[blob] = revision
            }
            history.revisions = issueLog.count + milestoneLog.count
            Self.replay(issueLog, stored: stored, into: &history, issues: true)
            Self.replay(milestoneLog, stored: stored, into: &history, issues: false)
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
        _ log: [(commit: ProjectHistory.Commit, blob: String?)], stored: Stored, into history: inout ProjectHistory,
        issues: Bool
    ) {
        var lastIssues: [String: ProjectHistory.IssueState] = [:]
        var lastMilestones: [String: ProjectHistory.MilestoneState] = [:]
        for (commit, blob) in log {
            guard let blob else { continue }  // deleted: nothing to compare until it is back
            let revision = stored.revisions[blob]
            if issues {
                guard let states = revision?.issues else {
                    history.unreadable.append(commit)
                    continue
                }
                for (id, state) in states.sorted(by: { $0.key < $1.key }) {
                    guard let state else { continue }  // a row with a mistake: unknown at this revision
                    if lastIssues[id] != state {
                        history.issues[id, default: []].append(.init(commit: commit, state: state))
                        lastIssues[id] = state
                    }
                }
                for id in lastIssues.keys.sorted() where states[id] == nil {
                    history.issues[id, default: []].append(.init(commit: commit, state: nil))
                    lastIssues[id] = nil
                }
            } else {
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
        }
        history.unreadable.sort { $0.time < $1.time }
    }

    /// The cache file's contents.
    struct Stored: Codable {
        struct Revision: Codable {
            var issues: [String: ProjectHistory.IssueState?]?
            var milestones: [String: ProjectHistory.MilestoneState]?
        }
        var version = 1
        /// The digest of today's project.yml, team.csv and milestones.csv.
        var key = ""
        var revisions: [String: Revision] = [:]
    }

    static func load(_ file: URL) -> Stored? {
        guard let data = try? Data(contentsOf: file), let stored = try? JSONDecoder().decode(Stored.self, from: data),
            stored.version == Stored().version
        else { return nil }
        return stored
    }

    static func save(_ stored: Stored, to file: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(stored) else { return }
        try? data.write(to: file, options: .atomic)
    }
}
