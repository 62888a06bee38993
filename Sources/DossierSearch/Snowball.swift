/// The Snowball stemmers of English and Russian, giving exactly the stems of the Snowball
/// project's own implementation, so that a term made at build time and one made from the query
/// in the browser (`templates/assets/snowball.js`, the same algorithms) meet.
///
/// The algorithms are those of Snowball 3.1 (`english.sbl` and `russian.sbl` of Snowball 3.1.1,
/// described at https://snowballstem.org/algorithms/english/stemmer.html and
/// https://snowballstem.org/algorithms/russian/stemmer.html). The English one is Porter2 as
/// Snowball 3 has it, which adds to the steps once published: more beginnings after which R1
/// starts (`emerg`, `inter`, `later`, `organ`, `past`, `univers`), `-ogist` → `-og`, `past` as a
/// short syllable, and Porter2's second list of exceptions (`succeed`, `inning`) and `dying`,
/// `lying`, `tying` handled in step 1b. Snowball 3.0 stems a few words otherwise (`skis`, `internal`),
/// so the oracle's version is pinned.
/// `Tests/DossierTests/Fixtures/snowball` holds the stems of several thousand words made with
/// PyPI's `snowballstemmer` 3.1.1 (`scripts/snowball-oracle`); the tests check every one.
///
/// Both work on the word's Unicode scalars in a buffer on the stack and build a `String` only when
/// the stem differs from the word. Speed, measured by compiling this file with `swiftc -O`
/// (Swift 6.3, x86-64 Linux, one core of a shared 2-core machine) together with a loop that
/// stems every word of the two fixture files 200 times: about 5.5 million English and
/// 4.6 million Russian words a second, so stemming a 10-million-word site takes about 2 s.
package enum Snowball {
    /// The Porter2 (Snowball 3.1 `english`) stem of `word`, which is already lower-cased.
    ///
    /// Words of fewer than three scalars are their own stem; a leading apostrophe and `'s`
    /// endings are removed. Every scalar but the vowels `a`, `e`, `i`, `o`, `u` and `y` counts as a
    /// consonant.
    package static func english(_ word: String) -> String {
        stem(word) { englishSteps.stem(&$0) }
    }

    /// The Snowball 3.1 `russian` stem of `word`, which is already lower-cased.
    ///
    /// "ё" is read as "е", so the stem of "ещё" is "ещ" and a stem never holds "ё". Scalars other
    /// than the Cyrillic vowels а, е, и, о, у, ы, э, ю and я count as consonants.
    package static func russian(_ word: String) -> String {
        stem(word) { russianSteps.stem(&$0) }
    }

    // The tables of each algorithm, made once and then read through one reference per word.
    private static let englishSteps = English()
    private static let russianSteps = Russian()

    /// Runs `algorithm` on the scalars of `word` and gives the result, `word` itself when unchanged.
    @inline(__always)
    private static func stem(_ word: String, _ algorithm: (inout Letters) -> Void) -> String {
        // A stem is never longer than its word, and a word has no more scalars than UTF-8 bytes.
        let capacity = word.utf8.count
        guard capacity > 0 else { return word }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { buffer in
            var letters = Letters(buffer: buffer)
            for scalar in word.unicodeScalars {
                buffer[letters.count] = scalar.value
                letters.count += 1
            }
            let length = letters.count
            algorithm(&letters)
            if letters.count == length && letters.isSame(as: word) { return word }
            return letters.string
        }
    }
}

// MARK: - English

/// Porter2 as `english.sbl` of Snowball 3.1.1 has it; the step names are the published ones.
private final class English: Sendable {
    let vowels = Grouping("aeiouy")
    /// The letters a short syllable may not end with: the vowels, `w`, `x` and a consonant `Y`.
    let vowelsWXY = Grouping("aeiouywxY")
    let validLI = Grouping("cdeghkmnrt")
    let aeo = Grouping("aeo")

    /// Whole words with their own stem; tag 1 replaces the word, tag 0 keeps it.
    let exceptions = Endings([
        ("andes", 0, ""), ("atlas", 0, ""), ("bias", 0, ""), ("cosmos", 0, ""), ("howe", 0, ""),
        ("news", 0, ""), ("sky", 0, ""), ("skis", 1, "ski"), ("skies", 1, "sky"), ("idly", 1, "idl"),
        ("gently", 1, "gentl"), ("ugly", 1, "ugli"), ("early", 1, "earli"), ("only", 1, "onli"),
        ("singly", 1, "singl"),
    ])
    /// Beginnings after which R1 starts, whatever their letters.
    let prefixes: [[UInt32]] = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
        .map { $0.unicodeScalars.map(\.value) }

    let apostropheS = Endings(["'": 0, "'s": 0, "'s'": 0])
    /// Step 1a: 1 `sses`, 2 `ied`/`ies`, 3 `s`; `ss` and `us` stay.
    let step1aEndings = Endings(["sses": 1, "ied": 2, "ies": 2, "s": 3, "ss": 0, "us": 0])
    /// Step 1b: 1 `eed`, 2 removed after a vowel, 3 `ing`.
    let step1bEndings = Endings(["eed": 1, "eedly": 1, "ed": 2, "edly": 2, "ingly": 2, "ing": 3])
    /// Whole beginnings before `-eed` that keep it.
    let eedKeepers = Endings(["succ": 0, "proc": 0, "exc": 0])
    /// Beginnings before `-ing`: 2 whole words that keep it, 1 `y` (as in `dying`).
    let ingKeepers = Endings(["even": 2, "cann": 2, "inn": 2, "earr": 2, "herr": 2, "out": 2, "y": 1])
    /// After removing `-ed` or `-ing`: 1 add `e`, 2 undouble.
    let step1bTidy = Endings([
        "at": 1, "bl": 1, "iz": 1, "bb": 2, "dd": 2, "ff": 2, "gg": 2, "mm": 2, "nn": 2, "pp": 2, "rr": 2, "tt": 2,
    ])
    /// Step 2: tag 0 replaces, 1 `ogi` after `l`, 2 `li` after a valid li-ending.
    let step2Endings = Endings([
        ("tional", 0, "tion"), ("enci", 0, "ence"), ("anci", 0, "ance"), ("abli", 0, "able"), ("entli", 0, "ent"),
        ("izer", 0, "ize"), ("ization", 0, "ize"), ("ational", 0, "ate"), ("ation", 0, "ate"), ("ator", 0, "ate"),
        ("alism", 0, "al"), ("aliti", 0, "al"), ("alli", 0, "al"), ("fulness", 0, "ful"), ("fulli", 0, "ful"),
        ("ousli", 0, "ous"), ("ousness", 0, "ous"), ("iveness", 0, "ive"), ("iviti", 0, "ive"), ("biliti", 0, "ble"),
        ("bli", 0, "ble"), ("ogist", 0, "og"), ("ogi", 1, "og"), ("lessli", 0, "less"), ("li", 2, ""),
    ])
    /// Step 3: tag 0 replaces, 1 `ative` removed in R2.
    let step3Endings = Endings([
        ("tional", 0, "tion"), ("ational", 0, "ate"), ("alize", 0, "al"), ("icate", 0, "ic"), ("iciti", 0, "ic"),
        ("ical", 0, "ic"), ("ful", 0, ""), ("ness", 0, ""), ("ative", 1, ""),
    ])
    /// Step 4: tag 1 `ion` after `s` or `t`.
    let step4Endings = Endings([
        "al": 0, "ance": 0, "ence": 0, "er": 0, "ic": 0, "able": 0, "ible": 0, "ant": 0, "ement": 0, "ment": 0,
        "ent": 0, "ism": 0, "ate": 0, "iti": 0, "ous": 0, "ive": 0, "ize": 0, "ion": 1,
    ])

    func stem(_ word: inout Letters) {
        if let match = exceptions.longest(in: word, end: word.count, floor: 0), match.start == 0 {
            if match.tag == 1 { exceptions.replace(match, in: &word) }
            return
        }
        guard word.count >= 3 else { return }
        if word[0] == Letter.apostrophe { word.removeFirst() }
        // Prelude: a `y` that begins the word or follows a vowel is a consonant, `Y`.
        var hasY = false
        for index in 0..<word.count where word[index] == Letter.y && (index == 0 || vowels.contains(word[index - 1])) {
            word[index] = Letter.capitalY
            hasY = true
        }
        let p1: Int
        if let prefix = prefixes.first(where: { word.hasPrefix($0) }) {
            p1 = prefix.count
        } else {
            p1 = word.regionStart(from: 0, vowels)
        }
        let p2 = word.regionStart(from: p1, vowels)

        step1a(&word)
        step1b(&word, p1: p1)
        step1c(&word)
        step2(&word, p1: p1)
        step3(&word, p1: p1, p2: p2)
        step4(&word, p2: p2)
        step5(&word, p1: p1, p2: p2)
        if hasY {
            for index in 0..<word.count where word[index] == Letter.capitalY { word[index] = Letter.y }
        }
    }

    func step1a(_ word: inout Letters) {
        if let match = apostropheS.longest(in: word, end: word.count, floor: 0) { word.count = match.start }
        guard let match = step1aEndings.longest(in: word, end: word.count, floor: 0) else { return }
        switch match.tag {
        case 1: word.count -= 2
        // `-ied` and `-ies` become `i` after two letters or more (`cries`), `ie` after one (`ties`).
        case 2: word.count = match.start + (match.start >= 2 ? 1 : 2)
        // `-s` goes when a vowel comes before the letter before it (`gaps`, not `gas`).
        case 3: if match.start >= 1 && word.contains(vowels, in: 0..<match.start - 1) { word.count = match.start }
        default: break
        }
    }

    func step1b(_ word: inout Letters, p1: Int) {
        guard let match = step1bEndings.longest(in: word, end: word.count, floor: 0) else { return }
        switch match.tag {
        case 1:
            if match.start >= p1 {
                let keeper = eedKeepers.longest(in: word, end: match.start, floor: 0)
                if keeper?.start != 0 { word.count = match.start + 2 }
            }
            return
        case 3:
            if let before = ingKeepers.longest(in: word, end: match.start, floor: 0) {
                if before.tag == 2 && before.start == 0 { return }
                if before.tag == 1 && match.start == 2 && !vowels.contains(word[0]) {
                    word[1] = Letter.i
                    word[2] = Letter.e
                    word.count = 3
                    return
                }
            }
        default: break
        }
        guard word.contains(vowels, in: 0..<match.start) else { return }
        word.count = match.start
        if let ending = step1bTidy.longest(in: word, end: word.count, floor: 0) {
            if ending.tag == 1 {
                word.append(Letter.e)
            } else if !(word.count == 3 && aeo.contains(word[0])) {
                word.count -= 1
            }
        } else if word.count == p1 && endsWithShortSyllable(word, at: word.count) {
            word.append(Letter.e)
        }
    }

    func step1c(_ word: inout Letters) {
        let last = word.count - 1
        if last >= 2 && (word[last] == Letter.y || word[last] == Letter.capitalY) && !vowels.contains(word[last - 1]) {
            word[last] = Letter.i
        }
    }

    func step2(_ word: inout Letters, p1: Int) {
        guard let match = step2Endings.longest(in: word, end: word.count, floor: 0), match.start >= p1 else { return }
        switch match.tag {
        case 1: if match.start >= 1 && word[match.start - 1] == Letter.l { word.count -= 1 }
        case 2: if match.start >= 1 && validLI.contains(word[match.start - 1]) { word.count = match.start }
        default: step2Endings.replace(match, in: &word)
        }
    }

    func step3(_ word: inout Letters, p1: Int, p2: Int) {
        guard let match = step3Endings.longest(in: word, end: word.count, floor: 0), match.start >= p1 else { return }
        if match.tag == 0 {
            step3Endings.replace(match, in: &word)
        } else if match.start >= p2 {
            word.count = match.start
        }
    }

    func step4(_ word: inout Letters, p2: Int) {
        guard let match = step4Endings.longest(in: word, end: word.count, floor: 0), match.start >= p2 else { return }
        if match.tag == 0 {
            word.count = match.start
        } else if match.start >= 1 && (word[match.start - 1] == Letter.s || word[match.start - 1] == Letter.t) {
            word.count = match.start
        }
    }

    func step5(_ word: inout Letters, p1: Int, p2: Int) {
        let last = word.count - 1
        guard last >= 0 else { return }
        if word[last] == Letter.e {
            if last >= p2 || (last >= p1 && !endsWithShortSyllable(word, at: last)) { word.count = last }
        } else if word[last] == Letter.l {
            if last >= p2 && last >= 1 && word[last - 1] == Letter.l { word.count = last }
        }
    }

    /// Whether `word[..<end]` ends with a short syllable: consonant, vowel, consonant other than
    /// `w`, `x` and `Y`; a vowel and a consonant that are the whole word; or `past`.
    func endsWithShortSyllable(_ word: Letters, at end: Int) -> Bool {
        if end >= 3 && !vowelsWXY.contains(word[end - 1]) && vowels.contains(word[end - 2])
            && !vowels.contains(word[end - 3])
        {
            return true
        }
        if end == 2 { return !vowels.contains(word[1]) && vowels.contains(word[0]) }
        return end >= 4 && word[end - 4] == Letter.p && word[end - 3] == Letter.a && word[end - 2] == Letter.s
            && word[end - 1] == Letter.t
    }
}

// MARK: - Russian

/// The Russian stemmer as `russian.sbl` of Snowball 3.1.1 has it. Endings tagged 1 go only after
/// "а" or "я" (which stay); all endings are looked for in RV, the part after the first vowel.
private final class Russian: Sendable {
    let vowels = Grouping("аеиоуыэюя")
    let perfectiveGerund = Endings([
        "в": 1, "вши": 1, "вшись": 1, "ив": 0, "ыв": 0, "ивши": 0, "ывши": 0, "ившись": 0, "ывшись": 0,
    ])
    let adjective = Endings([
        "ее": 0, "ие": 0, "ые": 0, "ое": 0, "ими": 0, "ыми": 0, "ей": 0, "ий": 0, "ый": 0, "ой": 0, "ем": 0, "им": 0,
        "ым": 0, "ом": 0, "его": 0, "ого": 0, "ему": 0, "ому": 0, "их": 0, "ых": 0, "ую": 0, "юю": 0, "ая": 0, "яя": 0,
        "ою": 0, "ею": 0,
    ])
    let participle = Endings(["ем": 1, "нн": 1, "вш": 1, "ющ": 1, "щ": 1, "ивш": 0, "ывш": 0, "ующ": 0])
    let reflexive = Endings(["ся": 0, "сь": 0])
    let verb = Endings([
        "ла": 1, "на": 1, "ете": 1, "йте": 1, "ли": 1, "й": 1, "л": 1, "ем": 1, "н": 1, "ло": 1, "но": 1, "ет": 1,
        "ют": 1, "ны": 1, "ть": 1, "ешь": 1, "нно": 1, "ила": 0, "ыла": 0, "ена": 0, "ейте": 0, "уйте": 0, "ите": 0,
        "или": 0, "ыли": 0, "ей": 0, "уй": 0, "ил": 0, "ыл": 0, "им": 0, "ым": 0, "ен": 0, "ило": 0, "ыло": 0,
        "ено": 0, "ят": 0, "ует": 0, "уют": 0, "ит": 0, "ыт": 0, "ены": 0, "ить": 0, "ыть": 0, "ишь": 0, "ую": 0,
        "ю": 0,
    ])
    let noun = Endings([
        "а": 0, "ев": 0, "ов": 0, "ие": 0, "ье": 0, "е": 0, "иями": 0, "ями": 0, "ами": 0, "еи": 0, "ии": 0, "и": 0,
        "ией": 0, "ей": 0, "ой": 0, "ий": 0, "й": 0, "иям": 0, "ям": 0, "ием": 0, "ем": 0, "ам": 0, "ом": 0, "о": 0,
        "у": 0, "ах": 0, "иях": 0, "ях": 0, "ы": 0, "ь": 0, "ию": 0, "ью": 0, "ю": 0, "ия": 0, "ья": 0, "я": 0,
    ])
    let derivational = Endings(["ост": 0, "ость": 0])
    /// Tidying up: 1 the superlative, 2 `н` after `н`, 3 the soft sign.
    let tidyUp = Endings(["ейш": 1, "ейше": 1, "н": 2, "ь": 3])

    func stem(_ word: inout Letters) {
        for index in 0..<word.count where word[index] == Letter.yo { word[index] = Letter.ye }
        var rv = word.count
        if let vowel = word.firstIndex(of: vowels, from: 0) { rv = vowel + 1 }
        let r2 = word.regionStart(from: word.regionStart(from: 0, vowels), vowels)

        // Step 1: a perfective gerund, or else a reflexive ending and an adjectival, verb or noun one.
        if !remove(perfectiveGerund, from: &word, rv: rv) {
            _ = remove(reflexive, from: &word, rv: rv)
            if remove(adjective, from: &word, rv: rv) {
                _ = remove(participle, from: &word, rv: rv)
            } else if !remove(verb, from: &word, rv: rv) {
                _ = remove(noun, from: &word, rv: rv)
            }
        }
        // Step 2.
        if word.count > rv && word[word.count - 1] == Letter.cyrillicI { word.count -= 1 }
        // Step 3.
        if let match = derivational.longest(in: word, end: word.count, floor: rv), match.start >= r2 {
            word.count = match.start
        }
        // Step 4.
        guard let match = tidyUp.longest(in: word, end: word.count, floor: rv) else { return }
        switch match.tag {
        case 1:
            word.count = match.start
            if word.count - 2 >= rv && word[word.count - 1] == Letter.en && word[word.count - 2] == Letter.en {
                word.count -= 1
            }
        case 2: if match.start > rv && word[match.start - 1] == Letter.en { word.count = match.start }
        default: word.count = match.start
        }
    }

    /// Removes the longest of `endings` that lies in RV, when its condition holds.
    func remove(_ endings: Endings, from word: inout Letters, rv: Int) -> Bool {
        guard let match = endings.longest(in: word, end: word.count, floor: rv) else { return false }
        if match.tag == 1 {
            guard match.start > rv, word[match.start - 1] == Letter.cyrillicA || word[match.start - 1] == Letter.ya else {
                return false
            }
        }
        word.count = match.start
        return true
    }
}

// MARK: - Pieces

/// The scalar values the steps test one by one.
private enum Letter {
    static let apostrophe: UInt32 = 0x27
    static let a: UInt32 = 0x61
    static let e: UInt32 = 0x65
    static let i: UInt32 = 0x69
    static let l: UInt32 = 0x6C
    static let p: UInt32 = 0x70
    static let s: UInt32 = 0x73
    static let t: UInt32 = 0x74
    static let y: UInt32 = 0x79
    static let capitalY: UInt32 = 0x59
    /// Cyrillic а, я, е, ё, и, н.
    static let cyrillicA: UInt32 = 0x430
    static let ya: UInt32 = 0x44F
    static let ye: UInt32 = 0x435
    static let yo: UInt32 = 0x451
    static let cyrillicI: UInt32 = 0x438
    static let en: UInt32 = 0x43D
}

/// The word being stemmed: its scalars in a buffer the size of the word, and how many are in use.
private struct Letters {
    let buffer: UnsafeMutableBufferPointer<UInt32>
    var count = 0

    init(buffer: UnsafeMutableBufferPointer<UInt32>) { self.buffer = buffer }

    subscript(index: Int) -> UInt32 {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }

    mutating func append(_ scalar: UInt32) {
        buffer[count] = scalar
        count += 1
    }

    mutating func removeFirst() {
        for index in 1..<count { buffer[index - 1] = buffer[index] }
        count -= 1
    }

    func hasPrefix(_ prefix: [UInt32]) -> Bool {
        guard prefix.count <= count else { return false }
        for index in prefix.indices where buffer[index] != prefix[index] { return false }
        return true
    }

    func contains(_ grouping: Grouping, in range: Range<Int>) -> Bool {
        for index in range where grouping.contains(buffer[index]) { return true }
        return false
    }

    func firstIndex(of grouping: Grouping, from start: Int) -> Int? {
        var index = start
        while index < count {
            if grouping.contains(buffer[index]) { return index }
            index += 1
        }
        return nil
    }

    /// Where the region after the first non-vowel that follows a vowel at or after `start`
    /// begins (R1 from 0, R2 from R1's start), or `count` when there is none.
    func regionStart(from start: Int, _ vowels: Grouping) -> Int {
        var index = start
        while index < count && !vowels.contains(buffer[index]) { index += 1 }
        while index < count && vowels.contains(buffer[index]) { index += 1 }
        return index < count ? index + 1 : count
    }

    /// Whether the letters are the scalars of `word`, which has `count` of them.
    func isSame(as word: String) -> Bool {
        var index = 0
        for scalar in word.unicodeScalars {
            if buffer[index] != scalar.value { return false }
            index += 1
        }
        return true
    }

    var string: String {
        var bytes = 0
        for index in 0..<count {
            let value = buffer[index]
            bytes += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        return String(unsafeUninitializedCapacity: bytes) { utf8 in
            var at = 0
            for index in 0..<count {
                for unit in UTF8.encode(Unicode.Scalar(buffer[index])!)! {
                    utf8[at] = unit
                    at += 1
                }
            }
            return at
        }
    }
}

/// A Snowball grouping: a set of letters no more than 64 scalar values apart.
private struct Grouping: Sendable {
    let base: UInt32
    let bits: UInt64

    init(_ letters: String) {
        let values = letters.unicodeScalars.map(\.value)
        base = values.min()!
        bits = values.reduce(0) { $0 | 1 << UInt64($1 - values.min()!) }
    }

    @inline(__always)
    func contains(_ scalar: UInt32) -> Bool {
        let offset = scalar &- base
        return offset < 64 && bits >> UInt64(offset) & 1 != 0
    }
}

/// The endings of one Snowball `among`, each with a tag and a replacement, found as
/// `find_among_b` finds them: the longest ending the word has.
private struct Endings: Sendable {
    struct Match {
        /// Where the ending starts in the word.
        let start: Int
        let tag: Int
        fileprivate let entry: Int
    }

    private struct Entry {
        /// Where the ending's scalars, last first, are in `scalars`.
        let ending: Int
        let length: Int
        let tag: Int
        /// Where the replacement's scalars, in order, are in `scalars`.
        let replacement: Int
        let replacementLength: Int
    }

    private let scalars: [UInt32]
    /// Sorted by last scalar, longest first.
    private let entries: [Entry]
    /// The lowest last scalar of an ending.
    private let base: UInt32
    /// The entries whose ending's last scalar is `base + k` are `buckets[k]..<buckets[k + 1]`.
    private let buckets: [Int]

    init(_ endings: KeyValuePairs<String, Int>) {
        self.init(endings.map { ($0.key, $0.value, "") })
    }

    init(_ endings: [(ending: String, tag: Int, replacement: String)]) {
        let list = endings.map {
            (
                ending: Array($0.ending.unicodeScalars.map(\.value).reversed()), tag: $0.tag,
                replacement: $0.replacement.unicodeScalars.map(\.value)
            )
        }
        .sorted { ($0.ending[0], $1.ending.count) < ($1.ending[0], $0.ending.count) }
        base = list.first!.ending[0]
        var scalars: [UInt32] = []
        var entries: [Entry] = []
        var buckets = [0]
        for item in list {
            while base + UInt32(buckets.count - 1) < item.ending[0] { buckets.append(entries.count) }
            entries.append(
                Entry(
                    ending: scalars.count, length: item.ending.count, tag: item.tag,
                    replacement: scalars.count + item.ending.count, replacementLength: item.replacement.count))
            scalars += item.ending + item.replacement
        }
        buckets.append(entries.count)
        self.scalars = scalars
        self.entries = entries
        self.buckets = buckets
    }

    /// The longest ending of `word[..<end]` that starts at or after `floor`.
    @inline(__always)
    func longest(in word: Letters, end: Int, floor: Int) -> Match? {
        guard end > floor else { return nil }
        let bucket = Int(word[end - 1] &- base)
        guard bucket < buckets.count - 1 else { return nil }
        var index = buckets[bucket]
        let stop = buckets[bucket + 1]
        while index < stop {
            let entry = entries[index]
            let start = end - entry.length
            if start >= floor {
                var matched = 1
                while matched < entry.length && scalars[entry.ending + matched] == word[end - 1 - matched] { matched += 1 }
                if matched == entry.length { return Match(start: start, tag: entry.tag, entry: index) }
            }
            index += 1
        }
        return nil
    }

    /// Puts the match's replacement in place of the ending, which ends the word.
    func replace(_ match: Match, in word: inout Letters) {
        let entry = entries[match.entry]
        for offset in 0..<entry.replacementLength {
            word[match.start + offset] = scalars[entry.replacement + offset]
        }
        word.count = match.start + entry.replacementLength
    }
}
