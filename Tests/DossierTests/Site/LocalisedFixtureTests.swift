import DossierDiagnostics
import DossierSite
import Foundation
import Testing

/// Every invalid fixture checked in Chinese and Russian: expected.zh.txt and
/// expected.ru.txt are the exact output, each line holds the same location, severity and
/// rule as the English one, and no English sentence reaches the reader.
@Suite struct LocalisedFixtureTests {
    static let cases = InvalidFixtureTests.cases.filter { !$0.hasPrefix("valid-") }

    /// `file:line:col: severity: ` and ` [rule]` of each diagnostic line: what a program
    /// reads, the same in every language.
    static func machineParts(_ output: String) -> [String] {
        output.split(separator: "\n").filter { !$0.hasPrefix("  ") }.map { line in
            let head = line.range(of: ": error: ") ?? line.range(of: ": warning: ")
            let rule = line.range(of: " [", options: .backwards)
            guard let head, let rule else { return "unparsed: \(line)" }
            return String(line[..<head.upperBound]) + "…" + String(line[rule.lowerBound...])
        }
    }

    @Test(arguments: cases)
    func checkSpeaksChineseAndRussian(_ name: String) throws {
        let site = Fixtures.root.appendingPathComponent("invalid/\(name)")
        let report = try Dossier.check(site: site)
        let english = report.printer(.text, language: .en).render(report.diagnostics)
        for language in [Language.zh, .ru] {
            let output = report.printer(.text, language: language).render(report.diagnostics)
            try Fixtures.assertSnapshot(output, "invalid/\(name)/expected.\(language.rawValue).txt")
            #expect(Self.machineParts(output) == Self.machineParts(english), "\(name) in \(language.rawValue)")
            for diagnostic in report.diagnostics.sorted {
                let english = EnglishRun.find(in: diagnostic.message, language: language)
                #expect(
                    english == nil,
                    "\(name) [\(language.rawValue)]: English \"\(english ?? "")\" in: \(diagnostic.text(in: language))")
            }
        }
    }

    @Test(arguments: cases)
    func everyMessageKeyIsInTheCatalogue(_ name: String) throws {
        let report = try Dossier.check(site: Fixtures.root.appendingPathComponent("invalid/\(name)"))
        let known = MessageCatalogue.builtIn.entries[.en] ?? [:]
        for diagnostic in report.diagnostics.items {
            let missing = EnglishRun.keys(of: diagnostic.message).filter { known[$0] == nil }
            #expect(missing.isEmpty, "\(name): no catalogue entry for \(missing)")
        }
    }

    @Test func theCheckFindsAnEnglishSentence() {
        // The check itself must be able to fail: an English message shown to a Chinese reader.
        let message = Message("project.timezone", ["value": .value("Asia/Shangai")])
        #expect(EnglishRun.find(in: message, language: .en) != nil)
        #expect(EnglishRun.find(in: message, language: .zh) == nil)
    }
}

/// Finds English prose in a worded message: three or more ASCII words in a row, once the
/// values taken from the records (cells, paths, headers: the message's `.value`
/// arguments), quoted and code spans, and tokens that are identifiers or paths (holding
/// `.`, `/`, `_`, `=`, `:`, digits or braces) are taken out.
enum EnglishRun {
    /// `text` is the worded message when it was printed elsewhere (default: worded here).
    static func find(in message: Message, language: Language, text worded: String? = nil) -> String? {
        var text = worded ?? message.text(in: language)
        for value in values(of: message).sorted(by: { $0.count > $1.count }) where !value.isEmpty {
            text = text.replacingOccurrences(of: value, with: " · ")
        }
        for pattern in [#""[^"]*""#, "«[^»]*»", "`[^`]*`", #"\[\[[^\]]*\]\]"#, #"\{[^}]*\}"#] {
            text = text.replacingOccurrences(of: pattern, with: " · ", options: .regularExpression)
        }
        var run: [Substring] = []
        for token in text.split(whereSeparator: { $0 == " " }) {
            let isWord =
                token.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "'") } && token.contains { $0.isLetter }
            if isWord {
                run.append(token)
                if run.count >= 3 { return run.joined(separator: " ") }
            } else {
                run = []
            }
        }
        return nil
    }

    /// Every `.value` argument, however deep.
    static func values(of message: Message) -> [String] {
        message.arguments.values.flatMap(values(of:))
    }

    static func values(of argument: Message.Argument) -> [String] {
        switch argument {
        case .value(let text): return [text]
        case .number, .term: return []
        case .message(let message): return values(of: message)
        case .list(let items, _): return items.flatMap(values(of:))
        }
    }

    /// The keys of a message and of the messages inside it.
    static func keys(of message: Message) -> [String] {
        [message.key] + message.arguments.values.flatMap(keys(of:))
    }

    static func keys(of argument: Message.Argument) -> [String] {
        switch argument {
        case .message(let message): return keys(of: message)
        case .list(let items, _): return items.flatMap(keys(of:))
        default: return []
        }
    }
}
