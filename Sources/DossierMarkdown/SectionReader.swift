import CCmarkGFM
import DossierUtilities

/// The text of a document split at its headings, read from cmark-gfm's tree: what the
/// search index keeps of a page, equal to what `HTMLPage(html:).sections` (DossierHTML)
/// reads back from the document's HTML.
///
/// Each heading h2–h6 opens a section named by its anchor. A section's text is that of
/// its text, code and footnote-reference nodes, a line for each block (paragraph, list
/// item, table cell…), soft and hard line breaks ending a line, tidied by `TidyText`.
/// An image's alt text and a heading's `#` link are left out, as the HTML reader leaves
/// out an attribute and navigation. Three rules come from what the HTML holds:
/// - the footnotes open with their heading (`labels.footnotes`) and each ends with its
///   ways back, `↩ ↩2…`, as cmark-gfm writes them (`S_put_footnote_backref` in html.c);
/// - white space alone between an element without text (an image, a footnote reference,
///   a hard break's `<br />`) and the next markup is dropped, as libxml2's HTML parser
///   drops it (`areBlanks` in HTMLparser.c, with `HTML_PARSE_NOBLANKS`):
///   `a![i](p.png) *b*` reads `ab`;
/// - characters XML 1.0 forbids are dropped, as libxml2 drops them.
///
/// A document with raw HTML, or nested deeper than libxml2 goes, gives nil: only its
/// HTML can tell then.
struct SectionReader {
    typealias Section = (anchor: String, heading: String, text: String)

    /// The anchor of each heading node.
    private let anchors: [OpaquePointer: String]
    /// `render` puts a `#` link at the end of each heading.
    private let headingLinks: Bool
    /// The visually hidden heading `render` puts at the top of the footnotes.
    private let footnotesHeading: String?

    private var sections: [Section] = []
    private var anchor = ""
    private var heading = ""
    private var text = TidyText()
    /// The text of the h2–h6 being read.
    private var headingText: TidyText?

    /// The text since the last markup: one text node of the HTML.
    private var run = ""
    /// Whether `run` follows an element without text (image, footnote reference, `<br />`).
    private var runFollowsEmptyElement = false
    private var longestRun = 0

    /// How many footnotes were read, and for how many of them the ways back.
    private var footnoteIndex = 0
    private var writtenFootnoteIndex = 0
    /// References to each footnote, by its number.
    private var footnoteReferences: [String: Int] = [:]

    /// The footnote references read, when the document has footnotes: the HTML should
    /// hold one way back for each.
    private(set) var footnoteBackReferences: Int?

    init(headings: [(node: OpaquePointer, anchor: String)], labels: AccessibleLabels) {
        var anchors: [OpaquePointer: String] = [:]
        for heading in headings { anchors[heading.node] = heading.anchor }
        self.anchors = anchors
        headingLinks = labels.headingLink != nil
        footnotesHeading = labels.footnotes
    }

    /// The sections of the document at `root`, or nil when only its HTML can tell them.
    mutating func read(_ root: OpaquePointer) -> [Section]? {
        // cmark-gfm puts the footnotes last.
        if let last = cmark_node_last_child(root), cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION {
            countFootnoteReferences(root)
        }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var depth = 0
        var image: OpaquePointer?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            if entering && !Self.isLeaf(type) {
                depth += 1
            } else if !entering {
                depth -= 1
            }
            if let inside = image {
                // An image's children are its alt text, an attribute in the HTML.
                if node == inside && !entering { image = nil }
                continue
            }
            switch type {
            case CMARK_NODE_TEXT:
                write(literal(node))
            case CMARK_NODE_SOFTBREAK:
                write("\n")
            case CMARK_NODE_LINEBREAK:
                // `<br />` and a newline.
                endLine(beforeEmptyElement: true)
                write("\n")
            case CMARK_NODE_CODE:
                markup()
                write(literal(node))
                markup()
            case CMARK_NODE_IMAGE:
                markup(beforeEmptyElement: true)
                image = node
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                guard entering else { break }
                markup()
                write(literal(node))
                markup(beforeEmptyElement: true)
            case CMARK_NODE_HEADING:
                readHeading(node, entering: entering)
            case CMARK_NODE_CODE_BLOCK:
                endLine()
                write(literal(node))
                endLine()
            case CMARK_NODE_PARAGRAPH:
                // cmark-gfm puts the ways back at the end of a footnote's last paragraph.
                if !entering, cmark_node_next(node) == nil,
                    let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION
                {
                    write(" ")
                    writeFootnoteBackReferences()
                }
                endLine()
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if entering {
                    if footnoteIndex == 0, let footnotesHeading {
                        endLine()
                        write(footnotesHeading)
                    }
                    footnoteIndex += 1
                } else {
                    endLine()
                    writeFootnoteBackReferences()
                }
                endLine()
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                // Only the HTML shows what they hold.
                return nil
            default:
                // Lists, items, quotes, rules, tables, rows and cells end a line; emphasis,
                // links and strikethrough are markup around text.
                if Self.isBlock(type) {
                    endLine()
                } else {
                    markup()
                }
            }
            // libxml2 stops at 256 levels (without XML_PARSE_HUGE), which the HTML of 200
            // nodes nested does not reach, and keeps at most 10 MB in one text node.
            if depth > 200 || longestRun > 9_000_000 { return nil }
        }
        endLine()
        closeSection()
        return sections
    }

    /// Whether cmark-gfm's iterator enters nodes of `type` without leaving them (`S_is_leaf`
    /// in iterator.c).
    private static func isLeaf(_ type: cmark_node_type) -> Bool {
        switch type {
        case CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_CODE_BLOCK, CMARK_NODE_TEXT, CMARK_NODE_SOFTBREAK,
            CMARK_NODE_LINEBREAK, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
            true
        default: false
        }
    }

    /// Whether `type` is a block, extensions' types included (cmark-gfm's
    /// `CMARK_NODE_TYPE_MASK`: the two high bits of the 16 tell blocks from inlines).
    private static func isBlock(_ type: cmark_node_type) -> Bool {
        type.rawValue & 0xC000 == CMARK_NODE_DOCUMENT.rawValue & 0xC000
    }

    /// h2–h6 open a section; every heading gets `render`'s `#` link, which the section's
    /// text leaves out but `HTMLPage` reads with the heading's text and then takes off.
    private mutating func readHeading(_ node: OpaquePointer, entering: Bool) {
        let opensSection = cmark_node_get_heading_level(node) >= 2 && anchors[node] != nil
        if entering {
            endLine()
            if opensSection {
                closeSection()
                anchor = anchors[node]!
                heading = ""
                headingText = TidyText()
            }
            return
        }
        if headingLinks {
            write(" ")
            markup()
            headingText?.append("#")
        }
        endLine()
        if let title = headingText?.string {
            heading = title.hasSuffix(" #") ? String(title.dropLast(2)) : title
            headingText = nil
        }
    }

    /// cmark-gfm numbers a footnote's ways back by the references to it.
    private mutating func countFootnoteReferences(_ root: OpaquePointer) {
        footnoteBackReferences = 0
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_REFERENCE
            else { continue }
            footnoteReferences[literal(node), default: 0] += 1
            footnoteBackReferences! += 1
        }
    }

    /// The links back from the footnote being read to where it is cited, once for each
    /// footnote: `↩`, then `↩2`, `↩3`… for its further references.
    private mutating func writeFootnoteBackReferences() {
        guard writtenFootnoteIndex < footnoteIndex else { return }
        writtenFootnoteIndex = footnoteIndex
        markup()
        let count = footnoteReferences[String(footnoteIndex)] ?? 0
        write("↩" + (count > 1 ? (2...count).map { " ↩\($0)" }.joined() : ""))
        markup()
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    // MARK: The text as the HTML holds it

    private mutating func write(_ text: String) {
        if Self.allXMLCharacters(text) {
            run += text
        } else {
            run.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(Self.isXMLCharacter))
        }
    }

    /// A tag: the text since the last one is kept, unless it is only white space after an
    /// element without text (libxml2's `areBlanks`, whose blanks are space, tab, CR and LF).
    private mutating func markup(beforeEmptyElement: Bool = false) {
        if !run.isEmpty {
            let blank = run.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if !(blank && runFollowsEmptyElement) {
                text.append(run)
                headingText?.append(run)
            }
            longestRun = max(longestRun, run.utf8.count)
            run = ""
        }
        runFollowsEmptyElement = beforeEmptyElement
    }

    /// The tag of a block, which ends the line.
    private mutating func endLine(beforeEmptyElement: Bool = false) {
        markup(beforeEmptyElement: beforeEmptyElement)
        text.appendLineBreak()
    }

    /// Characters XML 1.0 allows; libxml2 drops the others from text.
    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    /// Whether every character of `text` is one XML allows, read from its UTF-8 bytes:
    /// no control characters but tab and line ends, no U+FFFE or U+FFFF (EF BF BE, EF BF BF).
    private static func allXMLCharacters(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return false }
            if previous == (0xEF, 0xBF) && byte >= 0xBE { return false }
            previous = (previous.1, byte)
        }
        return true
    }

    // MARK: The sections

    private mutating func closeSection() {
        let body = text.string
        if !body.isEmpty || !heading.isEmpty { sections.append((anchor, heading, body)) }
        text = TidyText()
    }
}
