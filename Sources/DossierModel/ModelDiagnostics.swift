import DossierDiagnostics
import DossierRecords

/// The messages of the validation stage, one constructor per kind of problem.
extension Diagnostic {
    static func unknownValue(
        _ rule: Rule, field: String, value: String, expected: [String], at location: SourceLocation,
        suggestFrom candidates: [String]? = nil
    ) -> Diagnostic {
        let list = expected.joined(separator: ", ")
        return .error(
            rule, at: location,
            "unknown \(field) \"\(value)\"; expected one of \(list)\(Suggestion.hint(for: value, in: candidates ?? expected))")
    }

    static func missingValue(_ rule: Rule, field: String, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(field) is required")
    }

    /// A date or datetime cell that is none; `reason` says why when more can be said
    /// than that it is none of the forms (`WrittenTime.Refusal`).
    static func badDate(_ rule: Rule, field: String, value: String, reason: String? = nil, at location: SourceLocation) -> Diagnostic {
        if let reason {
            return .error(
                rule, at: location, "\(field) \"\(value)\" is not a date: \(reason) (a date is written 2022-04-29, a datetime 2022-04-29 14:50)")
        }
        return .error(
            rule, at: location,
            "\(field) \"\(value)\" is not a date (2022-04-29) or datetime (2022-04-29 14:50, 2022-04-29T14:50:00+08:00)")
    }

    /// A day cell that is none, as `badDate`.
    static func badDay(_ rule: Rule, field: String, value: String, reason: String? = nil, at location: SourceLocation) -> Diagnostic {
        if let reason {
            return .error(rule, at: location, "\(field) \"\(value)\" is not a date: \(reason) (a date is written 2022-04-29)")
        }
        return .error(rule, at: location, "\(field) \"\(value)\" is not a date (2022-04-29)")
    }

    static func unknownPerson(_ value: String, field: String, team: Team, at location: SourceLocation) -> Diagnostic {
        .error(
            .unknownPerson, at: location,
            "\(field) \"\(value)\" is not an id or name in team.csv\(Suggestion.hint(for: value, in: team.allNames))")
    }

    static func duplicate(_ rule: Rule, kind: String, id: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(rule, at: location, "\(kind) \"\(id)\" is already defined at line \(first.line)")
    }

    static func wrongType(_ rule: Rule, key: String, expected: String, node: YAMLLike) -> Diagnostic {
        .error(rule, at: node.location, "`\(key)` must be \(expected), not \(node.typeDescription)")
    }

    /// A `base_url` that is not an absolute http or https URL (see `BaseURL`); the hint
    /// is the corrected value when one can be read from it, else an example.
    static func badBaseURL(_ value: String, problem: BaseURL.Problem, at location: SourceLocation) -> Diagnostic {
        let why: String
        switch problem {
        case .noScheme: why = "it does not start with https:// or http://"
        case .scheme(let scheme): why = "its scheme is \(scheme), not https or http"
        case .noHost: why = "it names no host"
        case .badAuthority(let authority): why = "\"\(authority)\" is not a host name with an optional port"
        case .queryOrFragment: why = "page paths cannot follow its ? or #"
        case .credentials: why = "it holds a user name or password, which every link would publish"
        case .port(let port): why = "port \(port) is above 65535"
        case .pagePath(let page): why = "it names the page \(page), not the folder the site is published in"
        }
        var hint = BaseURL.suggestion(for: value).map { "write base_url: \($0)" } ?? "e.g. base_url: https://example.com/erp/"
        if case .pagePath = problem { hint = "write the folder, ending in /" }
        if case .credentials = problem { hint = "leave them out; e.g. base_url: https://example.com/erp/" }
        return .error(
            .projectValue, at: location,
            "base_url \"\(value)\" is not an absolute http or https URL: \(why); \(hint)")
    }

    static func unknownKey(_ rule: Rule, key: String, known: [String], at location: SourceLocation) -> Diagnostic {
        .warning(rule, at: location, "unknown key `\(key)` is ignored\(Suggestion.hint(for: key, in: known))")
    }
}

/// What a type message needs of a YAML node.
protocol YAMLLike {
    var location: SourceLocation { get }
    var typeDescription: String { get }
}

/// The messages of issues.csv's tracker rules: resolved dates and milestones.
extension Diagnostic {
    /// A resolved date on a row whose status is open; `status` is the word as written.
    static func resolvedWhileOpen(status: String, canonical: IssueStatus, at location: SourceLocation) -> Diagnostic {
        .warning(.issueResolved, at: location, "resolved date is ignored: status \(quoted(status, canonical)) is still open")
    }

    /// A resolved, closed or rejected row without a resolved date and no Updated time to
    /// stand in for it.
    static func resolvedDateMissing(
        status: String, canonical: IssueStatus, updatedHeader: String?, at location: SourceLocation
    ) -> Diagnostic {
        let why = updatedHeader.map { " (its \"\($0)\" cell, which would stand in for it, is empty too)" } ?? ""
        return .error(.issueResolved, at: location, "status \(quoted(status, canonical)) needs a resolved date\(why)")
    }

    /// Rows whose resolved date was taken from the Updated column, said once per file;
    /// `resolvedHeader` is the file's resolved column, when it has one.
    static func resolvedFromUpdated(
        count: Int, header: String, resolvedHeader: String?, firstRow: SourceLocation, at location: SourceLocation
    ) -> Diagnostic {
        let rows =
            count == 1
            ? "1 resolved, closed or rejected issue (line \(firstRow.line)) has no resolved date: its \"\(header)\" time is used"
            : "\(count) resolved, closed or rejected issues (the first at line \(firstRow.line)) have no resolved date: their \"\(header)\" time is used"
        let fix =
            resolvedHeader.map {
                "a tracker fills \"\($0)\" only for some statuses, Redmine for closed ones; write the real time there where it is known"
            }
            ?? "add a resolved column where the real time is known"
        return .warning(.issueResolved, at: location, "\(rows) instead (\(fix))")
    }

    /// A resolved time before the opened time; a time that a daylight saving change moved
    /// (read later than written, or as the first of two) is said, since that may be why.
    /// `takenFrom` names the Updated column when its time stood in for an empty resolved cell.
    static func resolvedBeforeOpened(
        resolved: RecordTime, resolvedFit: LocalTimeFit, opened: RecordTime, openedFit: LocalTimeFit, clock: ProjectClock,
        takenFrom: String? = nil, at location: SourceLocation
    ) -> Diagnostic {
        let what = takenFrom.map { "the resolved time taken from \"\($0)\", \(clock.describe(resolved))," }
            ?? "resolved \(clock.describe(resolved))"
        var message = "\(what) is before opened \(clock.describe(opened))"
        let zone = clock.timeZone.identifier
        let notes = [("opened", opened, openedFit), ("resolved", resolved, resolvedFit)].compactMap { field, time, fit -> String? in
            switch fit {
            case .exact: return nil
            case .skipped(let gap, _):
                let minutes = gap / 60
                let length = minutes % 60 == 0 ? (minutes == 60 ? "1 hour" : "\(minutes / 60) hours") : "\(minutes) minutes"
                return "\(field) was moved \(length) forward to \(clock.describe(time)), as the clocks skip its written time in \(zone)"
            case .repeated:
                return "\(field) \(clock.describe(time)) happens twice in \(zone) and was read as the first"
            }
        }
        if !notes.isEmpty { message += " (" + notes.joined(separator: "; ") + ")" }
        return .error(.issueResolved, at: location, message)
    }

    /// Rows whose repeated columns of a single-valued field (Jira's Fix Version/s,
    /// Component/s) hold different values: the first is taken; said once per file.
    static func severalValues(_ field: String, header: String, count: Int, firstRow: SourceLocation, at location: SourceLocation)
        -> Diagnostic
    {
        let rows = count == 1 ? "1 issue (line \(firstRow.line)) has" : "\(count) issues (the first at line \(firstRow.line)) have"
        return .warning(
            field == "milestone" ? .issueMilestone : .csvHeader, at: location,
            "\(rows) more than one \"\(header)\"; an issue has one \(field), so the first is taken")
    }

    static func unknownMilestone(_ written: String, known: MilestoneLookup, at location: SourceLocation) -> Diagnostic {
        let sharing = known.idsSharingTitle(written)
        if sharing.count > 1 {
            let ids = sharing.map { "\"\($0)\"" }.joined(separator: " and ")
            return .error(
                .issueMilestone, at: location, "milestones \(ids) share the title \"\(written)\"; write the id of the one meant")
        }
        return .error(
            .issueMilestone, at: location,
            "unknown milestone \"\(written)\" (no milestone has this id or title; issues.values.milestone in project.yml "
                + "maps other names)\(Suggestion.hint(for: written, in: known.names))")
    }

    static func milestoneWithoutFile(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueMilestone, at: location, "milestone \"\(written)\" is named but the site has no content/milestones.csv")
    }

    /// An `issues.values.milestone` entry whose target is no milestone id.
    static func unknownMilestoneTarget(_ target: String, ids: Set<String>, at location: SourceLocation) -> Diagnostic {
        .unknownValue(.projectValue, field: "milestone", value: target, expected: ids.sorted(), at: location)
    }

    /// Two issue ids that differ only in case.
    static func issueIDsDifferInCase(_ id: String, first: String, line: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            .issueDuplicate, at: location,
            "issue \"\(id)\" and issue \"\(first)\" (line \(line)) differ only in case; their pages would be one file on Windows, macOS and in a zip")
    }

    /// An issue whose page would be the problem list's own, issues/index.html.
    static func issueOnListPage(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(.issueId, at: location, "id \"\(id)\" would make issues/index.html, the problem list's own page; choose another id")
    }

    /// `"Решена" (resolved)`, or `"resolved"` when the word is the canonical one.
    private static func quoted(_ written: String, _ canonical: IssueStatus) -> String {
        FieldAliases.fold(written) == canonical.rawValue ? "\"\(written)\"" : "\"\(written)\" (\(canonical.rawValue))"
    }
}
