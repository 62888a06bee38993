import Foundation

/// What the bytes of a file that is not UTF-8 most likely are, for the hint under the
/// `file-encoding` error. Nothing is read this way: the user names the encoding in
/// project.yml after looking.
///
/// Each legacy encoding of `TextEncoding` that decodes the bytes without error is
/// weighed by how plausible the text it gives is, character by character (ASCII is the
/// same in all of them and is not counted), each scoring 0…1:
/// - a Chinese or Japanese ideograph scores 1 when it is among the encoding's own
///   commonly used characters — GB2312 level 1 (3,755 characters) for GB18030, Big5's
///   frequently used characters (5,401) for Big5, JIS X 0208 level 1 for Shift_JIS — and
///   0 otherwise, or when it sits between two Latin letters (`Gr鲞e`). Bytes of one
///   of these encodings read as another land on rare characters;
/// - kana score 1 only in Shift_JIS, half-width kana ½ (Windows-1251 capitals read as
///   Shift_JIS are half-width kana); CJK and full-width punctuation 1 in all three;
/// - a Cyrillic letter scores 1 when its word is written lower-case, Capitalised or ALL
///   CAPS, 0 when the case flips inside the word: Windows-1251 read as KOI8-R (and the
///   other way round) swaps upper and lower case, the classic way to tell them apart;
///   letters outside the Russian alphabet score ½;
/// - a Latin letter with a diacritic scores 1 in a word that also has ASCII letters
///   (`français`, `Müller`) or stands alone (`à`), 0 in a run of such letters
///   (`Îøèáêà` is Russian read as Windows-1252), beside Cyrillic, or as a capital right
///   after a small letter (`cafŽ` is Mac Roman read as Windows-1252);
/// - typographic punctuation (`«»„“”–—…№€`) scores 1, other symbols and controls 0;
/// - for the single-byte encodings, each byte of a valid UTF-8 sequence for Latin-1 or
///   Russian letters (leads 0xC2, 0xC3, 0xD0, 0xD1) counts as implausible: reading UTF-8
///   in a legacy encoding garbles it (`CafÃ©`), and real text in those encodings hardly
///   ever has such pairs.
///
/// A file with at least as many valid UTF-8 sequences beyond ASCII as bytes that are not
/// is UTF-8 with some stray bytes: no encoding reads all of it right, and none is named.
///
/// A candidate whose mean is at least `plausible` counts. One counting candidate is
/// suggested; of several, the best when it leads by `margin`, else the one the project's
/// language favours (ru: Windows-1251, KOI8-R; zh: GB18030, Big5; en: Windows-1252),
/// else the best two are named for the user to tell apart by looking.
public enum EncodingGuess: Equatable, Sendable {
    /// One encoding reads the bytes right; `sample` is the first non-ASCII text as it reads.
    case one(TextEncoding, sample: String)
    /// Two encodings read the bytes plausibly (each with its sample); look at the file
    /// in each to choose.
    case two(TextEncoding, String, TextEncoding, String)
    /// None reads them right; `mixedWithUTF8` when the file is mostly UTF-8 with some
    /// bytes that are not.
    case none(mixedWithUTF8: Bool)

    /// The encodings weighed, in the order ties are broken.
    static let candidates: [TextEncoding] = [.gb18030, .big5, .shiftJIS, .windows1251, .koi8R, .windows1252]
    /// Least mean score of a candidate that reads the bytes right.
    static let plausible = 0.85
    /// Lead over the runner-up that makes a clear winner.
    static let margin = 0.1
    /// Bytes weighed at most: the start of the file, cut at a line end.
    static let sampleLimit = 256 << 10

    /// The likely encoding of `data`, which is not valid UTF-8; `language` is project.yml's
    /// (`en`, `zh`, `ru`), the prior when two encodings read the bytes equally well.
    public static func guess(_ data: Data, language: String?) -> EncodingGuess {
        var bytes = [UInt8](data.prefix(sampleLimit))
        if data.count > sampleLimit, let lastLF = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange((lastLF + 1)...) }
        let utf8 = UTF8Census(bytes)
        if utf8.multibyteSequences > 0 && utf8.multibyteSequences >= utf8.invalidBytes { return .none(mixedWithUTF8: true) }
        var scored: [(encoding: TextEncoding, score: Double, text: String)] = []
        for encoding in candidates {
            guard let text = TextDecoder.convertExactly(bytes, from: encoding) else { continue }
            let singleByte = [.windows1251, .koi8R, .windows1252].contains(encoding)
            let score = plausibility(text, as: encoding, strayUTF8: singleByte ? utf8.letterSequenceBytes : 0)
            if score >= plausible { scored.append((encoding, score, text)) }
        }
        // Best first; equal scores keep the order of `candidates`.
        scored = scored.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        guard let best = scored.first else { return .none(mixedWithUTF8: false) }
        let close = scored.filter { best.score - $0.score < margin }
        if close.count == 1 { return .one(best.encoding, sample: sample(best.text)) }
        let favoured = close.filter { preferred(language).contains($0.encoding) }
        if favoured.count == 1 { return .one(favoured[0].encoding, sample: sample(favoured[0].text)) }
        let pair = favoured.count > 1 ? favoured : close
        return .two(pair[0].encoding, sample(pair[0].text), pair[1].encoding, sample(pair[1].text))
    }

    /// The encodings files of a project in `language` are usually in.
    static func preferred(_ language: String?) -> [TextEncoding] {
        switch language?.lowercased() {
        case "zh": return [.gb18030, .big5]
        case "ru": return [.windows1251, .koi8R]
        case "en": return [.windows1252]
        default: return []
        }
    }

    /// Mean plausibility (0…1) of the non-ASCII characters of `text` decoded as
    /// `encoding`; `strayUTF8` bytes of valid UTF-8 sequences count as implausible ones.
    static func plausibility(_ text: String, as encoding: TextEncoding, strayUTF8: Int = 0) -> Double {
        let scalars = Array(text.unicodeScalars)
        var total = Double(strayUTF8)
        var sum = 0.0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar.isASCII {
                index += 1
                continue
            }
            if isWordLetter(scalar) && !isIdeograph(scalar) && !isKana(scalar) {
                // A word: letters (ASCII too) in a row, weighed together.
                var end = index
                var start = index
                while start > 0 && isWordLetter(scalars[start - 1]) && !isIdeograph(scalars[start - 1]) { start -= 1 }
                while end < scalars.count && isWordLetter(scalars[end]) && !isIdeograph(scalars[end]) && !isKana(scalars[end]) { end += 1 }
                let word = scalars[start..<end]
                let wordScore = letterPlausibility(word)
                for letter in scalars[index..<end] where !letter.isASCII {
                    total += 1
                    sum += wordScore * letterWeight(letter)
                }
                index = end
                continue
            }
            total += 1
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            sum += symbolPlausibility(scalar, as: encoding, between: before, and: after)
            index += 1
        }
        return total == 0 ? 0 : sum / total
    }

    /// 1 for a word written as a word of its script is, 0 for a garbled one.
    static func letterPlausibility(_ word: ArraySlice<Unicode.Scalar>) -> Double {
        let cyrillic = word.contains { isCyrillic($0) }
        let accented = word.contains { !$0.isASCII && !isCyrillic($0) }
        let ascii = word.contains { $0.isASCII }
        if cyrillic && (accented || ascii) { return 0 }  // scripts mixed inside one word
        if accented {
            // A capital right after a small letter (`cafŽ`: Mac Roman's `é` read as
            // Windows-1252) is not how a word is written.
            let letters = Array(word)
            for i in letters.indices.dropFirst() where !letters[i].isASCII && letters[i].properties.isUppercase {
                if letters[i - 1].properties.isLowercase { return 0 }
            }
            return ascii || word.count == 1 ? 1 : 0
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
        if isIdeograph(scalar) {
            if isASCIILetter(before) && isASCIILetter(after) { return 0 }
            return CommonIdeographs.of(encoding).contains(scalar) ? 1 : 0
        }
        if (0xFF66...0xFF9F).contains(value) { return encoding == .shiftJIS ? 0.5 : 0 }  // half-width kana
        if isKana(scalar) { return encoding == .shiftJIS ? 1 : 0 }
        if (0x3000...0x303F).contains(value) || (0xFF01...0xFF5E).contains(value) || value == 0xFFE5 {
            return [.gb18030, .big5, .shiftJIS].contains(encoding) ? 1 : 0
        }
        let typographic: Set<UInt32> = [
            0x00A0, 0x00AB, 0x00BB, 0x00B0, 0x00A7, 0x00A9, 0x00AE, 0x00B7, 0x00BF, 0x00A1, 0x00A3, 0x20AC, 0x2116,
            0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2026, 0x2022, 0x2122, 0x00D7,
        ]
        return typographic.contains(value) ? 1 : 0
    }

    static func isWordLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }
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
            if length > 0, index + length <= bytes.count, String(validating: bytes[index..<index + length], as: UTF8.self) != nil {
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
