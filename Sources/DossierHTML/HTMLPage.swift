@preconcurrency import CLibXML2
import DossierUtilities

/// What Dossier needs to know of an HTML page: its links, its anchors and its text.
///
/// This is the only type that calls libxml2. It reads pages and never rewrites them:
/// libxml2 would re-serialise them in HTML 4 style.
public struct HTMLPage: Sendable {
    /// A URL-bearing attribute of an element (`href`, `src`).
    public struct Reference: Sendable, Hashable {
        public var element: String
        public var attribute: String
        public var value: String
        /// The 1-based line of the element in the page.
        public var line: Int
    }

    public var references: [Reference]
    /// Every `id` (and `name` of `a`) on the page.
    public var anchors: Set<String>
    /// The text split at headings with an `id` (h2–h6): the text before the first such
    /// heading has an empty anchor and heading.
    public var sections: [(anchor: String, heading: String, text: String)] = []
    /// The visible text, blocks separated by newlines, without scripts and styles.
    public var text: String { sections.map(\.text).filter { !$0.isEmpty }.joined(separator: "\n") }
    private let collectingText: Bool
    /// The text of the current section, tidied as it is read.
    private var sectionText = TidyText()

    /// Reads `html`, a whole page or a fragment; `collectingText` is off when only the
    /// links and anchors are wanted (collecting the text is most of the work).
    public init(html: String, collectingText: Bool = true) {
        self.collectingText = collectingText
        references = []
        anchors = []
        if !collectingText {
            (references, anchors) = Self.links(html)
            return
        }
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return }
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return }
        defer { xmlFreeDoc(document) }
        if let root = xmlDocGetRootElement(document) { visit(root) }
        if collectingText { closeSection() }
    }

    /// What the link check needs, read as a stream: no document tree is built, so a
    /// page of tens of megabytes (the issue list of a large project) costs no more
    /// memory than its links. As in the tree walk below, nothing inside a skipped
    /// element (script, svg…) is taken, but the element's own `src` or `href` is.
    private static func links(_ html: String) -> ([Reference], Set<String>) {
        let collector = LinkCollector()
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
            let collector = Unmanaged<LinkCollector>.fromOpaque(parser.pointee._private).takeUnretainedValue()
            // Names are compared as bytes, and made Strings only for the few attributes
            // taken; a name with non-ASCII bytes takes the String path, as Unicode
            // lower-casing may differ from ASCII's.
            let asciiName = HTMLPage.isASCII(name)
            var element: String?
            func elementName() -> String {
                if let element { return element }
                let made = HTMLPage.lowercased(name)
                element = made
                return made
            }
            if collector.skipped == 0, let attributes {
                var index = 0
                while let key = attributes[index] {
                    let attribute: String
                    if HTMLPage.isName(key, "href") {
                        attribute = "href"
                    } else if HTMLPage.isName(key, "src") {
                        attribute = "src"
                    } else if HTMLPage.isName(key, "id") {
                        attribute = "id"
                    } else if HTMLPage.isName(key, "name") {
                        attribute = "name"
                    } else if HTMLPage.isASCII(key) {
                        index += 2
                        continue
                    } else {
                        attribute = String(cString: key).lowercased()
                    }
                    switch attribute {
                    case "href", "src":
                        let value = attributes[index + 1].map { String(cString: $0) } ?? ""
                        let line = Int(parser.pointee.input?.pointee.line ?? 0)
                        collector.references.append(
                            HTMLPage.Reference(element: elementName(), attribute: attribute, value: value, line: line))
                    case "id":
                        collector.anchors.insert(attributes[index + 1].map { String(cString: $0) } ?? "")
                    case "name" where asciiName ? HTMLPage.isName(name, "a") : elementName() == "a":
                        collector.anchors.insert(attributes[index + 1].map { String(cString: $0) } ?? "")
                    default: break
                    }
                    index += 2
                }
            }
            if collector.skipped > 0 {
                collector.skipped += 1
            } else if asciiName
                ? skippedNames.contains(where: { HTMLPage.isName(name, $0) }) : HTMLPage.skippedElements.contains(elementName())
            {
                collector.skipped += 1
            }
        }
        handler.endElement = { context, _ in
            guard let context else { return }
            let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
            let collector = Unmanaged<LinkCollector>.fromOpaque(parser.pointee._private).takeUnretainedValue()
            if collector.skipped > 0 { collector.skipped -= 1 }
        }
        var html = html
        guard !html.isEmpty, let parser = htmlCreatePushParserCtxt(&handler, nil, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else {
            return ([], [])
        }
        defer { htmlFreeParserCtxt(parser) }
        _ = htmlCtxtUseOptions(
            parser,
            Int32(
                HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                    | HTML_PARSE_NONET.rawValue))
        parser.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
        withExtendedLifetime(collector) {
            html.withUTF8 { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    _ = htmlParseChunk(parser, $0, Int32(buffer.count), 1)
                }
            }
        }
        return (collector.references, collector.anchors)
    }

    /// Whether the NUL-terminated `name` holds only ASCII bytes.
    private static func isASCII(_ name: UnsafePointer<xmlChar>) -> Bool {
        var index = 0
        while name[index] != 0 {
            if name[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// Whether the NUL-terminated ASCII `name` is `lower`, a lower-case ASCII name, in
    /// any case.
    private static func isName(_ name: UnsafePointer<xmlChar>, _ lower: StaticString) -> Bool {
        lower.withUTF8Buffer { expected in
            for index in expected.indices {
                let byte = name[index]
                guard byte == expected[index] || (byte >= 0x41 && byte <= 0x5A && byte + 0x20 == expected[index]) else {
                    return false
                }
            }
            return name[expected.count] == 0
        }
    }

    /// `String(cString: name).lowercased()`, without the lower-casing when there is no
    /// upper-case ASCII or non-ASCII byte to lower.
    private static func lowercased(_ name: UnsafePointer<xmlChar>) -> String {
        var index = 0
        while name[index] != 0 {
            if name[index] >= 0x80 || (name[index] >= 0x41 && name[index] <= 0x5A) { return String(cString: name).lowercased() }
            index += 1
        }
        return String(cString: name)
    }

    private static let blockElements: Set<String> = [
        "p", "div", "section", "article", "li", "tr", "br", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote",
        "table", "ul", "ol", "dd", "dt", "figure", "figcaption", "header", "footer", "main", "nav", "td", "th",
    ]
    private static let skippedElements: Set<String> = ["script", "style", "template", "noscript", "svg"]

    private mutating func visit(_ node: UnsafeMutablePointer<xmlNode>) {
        var current: UnsafeMutablePointer<xmlNode>? = node
        while let n = current {
            switch n.pointee.type {
            case XML_ELEMENT_NODE:
                let name = String(cString: n.pointee.name).lowercased()
                for attribute in ["href", "src"] {
                    if let value = Self.attribute(n, attribute) {
                        references.append(
                            Reference(element: name, attribute: attribute, value: value, line: Int(xmlGetLineNo(n))))
                    }
                }
                if let id = Self.attribute(n, "id") { anchors.insert(id) }
                if name == "a", let anchorName = Self.attribute(n, "name") { anchors.insert(anchorName) }
                if collectingText, ["h2", "h3", "h4", "h5", "h6"].contains(name), let id = Self.attribute(n, "id") {
                    closeSection()
                    currentAnchor = id
                    let title = TidyText.tidy(Self.content(n))
                    currentHeading = title.hasSuffix(" #") ? String(title.dropLast(2)) : title  // without its anchor link
                }
                // Heading anchors ("#") are navigation, not text.
                let isHeadingAnchor = name == "a" && Self.attribute(n, "class") == "heading-anchor"
                if !Self.skippedElements.contains(name) && !(collectingText && isHeadingAnchor) {
                    let block = collectingText && Self.blockElements.contains(name)
                    if block { sectionText.appendLineBreak() }
                    if let child = n.pointee.children { visit(child) }
                    if block { sectionText.appendLineBreak() }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if collectingText, let content = n.pointee.content { sectionText.append(String(cString: content)) }
            default:
                break
            }
            current = n.pointee.next
        }
    }

    private var currentAnchor = ""
    private var currentHeading = ""

    /// Ends the section that started at the last heading (or the top) with the text so far.
    private mutating func closeSection() {
        let body = sectionText.string
        if !body.isEmpty || !currentHeading.isEmpty { sections.append((currentAnchor, currentHeading, body)) }
        sectionText = TidyText()
    }

    private static func attribute(_ node: UnsafeMutablePointer<xmlNode>, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    private static func content(_ node: UnsafeMutablePointer<xmlNode>) -> String {
        guard let value = xmlNodeGetContent(node) else { return "" }
        defer { xmlFree(value) }
        return String(cString: value)
    }
}

/// The links and anchors of a page as the stream parser meets them.
private final class LinkCollector {
    var references: [HTMLPage.Reference] = []
    var anchors: Set<String> = []
    /// How deep inside skipped elements the parser is.
    var skipped = 0
}

/// `HTMLPage.skippedElements`, for comparing with libxml2's names as bytes.
private let skippedNames: [StaticString] = ["script", "style", "template", "noscript", "svg"]
