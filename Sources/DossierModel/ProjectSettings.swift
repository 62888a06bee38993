import DossierDiagnostics
import Foundation

/// A category of problems with its resolution target.
public struct IssueCategory: Hashable, Sendable {
    public var id: String
    public var label: String
    public var sla: SLADuration?

    public init(id: String, label: String, sla: SLADuration?) {
        self.id = id
        self.label = label
        self.sla = sla
    }

    /// SPEC §1.3's categories, used when project.yml names none.
    public static let defaults: [IssueCategory] = [
        ("operation", "Operation", "4h"), ("config", "Configuration", "1h"), ("data", "Master data", "1h"),
        ("permission", "Permission", "1h"), ("bug", "Bug", "3d"), ("requirement", "Requirement", "14d"),
    ].map { IssueCategory(id: $0.0, label: $0.1, sla: SLADuration($0.2)) }
}

/// content/project.yml, checked, with its defaults filled in.
public struct ProjectSettings: Sendable {
    public var name: String
    public var client: String?
    /// `en`, `zh` or `ru`.
    public var language: String
    public var clock: ProjectClock
    public var start: CivilDate?
    /// Where the site is published; nil when project.yml has no `base_url`.
    public var baseURL: BaseURL?
    public var categories: [IssueCategory]
    /// Folded header (see `FieldAliases.fold`) → field name, from `issues.columns`.
    public var columns: [String: String]
    /// Field → folded cell value → canonical value, from `issues.values`.
    public var values: [String: [String: String]]
    /// The ids `issues.values.milestone` maps to, with where each is written: checked
    /// against milestones.csv once it is read.
    public var milestoneValueTargets: [(id: String, location: SourceLocation)]
    /// Folded header → field name of milestones.csv, from `milestones.columns`.
    public var milestoneColumns: [String: String]
    /// The milestones page's groups and filters, from `milestones.group_by`: `scope` or
    /// the header of an extra column, as written. Nil when project.yml does not say:
    /// then `scope`, when any milestone has one.
    public var milestoneGroups: [(name: String, location: SourceLocation)]?
    /// Folded header → field name of team.csv, from `team.columns`.
    public var teamColumns: [String: String]
    public var allowRawHTML: Bool
    /// project.yml's `dates`: the order of every year-last slash or dash date (dotted
    /// dates are day-first whatever it says), nil to decide it per CSV column (see
    /// `DateColumn`).
    public var dateOrder: DateOrder?
    /// project.yml's `sla.pause`: the open statuses during which an issue's SLA clock
    /// stops (Redmine's Feedback, waiting on the user). Empty by default; only counted
    /// where the git history gives the intervals (see `ProjectHistory`).
    public var slaPause: Set<IssueStatus>
    /// project.yml's `views`, in the order written (see `SiteView`).
    public var views: [SiteView] = []
    /// project.yml's `issues.page_size`: rows per page of the issue list (issues/index.html,
    /// then issues/page/N/index.html); 0 puts every issue on one page.
    public var issuePageSize = ProjectSettings.defaultIssuePageSize

    /// Rows per page of the issue list unless project.yml says: about 0.7–1 MB of HTML, a
    /// page a browser shows within a second.
    public static let defaultIssuePageSize = 1000

    public static let languages = ["en", "zh", "ru"]

    public init(name: String) {
        self.name = name
        client = nil
        language = "en"
        clock = ProjectClock(timeZone: TimeZone(identifier: "UTC")!)
        start = nil
        baseURL = nil
        categories = IssueCategory.defaults
        columns = [:]
        values = [:]
        milestoneValueTargets = []
        milestoneColumns = [:]
        milestoneGroups = nil
        teamColumns = [:]
        allowRawHTML = false
        dateOrder = nil
        slaPause = []
    }

    public func category(_ id: String) -> IssueCategory? { categories.first { $0.id == id } }

    public func view(_ name: String) -> SiteView? { views.first { $0.name == name } }
}
