import Foundation
import Testing

@testable import DossierHTML
@testable import DossierMarkdown

/// Invariants of the search sections read from cmark-gfm's tree, over generated documents
/// whose words are known: headings of every level (some repeated, some in CJK, Cyrillic or
/// only an emoji), paragraphs with emphasis, code, links, images and soft breaks, lists,
/// nested lists, quotes, code blocks and tables.
@Suite struct SectionPropertyTests {
    /// Words that Markdown reads as plain text wherever they stand.
    static let words = ["alpha", "beta", "Approval", "审批流程", "登录", "Жук", "согласование", "🎉", "😀", "R2-D2", "2026", "naïve"]
    /// Heading texts, few so that headings repeat; "🎉" alone has an empty GitHub anchor.
    static let headingTexts = ["Setup", "审批流程", "🎉", "Setup again", "Жук и 🎉", "Steps"]

    /// A generated document: its Markdown and, block by block, the words a reader sees.
    struct Document {
        var blocks: [(markdown: String, words: [String])] = []
        var markdown: String { blocks.map(\.markdown).joined(separator: "\n\n") + "\n" }
    }

    static func document(_ random: inout SeededRandom) -> Document {
        var document = Document()
        for _ in 0..<(1 + random.next(below: 12)) {
            document.blocks.append(block(&random))
        }
        return document
    }

    static func block(_ random: inout SeededRandom) -> (markdown: String, words: [String]) {
        switch random.next(below: 8) {
        case 0, 1:
            let level = 1 + random.next(below: 6)
            var (text, words) = (random.pick(headingTexts), [String]())
            words = text.split(separator: " ").map(String.init)
            if random.next(below: 3) == 0 {
                let (more, moreWords) = inline(&random, images: false, softBreaks: false)
                text += " " + more
                words += moreWords
            }
            return (String(repeating: "#", count: level) + " " + text, words)
        case 2:
            let marker = random.next(below: 2) == 0 ? "- " : "1. "
            var lines: [String] = []
            var words: [String] = []
            for _ in 0..<(1 + random.next(below: 3)) {
                let (text, itemWords) = inline(&random, images: true, softBreaks: false)
                lines.append(marker + text)
                words += itemWords
                if random.next(below: 3) == 0 {
                    let (nested, nestedWords) = inline(&random, images: false, softBreaks: false)
                    lines.append(String(repeating: " ", count: marker.count) + "- " + nested)
                    words += nestedWords
                }
            }
            return (lines.joined(separator: "\n"), words)
        case 3:
            let lines = (0..<(1 + random.next(below: 3))).map { _ in
                (0..<(1 + random.next(below: 3))).map { _ in random.pick(words) }.joined(separator: " ")
            }
            return (
                "```\n" + lines.joined(separator: "\n") + "\n```", lines.flatMap { $0.split(separator: " ").map(String.init) }
            )
        case 4:
            let columns = 1 + random.next(below: 3)
            var rows: [String] = []
            var words: [String] = []
            for row in 0..<(2 + random.next(below: 2)) {
                let cells = (0..<columns).map { _ in inline(&random, images: false, softBreaks: false) }
                rows.append("| " + cells.map(\.markdown).joined(separator: " | ") + " |")
                words += cells.flatMap(\.words)
                if row == 0 { rows.append("|" + String(repeating: "---|", count: columns)) }
            }
            return (rows.joined(separator: "\n"), words)
        case 5:
            let (text, words) = inline(&random, images: true)
            return ("> " + text.replacingOccurrences(of: "\n", with: "\n> "), words)
        default:
            return inline(&random, images: true)
        }
    }

    /// Inline pieces separated by spaces or line breaks, and the words they show: an
    /// image's alt text is not among them, and a line break between two wide characters
    /// (`审批流程` / `登录`, `🎉`) joins the words on either side (see `SegmentBreak`).
    static func inline(_ random: inout SeededRandom, images: Bool, softBreaks: Bool = true)
        -> (markdown: String, words: [String])
    {
        var markdown = ""
        var shown: [String] = []
        var afterImage = false
        for index in 0..<(1 + random.next(below: 6)) {
            var lineBreak = false
            if index > 0 {
                lineBreak = softBreaks && random.next(below: 4) == 0
                markdown += lineBreak ? "\n" : " "
            }
            let some = (0..<(1 + random.next(below: 2))).map { _ in random.pick(words) }
            let text = some.joined(separator: " ")
            switch random.next(below: images ? 8 : 7) {
            case 0: markdown += "*\(text)*"
            case 1: markdown += "**\(text)**"
            case 2: markdown += "`\(text)`"
            case 3: markdown += "[\(text)](page.html)"
            case 4: markdown += "~~\(text)~~"
            case 7:
                markdown += "![\(text)](picture.png)"
                afterImage = true
                continue
            default: markdown += text
            }
            if lineBreak, !afterImage, let last = shown.last?.unicodeScalars.last, let first = some[0].unicodeScalars.first,
                SegmentBreak.isRemovable(between: last, and: first)
            {
                shown[shown.count - 1] += some[0]
                shown += some.dropFirst()
            } else {
                shown += some
            }
            afterImage = false
        }
        return (markdown, shown)
    }

    /// The ids of the h2–h6 of `html`, in order.
    static func sectionHeadingIDs(_ html: String) -> [String] {
        html.matches(of: #/<h[2-6] id="([^"]*)"/#).map { String($0.output.1) }
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).map(String.init)
    }

    /// A deterministic sweep: the same seeds every run, each failure names its seed.
    @Test func sectionsFollowTheHeadingsAndKeepEveryWord() {
        for seed in UInt64(1)...400 {
            var random = SeededRandom(seed: seed)
            let generated = Self.document(&random)
            let labels = random.next(below: 2) == 0 ? SectionReaderTests.labels : AccessibleLabels()
            let ids = random.next(below: 2) == 0 ? FragmentIDs.page : .namespaced("resolution")
            let omittingTitle = random.next(below: 2) == 0
            let source = generated.markdown
            let document = MarkdownDocument(source)
            let rendered = document.renderWithSections(
                destinations: document.links.map(\.destination), labels: labels, ids: ids, omittingTitle: omittingTitle)
            guard let sections = rendered.sections else {
                Issue.record("seed \(seed): no sections from the tree for \(source.debugDescription)")
                continue
            }
            let what = "seed \(seed): \(source.debugDescription)"

            // Each h2–h6 opens exactly one section, in order, named by its heading's text;
            // h1 opens none. Only the text before the first of them has no anchor.
            let omitted = omittingTitle && document.opensWithTitle ? 1 : 0
            let headings = document.headings.dropFirst(omitted).filter { $0.level >= 2 }
            let opened = sections.first?.anchor == "" ? Array(sections.dropFirst()) : sections
            #expect(opened.map(\.heading) == headings.map(\.text), "\(what)")
            #expect(!opened.contains { $0.anchor.isEmpty }, "\(what)")

            // Each section's anchor is the id of its heading in the HTML, and the one
            // FragmentIDs gives it.
            #expect(opened.map(\.anchor) == Self.sectionHeadingIDs(rendered.html), "\(what)")
            let allIDs = ids.headingIDs(of: document)
            let expectedIDs = document.headings.indices.dropFirst(omitted).filter { document.headings[$0].level >= 2 }.map {
                allIDs[$0]
            }
            #expect(opened.map(\.anchor) == expectedIDs, "\(what)")

            // No word is lost, none is added and none moves: the words of the sections, in
            // order, are those the document shows (not an image's alt text), and those the
            // HTML reader finds in the page.
            let shown = generated.blocks.dropFirst(omitted).flatMap(\.words)
            #expect(sections.flatMap { Self.words($0.text) } == shown, "\(what)")
            let page = HTMLPage(html: rendered.html)
            #expect(sections.flatMap { Self.words($0.text) } == Self.words(page.text), "\(what)")

            // And they are those sections, to the byte.
            SectionReaderTests.expectEqual(sections, page.sections, what)
        }
    }
}
