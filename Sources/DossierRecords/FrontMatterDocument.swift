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
        guard let parts = fences(text) else { return splitByLines(text, file: file) }
        let empty = YAMLNode(.mapping([]), at: .start(of: file))
        guard let close = parts.close else {
            return (FrontMatterDocument(metadata: empty, body: text, bodyLineOffset: 0), misplacedFence(text, file: file))
        }
        return read(
            yaml: String(text[parts.yaml]), body: String(text[parts.body]), bodyLineOffset: close + 1, file: file,
            empty: empty)
    }

    /// Where the front matter of `text` is, read from its bytes without splitting it
    /// into lines (the line-by-line split and join cost 4 % of a `build`'s CPU at S):
    /// `close` is the 0-based line of the closing fence, nil when the first line is no
    /// fence. Nil for text holding a carriage return (its lines are split by
    /// `splitByLines`, which drops the CR of each CRLF) or a fence never closed.
    static func fences(_ text: String) -> (close: Int?, yaml: Range<String.Index>, body: Range<String.Index>)? {
        let bytes = text.utf8
        if bytes.contains(UInt8(ascii: "\r")) { return nil }
        /// The line starting at `start`: its end (before any `\n`) and the next line's start.
        func line(at start: String.Index) -> (end: String.Index, next: String.Index?) {
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return (bytes.endIndex, nil) }
            return (newline, bytes.index(after: newline))
        }
        /// True when the line is `marker` with only spaces or tabs after it.
        func isFence(_ start: String.Index, _ end: String.Index, _ marker: String) -> Bool {
            var line = bytes[start..<end]
            while let last = line.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { line = line.dropLast() }
            return line.elementsEqual(marker.utf8)
        }
        let first = line(at: bytes.startIndex)
        guard isFence(bytes.startIndex, first.end, "---") else {
            return (nil, text.startIndex..<text.startIndex, text.startIndex..<text.endIndex)
        }
        var start = first.next
        var number = 1
        while let lineStart = start {
            let current = line(at: lineStart)
            if isFence(lineStart, current.end, "---") || isFence(lineStart, current.end, "...") {
                let yamlEnd = number == 1 ? lineStart : bytes.index(before: lineStart)
                return (number, first.next!..<yamlEnd, (current.next ?? bytes.endIndex)..<bytes.endIndex)
            }
            start = current.next
            number += 1
        }
        return nil
    }

    /// A warning when `text`, which has no front matter, looks as if it meant to: its
    /// first line that is not blank is `---` after blank lines, spaces (an ideographic or
    /// no-break one too) or another byte-order mark, a `key:` line follows it (quoted, or
    /// with a full-width colon as an input method types it) and a closing `---` or `...`
    /// comes later.
    /// Hugo and mdBook read such a block as text too; said, as it is seldom meant.
    static func misplacedFence(_ text: String, file: String) -> [Diagnostic] {
        let isPadding = { (c: Character) in [" ", "\t", "\u{FEFF}", "\u{3000}", "\u{00A0}"].contains(c) }
        // Cheap for the usual file: only one starting with padding or a blank line is split.
        guard let first = text.first, isPadding(first) || first == "\n" || first == "\r\n" else { return [] }
        let lines = TextLines.split(text)
        guard let start = lines.firstIndex(where: { !$0.allSatisfy(isPadding) }),
            lines[start].drop(while: isPadding).trimmingTrailingSpaces == "---",
            start + 1 < lines.count,
            lines[start + 1].range(of: #"^\s*["']?[\p{L}\p{N}_-]+["']?\s*[:：]"#, options: .regularExpression) != nil,
            lines[(start + 2)...].contains(where: { ["---", "..."].contains($0.trimmingTrailingSpaces) })
        else { return [] }
        let column = lines[start].prefix(while: isPadding).count + 1
        return [.frontMatterNotAtStart(file, line: start + 1, column: column)]
    }

    /// `split` for any text: lines split at LF or CRLF and joined again with LF.
    static func splitByLines(_ text: String, file: String) -> (FrontMatterDocument, [Diagnostic]) {
        let empty = YAMLNode(.mapping([]), at: .start(of: file))
        let lines = TextLines.split(text)
        guard lines.first.map({ $0.trimmingTrailingSpaces == "---" }) == true else {
            return (FrontMatterDocument(metadata: empty, body: text, bodyLineOffset: 0), misplacedFence(text, file: file))
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
        return read(yaml: yaml, body: body, bodyLineOffset: close + 1, file: file, empty: empty)
    }

    private static func read(yaml: String, body: String, bodyLineOffset: Int, file: String, empty: YAMLNode) -> (
        FrontMatterDocument, [Diagnostic]
    ) {
        switch YAMLReader.read(yaml, file: file, lineOffset: 1) {
        case .success(let node):
            if case .mapping = node.kind {
                return (FrontMatterDocument(metadata: node, body: body, bodyLineOffset: bodyLineOffset), [])
            }
            return (
                FrontMatterDocument(metadata: empty, body: body, bodyLineOffset: bodyLineOffset), [.frontMatterNotAMap(node)]
            )
        case .failure(let diagnostic):
            return (FrontMatterDocument(metadata: empty, body: body, bodyLineOffset: bodyLineOffset), [diagnostic])
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
