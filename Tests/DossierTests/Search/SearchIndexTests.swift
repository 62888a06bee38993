import DossierUtilities
import Foundation
import Testing

@testable import DossierRender
@testable import DossierSearch

@Suite struct SearchIndexTests {
    @Test func chineseBecomesPairsOfCharacters() {
        #expect(SearchIndex.terms("审批人离职") == ["审批", "批人", "人离", "离职"])
        #expect(SearchIndex.terms("见 审 OCR") == ["见", "审", "ocr"])
    }

    @Test func wordsAndIdsInOtherScripts() {
        #expect(SearchIndex.terms("Reset the Password, FK-029!") == ["reset", "the", "password", "fk", "029"])
        #expect(SearchIndex.terms("Отчёт") == SearchIndex.terms("отчет"))
    }

    @Test func idsAreTheirLettersAndNumber() {
        #expect(SearchIndex.idTerms("FK-012 fk012 FK_12 Fk-0012") == ["fk12", "fk12", "fk12", "fk12"])
        #expect(SearchIndex.idTerms("见FK-012。另见SR-7") == ["fk12", "sr7"])
        // Not ids: letters or digits run on, too many of either, no number.
        #expect(SearchIndex.idTerms("aFK-012b 1FK-2 ABCDEFGHIJKLM-1 FK-0123456789 FK- v2beta") == [])
        #expect(SearchIndex.idTerms("x86_64 W36") == ["x86", "w36"])
    }

    @Test func titlesForExactMatchKeepLettersAndDigitsOnly() {
        #expect(SearchIndex.titleTerm("Отчёт не согласуется: SAP!") == "=отчетнесогласуетсяsap")
        #expect(SearchIndex.titleTerm("住宿费 超标") == "=住宿费超标")
        #expect(SearchIndex.titleTerm("…") == nil)
    }

    @Test func varintsRoundTrip() {
        let values = [0, 1, 31, 32, 1023, 1024, 99_999, 5, 0]
        var text = ""
        for value in values { Varint64.append(value, to: &text) }
        #expect(Varint64.decode(text) == values)
        #expect(text.utf8.allSatisfy { Varint64.alphabet.contains($0) })
        #expect(Varint64.decode("W") == nil)  // a continuation with nothing after it
    }

    @Test func fieldsAreCountedApart() {
        let document = SearchIndex.Document(
            url: "issues/FK-1.html", title: "FK-1 报销", kind: "issue", status: "open", id: "FK-1", exactTitle: "报销",
            fields: ["财务模块", "报销"], sections: [("", "处理", "报销 报销 报销")])
        let counts = document.terms.first { $0.term == "报销" }?.counts ?? 0
        #expect(counts & 0xFF == 1)  // title
        #expect(counts >> 8 & 0xFF == 0)  // headings
        #expect(counts >> 16 & 0xFF == 1)  // fields
        #expect(counts >> 24 & 0xFF == 3)  // body
        #expect(document.terms.first { $0.term == "##fk1" }?.counts == 1)
        #expect(document.terms.first { $0.term == "=报销" }?.counts == 1)
        #expect(document.lengths == [3, 1, 4, 3])  // fk 1 报销; 处理; 财务 务模 模块 报销; 报销 ×3
    }

    /// A small index read back as the search page reads it.
    struct ReadBack {
        var meta: [String: Any] = [:]
        var chunks: [[String: String]] = []
        var groups: [[[Any]]] = []

        init(_ files: [SearchIndex.File]) throws {
            func payload(_ text: String, after marker: String) throws -> Any {
                let start = try #require(text.range(of: marker)).upperBound
                let end = try #require(text.range(of: ");", options: .backwards)).lowerBound
                let json = String(text[start..<end]).replacingOccurrences(of: "<\\/", with: "</")
                return try JSONSerialization.jsonObject(with: Data(json.utf8))
            }
            let metaText = try #require(files.first { $0.path == "search/meta.js" }).text
            let start = try #require(metaText.range(of: "loadedMeta = ")).upperBound
            meta = try #require(
                JSONSerialization.jsonObject(with: Data(metaText[start...].dropLast(2).utf8)) as? [String: Any])
            for index in 0... {
                guard let file = files.first(where: { $0.path == "search/terms-\(index).js" }) else { break }
                let chunk = try payload(file.text, after: "dossierSearch.terms(\(index),")
                chunks.append(try #require(chunk as? [String: String]))
            }
            for index in 0... {
                guard let file = files.first(where: { $0.path == "search/docs-\(index).js" }) else { break }
                let group = try payload(file.text, after: "dossierSearch.docs(\(index),")
                groups.append(try #require(group as? [[Any]]))
            }
        }

        /// The chunk the search page looks in: how many boundaries sort at or before the term.
        func chunk(of term: String) -> Int {
            let boundaries = meta["chunks"] as? [String] ?? []
            return boundaries.filter { !SearchIndex.precedes(term, $0) }.count
        }

        /// `[(document, score)]` of a term, from the chunk its boundaries name.
        func postings(_ term: String) -> [(Int, Int)]? {
            guard let text = chunks[chunk(of: term)][term], let numbers = Varint64.decode(text) else { return nil }
            var out: [(Int, Int)] = []
            var document = 0
            for index in stride(from: 0, to: numbers.count, by: 2) {
                document += numbers[index]
                out.append((document, numbers[index + 1]))
            }
            return out
        }
    }

    static func documents(_ count: Int) -> [SearchIndex.Document] {
        (0..<count).map { i in
            SearchIndex.Document(
                url: "d\(i).html", title: i % 10 == 0 ? "预算 \(i)" : "Doc \(i)", kind: i < 150 ? "article" : "issue",
                status: i < 150 ? "" : (i % 2 == 0 ? "open" : "closed"),
                sections: [("s", "", "审批 word\(i) согласование" + (i % 10 == 5 ? " 预算" : ""))])
        }
    }

    @Test func everyTermIsInTheChunkItsBoundariesName() throws {
        let documents = Self.documents(400)
        // Pages arrive in the order they are rendered, not the index's order.
        var builder = SearchIndex.Builder(order: documents.map(\.url))
        for document in documents.reversed() { builder.add(document) }
        let (files, indexBytes, textBytes) = builder.files(termChunkBytes: 1_000)
        #expect(indexBytes > 0 && textBytes > 0)
        let index = try ReadBack(files)
        #expect(index.chunks.count > 1, "small chunks make several")
        #expect(index.meta["documents"] as? Int == 400)
        #expect(index.meta["kinds"] as? [AnyHashable] == ["article", 150, "issue", 250])
        for (number, chunk) in index.chunks.enumerated() {
            for term in chunk.keys { #expect(index.chunk(of: term) == number, "\(term)") }
        }
        // "审批" is on every page, in document order.
        #expect(index.postings("审批")?.map(\.0) == Array(0..<400))
        // Issues by status, for the filter.
        #expect(index.postings("~open")?.map(\.0) == Array(stride(from: 150, to: 400, by: 2)))
        // Every document is in the group the group sizes name.
        let groupSizes = try #require(index.meta["groups"] as? String)
        let sizes = try #require(Varint64.decode(groupSizes))
        #expect(sizes.reduce(0, +) == 400 && sizes.count == index.groups.count)
        var first = 0
        for (group, size) in zip(index.groups, sizes) {
            #expect(group.count == size)
            #expect(group.first?.first as? String == "d\(first).html")
            first += size
        }
    }

    /// With the memo `serve` keeps, each index is the one made without it, through
    /// edits that add, remove and move terms, change a page's length, add and remove
    /// pages; and an edit keeps most terms' entries.
    /// `old` edited as a random round of the memo tests does: its body's words added or
    /// taken away (rounds 0 and 1 of 3), or its title (round 2).
    static func edited(
        _ old: SearchIndex.Document, round: Int, using generator: inout SystemRandomNumberGenerator
    ) -> SearchIndex.Document {
        let words = ["审批", "预算", "word1", "отчёт", "согласование", "zebra", "alpha", "新词", "𠀋字", "\u{E000}x"]
        if round % 3 == 2 {
            return SearchIndex.Document(
                url: old.url, title: "Renamed \(round)", kind: old.kind, status: old.status,
                sections: [("s", "", "审批 word\(old.url.count)")])
        }
        let count = Int.random(in: 0...6, using: &generator)
        let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
        return SearchIndex.Document(
            url: old.url, title: old.title, kind: old.kind, status: old.status, sections: [("s", "", text)])
    }

    @Test func theMemoMakesTheSameFilesAsAFreshIndex() {
        var documents = Self.documents(300)
        let memo = SearchIndex.Memo()
        func files(_ documents: [SearchIndex.Document], memo: SearchIndex.Memo?) -> [String: String] {
            var builder = SearchIndex.Builder(order: documents.map(\.url))
            for document in documents.reversed() { builder.add(document) }
            let files = builder.files(termChunkBytes: 800, memo: memo).files
            return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
        }
        /// The paths whose text differs, either way.
        func differing(_ a: [String: String], _ b: [String: String]) -> [String] {
            Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
        }
        #expect(differing(files(documents, memo: memo), files(documents, memo: nil)).isEmpty)
        #expect(memo.reused == 0)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<40 {
            let index = Int.random(in: 0..<documents.count, using: &generator)
            let old = documents[index]
            switch round % 5 {
            case 0, 1, 2:
                documents[index] = Self.edited(old, round: round, using: &generator)
            case 3:
                // A page added.
                documents.insert(
                    SearchIndex.Document(
                        url: "new\(round).html", title: "New \(round)", kind: "article", status: "",
                        sections: [("s", "", "审批 fresh\(round)")]), at: index)
            default:
                documents.remove(at: index)
            }
            let fresh = files(documents, memo: nil)
            #expect(differing(files(documents, memo: memo), fresh).isEmpty, "round \(round)")
            // The same index again keeps every entry.
            #expect(differing(files(documents, memo: memo), fresh).isEmpty, "round \(round), again")
            #expect(memo.reused > 0)
        }
    }

    /// A builder carried from one index to the next, with the pages that changed taken
    /// out and put back, makes the files a fresh builder makes; pages added or removed
    /// make a new builder, as `serve` does.
    @Test func aCarriedBuilderMakesTheSameFilesAsAFreshIndex() {
        var documents = Self.documents(300)
        let memo = SearchIndex.Memo()
        func fresh(_ documents: [SearchIndex.Document]) -> SearchIndex.Builder {
            var builder = SearchIndex.Builder(order: documents.map(\.url))
            for document in documents { builder.add(document) }
            return builder
        }
        func texts(_ builder: SearchIndex.Builder, memo: SearchIndex.Memo?) -> [String: String] {
            Dictionary(uniqueKeysWithValues: builder.files(termChunkBytes: 800, memo: memo).files.map { ($0.path, $0.text) })
        }
        var carried = fresh(documents)
        _ = texts(carried, memo: memo)
        carried.carry()
        var generator = SystemRandomNumberGenerator()
        var termsKept = 0
        for round in 0..<60 {
            let index = Int.random(in: 0..<documents.count, using: &generator)
            let old = documents[index]
            var samePages = true
            switch round % 6 {
            case 0, 1, 2:
                documents[index] = Self.edited(old, round: round, using: &generator)
            case 3:
                // Rendered again with the same terms: the same entry, then only the status
                // (an issue closed: its document and the status filter change, no term).
                documents[index] = SearchIndex.Document(
                    url: old.url, title: old.title, kind: old.kind, status: old.status, sections: [("s", "", "alpha")])
                carried.replace(old, with: documents[index], at: old.url)
                let again = documents[index]
                documents[index] = SearchIndex.Document(
                    url: old.url, title: old.title, kind: old.kind, status: old.status == "open" ? "closed" : "open",
                    sections: [("s", "", "alpha")])
                carried.replace(again, with: documents[index], at: old.url)
            case 4:
                documents.insert(
                    SearchIndex.Document(
                        url: "new\(round).html", title: "New \(round)", kind: "article", status: "",
                        sections: [("s", "", "审批 fresh\(round)")]), at: index)
                samePages = false
            default:
                documents.remove(at: index)
                samePages = false
            }
            if samePages {
                if round % 6 != 3 { carried.replace(old, with: documents[index], at: old.url) }
            } else {
                carried = fresh(documents)
            }
            let expected = texts(fresh(documents), memo: nil)
            let made = texts(carried, memo: memo)
            #expect(Set(made.keys) == Set(expected.keys), "round \(round)")
            #expect(made.keys.filter { made[$0] != expected[$0] }.isEmpty, "round \(round)")
            if memo.termsKept { termsKept += 1 }
            carried.carry()
            // Nothing changed since: every term kept as it was, without its postings read,
            // in the order it had.
            #expect(texts(carried, memo: memo) == expected, "round \(round), again")
            #expect(memo.reused > 0)
            #expect(memo.termsKept, "round \(round), again")
        }
        // A carried builder over the same collection (the same pages, the same mean
        // lengths) merges the terms it added and took out into the last order; the
        // others sort them (both checked above).
        #expect(termsKept > 5)
    }

    /// Terms merged into the last index's order come out as a full sort orders them.
    @Test func termsMergedIntoTheLastOrderAreSorted() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = ["a", "b", "z", "é", "审", "𠀋", "\u{E000}", "\u{FFFD}", "1"]
        func term() -> String {
            (0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
        for _ in 0..<200 {
            let last = Array(Set((0..<30).map { _ in term() })).sorted(by: SearchIndex.precedes)
            var now = Set(last.filter { _ in Bool.random(using: &generator) })
            for _ in 0..<Int.random(in: 0...5, using: &generator) { now.insert(term()) }
            let merged = SearchIndex.sortedTerms(Array(now), contains: { now.contains($0) }, last: last)
            #expect(merged == now.sorted(by: SearchIndex.precedes))
            // And each finds its place in the last order, where it has one.
            let places = SearchIndex.places(of: merged, in: last)
            for (term, place) in zip(merged, places) { #expect(place.map { last[$0] } == (last.contains(term) ? term : nil)) }
        }
    }

    @Test func aTitleCountsMoreThanTheBodyAndRareTermsMoreThanCommonOnes() throws {
        let documents = Self.documents(400)
        var builder = SearchIndex.Builder(order: documents.map(\.url))
        for document in documents { builder.add(document) }
        let index = try ReadBack(builder.files().files)
        let budget = try #require(index.postings("预算"))
        let inTitle = try #require(budget.first { $0.0 == 10 }).1
        let inBody = try #require(budget.first { $0.0 == 15 }).1
        #expect(inTitle > inBody)
        // 审批 is everywhere, word7 on one page.
        let common = try #require(index.postings("审批")?.first).1
        let rare = try #require(index.postings("word7")?.first).1
        #expect(rare > common * 5)
    }

    @Test func chunkBoundariesAreShortestPrefixes() {
        #expect(SearchIndex.boundary("abd", after: "abc") == "abd")
        #expect(SearchIndex.boundary("b", after: "azzz") == "b")
        #expect(SearchIndex.boundary("报销单", after: "报") == "报销")
        // UTF-16 order, as JavaScript compares: U+FF5E sorts after U+1F600's first unit.
        #expect(SearchIndex.precedes("😀", "～"))
    }

    /// `precedes` reads UTF-8 bytes; JavaScript's order is UTF-16's. The two agree on
    /// random strings of ASCII, CJK, Cyrillic, U+E000–U+FFFF and astral scalars.
    @Test func termOrderIsUTF16sOnRandomStrings() {
        var generator = SystemRandomNumberGenerator()
        let ranges: [ClosedRange<UInt32>] = [
            0x61...0x7A, 0x430...0x44F, 0x4E00...0x4E20, 0xD7F0...0xD7FF, 0xE000...0xE010, 0xFF00...0xFFFD,
            0x1_0000...0x1_0010, 0x1_F600...0x1_F610, 0x10_FFF0...0x10_FFFF,
        ]
        func random() -> String {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let range = ranges.randomElement(using: &generator)!
                text.append(Unicode.Scalar(UInt32.random(in: range, using: &generator))!)
            }
            return String(text)
        }
        for _ in 0..<20_000 {
            let a = random()
            // Often a near neighbour: the same start, then another scalar.
            let b = Bool.random(using: &generator) ? String(a.unicodeScalars.prefix(2)) + random() : random()
            #expect(SearchIndex.precedes(a, b) == a.utf16.lexicographicallyPrecedes(b.utf16), "\(a) \(b)")
            #expect(SearchIndex.precedes(b, a) == b.utf16.lexicographicallyPrecedes(a.utf16), "\(b) \(a)")
        }
    }
}

@Suite struct ScriptSafeTests {
    @Test func closingTagsAndLineSeparatorsAreEscaped() {
        #expect(JSONText.scriptSafe(#"{"t":"a</script>b"}"#) == #"{"t":"a<\/script>b"}"#)
        #expect(JSONText.scriptSafe("x\u{2028}y\u{2029}") == #"x\u2028y\u2029"#)
        let plain = #"{"t":"a < b / c"}"#
        #expect(JSONText.scriptSafe(plain) == plain)
    }

    /// Any text, escaped scalar by scalar as the rule says, is what the byte-wise pass
    /// gives: "</" at either end, doubled, beside the separators and multi-byte text.
    @Test func theByteWisePassIsTheScalarRule() {
        func byScalars(_ text: String) -> String {
            var out = ""
            var previous: Unicode.Scalar = " "
            for scalar in text.unicodeScalars {
                switch scalar {
                case "/" where previous == "<": out += "\\/"
                case "\u{2028}": out += "\\u2028"
                case "\u{2029}": out += "\\u2029"
                default: out.unicodeScalars.append(scalar)
                }
                previous = scalar
            }
            return out
        }
        let pieces = ["<", "/", "\u{2028}", "\u{2029}", "a", "审", "😀", "\"", "\u{2027}", "\u{202A}", "\u{E2}", "</"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(JSONText.scriptSafe(text) == byScalars(text), "\(text.debugDescription)")
        }
    }
}
