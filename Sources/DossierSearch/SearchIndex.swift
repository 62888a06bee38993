import DossierUtilities
import Foundation

/// The offline search index: each term's postings with their BM25 scores, in chunks of
/// sorted terms that the search page loads on demand, and the documents' titles and text,
/// in small groups, loaded only for the results shown.
///
/// Files are scripts that hand their data to `window.dossierSearch` (browsers refuse
/// `fetch()` from `file://`):
/// - `search/meta.js`: the number of documents, their kinds as runs, the first term of
///   each term chunk but the first (a shortest prefix that tells it from the chunk
///   before) and the number of documents in each document group;
/// - `search/terms-N.js`: `{term: postings}`, terms in UTF-16 order, split at about
///   `bytesPerTermChunk`. Chunks are ranges of sorted terms rather than hash buckets so
///   that a prefix, a typo's neighbours and a lone Chinese character (a prefix of the pairs
///   it starts) are found in the one or two chunks that hold their range;
/// - `search/docs-N.js`: `[[url, title, kind, status, sections], …]` for consecutive
///   documents, split at about `bytesPerDocumentGroup`.
///
/// Postings are a string of numbers in `Varint64`: for each document holding the term,
/// its number's distance from the previous one, then its score. The score is the term's
/// BM25 weight in that document (Robertson and Zaragoza, "The Probabilistic Relevance
/// Framework: BM25 and Beyond", 2009, with k1 = 1.2) summed over the fields with
/// `fieldWeights` (title, headings, issue fields and tags, body), times 4 and rounded.
/// The search page adds the scores of the query's terms; it needs nothing else, so the
/// documents' lengths and the field statistics stay here.
///
/// Terms (`TermScanner`, made the same way by assets/search.js from a query): the text
/// lower-cased with `ё` as `е`; each pair of neighbouring CJK ideographs (a lone one
/// alone), so Chinese needs no word breaks; each run of other letters and digits a word,
/// Russian and English words by their Snowball stem (`stem`). Besides, `#` and an
/// id's letters and number (`#fk12` for FK-012, FK012 and fk-12, `idTerms`), `##` and the
/// id for an issue's own page, `=` and the whole title (`titleTerm`) for its exact title,
/// and `~` and a status for filtering issues by status.
package enum SearchIndex {
    /// A file of the index: its path under the output folder and its text. `kept`: the
    /// text is that of the file at the same path in the memo's last index (see
    /// `Builder.files(memo:)`), taken from it rather than made again.
    package struct File: Sendable {
        package let path: String
        package let text: String
        package var kept = false

        init(path: String, text: String, kept: Bool = false) {
            self.path = path
            self.text = text
            self.kept = kept
        }
    }

    /// The fields of a page, in the order of `Document.lengths` and of the counts packed
    /// in `Document.terms`.
    package enum Field: Int, CaseIterable, Sendable {
        case title, headings, fields, body
    }

    /// How much a term counts in each field against the body; k1 and b of each field.
    static let fieldWeights: [Double] = [5, 2, 2, 1]
    static let fieldB: [Double] = [0.3, 0.5, 0.3, 0.75]
    static let k1 = 1.2

    /// A page's entry, made on the core that rendered the page: its terms with their
    /// counts in each field, and its text already as the JSON the search page shows, so the
    /// index keeps one string a page rather than its sections.
    package struct Document: Sendable {
        package var url: String
        package var title: String
        /// "article", "issue" or "weekly".
        package var kind: String
        /// An issue's status (`open`, `in-progress`, …); empty for other pages.
        package var status: String
        /// `[[anchor, heading, text], …]`.
        package let textJSON: String
        /// Bytes of the headings and text.
        package let textBytes: Int
        /// Each term and its occurrences in each field, 8 bits a field (at most 255),
        /// the title's lowest; sorted by term (Swift's `<`), as the page cache keeps them,
        /// so that an entry read back is a list, not a dictionary to hash again.
        package let terms: [(term: String, counts: UInt32)]
        /// The number of terms in each field.
        package let lengths: [UInt32]

        /// - Parameters:
        ///   - id: an issue's id, indexed for its own page (`##`).
        ///   - exactTitle: the title a query must equal for an exact-title match.
        ///   - fields: texts of the issue's fields or the article's tags, in the field `fields`.
        ///   - sections: the page's sections; headings in `headings`, texts in `body`.
        package init(
            url: String, title: String, kind: String, status: String = "", id: String? = nil, exactTitle: String? = nil,
            fields: [String] = [], sections: [(anchor: String, heading: String, text: String)]
        ) {
            self.url = url
            self.title = title
            self.kind = kind
            self.status = status
            textJSON = JSONText.compact(
                .array(sections.map { .array([.string($0.anchor), .string($0.heading), .string($0.text)]) }))
            textBytes = sections.reduce(0) { $0 + $1.heading.utf8.count + $1.text.utf8.count }
            var counter = TermCounter()
            counter.add(title, .title)
            for text in fields { counter.add(text, .fields) }
            for section in sections {
                counter.add(section.heading, .headings)
                counter.add(section.text, .body)
            }
            if let id, let term = SearchIndex.idTerms(id).first { counter.count("##" + term, .title) }
            if let exactTitle, let term = SearchIndex.titleTerm(exactTitle) { counter.count(term, .title) }
            terms = counter.counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            lengths = counter.lengths
        }

        /// An entry as a previous build made it.
        package init(
            url: String, title: String, kind: String, status: String, textJSON: String, textBytes: Int,
            terms: [(term: String, counts: UInt32)], lengths: [UInt32]
        ) {
            self.url = url
            self.title = title
            self.kind = kind
            self.status = status
            self.textJSON = textJSON
            self.textBytes = textBytes
            self.terms = terms
            self.lengths = lengths
        }
    }

    /// Counts a page's terms by field.
    struct TermCounter {
        var counts: [String: UInt32] = [:]
        var lengths = [UInt32](repeating: 0, count: Field.allCases.count)

        mutating func add(_ text: String, _ field: Field) {
            var scanner = TermScanner()
            scanner.add(text)
            for term in scanner.terms { count(term, field) }
            for term in SearchIndex.idTerms(text) { count("#" + term, field) }
            lengths[field.rawValue] &+= UInt32(scanner.terms.count)
        }

        mutating func count(_ term: String, _ field: Field) {
            let shift = UInt32(field.rawValue * 8)
            let packed = counts[term, default: 0]
            if (packed >> shift) & 0xFF < 0xFF { counts[term] = packed &+ (1 << shift) }
        }
    }

    /// The index made a page at a time, in whatever order pages are rendered: each page's
    /// terms go into the postings at once and only its text is kept.
    package struct Builder {
        /// The pages' URLs in the order of the finished index, as given.
        package let order: [String]
        /// Document number by URL: the order of the finished index.
        private let numbers: [String: Int]
        /// Terms whose postings `replace(_:with:at:)` changed since `carry()`; nil for a
        /// builder not carried.
        private var changed: Set<String>?
        /// The pages (by number) whose entry `replace(_:with:at:)` changed since `carry()`.
        private var changedPages: Set<Int> = []
        /// Terms `replace(_:with:at:)` added to the index since `carry()`, and terms whose
        /// last posting it took out (each net: a term gone and back is neither).
        private var addedTerms: Set<String> = []
        private var goneTerms: Set<String> = []
        private var postings: [String: Postings] = [:]
        private var entries: [(url: String, title: String, kind: String, status: String)?]
        private var texts: [String?]
        private var lengths: [[UInt32]?]
        private var textBytes = 0

        struct Postings {
            var documents: [Int32] = []
            var counts: [UInt32] = []

            mutating func append(_ document: Int32, _ count: UInt32) {
                documents.append(document)
                counts.append(count)
            }
        }

        /// A builder for the pages of `order`, with room for about `terms` terms (what a
        /// memo's last index had), so that the postings are not grown step by step.
        package init(order: [String], terms: Int = 0) {
            self.order = order
            postings.reserveCapacity(terms)
            numbers = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            entries = Array(repeating: nil, count: order.count)
            texts = Array(repeating: nil, count: order.count)
            lengths = Array(repeating: nil, count: order.count)
        }

        package mutating func add(_ document: Document) {
            guard let number = numbers[document.url], entries[number] == nil else { return }
            entries[number] = (document.url, document.title, document.kind, document.status)
            texts[number] = document.textJSON
            lengths[number] = document.lengths
            textBytes += document.textBytes
            // One lookup a term: the postings are changed in place.
            for (term, counts) in document.terms {
                postings[term, default: Postings()].append(Int32(number), counts)
            }
        }

        /// Starts keeping track of the terms whose postings change: the builder, with the
        /// files made from it (by `files(termChunkBytes:memo:)` with a memo), is carried to
        /// the next build of the same pages, which replaces the entries that changed.
        package mutating func carry() {
            changed = []
            changedPages = []
            addedTerms = []
            goneTerms = []
        }

        /// Replaces the entry of the page at `url`, `old` (as added before: `serve` takes
        /// it from the last build's page cache), with `new`. Either may be nil: a page that
        /// gains or loses its entry. When both have the same terms and field lengths, the
        /// postings stay as they are.
        package mutating func replace(_ old: Document?, with new: Document?, at url: String) {
            guard let number = numbers[url] else { return }
            changedPages.insert(number)
            if let old, let new, old.lengths == new.lengths, old.terms.elementsEqual(new.terms, by: { $0 == $1 }) {
                entries[number] = (new.url, new.title, new.kind, new.status)
                texts[number] = new.textJSON
                textBytes += new.textBytes - old.textBytes
                return
            }
            if let old, entries[number] != nil {
                for (term, _) in old.terms {
                    changed?.insert(term)
                    guard let slot = postings.index(forKey: term),
                        let place = postings.values[slot].documents.firstIndex(of: Int32(number))
                    else { continue }
                    postings.values[slot].documents.remove(at: place)
                    postings.values[slot].counts.remove(at: place)
                    if postings.values[slot].documents.isEmpty {
                        postings.remove(at: slot)
                        if addedTerms.remove(term) == nil { goneTerms.insert(term) }
                    }
                }
                textBytes -= old.textBytes
                entries[number] = nil
                texts[number] = nil
                lengths[number] = nil
            }
            if let new {
                for (term, _) in new.terms {
                    changed?.insert(term)
                    if changed != nil, postings[term] == nil, goneTerms.remove(term) == nil { addedTerms.insert(term) }
                }
                add(new)
            }
        }

        /// The files, with documents numbered in the order given (pages never added are left out).
        ///
        /// With `memo` (what `serve` keeps from the index it made last), a term whose
        /// postings (documents and counts) are those of last time, none of its documents
        /// changed length and the collection's statistics (its documents and mean
        /// lengths) are the same, keeps the entry encoded then; the terms' sorted order
        /// and the term chunks whose entries are all the same are kept too. The files are
        /// the same as without it (`aRebuildWithTheServersMemoryIsAFreshBuild`). A carried
        /// builder knows which terms changed since the memo's index, which was made from it:
        /// the others are kept without their postings being read again.
        package func files(termChunkBytes: Int = SearchIndex.bytesPerTermChunk, memo: Memo? = nil) -> (
            files: [File], indexBytes: Int, textBytes: Int
        ) {
            // Renumber without gaps when a page was not added.
            var renumber = [Int32](repeating: -1, count: entries.count)
            var documents: [IndexedDocument] = []
            for (index, entry) in entries.enumerated() {
                guard let entry else { continue }
                renumber[index] = Int32(documents.count)
                documents.append(
                    IndexedDocument(
                        url: entry.url, title: entry.title, kind: entry.kind, status: entry.status,
                        text: texts[index] ?? "[]", lengths: lengths[index] ?? [0, 0, 0, 0]))
            }
            let statistics = Statistics(documents: documents)
            memo?.lock.lock()
            defer { memo?.lock.unlock() }
            let last = memo?.last
            // Which documents' scores may have moved since the memo's index: all of them
            // unless the documents and the mean lengths are the same; else those whose
            // lengths changed.
            var moved = [Bool](repeating: true, count: documents.count)
            let sameCollection =
                last.map { last in
                    last.averages == statistics.averages && last.urls.count == documents.count
                        && zip(last.urls, documents).allSatisfy({ $0 == $1.url })
                } ?? false
            if let last, sameCollection {
                for (index, document) in documents.enumerated() { moved[index] = last.lengths[index] != document.lengths }
            }
            // A term a carried builder did not change has the postings it had in the
            // memo's index, none of them a page whose length changed.
            let unchanged = sameCollection ? changed : nil
            // The same for the documents' groups: a group of the memo's index holding no
            // page that changed is the same text.
            let keptGroups = unchanged != nil ? last?.groups : nil
            // Issues by status, for the status filter.
            var statuses: [String: [(document: Int32, score: Int)]] = [:]
            for (number, document) in documents.enumerated() where !document.status.isEmpty {
                statuses["~" + document.status, default: []].append((Int32(number), 0))
            }
            let postings = self.postings
            let statusTerms = Set(statuses.keys.filter { postings[$0] == nil })
            // A carried builder knows the terms it added and took out since the memo's
            // index: merged into that index's order, each term's place in it found on the
            // way, and the terms that changed marked by bisection, rather than every term
            // hashed. Should the count not come out right, the terms are sorted as below.
            var merged = unchanged.flatMap { _ in
                last.map {
                    SearchIndex.merge(
                        $0.terms, removing: goneTerms.union($0.statusTerms.subtracting(statusTerms)),
                        adding: addedTerms.union(statusTerms.subtracting($0.statusTerms)))
                }
            }
            if merged?.terms.count != postings.count + statusTerms.count { merged = nil }
            let terms =
                merged?.terms
                ?? SearchIndex.sortedTerms(
                    Array(postings.keys) + statusTerms, contains: { postings[$0] != nil || statuses[$0] != nil },
                    last: last?.terms)
            let places = merged?.places ?? last.map { SearchIndex.places(of: terms, in: $0.terms) }
            var marked: [Bool]?
            if merged != nil, let unchanged {
                var marks = [Bool](repeating: false, count: terms.count)
                for term in unchanged.union(statuses.keys) {
                    if let place = SearchIndex.place(of: term, in: terms) { marks[place] = true }
                }
                marked = marks
            }
            let marks = marked
            let keeping = memo != nil
            let renumbered = renumber
            let (moving, statusPostings) = (moved, statuses)
            var made = SearchIndex.files(
                documents: documents, terms: terms, keeping: keeping, lastChunks: last?.chunks ?? [],
                lastGroups: keptGroups.map { ($0, changedPages) }, textBytes: textBytes, termChunkBytes: termChunkBytes
            ) { index, term in
                if let marks, let last, !marks[index], let place = places?[index] {
                    return (last.entries[place], last.digests[place], true)
                }
                // The term's documents in the index's numbers, each with its counts.
                var pairs: [(document: Int32, score: Int)] = []
                if let list = postings[term] {
                    pairs.reserveCapacity(list.documents.count)
                    for (number, counts) in zip(list.documents, list.counts) {
                        pairs.append((renumbered[Int(number)], Int(counts)))
                    }
                    pairs.sort { $0.document < $1.document }
                }
                var digest = Digest()
                if keeping {
                    var flat: [UInt32] = []
                    flat.reserveCapacity(pairs.count * 2)
                    for pair in pairs {
                        flat.append(UInt32(pair.document))
                        flat.append(UInt32(pair.score))
                    }
                    flat.withUnsafeBytes { digest.update(bytes: $0) }
                }
                let status = statusPostings[term]
                if status == nil, let last, let place = places?[index], last.digests[place] == digest,
                    !pairs.contains(where: { moving[Int($0.document)] })
                {
                    return (last.entries[place], digest, true)
                }
                let idf = statistics.idf(documentFrequency: pairs.count)
                for index in pairs.indices {
                    pairs[index].score = statistics.score(
                        counts: UInt32(pairs[index].score), idf: idf, document: Int(pairs[index].document))
                }
                if let status { pairs += status }
                return (SearchIndex.entry(term, pairs), digest, false)
            }
            if let memo {
                memo.reused = made.reused
                memo.termsKept = marks != nil
                made.memo.urls = documents.map(\.url)
                made.memo.lengths = documents.map(\.lengths)
                made.memo.averages = statistics.averages
                made.memo.statusTerms = statusTerms
                memo.last = made.memo
            }
            return (made.files, made.indexBytes, made.textBytes)
        }
    }

    /// What `serve` keeps of the last index it made (see `Builder.files(memo:)`).
    package final class Memo: @unchecked Sendable {
        fileprivate let lock = NSLock()
        fileprivate var last: Kept?
        /// Terms whose entry the last `files(memo:)` took from the memo, for tests.
        package fileprivate(set) var reused = 0
        /// Whether the last `files(memo:)` merged its terms into the memo's order (a carried
        /// builder over the same collection) rather than sorting them, for tests.
        package fileprivate(set) var termsKept = false
        /// How many terms the last index had.
        package var terms: Int {
            lock.lock()
            defer { lock.unlock() }
            return last?.terms.count ?? 0
        }

        package init() {}
    }

    /// One index as the memo keeps it.
    struct Kept: Sendable {
        var urls: [String] = []
        var lengths: [[UInt32]] = []
        var averages: [Double] = []
        /// Every term in the index's order (`precedes`), with its entry and a digest of
        /// its postings (documents and counts).
        var terms: [String] = []
        var entries: [String] = []
        var digests: [Digest] = []
        /// The term chunks: their entries and their file's text.
        var chunks: [(entries: [String], text: String)] = []
        /// The documents' groups: the first document's number, how many, and the file's text.
        var groups: [(start: Int, count: Int, text: String)] = []
        /// The status filter's terms (`~open`) no page holds as a word.
        var statusTerms: Set<String> = []
    }

    /// A document of the finished index.
    struct IndexedDocument {
        let url: String
        let title: String
        let kind: String
        let status: String
        let text: String
        let lengths: [UInt32]
    }

    /// What BM25 needs of the whole collection: its size and each document's field lengths
    /// against the mean.
    struct Statistics {
        let count: Double
        /// Each field's mean length, to three significant digits: an edit moves a mean by
        /// a little, and rounded it mostly stays, so every other page's scores stay too
        /// (`serve` keeps those). BM25's scores move by less than half a percent for it.
        let averages: [Double]
        /// BM25's length normalisation of each document's fields, 1 − b + b × length /
        /// mean length, four a document in the order of `Field`.
        let norms: [Double]

        init(documents: [IndexedDocument]) {
            count = Double(documents.count)
            let averages = Field.allCases.map { field in
                let total = documents.reduce(0.0) { $0 + Double($1.lengths[field.rawValue]) }
                return Self.significant(max(1, total / max(1, Double(documents.count))))
            }
            self.averages = averages
            let fields = SearchIndex.fieldB.count
            var norms: [Double] = []
            norms.reserveCapacity(documents.count * fields)
            for document in documents {
                for field in 0..<fields {
                    let b = SearchIndex.fieldB[field]
                    norms.append(1 - b + b * Double(document.lengths[field]) / averages[field])
                }
            }
            self.norms = norms
        }

        /// `value` (at least 1) rounded to three significant digits.
        static func significant(_ value: Double) -> Double {
            let scale = pow(10, 2 - floor(log10(value)))
            return (value * scale).rounded() / scale
        }

        /// BM25's inverse document frequency, ln(1 + (N − df + 0.5) / (df + 0.5)): never negative.
        func idf(documentFrequency df: Int) -> Double {
            log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5))
        }

        /// The term's score in the document, times 4 and rounded, at least 1.
        func score(counts: UInt32, idf: Double, document: Int) -> Int {
            var sum = 0.0
            let fields = SearchIndex.fieldB.count
            for field in 0..<fields {
                let tf = Double((counts >> UInt32(field * 8)) & 0xFF)
                guard tf > 0 else { continue }
                let norm = norms[document * fields + field]
                sum += SearchIndex.fieldWeights[field] * tf * (SearchIndex.k1 + 1) / (tf + SearchIndex.k1 * norm)
            }
            return max(1, Int((idf * sum * 4).rounded()))
        }
    }

    /// Below this, the terms stay in one file; above, a chunk ends after this many bytes.
    static let bytesPerTermChunk = 12_000
    /// A group of documents ends after this many bytes.
    static let bytesPerDocumentGroup = 6_000

    // MARK: Terms

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true
        default: return false
        }
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Words longer than this are kept as they are.
    static let longestStemmedWord = 40

    /// The term of a lower-cased word: the Snowball stem of a word of `a`–`z` only
    /// (English, Porter2) or of `а`–`я` only (Russian, `ё` already `е`); any other word
    /// (digits, other scripts, letters of two scripts) as it is.
    static func stem(_ word: String) -> String {
        var latin = true
        var cyrillic = true
        var length = 0
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if !(0x61...0x7A).contains(value) { latin = false }
            if !(0x430...0x44F).contains(value) { cyrillic = false }
            length += 1
            if !latin && !cyrillic { return word }
        }
        guard length <= longestStemmedWord else { return word }
        if latin { return Snowball.english(word) }
        if cyrillic { return Snowball.russian(word) }
        return word
    }

    /// The terms of `text`, in order, repeats included.
    static func terms(_ text: String) -> [String] {
        var scanner = TermScanner()
        scanner.add(text)
        return scanner.terms
    }

    /// The ids in `text` as their terms without the `#`: a run of up to 12 ASCII letters
    /// that no letter or digit precedes, an optional `-` or `_`, and up to 9 digits that no
    /// letter or digit follows, as the letters lower-cased and the number without leading
    /// zeros: `FK-012`, `fk012` and `FK_12` are all `fk12`.
    static func idTerms(_ text: String) -> [String] {
        var found: [String] = []
        let bytes = Array(text.utf8)
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
        func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
        /// Only ASCII letters and digits join an id: ideographs may touch one (`见FK-012`).
        func joins(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
        var i = 0
        while i < bytes.count {
            guard isLetter(bytes[i]), i == 0 || !joins(bytes[i - 1]) else {
                i += 1
                continue
            }
            var j = i
            while j < bytes.count, isLetter(bytes[j]) { j += 1 }
            let letters = j - i
            var k = j
            if k < bytes.count, bytes[k] == 0x2D || bytes[k] == 0x5F { k += 1 }
            let digitsStart = k
            while k < bytes.count, isDigit(bytes[k]) { k += 1 }
            let digits = k - digitsStart
            if letters <= 12, digits > 0, digits <= 9, k == bytes.count || !(isLetter(bytes[k]) || isDigit(bytes[k])) {
                let prefix = String(decoding: bytes[i..<j].map { $0 | 0x20 }, as: UTF8.self)
                let number = Int(String(decoding: bytes[digitsStart..<k], as: UTF8.self)) ?? 0
                found.append(prefix + String(number))
            }
            i = max(k, i + 1)
        }
        return found
    }

    /// `=` and the title's terms' letters run together, for an exact-title match: the
    /// title lower-cased, `ё` as `е`, without anything but letters and digits; nil when
    /// nothing is left.
    static func titleTerm(_ title: String) -> String? {
        var out = String.UnicodeScalarView()
        for scalar in title.lowercased().unicodeScalars {
            let scalar: Unicode.Scalar = scalar == "ё" ? "е" : scalar
            if isCJK(scalar) || isWordCharacter(scalar) { out.append(scalar) }
        }
        return out.isEmpty ? nil : "=" + String(out)
    }

    // MARK: Files

    /// Sorts as JavaScript compares strings: by UTF-16 code units.
    ///
    /// Read on the UTF-8 bytes, which Swift keeps: up to the first byte that differs,
    /// UTF-8 and UTF-16 agree; there, the two scalars are compared in UTF-16's order,
    /// which puts every scalar from U+10000 (a surrogate pair, D800–DFFF first) between
    /// U+D7FF and U+E000. Walking the UTF-16 view instead transcoded every term (5 % of a
    /// rebuild at 50,000 issues, in sorting the index's terms).
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = Swift.min(x.count, y.count)
                var index = 0
                while index < common, x[index] == y[index] { index += 1 }
                if index == common { return x.count < y.count }
                // Back to the start of the scalar that differs (its first bytes are shared).
                var start = index
                while start > 0, x[start] & 0xC0 == 0x80 { start -= 1 }
                return utf16Rank(scalar(x, at: start)) < utf16Rank(scalar(y, at: start))
            }
        }
    }

    /// The scalar whose UTF-8 starts at `index` of valid UTF-8 `bytes`.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset]) & 0x3F }
        switch lead {
        case ..<0x80: return lead
        case ..<0xE0: return (lead & 0x1F) << 6 | next(1)
        case ..<0xF0: return (lead & 0x0F) << 12 | next(1) << 6 | next(2)
        default: return (lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3)
        }
    }

    /// A scalar's place in UTF-16 order: below U+E000 as it is, then U+10000 and above
    /// (whose first unit is a surrogate, D800–DBFF), then U+E000–U+FFFF.
    private static func utf16Rank(_ scalar: UInt32) -> UInt32 {
        if scalar < 0xE000 { return scalar }
        if scalar >= 0x1_0000 { return scalar - 0x1_0000 + 0xE000 }
        return scalar + 0x10_0000
    }

    /// The shortest prefix of `term` that sorts after `previous` (which sorts before it).
    static func boundary(_ term: String, after previous: String) -> String {
        var prefix = String.UnicodeScalarView()
        for scalar in term.unicodeScalars {
            prefix.append(scalar)
            if precedes(previous, String(prefix)) { return String(prefix) }
        }
        return term
    }

    /// The index's files, and its size against the size of the text it covers.
    /// One file for each list of entries, numbered from `first`, made on all cores.
    static func numberedFiles(_ lists: [[String]], from first: Int, _ file: @Sendable (Int, [String]) -> File) -> [File] {
        Array(lists.enumerated()).parallelMap { file(first + $0.offset, $0.element) }
    }

    /// Terms encoded at a time (documents: an eighth of it), on all cores.
    static let window = 16384

    /// The index's files, each term's entry made by `entry` (given the term's place in
    /// `terms` and the term: the entry, a digest of its postings and whether it was kept
    /// from the memo). A chunk whose entries are those of the same chunk in `lastChunks`
    /// keeps its text. With `keeping`, also what a memo keeps of this index (its terms,
    /// entries, digests and chunks; the rest is the caller's).
    static func files(
        documents: [IndexedDocument], terms: [String], keeping: Bool = false,
        lastChunks: [(entries: [String], text: String)] = [],
        lastGroups: (groups: [(start: Int, count: Int, text: String)], changed: Set<Int>)? = nil, textBytes: Int,
        termChunkBytes: Int,
        entry: @Sendable (Int, String) -> (entry: String, digest: Digest, kept: Bool)
    ) -> (files: [File], indexBytes: Int, textBytes: Int, memo: Kept, reused: Int) {
        var kept = Kept()
        var reused = 0
        if keeping {
            kept.terms = terms
            kept.entries.reserveCapacity(terms.count)
            kept.digests.reserveCapacity(terms.count)
        }
        // Terms a window at a time: each term's entry on all cores, the chunks cut by size
        // in order, then the window's whole chunks written on all cores. A window bounds
        // what is held beside the finished files.
        var termFiles: [File] = []
        var boundaries: [String] = []
        var pendingChunks: [[String]] = []
        var chunk: [String] = []
        var chunkBytes = 0
        func writeChunks() {
            termFiles += numberedFiles(pendingChunks, from: termFiles.count) { number, entries in
                if number < lastChunks.count, lastChunks[number].entries == entries {
                    return File(path: "search/terms-\(number).js", text: lastChunks[number].text, kept: true)
                }
                return File(
                    path: "search/terms-\(number).js",
                    text: JSONText.scriptSafe("dossierSearch.terms(\(number),{\(entries.joined(separator: ","))});\n"))
            }
            if keeping {
                for (entries, file) in zip(pendingChunks, termFiles.suffix(pendingChunks.count)) {
                    kept.chunks.append((entries, file.text))
                }
            }
            pendingChunks.removeAll()
        }
        var previous: String?
        for start in stride(from: 0, to: terms.count, by: Self.window) {
            let window = Array(terms[start..<min(terms.count, start + Self.window)].enumerated())
            let made = window.parallelMap(inRunsOf: 1024) { entry(start + $0.offset, $0.element) }
            for ((_, term), (entry, digest, wasKept)) in zip(window, made) {
                if keeping {
                    kept.entries.append(entry)
                    kept.digests.append(digest)
                }
                if wasKept { reused += 1 }
                if chunkBytes >= termChunkBytes, let previous {
                    pendingChunks.append(chunk)
                    chunk = []
                    chunkBytes = 0
                    boundaries.append(boundary(term, after: previous))
                }
                chunk.append(entry)
                chunkBytes += entry.utf8.count + 1
                previous = term
            }
            writeChunks()
        }
        if !chunk.isEmpty { pendingChunks.append(chunk) }
        writeChunks()

        // Documents the same way: entries, groups cut by size, each window's whole groups.
        var docFiles: [File] = []
        var groupStarts = ""
        var pendingGroups: [[String]] = []
        var group: [String] = []
        var groupBytes = 0
        var keptGroupStarts: [(first: Int, count: Int)] = []
        @Sendable func groupText(_ number: Int, _ entries: [String]) -> String {
            "dossierSearch.docs(\(number),\(JSONText.scriptSafe("[" + entries.joined(separator: ",") + "]")));\n"
        }
        func writeGroups() {
            docFiles += numberedFiles(pendingGroups, from: docFiles.count) { number, entries in
                File(path: "search/docs-\(number).js", text: groupText(number, entries))
            }
            pendingGroups.removeAll()
        }
        @Sendable func documentEntry(_ document: IndexedDocument) -> String {
            let entry = JSONText.compact(
                .array([.string(document.url), .string(document.title), .string(document.kind), .string(document.status)]))
            return String(entry.dropLast() + "," + document.text + "]")
        }
        if let (last, changed) = lastGroups {
            // A carried index: the group at the same place, with the same first document,
            // holding no changed page, is cut where it was (a cut depends only on its own
            // documents) and keeps its text; any other group is made again, in order.
            var start = 0
            while start < documents.count {
                let number = docFiles.count
                if number < last.count, last[number].start == start,
                    !(start..<start + last[number].count).contains(where: changed.contains)
                {
                    docFiles.append(File(path: "search/docs-\(number).js", text: last[number].text, kept: true))
                    kept.groups.append(last[number])
                    Varint64.append(last[number].count, to: &groupStarts)
                    start += last[number].count
                    continue
                }
                var entries: [String] = []
                var bytes = 0
                var index = start
                while index < documents.count {
                    let json = documentEntry(documents[index])
                    entries.append(json)
                    bytes += json.utf8.count
                    index += 1
                    if bytes >= bytesPerDocumentGroup { break }
                }
                let text = groupText(number, entries)
                docFiles.append(File(path: "search/docs-\(number).js", text: text))
                kept.groups.append((start, entries.count, text))
                Varint64.append(entries.count, to: &groupStarts)
                start = index
            }
        } else {
            let documentWindow = Self.window / 8
            for start in stride(from: 0, to: documents.count, by: documentWindow) {
                let window = Array(documents[start..<min(documents.count, start + documentWindow)])
                let entries = window.parallelMap(inRunsOf: 128, documentEntry)
                for (offset, json) in entries.enumerated() {
                    group.append(json)
                    groupBytes += json.utf8.count
                    if groupBytes >= bytesPerDocumentGroup || start + offset == documents.count - 1 {
                        pendingGroups.append(group)
                        keptGroupStarts.append((start + offset + 1 - group.count, group.count))
                        Varint64.append(group.count, to: &groupStarts)
                        group = []
                        groupBytes = 0
                    }
                }
                let before = docFiles.count
                writeGroups()
                if keeping {
                    for (place, file) in docFiles[before...].enumerated() {
                        let (first, count) = keptGroupStarts[before + place]
                        kept.groups.append((first, count, file.text))
                    }
                }
            }
        }

        // Kinds as runs: [kind, count, kind, count, …].
        var kinds: [JSONText.Value] = []
        var run: (kind: String, count: Int)?
        for document in documents {
            if run?.kind == document.kind {
                run!.count += 1
            } else {
                if let run { kinds += [.string(run.kind), .int(run.count)] }
                run = (document.kind, 1)
            }
        }
        if let run { kinds += [.string(run.kind), .int(run.count)] }
        let meta = JSONText.compact(
            .object([
                ("version", .int(2)), ("documents", .int(documents.count)), ("kinds", .array(kinds)),
                ("chunks", .array(boundaries.map { .string($0) })), ("groups", .string(groupStarts)),
            ]))
        // meta.js runs before assets/search.js defines the loader: it leaves its data behind.
        let metaScript =
            "window.dossierSearch = window.dossierSearch || {}; window.dossierSearch.loadedMeta = \(JSONText.scriptSafe(meta));\n"
        let files =
            [File(path: "search/meta.js", text: metaScript)]
            + termFiles
            + docFiles
        let indexBytes = files.prefix(1 + termFiles.count).reduce(0) { $0 + $1.text.utf8.count }
        return (files, indexBytes, textBytes, kept, reused)
    }

    /// A term's entry in its chunk: the term, then its postings in `Varint64`, each
    /// document's distance from the one before and its score.
    static func entry(_ term: String, _ postings: [(document: Int32, score: Int)]) -> String {
        var encoded: [UInt8] = []
        var last: Int32 = 0
        for (document, score) in postings {
            Varint64.append(Int(document - last), to: &encoded)
            Varint64.append(score, to: &encoded)
            last = document
        }
        return JSONText.compact(.string(term)) + ":\"" + String(decoding: encoded, as: UTF8.self) + "\""
    }

    /// The place of `term` in `terms` (in the index's order, each once), found by
    /// bisection; nil when it is not there.
    static func place(of term: String, in terms: [String]) -> Int? {
        var (low, high) = (0, terms.count)
        while low < high {
            let middle = (low + high) / 2
            if precedes(terms[middle], term) { low = middle + 1 } else { high = middle }
        }
        return low < terms.count && terms[low] == term ? low : nil
    }

    /// `last` (terms in the index's order) without `removing` and with `adding` merged in,
    /// and for each term its place in `last` (nil for one added). Only the terms removed
    /// and added are looked for or sorted.
    static func merge(_ last: [String], removing: Set<String>, adding: Set<String>) -> (terms: [String], places: [Int?]) {
        var removed = [Bool](repeating: false, count: last.count)
        for term in removing {
            if let place = place(of: term, in: last) { removed[place] = true }
        }
        let added = adding.sorted(by: precedes)
        var terms: [String] = []
        var places: [Int?] = []
        terms.reserveCapacity(last.count + added.count)
        places.reserveCapacity(last.count + added.count)
        var next = 0
        for (place, term) in last.enumerated() where !removed[place] {
            while next < added.count, precedes(added[next], term) {
                terms.append(added[next])
                places.append(nil)
                next += 1
            }
            terms.append(term)
            places.append(place)
        }
        for term in added[next...] {
            terms.append(term)
            places.append(nil)
        }
        return (terms, places)
    }

    /// For each of `terms`, its place in `last` (both in the index's order); nil for a
    /// term `last` does not have. One walk through both, no hashing.
    static func places(of terms: [String], in last: [String]) -> [Int?] {
        var places = [Int?](repeating: nil, count: terms.count)
        var other = 0
        for (index, term) in terms.enumerated() {
            while other < last.count, last[other] != term, precedes(last[other], term) { other += 1 }
            if other < last.count, last[other] == term {
                places[index] = other
                other += 1
            }
        }
        return places
    }

    /// `terms` (each once) in the index's order (`precedes`). With the last index's
    /// terms, those still there (`contains`) keep their order and only the new ones are
    /// sorted and merged in: sorting every term was 5 % of a rebuild under `serve`.
    static func sortedTerms(_ terms: [String], contains: (String) -> Bool, last: [String]?) -> [String] {
        guard let last else { return terms.sorted(by: precedes) }
        let staying = last.filter(contains)
        if staying.count == terms.count { return staying }
        let seen = Set(staying)
        let added = terms.filter { !seen.contains($0) }.sorted(by: precedes)
        var merged: [String] = []
        merged.reserveCapacity(staying.count + added.count)
        var index = 0
        for term in staying {
            while index < added.count, precedes(added[index], term) {
                merged.append(added[index])
                index += 1
            }
            merged.append(term)
        }
        merged += added[index...]
        return merged
    }
}

/// Non-negative integers as text for the search index: five bits a character, the most
/// significant first, from a 64-character alphabet that JSON and URLs take as it is; a
/// character of the second half (`W`–`_`) says that more follow. 0–31 take one character,
/// up to 1,023 two.
package enum Varint64 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)

    static func append(_ value: Int, to text: inout String) {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// `value`'s characters appended to UTF-8 `bytes`: a posting list is made this way,
    /// without a string for each number.
    static func append(_ value: Int, to bytes: inout [UInt8]) {
        let value = max(0, value)
        var shift = 0
        while value >> (shift + 5) > 0 { shift += 5 }
        while shift > 0 {
            bytes.append(alphabet[((value >> shift) & 31) + 32])
            shift -= 5
        }
        bytes.append(alphabet[value & 31])
    }

    /// The numbers of `text`; nil when it is not a list of them.
    static func decode(_ text: String) -> [Int]? {
        var values: [Int] = []
        var current = 0
        var open = false
        for byte in text.utf8 {
            guard let digit = alphabet.firstIndex(of: byte) else { return nil }
            current = current << 5 | (digit & 31)
            open = digit >= 32
            if !open {
                values.append(current)
                current = 0
            }
        }
        return open ? nil : values
    }
}
