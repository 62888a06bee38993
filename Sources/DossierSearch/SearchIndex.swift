import DossierUtilities
import Foundation

/// The offline search index: terms to documents, in chunks the search page loads on
/// demand, and the documents' text, also in chunks, loaded only for the results shown.
///
/// Files are scripts that hand their data to `window.dossierSearch` (browsers refuse
/// `fetch()` from `file://`): `search/meta.js` (the documents), `search/terms-N.js`
/// (a term's chunk is its first character's code point modulo the chunk count) and
/// `search/text-N.js` (documents in groups of `documentsPerTextChunk`).
///
/// Terms, made the same way by assets/search.js from a query: the text lower-cased with
/// `ё` as `е`; each pair of neighbouring CJK ideographs (a lone one alone), so Chinese
/// needs no word breaks; each run of other letters and digits as a word, Cyrillic words
/// without their common endings (`согласования` and `согласование` are one term).
package enum SearchIndex {
    /// A file of the index: its path under the output folder and its text.
    package struct File: Sendable {
        package let path: String
        package let text: String
    }

    /// A page's entry, made on the core that rendered the page: its distinct terms and
    /// its text already as the JSON of its text chunk, so the index keeps one string a
    /// page rather than its sections.
    package struct Document: Sendable {
        package var url: String
        package var title: String
        /// "article", "issue" or "weekly".
        package var kind: String
        /// `[[anchor, heading, text], …]`.
        package let textJSON: String
        /// Bytes of the headings and text.
        package let textBytes: Int
        package let terms: Set<String>

        package init(url: String, title: String, kind: String, sections: [(anchor: String, heading: String, text: String)]) {
            self.url = url
            self.title = title
            self.kind = kind
            textJSON = JSONText.compact(
                .array(sections.map { .array([.string($0.anchor), .string($0.heading), .string($0.text)]) }))
            textBytes = sections.reduce(0) { $0 + $1.heading.utf8.count + $1.text.utf8.count }
            // The terms of the title, headings and texts joined by line breaks, without joining them.
            var scanner = TermScanner()
            scanner.add(title)
            for section in sections {
                scanner.add(section.heading)
                scanner.add(section.text)
            }
            terms = Set(scanner.terms)
        }

        /// An entry as a previous build made it.
        package init(url: String, title: String, kind: String, textJSON: String, textBytes: Int, terms: Set<String>) {
            self.url = url
            self.title = title
            self.kind = kind
            self.textJSON = textJSON
            self.textBytes = textBytes
            self.terms = terms
        }
    }

    /// The index made a page at a time, in whatever order pages are rendered: each page's
    /// terms go into the postings at once and only its text is kept.
    package struct Builder {
        /// Document number by URL: the order of the finished index.
        private let numbers: [String: Int]
        private var postings: [String: [Int]] = [:]
        private var entries: [(url: String, title: String, kind: String)?]
        private var texts: [String?]
        private var textBytes = 0

        package init(order: [String]) {
            numbers = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            entries = Array(repeating: nil, count: order.count)
            texts = Array(repeating: nil, count: order.count)
        }

        package mutating func add(_ document: Document) {
            guard let number = numbers[document.url], entries[number] == nil else { return }
            entries[number] = (document.url, document.title, document.kind)
            texts[number] = document.textJSON
            textBytes += document.textBytes
            for term in document.terms { postings[term, default: []].append(number) }
        }

        /// The files, with documents numbered in the order given (pages never added are left out).
        package func files() -> (files: [File], indexBytes: Int, textBytes: Int) {
            // Renumber without gaps when a page was not added.
            var renumber = [Int](repeating: -1, count: entries.count)
            var kept: [(url: String, title: String, kind: String, text: String)] = []
            for (index, entry) in entries.enumerated() {
                guard let entry else { continue }
                renumber[index] = kept.count
                kept.append((entry.url, entry.title, entry.kind, texts[index] ?? "[]"))
            }
            let postings = postings.mapValues { $0.map { renumber[$0] }.sorted() }
            return SearchIndex.files(documents: kept, postings: postings, textBytes: textBytes)
        }
    }

    /// Below this, the terms stay in one file; above, one chunk per this many bytes.
    static let bytesPerTermChunk = 48_000
    static let documentsPerTextChunk = 24

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

    /// Russian endings, longest first; one is removed when at least three letters stay.
    /// The only list: search/meta.js carries it to assets/search.js.
    static let cyrillicEndings = [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иях", "иям", "ием", "ов", "ев", "ей", "ий",
        "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ую", "юю", "ом", "ем", "ах", "ях", "ам", "ям", "ия", "ию",
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
    ]

    static func stem(_ word: String) -> String {
        guard word.unicodeScalars.contains(where: { (0x0400...0x04FF).contains($0.value) }) else { return word }
        for ending in cyrillicEndings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    /// The terms of `text`, in order, repeats included.
    static func terms(_ text: String) -> [String] {
        var scanner = TermScanner()
        scanner.add(text)
        return scanner.terms
    }

    // MARK: Files

    /// JSON made safe inside a script: a "</" (which could end a script element) becomes
    /// "<\/", and U+2028 and U+2029 (line breaks to older JavaScript) are escaped. One pass;
    /// the text is returned as it is when there is nothing to change.
    static func scriptSafe(_ json: String) -> String {
        let scalars = json.unicodeScalars
        var needed = false
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if (previous == "<" && scalar == "/") || scalar == "\u{2028}" || scalar == "\u{2029}" {
                needed = true
                break
            }
            previous = scalar
        }
        guard needed else { return json }
        var out = String.UnicodeScalarView()
        previous = " "
        for scalar in scalars {
            switch scalar {
            case "/" where previous == "<": out.append(contentsOf: "\\/".unicodeScalars)
            case "\u{2028}": out.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": out.append(contentsOf: "\\u2029".unicodeScalars)
            default: out.append(scalar)
            }
            previous = scalar
        }
        return String(out)
    }

    /// The index's files, and its size against the size of the text it covers.
    static func files(
        documents: [(url: String, title: String, kind: String, text: String)], postings: [String: [Int]], textBytes: Int
    ) -> (files: [File], indexBytes: Int, textBytes: Int) {
        let termBytes = postings.reduce(0) { $0 + $1.key.utf8.count + 6 * $1.value.count + 6 }
        let chunkCount = max(1, (termBytes + bytesPerTermChunk - 1) / bytesPerTermChunk)
        var chunks = [[String: [Int]]](repeating: [:], count: chunkCount)
        for (term, ids) in postings {
            chunks[Int(term.unicodeScalars.first!.value) % chunkCount][term] = ids
        }
        let textChunkCount = max(1, (documents.count + documentsPerTextChunk - 1) / documentsPerTextChunk)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) -> String {
            scriptSafe(String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self))
        }
        struct Meta: Encodable {
            let docs: [[String]]
            let termChunks: Int
            let textChunks: Int
            let textChunkSize: Int
            /// `cyrillicEndings`, for assets/search.js to make a query's terms with.
            let endings: [String]
        }
        let meta = Meta(
            docs: documents.map { [$0.url, $0.title, $0.kind] }, termChunks: chunkCount, textChunks: textChunkCount,
            textChunkSize: documentsPerTextChunk, endings: cyrillicEndings)
        // meta.js runs before assets/search.js defines the loader: it leaves its data behind.
        let metaScript = "window.dossierSearch = window.dossierSearch || {}; window.dossierSearch.loadedMeta = \(json(meta));\n"
        var files = [File(path: "search/meta.js", text: metaScript)]
        for (index, chunk) in chunks.enumerated() {
            files.append(File(path: "search/terms-\(index).js", text: "dossierSearch.terms(\(index),\(json(chunk)));\n"))
        }
        for chunk in 0..<textChunkCount {
            // An object keyed by document number, keys in text order as a sorted encoder writes them.
            let ids = ((chunk * documentsPerTextChunk)..<min(documents.count, (chunk + 1) * documentsPerTextChunk)).map(
                String.init
            ).sorted()
            let body = ids.map { "\"\($0)\":" + documents[Int($0)!].text }.joined(separator: ",")
            files.append(
                File(path: "search/text-\(chunk).js", text: "dossierSearch.text(\(chunk),\(scriptSafe("{" + body + "}")));\n"))
        }
        let indexBytes = files.prefix(1 + chunkCount).reduce(0) { $0 + $1.text.utf8.count }
        return (files, indexBytes, textBytes)
    }
}
