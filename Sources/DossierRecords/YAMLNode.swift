import DossierDiagnostics
import DossierUtilities
import Yams

/// A YAML value with where it is written, so later checks can point at it.
public struct YAMLNode: Sendable {
    public indirect enum Kind: Sendable {
        /// A scalar's text; `plain` is false when it was quoted (then it is always text).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        /// Keys in the order written.
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The text of a scalar; nil for lists and maps.
    public var scalar: String? {
        if case .scalar(let text, _) = kind { return text }
        return nil
    }

    /// True for `~`, `null`, or nothing at all.
    public var isNull: Bool {
        if case .scalar(let text, let plain) = kind {
            return plain && ["", "~", "null", "Null", "NULL"].contains(text)
        }
        return false
    }

    /// The entries of a mapping whose keys are scalars; nil for anything else.
    public var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard case .mapping(let pairs) = kind else { return nil }
        return pairs.compactMap { pair in pair.key.scalar.map { ($0, pair.key, pair.value) } }
    }

    /// The items of a sequence; nil for anything else.
    public var items: [YAMLNode]? {
        if case .sequence(let items) = kind { return items }
        return nil
    }

    /// The value of `key` in a mapping.
    public subscript(key: String) -> YAMLNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The node's type for messages, worded by the catalogue: "text", "a list", "a map".
    public var typeTerm: Message.Argument {
        switch kind {
        case .scalar: return .term("yaml-text")
        case .sequence: return .term("yaml-list")
        case .mapping: return .term("yaml-map")
        }
    }

    /// A short name of the node's type: "text", "a list", "a map".
    public var typeName: String {
        switch kind {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a map"
        }
    }

    /// A YAML 1.2 boolean (`true`, `True`, `TRUE`, `false`, `False`, `FALSE`); nil
    /// for anything else, quoted text included.
    public var bool: Bool? {
        guard case .scalar(let text, let plain) = kind, plain else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }
}

/// Reads YAML into located nodes.
public enum YAMLReader {
    /// Parses `text` from `file`; `lineOffset` is added to every line (front matter
    /// starts below its `---`). An empty document is an empty mapping. A key written
    /// twice in one map is an error at the second; keys are compared as the text they
    /// read as (`1` and `"1"` are the same key).
    ///
    /// A key followed by a full-width colon (`title：登录`, as a Chinese input method
    /// types it) is named where it is written, when the text does not read as a map
    /// because of it; libyaml would point elsewhere, or read the line as text.
    public static func read(_ text: String, file: String, lineOffset: Int = 0) -> Result<YAMLNode, Diagnostic> {
        let result = parse(text, file: file, lineOffset: lineOffset)
        if case .success(let node) = result, node.entries != nil { return result }
        if let colon = fullWidthColon(in: text) {
            let at = SourceLocation(file: file, line: colon.line + lineOffset, column: colon.column)
            return .failure(.yamlFullWidthColon(key: colon.key, at: at))
        }
        return result
    }

    /// The first line that starts with a key and a full-width colon (`  owner：张三`):
    /// its 1-based line, the colon's column (in characters, as other columns are) and the key.
    static func fullWidthColon(in text: String) -> (line: Int, column: Int, key: String)? {
        for (index, line) in TextLines.split(text).enumerated() {
            let indentation = line.prefix { $0 == " " || $0 == "-" }
            let rest = line.dropFirst(indentation.count)
            let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard !key.isEmpty, key.first!.isASCII,
                rest.dropFirst(key.count).drop(while: { $0 == " " }).first == "："
            else { continue }
            let column = indentation.count + rest.dropFirst(key.count).prefix { $0 == " " }.count + key.count + 1
            return (index + 1, column, String(key))
        }
        return nil
    }

    static func parse(_ text: String, file: String, lineOffset: Int) -> Result<YAMLNode, Diagnostic> {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(file: file, line: 1 + lineOffset, column: 1) }
            return SourceLocation(file: file, line: max(1, mark.line) + lineOffset, column: max(1, mark.column))
        }
        do {
            // Every scalar is text to Dossier (`convert` keeps the string and whether it was
            // quoted), so keys are compared as text: `1:` and `"1":` are one key written
            // twice. Yams' default resolver would type each key with regular expressions
            // only to tell those apart (7 % of a `build`'s main thread at S). The encoding
            // is named, as Yams' default looks it up in a copy of the whole environment on
            // each call (2.6 % of a `build`'s CPU).
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                return .success(YAMLNode(.mapping([]), at: location(nil)))
            }
            return .success(convert(node, location))
        } catch let error as YamlError {
            switch error {
            case .parser(let context?, let problem, _, _) where problem.hasPrefix("did not find expected ',' or "):
                // An unclosed [ or {: libyaml stops on the line after it; its bracket is the mistake.
                return .failure(.yamlSyntax(problem, at: location(context.mark)))
            case .parser(_, "did not find expected node content", let mark, _)
            where mark.line > TextLines.split(text, keepingTrailingEmpty: false).count:
                // The text ended inside a `[` or `{` (`tags: [` as the last line): libyaml
                // points past the end; the mistake is the bracket left open.
                guard let open = unclosedBracket(in: text) else {
                    return .failure(.yamlSyntax("did not find expected node content", at: location(mark)))
                }
                let expected = open.bracket == "[" ? "did not find expected ',' or ']'" : "did not find expected ',' or '}'"
                return .failure(
                    .yamlSyntax(expected, at: SourceLocation(file: file, line: open.line + lineOffset, column: open.column)))
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return .failure(.yamlSyntax(problem, at: location(mark)))
            case .reader(let problem, let offset?, _, _):
                // libyaml's reader gives no mark, only how many characters come before the
                // problem: Unicode scalars, a CRLF counted as one.
                var index = text.unicodeScalars.startIndex
                var counted = 0
                while counted < offset, index < text.unicodeScalars.endIndex {
                    let next = text.unicodeScalars.index(after: index)
                    let isCRLF =
                        text.unicodeScalars[index] == "\r" && next < text.unicodeScalars.endIndex
                        && text.unicodeScalars[next] == "\n"
                    index = isCRLF ? text.unicodeScalars.index(after: next) : next
                    counted += 1
                }
                let before = text.unicodeScalars[..<index]
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column =
                    before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0)
                    + 1
                return .failure(.yamlSyntax(problem, at: SourceLocation(file: file, line: line + lineOffset, column: column)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams marks the first of the keys; the mistake is the repeat.
                let key = duplicates.first ?? ""
                let first = location(context.mark)
                // A key with more than indentation (or `- `, `? `) before it on its line is
                // in a flow map: its repeat is after a comma of that map, not on a line of
                // its own.
                let mark = (line: context.mark.line, column: context.mark.column)
                let before = TextLines.line(mark.line, of: text).map { $0.unicodeScalars.prefix(max(0, mark.column - 1)) }
                let inFlow = before.map { !$0.allSatisfy { [" ", "-", "?"].contains($0) } } ?? false
                let repeatLine =
                    inFlow
                    ? secondFlowKey(key, in: text, after: mark) : secondKeyLine(key, in: text, after: mark.line)
                let at = repeatLine.map { SourceLocation(file: file, line: $0.line + lineOffset, column: $0.column) } ?? first
                return .failure(.yamlDuplicateKey(key, first: first, at: at))
            default:
                return .failure(.yamlSyntax("\(error)", at: location(nil)))
            }
        } catch {
            return .failure(.yamlSyntax("\(error)", at: location(nil)))
        }
    }

    /// The next line after `line` (1-based) that writes `key:` at the same indentation,
    /// the key plain or in single or double quotes, or as an explicit key (`? key`, the
    /// place given is the key's).
    static func secondKeyLine(_ key: String, in text: String, after line: Int) -> (line: Int, column: Int)? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        let lines = TextLines.split(text)
        guard line >= 1, line <= lines.count else { return nil }
        let indentation = lines[line - 1].prefix { $0 == " " }.count
        for index in line..<lines.count {
            let candidate = lines[index]
            let spaces = candidate.prefix { $0 == " " }.count
            let rest = candidate.dropFirst(spaces)
            guard spaces == indentation else { continue }
            for spelling in spellings
            where rest.hasPrefix(spelling) && rest.dropFirst(spelling.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return (index + 1, spaces + 1)
            }
            let explicit = rest.hasPrefix("? ") ? rest.dropFirst(2).drop(while: { $0 == " " }) : nil
            if let explicit, spellings.contains(where: { explicit.trimmingCharacters(in: .whitespaces) == $0 }) {
                return (index + 1, spaces + 1 + rest.count - explicit.count)
            }
        }
        return nil
    }

    /// The innermost `[` or `{` of `text` left open at its end, with its line and column
    /// (1-based, in characters); quotes and comments are skipped.
    static func unclosedBracket(in text: String) -> (bracket: Unicode.Scalar, line: Int, column: Int)? {
        var open: [(bracket: Unicode.Scalar, line: Int, column: Int)] = []
        var (line, column) = (1, 0)
        var quote: Unicode.Scalar?
        var comment = false
        var previous: Unicode.Scalar = "\n"
        var escaped = false
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" {
                (line, column, comment) = (line + 1, 0, false)
                continue
            }
            column += 1
            if comment { continue }
            if let current = quote {
                if escaped {
                    escaped = false
                } else if scalar == "\\" && current == "\"" {
                    escaped = true
                } else if scalar == current {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "#" where previous == " " || previous == "\t" || previous == "\n": comment = true
            case "\"",
                "'" where !open.isEmpty || previous == " " || previous == "\n":
                quote = scalar
            case "[", "{": open.append((scalar, line, column))
            case "]", "}": _ = open.popLast()
            default: break
            }
        }
        return open.last
    }

    /// The next `key:` of the same flow map (`{a: 1, a: 2}`, on one line or several) as
    /// the key at `first` (line and column, 1-based, in characters): after a `,` of that
    /// map, outside quotes and inner brackets.
    static func secondFlowKey(_ key: String, in text: String, after first: (line: Int, column: Int)) -> (
        line: Int, column: Int
    )? {
        let spellings = [key, "\"\(key)\"", "'\(key)'"].map { Array($0.unicodeScalars) }
        let scalars = Array(text.unicodeScalars)
        var (line, column) = (1, 1)
        var index = 0
        /// Moves past scalar `index`, keeping the line and column.
        func step() {
            if scalars[index] == "\n" { (line, column) = (line + 1, 1) } else { column += 1 }
            index += 1
        }
        while index < scalars.count, line < first.line || (line == first.line && column < first.column) { step() }
        var depth = 0
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            if let open = quote {
                if scalar == "\\" && open == "\"" && index + 1 < scalars.count { step() } else if scalar == open { quote = nil }
                step()
                continue
            }
            switch scalar {
            case "\"", "'": quote = scalar
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth < 0 { return nil }
            case "," where depth == 0:
                step()
                while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { step() }
                var rest = scalars[index...]
                if rest.starts(with: ["?", " "]) {
                    for _ in 0..<2 { step() }
                    while index < scalars.count, scalars[index] == " " { step() }
                    rest = scalars[index...]
                }
                for spelling in spellings where rest.starts(with: spelling) {
                    let after = rest.dropFirst(spelling.count).drop { [" ", "\t", "\n", "\r"].contains($0) }
                    if after.first == ":" || after.first == "," || after.first == "}" { return (line, column) }
                }
                continue
            default: break
            }
            step()
        }
        return nil
    }

    private static func convert(_ node: Node, _ location: (Mark?) -> SourceLocation) -> YAMLNode {
        switch node {
        case .scalar(let scalar):
            return YAMLNode(.scalar(scalar.string, plain: scalar.style == .plain), at: location(scalar.mark))
        case .sequence(let sequence):
            return YAMLNode(.sequence(sequence.map { convert($0, location) }), at: location(sequence.mark))
        case .mapping(let mapping):
            let pairs = mapping.map { (key: convert($0.key, location), value: convert($0.value, location)) }
            return YAMLNode(.mapping(pairs), at: location(mapping.mark))
        case .alias(let alias):
            return YAMLNode(.scalar("", plain: true), at: location(alias.mark))
        }
    }
}
