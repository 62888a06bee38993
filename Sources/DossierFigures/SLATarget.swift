import DossierModel
import Foundation

/// When an issue should be resolved by (SPEC §1.3).
///
/// The target is `due` when given, else `opened` plus the category's SLA. When any of
/// `opened`, `resolved` or `due` is date-only, the comparison is by calendar day in the
/// project's zone: met when the day resolved is not after the target's day.
public struct SLATarget: Hashable, Sendable {
    public var instant: Date
    public var day: CivilDate
    public var byDay: Bool

    /// The target of `issue`, nil when it has no category with an SLA and no due date.
    public init?(_ issue: Issue, settings: ProjectSettings) {
        let dateOnly = issue.opened.isDateOnly || (issue.resolved?.isDateOnly ?? false)
        if let due = issue.due {
            instant = due.instant
            day = due.day
            byDay = dateOnly || due.isDateOnly
            return
        }
        guard let id = issue.category, let sla = settings.category(id)?.sla else { return nil }
        instant = issue.opened.instant.addingTimeInterval(TimeInterval(sla.seconds))
        day = settings.clock.day(of: instant)
        byDay = dateOnly
    }

    /// True when resolving at `time` keeps the target.
    public func isMet(by time: RecordTime) -> Bool {
        byDay ? time.day <= day : time.instant <= instant
    }

    /// True when an issue still open at `instant` is past its target.
    public func isPassed(at moment: Date, clock: ProjectClock) -> Bool {
        byDay ? clock.day(of: moment) > day : moment > instant
    }
}

/// An issue's SLA outcome.
public enum SLAState: String, Sendable {
    /// Resolved within the target.
    case met
    /// Resolved late, or still open past the target.
    case breached
    /// Open, target not yet passed.
    case pending
    /// No target: no category SLA and no due date.
    case none
    /// Rejected: counts neither way.
    case rejected
}
