import CCmarkGFM
import DossierDiagnostics

/// The text of a document split at its headings, read from cmark-gfm's tree while it is
/// rendered: the sections `HTMLPage(html:)` (DossierHTML) finds in the HTML that tree
/// becomes, without parsing that HTML again.
///
/// It follows the elements cmark-gfm writes for each node, with those `render` adds
/// (heading ids and `#` links, the footnotes' heading), and reads them as libxml2's HTML
/// parser builds its tree and `HTMLPage` walks it: a block element (p, li, td…) starts and
/// ends a line; a text of only white space between an element that holds no text (img,
/// sup, input…) and the next tag is dropped; characters XML forbids are dropped; h2–h6
/// start a section. A document with raw HTML, or nested deeper than libxml2 goes, gives
/// nil: only the HTML can tell then.
struct SectionReader {
    typealias Section = (anchor: String, heading: String, text: String)

    /// The anchor of each heading node.
    private let anchors: [OpaquePointer: String]
    /// `render` puts a `#` link at the end of each heading.
    private let headingLinks: Bool
    /// The visually hidden heading `render` puts at the top of the footnotes.
    private let footnotesHeading: String?
    /// The extensions whose nodes cmark-gfm writes with their own code.
    private let extensions: (table: OpaquePointer?, strikethrough: OpaquePointer?, tasklist: OpaquePointer?)

    // What cmark-gfm's renderer keeps.
    private var written = false
    private var endsWithNewline = false
    private var footnoteIndex = 0
    private var writtenFootnoteIndex = 0
    /// References to each footnote, by its number.
    private var footnoteReferences: [String: Int] = [:]
    private var tableHasBody = false
    private var inTableHead = false
    private var tableParts: [UInt32: TablePart] = [:]

    // What libxml2 keeps: the open elements, each with its last child, and the text since
    // the last tag (one text node when kept).
    private var open: [OpenElement] = [OpenElement(tag: .body)]
    private var pending = ""
    private var deepest = 0
    private var longestText = 0

    // What `HTMLPage` keeps, its text tidied as it comes.
    private var sections: [Section] = []
    private var sectionText = TidyText()
    private var anchor = ""
    private var heading = ""
    /// The text of the h2–h6 being read.
    private var headingText: TidyText?
    /// How many open elements are skipped (heading `#` links).
    private var skipped = 0

    /// The footnote references read, when the document has footnotes: the HTML should
    /// hold one way back for each.
    private(set) var footnoteBackReferences: Int?

    init(headings: [(node: OpaquePointer, anchor: String)], labels: AccessibleLabels) {
        var anchors: [OpaquePointer: String] = [:]
        for heading in headings { anchors[heading.node] = heading.anchor }
        self.anchors = anchors
        headingLinks = labels.headingLink != nil
        footnotesHeading = labels.footnotes
        extensions = (
            cmark_find_syntax_extension("table"), cmark_find_syntax_extension("strikethrough"),
            cmark_find_syntax_extension("tasklist")
        )
    }

    /// The sections of the document at `root`, or nil when only its HTML can tell them.
    mutating func read(_ root: OpaquePointer) -> [Section]? {
        // cmark-gfm puts the footnotes last.
        if let last = cmark_node_last_child(root), cmark_node_get_type(last) == CMARK_NODE_FOOTNOTE_DEFINITION {
            countFootnoteReferences(root)
        }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        var image: OpaquePointer?
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if let inside = image {
                // An image's children are its alt text, an attribute.
                if node == inside && !entering { image = nil }
                continue
            }
            if let ext = cmark_node_get_syntax_extension(node), readExtension(node, ext, entering: entering) {
                continue
            }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT:
                if !entering && footnoteIndex > 0 {
                    end(.ol)
                    write("\n")
                    end(.section)
                    write("\n")
                }
            case CMARK_NODE_BLOCK_QUOTE:
                cr()
                if entering {
                    start(.blockquote)
                    write("\n")
                } else {
                    end(.blockquote)
                    write("\n")
                }
            case CMARK_NODE_LIST:
                if entering {
                    cr()
                    start(cmark_node_get_list_type(node) == CMARK_BULLET_LIST ? .ul : .ol)
                    write("\n")
                } else {
                    end(cmark_node_get_list_type(node) == CMARK_BULLET_LIST ? .ul : .ol)
                    write("\n")
                }
            case CMARK_NODE_ITEM:
                if entering {
                    cr()
                    start(.li)
                } else {
                    end(.li)
                    write("\n")
                }
            case CMARK_NODE_HEADING:
                let tag = Tag.heading(Int(cmark_node_get_heading_level(node)))
                if entering {
                    cr()
                    start(tag, id: anchors[node])
                } else {
                    if headingLinks {
                        write(" ")
                        start(.a, headingLink: true)
                        write("#")
                        end(.a)
                    }
                    end(tag)
                    write("\n")
                }
            case CMARK_NODE_CODE_BLOCK:
                cr()
                start(.pre)
                start(.code)
                write(literal(node))
                end(.code)
                end(.pre)
                write("\n")
            case CMARK_NODE_THEMATIC_BREAK:
                cr()
                start(.hr)
                write("\n")
            case CMARK_NODE_PARAGRAPH:
                let parent = cmark_node_parent(node)
                if let list = parent.flatMap(cmark_node_parent), cmark_node_get_type(list) == CMARK_NODE_LIST,
                    cmark_node_get_list_tight(list) != 0
                {
                    break
                }
                if entering {
                    cr()
                    start(.p)
                } else {
                    if let parent, cmark_node_get_type(parent) == CMARK_NODE_FOOTNOTE_DEFINITION, cmark_node_next(node) == nil {
                        write(" ")
                        _ = writeFootnoteBackReferences()
                    }
                    end(.p)
                    write("\n")
                }
            case CMARK_NODE_TEXT:
                write(literal(node))
            case CMARK_NODE_LINEBREAK:
                start(.br)
                write("\n")
            case CMARK_NODE_SOFTBREAK:
                write("\n")
            case CMARK_NODE_CODE:
                start(.code)
                write(literal(node))
                end(.code)
            case CMARK_NODE_STRONG:
                entering ? start(.strong) : end(.strong)
            case CMARK_NODE_EMPH:
                entering ? start(.em) : end(.em)
            case CMARK_NODE_LINK:
                entering ? start(.a) : end(.a)
            case CMARK_NODE_IMAGE:
                start(.img)
                image = node
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if entering {
                    if footnoteIndex == 0 {
                        start(.section)
                        if let footnotesHeading {
                            write("\n")
                            start(.h2)
                            write(footnotesHeading)
                            end(.h2)
                        }
                        write("\n")
                        start(.ol)
                        write("\n")
                    }
                    footnoteIndex += 1
                    start(.li)
                    write("\n")
                } else {
                    if writeFootnoteBackReferences() { write("\n") }
                    end(.li)
                    write("\n")
                }
            case CMARK_NODE_FOOTNOTE_REFERENCE:
                if entering {
                    start(.sup)
                    start(.a)
                    write(literal(node))
                    end(.a)
                    end(.sup)
                }
            default:
                // Raw HTML, custom nodes: only the HTML shows what they hold.
                return nil
            }
            // libxml2 stops at 256 levels (without XML_PARSE_HUGE) and keeps at most 10 MB in
            // one text node; leave such documents to it.
            if deepest > 200 || longestText > 9_000_000 { return nil }
        }
        flush(atEnd: true)
        closeSection()
        return sections
    }

    /// The nodes the table, strikethrough and task list extensions write; false for any
    /// other, which cmark-gfm writes as it writes the core nodes.
    private mutating func readExtension(_ node: OpaquePointer, _ ext: OpaquePointer, entering: Bool) -> Bool {
        if ext == extensions.strikethrough {
            entering ? start(.del) : end(.del)
        } else if ext == extensions.tasklist {
            if entering {
                cr()
                start(.li)
                start(.input)
                write(" ")
            } else {
                end(.li)
                write("\n")
            }
        } else if ext == extensions.table {
            switch tablePart(node) {
            case .table:
                if entering {
                    cr()
                    start(.table)
                    tableHasBody = false
                } else {
                    if tableHasBody {
                        cr()
                        end(.tbody)
                        cr()
                    }
                    tableHasBody = false
                    cr()
                    end(.table)
                    cr()
                }
            case .row:
                let header = cmark_gfm_extensions_get_table_row_is_header(node) != 0
                if entering {
                    cr()
                    if header {
                        inTableHead = true
                        start(.thead)
                        cr()
                    } else if !tableHasBody {
                        start(.tbody)
                        cr()
                        tableHasBody = true
                    }
                    start(.tr)
                } else {
                    cr()
                    end(.tr)
                    if header {
                        cr()
                        end(.thead)
                        inTableHead = false
                    }
                }
            case .cell:
                if entering {
                    cr()
                    start(inTableHead ? .th : .td)
                } else {
                    end(inTableHead ? .th : .td)
                }
            }
        } else {
            return false
        }
        return true
    }

    private enum TablePart { case table, row, cell }

    private mutating func tablePart(_ node: OpaquePointer) -> TablePart {
        let type = cmark_node_get_type(node).rawValue
        if let part = tableParts[type] { return part }
        let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
        let part: TablePart = name == "table" ? .table : name == "table_cell" ? .cell : .row
        tableParts[type] = part
        return part
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

    /// The links back from the footnote being written to where it is cited, once per
    /// footnote: `↩`, then `↩2`, `↩3`… for its further references.
    private mutating func writeFootnoteBackReferences() -> Bool {
        guard writtenFootnoteIndex < footnoteIndex else { return false }
        writtenFootnoteIndex = footnoteIndex
        start(.a)
        write("↩")
        end(.a)
        let count = footnoteReferences[String(footnoteIndex)] ?? 0
        if count > 1 {
            for number in 2...count {
                write(" ")
                start(.a)
                write("↩")
                start(.sup)
                write(String(number))
                end(.sup)
                end(.a)
            }
        }
        return true
    }

    private func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    // MARK: The HTML as written

    /// cmark-gfm's `cmark_html_render_cr`: a line break unless at the start of a line.
    private mutating func cr() {
        if written && !endsWithNewline { write("\n") }
    }

    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        written = true
        endsWithNewline = text.utf8.last == UInt8(ascii: "\n")
        characters(text)
    }

    // MARK: The HTML as libxml2 reads it

    /// A start tag; `id` on a heading starts a section (h2–h6).
    private mutating func start(_ tag: Tag, id: String? = nil, headingLink: Bool = false) {
        written = true
        endsWithNewline = false
        flush(atEnd: false)
        while let top = open.last, top.tag.isClosed(by: tag) { pop() }
        open[open.count - 1].lastChild = .element(tag)
        if tag.isVoid {
            if tag.isBlock && skipped == 0 { sectionText.appendLineBreak() }
            return
        }
        if let id, tag.startsSection {
            closeSection()
            anchor = id
            heading = ""
            headingText = TidyText()
        }
        open.append(OpenElement(tag: tag, isSkipped: headingLink))
        deepest = max(deepest, open.count)
        if headingLink { skipped += 1 }
        if tag.isBlock && skipped == 0 { sectionText.appendLineBreak() }
    }

    /// An end tag: closes the innermost element of that name and those inside it, unless
    /// one of them ranks higher (a `td` is not closed by a stray `</a>`); else ignored.
    private mutating func end(_ tag: Tag) {
        written = true
        endsWithNewline = false
        flush(atEnd: false)
        guard let index = open.lastIndex(where: { $0.tag == tag }), index > 0 else { return }
        if open[(index + 1)...].contains(where: { $0.tag.endPriority > tag.endPriority }) { return }
        while open.count > index { pop() }
    }

    private mutating func pop() {
        let element = open.removeLast()
        if element.isSkipped { skipped -= 1 }
        if element.tag.isBlock && skipped == 0 { sectionText.appendLineBreak() }
        if element.tag.startsSection, let text = headingText {
            let title = text.string
            heading = title.hasSuffix(" #") ? String(title.dropLast(2)) : title
            headingText = nil
        }
    }

    private mutating func characters(_ text: String) {
        if Self.allXMLCharacters(text) {
            pending += text
        } else {
            pending.unicodeScalars.append(contentsOf: text.unicodeScalars.filter(Self.isXMLCharacter))
        }
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

    /// The text since the last tag becomes a text node, unless it is only white space that
    /// libxml2 drops (`HTML_PARSE_NOBLANKS`): before the end of the input, or after an
    /// element that holds no text (or first in one).
    private mutating func flush(atEnd: Bool) {
        guard !pending.isEmpty else { return }
        defer { pending = "" }
        let blank = pending.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let parent = open[open.count - 1]
        if blank {
            if atEnd { return }
            switch parent.lastChild {
            case .none: if !parent.tag.holdsText { return }
            case .text: break
            case .element(let tag): if !tag.holdsText { return }
            }
        }
        open[open.count - 1].lastChild = .text
        longestText = max(longestText, pending.utf8.count)
        if skipped == 0 { sectionText.append(pending) }
        if headingText != nil { headingText!.append(pending) }
    }

    // MARK: The sections as HTMLPage makes them

    private mutating func closeSection() {
        let body = sectionText.string
        if !body.isEmpty || !heading.isEmpty { sections.append((anchor, heading, body)) }
        sectionText = TidyText()
    }
}

/// An element libxml2 has open, and what was last put in it.
private struct OpenElement {
    enum Child {
        case none, text
        case element(Tag)
    }
    var tag: Tag
    var lastChild = Child.none
    /// A heading's `#` link: `HTMLPage` leaves its text out of the section.
    var isSkipped = false
}

/// The elements of cmark-gfm's HTML, with what libxml2 2.9 and `HTMLPage` make of each.
private enum Tag: UInt8 {
    case body, p, li, h1, h2, h3, h4, h5, h6, a, em, strong, del, code, pre, blockquote, ul, ol, table, thead, tbody, tr, th,
        td, img, input, br, hr, sup, section

    static func heading(_ level: Int) -> Tag { Tag(rawValue: Tag.h1.rawValue + UInt8(min(max(level, 1), 6) - 1))! }

    /// Starts a section in `HTMLPage` when it has an id.
    var startsSection: Bool { Self.sectionStarts.contains(self) }
    /// Starts and ends a line of text (`HTMLPage.blockElements`).
    var isBlock: Bool { Self.blocks.contains(self) }
    /// May hold text, so white space in it is kept (libxml2's `allowPCData`).
    var holdsText: Bool { Self.textHolders.contains(self) }
    /// Has no end tag.
    var isVoid: Bool { Self.voids.contains(self) }

    /// Which end tags may close this element on the way to theirs (libxml2's `htmlEndPriority`).
    var endPriority: Int {
        switch self {
        case .td, .th: 160
        case .tr: 170
        case .thead, .tbody: 180
        case .table: 190
        case .body: 200
        default: 100
        }
    }

    /// Whether a `tag` start tag closes this element first (libxml2's `htmlStartClose`).
    func isClosed(by tag: Tag) -> Bool { Self.closers[Int(rawValue)].contains(tag) }

    private static let sectionStarts: Tags = [.h2, .h3, .h4, .h5, .h6]
    private static let blocks: Tags = [
        .p, .li, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .blockquote, .ul, .ol, .table, .tr, .th, .td, .br, .section,
    ]
    private static let textHolders: Tags = [
        .body, .p, .li, .h1, .h2, .h3, .h4, .h5, .h6, .a, .em, .strong, .del, .code, .pre, .blockquote, .th, .td,
    ]
    private static let voids: Tags = [.img, .input, .br, .hr]
    private static let closers: [Tags] = (0...Tag.section.rawValue).map { raw in
        let headingClosers: Tags = [.li, .p, .table]
        switch Tag(rawValue: raw)! {
        case .a: return [.a, .table, .td, .th]
        case .h1, .h2, .h3, .h4, .h5, .h6: return headingClosers
        case .li: return [.li]
        case .p: return [.blockquote, .h1, .h2, .h3, .h4, .h5, .h6, .hr, .li, .ol, .p, .pre, .table, .tbody, .td, .th, .tr, .ul]
        case .pre: return [.li, .table, .ul]
        case .tbody, .thead: return [.tbody]
        case .td, .th: return [.tbody, .td, .th, .tr]
        case .tr: return [.tbody, .tr]
        case .ul: return [.pre]
        default: return []
        }
    }
}

/// A set of tags, as bits.
private struct Tags: ExpressibleByArrayLiteral {
    private let bits: UInt64

    init(arrayLiteral tags: Tag...) { bits = tags.reduce(0) { $0 | 1 << UInt64($1.rawValue) } }

    func contains(_ tag: Tag) -> Bool { bits & 1 << UInt64(tag.rawValue) != 0 }
}
