import Testing

@testable import DossierRender
@testable import DossierSearch

@Suite struct SearchIndexTests {
    @Test func chineseBecomesPairsOfCharacters() {
        #expect(SearchIndex.terms("审批人离职") == ["审批", "批人", "人离", "离职"])
        #expect(SearchIndex.terms("见 审 OCR") == ["见", "审", "ocr"])
    }

    @Test func russianFormsShareATerm() {
        let forms = ["согласование", "согласования", "согласованию", "Согласованием"]
        #expect(Set(forms.flatMap(SearchIndex.terms)).count == 1)
        #expect(SearchIndex.terms("Отчёт") == SearchIndex.terms("отчет"))
        // Short words keep their ending: too little would be left.
        #expect(SearchIndex.terms("его") == ["его"])
    }

    @Test func wordsAndIdsInOtherScripts() {
        #expect(SearchIndex.terms("Reset the Password, FK-029!") == ["reset", "the", "password", "fk", "029"])
    }

    @Test func termsFindTheirDocumentsInTheirChunk() throws {
        let documents = (0..<200).map { i in
            SearchIndex.Document(
                url: "d\(i).html", title: "Doc \(i)", kind: "article", sections: [("", "", "审批 word\(i) согласование")])
        }
        // Pages arrive in the order they are rendered, not the index's order.
        var builder = SearchIndex.Builder(order: documents.map(\.url))
        for document in documents.reversed() { builder.add(document) }
        let (files, indexBytes, textBytes) = builder.files()
        guard let meta = files.first(where: { $0.path == "search/meta.js" })?.text else {
            Issue.record("no meta.js")
            return
        }
        #expect(meta.contains(#"[["d0.html","Doc 0","article"],["d1.html","Doc 1","article"]"#))
        #expect(indexBytes > 0 && textBytes > 0)
        let termFiles = files.filter { $0.path.hasPrefix("search/terms-") }
        let textFiles = files.filter { $0.path.hasPrefix("search/text-") }
        #expect(textFiles.count == 9)  // 24 documents a chunk
        // "审批" is in its first character's chunk, listing all 200 documents.
        let chunk = Int("审".unicodeScalars.first!.value) % termFiles.count
        guard let text = termFiles.first(where: { $0.path == "search/terms-\(chunk).js" })?.text else {
            Issue.record("no chunk \(chunk)")
            return
        }
        #expect(text.contains("\"审批\":[0,1,2,"))
        #expect(text.contains(",199]"))
    }
}

@Suite struct ScriptSafeTests {
    @Test func closingTagsAndLineSeparatorsAreEscaped() {
        #expect(SearchIndex.scriptSafe(#"{"t":"a</script>b"}"#) == #"{"t":"a<\/script>b"}"#)
        #expect(SearchIndex.scriptSafe("x\u{2028}y\u{2029}") == #"x\u2028y\u2029"#)
        let plain = #"{"t":"a < b / c"}"#
        #expect(SearchIndex.scriptSafe(plain) == plain)
    }
}
