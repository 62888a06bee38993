import Foundation

/// What the git history of content/issues.csv and content/milestones.csv says happened,
/// revision by revision: each issue's and milestone's state at every commit that
/// changed it. Times are commit times (the committer's date, when the change landed on
/// the branch built), not the moment a person changed the tracker.
///
/// Read along the first-parent line of `HEAD`, following renames; a revision whose
/// file does not read (undecodable, its header without a required column) is skipped,
/// and a row with a mistake keeps the state it had before.
public struct ProjectHistory: Sendable {
    /// Whether there is a history to read.
    public enum Availability: String, Sendable {
        case available
        /// The site is in no git repository, or git could not be run.
        case noRepository = "no-repository"
        /// A shallow clone: the older commits are missing, so the story would be wrong.
        case shallow
    }

    /// A commit that changed a record file.
    public struct Commit: Sendable, Hashable {
        /// The full object name.
        public var id: String
        /// The committer's date.
        public var time: Date
        /// The author's name.
        public var author: String

        public init(id: String, time: Date, author: String) {
            self.id = id
            self.time = time
            self.author = author
        }

        /// The first seven hex digits, as git abbreviates it.
        public var short: String { String(id.prefix(7)) }
    }

    /// The fields of an issue the history follows.
    public struct IssueState: Sendable, Equatable, Codable {
        public var status: IssueStatus
        public var tier: Int?
        public var owner: String?
        public var priority: IssuePriority
        /// As the project writes it (`ProjectClock.describe`).
        public var due: String?
        public var milestone: String?

        public init(
            status: IssueStatus, tier: Int?, owner: String?, priority: IssuePriority, due: String?, milestone: String?
        ) {
            self.status = status
            self.tier = tier
            self.owner = owner
            self.priority = priority
            self.due = due
            self.milestone = milestone
        }

        /// The fields in the order a timeline shows them, nil for an empty one.
        public var fields: [(name: String, value: String?)] {
            [
                ("status", status.rawValue), ("tier", tier.map(String.init)), ("owner", owner),
                ("priority", priority.rawValue), ("due", due), ("milestone", milestone),
            ]
        }
    }

    /// The fields of a milestone the history follows.
    public struct MilestoneState: Sendable, Equatable, Codable {
        public var due: CivilDate
        public var done: CivilDate?

        public init(due: CivilDate, done: CivilDate?) {
            self.due = due
            self.done = done
        }
    }

    /// What a weekly note says of its week, as one revision of it says it.
    public struct NoteState: Sendable, Equatable, Codable {
        public var status: RAGStatus?
        public var completion: Int?

        public init(status: RAGStatus?, completion: Int?) {
            self.status = status
            self.completion = completion
        }
    }

    /// An issue or milestone as one commit left it; `state` nil when the row was removed.
    public struct Revision<State: Sendable & Equatable>: Sendable {
        public var commit: Commit
        public var state: State?

        public init(commit: Commit, state: State?) {
            self.commit = commit
            self.state = state
        }
    }

    public var availability: Availability
    /// Per issue id, the commits that changed it, oldest first; the first one added it.
    public var issues: [String: [Revision<IssueState>]]
    /// Per milestone id, the same.
    public var milestones: [String: [Revision<MilestoneState>]]
    /// Per week (`2026-W10`), the commits that changed its note's status or completion.
    public var notes: [String: [Revision<NoteState>]] = [:]
    /// The commits whose issues.csv or milestones.csv did not read, oldest first.
    public var unreadable: [Commit]
    /// How many revisions of the two files were read.
    public var revisions: Int

    public init(
        availability: Availability, issues: [String: [Revision<IssueState>]] = [:],
        milestones: [String: [Revision<MilestoneState>]] = [:], unreadable: [Commit] = [], revisions: Int = 0
    ) {
        self.availability = availability
        self.issues = issues
        self.milestones = milestones
        self.unreadable = unreadable
        self.revisions = revisions
    }

    /// No history: the site is in no repository.
    public static let none = ProjectHistory(availability: .noRepository)

    public var isAvailable: Bool { availability == .available }

    /// The periods `issue` spent in each status, from its `opened` time to `end` (the
    /// as-of moment, or its resolution when earlier): the status of the first revision
    /// holds from `opened`, each later one from its commit's time. Without history for the
    /// issue, one period in its current status. Periods are in time order and do not overlap.
    public func statusPeriods(of issue: Issue, until end: Date) -> [(status: IssueStatus, interval: DateInterval)] {
        let start = issue.opened.instant
        guard end > start else { return [] }
        var changes: [(Date, IssueStatus)] = []
        for revision in issues[issue.id] ?? [] {
            guard let state = revision.state else { continue }
            if let last = changes.last, last.1 == state.status { continue }
            changes.append((changes.isEmpty ? start : max(start, revision.commit.time), state.status))
        }
        if changes.isEmpty { changes = [(start, issue.status)] }
        var periods: [(status: IssueStatus, interval: DateInterval)] = []
        for (index, change) in changes.enumerated() {
            let from = min(change.0, end)
            let to = index + 1 < changes.count ? min(changes[index + 1].0, end) : end
            if to > from { periods.append((change.1, DateInterval(start: from, end: to))) }
        }
        return periods
    }

    /// Seconds `issue` spent in one of `statuses` between its `opened` time and `end`.
    public func seconds(of issue: Issue, in statuses: Set<IssueStatus>, until end: Date) -> TimeInterval {
        guard !statuses.isEmpty, isAvailable else { return 0 }
        return statusPeriods(of: issue, until: end).filter { statuses.contains($0.status) }.reduce(0) {
            $0 + $1.interval.duration
        }
    }

    /// A move of an issue from one support tier to a higher one (1 → 2, 2 → 3, 1 → 3).
    public struct Escalation: Sendable, Equatable {
        public var issue: String
        public var from: Int
        public var to: Int
        public var commit: Commit
    }

    /// Every escalation in the history, oldest first.
    public var escalations: [Escalation] { prepared?.escalations ?? findEscalations() }

    private func findEscalations() -> [Escalation] {
        var found: [Escalation] = []
        for (id, revisions) in issues {
            var tier: Int?
            for revision in revisions {
                guard let state = revision.state else { continue }
                if let old = tier, let new = state.tier, new > old {
                    found.append(Escalation(issue: id, from: old, to: new, commit: revision.commit))
                }
                if state.tier != nil { tier = state.tier }
            }
        }
        return found.sorted { ($0.commit.time, $0.issue) < ($1.commit.time, $1.issue) }
    }

    /// Every commit that took an issue from resolved, closed or rejected back to an open
    /// status, oldest first.
    public var reopenings: [(issue: String, commit: Commit)] { prepared?.reopenings ?? findReopenings() }

    private func findReopenings() -> [(issue: String, commit: Commit)] {
        var found: [(issue: String, commit: Commit)] = []
        for (id, revisions) in issues {
            var status: IssueStatus?
            for revision in revisions {
                guard let state = revision.state else { continue }
                if let old = status, !old.isOpen, state.status.isOpen { found.append((id, revision.commit)) }
                status = state.status
            }
        }
        return found.sorted { ($0.commit.time, $0.issue) < ($1.commit.time, $1.issue) }
    }

    /// Every commit that took an issue from an open status (or from nowhere: added
    /// already solved) to resolved or closed at tier 1, the history never having seen it
    /// above tier 1 before; oldest first. A later reopening does not undo it: the week
    /// it was solved in keeps it.
    public var tier1Solutions: [(issue: String, commit: Commit)] { prepared?.tier1Solutions ?? findTier1Solutions() }

    private func findTier1Solutions() -> [(issue: String, commit: Commit)] {
        var found: [(issue: String, commit: Commit)] = []
        for (id, revisions) in issues {
            var highest = 0
            var wasOpen = true
            for revision in revisions {
                guard let state = revision.state else { continue }
                highest = max(highest, state.tier ?? 0)
                if wasOpen, state.status.isResolved, state.tier == 1, highest <= 1 { found.append((id, revision.commit)) }
                wasOpen = state.status.isOpen
            }
        }
        return found.sorted { ($0.commit.time, $0.issue) < ($1.commit.time, $1.issue) }
    }

    /// What the figures of every week need, found once per build (`prepare(for:)`).
    public struct Prepared: Sendable {
        public var escalations: [Escalation]
        public var reopenings: [(issue: String, commit: Commit)]
        /// Every stay in an open status that a later status ended: its status, the
        /// moment it ended and its length in hours, in time order of the end.
        public var stays: [(status: IssueStatus, end: Date, hours: Double)]
        /// Every resolution at tier 1 of an issue never seen above tier 1 before it.
        public var tier1Solutions: [(issue: String, commit: Commit)]
    }

    /// Filled by `prepare(for:)`; nil before.
    public private(set) var prepared: Prepared?

    /// Finds once what every week's figures would otherwise find again: escalations,
    /// reopenings and the ended stays of `issues` in each open status.
    public mutating func prepare(for issues: [Issue]) {
        guard isAvailable else { return }
        var stays: [(status: IssueStatus, end: Date, hours: Double)] = []
        for issue in issues where self.issues[issue.id] != nil {
            for (status, interval) in statusPeriods(of: issue, until: .distantFuture).dropLast() where status.isOpen {
                stays.append((status, interval.end, interval.duration / 3600))
            }
        }
        stays.sort { $0.end < $1.end }
        prepared = Prepared(
            escalations: findEscalations(), reopenings: findReopenings(), stays: stays, tier1Solutions: findTier1Solutions())
    }

    /// How a milestone's due date moved in the history: the first due recorded (the
    /// baseline), how many commits changed it, and the days between the baseline and the
    /// current due (positive: later). Nil without history for the milestone.
    public func dueMoves(of id: String) -> (baseline: CivilDate, moves: Int, days: Int)? {
        let dues = (milestones[id] ?? []).compactMap(\.state?.due)
        guard let baseline = dues.first, let last = dues.last else { return nil }
        var moves = 0
        for (a, b) in zip(dues, dues.dropFirst()) where a != b { moves += 1 }
        return (baseline, moves, last.daysSinceEpoch - baseline.daysSinceEpoch)
    }
}

extension IssueStatus: Codable {}
extension IssuePriority: Codable {}
extension RAGStatus: Codable {}
extension CivilDate: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
