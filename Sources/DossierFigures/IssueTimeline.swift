import DossierModel
import Foundation

/// Where an issue stands at a moment: the facts all figures are counted from.
public struct IssueTimeline: Sendable {
    public let settings: ProjectSettings

    public init(settings: ProjectSettings) { self.settings = settings }

    var clock: ProjectClock { settings.clock }

    /// Opened by `moment` (exclusive) and not resolved, closed or rejected before it.
    public func isOpen(_ issue: Issue, before moment: Date) -> Bool {
        guard issue.opened.instant < moment else { return false }
        if !issue.status.isOpen, let resolved = issue.resolved, resolved.instant < moment { return false }
        return true
    }

    public func target(_ issue: Issue) -> SLATarget? { SLATarget(issue, settings: settings) }

    /// The SLA state of `issue` as seen at `moment`.
    public func slaState(_ issue: Issue, at moment: Date) -> SLAState {
        if issue.status == .rejected, let resolved = issue.resolved, resolved.instant < moment { return .rejected }
        guard let target = target(issue) else { return .none }
        if let resolved = issue.resolvedTime, resolved.instant < moment {
            return target.isMet(by: resolved) ? .met : .breached
        }
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
