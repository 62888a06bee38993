import Foundation
import Testing

@testable import DossierSearch

struct SnowballTests {
    /// The `word<TAB>stem` lines of `Fixtures/snowball/<language>.tsv`, made by scripts/snowball-oracle.
    static func oracle(_ language: String) throws -> [(word: String, stem: String)] {
        let url = Fixtures.root.appendingPathComponent("snowball/\(language).tsv")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return (String(fields[0]), String(fields[1]))
        }
    }

    @Test func everyEnglishWordOfTheOracle() throws {
        let lines = try Self.oracle("english")
        #expect(lines.count > 5000)
        let wrong = lines.filter { Snowball.english($0.word) != $0.stem }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { "\($0.word) → \(Snowball.english($0.word)), not \($0.stem)" })")
    }

    @Test func everyRussianWordOfTheOracle() throws {
        let lines = try Self.oracle("russian")
        #expect(lines.count > 5000)
        let wrong = lines.filter { Snowball.russian($0.word) != $0.stem }
        #expect(wrong.isEmpty, "\(wrong.prefix(20).map { "\($0.word) → \(Snowball.russian($0.word)), not \($0.stem)" })")
    }

    @Test(arguments: [
        ("reimbursement", "reimburs"), ("reimbursed", "reimburs"), ("reconciliation", "reconcili"),
        ("reconciled", "reconcil"), ("generously", "generous"), ("communication", "communic"), ("arsenal", "arsenal"),
        ("skies", "sky"), ("skis", "ski"), ("dying", "die"), ("news", "news"), ("gently", "gentl"),
        ("succeeded", "succeed"), ("innings", "inning"), ("cries", "cri"), ("ties", "tie"), ("gaps", "gap"),
        ("gas", "gas"), ("hopping", "hop"), ("hoped", "hope"), ("saying", "say"), ("happy", "happi"),
        ("ecologist", "ecolog"), ("john's", "john"), ("by", "by"), ("is", "is"),
    ])
    func english(word: String, stem: String) {
        #expect(Snowball.english(word) == stem)
    }

    @Test(arguments: [
        ("обновление", "обновлен"), ("обновить", "обнов"), ("обновления", "обновлен"), ("себестоимостью", "себестоим"),
        ("ведомостью", "ведом"), ("ведомости", "ведом"), ("отчёт", "отчет"), ("ещё", "ещ"), ("наименьший", "наименьш"),
        ("длиннейший", "длин"), ("смеялись", "смея"), ("улыбнувшись", "улыбнувш"), ("сделав", "сдела"),
        ("организации", "организац"), ("в", "в"),
    ])
    func russian(word: String, stem: String) {
        #expect(Snowball.russian(word) == stem)
    }

    /// An unchanged stem is the word itself, and words with other scripts pass through whole.
    @Test func othersAreKept() {
        #expect(Snowball.english("") == "")
        #expect(Snowball.english("2026") == "2026")
        #expect(Snowball.russian("") == "")
        #expect(Snowball.russian("sla") == "sla")
        #expect(Snowball.english("naïvely") == "naïv")
        #expect(Snowball.russian("ёлочками") == "елочк")
    }
}
