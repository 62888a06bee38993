import Testing

@testable import DossierMarkdown

/// GitHub's anchors, by the rules of github-slugger (see `HeadingSlugger`): one case or
/// more for each kind of character its rules name, and for the numbering of repeats.
@Suite struct HeadingSlugTests {
    /// One heading's anchor, alone on its page.
    @Test(arguments: [
        // Letters of every case and script, lower-cased.
        ("Hello World", "hello-world"),
        ("camelCaseName", "camelcasename"),
        ("Как войти в систему?", "как-войти-в-систему"),
        ("预算不足时怎么办？", "预算不足时怎么办"),
        ("ǅemal ᾈ", "ǆemal-ᾀ"),  // titlecase letters
        ("ʰʲ ª", "ʰʲ-ª"),  // modifier and other letters
        ("İstanbul", "i\u{307}stanbul"),  // full lower-case mapping: i and a combining dot
        ("ΟΔΟΣ ΟΔΟΣ", "οδος-οδος"),  // a capital sigma ending a word becomes ς
        ("ΣΑ", "σα"),
        // Marks of every kind are kept.
        ("cafe\u{301}", "cafe\u{301}"),  // nonspacing
        ("कि", "कि"),  // spacing
        ("a\u{20DD}", "a\u{20DD}"),  // enclosing
        // Numbers: decimal and letter numbers kept, other numbers dropped.
        ("Step 2 of ٣", "step-2-of-٣"),
        ("Ⅻ chapters", "ⅻ-chapters"),
        ("Area in m²", "area-in-m"),
        ("½ price ① first", "-price--first"),
        // Punctuation: connector kept, `-` kept, all other dropped.
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("a‿b ＿c", "a‿b-＿c"),
        ("heading with a - dash", "heading-with-a---dash"),
        ("en–dash em—dash", "endash-emdash"),
        ("API v1.2 (beta) [x] {y}", "api-v12-beta-x-y"),
        ("«quoted» “this” ‘that’", "quoted-this-that"),
        ("apostrophe’s rule", "apostrophes-rule"),
        ("Step 2: Submit the report!", "step-2-submit-the-report"),
        ("审批人离职（转交）", "审批人离职转交"),
        (":ok_hand: gemoji", "ok_hand-gemoji"),
        // Symbols are dropped, letters among them kept.
        ("I ♥ unicode", "i--unicode"),
        ("1 + 1 = 2 €", "1--1--2-"),
        ("caret ^ and `tick`", "caret--and-tick"),
        ("Ⓐ and ⓩ", "ⓐ-and-ⓩ"),
        // Emoji: dropped, with a variation selector kept (it is a mark).
        ("😄 unicode emoji", "-unicode-emoji"),
        ("😄-😄 pair", "--pair"),
        ("😄_😄 pair", "_-pair"),
        ("⚠️ Known problems", "\u{FE0F}-known-problems"),
        ("⚠ Known problems", "-known-problems"),
        ("👩‍💻 coder", "-coder"),  // the zero-width joiner is a format character
        ("🎉", ""),
        // Spaces: each space becomes `-`; nothing is trimmed or collapsed.
        (" ", "-"),
        (" a ", "-a-"),
        ("two  spaces", "two--spaces"),
        ("-a-", "-a-"),
        // Other separators, controls, format and private-use characters are dropped.
        ("a\u{00A0}b\u{3000}c", "abc"),
        ("a\u{2028}b\u{2029}c", "abc"),
        ("a\u{0007}b\tc", "abc"),
        ("soft\u{00AD}hyphen\u{200B}", "softhyphen"),
        ("private\u{E000}use", "privateuse"),
        // Unassigned in Unicode 13.0, github-slugger's tables: dropped even when assigned since.
        ("a\u{0378}b", "ab"),
        ("new \u{105CB} letter", "new--letter"),
    ])
    func anchor(_ heading: String, _ expected: String) {
        #expect(HeadingSlugger.baseSlug(heading) == expected)
    }

    /// Repeats in document order get `-1`, `-2`, counted per anchor, past any taken.
    @Test(arguments: [
        (["Intro", "Intro", "Intro-1", "Intro"], ["intro", "intro-1", "intro-1-1", "intro-2"]),
        (["echo", "echo", "echo 1", "echo-1", "echo"], ["echo", "echo-1", "echo-1-1", "echo-1-2", "echo-2"]),
        (["foxtrot-1", "foxtrot", "foxtrot"], ["foxtrot-1", "foxtrot", "foxtrot-2"]),
        (["-a-", "-a-"], ["-a-", "-a--1"]),
        (["Area in m²", "Area in m"], ["area-in-m", "area-in-m-1"]),
        (["a\u{2028}b", "a\u{2029}b"], ["ab", "ab-1"]),
        (["🎉", "🎉", "✨"], ["", "-1", "-2"]),
        (["Golf", "golf", "GOLF"], ["golf", "golf-1", "golf-2"]),
        (["__proto__", "__proto__", "hasOwnProperty"], ["__proto__", "__proto__-1", "hasownproperty"]),
    ])
    func repeats(_ headings: [String], _ expected: [String]) {
        var slugger = HeadingSlugger()
        #expect(headings.map { slugger.slug(for: $0) } == expected)
    }

    /// The anchor is made from the text GitHub reads in the heading's HTML.
    @Test func textAsGitHubReadsIt() {
        let document = MarkdownDocument(
            "## A *b* `c`\n\nSetext\nheading\n---\n\n## ![alt](x.png) img\n\n## &#x20;edge&#x20;\n")
        #expect(document.headings.map(\.anchor) == ["a-b-c", "setextheading", "-img", "-edge-"])
        #expect(document.headings.map(\.text) == ["A b c", "Setext heading", "alt img", "edge"])
    }
}
