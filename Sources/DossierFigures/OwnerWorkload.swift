import DossierModel
import Foundation

/// One owner's open issues at a moment: how many per support tier, in all, and the
/// oldest of them (the dashboard's workload table).
public struct OwnerWorkload: Sendable, Equatable {
    /// The owner as the pages name them (a team.csv id or name gives the member's name);
    /// nil for the issues without an owner.
    public var owner: String?
    /// Open issues by tier: keys "1", "2", "3" and "none", each present, 0 when none.
    public var byTier: [String: Int]
    public var total: Int
    /// The id of the open issue opened first (the first in file order among equals).
    public var oldestID: String
    /// Whole days since that issue was opened (`IssueTimeline.ageInDays`).
    public var oldestAgeDays: Int

    /// The owners of `open` (the issues open at `moment`), most open issues first, then
    /// by name in code-point order; the issues without an owner last among equals.
    public static func table(_ open: [Issue], site: Site, at moment: Date) -> [OwnerWorkload] {
        let timeline = IssueTimeline(site: site)
        var rows: [String?: OwnerWorkload] = [:]
        var oldestOpened: [String?: Date] = [:]
        for issue in open {
            let owner = issue.owner.map { site.team.displayName($0) }
            let tier = issue.tier.map(String.init) ?? "none"
            var row =
                rows[owner]
                ?? OwnerWorkload(
                    owner: owner, byTier: ["1": 0, "2": 0, "3": 0, "none": 0], total: 0, oldestID: issue.id, oldestAgeDays: 0)
            row.byTier[tier, default: 0] += 1
            row.total += 1
            if oldestOpened[owner].map({ issue.opened.instant < $0 }) ?? true {
                oldestOpened[owner] = issue.opened.instant
                row.oldestID = issue.id
                row.oldestAgeDays = timeline.ageInDays(issue, at: moment)
            }
            rows[owner] = row
        }
        return rows.values.sorted { a, b in
            if a.total != b.total { return a.total > b.total }
            switch (a.owner, b.owner) {
            case (let x?, let y?): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
            case (.some, nil): return true
            default: return false
            }
        }
    }
}
