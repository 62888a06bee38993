import DossierModel
import Foundation

/// How long resolving took in a group of issues: count, median and 90th percentile.
public struct ResolutionStats: Hashable, Sendable {
    public var count: Int
    /// Hours from opened to resolved.
    public var medianHours: Double
    public var p90Hours: Double

    /// Nearest-rank percentiles of `hours`; nil for an empty group.
    public init?(hours: [Double]) {
        guard !hours.isEmpty else { return nil }
        let sorted = hours.sorted()
        count = sorted.count
        medianHours = Self.percentile(sorted, 50)
        p90Hours = Self.percentile(sorted, 90)
    }

    /// The nearest-rank percentile: the smallest value with at least `p` % of the values
    /// at or below it.
    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}

/// A group's SLA figures: met and breached among its resolved issues.
public struct SLACompliance: Hashable, Sendable {
    public var met = 0
    public var breached = 0

    public init(met: Int = 0, breached: Int = 0) {
        self.met = met
        self.breached = breached
    }

    /// Percent met, rounded; nil when nothing was measured.
    public var percent: Int? {
        met + breached == 0 ? nil : Int((Double(met) * 100 / Double(met + breached)).rounded())
    }
}
