import DossierModel

/// Where a milestone stands on the as-of day: its state as the milestones page shows it,
/// and how many days it slipped.
public struct MilestoneStanding: Sendable, Equatable {
    public var state: Milestone.State
    /// Whole calendar days past `due`, counted once here for every place that shows it:
    /// `done − due` for a milestone reached by the as-of day (0 on time, negative when
    /// reached early); `as-of day − due` for one overdue (1 or more); nil while it is
    /// neither reached nor past due (planned, due soon). Days are the project's zone's.
    public var slipDays: Int?

    /// `milestone` as seen on `day`, the as-of day in the project's zone.
    public init(_ milestone: Milestone, on day: CivilDate) {
        state = milestone.state(on: day)
        switch state {
        case .done: slipDays = milestone.done.map { $0.daysSinceEpoch - milestone.due.daysSinceEpoch }
        case .overdue: slipDays = day.daysSinceEpoch - milestone.due.daysSinceEpoch
        case .dueSoon, .planned: slipDays = nil
        }
    }
}
