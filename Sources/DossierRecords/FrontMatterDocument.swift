import DossierDiagnostics
import DossierUtilities

/// A Markdown file split into its YAML front matter and its body.
public struct FrontMatterDocument: Sendable {
    /// The front matter, an empty mapping when the file has none.
    public var metadata: YAMLNode
    /// The Markdown after the front matter.
    public var body: String
    /// Lines before the body's first line (the front matter and its fences), to add to
    /// the body's line numbers.
    public var bodyLineOffset: Int

    /// Splits `text`. Front matter is a first line `---`, YAML, and a line `---` (or
    /// `...`); an opening fence that is never closed is an error.
    public static func split(_ text: String, file: String) -> (FrontMatterDocument, [Diagnostic]) {
        let empty = YAMLNode(.mapping([]), at: .start(of: file))
        let lines = TextLines.split(text)
        guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else {
            return (FrontMatterDocument(metadata: empty, body: text, bodyLineOffset: 0), [])
        }
        guard
            let close = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingTrailingSpaces
                return line == "---" || line == "..."
            })
        else {
            return (FrontMatterDocument(metadata: empty, body: "", bodyLineOffset: lines.count), [.frontMatterUnclosed(file)])
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")  // CRLF becomes LF: HTML is the same
        switch YAMLReader.read(yaml, file: file, lineOffset: 1) {
        case .success(let node):
            if case .mapping = node.kind {
                return (FrontMatterDocument(metadata: node, body: body, bodyLineOffset: close + 1), [])
            }
            return (FrontMatterDocument(metadata: empty, body: body, bodyLineOffset: close + 1), [.frontMatterNotAMap(node)])
        case .failure(let diagnostic):
            return (FrontMatterDocument(metadata: empty, body: body, bodyLineOffset: close + 1), [diagnostic])
        }
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
