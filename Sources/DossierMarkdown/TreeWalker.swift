import CCmarkGFM
import DossierUtilities

/// One pass over a freshly parsed tree: finds headings and links, turns `[[…]]` text
/// into link nodes, and turns raw HTML into text when it is not allowed.
struct TreeWalker {
    /// The source as cmark read it, to turn cmark's byte columns into scalar columns.
    let lines: TextLines
    /// Added to every line (a body that follows front matter).
    let lineOffset: Int
    let allowRawHTML: Bool
    /// Whether to look for emphasis the flanking rule left as text (see `EmphasisCheck`).
    var checksEmphasis = false

    var headings: [MarkdownHeading] = []
    var headingNodes: [OpaquePointer] = []
    var links: [MarkdownLink] = []
    var linkNodes: [OpaquePointer] = []
    /// Places (line, byte column) already given to a link or reference found by its text
    /// in a paragraph a table interrupts, so that a second one written alike takes the
    /// next place.
    private var claimed: Set<[Int]> = []
    var rawHTML: [MarkdownRawHTML] = []
    var emphasisProblems: [MarkdownEmphasisProblem] = []
    private var slugger = HeadingSlugger()

    init(lines: TextLines, lineOffset: Int, allowRawHTML: Bool) {
        self.lines = lines
        self.lineOffset = lineOffset
        self.allowRawHTML = allowRawHTML
    }

    mutating func walk(_ document: OpaquePointer) {
        // Before `[[…]]` is split out of text nodes: the new nodes have no source position.
        if checksEmphasis { emphasisProblems = EmphasisCheck(lines: lines, lineOffset: lineOffset).problems(in: document) }
        // Collect first: the tree is edited below, which an open iterator does not allow.
        var nodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                nodes.append(node)
            }
        }
        cmark_iter_free(iterator)

        var insideLink: Set<OpaquePointer> = []
        for node in nodes {
            let type = cmark_node_get_type(node)
            if let parent = cmark_node_parent(node), insideLink.contains(parent) || isLink(parent) {
                insideLink.insert(node)
            }
            switch type {
            case CMARK_NODE_HEADING:
                let (text, anchorText) = plainText(node)
                headings.append(
                    MarkdownHeading(
                        level: Int(cmark_node_get_heading_level(node)), text: text,
                        anchor: slugger.slug(for: anchorText), position: position(of: node)))
                headingNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                let place = linkPosition(node, url: url)
                links.append(MarkdownLink(kind: type == CMARK_NODE_IMAGE ? .image : .link, destination: url, position: place))
                linkNodes.append(node)
            case CMARK_NODE_TEXT where !insideLink.contains(node):
                splitReferences(node)
            case CMARK_NODE_HTML_INLINE where !allowRawHTML:
                replace(node, with: CMARK_NODE_TEXT)
            case CMARK_NODE_HTML_BLOCK where !allowRawHTML:
                replace(node, with: CMARK_NODE_CODE_BLOCK)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                rawHTML.append(raw(node))
            default:
                break
            }
        }
    }

    /// A raw HTML node with the source lines it spans.
    private func raw(_ node: OpaquePointer) -> MarkdownRawHTML {
        let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let start = position(of: node)
        let first = max(1, Int(cmark_node_get_start_line(node)))
        // An inline node's end line is not always set; a block's is.
        let last = max(first, Int(cmark_node_get_end_line(node)), first + text.utf8.reduce(0) { $1 == 10 ? $0 + 1 : $0 } - 1)
        let lineTexts = (first...last).map { String(decoding: lines.utf8(line: $0), as: UTF8.self) }
        return MarkdownRawHTML(text: text, start: start, sourceLines: lineTexts)
    }

    private func isLink(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE
    }

    /// The node's position, or its nearest located ancestor's (extensions may leave 0:0).
    private func position(of node: OpaquePointer) -> MarkdownPosition {
        if let paragraph = InterruptedParagraph.lines(holding: node) {
            return position(line: paragraph.first, byteColumn: paragraph.column)
        }
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return position(line: line, byteColumn: Int(cmark_node_get_start_column(n))) }
            current = cmark_node_parent(n)
        }
        return MarkdownPosition(line: 1 + lineOffset, column: 1)
    }

    /// The position of cmark's 1-based line and byte column, in the file's terms.
    private func position(line: Int, byteColumn: Int) -> MarkdownPosition {
        MarkdownPosition(line: max(1, line) + lineOffset, column: lines.column(line: line, utf8Column: byteColumn))
    }

    /// Where a link starts. cmark gives `<…>` autolinks inside list items and block
    /// quotes a column relative to the block's text, so when the source does not show
    /// a link opening there, the `<url>` is looked up on the line.
    private mutating func linkPosition(_ node: OpaquePointer, url: String) -> MarkdownPosition {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        if let paragraph = InterruptedParagraph.lines(holding: node) {
            // No place of its own (0:0, or a line counted from the paragraph's 0): the
            // first `](url` or `<url` of the paragraph's lines, from the `[` that opens
            // its text.
            for candidate in paragraph.first...paragraph.last {
                if let found = unclaimed(Array("](\(url)".utf8), line: candidate) {
                    return position(line: candidate, byteColumn: opening(before: found, line: candidate) ?? found)
                }
                if let found = unclaimed(Array("<\(url)".utf8), line: candidate) {
                    return position(line: candidate, byteColumn: found)
                }
            }
            return position(of: node)
        }
        guard line > 0 else { return position(of: node) }
        let text = lines.utf8(line: line)
        let at = text.index(text.startIndex, offsetBy: max(0, column - 1), limitedBy: text.endIndex) ?? text.endIndex
        if at < text.endIndex, [UInt8(ascii: "["), UInt8(ascii: "<"), UInt8(ascii: "!")].contains(text[at]) {
            return position(line: line, byteColumn: column)
        }
        if let found = lines.find(Array("<\(url)".utf8), line: line, from: 1) {
            return position(line: line, byteColumn: found)
        }
        return position(line: line, byteColumn: column)
    }

    /// The first byte column of `needle` on `line` not yet given to another link, which
    /// it is now given; nil when there is none.
    private mutating func unclaimed(_ needle: [UInt8], line: Int) -> Int? {
        var from = 1
        while let found = lines.find(needle, line: line, from: from) {
            if claimed.insert([line, found]).inserted { return found }
            from = found + 1
        }
        return nil
    }

    /// The byte column of the `[` (or `![`) that the `]` at byte column `close` of
    /// `line` closes, brackets in between balanced; nil when the line holds none.
    private func opening(before close: Int, line: Int) -> Int? {
        let text = Array(lines.utf8(line: line))
        var depth = 0
        var index = close - 2
        while index >= 0 {
            switch text[index] {
            case UInt8(ascii: "]"): depth += 1
            case UInt8(ascii: "["):
                if depth == 0 { return index > 0 && text[index - 1] == UInt8(ascii: "!") ? index : index + 1 }
                depth -= 1
            default: break
            }
            index -= 1
        }
        return nil
    }

    /// The text a reader sees in a heading, trimmed, line breaks as spaces; and the text
    /// GitHub makes its anchor from: the heading's text content in the HTML, so a line
    /// break is a newline (which the anchor drops), an image's alt text is not part of
    /// it, and spaces written as `&#x20;` at either end stay.
    private func plainText(_ node: OpaquePointer) -> (text: String, anchorText: String) {
        var text = ""
        var anchorText = ""
        var images = 0
        let iterator = cmark_iter_new(node)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let n = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(n)
            if type == CMARK_NODE_IMAGE {
                images += cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER ? 1 : -1
                continue
            }
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER else { continue }
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                let literal = cmark_node_get_literal(n).map { String(cString: $0) } ?? ""
                text += literal
                if images == 0 { anchorText += literal }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
                anchorText += "\n"
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        return (trim(Substring(text)), anchorText)
    }

    /// Puts a new node of `type` with the same text where `node` was.
    private func replace(_ node: OpaquePointer, with type: cmark_node_type) {
        var literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        if type == CMARK_NODE_CODE_BLOCK, literal.hasSuffix("\n") { literal.removeLast() }
        let replacement = cmark_node_new(type)!
        if type == CMARK_NODE_CODE_BLOCK { literal += "\n" }
        cmark_node_set_literal(replacement, literal)
        cmark_node_replace(node, replacement)
        cmark_node_free(node)
    }

    /// Turns every `[[target]]` / `[[target|text]]` in a text node into a link node.
    private mutating func splitReferences(_ node: OpaquePointer) {
        guard let literalPointer = cmark_node_get_literal(node) else { return }
        let literal = String(cString: literalPointer)
        let found = WikiReference.scan(literal)
        guard !found.isEmpty else { return }

        let nodeLine = Int(cmark_node_get_start_line(node))
        let paragraph = InterruptedParagraph.lines(holding: node)
        // Where to look for the next reference's text in the source line.
        var searchFrom = Int(cmark_node_get_start_column(node))
        var cursor = literal.startIndex
        for reference in found {
            insertText(String(literal[cursor..<reference.range.lowerBound]), before: node)
            let link = cmark_node_new(CMARK_NODE_LINK)!
            cmark_node_set_url(link, reference.target)
            let label = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(label, reference.text)
            cmark_node_append_child(link, label)
            cmark_node_insert_before(node, link)

            let written = Array(literal[reference.range].utf8)
            var place = position(of: node)
            if let paragraph {
                // In a paragraph a table interrupts (no place of its own): its lines searched.
                for line in paragraph.first...paragraph.last {
                    guard let column = unclaimed(written, line: line) else { continue }
                    place = position(line: line, byteColumn: column)
                    break
                }
            } else if nodeLine > 0, let byteColumn = lines.find(written, line: nodeLine, from: searchFrom) {
                place = position(line: nodeLine, byteColumn: byteColumn)
                searchFrom = byteColumn + written.count
            }
            links.append(
                MarkdownLink(kind: .reference, destination: reference.target, position: place, label: reference.label))
            linkNodes.append(link)
            cursor = reference.range.upperBound
        }
        insertText(String(literal[cursor...]), before: node)
        cmark_node_free(node)
    }

    private func insertText(_ text: String, before node: OpaquePointer) {
        guard !text.isEmpty else { return }
        let textNode = cmark_node_new(CMARK_NODE_TEXT)!
        cmark_node_set_literal(textNode, text)
        cmark_node_insert_before(node, textNode)
    }
}

/// A `[[target]]` or `[[target|text]]` found in text.
struct WikiReference: Equatable {
    var range: Range<String.Index>
    var target: String
    /// The text after `|`, if written.
    var label: String?

    /// What the link shows: the label, else the target.
    var text: String { label ?? target }

    /// Every reference in `text`, left to right. A reference stays on one line and holds
    /// no brackets; `[[ ]]` with nothing inside is not one. Works on UTF-8 bytes: it
    /// runs over every text node of every record.
    static func scan(_ text: String) -> [WikiReference] {
        let bytes = text.utf8
        let open = UInt8(ascii: "[")
        let close = UInt8(ascii: "]")
        let newline = UInt8(ascii: "\n")
        guard bytes.contains(open) else { return [] }
        var found: [WikiReference] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let next = bytes.index(after: index)
            guard bytes[index] == open, next < bytes.endIndex, bytes[next] == open else {
                index = next
                continue
            }
            // Inside: up to the first "]]", with no bracket or line break before it.
            let innerStart = bytes.index(after: next)
            var cursor = innerStart
            var end: String.Index?
            while cursor < bytes.endIndex {
                let byte = bytes[cursor]
                if byte == close {
                    let after = bytes.index(after: cursor)
                    if after < bytes.endIndex, bytes[after] == close { end = cursor }
                    break
                }
                if byte == open || byte == newline { break }
                cursor = bytes.index(after: cursor)
            }
            guard let innerEnd = end else {
                index = next
                continue
            }
            let inner = text[innerStart..<innerEnd]
            let parts = inner.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            let target = trim(parts[0])
            let upper = bytes.index(innerEnd, offsetBy: 2)
            if !target.isEmpty {
                let label = parts.count > 1 ? trim(parts[1]) : ""
                found.append(WikiReference(range: index..<upper, target: target, label: label.isEmpty ? nil : label))
            }
            index = upper
        }
        return found
    }
}

/// Trims white space at both ends.
func trim(_ text: Substring) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }), let last = text.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(text[first...last])
}
