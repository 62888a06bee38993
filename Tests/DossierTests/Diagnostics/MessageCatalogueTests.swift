import DossierDiagnostics
import Foundation
import Testing

/// The message catalogue of templates/strings/*.yml: complete in every language, with the
/// same arguments, worded as its rules say.
@Suite struct MessageCatalogueTests {
    static let catalogue = MessageCatalogue.builtIn

    @Test(arguments: [Language.zh, .ru])
    func everyKeyIsInEveryLanguageWithTheSameArguments(_ language: Language) throws {
        let english = try #require(Self.catalogue.entries[.en])
        let other = try #require(Self.catalogue.entries[language])
        #expect(english.count > 100, "en.yml's messages were not read")
        let missing = Set(english.keys).subtracting(other.keys).sorted()
        let extra = Set(other.keys).subtracting(english.keys).sorted()
        #expect(missing.isEmpty, "\(language.rawValue).yml lacks \(missing)")
        #expect(extra.isEmpty, "\(language.rawValue).yml has keys en.yml lacks: \(extra)")
        for (key, entry) in english {
            guard let translated = other[key] else { continue }
            #expect(
                translated.placeholders == entry.placeholders,
                "\(language.rawValue).yml \(key): \(translated.placeholders.sorted()) vs en \(entry.placeholders.sorted())")
        }
    }

    /// The catalogue a message is worded from reads only its language and English, and
    /// words every message as the whole catalogue does (English where a key is missing).
    @Test(arguments: Language.allCases)
    func aLanguagesOwnCatalogueWordsAsTheWholeOne(_ language: Language) throws {
        let own = MessageCatalogue.builtIn(for: language)
        #expect(Set(own.entries.keys) == [language, .en])
        let keys = try #require(Self.catalogue.entries[.en]).keys
        for key in keys {
            let message = Message(key, ["count": .number(3), "key": .value("owner"), "file": .value("a.csv")])
            #expect(own.text(message, in: language) == Self.catalogue.text(message, in: language), "\(key)")
            #expect(message.text(in: language) == Self.catalogue.text(message, in: language), "\(key)")
        }
        #expect(own.text(Message("no.such.key"), in: language) == "no.such.key")
    }

    @Test(arguments: Language.allCases)
    func pluralFormsAreTheLanguagesOwn(_ language: Language) throws {
        let needed: Set<String> =
            switch language {
            case .en: ["one", "other"]
            case .ru: ["one", "few", "many"]
            case .zh: ["other"]
            }
        for (key, entry) in try #require(Self.catalogue.entries[language]) {
            guard case .plural(let forms) = entry else { continue }
            #expect(needed.isSubset(of: Set(forms.keys)), "\(language.rawValue).yml \(key) has only \(forms.keys.sorted())")
        }
    }

    @Test func russianCountsTakeTheirCases() {
        let words = [1, 2, 5, 11, 21, 22, 112].map {
            Message("summary.errors", ["count": .number($0)]).text(in: .ru)
        }
        #expect(words == ["1 ошибка", "2 ошибки", "5 ошибок", "11 ошибок", "21 ошибка", "22 ошибки", "112 ошибок"])
        #expect(Message("summary.errors", ["count": .number(1)]).text(in: .en) == "1 error")
        #expect(Message("summary.errors", ["count": .number(3)]).text(in: .zh) == "3 个错误")
    }

    @Test func listsAreJoinedAsEachLanguageJoinsThem() {
        let list = Message.Argument.values(["a", "b", "c"], .or)
        let message = Message("reference.ambiguous", ["target": .value("x"), "kinds": list])
        #expect(message.text(in: .en) == "\"x\" is both a, b or c; rename one of them")
        #expect(message.text(in: .zh).contains("a、b 或 c"))
        #expect(message.text(in: .ru).contains("a, b или c"))
    }

    @Test func chineseSpacesLatinWordsAndDigitsPutBesideItsText() {
        func quoted(_ text: String) -> Message.Argument { .message(Message("value.quoted", ["value": .value(text)])) }
        func wrongType(_ expected: String, _ actual: Message.Argument) -> String {
            Message("value.wrong-type", ["key": .value("completion"), "expected": .message(Message(expected)), "actual": actual])
                .text(in: .zh)
        }
        // A number or a code span beside Chinese text is spaced; Chinese beside Chinese is not.
        #expect(wrongType("expected.whole-number-0-100", quoted("120")) == "`completion` 应为 0 到 100 的整数，实际为“120”")
        #expect(wrongType("expected.map", .term("yaml-list")) == "`completion` 应为映射，实际为列表")
        let counts = Message.Argument.list(
            [15, 1].map { count in
                .message(
                    Message("csv.delimiter-count", ["count": .number(count), "delimiter": .value(count == 15 ? "`,`" : "`;`")]))
            }, .and)
        let guessed = Message(
            "csv.delimiter-guessed",
            ["counts": counts, "chosen": .value("`,`"), "sep-line": .value("`sep=,`"), "others": .values(["`sep=;`"])])
        #expect(guessed.text(in: .zh).hasPrefix("表头行在引号外有 15 个 `,` 和 1 个 `;`，因此按 `,` 分隔读取该文件；"))
        #expect(
            Message(
                "csv.delimiter-guessed",
                ["counts": counts, "chosen": .term("tab"), "sep-line": .value(""), "others": .values([])]
            )
            .text(in: .zh).contains("，因此按制表符分隔读取"))
        // A date's digits stay beside 年 and 月, as the pages write them.
        #expect(
            Message("date.february-days", ["month": .term("month-2"), "year": .value("2026"), "count": .number(28)]).text(in: .zh)
                == "2026年2月只有 28 天")
        // The template's own mark stays on its value, and a record's own text is kept as written.
        let anchor = Message("link.broken-anchor", ["page": .value("审批/flow"), "anchor": .value("配制"), "hint": .value("")])
        #expect(anchor.text(in: .zh) == "审批/flow 中没有标题 #配制")
        #expect(anchor.text(in: .en) == "no heading #配制 in 审批/flow")
        #expect(Message("reference.no-issue", ["id": .value("SAP接口1"), "hint": .value("")]).text(in: .zh) == "没有问题“SAP接口1”")
    }

    @Test func bracesOfTheTextItselfStay() {
        let message = Message("encoding.tell-new-map", ["key": .value("issues.csv"), "encoding": .value("gbk")])
        #expect(message.text(in: .en) == "say so in project.yml: encoding: {issues.csv: gbk}")
        #expect(
            Message("template.never-closed", ["name": .value("tags")]).text(in: .en)
                == "section {{#tags}} is never closed; end it with {{/tags}}")
        #expect(MessageCatalogue.placeholders(in: "encoding: {{key}: {encoding}}") == ["key", "encoding"])
    }

    @Test func aKeyALanguageLacksFallsBackToEnglishThenToTheKey() {
        let catalogue = MessageCatalogue(files: [
            "en.yml": "messages:\n  a: 'in English {x}'\nwords:\n  ignored: 'page words belong elsewhere'\n",
            "zh.yml": "words:\n  b: 'x'\n",
        ])
        #expect(catalogue.text(Message("a", ["x": .value("1")]), in: .zh) == "in English 1")
        #expect(catalogue.text(Message("nope"), in: .ru) == "nope")
        #expect(catalogue.entries[.en]?["ignored"] == nil)
    }

    @Test func theLanguageIsAskedForThenTheEnvironmentsThenTheProjects() {
        #expect(Language.chosen(requested: .ru, project: "zh", environment: ["DOSSIER_LANG": "en"]) == .ru)
        #expect(Language.chosen(requested: nil, project: "zh", environment: ["DOSSIER_LANG": "ru_RU.UTF-8"]) == .ru)
        #expect(Language.chosen(requested: nil, project: "zh", environment: ["DOSSIER_LANG": "fr", "LANG": "ru_RU"]) == .zh)
        // Never the system locale.
        #expect(Language.chosen(requested: nil, project: nil, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "ru_RU"]) == .en)
    }
}
