import DossierModel
import DossierUtilities
import Foundation

/// What the records' git history says of a period (a week, or the whole project up to
/// the as-of moment): the three-tier support model's escalations, reopened issues and
/// how long issues stay in each open status. Times are commit times (see
/// `ProjectHistory`); nil wherever there is no history.
public struct HistoryFigures: Sendable, Equatable, Encodable {
    /// Issues moved from tier 1 to tier 2 within the period, by id, in time order.
    public var escalatedToTier2: [String]
    /// Issues moved to tier 3 (the vendor) from tier 1 or 2 within the period.
    public var escalatedToTier3: [String]
    /// Issues resolved or closed at tier 1 within the period (by commit time) that the
    /// history never saw above tier 1 before, by id; a later reopening does not take
    /// them out of the week they were solved in.
    public var solvedAtTier1IDs: [String]
    public var solvedAtTier1: Int { solvedAtTier1IDs.count }
    /// Issues taken from resolved, closed or rejected back to an open status within
    /// the period, by id (once each).
    public var reopened: [String]
    /// Per open status (`open`, `in-progress`, `waiting`), the median length in hours of
    /// the stays in it that ended within the period; a status without one is left out.
    public var medianHoursInStatus: [String: Double]

    /// The figures of `site`'s history for the commits in `period`; `end` is the as-of
    /// moment (stays still going on then are not counted). Nil without history.
    public init?(site: Site, period: Range<Date>, end: Date) {
        var history = site.history
        guard history.isAvailable else { return nil }
        if history.prepared == nil { history.prepare(for: site.issues) }
        func within(_ time: Date) -> Bool { time >= period.lowerBound && time < period.upperBound && time <= end }
        escalatedToTier2 = []
        escalatedToTier3 = []
        for escalation in history.escalations where within(escalation.commit.time) {
            if escalation.to == 2, escalation.from == 1, !escalatedToTier2.contains(escalation.issue) {
                escalatedToTier2.append(escalation.issue)
            }
            if escalation.to == 3, !escalatedToTier3.contains(escalation.issue) {
                escalatedToTier3.append(escalation.issue)
            }
        }
        reopened = []
        for reopening in history.reopenings where within(reopening.commit.time) && !reopened.contains(reopening.issue) {
            reopened.append(reopening.issue)
        }
        solvedAtTier1IDs = []
        for solution in history.tier1Solutions where within(solution.commit.time) {
            if !solvedAtTier1IDs.contains(solution.issue) { solvedAtTier1IDs.append(solution.issue) }
        }
        // A stay counts in the period it ended in, before the as-of moment.
        var stays: [IssueStatus: [Double]] = [:]
        for stay in history.prepared?.stays ?? [] where within(stay.end) {
            stays[stay.status, default: []].append(stay.hours)
        }
        medianHoursInStatus = Dictionary(
            uniqueKeysWithValues: stays.map { status, hours in (status.rawValue, Self.median(hours)) })
    }

    enum CodingKeys: String, CodingKey {
        case escalatedToTier2 = "escalated_to_tier_2"
        case escalatedToTier2IDs = "escalated_to_tier_2_ids"
        case escalatedToTier3 = "escalated_to_tier_3"
        case escalatedToTier3IDs = "escalated_to_tier_3_ids"
        case medianHoursInStatus = "median_hours_in_status"
        case reopened
        case reopenedIDs = "reopened_ids"
        case solvedAtTier1 = "solved_at_tier_1"
        case solvedAtTier1IDs = "solved_at_tier_1_ids"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(escalatedToTier2.count, forKey: .escalatedToTier2)
        try c.encode(escalatedToTier2, forKey: .escalatedToTier2IDs)
        try c.encode(escalatedToTier3.count, forKey: .escalatedToTier3)
        try c.encode(escalatedToTier3, forKey: .escalatedToTier3IDs)
        try c.encode(medianHoursInStatus.mapValues { ($0 * 10).rounded() / 10 }, forKey: .medianHoursInStatus)
        try c.encode(reopened.count, forKey: .reopened)
        try c.encode(reopened, forKey: .reopenedIDs)
        try c.encode(solvedAtTier1, forKey: .solvedAtTier1)
        try c.encode(solvedAtTier1IDs, forKey: .solvedAtTier1IDs)
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The JSON object of `report weekly --format json`'s `history` key: the counts, the
    /// ids, and the medians rounded to a tenth of an hour.
    package var jsonValue: JSONText.Value {
        .object([
            ("escalated_to_tier_2", .int(escalatedToTier2.count)),
            ("escalated_to_tier_2_ids", .array(escalatedToTier2.map { .string($0) })),
            ("escalated_to_tier_3", .int(escalatedToTier3.count)),
            ("escalated_to_tier_3_ids", .array(escalatedToTier3.map { .string($0) })),
            (
                "median_hours_in_status",
                .object(
                    medianHoursInStatus.sorted { $0.key < $1.key }.map { ($0.key, .double(($0.value * 10).rounded() / 10)) })
            ),
            ("reopened", .int(reopened.count)), ("reopened_ids", .array(reopened.map { .string($0) })),
            ("solved_at_tier_1", .int(solvedAtTier1)), ("solved_at_tier_1_ids", .array(solvedAtTier1IDs.map { .string($0) })),
        ])
    }
}
