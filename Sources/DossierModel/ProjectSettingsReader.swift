import DossierDiagnostics
import DossierRecords
import Foundation

/// Checks content/project.yml and fills in the defaults of SPEC §1.1.
struct ProjectSettingsReader {
    static let knownKeys = [
        "name", "client", "language", "timezone", "start", "base_url", "categories", "issues", "milestones", "team",
        "encoding", "markdown", "dates", "sla", "views",
    ]
    static let viewKeys = ["audiences", "issue_fields", "columns", "owners_as", "weekly", "output"]
    static let milestoneFields = ["id", "title", "due", "done", "owner", "scope", "description"]
    static let teamFields = ["id", "name", "role", "org", "email"]
    static let issueFields = [
        "id", "title", "status", "opened", "resolved", "tier", "category", "priority", "module", "reporter", "owner",
        "due", "milestone", "tags", "description", "resolution",
    ]

    static func read(_ node: YAMLNode?, siteName: String, diagnostics: inout DiagnosticList) -> ProjectSettings {
        var settings = ProjectSettings(name: siteName)
        guard let node, let entries = node.entries else { return settings }

        func text(_ key: String, _ value: YAMLNode) -> String? {
            if value.isNull { return nil }
            guard let scalar = value.scalar else {
                diagnostics.append(.wrongType(.projectValue, key: key, expected: .text, node: value))
                return nil
            }
            return scalar
        }

        for (key, keyNode, value) in entries {
            switch key {
            case "name":
                if let name = text(key, value), !name.isEmpty { settings.name = name }
            case "client":
                settings.client = text(key, value)
            case "language":
                guard let language = text(key, value) else { break }
                if ProjectSettings.languages.contains(language) {
                    settings.language = language
                } else {
                    diagnostics.append(
                        .unknownValue(
                            .projectValue, field: "language", value: language, expected: ProjectSettings.languages,
                            at: value.location))
                }
            case "timezone":
                guard let zone = text(key, value) else { break }
                if let timeZone = TimeZone(identifier: zone) {
                    settings.clock = ProjectClock(timeZone: timeZone)
                } else {
                    diagnostics.append(.unknownTimeZone(zone, at: value.location))
                }
            case "start":
                guard let start = text(key, value) else { break }
                if let date = CivilDate(iso: start) {
                    settings.start = date
                } else {
                    diagnostics.append(.badDay(.projectValue, field: "start", value: start, at: value.location))
                }
            case "base_url":
                guard let written = text(key, value) else { break }
                switch BaseURL.parse(written) {
                case .success(let url): settings.baseURL = url
                case .failure(let problem): diagnostics.append(.badBaseURL(written, problem: problem, at: value.location))
                }
            case "categories":
                settings.categories = readCategories(value, diagnostics: &diagnostics)
            case "issues":
                readIssueMapping(value, into: &settings, diagnostics: &diagnostics)
            case "milestones":
                readMilestoneSettings(value, into: &settings, diagnostics: &diagnostics)
            case "team":
                guard let team = value.entries else {
                    diagnostics.append(.wrongType(.projectValue, key: key, expected: .mapWithColumns, node: value))
                    break
                }
                for (subkey, subkeyNode, subvalue) in team {
                    if subkey == "columns" {
                        settings.teamColumns = readColumns(
                            subvalue, key: "team.columns", fields: teamFields, diagnostics: &diagnostics)
                    } else {
                        diagnostics.append(
                            .unknownKey(.projectKey, key: "team.\(subkey)", known: ["team.columns"], at: subkeyNode.location))
                    }
                }
            case "encoding":
                break  // read by the loader, which needs it first
            case "dates":
                guard let order = text(key, value) else { break }
                if let dateOrder = DateOrder(rawValue: order) {
                    settings.dateOrder = dateOrder
                } else {
                    diagnostics.append(
                        .unknownValue(
                            .projectValue, field: "dates", value: order, expected: DateOrder.allCases.map(\.rawValue),
                            at: value.location))
                }
            case "sla":
                readSLASettings(value, into: &settings, diagnostics: &diagnostics)
            case "views":
                settings.views = readViews(value, diagnostics: &diagnostics)
            case "markdown":
                guard let markdown = value.entries else {
                    diagnostics.append(.wrongType(.projectValue, key: key, expected: .map, node: value))
                    break
                }
                for (subkey, subkeyNode, subvalue) in markdown {
                    if subkey == "unsafe_html" {
                        if let allow = subvalue.bool {
                            settings.allowRawHTML = allow
                        } else {
                            diagnostics.append(
                                .wrongType(.projectValue, key: "markdown.unsafe_html", expected: .trueOrFalse, node: subvalue))
                        }
                    } else {
                        diagnostics.append(
                            .unknownKey(
                                .projectKey, key: "markdown.\(subkey)", known: ["markdown.unsafe_html"], at: subkeyNode.location))
                    }
                }
            default:
                diagnostics.append(.unknownKey(.projectKey, key: key, known: knownKeys, at: keyNode.location))
            }
        }
        return settings
    }

    /// `views: {client: {audiences: [internal, vendor], issue_fields: [owner], columns:
    /// [内部备注], owners_as: org, weekly: [风险], output: output-client}}`: what each
    /// view hides (see `SiteView`). Columns and sections are checked against the records
    /// once they are read.
    private static func readViews(_ node: YAMLNode, diagnostics: inout DiagnosticList) -> [SiteView] {
        guard let entries = node.entries else {
            diagnostics.append(.wrongType(.projectValue, key: "views", expected: .map, node: node))
            return []
        }
        var views: [SiteView] = []
        for (name, nameNode, value) in entries {
            guard SiteView.isValidName(name) else {
                diagnostics.append(.badViewName(name, at: nameNode.location))
                continue
            }
            var view = SiteView(name: name, location: nameNode.location)
            guard let keys = value.entries else {
                if !value.isNull {
                    diagnostics.append(.wrongType(.projectValue, key: "views.\(name)", expected: .map, node: value))
                }
                views.append(view)
                continue
            }
            func list(_ key: String, _ node: YAMLNode) -> [YAMLNode] {
                if node.isNull { return [] }
                if node.scalar != nil { return [node] }
                guard let items = node.items, items.allSatisfy({ $0.scalar != nil && !$0.isNull }) else {
                    diagnostics.append(.wrongType(.projectValue, key: "views.\(name).\(key)", expected: .textList, node: node))
                    return []
                }
                return items
            }
            for (key, keyNode, item) in keys {
                switch key {
                case "audiences":
                    for word in list(key, item) {
                        if let audience = word.scalar.flatMap(Audience.init(word:)), audience != .all {
                            view.audiences.insert(audience)
                        } else {
                            diagnostics.append(
                                .unknownValue(
                                    .projectValue, field: "audience", value: word.scalar ?? "",
                                    expected: Audience.allCases.filter { $0 != .all }.map { ($0.rawValue, nil) },
                                    words: "audience", at: word.location))
                        }
                    }
                case "issue_fields":
                    for field in list(key, item) {
                        let written = field.scalar ?? ""
                        let name = FieldAliases.issueHeaders[FieldAliases.fold(written)] ?? written
                        if SiteView.hideableIssueFields.contains(name) {
                            view.issueFields.insert(name)
                        } else if issueFields.contains(name) {
                            diagnostics.append(.viewKeepsField(name, hideable: SiteView.hideableIssueFields, at: field.location))
                        } else {
                            diagnostics.append(
                                .unknownValue(
                                    .projectValue, field: "field", value: written, expected: SiteView.hideableIssueFields,
                                    at: field.location))
                        }
                    }
                case "columns":
                    view.columns = list(key, item).map { ($0.scalar ?? "", $0.location) }
                case "weekly":
                    view.weekly = list(key, item).map { ($0.scalar ?? "", $0.location) }
                case "owners_as":
                    guard let word = item.scalar, !item.isNull, let people = SiteView.PeopleShown(rawValue: word) else {
                        diagnostics.append(
                            .unknownValue(
                                .projectValue, field: "owners-as", value: item.scalar ?? item.typeName,
                                expected: SiteView.PeopleShown.allCases.map(\.rawValue), at: item.location))
                        continue
                    }
                    view.people = people
                case "output":
                    guard let folder = item.scalar, !item.isNull, !folder.trimmed.isEmpty else {
                        diagnostics.append(.wrongType(.projectValue, key: "views.\(name).output", expected: .text, node: item))
                        continue
                    }
                    view.output = folder
                default:
                    // An error, not the warning of other keys: a misspelt key would leave
                    // in what the view was written to hide.
                    diagnostics.append(
                        .unknownViewKey(
                            "views.\(name).\(key)", known: viewKeys.map { "views.\(name).\($0)" }, at: keyNode.location))
                }
            }
            views.append(view)
        }
        // Two sites in one folder would replace each other.
        var folders: [String: String] = [:]
        for view in views {
            let folder = URL(fileURLWithPath: view.outputFolder, relativeTo: URL(fileURLWithPath: "/site/"))
                .standardizedFileURL.path
            let location = outputLocation(in: node, view: view.name)
            // Not the site itself, its records or theme, or the whole site's output (in any
            // case: some file systems do not tell OUTPUT from output).
            let first = folder.dropFirst("/site/".count).split(separator: "/").first.map { $0.lowercased() }
            if folder == "/site" || !folder.hasPrefix("/site/") || ["output", "content", "templates"].contains(first ?? "") {
                diagnostics.append(.viewOutputTaken(view.name, folder: view.outputFolder, other: nil, at: location))
            } else if let other = folders[folder] {
                diagnostics.append(.viewOutputTaken(view.name, folder: view.outputFolder, other: other, at: location))
            } else {
                folders[folder] = view.name
            }
        }
        return views
    }

    /// Where a view's `output` is written, else where the view is named.
    private static func outputLocation(in node: YAMLNode, view name: String) -> SourceLocation {
        let view = node.entries?.first { $0.key == name }
        return view?.value["output"]?.location ?? view?.keyNode.location ?? node.location
    }

    /// `sla: {pause: [waiting]}`: the open statuses that stop the SLA clock, each by its
    /// canonical name (`open`, `in-progress`, `waiting`).
    private static func readSLASettings(_ node: YAMLNode, into settings: inout ProjectSettings, diagnostics: inout DiagnosticList)
    {
        guard let entries = node.entries else {
            diagnostics.append(.wrongType(.projectValue, key: "sla", expected: .map, node: node))
            return
        }
        let open = IssueStatus.allCases.filter(\.isOpen).map(\.rawValue)
        for (key, keyNode, value) in entries {
            guard key == "pause" else {
                diagnostics.append(.unknownKey(.projectKey, key: "sla.\(key)", known: ["sla.pause"], at: keyNode.location))
                continue
            }
            let items = value.items ?? (value.scalar.map { _ in [value] } ?? [])
            if value.items == nil, value.scalar == nil, !value.isNull {
                diagnostics.append(.wrongType(.projectValue, key: "sla.pause", expected: .textList, node: value))
                continue
            }
            for item in items {
                guard let name = item.scalar else {
                    diagnostics.append(.wrongType(.projectValue, key: "sla.pause", expected: .textList, node: item))
                    continue
                }
                if let status = IssueStatus(rawValue: name), status.isOpen {
                    settings.slaPause.insert(status)
                } else {
                    diagnostics.append(
                        .unknownValue(.projectValue, field: "sla-pause", value: name, expected: open, at: item.location))
                }
            }
        }
    }

    private static func readCategories(_ node: YAMLNode, diagnostics: inout DiagnosticList) -> [IssueCategory] {
        guard let items = node.items else {
            diagnostics.append(.wrongType(.projectValue, key: "categories", expected: .categoryList, node: node))
            return IssueCategory.defaults
        }
        var categories: [IssueCategory] = []
        var seen: [String: SourceLocation] = [:]
        for item in items {
            guard let entries = item.entries else {
                diagnostics.append(
                    .wrongType(.projectValue, key: "categories", expected: .categoryList, node: item))
                continue
            }
            var id: String?
            var label: String?
            var sla: SLADuration?
            /// A category's text value; another kind is an error, never read as missing.
            func text(_ key: String, _ value: YAMLNode) -> String? {
                if value.isNull { return nil }
                guard let scalar = value.scalar else {
                    diagnostics.append(.wrongType(.projectValue, key: "categories.\(key)", expected: .text, node: value))
                    return nil
                }
                return scalar
            }
            for (key, keyNode, value) in entries {
                switch key {
                case "id": id = text(key, value)
                case "label": label = text(key, value)
                case "sla":
                    guard let text = text(key, value) else { break }
                    sla = SLADuration(text)
                    if sla == nil {
                        diagnostics.append(.badSLA(text, at: value.location))
                    }
                default:
                    diagnostics.append(
                        .unknownKey(.projectKey, key: "categories.\(key)", known: ["id", "label", "sla"], at: keyNode.location))
                }
            }
            guard let id, !id.isEmpty else {
                // An id of the wrong kind is reported as such, above.
                let idOfAnotherKind = entries.contains { $0.key == "id" && $0.value.scalar == nil }
                if !idOfAnotherKind { diagnostics.append(.categoryWithoutID(at: item.location)) }
                continue
            }
            if let first = seen[id] {
                diagnostics.append(.duplicate(.projectValue, kind: "category", id: id, first: first, at: item.location))
                continue
            }
            seen[id] = item.location
            categories.append(IssueCategory(id: id, label: label ?? id, sla: sla))
        }
        return categories
    }

    private static func readIssueMapping(
        _ node: YAMLNode, into settings: inout ProjectSettings, diagnostics: inout DiagnosticList
    ) {
        guard let entries = node.entries else {
            diagnostics.append(.wrongType(.projectValue, key: "issues", expected: .issuesMap, node: node))
            return
        }
        for (key, keyNode, value) in entries {
            switch key {
            case "columns":
                // `updated` is no field of an issue, but names the column whose time stands in
                // for an empty resolved date (see FieldAliases.updatedHeaders).
                settings.columns = readColumns(
                    value, key: "issues.columns", fields: issueFields + ["updated"], diagnostics: &diagnostics)
            case "values":
                guard let fields = value.entries else {
                    diagnostics.append(.wrongType(.projectValue, key: "issues.values", expected: .valuesMap, node: value))
                    continue
                }
                for (field, fieldNode, map) in fields {
                    let canonical = canonicalValues(field)
                    guard canonical != nil || field == "category" || field == "milestone" else {
                        diagnostics.append(
                            .unknownValue(
                                .projectValue, field: "field", value: field,
                                expected: ["status", "priority", "tier", "category", "milestone"], at: fieldNode.location))
                        continue
                    }
                    guard let pairs = map.entries else {
                        diagnostics.append(
                            .wrongType(
                                .projectValue, key: "issues.values.\(field)", expected: .valueMap, node: map))
                        continue
                    }
                    var table: [String: String] = [:]
                    for (written, _, target) in pairs {
                        guard let targetText = target.scalar, !target.isNull else {
                            diagnostics.append(
                                .wrongType(
                                    .projectValue, key: "issues.values.\(field).\(written)", expected: .valueOf(field),
                                    node: target))
                            continue
                        }
                        if field == "milestone" {
                            // Milestone ids are known once milestones.csv is read.
                            settings.milestoneValueTargets.append((targetText, target.location))
                            table[FieldAliases.fold(written)] = targetText
                            continue
                        }
                        let allowed = canonical ?? settings.categories.map(\.id)
                        if !allowed.contains(targetText) {
                            diagnostics.append(
                                .unknownValue(
                                    .projectValue, field: field, value: targetText, expected: allowed, at: target.location))
                            continue
                        }
                        table[FieldAliases.fold(written)] = targetText
                    }
                    settings.values[field] = table
                }
            case "page_size":
                if let text = value.scalar, !value.isNull, let size = Int(text), size >= 0 {
                    settings.issuePageSize = size
                } else {
                    diagnostics.append(
                        .wrongType(.projectValue, key: "issues.page_size", expected: .wholeNumberFrom0, node: value))
                }
            default:
                diagnostics.append(
                    .unknownKey(
                        .projectKey, key: "issues.\(key)", known: ["issues.columns", "issues.values", "issues.page_size"],
                        at: keyNode.location))
            }
        }
    }

    /// A `columns` map: folded header → field name among `fields`.
    private static func readColumns(_ node: YAMLNode, key: String, fields: [String], diagnostics: inout DiagnosticList)
        -> [String: String]
    {
        guard let columns = node.entries else {
            diagnostics.append(.wrongType(.projectValue, key: key, expected: .headerMap, node: node))
            return [:]
        }
        var result: [String: String] = [:]
        for (header, _, field) in columns {
            guard let name = field.scalar, !field.isNull else {
                diagnostics.append(.wrongType(.projectValue, key: "\(key).\(header)", expected: .fieldName, node: field))
                continue
            }
            guard fields.contains(name) else {
                diagnostics.append(
                    .unknownValue(.projectValue, field: "field", value: name, expected: fields, at: field.location))
                continue
            }
            result[FieldAliases.fold(header)] = name
        }
        return result
    }

    /// `milestones: {columns: {Код: id}, group_by: [scope, функция]}`.
    private static func readMilestoneSettings(
        _ node: YAMLNode, into settings: inout ProjectSettings, diagnostics: inout DiagnosticList
    ) {
        guard let entries = node.entries else {
            diagnostics.append(
                .wrongType(.projectValue, key: "milestones", expected: .milestonesMap, node: node))
            return
        }
        for (key, keyNode, value) in entries {
            switch key {
            case "columns":
                settings.milestoneColumns = readColumns(
                    value, key: "milestones.columns", fields: milestoneFields, diagnostics: &diagnostics)
            case "group_by":
                if let single = value.scalar, !value.isNull {
                    settings.milestoneGroups = [(single, value.location)]
                } else if let items = value.items, items.allSatisfy({ $0.scalar != nil }) {
                    settings.milestoneGroups = items.map { ($0.scalar ?? "", $0.location) }
                } else {
                    diagnostics.append(
                        .wrongType(
                            .projectValue, key: "milestones.group_by",
                            expected: .columnList, node: value))
                }
            default:
                diagnostics.append(
                    .unknownKey(
                        .projectKey, key: "milestones.\(key)", known: ["milestones.columns", "milestones.group_by"],
                        at: keyNode.location))
            }
        }
    }

    private static func canonicalValues(_ field: String) -> [String]? {
        switch field {
        case "status": return IssueStatus.allCases.map(\.rawValue)
        case "priority": return IssuePriority.allCases.map(\.rawValue)
        case "tier": return ["1", "2", "3"]
        default: return nil
        }
    }
}
