import DossierDiagnostics
import DossierModel
import DossierServe
import DossierSite
import Foundation
import Testing

/// The catalogue covers what the code says: every key the sources name, every status and
/// priority word a hint may show, every refusal of a command.
@Suite struct CatalogueCoverageTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")

    /// String literals of Sources/ that look like a catalogue key (`section.name`) and
    /// whose section is one of the catalogue's, with the file that holds each: the keys
    /// of `Message(…)`, `say(…)` and the diagnostics' `.error(rule, at:, "key", …)`.
    static func keysNamedInSources(sections: Set<String>) throws -> [(key: String, file: String)] {
        var found: [(String, String)] = []
        let pattern = try Regex(#""([a-z][a-z-]*)\.([a-z0-9][a-z0-9.-]*)""#)
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: pattern) {
                guard let section = match.output[1].substring, let rest = match.output[2].substring,
                    sections.contains(String(section)), !["yml", "csv", "md", "html", "xml", "json"].contains(rest)
                else { continue }  // file names: project.yml
                found.append(("\(section).\(rest)", file.lastPathComponent))
            }
        }
        return found
    }

    @Test func everyKeyTheSourcesNameIsInTheCatalogue() throws {
        let known = try #require(MessageCatalogue.builtIn.entries[.en])
        let sections = Set(known.keys.compactMap { $0.split(separator: ".").first.map(String.init) })
        let named = try Self.keysNamedInSources(sections: sections)
        #expect(named.count > 200, "the sources' keys were not found under \(Self.sources.path)")
        for (key, file) in named where known[key] == nil {
            Issue.record("\(file) names \(key), which en.yml's messages lack")
        }
        // The check can fail: a literal of a known section that is no key is found.
        #expect(sections.contains("usage") && known["usage.no-such-refusal"] == nil)
    }

    @Test(arguments: [Language.zh, .ru])
    func theStatusAndPriorityWordsOfAHintAreOnesTheReaderAccepts(_ language: Language) {
        for (field, ids, aliases) in [
            ("status", IssueStatus.allCases.map(\.rawValue), FieldAliases.statuses),
            ("priority", IssuePriority.allCases.map(\.rawValue), FieldAliases.priorities),
        ] {
            for id in ids {
                let text = Message("value.word.\(field).\(id)").text(in: language)
                // The id in the language's own parentheses: full-width in Chinese.
                let suffix = language == .zh ? "（\(id)）" : " (\(id))"
                #expect(text.hasSuffix(suffix), "\(language) \(field) \(id): \(text)")
                let word = String(text.dropLast(suffix.count))
                #expect(aliases[FieldAliases.fold(word)] == id, "\(language) \(field) \(id): \(word) is not read as \(id)")
                #expect(Message("value.word.\(field).\(id)").text(in: .en) == id)
            }
        }
        // A week's RAG status and an article's audience, read by their own rules.
        for (words, ids, read) in [
            ("rag", RAGStatus.allCases.map(\.rawValue), { RAGStatus(word: $0)?.rawValue }),
            ("audience", Audience.allCases.map(\.rawValue), { Audience(word: $0)?.rawValue }),
        ] as [(String, [String], (String) -> String?)] {
            for id in ids {
                let text = Message("value.word.\(words).\(id)").text(in: language)
                let suffix = language == .zh ? "（\(id)）" : " (\(id))"
                #expect(text.hasSuffix(suffix), "\(language) \(words) \(id): \(text)")
                #expect(read(String(text.dropLast(suffix.count))) == id, "\(language) \(words) \(id): \(text)")
                #expect(Message("value.word.\(words).\(id)").text(in: .en) == id)
            }
        }
    }

    /// One of each refusal, with values as a user would meet them.
    static let failures: [UsageFailure] = [
        .site(.notASite(URL(fileURLWithPath: "/tmp/p"))), .output(.isSiteFolder("/tmp/p")), .output(.holdsRecords("/tmp/o")),
        .output(.notOurs("/tmp/o")), .output(.notAFolder("/tmp/o")), .git(.notARepository("/tmp/p", "")), .git(.notInstalled),
        .git(.unknownRevision("mian")), .git(.failed("git merge-base", "fatal: no merge base")),
        .notASiteAtEitherRevision(URL(fileURLWithPath: "/tmp/p")), .noRevision, .badWeek("2022-14"),
        .noWeeklyNote(ISOWeek("2026-W02")!), .unreadableAsOf("yesterday", reason: nil),
        .unreadableAsOf("2026-01-32", reason: Message("date.no-day", ["day": .value("32")])),
        .ambiguousAsOf(
            "03/04/2026", monthFirst: CivilDate(year: 2026, month: 3, day: 4), dayFirst: CivilDate(year: 2026, month: 4, day: 3)),
        .unknownLanguage("fr"), .notAFolder(URL(fileURLWithPath: "/tmp/f")), .folderNotEmpty(URL(fileURLWithPath: "/tmp/f")),
        .recordsUnreadable(file: "content/issues.csv"), .unencodable(file: "content/issues.csv", encoding: .gb18030),
        .notAnArticlePath("../x"), .exists(file: "content/weekly/2026-W02.md"),
        .wouldNotCheck(file: "content/issues.csv", problems: DiagnosticList()),
        .cannotWrite(file: "content/x.md", error: CocoaError(.fileWriteNoPermission)),
        .cannotWrite(file: "/srv/site/output", error: POSIXError(.EROFS)),
        .cannotWriteStandardOutput(POSIXError(.ENOSPC)), .badSourceDateEpoch("-5"),
        .cannotWriteStandardOutput(POSIXError(.EBADF)), .cannotWrite(file: "/srv/x", error: POSIXError(.ENOTDIR)),
        .cannotWrite(file: "/srv/x", error: CocoaError(.fileWriteInvalidFileName)),
        .cannotWrite(file: "/srv/site/output", error: CocoaError(.fileWriteOutOfSpace)),
        .unknownView("clinet", known: ["client", "auditor"]), .unknownView("client", known: []),
        .noteNotInView(ISOWeek("2026-W02")!, view: "client"),
    ]

    @Test(arguments: [Language.zh, .ru])
    func serveRefusalsAreWordedInTheReadersLanguage(_ language: Language) {
        for failure in [ServeFailure.portInUse(8040), .portNotPermitted(80)] {
            let english = EnglishRun.find(in: failure.message, language: language)
            #expect(english == nil, "\(failure.message.key) [\(language)]: \(failure.text(in: language))")
            #expect(failure.text(in: language) != failure.text(in: .en))
            #expect(failure.text(in: language).contains(failure.message.key.hasSuffix("permitted") ? "80" : "8040"))
        }
    }

    @Test(arguments: [Language.zh, .ru])
    func everyRefusalIsWordedInTheReadersLanguage(_ language: Language) {
        let known = MessageCatalogue.builtIn.entries[.en] ?? [:]
        for failure in Self.failures {
            #expect(EnglishRun.keys(of: failure.message).allSatisfy { known[$0] != nil }, "\(failure.message.key)")
            let english = EnglishRun.find(in: failure.message, language: language)
            #expect(english == nil, "\(failure.message.key) [\(language)]: \(failure.text(in: language))")
            #expect(failure.text(in: language) != failure.text(in: .en))
        }
    }
}
