import Foundation
import PropertyBased
import Testing

@testable import DossierRender
@testable import DossierSearch

/// `SearchIndex.terms` against a plain implementation that lower-cases the whole text and
/// then reads it scalar by scalar: the search page makes terms from queries by that rule,
/// so every term, its bytes and its place must be the same.
@Suite struct SearchTermsEquivalenceTests {
    /// Terms as bytes: `String`'s `==` would call canonically equivalent terms equal.
    static func bytes(_ terms: [String]) -> [[UInt8]] { terms.map { Array($0.utf8) } }

    static func expectSame(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let made = bytes(SearchIndex.terms(text))
        let expected = bytes(referenceTerms(text))
        #expect(made == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func theSampleSiteGivesTheSameTerms() throws {
        let content = Self.repository.appendingPathComponent("content")
        let files = try #require(FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil))
        var count = 0
        for case let url as URL in files
        where url.pathExtension == "md" || url.pathExtension == "csv" || url.pathExtension == "yml" {
            let text = try String(contentsOf: url, encoding: .utf8)
            Self.expectSame(text)
            for line in text.split(separator: "\n") { Self.expectSame(String(line)) }
            count += 1
        }
        #expect(count > 10)
    }

    @Test(arguments: [
        "", "a", "A", "Reset the Password, FK-029!", "MiXeD CaSe ABCxyz", "0123456789 v1.2.3 x86_64 @[`{",
        "审", "审批", "审批人离职", "见 审 OCR", "审a批", "a审b", "豈更 丽", "㐀䶿一鿿", "审批。人离，职",
        "Отчёт ОТЧЁТ ёлка Ёж", "согласование согласования согласованию Согласованием его иями ЕГО",
        "кот котами коты ий ьйь Ђаке ӀӏӁ", "İstanbul İ ı I", "STRASSE Straße ẞ ß", "ΣΑΣ ΟΔΟΣ σοφός ς Σ.",
        "e\u{301}te\u{301} и\u{306}од й", "a\u{0345}b \u{1E9E}", "👍🏽 😀x 👨‍👩‍👧 🇩🇪 a‍b", "ＡＢＣ ｆｕｌｌ１２ \u{FF9E}ｶﾞ",
        "مرحبا بالعالم ٣٤", "שָׁלוֹם עולם", "a\u{0}b\u{1}\u{7}\t\r\n\u{7F}c", "\u{212A}elvin \u{2126}hm \u{212B}ngström",
        "Ⱥ ȺȾ ǅ ǈ ǲ ᾈ ᾼ ῼ", "𐐀𐐨 𞤀 Ꭰꭰ", "한국어 각", "ไทยคำ ำ", "ве\u{FF9E}ла котаﾞ", "ф\u{0E33}ая",
        "\u{2028}\u{2029}\u{FEFF}\u{200B}x", "Ǳ ǆ Ｋ ｋ",
    ])
    func handWrittenTextsGiveTheSameTerms(_ text: String) {
        Self.expectSame(text)
    }

    /// Every scalar, among its neighbours in code point order and between a Latin and a
    /// Cyrillic word whose ending it may change.
    @Test func everyScalarGivesTheSameTerms() {
        let scalars = (0...0x10FFFF).compactMap(Unicode.Scalar.init(_:))
        for start in stride(from: 0, to: scalars.count, by: 512) {
            Self.expectSame(String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 512)])))
        }
        let assigned = scalars.filter { ![.unassigned, .privateUse].contains($0.properties.generalCategory) }
        for start in stride(from: 0, to: assigned.count, by: 512) {
            Self.expectSame(assigned[start..<min(assigned.count, start + 512)].map { "ab\($0)ая" }.joined(separator: " "))
        }
    }

    /// Scalars the rules and lower-casing treat specially, with ASCII, Cyrillic and CJK.
    static let alphabet: [String] = [
        "a", "Z", "q", "0", "9", " ", ".", "-", "\n", "\u{0}", "\t", "ж", "Ж", "ё", "Ё", "е", "а", "я", "и", "й", "ы", "ь",
        "о", "м", "в", "х", "ю", "у", "Я", "审", "批", "豈", "㐀", "İ", "ı", "ß", "ẞ", "Σ", "σ", "ς", "\u{301}", "\u{306}",
        "😀", "\u{1F3FD}", "\u{200D}", "Ａ", "ｚ", "ﾞ", "ع", "ש", "\u{212A}", "Ⱥ", "ǅ", "ᾈ", "한", "ᄀ", "ᅡ", "ำ", "、",
    ]

    /// A deterministic sweep: the same seeds every run, each failure names its seed.
    @Test func seededRandomTextsGiveTheSameTerms() {
        for seed in UInt64(1)...5000 {
            var random = SeededRandom(seed: seed)
            let length = random.next(below: 24)
            let text = (0..<length).map { _ in random.pick(Self.alphabet) }.joined()
            let made = Self.bytes(SearchIndex.terms(text))
            let expected = Self.bytes(referenceTerms(text))
            #expect(made == expected, "seed \(seed): \(text.debugDescription)")
        }
    }

    @Test func generatedTextsGiveTheSameTerms() async {
        let texts = Gen.element(of: Self.alphabet).map { $0 ?? "a" }.array(of: 0...32).map { $0.joined() }
        await propertyCheck(count: 2000, input: texts) { text in
            #expect(Self.bytes(SearchIndex.terms(text)) == Self.bytes(referenceTerms(text)))
        }
    }

    /// A page's terms: those of its title, headings and texts joined by line breaks.
    @Test func documentsTakeTheTermsOfTheirJoinedText() {
        for seed in UInt64(1)...500 {
            var random = SeededRandom(seed: seed)
            func piece() -> String { (0..<random.next(below: 12)).map { _ in random.pick(Self.alphabet) }.joined() }
            let title = piece()
            let sections = (0..<random.next(below: 4)).map { _ in (anchor: "a", heading: piece(), text: piece()) }
            let document = SearchIndex.Document(url: "d.html", title: title, kind: "article", sections: sections)
            let joined = ([title] + sections.flatMap { [$0.heading, $0.text] }).joined(separator: "\n")
            // and the ids of each piece, which never span two.
            let ids = ([title] + sections.flatMap { [$0.heading, $0.text] }).flatMap(SearchIndex.idTerms).map { "#" + $0 }
            let expected = Set(referenceTerms(joined) + ids)
            #expect(Set(document.terms.map { Array($0.term.utf8) }) == Set(expected.map { Array($0.utf8) }), "seed \(seed)")
        }
    }
}

// MARK: The plain implementation, kept as the reference

private func referenceIsCJK(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
    default: return false
    }
}

private func referenceIsWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .decimalNumber, .letterNumber, .otherNumber:
        return true
    default:
        return false
    }
}

/// The stem rule as docs/records.md states it: a word of `a`–`z` only by the English
/// Snowball stemmer, of `а`–`я` only by the Russian one, at most 40 letters; else as it is.
private func referenceStem(_ word: String) -> String {
    let scalars = word.unicodeScalars
    guard scalars.count <= 40 else { return word }
    if scalars.allSatisfy({ ("a"..."z").contains($0) }) { return Snowball.english(word) }
    if scalars.allSatisfy({ ("а"..."я").contains($0) }) { return Snowball.russian(word) }
    return word
}

func referenceTerms(_ text: String) -> [String] {
    let normalized = text.lowercased()
    var terms: [String] = []
    var cjk: [Unicode.Scalar] = []
    var word = String.UnicodeScalarView()
    func flushCJK() {
        if cjk.count == 1 { terms.append(String(cjk[0])) }
        if cjk.count > 1 {
            for i in 0..<(cjk.count - 1) {
                var pair = String.UnicodeScalarView()
                pair.append(cjk[i])
                pair.append(cjk[i + 1])
                terms.append(String(pair))
            }
        }
        cjk.removeAll(keepingCapacity: true)
    }
    func flushWord() {
        if !word.isEmpty { terms.append(referenceStem(String(word))) }
        word = String.UnicodeScalarView()
    }
    for original in normalized.unicodeScalars {
        let scalar: Unicode.Scalar = original == "ё" ? "е" : original
        if referenceIsCJK(scalar) {
            flushWord()
            cjk.append(scalar)
        } else if referenceIsWordCharacter(scalar) {
            flushCJK()
            word.append(scalar)
        } else {
            flushCJK()
            flushWord()
        }
    }
    flushCJK()
    flushWord()
    return terms
}
