/// Reads a template's text into `CompiledTemplate.Node`s step for step as swift-mustache's
/// parser (`MustacheTemplate.parse` in its Template+Parser.swift, version 2.1.1, the one
/// Package.swift pins) does, on Characters, so
/// that the text left by its standalone-line rules is the same to the byte, including where
/// it departs from the Mustache spec:
///
/// - a section's closing tag does not decide whether the line after it starts a new line:
///   the opening tag does (`a{{#s}}⏎{{/s}}⏎{{#t}}⏎` keeps the newline after `{{#t}}`);
/// - white space that ends the template after a newline is dropped;
/// - `{{` followed by a newline drops the `{{`.
///
/// Set-delimiter tags, partials, inheritance, pragmas and transforms are not compiled.
struct TemplateCompiler {
    typealias Node = CompiledTemplate.Node

    /// Why a template is not compiled; either way the theme renders it with swift-mustache,
    /// which also reports the syntax errors.
    enum Failure: Error {
        case unsupported
        case malformed
    }

    private let text: String
    private var position: String.Index

    private init(_ text: String) {
        self.text = text
        position = text.startIndex
    }

    /// The nodes of `text`; nil when it is malformed or uses what is not compiled.
    static func compile(_ text: String) -> [Node]? {
        var compiler = TemplateCompiler(text)
        return try? compiler.parse(section: nil, newLine: true)
    }

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")

    private var atEnd: Bool { position == text.endIndex }
    /// The current Character; NUL at the end, as swift-mustache's `current()`.
    private var current: Character { atEnd ? "\0" : text[position] }
    private mutating func advance() { position = text.index(after: position) }

    /// The nodes up to the end of the text, or up to the closing tag of `section`.
    /// `newLine` says whether the reader is at the start of a line (swift-mustache's `state.newLine`).
    private mutating func parse(section: String?, newLine startsLine: Bool) throws(Failure) -> [Node] {
        var nodes: [Node] = []
        var pending = ""
        func flush() {
            if !pending.isEmpty { nodes.append(.text(Array(pending.utf8))) }
            pending = ""
        }
        var newLine = startsLine
        var whiteSpaceBefore: Substring = ""
        while !atEnd {
            if newLine {
                whiteSpaceBefore = read { $0 == " " || $0 == "\t" }
            }
            let text = try readUntilTagOrNewline()
            if current.isNewline {
                pending += whiteSpaceBefore + text + String(current)
                newLine = true
                advance()
                continue
            }
            if !text.isEmpty {
                pending += whiteSpaceBefore + text
                whiteSpaceBefore = ""
                newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                advance()
                let name = try readName()
                if isStandalone(newLine) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    pending += whiteSpaceBefore
                    whiteSpaceBefore = ""
                }
                let body = try parse(section: name, newLine: setNewLine)
                flush()
                nodes.append(inverted ? .invertedSection(.init(name), body) : .section(.init(name), body))
            case "/":
                advance()
                let name = try readName()
                guard name == section else { throw .malformed }
                if !isStandalone(newLine), !whiteSpaceBefore.isEmpty {
                    pending += whiteSpaceBefore
                }
                flush()
                return nodes
            case "!":
                advance()
                try skipComment()
                setNewLine = isStandalone(newLine)
            case "{", "&":
                let triple = current == "{"
                pending += whiteSpaceBefore
                whiteSpaceBefore = ""
                advance()
                let name = try readName()
                if triple {
                    guard !atEnd else { throw .malformed }
                    guard current == "}" else { throw .malformed }
                    advance()
                }
                flush()
                nodes.append(.variable(.init(name), escaped: false))
            case ">", "<", "$", "=", "%":
                throw .unsupported
            default:
                pending += whiteSpaceBefore
                whiteSpaceBefore = ""
                let name = try readName()
                flush()
                nodes.append(.variable(.init(name), escaped: true))
            }
            newLine = setNewLine
        }
        guard section == nil else { throw .malformed }
        flush()
        return nodes
    }

    /// Text up to a newline (not read) or up to and including `{{`.
    private mutating func readUntilTagOrNewline() throws(Failure) -> String {
        var total = ""
        while !atEnd {
            total += read { $0 != "\n" && $0 != "\r\n" && $0 != "{" }
            if current.isNewline {
                break
            } else if current == "{" {
                if try read("{{") { break }
                total += "{"
                advance()
            }
        }
        return total
    }

    /// A tag's name and its closing `}}`; a name with brackets is a transform, not compiled.
    private mutating func readName() throws(Failure) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard try read("}}") else { throw .malformed }
        guard !name.contains("("), !name.contains(")") else { throw .unsupported }
        return name
    }

    /// Skips to just after the next `}}`, matching as swift-mustache's `read(untilString:)`.
    private mutating func skipComment() throws(Failure) {
        let delimiter: [Character] = ["}", "}"]
        var matched = 0
        while !atEnd {
            if current == delimiter[matched] {
                matched += 1
                if matched == delimiter.count {
                    advance()
                    return
                }
            } else {
                matched = 0
            }
            advance()
        }
        throw .malformed
    }

    /// Whether a tag just read stands alone on its line; if so the rest of the line,
    /// white space and newline, is read.
    private mutating func isStandalone(_ newLine: Bool) -> Bool {
        guard newLine else { return false }
        if atEnd { return true }
        var end = position
        while end != text.endIndex, text[end] == " " || text[end] == "\t" {
            end = text.index(after: end)
        }
        let next: Character = end == text.endIndex ? "\0" : text[end]
        guard next.isNewline else { return false }
        position = text.index(after: end)
        return true
    }

    /// Reads `string` if the text continues with it; an error when fewer Characters are left.
    private mutating func read(_ string: String) throws(Failure) -> Bool {
        let count = string.count
        guard let end = text.index(position, offsetBy: count, limitedBy: text.endIndex) else { throw .malformed }
        guard text[position..<end] == string else { return false }
        position = end
        return true
    }

    @discardableResult
    private mutating func read(while accepts: (Character) -> Bool) -> Substring {
        let start = position
        while !atEnd, accepts(text[position]) { advance() }
        return text[start..<position]
    }
}
