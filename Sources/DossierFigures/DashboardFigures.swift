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

    public init(site: Site, asOf: Date) {
        let timeline = IssueTimeline(settings: site.settings)
        let clock = site.settings.clock
        self.asOf = asOf
        let known = site.issues.filter { $0.opened.instant <= asOf }
        total = known.count
        open = known.filter { timeline.isOpen($0, before: asOf) }
        resolvedCount = known.filter { ($0.resolvedTime?.instant).map { $0 < asOf } ?? false }.count
        breachedOpen = open.filter { timeline.slaState($0, at: asOf) == .breached }
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
        while week <= asOfWeek, points.count < 1000 {
            let end = min(clock.interval(of: week).upperBound, asOf)
            let backlog = known.lazy.filter { timeline.isOpen($0, before: end) }.count
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
