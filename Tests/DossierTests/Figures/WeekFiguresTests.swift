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

    /// Every issue past its target is counted; the first `listedBreached` are named.
    @Test func aWeekNamesTheFirstBreachedIssuesAndCountsThemAll() throws {
        var many = site
        let late = try #require(site.issues.first { $0.id == "A2" })
        many.issues = (1...WeekFigures.listedBreached + 15).map { number in
            var copy = late
            copy.id = "B\(number)"
            return copy
        }
        let f = WeekFigures(site: many, week: ISOWeek("2026-W10")!, asOf: .distantFuture)
        #expect(f.breachedOpen == WeekFigures.listedBreached + 15)
        #expect(f.breachedOpenIDs == (1...WeekFigures.listedBreached).map { "B\($0)" })
    }

    @Test func week10CountsByHand() throws {
        let f = WeekFigures(site: site, week: ISOWeek("2026-W10")!, asOf: .distantFuture)
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
        // M4 is reached only after the week; M1 is due at the end of the week's Sunday,
        // the day the week is judged on, so it is not overdue yet.
        #expect(f.milestonesOverdue == ["M4"])
    }

    @Test func week10ByTierAndCategory() {
        let f = WeekFigures(site: site, week: ISOWeek("2026-W10")!, asOf: .distantFuture)
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

    /// 2026-W09: Monday 2026-02-23 to Sunday 2026-03-01 local.
    @Test func week09CountsByHand() {
        let w9 = WeekFigures(site: site, week: ISOWeek("2026-W09")!, asOf: .distantFuture)
        // A1 (Sunday 23:30 local), A8, A9, A12 (Monday 00:30 in Tokyo is Sunday here).
        #expect(w9.opened == 4)
        #expect(w9.resolved == 0 && w9.rejected == 0 && w9.slaMet == 0 && w9.slaBreached == 0)
        // A1 (resolved only on Monday), A7, A8 (rejected only in W10), A9, A12.
        #expect(w9.openAtEnd == 5)
        // A8 (4h from Feb 25, open then: rejected later) and A9 (3d from Feb 26 09:00);
        // A1's 4h runs to Monday 03:30.
        #expect(w9.breachedOpenIDs == ["A8", "A9"])
        #expect(w9.byTier["1"] == GroupCounts(opened: 3, resolved: 0, openAtEnd: 3))
        #expect(w9.byTier["3"] == GroupCounts(opened: 1, resolved: 0, openAtEnd: 2))
        #expect(w9.status == nil)
        #expect(w9.completion == nil)
        // M4 is due at the end of Mar 1, the week's Sunday: not overdue yet.
        #expect(w9.milestonesOverdue.isEmpty)
        #expect(w9.milestonesDone.isEmpty)
    }

    /// A week not yet over judges its milestones on the as-of day, by the one rule of
    /// `Milestone.isOverdue(on:)`: due at the end of its day in the project's zone.
    @Test func aWeekNotOverJudgesMilestonesOnTheAsOfDay() throws {
        let clock = site.settings.clock
        func week(_ text: String, asOf: String) throws -> WeekFigures {
            WeekFigures(site: site, week: ISOWeek(text)!, asOf: try #require(clock.parse(asOf)).instant)
        }
        // Thursday Mar 5, noon: M2 is due today and reached only tomorrow: not overdue, not done.
        let thursday = try week("2026-W10", asOf: "2026-03-05 12:00")
        #expect(thursday.milestonesOverdue == ["M4"])
        #expect(thursday.milestonesDone.isEmpty)
        // Friday Mar 6: M2 reached (a day late).
        let friday = try week("2026-W10", asOf: "2026-03-06 12:00")
        #expect(friday.milestonesDone == ["M2"])
        #expect(friday.milestonesOverdue == ["M4"])
        // Sunday Mar 8, the last minute: M1 is due today, still not overdue.
        #expect(try week("2026-W10", asOf: "2026-03-08 23:59").milestonesOverdue == ["M4"])
        // Monday Mar 9: M1's due day has ended; M4 is reached today.
        let monday = try week("2026-W11", asOf: "2026-03-09 00:00")
        #expect(monday.milestonesOverdue == ["M1"])
        #expect(monday.milestonesDone == ["M4"])
        // The milestones page's state says the same on each of those days.
        let m1 = try #require(site.milestones.first { $0.id == "M1" })
        #expect(m1.state(on: CivilDate(year: 2026, month: 3, day: 8)) == .dueSoon)
        #expect(m1.state(on: CivilDate(year: 2026, month: 3, day: 9)) == .overdue)
    }

    /// 2026-W11: Monday 2026-03-09 to Sunday 2026-03-15 local.
    @Test func week11CountsByHand() {
        let w11 = WeekFigures(site: site, week: ISOWeek("2026-W11")!, asOf: .distantFuture)
        #expect(w11.opened == 1)  // A4, 00:30 Monday local through its Z offset
        #expect(w11.resolved == 1)  // A9, resolved the week after it breached
        #expect(w11.slaMet == 0 && w11.slaBreached == 1)
        // A2, A3, A4, A7, A11, A12.
        #expect(w11.openAtEnd == 6)
        // A3's 3 days ran out on Mar 11; A4's hour on Monday; A7's due day has passed.
        #expect(w11.breachedOpenIDs == ["A2", "A3", "A4", "A7", "A11"])
        #expect(w11.milestonesDone == ["M4"])
        #expect(w11.milestonesOverdue == ["M1"])
        // Reached so far: M2 (a day late) and M4 (8 days late): none on time.
        #expect(w11.milestonesReached == 2 && w11.milestonesOnTime == 0 && w11.milestonesOnTimePercent == 0)
        // Against W10: one opened instead of six.
        let changes = w11.changes(since: WeekFigures(site: site, week: ISOWeek("2026-W10")!, asOf: .distantFuture))
        #expect(changes["opened"] == -5)
        #expect(changes["breached_open"] == 2)
    }

    /// The on-time rate is rounded to the nearest percent, and absent before any is reached.
    @Test func onTimeRateRounding() {
        #expect(MilestoneOnTime.percent(onTime: 2, reached: 3) == 67)
        #expect(MilestoneOnTime.percent(onTime: 1, reached: 3) == 33)
        #expect(MilestoneOnTime.percent(onTime: 1, reached: 8) == 13)
        #expect(MilestoneOnTime.percent(onTime: 0, reached: 0) == nil)
        let w09 = WeekFigures(site: site, week: ISOWeek("2026-W09")!, asOf: .distantFuture)
        #expect(w09.milestonesReached == 0 && w09.milestonesOnTimePercent == nil)
    }

    @Test func dashboardServiceFigures() {
        // As of Sunday 2026-03-15 23:59 local.
        let asOf = site.settings.clock.interval(of: ISOWeek("2026-W11")!).upperBound.addingTimeInterval(-1)
        let d = DashboardFigures(site: site, asOf: asOf)
        // Resolved: A1 (1.5 h, operation, met), A5 (config, by day: breached), A6
        // (permission, met), A9 (bug, 12 d, breached), A10 (no category: no target).
        #expect(d.slaByCategory["operation"] == SLACompliance(met: 1, breached: 0))
        #expect(d.slaByCategory["config"] == SLACompliance(met: 0, breached: 1))
        #expect(d.slaByCategory["permission"] == SLACompliance(met: 1, breached: 0))
        #expect(d.slaByCategory["bug"] == SLACompliance(met: 0, breached: 1))
        #expect(d.slaMet == 2 && d.slaBreached == 2)
        #expect(d.resolutionByCategory["operation"]?.medianHours == 1.5)
        #expect(d.resolutionByTier["3"]?.count == 1)  // A9
        #expect(d.resolutionByTier["3"]?.medianHours == 288.0)  // 12 days
        // Tier 3: A2, A7, A9; open: A2, A7.
        #expect(d.escalatedTotal == 3 && d.escalatedOpen == 2)
    }

    /// Nearest-rank percentiles: the median of 1…10 is 5, the 90th percentile 9.
    @Test func percentiles() {
        let stats = ResolutionStats(hours: (1...10).map(Double.init).shuffled())!
        #expect(stats.medianHours == 5)
        #expect(stats.p90Hours == 9)
        #expect(ResolutionStats(hours: [7])?.p90Hours == 7)
        #expect(ResolutionStats(hours: []) == nil)
    }

    @Test func jsonHasTheContractsKeys() throws {
        let json = WeekFigures(site: site, week: ISOWeek("2026-W09")!, asOf: .distantFuture).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "week", "status", "completion", "opened", "resolved", "rejected", "open_at_end", "sla_met", "sla_breached",
                "breached_open", "by_tier", "by_category", "milestones_done", "milestones_overdue", "milestones_reached",
                "milestones_on_time", "milestones_on_time_percent", "history",
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

    /// The dashboard's backlog, counted in one walk, is each week's count of issues open
    /// at its end (or at the as-of moment), as `isOpen` tells them one by one.
    @Test func dashboardBacklogIsTheOpenCountAtEachWeeksEnd() throws {
        let timeline = IssueTimeline(settings: site.settings)
        for asOf in ["2026-03-04 12:00", "2026-03-09 00:00", "2026-03-20 18:00", "2026-05-01 00:00"] {
            let moment = try #require(site.settings.clock.parse(asOf)).instant
            let weeks = DashboardFigures(site: site, asOf: moment).weeks
            #expect(!weeks.isEmpty)
            for point in weeks {
                let end = min(site.settings.clock.interval(of: point.week).upperBound, moment)
                let known = site.issues.filter { $0.opened.instant <= moment }
                #expect(point.backlog == known.filter { timeline.isOpen($0, before: end) }.count, "\(point.week) as of \(asOf)")
            }
        }
    }
}
