import DossierModel
import DossierUtilities
import Foundation

/// Counts for one group of issues within a week (`by_tier`, `by_category`).
public struct GroupCounts: Hashable, Sendable, Codable {
    public var opened = 0
    public var resolved = 0
    public var openAtEnd = 0

    public init(opened: Int = 0, resolved: Int = 0, openAtEnd: Int = 0) {
        self.opened = opened
        self.resolved = resolved
        self.openAtEnd = openAtEnd
    }

    enum CodingKeys: String, CodingKey {
        case opened, resolved
        case openAtEnd = "open_at_end"
    }
}

/// A week's figures exactly as SPEC §3 defines them for `report weekly --format json`.
public struct WeekFigures: Sendable, Encodable {
    public var week: String
    public var status: String?
    public var completion: Int?
    /// Opened within the week.
    public var opened: Int
    /// Resolved or closed within the week.
    public var resolved: Int
    /// Rejected within the week.
    public var rejected: Int
    /// Opened before the week's end and not resolved or rejected by then.
    public var openAtEnd: Int
    /// Among those resolved within the week.
    public var slaMet: Int
    public var slaBreached: Int
    /// Open at the week's end and past their target.
    public var breachedOpen: Int
    /// Keys "1", "2", "3" (and "none" when some issue has no tier).
    public var byTier: [String: GroupCounts]
    /// Keys are category ids (and "none").
    public var byCategory: [String: GroupCounts]
    /// Reached within the week, by the day the week is judged on.
    public var milestonesDone: [String]
    /// Overdue on the day the week is judged on (`Milestone.isOverdue(on:)`): not reached
    /// by then and due before that day.
    public var milestonesOverdue: [String]
    /// Milestones reached by the day the week is judged on, since the project began.
    public var milestonesReached: Int
    /// Of `milestonesReached`, those reached on or before their due day.
    public var milestonesOnTime: Int
    /// `milestonesOnTime` in percent of `milestonesReached` (按期验收率), rounded; nil
    /// when none is reached.
    public var milestonesOnTimePercent: Int? {
        MilestoneOnTime.percent(onTime: milestonesOnTime, reached: milestonesReached)
    }
    /// Ids of the first `listedBreached` issues in `breachedOpen`, in file order (for the
    /// weekly page, which names these and says how many more there are).
    public var breachedOpenIDs: [String]
    /// How many of the issues past their target at the week's end `breachedOpenIDs` names:
    /// a large site keeps thousands a week, and 261 weeks of every id held 59 MB at 50,000
    /// issues.
    public static let listedBreached = 25
    /// What the git history says of the week (`HistoryFigures`); nil without history.
    public var history: HistoryFigures?

    enum CodingKeys: String, CodingKey {
        case week, status, completion, opened, resolved, rejected
        case openAtEnd = "open_at_end"
        case slaMet = "sla_met"
        case slaBreached = "sla_breached"
        case breachedOpen = "breached_open"
        case byTier = "by_tier"
        case byCategory = "by_category"
        case milestonesDone = "milestones_done"
        case milestonesOverdue = "milestones_overdue"
        case milestonesReached = "milestones_reached"
        case milestonesOnTime = "milestones_on_time"
        case milestonesOnTimePercent = "milestones_on_time_percent"
        case history
    }

    /// Writes `status` and `completion` as null when absent, as the contract asks.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(week, forKey: .week)
        try c.encode(status, forKey: .status)
        try c.encode(completion, forKey: .completion)
        try c.encode(opened, forKey: .opened)
        try c.encode(resolved, forKey: .resolved)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(openAtEnd, forKey: .openAtEnd)
        try c.encode(slaMet, forKey: .slaMet)
        try c.encode(slaBreached, forKey: .slaBreached)
        try c.encode(breachedOpen, forKey: .breachedOpen)
        try c.encode(byTier, forKey: .byTier)
        try c.encode(byCategory, forKey: .byCategory)
        try c.encode(milestonesDone, forKey: .milestonesDone)
        try c.encode(milestonesOverdue, forKey: .milestonesOverdue)
        try c.encode(milestonesReached, forKey: .milestonesReached)
        try c.encode(milestonesOnTime, forKey: .milestonesOnTime)
        try c.encode(milestonesOnTimePercent, forKey: .milestonesOnTimePercent)
        try c.encode(history, forKey: .history)
    }

    /// Counts `week` of `site` as known at `asOf`. Issues are counted over the whole
    /// week; milestones are judged on the week's last day, or on the as-of day when the
    /// week has not ended yet, so a milestone due on the as-of day is no more overdue in
    /// the report than on the milestones page.
    public init(site: Site, week: ISOWeek, asOf: Date) {
        self.init(site: site, week: week, asOf: asOf, facts: IssueFacts.of(site))
    }

    /// The figures of each of `weeks`, in order, counted on all cores from one reading of
    /// every issue: what `init(site:week:asOf:)` gives for each.
    public static func all(site: Site, weeks: [ISOWeek], asOf: Date) -> [WeekFigures] {
        let facts = IssueFacts.of(site)
        return weeks.parallelMap { WeekFigures(site: site, week: $0, asOf: asOf, facts: facts) }
    }

    private init(site: Site, week: ISOWeek, asOf: Date, facts: [IssueFacts]) {
        let timeline = IssueTimeline(site: site)
        let clock = site.settings.clock
        let range = clock.interval(of: week)
        let note = site.weeklyNotes.first { $0.week == week }
        self.week = week.description
        status = note?.status?.rawValue
        completion = note?.completion

        var tiers: [String: GroupCounts] = ["1": GroupCounts(), "2": GroupCounts(), "3": GroupCounts()]
        var categories = Dictionary(uniqueKeysWithValues: site.settings.categories.map { ($0.id, GroupCounts()) })
        opened = 0
        resolved = 0
        rejected = 0
        openAtEnd = 0
        slaMet = 0
        slaBreached = 0
        breachedOpen = 0
        breachedOpenIDs = []
        // Each week reads the facts taken once from every issue: copying an Issue retains
        // every field, and a target made afresh reads the calendar, for every issue and
        // every week (17 % of an edit's rebuild at 50,000 issues).
        var (openedCount, resolvedCount, rejectedCount, openAtEndCount) = (0, 0, 0, 0)
        var (slaMetCount, slaBreachedCount, breachedOpenCount) = (0, 0, 0)
        var breachedIDs: [String] = []
        // "Past the target at the week's end": the last instant of the week.
        let lastMoment = range.upperBound.addingTimeInterval(-0.001)
        for (index, fact) in facts.enumerated() {
            func count(_ update: (inout GroupCounts) -> Void) {
                update(&tiers[fact.tierKey, default: GroupCounts()])
                update(&categories[fact.categoryKey, default: GroupCounts()])
            }
            func target(until moment: Date) -> SLATarget? {
                fact.targetMoves ? timeline.target(site.issues[index], until: moment) : fact.target
            }
            if range.contains(fact.opened) {
                openedCount += 1
                count { $0.opened += 1 }
            }
            if let closedAt = fact.closed, range.contains(closedAt.instant) {
                if fact.rejected {
                    rejectedCount += 1
                } else {
                    resolvedCount += 1
                    count { $0.resolved += 1 }
                    if let target = target(until: closedAt.instant) {
                        if target.isMet(by: closedAt) { slaMetCount += 1 } else { slaBreachedCount += 1 }
                    }
                }
            }
            // Open at the week's end (as `IssueTimeline.isOpen(_:before:)`).
            if fact.opened < range.upperBound, !(fact.closed.map { $0.instant < range.upperBound } ?? false) {
                openAtEndCount += 1
                count { $0.openAtEnd += 1 }
                if let target = target(until: lastMoment), target.isPassed(at: lastMoment, clock: clock) {
                    breachedOpenCount += 1
                    if breachedIDs.count < Self.listedBreached { breachedIDs.append(site.issues[index].id) }
                }
            }
        }
        (opened, resolved, rejected, openAtEnd) = (openedCount, resolvedCount, rejectedCount, openAtEndCount)
        (slaMet, slaBreached, breachedOpen, breachedOpenIDs) = (slaMetCount, slaBreachedCount, breachedOpenCount, breachedIDs)
        byTier = tiers
        byCategory = categories
        let judged = Self.judgingDay(of: week, asOf: asOf, clock: clock)
        milestonesDone = site.milestones.filter { m in m.isReached(by: judged) && !m.isReached(by: week.monday.adding(days: -1)) }
            .map(\.id)
        milestonesOverdue = site.milestones.filter { $0.isOverdue(on: judged) }.map(\.id)
        let onTime = MilestoneOnTime(site.milestones, by: judged)
        milestonesReached = onTime.reached
        milestonesOnTime = onTime.onTime
        history = HistoryFigures(site: site, period: range, end: asOf)
    }

    /// The day a week's milestones are judged on: its Sunday, or the as-of day (in the
    /// project's zone) when that comes first.
    public static func judgingDay(of week: ISOWeek, asOf: Date, clock: ProjectClock) -> CivilDate {
        min(week.sunday, clock.day(of: asOf))
    }

    /// The change of each headline figure against `previous`: opened, resolved,
    /// rejected, open_at_end, sla_met, sla_breached, breached_open.
    public func changes(since previous: WeekFigures) -> [String: Int] {
        [
            "opened": opened - previous.opened, "resolved": resolved - previous.resolved,
            "rejected": rejected - previous.rejected, "open_at_end": openAtEnd - previous.openAtEnd,
            "sla_met": slaMet - previous.slaMet, "sla_breached": slaBreached - previous.slaBreached,
            "breached_open": breachedOpen - previous.breachedOpen,
        ]
    }

    /// The object `json()` writes, as a value for data/weeks.json: the same keys, sorted,
    /// `status` and `completion` null when absent.
    package var jsonValue: JSONText.Value {
        func counts(_ groups: [String: GroupCounts]) -> JSONText.Value {
            .object(
                groups.sorted { $0.key < $1.key }.map { key, group in
                    (
                        key,
                        .object([
                            ("open_at_end", .int(group.openAtEnd)), ("opened", .int(group.opened)),
                            ("resolved", .int(group.resolved)),
                        ])
                    )
                })
        }
        let members: [(String, JSONText.Value)] = [
            ("week", .string(week)), ("status", status.map { .string($0) } ?? .null),
            ("completion", completion.map { .int($0) } ?? .null), ("opened", .int(opened)), ("resolved", .int(resolved)),
            ("rejected", .int(rejected)), ("open_at_end", .int(openAtEnd)), ("sla_met", .int(slaMet)),
            ("sla_breached", .int(slaBreached)), ("breached_open", .int(breachedOpen)), ("by_tier", counts(byTier)),
            ("by_category", counts(byCategory)), ("milestones_done", .array(milestonesDone.map { .string($0) })),
            ("milestones_overdue", .array(milestonesOverdue.map { .string($0) })),
            ("milestones_reached", .int(milestonesReached)), ("milestones_on_time", .int(milestonesOnTime)),
            ("milestones_on_time_percent", milestonesOnTimePercent.map { .int($0) } ?? .null),
            ("history", history?.jsonValue ?? .null),
        ]
        return .object(members.sorted { $0.0 < $1.0 })
    }

    /// The figures as the JSON object of `report weekly --format json`.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// What a week's count reads of one issue, taken once for all weeks.
struct IssueFacts: Sendable {
    var opened: Date
    /// The resolved time of an issue that is resolved, closed or rejected.
    var closed: RecordTime?
    var rejected: Bool
    var tierKey: String
    var categoryKey: String
    /// The SLA target, when it does not depend on the moment it is judged at.
    var target: SLATarget?
    /// True when the target moves with time spent in a paused status (`sla.pause` with
    /// git history, and no due date): then it is asked of `IssueTimeline` each time.
    var targetMoves: Bool

    static func of(_ site: Site) -> [IssueFacts] {
        let timeline = IssueTimeline(site: site)
        return site.issues.map { issue in
            let moves = timeline.pausesSLA && issue.due == nil
            return IssueFacts(
                opened: issue.opened.instant, closed: issue.status.isOpen ? nil : issue.resolved,
                rejected: issue.status == .rejected, tierKey: issue.tier.map(String.init) ?? "none",
                categoryKey: issue.category ?? "none", target: moves ? nil : SLATarget(issue, settings: site.settings),
                targetMoves: moves)
        }
    }
}
