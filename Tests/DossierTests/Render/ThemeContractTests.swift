import DossierDiff
import DossierModel
import DossierRecords
import Foundation
import Testing

@testable import DossierRender
@testable import DossierTemplates

/// docs/theme.md is the theme's contract: every key a page's context holds is listed
/// there for its template, and every key listed without `?` is there on every page,
/// down through the shapes the docs write out (`{ id, title?, rows: [ { label } ] }`).
@Suite struct ThemeContractTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A documented shape: an object's keys (each optional or not, with its own shape
    /// when the docs give one), a list of one shape, or anything (no shape written).
    indirect enum Shape: Equatable {
        case object([String: (optional: Bool, shape: Shape)])
        case list(Shape)
        case any

        static func == (a: Shape, b: Shape) -> Bool {
            switch (a, b) {
            case (.any, .any): return true
            case (.list(let x), .list(let y)): return x == y
            case (.object(let x), .object(let y)):
                return x.keys == y.keys
                    && x.allSatisfy { y[$0.key]!.optional == $0.value.optional && y[$0.key]!.shape == $0.value.shape }
            default: return false
            }
        }
    }

    /// Reads the docs' shape notation; nil for text that is not one (`` `green` ``).
    /// `<name>` stands for keys that vary (`{ <status>: true }`).
    struct ShapeReader {
        var tokens: [String]
        var index = 0

        init(_ text: String) {
            var tokens: [String] = []
            var word = ""
            for character in text {
                if character.isLetter || character.isNumber || "_?<>".contains(character) {
                    word.append(character)
                    continue
                }
                if !word.isEmpty { tokens.append(word) }
                word = ""
                if "{}[],:".contains(character) {
                    tokens.append(String(character))
                } else if !character.isWhitespace {
                    tokens.append("!")
                }
            }
            if !word.isEmpty { tokens.append(word) }
            self.tokens = tokens
        }

        static func read(_ text: String) -> Shape? {
            var reader = ShapeReader(text)
            guard let shape = reader.shape(), reader.index == reader.tokens.count else { return nil }
            return shape
        }

        mutating func next() -> String? { index < tokens.count ? tokens[index] : nil }

        mutating func shape() -> Shape? {
            switch next() {
            case "{":
                index += 1
                var keys: [String: (optional: Bool, shape: Shape)] = [:]
                while next() != "}" {
                    guard var name = next(), name != ",", name != "!" else { return nil }
                    index += 1
                    let optional = name.hasSuffix("?")
                    if optional { name.removeLast() }
                    var shape = Shape.any
                    if next() == ":" {
                        index += 1
                        if next() == "{" || next() == "[" {
                            guard let inner = self.shape() else { return nil }
                            shape = inner
                        } else {
                            index += 1  // a value such as `true`
                        }
                    }
                    keys[name] = (optional, shape)
                    if next() == "," { index += 1 } else if next() != "}" { return nil }
                }
                index += 1
                return .object(keys)
            case "[":
                index += 1
                guard let inner = shape(), next() == "]" else { return nil }
                index += 1
                return .list(inner)
            default:
                return nil
            }
        }
    }

    /// Each template's documented keys, from the key tables under `### NAME.mustache`,
    /// with the keys every template receives added to each.
    static func documentedKeys() throws -> [String: [String: (optional: Bool, shape: Shape)]] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/theme.md"), encoding: .utf8)
        var common: [String: (optional: Bool, shape: Shape)] = [:]
        var templates: [String: [String: (optional: Bool, shape: Shape)]] = [:]
        var current: String?
        var inCommon = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                inCommon = line.contains("Keys every template receives")
                current = nil
            }
            if line.hasPrefix("### "), let name = line.dropFirst(4).split(separator: ".").first, line.contains(".mustache") {
                current = String(name)
                templates[String(name), default: [:]] = templates[String(name)] ?? [:]
                inCommon = false
            }
            guard line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 3 else { continue }
            let names = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                $0.offset % 2 == 1
            }.map { String($0.element) }
            let values = cells[2].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            let shape = values.first.flatMap { ShapeReader.read($0) } ?? .any
            for var name in names {
                let optional = name.hasSuffix("?")
                if optional { name.removeLast() }
                if inCommon {
                    common[name] = (optional, shape)
                } else if let current {
                    let path = name.split(separator: ".").map(String.init)
                    if path.count == 2, case .list(.object(var inner))? = templates[current]?[path[0]]?.shape {
                        inner[path[1]] = (optional, shape)
                        templates[current]![path[0]]!.shape = .list(.object(inner))
                    } else {
                        templates[current]![name] = (optional, shape)
                    }
                }
            }
        }
        for name in templates.keys { templates[name]!.merge(common) { own, _ in own } }
        return templates
    }

    /// What differs between a context value and its documented shape, as key paths.
    static func problems(_ value: Any, _ shape: Shape, at path: String) -> [String] {
        switch shape {
        case .any:
            return []
        case .list(let element):
            guard let list = value as? [Any] else { return ["\(path) is documented as a list"] }
            return list.flatMap { problems($0, element, at: path + "[]") }
        case .object(let keys):
            if keys.keys.contains(where: { $0.hasPrefix("<") }) { return [] }
            guard let object = value as? [String: Any] else { return ["\(path) is documented as an object"] }
            var found: [String] = []
            for key in object.keys.sorted() where keys[key] == nil {
                found.append("\(path).\(key) is not documented")
            }
            for (key, documented) in keys.sorted(by: { $0.key < $1.key }) {
                if let inner = object[key] {
                    found += problems(inner, documented.shape, at: "\(path).\(key)")
                } else if !documented.optional {
                    found.append("\(path).\(key) is documented without ? but missing")
                }
            }
            return found
        }
    }

    @Test func theShapeNotationIsRead() {
        let shape = ShapeReader.read("{ id, title?, rows: [ { label, count } ], statusIs: { <status>: true } }")
        #expect(
            shape
                == .object([
                    "id": (false, .any), "title": (true, .any),
                    "rows": (false, .list(.object(["label": (false, .any), "count": (false, .any)]))),
                    "statusIs": (false, .object(["<status>": (false, .any)])),
                ]))
        #expect(ShapeReader.read("green") == nil)
        #expect(ShapeReader.read("{ a, b") == nil)
    }

    /// Every page of the sample site, the English fixture site and the starter sites.
    @Test(arguments: [".", "Tests/DossierTests/Fixtures/valid", "starters/en", "starters/ru", "starters/zh"])
    func everyPageContextIsDocumented(_ folder: String) throws {
        let documented = try Self.documentedKeys()
        #expect(Set(documented.keys) == Set(Theme.templateNames), "every template has its section")
        let root = Self.repository.appendingPathComponent(folder)
        let (raw, _) = try SiteLoader().load(root)
        var (site, _) = SiteValidator(includeDrafts: false).validate(raw)
        // The sample's git history, when this checkout has it (a shallow clone has not).
        site.history = HistoryReader(site: root).read()
        let (theme, _) = Theme.load(overrides: raw.templates)
        // 2026-11-30, after the sample's weekly notes, so the dashboard has its latest reports.
        let renderer = SiteRenderer(site: site, theme: theme, asOf: Date(timeIntervalSince1970: 1_795_996_800))
        var seen: [String: Set<String>] = [:]
        // The sample's views too: some keys are given only there.
        let views = site.settings.views.map {
            SiteRenderer(
                site: site.viewed(as: $0, hiddenReference: "hidden", roleLabel: { $0 }), theme: theme,
                asOf: Date(timeIntervalSince1970: 1_795_996_800))
        }
        // A paged issue list: ten issues a page, so the sample's 72 fill eight.
        var pagedSite = site
        pagedSite.settings.issuePageSize = 10
        let paged = SiteRenderer(site: pagedSite, theme: theme, asOf: Date(timeIntervalSince1970: 1_795_996_800))
        let pagedJobs = paged.jobs.filter { if case .issueList = $0 { true } else { false } }
        #expect(site.issues.count <= 10 || pagedJobs.count > 1)
        let jobs =
            ([renderer] + views).flatMap { renderer in renderer.jobs.map { (renderer, $0) } } + pagedJobs.map { (paged, $0) }
        for (renderer, job) in jobs {
            let plan = renderer.plan(job)
            // The mail version has the weekly report's keys, with the differences its own
            // table lists (docs/theme.md says so).
            let name = plan.template == "weekly-email" ? "weekly" : plan.template
            var keys = try #require(documented[name], "\(name) has no key table")
            if plan.template == "weekly-email" {
                keys.merge(try #require(documented["weekly-email"])) { _, own in own }
            }
            for problem in Self.problems(plan.context, .object(keys), at: name) {
                Issue.record("\(plan.page.path): \(problem)")
            }
            seen[name, default: []].formUnion(plan.context.keys)
        }
        // Every documented key is given on some page of the sample site.
        if folder == "." {
            for (name, keys) in documented where name != "layout" && name != "weekly-email" {
                var missing = Set(keys.keys).subtracting(seen[name] ?? [])
                if !site.history.isAvailable { missing.remove("gitHistory") }
                // Only a site with `sla.pause` and no git history gets the first, only a note
                // changed after its first commit the second (HistoryTests).
                missing.remove("historyNote")
                missing.remove("statusHistory")
                #expect(missing.isEmpty, "\(name): documented but never given: \(missing.sorted())")
            }
        }
    }
}
