import DossierMarkdown
import Mustache

/// Renders `CompiledTemplate.Node`s into UTF-8 bytes with swift-mustache's semantics
/// (its Template+Render.swift, Context.swift and Sequence.swift): the same lookup up the
/// context stack, the same sections, the same text for every value.
///
/// The values page contexts are made of (String, Int, Bool, Double, `[String: Any]`,
/// `[String: String]`, arrays of them, a few other dictionaries, `Markup`) are recognised
/// by their exact type, one comparison of type metadata each, before any dynamic cast; any
/// other value goes the way swift-mustache takes it, cast by cast.
struct TemplateRenderer {
    typealias Node = CompiledTemplate.Node

    /// A value only swift-mustache renders: a lambda, a template as a value.
    struct Unsupported: Error {}

    /// A context on the stack; a dictionary, the usual one, is kept as one so that looking
    /// names up in it needs no cast.
    private enum Frame {
        case dictionary([String: Any])
        case value(Any)

        init(_ value: Any) {
            self = type(of: value) == [String: Any].self ? .dictionary(value as! [String: Any]) : .value(value)
        }

        var value: Any {
            switch self {
            case .dictionary(let dictionary): dictionary
            case .value(let value): value
            }
        }
    }

    /// The contexts, innermost last.
    private var stack: [Frame]
    private(set) var output: [UInt8] = []

    init(context: Any, capacity: Int) {
        stack = [Frame(context)]
        stack.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Node]) throws(Unsupported) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                if let value = try resolve(name) { try write(value, escaped: escaped) }
            case .section(let name, let body):
                try renderSection(try resolve(name), body)
            case .invertedSection(let name, let body):
                try renderInvertedSection(try resolve(name), body)
            }
        }
    }

    // MARK: Sections

    private mutating func renderBody(_ body: [Node], with context: Frame) throws(Unsupported) {
        stack.append(context)
        try render(body)
        stack.removeLast()
    }

    private mutating func renderBody(_ body: [Node], with context: Any) throws(Unsupported) {
        stack.append(Frame(context))
        try render(body)
        stack.removeLast()
    }

    /// swift-mustache's `renderSection`: a sequence repeats the body for each element, a Bool
    /// shows it or not, a null custom value hides it, any other value is the body's context.
    private mutating func renderSection(_ value: Any?, _ body: [Node]) throws(Unsupported) {
        guard let value else { return }
        let type = type(of: value)
        if type == [[String: Any]].self {
            for element in value as! [[String: Any]] { try renderBody(body, with: .dictionary(element)) }
        } else if type == [[String: String]].self {
            for element in value as! [[String: String]] { try renderBody(body, with: element) }
        } else if type == [Any].self {
            for element in value as! [Any] { try renderBody(body, with: element) }
        } else if type == [String].self {
            for element in value as! [String] { try renderBody(body, with: element) }
        } else if type == Bool.self {
            if value as! Bool { try render(body) }
        } else if Self.isPlainValue(type) {
            try renderBody(body, with: value)
        } else if value is MustacheLambda {
            throw Unsupported()
        } else if let sequence = value as? any MustacheSequence {
            for element in Self.elements(of: sequence) { try renderBody(body, with: element) }
        } else if let bool = value as? Bool {
            if bool { try render(body) }
        } else if let custom = value as? MustacheCustomRenderable, custom.isNull {
            return
        } else {
            try renderBody(body, with: value)
        }
    }

    /// swift-mustache's `renderInvertedSection`: the body shows for nothing, false, a null
    /// custom value and an empty sequence (which is then the body's context).
    private mutating func renderInvertedSection(_ value: Any?, _ body: [Node]) throws(Unsupported) {
        guard let value else { return try render(body) }
        let type = type(of: value)
        if type == [[String: Any]].self {
            if (value as! [[String: Any]]).isEmpty { try renderBody(body, with: value) }
        } else if type == [[String: String]].self {
            if (value as! [[String: String]]).isEmpty { try renderBody(body, with: value) }
        } else if type == [Any].self {
            if (value as! [Any]).isEmpty { try renderBody(body, with: value) }
        } else if type == [String].self {
            if (value as! [String]).isEmpty { try renderBody(body, with: value) }
        } else if type == Bool.self {
            if !(value as! Bool) { try render(body) }
        } else if Self.isPlainValue(type) {
            return
        } else if let sequence = value as? any MustacheSequence {
            let elements = Self.elements(of: sequence)
            if elements.isEmpty { try renderBody(body, with: Self.opened(sequence)) }
        } else if let bool = value as? Bool {
            if !bool { try render(body) }
        } else if let custom = value as? MustacheCustomRenderable, custom.isNull {
            try render(body)
        }
    }

    /// Values that are neither sequences, Bools, lambdas nor null: a section over one
    /// makes it the context ("" and 0 included), an inverted section hides.
    private static func isPlainValue(_ type: Any.Type) -> Bool {
        type == [String: Any].self || type == String.self || type == Int.self || type == Double.self
            || type == [String: String].self || type == Markup.self
    }

    private static func elements<S: MustacheSequence>(of sequence: S) -> [Any] { sequence.map { $0 } }
    private static func opened<S: MustacheSequence>(_ sequence: S) -> Any { sequence }

    // MARK: Names

    /// swift-mustache's `getChild` without transforms: the first part of the name is looked
    /// for up the stack, innermost first; the rest only inside what it found (a missing
    /// later part gives nothing, it does not look further up).
    private func resolve(_ name: CompiledTemplate.Name) throws(Unsupported) -> Any? {
        var child: Any?
        if name.parts.isEmpty {
            child = stack[stack.count - 1].value
        } else if !name.climbs {
            child = try descend(name.parts[...], from: stack[stack.count - 1].value)
        } else {
            let first = name.parts[0]
            var index = stack.count - 1
            while index >= 0 {
                let found: Any? =
                    switch stack[index] {
                    case .dictionary(let dictionary): dictionary[first]
                    case .value(let value): Self.child(first, of: value)
                    }
                if let found {
                    child = try descend(name.parts[1...], from: found)
                    break
                }
                index -= 1
            }
        }
        if let value = child, !Self.isKnown(type(of: value)), let custom = value as? MustacheCustomRepresentation {
            return custom.representation
        }
        return child
    }

    private func descend(_ parts: ArraySlice<String>, from object: Any) throws(Unsupported) -> Any? {
        var object = object
        for part in parts {
            if !Self.isKnown(type(of: object)), object is MustacheLambda { throw Unsupported() }
            guard let child = Self.child(part, of: object) else { return nil }
            object = child
        }
        return object
    }

    /// The types of page contexts, none of them a lambda or a custom representation.
    private static func isKnown(_ type: Any.Type) -> Bool {
        type == [String: Any].self || type == String.self || type == [[String: Any]].self || type == Bool.self
            || type == Int.self || type == [Any].self || type == [String].self || type == Double.self
            || type == [String: String].self || type == Markup.self || type == [[String: String]].self
            || type == [String: [[String: Any]]].self || type == [String: Bool].self || type == [String: Int].self
    }

    /// The labels of a `Markup`'s Mirror: a name among them is its child, as swift-mustache
    /// finds it; any other name is not, and is looked for further up without a Mirror.
    private static let markupLabels = Set(
        Mirror(
            reflecting: Markup(
                document: MarkdownDocument(""), destinations: [], titles: [], labels: AccessibleLabels(), ids: .page)
        )
        .children.compactMap(\.label))

    /// swift-mustache's `_getImmediateChild`: a String-keyed dictionary's value, else the
    /// child of that label in the value's Mirror (none for strings, numbers and arrays).
    private static func child(_ name: String, of object: Any) -> Any? {
        let type = type(of: object)
        if type == [String: Any].self { return (object as! [String: Any])[name] }
        if type == [String: String].self { return (object as! [String: String])[name] }
        if type == String.self || type == [[String: Any]].self || type == Int.self || type == Bool.self
            || type == [Any].self || type == [String].self || type == Double.self || type == [[String: String]].self
        {
            return nil
        }
        if type == [String: [[String: Any]]].self { return (object as! [String: [[String: Any]]])[name] }
        if type == [String: Bool].self { return (object as! [String: Bool])[name] }
        if type == [String: Int].self { return (object as! [String: Int])[name] }
        if type == Markup.self, !markupLabels.contains(name) { return nil }
        let represented: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        if let parent = represented as? MustacheParent {
            return parent.child(named: name)
        } else if let represented {
            guard let matched = Mirror(reflecting: represented).children.first(where: { $0.label == name }) else { return nil }
            let mirror = Mirror(reflecting: matched.value)
            guard mirror.displayStyle == .optional else { return matched.value }
            return mirror.children.first?.value
        }
        return nil
    }

    // MARK: Text

    /// A variable's text: a String as it is, numbers and Bools as `String(describing:)`,
    /// a custom value's `renderText`; HTML-escaped unless `{{{…}}}`.
    private mutating func write(_ value: Any, escaped: Bool) throws(Unsupported) {
        let type = type(of: value)
        if type == String.self {
            let text = value as! String
            if escaped { writeEscaped(text) } else { output.append(contentsOf: text.utf8) }
        } else if type == Int.self {
            output.append(contentsOf: String(value as! Int).utf8)
        } else if type == Bool.self {
            output.append(contentsOf: (value as! Bool ? "true" : "false").utf8)
        } else if type == Double.self {
            // Digits, a point, `e`, `-`, `inf` or `nan`: nothing to escape.
            output.append(contentsOf: String(describing: value as! Double).utf8)
        } else if type == Markup.self {
            let text = (value as! Markup).renderText
            if escaped { writeEscaped(text) } else { output.append(contentsOf: text.utf8) }
        } else {
            let text: String
            if escaped, value is MustacheTemplate {
                throw Unsupported()
            } else if let custom = value as? MustacheCustomRenderable {
                text = custom.renderText
            } else if value is MustacheLambda {
                throw Unsupported()
            } else if let optional = value as? OptionalValue {
                text = String(describing: optional.wrappedAny ?? value)
            } else {
                text = String(describing: value)
            }
            if escaped { writeEscaped(text) } else { output.append(contentsOf: text.utf8) }
        }
    }

    /// swift-mustache's `htmlEscape` on UTF-8 bytes: < > & " ' become &lt; &gt; &amp; &quot; &#39;.
    ///
    /// Every one of the five is escaped, also one joined into a grapheme cluster with a
    /// neighbour (`"` before a combining mark or U+FE0F): swift-mustache escapes whole
    /// Characters and leaves such a quote as it is, which lets a record's text close an
    /// attribute and add its own (`onmouseover=`). Here, and only here, the output
    /// differs from swift-mustache's.
    private mutating func writeEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            for (i, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                run = i + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }
}

/// An Optional seen through `Any`, unwrapped for its text as swift-mustache's
/// `unwrapIfAnyContainsOptional` does.
private protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    fileprivate var wrappedAny: Any? { self }
}
