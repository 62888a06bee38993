import DossierModel
import Foundation

/// Where an issue stands at a moment: the facts all figures are counted from.
public struct IssueTimeline: Sendable {
    public let settings: ProjectSettings
    /// The records' git history: with `sla.pause` set, the periods an issue spent in a
    /// paused status move its SLA target later (see `target(_:until:)`).
    public let history: ProjectHistory

    public init(settings: ProjectSettings, history: ProjectHistory = .none) {
        self.settings = settings
        self.history = history
    }

    /// The timeline of `site`, with its history.
    public init(site: Site) { self.init(settings: site.settings, history: site.history) }

    /// True when the SLA clock stops in some status and the history says when it did.
    public var pausesSLA: Bool { !settings.slaPause.isEmpty && history.isAvailable }

    var clock: ProjectClock { settings.clock }

    /// Opened by `moment` (exclusive) and not resolved, closed or rejected before it.
    public func isOpen(_ issue: Issue, before moment: Date) -> Bool {
        guard issue.opened.instant < moment else { return false }
        if !issue.status.isOpen, let resolved = issue.resolved, resolved.instant < moment { return false }
        return true
    }

    /// The SLA target of `issue` with its clock as it stands at `moment`: a target from
    /// the category's SLA moves later by the time spent in a paused status (`sla.pause`)
    /// between `opened` and `moment`; a `due` date set on the issue never moves.
    public func target(_ issue: Issue, until moment: Date) -> SLATarget? {
        guard var target = SLATarget(issue, settings: settings) else { return nil }
        if pausesSLA, issue.due == nil {
            let paused = history.seconds(of: issue, in: settings.slaPause, until: moment)
            if paused > 0 {
                target.instant = target.instant.addingTimeInterval(paused)
                target.day = settings.clock.day(of: target.instant)
            }
        }
        return target
    }

    /// The target of `issue` as shown at `moment`: its clock counted to its resolution,
    /// or to `moment` while it is open.
    public func target(_ issue: Issue, at moment: Date) -> SLATarget? {
        let end = issue.resolvedTime.map { min($0.instant, moment) } ?? moment
        return target(issue, until: end)
    }

    /// The SLA state of `issue` as seen at `moment`.
    public func slaState(_ issue: Issue, at moment: Date) -> SLAState {
        if issue.status == .rejected, let resolved = issue.resolved, resolved.instant < moment { return .rejected }
        if let resolved = issue.resolvedTime, resolved.instant < moment {
            guard let target = target(issue, until: resolved.instant) else { return .none }
            return target.isMet(by: resolved) ? .met : .breached
        }
        guard let target = target(issue, until: moment) else { return .none }
        return target.isPassed(at: moment, clock: clock) ? .breached : .pending
    }

    /// Whole days from opened to `moment` (for open issues) or to resolution.
    public func ageInDays(_ issue: Issue, at moment: Date) -> Int {
        let end = (issue.resolved.map { $0.instant < moment ? $0.instant : moment }) ?? moment
        return max(0, Int(end.timeIntervalSince(issue.opened.instant) / 86400))
    }

    /// Hours from opened to resolved, for resolved and closed issues.
    public func hoursToResolve(_ issue: Issue) -> Double? {
        guard let resolved = issue.resolvedTime else { return nil }
        return resolved.instant.timeIntervalSince(issue.opened.instant) / 3600
    }
}
