import DossierModel

/// The on-time rate of the milestones reached by a day (按期验收率): of the milestones
/// reached on or before that day, how many were reached on or before their `due` day.
/// Days are the project's zone's; a `done` date after the day does not count yet.
public struct MilestoneOnTime: Sendable, Equatable {
    /// Milestones reached by the day.
    public var reached: Int
    /// Of those, reached on or before their due day (a slip of 0 or less).
    public var onTime: Int

    public init(reached: Int, onTime: Int) {
        self.reached = reached
        self.onTime = onTime
    }

    public init(_ milestones: [Milestone], by day: CivilDate) {
        let done = milestones.filter { $0.isReached(by: day) }
        reached = done.count
        onTime = done.filter { m in m.done.map { $0 <= m.due } ?? false }.count
    }

    /// `onTime` in percent of `reached`, rounded to the nearest whole percent as the SLA
    /// compliance is; nil when no milestone is reached yet.
    public var percent: Int? { Self.percent(onTime: onTime, reached: reached) }

    /// `onTime` in percent of `reached`, rounded; nil when `reached` is 0.
    public static func percent(onTime: Int, reached: Int) -> Int? {
        reached == 0 ? nil : Int((Double(onTime) * 100 / Double(reached)).rounded())
    }
}
