/// A theme template compiled once into a tree of nodes and rendered straight into UTF-8
/// bytes: the same bytes swift-mustache writes for the template, in a fraction of the time.
///
/// Only plain Mustache is compiled: text, variables (`{{x}}`, `{{{x}}}`, `{{& x}}`, dotted
/// names, `{{.}}`), sections, inverted sections and comments. A template with anything else
/// (partials, set-delimiter tags, transforms, inheritance, pragmas) is not compiled, and
/// a context holding a value only swift-mustache knows how to render (a lambda, a template)
/// makes `render` return nil: the theme renders those with swift-mustache.
struct CompiledTemplate: Sendable {
    /// A piece of a template, as swift-mustache's parser leaves it after its standalone-line rules.
    enum Node: Sendable {
        /// Text written as it is; adjacent text is one node.
        case text([UInt8])
        /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
        case variable(Name, escaped: Bool)
        case section(Name, [Node])
        case invertedSection(Name, [Node])
    }

    /// A variable's name split at its dots.
    struct Name: Sendable, Equatable {
        /// The parts between the dots; none for `{{.}}`, the current context.
        let parts: [String]
        /// Whether the first part is looked for up the context stack (a name not starting
        /// with a dot) or only in the current context (`.a.b`).
        let climbs: Bool

        init(_ name: String) {
            parts = name.split(separator: ".").map(String.init)
            climbs = name.first != "."
        }
    }

    let nodes: [Node]
    /// Bytes reserved for a page's output before it is rendered.
    private let capacity: Int

    /// Compiles `text`; nil when it uses what only swift-mustache renders, or does not parse.
    init?(_ text: String) {
        guard let nodes = TemplateCompiler.compile(text) else { return nil }
        self.nodes = nodes
        capacity = max(4096, text.utf8.count * 2)
    }

    /// The template rendered with `context`; nil when the context holds a value that only
    /// swift-mustache renders.
    func render(_ context: Any) -> String? {
        var renderer = TemplateRenderer(context: context, capacity: capacity)
        do {
            try renderer.render(nodes)
        } catch {
            return nil
        }
        return String(decoding: renderer.output, as: UTF8.self)
    }
}
