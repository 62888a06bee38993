import DossierFigures
import DossierModel
import Foundation
import Testing

/// The figures of Fixtures/figures, counted by hand; each issue's note column says why
/// it counts where it does. Project zone Asia/Shanghai (UTC+8); 2026-W10 runs from
/// Monday 2026-03-02 00:00 to Monday 2026-03-09 00:00 local time.
@Suite struct WeekFiguresTests {
    let site: Site
    init() throws { site = try loadValidSite("figures") }

    @Test func week10CountsByHand() throws {
        let f = WeekFigures(site: site, week: ISOWeek("2026-W10")!)
        // A2 (offset Z, Monday 00:30 local), A3 (last hour, +08:00), A5, A6, A10, A11.
        #expect(f.opened == 6)
        // A1, A5, A6, A10; A9 is resolved the week after, A8 is rejected.
        #expect(f.resolved == 4)
        #expect(f.rejected == 1)
        // A1 (within 4h) and A6 (date-only: same day) met; A5 (date-only: next day) breached;
        // A10 has no category, so no target.
        #expect(f.slaMet == 2)
        #expect(f.slaBreached == 1)
        // A2, A3, A7, A9, A11, A12 (A4 opens after the week, A12 before it via +09:00).
        #expect(f.openAtEnd == 6)
        // A2 (1h), A9 (3d, resolved only next week), A11 (4h); A7's due day is the last
        // day of the week, so not yet passed.
        #expect(f.breachedOpenIDs == ["A2", "A9", "A11"])
        #expect(f.breachedOpen == 3)
        #expect(f.status == "amber")
        #expect(f.completion == 80)
        #expect(f.milestonesDone == ["M2"])
        // M1 is due on the week's Sunday and not done; M4 is reached only after the week.
        #expect(f.milestonesOverdue == ["M1", "M4"])
    }

    @Test func week10ByTierAndCategory() {
        let f = WeekFigures(site: site, week: ISOWeek("2026-W10")!)
        func c(_ o: Int, _ r: Int, _ e: Int) -> GroupCounts { GroupCounts(opened: o, resolved: r, openAtEnd: e) }
        #expect(f.byTier["1"] == c(1, 2, 1))
        #expect(f.byTier["2"] == c(3, 1, 2))
        #expect(f.byTier["3"] == c(1, 0, 3))
        #expect(f.byTier["none"] == c(1, 1, 0))
        #expect(f.byCategory["operation"] == c(1, 1, 1))
        #expect(f.byCategory["config"] == c(2, 1, 1))
        #expect(f.byCategory["data"] == c(0, 0, 0))
        #expect(f.byCategory["permission"] == c(1, 1, 0))
        #expect(f.byCategory["bug"] == c(1, 0, 2))
        #expect(f.byCategory["requirement"] == c(0, 0, 1))
        #expect(f.byCategory["none"] == c(1, 1, 1))
    }

    @Test func neighbouringWeeks() {
        let w9 = WeekFigures(site: site, week: ISOWeek("2026-W09")!)
        // A1 (Sunday 23:30 local), A8, A9, A12 (Monday 00:30 in Tokyo is Sunday here).
        #expect(w9.opened == 4)
        #expect(w9.status == nil)
        #expect(w9.completion == nil)
        let w11 = WeekFigures(site: site, week: ISOWeek("2026-W11")!)
        #expect(w11.opened == 1)  // A4
        #expect(w11.resolved == 1)  // A9
        #expect(w11.slaBreached == 1)
    }

    @Test func jsonHasTheContractsKeys() throws {
        let json = WeekFigures(site: site, week: ISOWeek("2026-W09")!).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "week", "status", "completion", "opened", "resolved", "rejected", "open_at_end", "sla_met", "sla_breached",
            "breached_open", "by_tier", "by_category", "milestones_done", "milestones_overdue",
        ])
        #expect(object["status"] is NSNull)
        #expect(object["completion"] is NSNull)
        let byTier = try #require(object["by_tier"] as? [String: [String: Int]])
        #expect(Set(byTier["1"]!.keys) == ["opened", "resolved", "open_at_end"])
    }

    @Test func slaStatesAtAMoment() throws {
        let timeline = IssueTimeline(settings: site.settings)
        let end = site.settings.clock.interval(of: ISOWeek("2026-W10")!).upperBound
        let lastMoment = end.addingTimeInterval(-1)
        let states = Dictionary(uniqueKeysWithValues: site.issues.map { ($0.id, timeline.slaState($0, at: lastMoment)) })
        #expect(states["A1"] == .met)
        #expect(states["A5"] == .breached)
        // Due (date-only) on Sunday: pending through Sunday, breached from Monday 00:00.
        #expect(states["A7"] == .pending)
        #expect(timeline.slaState(site.issue("A7")!, at: end) == .breached)
        #expect(states["A8"] == .rejected)
        #expect(states["A10"] == SLAState.none)
    }
}
