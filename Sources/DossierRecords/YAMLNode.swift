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
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return .failure(.yamlSyntax(problem, at: location(mark)))
            case .reader(let problem, let offset?, _, _):
                // libyaml's reader gives no mark, only how many characters (Unicode
                // scalars) come before the problem.
                let before = text.unicodeScalars.prefix(offset)
                let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                let column =
                    before.count - (before.lastIndex(of: "\n").map { before.distance(from: before.startIndex, to: $0) + 1 } ?? 0)
                    + 1
                return .failure(.yamlSyntax(problem, at: SourceLocation(file: file, line: line + lineOffset, column: column)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                // Yams marks the first of the keys; the mistake is the repeat.
                let key = duplicates.first ?? ""
                let first = location(context.mark)
                let repeatLine = secondKeyLine(key, in: text, after: context.mark.line)
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
    /// the key plain or in single or double quotes.
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
