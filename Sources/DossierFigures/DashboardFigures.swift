import DossierModel
import Foundation

/// One week of the dashboard's time series.
public struct WeekPoint: Hashable, Sendable {
    public var week: ISOWeek
    public var opened: Int
    public var resolved: Int
    /// Open at the week's end (or at the as-of moment for the current week).
    public var backlog: Int
}

/// The backlog ageing buckets of SPEC §2: 0–2 d, 3–7 d, 8–30 d, over 30 d.
public enum AgeBucket: Int, CaseIterable, Sendable {
    case upTo2, upTo7, upTo30, over30

    public init(days: Int) {
        switch days {
        case ...2: self = .upTo2
        case 3...7: self = .upTo7
        case 8...30: self = .upTo30
        default: self = .over30
        }
    }
}

/// The figures of the dashboard, as seen at the as-of moment.
public struct DashboardFigures: Sendable {
    public var asOf: Date
    public var total: Int
    public var open: [Issue]
    public var resolvedCount: Int
    public var breachedOpen: [Issue]
    /// Among issues resolved by the as-of moment that have a target.
    public var slaMet: Int
    public var slaBreached: Int
    public var ageing: [AgeBucket: Int]
    /// From the project's first week to the as-of week.
    public var weeks: [WeekPoint]
    /// The newest weekly note not after the as-of week, and the one before it.
    public var latestNote: WeeklyNote?
    public var previousNote: WeeklyNote?
    /// Time to resolve among issues resolved by the as-of moment, by tier ("1", "2",
    /// "3", "none") and by category id ("none" without one).
    public var resolutionByTier: [String: ResolutionStats]
    public var resolutionByCategory: [String: ResolutionStats]
    /// SLA met and breached among resolved issues, by category id.
    public var slaByCategory: [String: SLACompliance]
    /// Issues held by tier 3 (the vendor): all known, and those still open.
    public var escalatedTotal: Int
    public var escalatedOpen: Int
    /// Open issues per owner and tier, most loaded first (`OwnerWorkload.table`).
    public var workload: [OwnerWorkload]

    public init(site: Site, asOf: Date) {
        let timeline = IssueTimeline(site: site)
        let clock = site.settings.clock
        self.asOf = asOf
        let known = site.issues.filter { $0.opened.instant <= asOf }
        total = known.count
        open = known.filter { timeline.isOpen($0, before: asOf) }
        resolvedCount = known.filter { ($0.resolvedTime?.instant).map { $0 < asOf } ?? false }.count
        breachedOpen = open.filter { timeline.slaState($0, at: asOf) == .breached }
        workload = OwnerWorkload.table(open, site: site, at: asOf)
        var met = 0
        var breached = 0
        for issue in known {
            switch timeline.slaState(issue, at: asOf) {
            case .met: met += 1
            case .breached where issue.resolvedTime.map({ $0.instant < asOf }) ?? false: breached += 1
            default: break
            }
        }
        slaMet = met
        slaBreached = breached

        var hoursByTier: [String: [Double]] = [:]
        var hoursByCategory: [String: [Double]] = [:]
        var slaByCategory: [String: SLACompliance] = [:]
        for issue in known {
            guard let resolved = issue.resolvedTime, resolved.instant < asOf else { continue }
            let hours = resolved.instant.timeIntervalSince(issue.opened.instant) / 3600
            hoursByTier[issue.tier.map(String.init) ?? "none", default: []].append(hours)
            hoursByCategory[issue.category ?? "none", default: []].append(hours)
            if let category = issue.category, let target = timeline.target(issue, until: resolved.instant) {
                if target.isMet(by: resolved) {
                    slaByCategory[category, default: SLACompliance()].met += 1
                } else {
                    slaByCategory[category, default: SLACompliance()].breached += 1
                }
            }
        }
        resolutionByTier = hoursByTier.compactMapValues { ResolutionStats(hours: $0) }
        resolutionByCategory = hoursByCategory.compactMapValues { ResolutionStats(hours: $0) }
        self.slaByCategory = slaByCategory
        escalatedTotal = known.filter { $0.tier == 3 }.count
        escalatedOpen = open.filter { $0.tier == 3 }.count
        var ageing = Dictionary(uniqueKeysWithValues: AgeBucket.allCases.map { ($0, 0) })
        for issue in open { ageing[AgeBucket(days: timeline.ageInDays(issue, at: asOf)), default: 0] += 1 }
        self.ageing = ageing

        let asOfWeek = clock.week(of: asOf)
        let firstDay = site.settings.start ?? site.issues.map(\.opened.day).min() ?? clock.day(of: asOf)
        var points: [WeekPoint] = []
        var week = min(firstDay.isoWeek, asOfWeek)
        // Per-week counts in one pass over the issues, then the running backlog.
        var openedPerWeek: [ISOWeek: Int] = [:]
        var resolvedPerWeek: [ISOWeek: Int] = [:]
        for issue in known {
            openedPerWeek[issue.opened.day.isoWeek, default: 0] += 1
            if let r = issue.resolvedTime, r.instant < asOf { resolvedPerWeek[r.day.isoWeek, default: 0] += 1 }
        }
        // The backlog at a moment (as `IssueTimeline.isOpen` counts it): the issues opened
        // before it, less those closed before it. One is closed before a moment when it is
        // no longer open, resolved, and both opened and resolved before it. Moments only
        // grow, so two sorted lists are walked once.
        let openings = known.map(\.opened.instant).sorted()
        let closings = known.compactMap { issue -> Date? in
            guard !issue.status.isOpen, let resolved = issue.resolved else { return nil }
            return max(issue.opened.instant, resolved.instant)
        }.sorted()
        var opened = 0
        var closed = 0
        while week <= asOfWeek, points.count < 1000 {
            let end = min(clock.interval(of: week).upperBound, asOf)
            while opened < openings.count, openings[opened] < end { opened += 1 }
            while closed < closings.count, closings[closed] < end { closed += 1 }
            let backlog = opened - closed
            points.append(
                WeekPoint(week: week, opened: openedPerWeek[week] ?? 0, resolved: resolvedPerWeek[week] ?? 0, backlog: backlog))
            week = week.next
        }
        weeks = points

        let notes = site.weeklyNotes.filter { $0.week <= asOfWeek }
        latestNote = notes.last
        previousNote = notes.dropLast().last
    }

    /// SLA compliance in percent, nil when no resolved issue had a target.
    public var slaPercent: Int? {
        let measured = slaMet + slaBreached
        return measured == 0 ? nil : Int((Double(slaMet) * 100 / Double(measured)).rounded())
    }
}
