import DossierModel
import DossierRecords
import Foundation
import Mustache
import Testing

@testable import DossierRender
@testable import DossierTemplates

/// The compiled templates give swift-mustache's bytes on every page of the sample site and
/// of the starter sites, and on generated templates and contexts.
@Suite struct TemplateEquivalenceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Every page's template and layout, with the contexts the renderer makes, through both engines.
    @Test(arguments: [".", "starters/en", "starters/ru", "starters/zh"])
    func everyPageOfTheSampleSites(_ folder: String) throws {
        let root = Self.repository.appendingPathComponent(folder)
        let (raw, _) = try SiteLoader().load(root)
        let (site, _) = SiteValidator(includeDrafts: false).validate(raw)
        let (theme, problems) = Theme.load(overrides: raw.templates)
        #expect(problems.isEmpty)
        var texts = Theme.builtInFiles
        for (path, text) in raw.templates { texts[path] = text }
        var engines: [String: (MustacheTemplate, CompiledTemplate)] = [:]
        for name in Theme.templateNames {
            let text = try #require(texts["\(name).mustache"])
            engines[name] = (try MustacheTemplate(string: text), try #require(CompiledTemplate(text), "\(name) not compiled"))
        }
        let renderer = SiteRenderer(site: site, theme: theme, asOf: Date(timeIntervalSince1970: 1_767_225_600))
        var pages = 0
        for job in renderer.jobs {
            let plan = renderer.plan(job)
            var contexts = [(plan.template, plan.context)]
            if let scripts = plan.scripts {
                var layout = plan.context
                layout["content"] = engines[plan.template]!.0.render(plan.context)
                layout["scripts"] = scripts.map { ["src": plan.page.root + $0] }
                contexts.append(("layout", layout))
            }
            for (name, context) in contexts {
                let (mustache, compiled) = engines[name]!
                let expected = mustache.render(context)
                let actual = compiled.render(context)
                let same = actual.map { Array($0.utf8) } == Array(expected.utf8)
                #expect(same, "\(plan.page.path) differs in \(name)")
            }
            pages += 1
        }
        #expect(pages > 10)
    }

    /// Generated templates (text with spaces and newlines, variables, sections, inverted
    /// sections, comments, tags alone on their lines) over generated contexts; replay a
    /// failure with its seed.
    @Test func generatedTemplatesAgree() throws {
        var compiledCount = 0
        for seed in UInt64(1)...2000 {
            var random = SeededRandom(seed: seed)
            let template = Self.template(&random, depth: 0)
            guard let mustache = try? MustacheTemplate(string: template) else {
                #expect(CompiledTemplate(template) == nil, "seed \(seed): \(template.debugDescription)")
                continue
            }
            let compiled = try #require(CompiledTemplate(template), "seed \(seed): \(template.debugDescription)")
            compiledCount += 1
            for _ in 0..<3 {
                let context = Self.dictionary(&random, depth: 0)
                let expected = mustache.render(context)
                let actual = compiled.render(context)
                let same = actual.map { Array($0.utf8) } == Array(expected.utf8)
                let shown = actual?.debugDescription ?? "nil"
                #expect(same, "seed \(seed): \(template.debugDescription) gives \(shown), not \(expected.debugDescription)")
            }
        }
        #expect(compiledCount > 1000)
    }

    static let names = ["a", "b", "list", "flag", "s", "n", "a.b", "b.a", "list.a", ".", ".a", "missing", "a.missing.b"]
    static let texts = [
        "x", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{85}", "<&>", "\"'", "审批", "😀", "{", "}", "{{", "a{", "e\u{301}", "\n  ",
    ]

    static func template(_ random: inout SeededRandom, depth: Int) -> String {
        var out = ""
        for _ in 0..<random.next(below: 6) {
            let name = random.pick(names)
            switch random.next(below: depth < 3 ? 12 : 8) {
            case 0, 1, 2: out += random.pick(texts)
            case 3: out += "{{\(name)}}"
            case 4: out += random.pick(["{{{\(name)}}}", "{{& \(name)}}", "{{ \(name) }}"])
            case 5: out += random.pick(["{{! note }}", "{{!\nspans\nlines }}", "\n{{! alone }}\n", "  {{!x}}  \r\n"])
            case 6: out += random.pick(["\n", "\r\n", "  \n", " \t"])
            case 7: out += random.pick(["", "{{#\(name)}}", "{{/\(name)}}", "{{^\(name)"])  // sometimes malformed
            default:
                let open = random.pick(["#", "^"])
                let before = random.pick(["", "\n", "  ", "\n  ", "\r\n\t"])
                let after = random.pick(["", "\n", "  \n", "\r\n", " x"])
                out += "\(before){{\(open)\(name)}}\(after)\(template(&random, depth: depth + 1))"
                out += "\(random.pick(before == "" ? ["", "\n"] : [before, ""])){{/\(name)}}\(random.pick(["", after, "\n"]))"
            }
        }
        return out
    }

    static func value(_ random: inout SeededRandom, depth: Int) -> Any {
        switch random.next(below: depth < 2 ? 14 : 7) {
        case 0: return random.pick(texts) + random.pick(texts)
        case 1: return random.pick(["", "0", "false"])
        case 2: return Int(random.next(below: 5)) - 2
        case 3: return random.pick([0.0, 2.5, -1e-7])
        case 4, 5: return random.next(below: 2) == 0
        case 6: return ["a": random.pick(texts), "b": "B"] as [String: String]
        case 7, 8: return dictionary(&random, depth: depth + 1)
        case 9: return (0..<random.next(below: 3)).map { _ in dictionary(&random, depth: depth + 1) }
        case 10: return (0..<random.next(below: 3)).map { _ in random.pick(texts) }
        case 11: return (0..<random.next(below: 3)).map { _ in ["a": random.pick(texts)] as [String: String] }
        case 12: return ["a": Int(random.next(below: 3)), "s": 1] as [String: Int]
        default: return (0..<random.next(below: 3)).map { _ in value(&random, depth: depth + 1) }
        }
    }

    static func dictionary(_ random: inout SeededRandom, depth: Int) -> [String: Any] {
        var dictionary: [String: Any] = [:]
        for name in ["a", "b", "list", "flag", "s", "n"] where random.next(below: 3) > 0 {
            dictionary[name] = value(&random, depth: depth)
        }
        return dictionary
    }
}

/// SplitMix64: the same numbers for the same seed on every platform.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<T>(_ values: [T]) -> T { values[next(below: values.count)] }
}
