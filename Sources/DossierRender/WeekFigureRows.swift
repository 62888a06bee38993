import DossierFigures
import DossierModel

/// A week's figures as every version of the report lays them out — the page, the mail
/// version, the Markdown and the text: which headline figures in which order with their
/// change against the previous week, and which tier and category rows.
enum WeekFigureRows {
    /// One headline figure of the week.
    struct Headline {
        /// The key of its label among the theme's words (`fig_opened`).
        var labelKey: String
        /// Its key in `report weekly --format json` and in `WeekFigures.changes(since:)`.
        var field: String
        var value: Int
        /// This week's value minus the previous week's.
        var change: Int
    }

    /// Opened, resolved, rejected, open at the week's end, resolved within and past the
    /// SLA, open past the target at the week's end: SPEC §3's counting keys, in that order.
    static func headline(_ figures: WeekFigures, since previous: WeekFigures) -> [Headline] {
        let changes = figures.changes(since: previous)
        return [
            ("fig_opened", "opened", figures.opened), ("fig_resolved", "resolved", figures.resolved),
            ("fig_rejected", "rejected", figures.rejected), ("fig_open_at_end", "open_at_end", figures.openAtEnd),
            ("fig_sla_met", "sla_met", figures.slaMet), ("fig_sla_breached", "sla_breached", figures.slaBreached),
            ("fig_breached_open", "breached_open", figures.breachedOpen),
        ].map { key, field, value in Headline(labelKey: key, field: field, value: value, change: changes[field] ?? 0) }
    }

    /// A change as the report shows it: `↑ 2`, `↓ 1`, or `=` for none.
    static func changeText(_ difference: Int) -> String {
        difference > 0 ? "↑ \(difference)" : difference < 0 ? "↓ \(-difference)" : "="
    }

    /// The tier rows: tiers 1, 2, 3, then issues without one (`none`).
    static func tiers(_ figures: WeekFigures) -> [(key: String, counts: GroupCounts)] {
        groups(figures.byTier, order: ["1", "2", "3", "none"])
    }

    /// The category rows: project.yml's categories in its order, then any other key
    /// by name (`none` for issues without one).
    static func categories(_ figures: WeekFigures, settings: ProjectSettings) -> [(key: String, counts: GroupCounts)] {
        groups(figures.byCategory, order: settings.categories.map(\.id))
    }

    /// The groups that opened, resolved or held an issue in the week: those of `order`
    /// first, in that order, then the others by key.
    private static func groups(_ groups: [String: GroupCounts], order: [String]) -> [(key: String, counts: GroupCounts)] {
        let keys = order.filter { groups[$0] != nil } + groups.keys.filter { !order.contains($0) }.sorted()
        return keys.compactMap { key in
            guard let c = groups[key], c.opened + c.resolved + c.openAtEnd > 0 else { return nil }
            return (key, c)
        }
    }
}

extension Localizer {
    /// A support tier's label (`tier_1`), or `tier_none`.
    func tier(_ tier: Int?) -> String { tier.map { self["tier_\($0)"] } ?? self["tier_none"] }

    /// A category's label from project.yml, its id when it has none there, or
    /// `category_none`.
    func category(_ id: String?, settings: ProjectSettings) -> String {
        guard let id else { return self["category_none"] }
        return settings.category(id)?.label ?? id
    }

    /// A tier or category row's key as `WeekFigures` writes it ("none" for none).
    func tierRow(_ key: String) -> String { key == "none" ? tier(nil) : tier(Int(key)) }
    func categoryRow(_ key: String, settings: ProjectSettings) -> String {
        category(key == "none" ? nil : key, settings: settings)
    }

    /// The RAG status's label (`rag_amber`), `rag_none` without one.
    func rag(_ status: RAGStatus?) -> String { self["rag_" + (status?.rawValue ?? "none")] }

    /// An SLA target: its day when it is counted by day, else its day and local time.
    func target(_ target: SLATarget, clock: ProjectClock) -> String {
        target.byDay
            ? date(target.day) : time(RecordTime(instant: target.instant, day: target.day, isDateOnly: false), clock: clock)
    }
}
