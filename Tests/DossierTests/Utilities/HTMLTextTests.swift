import DossierUtilities
import Testing

/// The one HTML escape of the project, in its two strengths.
@Suite struct HTMLTextTests {
    /// A `"` followed by a combining mark is one Swift Character but two code points;
    /// both escapes see the quote.
    @Test func quotesAreEscapedCodePointByCodePoint() {
        let payload = "\"\u{301} onmouseover=alert(1) <b>&"
        #expect(HTMLText.escapeAttribute(payload) == "&quot;\u{301} onmouseover=alert(1) &lt;b&gt;&amp;")
        #expect(HTMLText.escapeText(payload) == "&quot;\u{301} onmouseover=alert(1) &lt;b&gt;&amp;")
    }

    /// `escapeText` keeps `'` as written (a mail's font stack inside a double-quoted
    /// style); `escapeAttribute` escapes it for attributes quoted either way.
    @Test func onlyTheAttributeEscapeTouchesApostrophes() {
        #expect(HTMLText.escapeText("font-family:'Segoe UI'") == "font-family:'Segoe UI'")
        #expect(HTMLText.escapeAttribute("'Segoe UI'") == "&#39;Segoe UI&#39;")
    }
}
