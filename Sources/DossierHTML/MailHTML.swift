@preconcurrency import CLibXML2
import DossierUtilities

/// Rendered Markdown made fit for a mail: what mail clients keep of HTML is the
/// elements and their inline `style` attributes; they drop `<style>` and classes
/// unevenly, and links inside the document or relative to a site lead nowhere.
package enum MailHTML {
    /// The HTML fragment `html` (a note's body as `MarkdownDocument.render` writes it) as
    /// mail HTML:
    ///
    /// - every element of `MailHTML.styles` gets that table's `style` (the font stack and
    ///   colours of templates/weekly-email.mustache), a `style` written in the fragment
    ///   coming after it; a table cell's `align` becomes `text-align`;
    /// - `class`, `id`, `data-*` and a `<pre>`'s `lang` (the code's language, which is no
    ///   language tag) are removed: the look depends on none of them;
    /// - a heading's `#` link (`a.heading-anchor`) and a footnote's way back
    ///   (`a.footnote-backref`, `↩`) are dropped; so are `<style>`, `<script>`, `<link>`,
    ///   `<meta>`, `<template>` and comments;
    /// - a link is kept only when it is absolute with the scheme http, https, mailto or
    ///   tel; any other (`#fn:1`, `../issues/FK-101.html`) is replaced by its text, so a
    ///   footnote's number stays as superscript text;
    /// - an image is kept only when its `src` is an absolute http or https URL; any other
    ///   becomes its alt text; on any other element (raw HTML's `<area href>`, `<video
    ///   poster>`…) a URL attribute that would not work from a mail is removed, and
    ///   `srcset` always (the `src` is the image);
    /// - the fragment's first element gets `margin-top:0` (the mail's cell around it has
    ///   its padding);
    /// - the footnotes' `<section>` becomes a `<div>` (some clients drop unknown
    ///   elements' styles), its heading stays visible as a small label;
    /// - a task list's checkbox becomes `☑` or `☐` (cmark-gfm writes a space after it):
    ///   clients drop form controls.
    ///
    /// The result is serialised as HTML5 (void elements without an end tag, text escaped
    /// for `&`, `<`, `>` and `"` as cmark-gfm does, attributes for `&`, `"`), not libxml2's
    /// HTML 4 writer. Pure: the same fragment gives the same bytes.
    package static func inline(_ html: String) -> String {
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NONET.rawValue)
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return "" }
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        var writer = Writer()
        // The parser puts a fragment under <html><body> (and text before any element in
        // an implied <p>); the fragment is what <body> holds.
        if let root = xmlDocGetRootElement(document), let body = child(of: root, named: "body") {
            if let first = body.pointee.children { writer.write(first, context: []) }
        }
        return writer.output
    }

    /// The font stack of templates/weekly-email.mustache.
    package static let font =
        "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',Arial,sans-serif;"
    /// Lets a word, URL or identifier longer than its box break anywhere, rather than widen
    /// the mail past its 600 px: `overflow-wrap:anywhere` (CSS Text 3). The older
    /// `word-break:break-word` is deprecated and refused by the Nu validator.
    static let breaking = "overflow-wrap:anywhere;"

    /// Monospace for code, with CJK fallbacks.
    static let mono = "font-family:Consolas,Menlo,'DejaVu Sans Mono','Courier New','Noto Sans Mono CJK SC',monospace;"

    /// The one table of styles: by element name, or by `container element` for an element
    /// inside a container (the nearest container that has an entry wins), `footnotes`
    /// naming the footnotes' section (inside it, its entries win over any other). Colours are the mail template's: text `#1f2328`,
    /// muted `#57606a`, lines `#d0d7de`, tint `#f6f8fa`, links `#0969da`. `thead`,
    /// `tbody` and `tr` have none: cells carry borders and padding, which is what
    /// clients honour.
    package static let styles: [String: String] = [
        "h1": font + "margin:16px 0 8px 0;font-size:20px;line-height:1.3;font-weight:bold;color:#1f2328;",
        "h2": font + "margin:16px 0 8px 0;font-size:16px;line-height:1.3;font-weight:bold;color:#1f2328;",
        "h3": font + "margin:14px 0 6px 0;font-size:15px;line-height:1.3;font-weight:bold;color:#1f2328;",
        "h4": font + "margin:12px 0 6px 0;font-size:14px;line-height:1.3;font-weight:bold;color:#1f2328;",
        "h5": font + "margin:12px 0 4px 0;font-size:13px;line-height:1.3;font-weight:bold;color:#1f2328;",
        "h6": font + "margin:12px 0 4px 0;font-size:13px;line-height:1.3;font-weight:bold;color:#57606a;",
        "p": font + "margin:0 0 12px 0;font-size:14px;line-height:1.5;color:#1f2328;" + breaking,
        "ul": font + "margin:0 0 12px 0;padding:0 0 0 24px;font-size:14px;line-height:1.5;color:#1f2328;",
        "ol": font + "margin:0 0 12px 0;padding:0 0 0 24px;font-size:14px;line-height:1.5;color:#1f2328;",
        "li": font + "margin:0 0 4px 0;font-size:14px;line-height:1.5;color:#1f2328;" + breaking,
        "li ul": font + "margin:4px 0 0 0;padding:0 0 0 24px;font-size:14px;line-height:1.5;color:#1f2328;",
        "li ol": font + "margin:4px 0 0 0;padding:0 0 0 24px;font-size:14px;line-height:1.5;color:#1f2328;",
        "li p": font + "margin:0 0 4px 0;font-size:14px;line-height:1.5;color:#1f2328;" + breaking,
        "table": "border-collapse:collapse;border:1px solid #d0d7de;margin:0 0 12px 0;",
        "th": font
            + "font-size:13px;line-height:1.4;font-weight:bold;color:#1f2328;background-color:#f6f8fa;"
            + "border:1px solid #d0d7de;padding:6px 10px;text-align:left;vertical-align:top;" + breaking,
        "td": font
            + "font-size:13px;line-height:1.4;color:#1f2328;border:1px solid #d0d7de;padding:6px 10px;text-align:left;"
            + "vertical-align:top;" + breaking,
        "pre": mono
            + "margin:0 0 12px 0;padding:10px 12px;background-color:#f6f8fa;border:1px solid #d0d7de;font-size:13px;"
            + "line-height:1.45;color:#1f2328;white-space:pre-wrap;" + breaking,
        "pre code": mono + "font-size:13px;color:#1f2328;background-color:transparent;padding:0;",
        "code": mono + "font-size:13px;color:#1f2328;background-color:#eff1f3;padding:1px 4px;border-radius:4px;" + breaking,
        "blockquote": font + "margin:0 0 12px 0;padding:0 0 0 12px;border-left:4px solid #d0d7de;color:#57606a;",
        "blockquote p": font + "margin:0 0 8px 0;font-size:14px;line-height:1.5;color:#57606a;" + breaking,
        "img": "max-width:100%;height:auto;border:0;",
        "a": "color:#0969da;text-decoration:underline;" + breaking,
        "hr": "border:0;border-top:1px solid #d0d7de;height:0;margin:16px 0;",
        "sup": "font-size:11px;line-height:0;vertical-align:super;",
        "del": "color:#57606a;text-decoration:line-through;",
        "strong": "font-weight:bold;",
        "em": "font-style:italic;",
        "footnotes": font + "margin:16px 0 0 0;padding:8px 0 0 0;border-top:1px solid #d0d7de;color:#57606a;",
        "footnotes h2": font + "margin:0 0 4px 0;font-size:13px;line-height:1.4;font-weight:bold;color:#57606a;",
        "footnotes ol": font + "margin:0;padding:0 0 0 24px;font-size:13px;line-height:1.5;color:#57606a;",
        "footnotes li": font + "margin:0 0 4px 0;font-size:13px;line-height:1.5;color:#57606a;",
        "footnotes p": font + "margin:0;font-size:13px;line-height:1.5;color:#57606a;",
    ]

    /// Elements left out with everything inside them.
    static let dropped: Set<String> = ["script", "style", "link", "meta", "template", "noscript", "base"]
    /// Elements without an end tag (HTML5).
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]
    /// Link schemes that work from a mail.
    package static let linkSchemes: Set<String> = ["http", "https", "mailto", "tel"]
    /// Attributes holding a URL, on any element (raw HTML may bring `<area href>`,
    /// `<video poster>`, `<form action>`…): one whose URL would not work from a mail is
    /// removed.
    static let urlAttributes: Set<String> = [
        "href", "xlink:href", "src", "action", "formaction", "poster", "cite", "background", "data", "longdesc", "usemap",
        "manifest",
    ]

    /// Writes the mail HTML of a chain of sibling nodes.
    struct Writer {
        var output = ""
        /// Whether no element of the fragment has been written yet.
        var atStart = true

        /// `context` holds the style-table names of the enclosing elements, outermost first.
        mutating func write(_ first: UnsafeMutablePointer<xmlNode>, context: [String]) {
            var current: UnsafeMutablePointer<xmlNode>? = first
            while let node = current {
                switch node.pointee.type {
                case XML_ELEMENT_NODE: element(node, context: context)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { output += HTMLText.escapeText(String(cString: content)) }
                default: break  // comments, processing instructions
                }
                current = node.pointee.next
            }
        }

        mutating func children(_ node: UnsafeMutablePointer<xmlNode>, context: [String]) {
            if let first = node.pointee.children { write(first, context: context) }
        }

        mutating func element(_ node: UnsafeMutablePointer<xmlNode>, context: [String]) {
            var name = String(cString: node.pointee.name).lowercased()
            guard !MailHTML.dropped.contains(name) else { return }
            let attributes = MailHTML.attributes(of: node)
            func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
            let classes = Set((value("class") ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }))
            var role = name
            switch name {
            case "a":
                if classes.contains("heading-anchor") || classes.contains("footnote-backref") {
                    if output.hasSuffix(" ") { output.removeLast() }  // the space written before it
                    return
                }
                guard let href = value("href"), MailHTML.linkSchemes.contains(MailHTML.scheme(of: href) ?? "") else {
                    children(node, context: context)
                    return
                }
            case "img":
                guard let src = value("src"), ["http", "https"].contains(MailHTML.scheme(of: src) ?? "") else {
                    output += HTMLText.escapeText(value("alt") ?? "")
                    return
                }
            case "input":
                if value("type")?.lowercased() == "checkbox" { output += value("checked") != nil ? "☑" : "☐" }
                return
            case "section" where classes.contains("footnotes") || value("data-footnotes") != nil:
                name = "div"
                role = "footnotes"
            default:
                break
            }
            // Inside the footnotes their own entries come first, then the nearest container's.
            let containers = (context.contains("footnotes") ? ["footnotes"] : []) + context.reversed()
            var style = containers.lazy.compactMap { MailHTML.styles["\($0) \(role)"] }.first ?? MailHTML.styles[role] ?? ""
            if name == "th" || name == "td", let align = value("align")?.lowercased(),
                ["left", "right", "center"].contains(align)
            {
                style = style.replacing("text-align:left;", with: "text-align:\(align);")
            }
            // The box around the fragment has its own padding: its first element adds no margin above.
            if atStart, context.isEmpty, !style.isEmpty { style += "margin-top:0;" }
            atStart = false
            if let own = value("style"), !own.isEmpty { style += own.hasSuffix(";") ? own : own + ";" }
            output += "<" + name
            for attribute in attributes {
                let key = attribute.name
                if ["class", "id", "style", "align", "srcset"].contains(key) || key.hasPrefix("data-")
                    || (name == "pre" && key == "lang")
                    || (MailHTML.urlAttributes.contains(key)
                        && !MailHTML.linkSchemes.contains(MailHTML.scheme(of: attribute.value) ?? ""))
                {
                    continue
                }
                output += " " + key + "=\"" + HTMLText.escapeText(attribute.value) + "\""
            }
            if !style.isEmpty { output += " style=\"" + HTMLText.escapeText(style) + "\"" }
            output += ">"
            guard !MailHTML.void.contains(name) else { return }
            children(node, context: context + [role])
            output += "</" + name + ">"
        }
    }

    /// The lower-cased scheme of an absolute URL (`https` of `HTTPS://x`); nil for a
    /// relative reference or a fragment.
    package static func scheme(of url: String) -> String? {
        let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic,
            scheme.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
            })
        else { return nil }
        return scheme.lowercased()
    }

    /// The attributes of an element in document order, names lower-cased; a value-less
    /// attribute (`disabled`) has the value "".
    static func attributes(of node: UnsafeMutablePointer<xmlNode>) -> [(name: String, value: String)] {
        var found: [(name: String, value: String)] = []
        var current = node.pointee.properties
        while let attribute = current {
            let name = String(cString: attribute.pointee.name).lowercased()
            var value = ""
            if let text = xmlNodeListGetString(node.pointee.doc, attribute.pointee.children, 1) {
                value = String(cString: text)
                xmlFree(text)
            }
            found.append((name, value))
            current = attribute.pointee.next
        }
        return found
    }

    static func child(of node: UnsafeMutablePointer<xmlNode>, named name: String) -> UnsafeMutablePointer<xmlNode>? {
        var current = node.pointee.children
        while let child = current {
            if child.pointee.type == XML_ELEMENT_NODE, String(cString: child.pointee.name).lowercased() == name { return child }
            current = child.pointee.next
        }
        return nil
    }
}
