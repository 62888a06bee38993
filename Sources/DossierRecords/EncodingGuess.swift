import Foundation

/// What the bytes of a file that is not UTF-8 most likely are, for the hint under the
/// `file-encoding` error. Nothing is read this way: the user names the encoding in
/// project.yml after looking.
///
/// Each legacy encoding of `TextEncoding` that decodes the bytes without error is
/// weighed by how plausible the text it gives is, character by character (ASCII is the
/// same in all of them and is not counted), each scoring 0…1:
/// - a Chinese or Japanese ideograph scores 1 when it is among the encoding's own
///   commonly used characters — GB2312 level 1 (3,755 characters) for GB18030 and GBK,
///   Big5's frequently used characters (5,401) for Big5, JIS X 0208 level 1 for
///   Shift_JIS — or, in GB18030, an assigned character of the CJK extensions (which only
///   its four-byte sequences hold); 0 otherwise, or when it sits between two Latin
///   letters (`Gr鲞e`). Bytes of one of these encodings read as another land on rare
///   characters;
/// - kana score 1 only in Shift_JIS, half-width kana ½ (Windows-1251 capitals read as
///   Shift_JIS are half-width kana); CJK and full-width punctuation, and the symbols
///   East Asian business text uses (`①`, `※`, `○`, `→`, `℃`, `㈱`) 1 in all four;
///   bopomofo ½ in Big5 (Taiwan's phonetic letters), 0 elsewhere (`ㄦ` is `Ёж` in
///   Windows-1251 read as GB18030);
/// - a Cyrillic letter scores 1 when its word is written lower-case, Capitalised or ALL
///   CAPS — capitals are common in Russian business text (acronyms, titles) —, 0 when
///   the case flips inside the word: Windows-1251 read as KOI8-R (and the other way
///   round) swaps upper and lower case, the classic way to tell them apart; letters
///   outside the Russian alphabet score ½. A word of one letter scores 1 only when it is
///   a Russian one-letter word (`в`, `и`, `с`, …) or an abbreviation (`г.`), and then
///   only when the field has other Cyrillic text: `а la carte` is French read as
///   Windows-1251;
/// - a Latin letter with a diacritic scores 1 in a word where it stands next to an
///   ASCII small letter (`français`, `Müller`) or stands alone (`à`), 0 otherwise:
///   in a run of such letters (`Îøèáêà` is Russian read as Windows-1252), among
///   capitals only (`ÝÃD` is Big5 read as Windows-1252), beside Cyrillic, or as a
///   capital right after a small letter (`cafŽ` is Mac Roman read as Windows-1252);
/// - typographic punctuation (`«»„“”–—…№€`) scores 1, 0 when a quote mark or a sign
///   (`©`, `№`, `•`) sits inside a word or number (`А©Х`, `2‚6`); other symbols and
///   controls 0;
/// - for the single-byte encodings, each byte of a valid UTF-8 sequence for Latin-1 or
///   Russian letters (leads 0xC2, 0xC3, 0xD0, 0xD1) counts as implausible: reading UTF-8
///   in a legacy encoding garbles it (`CafÃ©`), and real text in those encodings hardly
///   ever has such pairs.
///
/// A file with at least as many valid UTF-8 sequences beyond ASCII as bytes that are not
/// is UTF-8 with some stray bytes, unless a legacy encoding reads it near flawlessly
/// (`wordsOnly`): two-byte text has pairs that happen to be valid UTF-8. Then no
/// encoding reads all of it right, and none is named.
///
/// A candidate whose mean is at least `plausible` counts. Readings are then ranked by
/// their mean, with one comparison: when a single-byte encoding reads every non-ASCII
/// character as a letter of a plausible word, a Chinese or Japanese reading whose
/// characters stand in runs split by ASCII spaces or punctuation — exactly the other
/// reading's word breaks, where Chinese and Japanese put none — ranks lower
/// (`ОШИБКА ПЕЧАТИ` in Windows-1251 reads `呜攘世 吓桌胰` in GB18030, all common
/// characters). The best is named alone when it leads the others by `margin`; else
/// every reading within the margin is, with what each reads, for the user to tell apart
/// by looking. The project's language is a prior that never drops a reading: the
/// readings it favours (ru: Windows-1251, KOI8-R; zh: GB18030, GBK, Big5; en:
/// Windows-1252) come first, and one that counts is named even when it is not within
/// the margin.
public enum EncodingGuess: Equatable, Sendable {
    /// One encoding reads the bytes right; `sample` is the first non-ASCII text as it reads.
    case one(TextEncoding, sample: String)
    /// Several encodings read the bytes plausibly, each with what it reads, the likelier
    /// first; look at the file in each to choose.
    case several([Reading])
    /// None reads them right; `mixedWithUTF8` when the file is mostly UTF-8 with some
    /// bytes that are not.
    case none(mixedWithUTF8: Bool)

    /// An encoding and the first non-ASCII text of the file as it reads it.
    public struct Reading: Equatable, Sendable {
        public var encoding: TextEncoding
        public var sample: String

        public init(_ encoding: TextEncoding, _ sample: String) {
            self.encoding = encoding
            self.sample = sample
        }
    }

    /// The encodings weighed, in the order ties are broken. GBK is weighed only when
    /// GB18030 cannot read the bytes (code page 936's `€`, byte 0x80): else both read
    /// them alike, and GB18030, which holds every character, is named.
    static let candidates: [TextEncoding] = [.gb18030, .gbk, .big5, .shiftJIS, .windows1251, .koi8R, .windows1252]
    /// Least mean score of a candidate that reads the bytes right.
    static let plausible = 0.85
    /// Lead over the runner-up that makes a clear winner.
    static let margin = 0.1
    /// Least mean score of a single-byte reading that makes only words, against which a
    /// Chinese or Japanese reading split at its word breaks ranks lower.
    static let wordsOnly = 0.95
    /// Bytes weighed at most: the start of the file, cut at a line end.
    static let sampleLimit = 256 << 10

    static let singleByte: Set<TextEncoding> = [.windows1251, .koi8R, .windows1252]
    static let eastAsian: Set<TextEncoding> = [.gb18030, .gbk, .big5, .shiftJIS]

    /// The likely encoding of `data`, which is not valid UTF-8; `language` is project.yml's
    /// (`en`, `zh`, `ru`), the prior when encodings read the bytes equally well.
    public static func guess(_ data: Data, language: String?) -> EncodingGuess {
        var bytes = [UInt8](data.prefix(sampleLimit))
        if data.count > sampleLimit, let lastLF = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastLF + 1)...) }
        let utf8 = UTF8Census(bytes)
        // Mostly valid UTF-8: a legacy reading must be near flawless to be named (short
        // GBK text has pairs that happen to be UTF-8: `系统` is CF B5 CD B3).
        let mixed = utf8.multibyteSequences > 0 && utf8.multibyteSequences >= utf8.invalidBytes
        let least = mixed ? wordsOnly : plausible
        var readings: [(encoding: TextEncoding, weighing: Weighing, text: String)] = []
        var decoded: Set<TextEncoding> = []
        for encoding in candidates {
            if encoding == .gbk && decoded.contains(.gb18030) { continue }
            guard let text = TextDecoder.convertExactly(bytes, from: encoding) else { continue }
            decoded.insert(encoding)
            let weighing = weigh(text, as: encoding, strayUTF8: singleByte.contains(encoding) ? utf8.letterSequenceBytes : 0)
            readings.append((encoding, weighing, text))
        }
        let wordsRead = readings.contains {
            singleByte.contains($0.encoding) && $0.weighing.score >= wordsOnly && $0.weighing.lettersOnly
        }
        let favoured = preferred(language)
        // Plausible readings with their rank, best first; ties: the favoured first, then
        // the order of `candidates`.
        let ranked = readings.filter { $0.weighing.score >= least }.map { reading in
            var rank = reading.weighing.score
            if wordsRead && eastAsian.contains(reading.encoding) { rank *= 1 - reading.weighing.splitAtBreaks / 2 }
            return (reading.encoding, rank, reading.text)
        }.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.1 != y.1 { return x.1 > y.1 }
            if favoured.contains(x.0) != favoured.contains(y.0) { return favoured.contains(x.0) }
            return a.offset < b.offset
        }.map(\.element)
        guard let best = ranked.first else { return .none(mixedWithUTF8: mixed) }
        var close = ranked.filter { best.1 - $0.1 < margin }
        // Among the close, the project's language first; a reading it favours is named
        // even when it is not close.
        close = close.filter { favoured.contains($0.0) } + close.filter { !favoured.contains($0.0) }
        let named = close + ranked.filter { favoured.contains($0.0) && !close.map(\.0).contains($0.0) }
        if named.count == 1 { return .one(best.0, sample: sample(best.2)) }
        return .several(named.map { Reading($0.0, sample($0.2)) })
    }

    /// The encodings files of a project in `language` are usually in.
    static func preferred(_ language: String?) -> [TextEncoding] {
        switch language?.lowercased() {
        case "zh": return [.gb18030, .gbk, .big5]
        case "ru": return [.windows1251, .koi8R]
        case "en": return [.windows1252]
        default: return []
        }
    }

    /// How a reading weighs: its mean plausibility, whether every non-ASCII character
    /// of it is a letter, and the share of its Chinese and Japanese characters that
    /// stand beside an ASCII space or punctuation with such a character on its other
    /// side (`世 吓`).
    struct Weighing: Equatable {
        var score: Double
        var lettersOnly: Bool
        var splitAtBreaks: Double
    }

    /// Mean plausibility (0…1) of the non-ASCII characters of `text` decoded as
    /// `encoding`; `strayUTF8` bytes of valid UTF-8 sequences count as implausible ones.
    static func plausibility(_ text: String, as encoding: TextEncoding, strayUTF8: Int = 0) -> Double {
        weigh(text, as: encoding, strayUTF8: strayUTF8).score
    }

    static func weigh(_ text: String, as encoding: TextEncoding, strayUTF8: Int = 0) -> Weighing {
        let scalars = Array(text.unicodeScalars)
        var total = Double(strayUTF8)
        var sum = 0.0
        var lettersOnly = true
        var eastAsianCount = 0
        var split: Set<Int> = []
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isASCII {
                index += 1
                continue
            }
            if isWordLetter(scalar) {
                // A word: Latin and Cyrillic letters (ASCII too) in a row, weighed together.
                var end = index
                var start = index
                while start > 0 && isWordLetter(scalars[start - 1]) { start -= 1 }
                while end < scalars.count && isWordLetter(scalars[end]) { end += 1 }
                let word = scalars[start..<end]
                var wordScore = letterPlausibility(word)
                if word.count == 1 && isCyrillic(scalar) {
                    let abbreviation = end < scalars.count && scalars[end] == "."
                    if !oneLetterWords.contains(scalar) && !abbreviation || !cyrillicElsewhere(in: scalars, around: index) {
                        wordScore = 0
                    }
                }
                for letter in scalars[index..<end] where !letter.isASCII {
                    total += 1
                    sum += wordScore * letterWeight(letter)
                }
                index = end
                continue
            }
            lettersOnly = false
            total += 1
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            sum += symbolPlausibility(scalar, as: encoding, between: before, and: after)
            if isEastAsian(scalar) {
                eastAsianCount += 1
                // An ASCII break after it, then another such character: both are split.
                var next = index + 1
                while next < scalars.count && wordBreaks.contains(scalars[next]) { next += 1 }
                if next > index + 1 && next < scalars.count && isEastAsian(scalars[next]) {
                    split.insert(index)
                    split.insert(next)
                }
            }
            index += 1
        }
        return Weighing(
            score: total == 0 ? 0 : sum / total, lettersOnly: lettersOnly,
            splitAtBreaks: eastAsianCount == 0 ? 0 : Double(split.count) / Double(eastAsianCount))
    }

    /// ASCII that breaks words in a line of text, where Chinese and Japanese put none;
    /// the separators and quotes of CSV are not among them.
    static let wordBreaks: Set<Unicode.Scalar> = [" ", "-", ".", "/", ":", "!", "?", "(", ")", "&", "+", "_"]

    /// The Russian words of one letter, and the letters that stand for a word.
    static let oneLetterWords: Set<Unicode.Scalar> = Set("аиоуяквсжбАИОУЯКВСЖБ".unicodeScalars)

    /// Whether the CSV field (or line) around `index` has a Cyrillic letter other than
    /// the one there, or no ASCII letter at all.
    static func cyrillicElsewhere(in scalars: [Unicode.Scalar], around index: Int) -> Bool {
        let stops: Set<Unicode.Scalar> = [",", ";", "\t", "\n", "\r", "\""]
        var start = index
        while start > 0 && !stops.contains(scalars[start - 1]) { start -= 1 }
        var end = index + 1
        while end < scalars.count && !stops.contains(scalars[end]) { end += 1 }
        var latin = false
        for position in start..<end where position != index {
            if isCyrillic(scalars[position]) { return true }
            if isASCIILetter(scalars[position]) { latin = true }
        }
        return !latin
    }

    /// 1 for a word written as a word of its script is, 0 for a garbled one.
    static func letterPlausibility(_ word: ArraySlice<Unicode.Scalar>) -> Double {
        let cyrillic = word.contains { isCyrillic($0) }
        let accented = word.contains { !$0.isASCII && !isCyrillic($0) }
        let ascii = word.contains { $0.isASCII }
        if cyrillic && (accented || ascii) { return 0 }  // scripts mixed inside one word
        if accented {
            if word.count == 1 { return 1 }
            // Each accented letter beside an ASCII small letter (`Müller`), and no capital
            // right after a small letter (`cafŽ`: Mac Roman's `é` read as Windows-1252).
            let letters = Array(word)
            for i in letters.indices where !letters[i].isASCII {
                if i > 0 && letters[i].properties.isUppercase && letters[i - 1].properties.isLowercase { return 0 }
                let beside = [i - 1, i + 1].filter(letters.indices.contains).map { letters[$0] }
                if !beside.contains(where: { $0.isASCII && $0.properties.isLowercase }) { return 0 }
            }
            return 1
        }
        // Cyrillic: lower-case, Capitalised or ALL CAPS.
        let upper = word.map { $0.properties.isUppercase }
        let rest = upper.dropFirst()
        if !rest.contains(true) || !rest.contains(false) && (upper.first == true || word.count == 1) { return 1 }
        return 0
    }

    /// ½ for Cyrillic letters outside the Russian alphabet (what Shift_JIS bytes read as
    /// Windows-1251 give: `ѓЌ`), else 1.
    static func letterWeight(_ letter: Unicode.Scalar) -> Double {
        guard isCyrillic(letter) else { return 1 }
        let russian = (0x0410...0x044F).contains(letter.value) || letter.value == 0x0401 || letter.value == 0x0451
        return russian ? 1 : 0.5
    }

    static func symbolPlausibility(
        _ scalar: Unicode.Scalar, as encoding: TextEncoding, between before: Unicode.Scalar, and after: Unicode.Scalar
    ) -> Double {
        let value = scalar.value
        let eastAsianEncoding = eastAsian.contains(encoding)
        if isIdeograph(scalar) {
            if isASCIILetter(before) && isASCIILetter(after) { return 0 }
            if CommonIdeographs.of(encoding).contains(scalar) { return 1 }
            // GB18030's four-byte sequences: the CJK extensions, when assigned.
            let extensions = (0x3400...0x4DBF).contains(value) || value >= 0x20000
            return encoding == .gb18030 && extensions && scalar.properties.isIdeographic ? 1 : 0
        }
        if (0xFF66...0xFF9F).contains(value) { return encoding == .shiftJIS ? 0.5 : 0 }  // half-width kana
        if isKana(scalar) { return encoding == .shiftJIS ? 1 : 0 }
        // Bopomofo.
        if (0x3100...0x312F).contains(value) || (0x31A0...0x31BF).contains(value) { return encoding == .big5 ? 0.5 : 0 }
        if (0x3000...0x303F).contains(value) || (0xFF01...0xFF5E).contains(value) || value == 0xFFE5 {
            return eastAsianEncoding ? 1 : 0
        }
        if eastAsianEncoding && eastAsianSymbols.contains(where: { $0.contains(value) }) { return 1 }
        let typographic: Set<UInt32> = [
            0x00A0, 0x00AB, 0x00BB, 0x00B0, 0x00A7, 0x00A9, 0x00AE, 0x00B7, 0x00BF, 0x00A1, 0x00A3, 0x20AC, 0x2116,
            0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2026, 0x2022, 0x2122, 0x00D7,
        ]
        guard typographic.contains(value) else { return 0 }
        // Inside a word or a number: only an apostrophe, a dash, a middle dot or a times sign.
        let joins: Set<UInt32> = [0x2019, 0x2013, 0x2014, 0x00B7, 0x00D7, 0x00A0]
        if isAlphanumeric(before) && isAlphanumeric(after) && !joins.contains(value) { return 0 }
        return 1
    }

    /// Symbols East Asian business text uses, which the East Asian encodings have:
    /// `※` `℃` `№` `Ⅰ` arrows, `∑√∞`, `①` `⑴`, box drawing, `■□▲△◆◇○●◎`, `★☆`, `㈱` `㍉`.
    static let eastAsianSymbols: [ClosedRange<UInt32>] = [
        0x203B...0x203B, 0x2103...0x2103, 0x2116...0x2116, 0x2160...0x217F, 0x2190...0x21FF, 0x2200...0x22FF,
        0x2460...0x24FF, 0x2500...0x257F, 0x25A0...0x25FF, 0x2605...0x2606, 0x3200...0x33FF,
    ]

    /// A Latin (ASCII or with a diacritic) or Cyrillic letter: what words are weighed by.
    static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic && (scalar.value < 0x0250 || isCyrillic(scalar))
    }
    static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic }
    static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool { (0x0400...0x04FF).contains(scalar.value) }
    static func isKana(_ scalar: Unicode.Scalar) -> Bool {
        (0x3041...0x30FF).contains(scalar.value) || (0xFF66...0xFF9F).contains(scalar.value)
    }
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x3FFFF).contains(value)
    }
    /// An ideograph or kana: what Chinese and Japanese write without spaces between.
    static func isEastAsian(_ scalar: Unicode.Scalar) -> Bool { isIdeograph(scalar) || isKana(scalar) }

    /// The first non-ASCII text of `text`: the CSV field it is in, trimmed, at most 24
    /// characters.
    static func sample(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !$0.isASCII }) else { return "" }
        let stops: Set<Unicode.Scalar> = [",", ";", "\t", "\n", "\r", "\""]
        var start = first
        while start > 0 && !stops.contains(scalars[start - 1]) { start -= 1 }
        var end = first
        while end < scalars.count && !stops.contains(scalars[end]) { end += 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        var field = String(view).trimmingCharacters(in: .whitespaces)
        if field.unicodeScalars.count > 24 {
            var cut = String.UnicodeScalarView()
            cut.append(contentsOf: field.unicodeScalars.prefix(24))
            field = String(cut).trimmingCharacters(in: .whitespaces) + "…"
        }
        return field
    }
}

/// How much of a byte string is valid UTF-8 beyond ASCII, and how much is not.
struct UTF8Census {
    /// Valid sequences of two to four bytes.
    var multibyteSequences = 0
    /// Bytes in valid two-byte sequences of Latin-1 and Russian letters (leads 0xC2, 0xC3,
    /// 0xD0, 0xD1).
    var letterSequenceBytes = 0
    /// Bytes that start no valid sequence.
    var invalidBytes = 0

    init(_ bytes: [UInt8]) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length: Int
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length > 0, index + length <= bytes.count, String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            {
                multibyteSequences += 1
                if [0xC2, 0xC3, 0xD0, 0xD1].contains(byte) { letterSequenceBytes += 2 }
                index += length
            } else {
                invalidBytes += 1
                index += 1
            }
        }
    }
}

/// The commonly used ideographs of each East Asian encoding, read from the encoding's own
/// code table through iconv: GB2312 level 1 (rows 0xB0–0xD7, ordered by pinyin, 3,755
/// characters), Big5's frequently used characters (0xA440–0xC67E, 5,401), and JIS X 0208
/// level 1 (Shift_JIS 0x889F–0x9872, 2,965).
enum CommonIdeographs {
    static func of(_ encoding: TextEncoding) -> Set<Unicode.Scalar> {
        switch encoding {
        case .gb18030, .gbk: return gb2312Level1
        case .big5: return big5Frequent
        case .shiftJIS: return jisLevel1
        default: return []
        }
    }

    static let gb2312Level1 = table(.gb18030, leads: 0xB0...0xD7, trails: [Array(0xA1...0xFE)]) { lead, trail in
        !(lead == 0xD7 && trail > 0xF9)
    }
    static let big5Frequent = table(.big5, leads: 0xA4...0xC6, trails: [Array(0x40...0x7E), Array(0xA1...0xFE)]) { lead, trail in
        lead < 0xC6 || trail <= 0x7E
    }
    static let jisLevel1 = table(.shiftJIS, leads: 0x88...0x98, trails: [Array(0x40...0x7E), Array(0x80...0xFC)]) { lead, trail in
        (lead != 0x88 || trail >= 0x9F) && (lead != 0x98 || trail <= 0x72)
    }

    /// The ideographs of the two-byte codes `lead` × `trails` that `keep` accepts.
    private static func table(
        _ encoding: TextEncoding, leads: ClosedRange<Int>, trails: [[Int]], keep: (Int, Int) -> Bool
    ) -> Set<Unicode.Scalar> {
        var bytes: [UInt8] = []
        for lead in leads {
            for trail in trails.joined() where keep(lead, trail) { bytes += [UInt8(lead), UInt8(trail)] }
        }
        guard let text = TextDecoder.convertExactly(bytes, from: encoding) else { return [] }
        return Set(text.unicodeScalars.filter(EncodingGuess.isIdeograph))
    }
}
