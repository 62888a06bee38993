import CCmarkGFM
import DossierUtilities
import Foundation

/// A place in a Markdown source: 1-based line and column, the column in Unicode scalars.
public struct MarkdownPosition: Hashable, Sendable {
    public var line: Int
    public var column: Int
}

/// A link found in a document.
public struct MarkdownLink: Sendable, Equatable {
    /// What kind of Markdown wrote the link.
    public enum Kind: Sendable, Equatable {
        /// `[text](destination)` or an autolink.
        case link
        /// `![alt](source)`.
        case image
        /// `[[target]]` or `[[target|text]]`: an article path or an issue id.
        case reference
    }

    public var kind: Kind
    /// The destination as written; for a reference, the target before `|`.
    public var destination: String
    public var position: MarkdownPosition
    /// For a reference, the text after `|`; nil when none was written (the page may
    /// then show the title of what it links to).
    public var label: String? = nil
}

/// Raw HTML passed through to the page (`markdown.unsafe_html`), with the source lines
/// it was written on, so a link inside it can be checked and reported where it stands.
public struct MarkdownRawHTML: Sendable, Equatable {
    /// The HTML as cmark-gfm read it: an inline tag, or a whole HTML block.
    public var text: String
    /// Where it starts (the line counting the document's line offset).
    public var start: MarkdownPosition
    /// The source lines it spans, whole, starting with `line`.
    public var sourceLines: [String]

    /// Where `needle` is first written in the HTML's lines: 1-based line and column, the
    /// column in Unicode scalars; nil when it is not written there as is.
    public func position(of needle: String) -> MarkdownPosition? {
        for (index, text) in sourceLines.enumerated() {
            if let range = text.range(of: needle) {
                return MarkdownPosition(line: start.line + index, column: text[..<range.lowerBound].unicodeScalars.count + 1)
            }
        }
        return nil
    }
}

/// A heading with the anchor it gets on the page.
public struct MarkdownHeading: Sendable, Equatable {
    public var level: Int
    /// The heading's text without markup.
    public var text: String
    /// The GitHub-style anchor (see `HeadingSlugger`).
    public var anchor: String
    public var position: MarkdownPosition
}

/// A document's HTML and its text split at headings, from one rendering.
public struct RenderedMarkdown: Sendable {
    public var html: String
    /// The text split at headings h2–h6, exactly as `HTMLPage(html: html).sections`
    /// (DossierHTML) reads it: the text before the first heading has an empty anchor and
    /// heading, a section's text starts with its heading's. Nil when only the HTML can
    /// tell: the document holds raw HTML, is nested deeper than libxml2 goes, or has a
    /// footnote cited from a footnote cmark-gfm drops.
    public var sections: [(anchor: String, heading: String, text: String)]?

    public init(html: String, sections: [(anchor: String, heading: String, text: String)]?) {
        self.html = html
        self.sections = sections
    }
}

/// How Markdown is read and written.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML (`markdown.unsafe_html`); otherwise it is shown as text.
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) { self.allowRawHTML = allowRawHTML }
}

/// The words, in the page's language, that a rendering adds for screen readers.
public struct AccessibleLabels: Sendable {
    /// Name of a heading's `#` link, put before the heading's text; no link when nil.
    public var headingLink: String?
    /// Name of a footnote's link back to where it is cited.
    public var footnoteBack: String?
    /// Visually hidden heading of the footnotes' section.
    public var footnotes: String?

    public init(headingLink: String? = nil, footnoteBack: String? = nil, footnotes: String? = nil) {
        self.headingLink = headingLink
        self.footnoteBack = footnoteBack
        self.footnotes = footnotes
    }
}

/// A parsed GitHub Flavored Markdown document.
///
/// Parsing and rendering are two steps so that links can be checked against every
/// document of a site before any HTML is written: parse all, inspect `links` and
/// `headings`, then `render(destinations:)` each. A document keeps only its source and
/// what was found in it, not cmark's tree: checking a problem list of a hundred
/// thousand descriptions must not hold a hundred thousand trees. Rendering parses again
/// (the same source walks to the same links) and keeps the HTML. This is the only type
/// that calls cmark-gfm; it frees everything it allocates.
public final class MarkdownDocument: @unchecked Sendable {
    public let headings: [MarkdownHeading]
    /// True when the document opens with a level-1 heading (`# Title`), the first of
    /// `headings`: a page that shows the title itself may leave it out.
    public let opensWithTitle: Bool
    public let links: [MarkdownLink]
    /// The raw HTML kept in the page, in document order; empty unless raw HTML is allowed.
    public let rawHTML: [MarkdownRawHTML]
    /// Emphasis written but shown as asterisks because of the punctuation inside it, in
    /// document order (see `MarkdownEmphasisProblem`).
    public let emphasisProblems: [MarkdownEmphasisProblem]

    /// The Markdown as written, and how it is read: with the link targets and labels
    /// given to `render`, all that its HTML depends on.
    public let source: String
    /// `source`'s digest, made once with the parse: a page's key and inputs take it
    /// rather than the text, and `serve` keeps an unchanged body's parse between builds.
    public let sourceDigest: Digest
    public let options: MarkdownOptions
    /// Added to every line: the lines of front matter before a body.
    public let lineOffset: Int

    /// Parses `source`. `lineOffset` is added to every line, for a body that follows
    /// front matter.
    public init(_ source: String, lineOffset: Int = 0, options: MarkdownOptions = MarkdownOptions()) {
        self.source = source
        var digest = Digest()
        digest.update(source)
        sourceDigest = digest
        self.lineOffset = lineOffset
        self.options = options
        let (walker, opens) = Self.withTree(source, lineOffset: lineOffset, options: options, checkingEmphasis: true) {
            root, _, walker in
            (walker, cmark_node_first_child(root).map { $0 == walker.headingNodes.first } ?? false)
        }
        headings = walker.headings
        opensWithTitle = opens && walker.headings.first?.level == 1
        links = walker.links
        rawHTML = walker.rawHTML
        emphasisProblems = walker.emphasisProblems
    }

    /// The document without the sections whose heading `hides`: each from its heading
    /// to the next heading of the same or a higher level (its subsections go with it).
    /// The lines cut become empty, so every line left keeps its number.
    public func removingSections(where hides: (MarkdownHeading) -> Bool) -> MarkdownDocument {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for (index, heading) in headings.enumerated() where hides(heading) {
            let start = heading.position.line - lineOffset - 1
            let next = headings[(index + 1)...].first { $0.level <= heading.level }
            let end = next.map { $0.position.line - lineOffset - 1 } ?? lines.count
            guard start >= 0, start < end, end <= lines.count else { continue }
            // A link reference definition (`[label]: url`) is no text of the section: a
            // link elsewhere may use it.
            for line in start..<end where !Self.isLinkReferenceDefinition(lines[line]) { lines[line] = "" }
            changed = true
        }
        guard changed else { return self }
        return MarkdownDocument(lines.joined(separator: "\n"), lineOffset: lineOffset, options: options)
    }

    /// `[label]: destination` on one line, indented at most three spaces; not a
    /// footnote's `[^label]:`, which is text.
    static func isLinkReferenceDefinition(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        guard line.count - trimmed.count <= 3, trimmed.first == "[", trimmed.dropFirst().first != "^",
            let close = trimmed.firstIndex(of: "]"), trimmed[trimmed.index(after: close)...].first == ":"
        else { return false }
        return !trimmed[trimmed.index(close, offsetBy: 2)...].allSatisfy(\.isWhitespace)
    }

    /// Parses `source`, walks the tree, hands both to `body`, then frees them. Soft
    /// breaks between Chinese or Japanese characters are gone from the tree before
    /// anything reads it (see `SegmentBreak`).
    private static func withTree<T>(
        _ source: String, lineOffset: Int, options: MarkdownOptions, checkingEmphasis: Bool = false,
        _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?, TreeWalker) -> T
    ) -> T {
        CmarkRuntime.setUp()
        let parser = cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG)!
        defer { cmark_parser_free(parser) }
        for name in CmarkRuntime.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let bytes = Array(source.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { cmark_parser_feed(parser, $0, buffer.count) }
        }
        // cmark_parser_finish edits a process-wide table of special characters: one at a time.
        CmarkRuntime.finishLock.lock()
        let document = cmark_parser_finish(parser)!
        CmarkRuntime.finishLock.unlock()
        defer { cmark_node_free(document) }

        SegmentBreak.removeBetweenWideCharacters(in: document)
        var walker = TreeWalker(lines: TextLines(utf8: bytes), lineOffset: lineOffset, allowRawHTML: options.allowRawHTML)
        walker.checksEmphasis = checkingEmphasis
        walker.walk(document)
        return body(document, cmark_parser_get_syntax_extensions(parser), walker)
    }

    /// Renders the document as HTML. Nothing is kept: a page's search text is read from
    /// the page's own rendering (see `renderWithSections`).
    ///
    /// `destinations` holds one entry per element of `links`: the URL to write, or nil
    /// to drop the link and keep only its text. `titles` may give the text of a
    /// reference written without `|text`. Headings get their `id`, and with
    /// `labels.headingLink` a `#` link to themselves carrying that accessible name;
    /// footnotes get the page's words from `labels` too. Unsafe URLs (`javascript:`,
    /// `vbscript:`, `data:` and the like) never reach the HTML, whatever `destinations` says.
    ///
    /// `ids` names the fragment's ids on its page (see `FragmentIDs`): headings,
    /// footnotes and the places that cite them. A link to a heading of the document is
    /// rewritten by the caller (`FragmentIDs.id(forAnchor:in:)`).
    public func render(
        destinations: [String?], titles: [String?]? = nil, labels: AccessibleLabels = AccessibleLabels(),
        ids: FragmentIDs = .page,
        omittingTitle: Bool = false
    ) -> String {
        render(
            destinations: destinations, titles: titles, labels: labels, ids: ids, omittingTitle: omittingTitle,
            readingSections: false
        ).html
    }

    /// Renders the document as `render(destinations:titles:labels:)` does and reads its
    /// text, split at headings, from the same parse: what the search index keeps of it,
    /// without parsing the HTML again.
    public func renderWithSections(
        destinations: [String?], titles: [String?]? = nil, labels: AccessibleLabels = AccessibleLabels(),
        ids: FragmentIDs = .page,
        omittingTitle: Bool = false
    ) -> RenderedMarkdown {
        render(
            destinations: destinations, titles: titles, labels: labels, ids: ids, omittingTitle: omittingTitle,
            readingSections: true)
    }

    /// `omittingTitle` leaves out the opening `# Title` (see `opensWithTitle`), for a
    /// page whose own `<h1>` shows it; its id then belongs to that `<h1>`.
    private func render(
        destinations: [String?], titles: [String?]?, labels: AccessibleLabels, ids: FragmentIDs, omittingTitle: Bool,
        readingSections: Bool
    ) -> RenderedMarkdown {
        let headingIDs = ids.headingIDs(of: self)
        var sections: [(anchor: String, heading: String, text: String)]?
        var backReferences: Int?
        let html = Self.withTree(source, lineOffset: lineOffset, options: options) { root, extensions, walker in
            applyLinks(walker, destinations: destinations, titles: titles)
            let skipped = omittingTitle && opensWithTitle ? 1 : 0
            if skipped == 1, let title = walker.headingNodes.first {
                cmark_node_unlink(title)
                cmark_node_free(title)
            }
            if readingSections {
                // Read before the headings below become HTML blocks.
                var reader = SectionReader(
                    headings: zip(walker.headingNodes, headingIDs).dropFirst(skipped).map { (node: $0, anchor: $1) },
                    labels: labels)
                sections = reader.read(root)
                backReferences = reader.footnoteBackReferences
            }
            for ((node, heading), id) in zip(zip(walker.headingNodes, headings), headingIDs).dropFirst(skipped) {
                let inner = Self.renderNode(node, extensions)
                let tag = "<h\(heading.level)"
                let anchor = HTMLText.escapeAttribute(id)
                var html = inner.hasPrefix(tag) ? tag + " id=\"\(anchor)\"" + inner.dropFirst(tag.count) : inner
                let close = "</h\(heading.level)>"
                if let label = labels.headingLink, let end = html.range(of: close, options: .backwards) {
                    let link =
                        " <a class=\"heading-anchor\" href=\"#\(anchor)\" aria-label=\"\(HTMLText.escapeAttribute(label)): "
                        + "\(HTMLText.escapeAttribute(heading.text))\">#</a>"
                    html.replaceSubrange(end.lowerBound..<end.lowerBound, with: link)
                }
                let block = cmark_node_new(CMARK_NODE_HTML_BLOCK)!
                cmark_node_set_literal(block, html)
                cmark_node_insert_before(node, block)
                cmark_node_free(node)
            }
            return Self.renderNode(root, extensions)
        }
        // cmark-gfm also counts the references made from footnotes it then drops (never
        // cited, or defined twice) when it numbers a footnote's ways back; the tree no
        // longer shows those.
        if let backReferences, Self.occurrences(of: #"class="footnote-backref""#, in: html) != backReferences {
            sections = nil
        }
        return RenderedMarkdown(html: Self.labelFootnotes(Self.numberFootnotes(html, ids), labels), sections: sections)
    }

    /// How many times `needle` occurs in `text`, not overlapping, counting up to `limit`.
    /// A plain loop over UTF-8 bytes: the generic `firstRange(of:)` on a `UTF8View`,
    /// run over every rendered document, cost a sixth of a build of the S benchmark site.
    static func occurrences(of needle: String, in text: String, limit: Int = .max) -> Int {
        var text = text
        var needle = needle
        return text.withUTF8 { text in
            needle.withUTF8 { needle in
                guard let first = needle.first, needle.count <= text.count else { return 0 }
                var count = 0
                var index = 0
                while index <= text.count - needle.count && count < limit {
                    if text[index] == first && memcmp(text.baseAddress! + index, needle.baseAddress!, needle.count) == 0 {
                        count += 1
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
                return count
            }
        }
    }

    /// cmark-gfm's footnote ids (`fn-label`, `fnref-label`, `fnref-label-2`), given the
    /// fragment's ids by number: note N, as shown and listed, is `ids.footnote(N)`; its
    /// K-th citation, in cmark-gfm's count, `ids.footnoteReference(N, citation: K)`, and
    /// so is the K-th way back from the note. K is read from cmark-gfm's id, which is
    /// `fnref-` and the label of the href, then `-K` when K > 1. A document without
    /// footnotes is returned as it is.
    static func numberFootnotes(_ html: String, _ ids: FragmentIDs) -> String {
        guard occurrences(of: " data-footnote", in: html, limit: 1) > 0 else { return html }
        var note = 0
        var citation = 0
        return html.replacing(Self.footnoteMarkup) { match -> String in
            if let number = match.output.number, let label = match.output.label, let id = match.output.reference {
                let suffix = id.dropFirst(label.count)
                let k = suffix.isEmpty ? 1 : Int(suffix.dropFirst()) ?? 1
                let n = Int(number) ?? 0
                return
                    "<sup class=\"footnote-ref\"><a href=\"#\(ids.footnote(n))\" id=\"\(ids.footnoteReference(n, citation: k))\" data-footnote-ref>\(number)</a>"
            }
            if match.output.definition != nil {
                note += 1
                citation = 0
                return "<li id=\"\(ids.footnote(note))\">"
            }
            citation += 1
            return "<a href=\"#\(ids.footnoteReference(note, citation: citation))\" class=\"footnote-backref\""
        }
    }

    /// What cmark-gfm writes for a footnote's citation, its list item and its ways back.
    nonisolated(unsafe) private static let footnoteMarkup =
        #/<sup class="footnote-ref"><a href="#fn-(?<label>[^"]*)" id="fnref-(?<reference>[^"]*)" data-footnote-ref>(?<number>[0-9]+)</a>|(?<definition><li id="fn-[^"]*">)|<a href="#fnref-[^"]*" class="footnote-backref"/#

    /// cmark-gfm names a footnote's way back in English ("Back to content") and gives the
    /// footnotes' section no heading for a screen reader to announce; with `labels`,
    /// both are in the page's language. A document without footnotes is returned as it is.
    static func labelFootnotes(_ html: String, _ labels: AccessibleLabels) -> String {
        let section = "<section class=\"footnotes\" data-footnotes>"
        guard labels.footnoteBack != nil || labels.footnotes != nil, occurrences(of: section, in: html, limit: 1) > 0 else {
            return html
        }
        var html = html
        if let back = labels.footnoteBack {
            html = html.replacing(#"aria-label="Back to content""#, with: "aria-label=\"\(HTMLText.escapeAttribute(back))\"")
        }
        if let heading = labels.footnotes {
            html = html.replacing(
                section, with: section + "\n<h2 class=\"visually-hidden\">\(HTMLText.escapeAttribute(heading))</h2>")
        }
        return html
    }

    /// Gives each `[[…]]` written without `|text` its title and each link its
    /// destination, or unwraps it to its text when the destination is nil or unsafe.
    /// With `writingURLs`, a kept link is unwrapped too and its URL follows its text
    /// (see `renderPlainText`).
    private func applyLinks(_ walker: TreeWalker, destinations: [String?], titles: [String?]?, writingURLs: Bool = false) {
        precondition(destinations.count == links.count, "one destination per link")
        for (index, link) in links.enumerated() where link.kind == .reference && link.label == nil {
            if let title = titles?[index], let text = cmark_node_first_child(walker.linkNodes[index]) {
                cmark_node_set_literal(text, title)
            }
        }
        for (node, destination) in zip(walker.linkNodes, destinations) {
            guard let destination, URLSafety.isSafe(destination) else {
                Self.unwrap(node)
                continue
            }
            if writingURLs {
                Self.writeURL(destination, after: node)
                Self.unwrap(node)
            } else {
                cmark_node_set_url(node, destination)
            }
        }
    }

    /// Renders the document back to GitHub Flavored Markdown with cmark-gfm's CommonMark
    /// writer (`cmark_render_commonmark`, no line wrapping): the text as written, with
    /// `destinations` and `titles` applied as `render(destinations:titles:)` applies
    /// them, so a note can leave the site with links that work where it is pasted.
    ///
    /// The writer is cmark-gfm's, not ours: tables, strikethrough and task lists come
    /// out in GFM syntax (the extensions write their own nodes), footnotes as `[^label]`
    /// as written, with their definitions at the end in citation order,
    /// fenced code keeps its info string. It writes the CommonMark that reads back to the
    /// same tree, so its forms are cmark-gfm's: `-` lists indented by two spaces, `\`
    /// before punctuation that would otherwise format, and an `<!-- end list -->`
    /// comment between a list and a following list or code block that would otherwise
    /// join it. Reference definitions are resolved into the links. Raw HTML, when
    /// allowed, is kept as written.
    package func renderCommonMark(destinations: [String?], titles: [String?]? = nil) -> String {
        Self.withTree(source, lineOffset: lineOffset, options: options) { root, _, walker in
            applyLinks(walker, destinations: destinations, titles: titles)
            return Self.withoutEndListComments(Self.renderText(root, cmark_render_commonmark))
        }
    }

    /// cmark-gfm's CommonMark writer ends a list that a list or a code block follows with
    /// a line `<!-- end list -->`, which a chat program that renders Markdown without HTML
    /// shows as it is. Before a fence (```` ``` ```` or `~~~`) nothing is needed: a fence
    /// at the list's own margin ends it. Before a list or an indented code block the line
    /// becomes one no-break space (U+00A0): not a blank line in CommonMark (§4.9 counts
    /// only spaces and tabs), so a paragraph that ends the list as the comment did, and
    /// shows nothing. Works inside block quotes too (the line's `>` prefix is kept).
    static func withoutEndListComments(_ markdown: String) -> String {
        let comment = "<!-- end list -->"
        guard markdown.contains(comment) else { return markdown }
        var lines = markdown.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard line.hasSuffix(comment) else {
                index += 1
                continue
            }
            let prefix = String(line.dropLast(comment.count))
            guard prefix.allSatisfy({ $0 == " " || $0 == ">" }) else {
                index += 1
                continue
            }
            // The next line with more than the prefix.
            var next = index + 1
            while next < lines.count
                && lines[next].trimmingCharacters(in: .whitespaces).count <= prefix.filter({ $0 == ">" }).count
            {
                next += 1
            }
            let following = next < lines.count ? lines[next].dropFirst(min(prefix.count, lines[next].count)) : ""
            let fence =
                following.drop(while: { $0 == " " }).hasPrefix("```") || following.drop(while: { $0 == " " }).hasPrefix("~~~")
            if fence {
                // Drop the comment and the blank line cmark-gfm wrote after it.
                let blank =
                    index + 1 < lines.count
                    && lines[index + 1].trimmingCharacters(in: .whitespaces) == prefix.trimmingCharacters(in: .whitespaces)
                lines.removeSubrange(index..<(blank ? index + 2 : index + 1))
            } else {
                lines[index] = prefix + "\u{00A0}"
                index += 1
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Renders the document as plain text with cmark-gfm's plain-text writer
    /// (`cmark_render_plaintext`, no line wrapping), for a message where nothing is
    /// formatted: headings, paragraphs and code as their text, lists as `- ` and `1. `
    /// lines (indented by two spaces and nested by four, as cmark-gfm writes them),
    /// emphasis, quotes and code fences dropped, raw HTML left out.
    ///
    /// `destinations` and `titles` apply as in `render(destinations:titles:)`; a link
    /// or image kept is written as its text followed by a space and its URL (the URL
    /// alone when it is its own text, as an autolink is), and a space after it when
    /// text follows, so a chat program that links URLs ends it there.
    ///
    /// Two nodes are written differently from cmark-gfm's plain-text writer, which
    /// writes them in Markdown syntax: a table, written as GFM pipe rows, becomes one
    /// bullet line per body row, its cells as `header: value` pairs joined by
    /// `cellSeparator` (an empty cell is left out); a footnote's `[^label]` is written `[n]`,
    /// its number as the page shows it (in citation order), and its definition a
    /// paragraph starting with `[n] `.
    package func renderPlainText(destinations: [String?], titles: [String?]? = nil, cellSeparator: String = " · ") -> String {
        Self.withTree(source, lineOffset: lineOffset, options: options) { root, _, walker in
            applyLinks(walker, destinations: destinations, titles: titles, writingURLs: true)
            Self.listTables(in: root, cellSeparator: cellSeparator)
            Self.markStrikethrough(in: root)
            Self.writeFootnotesAsText(in: root)
            return Self.renderText(root, cmark_render_plaintext)
        }
    }

    /// Runs one of cmark-gfm's text writers (CommonMark or plain text) without wrapping
    /// lines, and frees what it returns.
    private static func renderText(
        _ root: OpaquePointer, _ writer: (OpaquePointer?, Int32, Int32) -> UnsafeMutablePointer<CChar>?
    ) -> String {
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        guard let cString = writer(root, options, 0) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Puts `url` as text after a link or image node: after a space, and before one
    /// when text follows on the same line; alone when the link's text is the URL.
    private static func writeURL(_ url: String, after node: OpaquePointer) {
        let shown = textContent(node)
        // An autolink shows its URL already; GFM's extended autolinks add `http://` to a
        // `www.` address and `mailto:` to an e-mail address they link.
        let same = [shown, "mailto:" + shown, "http://" + shown].contains(url)
        var text = same ? "" : " " + url
        if let next = cmark_node_next(node) {
            let type = cmark_node_get_type(next)
            let nextText = type == CMARK_NODE_TEXT ? cmark_node_get_literal(next).map { String(cString: $0) } ?? "" : "x"
            if type != CMARK_NODE_SOFTBREAK && type != CMARK_NODE_LINEBREAK,
                let first = nextText.unicodeScalars.first, !first.properties.isWhitespace
            {
                text += " "
            }
        }
        guard !text.isEmpty else { return }
        let node2 = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(node2, text)
        cmark_node_insert_after(node, node2)
    }

    /// The text of a node's inlines: text and code literals, line breaks as spaces.
    private static func textContent(_ node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iterator) else {
                continue
            }
            switch cmark_node_get_type(n) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// The nodes of `root` whose type cmark-gfm names `name` ("table" for a GFM table).
    private static func nodes(named name: String, in root: OpaquePointer) -> [OpaquePointer] {
        var found: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                String(cString: cmark_node_get_type_string(node)) == name
            {
                found.append(node)
            }
        }
        cmark_iter_free(iterator)
        return found
    }

    /// Replaces each table by a bullet list with one item per body row:
    /// `header: cell` pairs joined by `cellSeparator`, the cells' inlines moved (links
    /// and all), the headers as their text; empty cells are left out.
    /// Struck-out text keeps GFM's `~~` around it in plain text: a weekly report strikes
    /// out a plan that no longer holds, and without a mark it would read as current.
    /// (cmark-gfm's plain-text writer writes a single `~` on each side.)
    private static func markStrikethrough(in root: OpaquePointer) {
        for node in nodes(named: "strikethrough", in: root) {
            for (literal, before) in [("~~", true), ("~~", false)] {
                let mark = cmark_node_new(CMARK_NODE_TEXT)!
                cmark_node_set_literal(mark, literal)
                if before { cmark_node_insert_before(node, mark) } else { cmark_node_insert_after(node, mark) }
            }
            unwrap(node)
        }
    }

    private static func listTables(in root: OpaquePointer, cellSeparator: String) {
        func text(_ literal: String) -> OpaquePointer {
            let node = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(node, literal)
            return node
        }
        for table in nodes(named: "table", in: root) {
            var rows: [[OpaquePointer]] = []
            var row = cmark_node_first_child(table)
            while let current = row {
                var cells: [OpaquePointer] = []
                var cell = cmark_node_first_child(current)
                while let c = cell {
                    cells.append(c)
                    cell = cmark_node_next(c)
                }
                rows.append(cells)
                row = cmark_node_next(current)
            }
            guard let header = rows.first else { continue }
            let headers = header.map { trim(Substring(textContent($0))) }
            let list = cmark_node_new(CMARK_NODE_LIST)!
            cmark_node_set_list_type(list, CMARK_BULLET_LIST)
            cmark_node_set_list_tight(list, 1)
            for cells in rows.dropFirst() {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                var first = true
                for (index, cell) in cells.enumerated() where cmark_node_first_child(cell) != nil {
                    if !first { cmark_node_append_child(paragraph, text(cellSeparator)) }
                    first = false
                    if index < headers.count, !headers[index].isEmpty {
                        cmark_node_append_child(paragraph, text(headers[index] + ": "))
                    }
                    while let child = cmark_node_first_child(cell) { cmark_node_append_child(paragraph, child) }
                }
                guard !first else {
                    cmark_node_free(paragraph)
                    continue
                }
                let item = cmark_node_new(CMARK_NODE_ITEM)!
                cmark_node_append_child(item, paragraph)
                cmark_node_append_child(list, item)
            }
            if cmark_node_first_child(list) != nil {
                cmark_node_insert_before(table, list)
            } else {
                cmark_node_free(list)
            }
            cmark_node_free(table)
        }
    }

    /// Writes each footnote citation as the text `[n]` and each definition as its
    /// blocks, the first paragraph starting with `[n] `: cmark-gfm's plain-text writer
    /// would write them in Markdown syntax (`[^n]`, `[^label]:`). n is the number
    /// cmark-gfm gives the note (a citation's literal once the parser has finished), and
    /// the definitions stand in that order at the end of the document.
    private static func writeFootnotesAsText(in root: OpaquePointer) {
        var references: [OpaquePointer] = []
        var definitions: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else {
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_FOOTNOTE_REFERENCE: references.append(node)
            case CMARK_NODE_FOOTNOTE_DEFINITION: definitions.append(node)
            default: break
            }
        }
        cmark_iter_free(iterator)
        for reference in references {
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, "[\(cmark_node_get_literal(reference).map { String(cString: $0) } ?? "")]")
            cmark_node_replace(reference, text)
            cmark_node_free(reference)
        }
        for (number, definition) in definitions.enumerated() {
            let mark = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(mark, "[\(number + 1)] ")
            if let first = cmark_node_first_child(definition), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH {
                cmark_node_prepend_child(first, mark)
            } else {
                let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
                cmark_node_append_child(paragraph, mark)
                cmark_node_prepend_child(definition, paragraph)
            }
            unwrap(definition)
        }
    }

    /// Renders with the destinations as written (for a document without links to check).
    public func renderAsWritten() -> String {
        render(destinations: links.map { $0.kind == .reference ? nil : $0.destination })
    }

    private static func renderNode(_ node: OpaquePointer, _ extensions: UnsafeMutablePointer<cmark_llist>?) -> String {
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        guard let cString = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }

    /// Replaces a link node by its children.
    private static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_insert_before(node, child)
        }
        cmark_node_free(node)
    }
}

/// Process-wide cmark-gfm state, set up once.
enum CmarkRuntime {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let finishLock = NSLock()
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    static func setUp() { _ = registered }
}
