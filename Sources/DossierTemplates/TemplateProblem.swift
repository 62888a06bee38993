import DossierDiagnostics
import Mustache

/// Turns a template that does not parse into a message a theme author can act on.
enum TemplateProblem {
    /// The diagnostic for `error` in `text` of `file`. Unbalanced sections are found by
    /// scanning the tags, so the message names the section and points at where it opens.
    static func diagnostic(for error: MustacheTemplate.ParserError, text: String, file: String) -> Diagnostic {
        if let unbalanced = firstUnbalancedSection(in: text, file: file) { return unbalanced }
        let at = SourceLocation(file: file, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
        let message: String
        switch error.error {
        case MustacheTemplate.Error.unfinishedName:
            message = "template cannot be read: a tag is not closed with }}"
        case MustacheTemplate.Error.invalidSetDelimiter:
            message = "template cannot be read: a {{=<% %>=}} delimiter tag is malformed"
        default:
            message = "template cannot be read (\(error.error))"
        }
        return .error(.template, at: at, message)
    }

    /// The first `{{#name}}`/`{{^name}}` never closed, or `{{/name}}` that closes
    /// something else, with the place of the tag at fault.
    static func firstUnbalancedSection(in text: String, file: String) -> Diagnostic? {
        var open: [(name: String, line: Int, column: Int)] = []
        var line = 1
        var column = 1
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                let tagLine = line
                let tagColumn = column
                var j = i + 2
                var inner = ""
                while j + 1 < scalars.count, !(scalars[j] == "}" && scalars[j + 1] == "}") {
                    inner.unicodeScalars.append(scalars[j])
                    j += 1
                }
                // No "}}" before the end, the next line or the next tag: this tag is unclosed.
                let stray = inner.firstIndex { $0 == "\n" } ?? inner.range(of: "{{")?.lowerBound
                if j + 1 >= scalars.count || stray != nil {
                    var shown = inner[..<(stray ?? inner.endIndex)]
                    if let brace = shown.firstIndex(of: "}") { shown = shown[...brace] }
                    return problem(tagLine, tagColumn, "tag {{\(shown.prefix(30)) is not closed with }}")
                }
                let trimmed = inner.trimmed
                if let sigil = trimmed.first, sigil == "#" || sigil == "^" || sigil == "/" {
                    let name = trimmed.dropFirst().trimmed
                    if sigil == "/" {
                        guard let last = open.popLast() else {
                            return problem(tagLine, tagColumn, "{{/\(name)}} closes a section that was never opened")
                        }
                        if last.name != name {
                            return problem(
                                tagLine, tagColumn, "{{/\(name)}} does not close the section {{#\(last.name)}} opened at line \(last.line)")
                        }
                    } else {
                        open.append((name, tagLine, tagColumn))
                    }
                }
                // Move past the tag, keeping line and column.
                while i < j + 2 {
                    if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
                    i += 1
                }
                continue
            }
            if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
            i += 1
        }
        if let unclosed = open.first {
            return problem(
                unclosed.line, unclosed.column, "section {{#\(unclosed.name)}} is never closed; end it with {{/\(unclosed.name)}}")
        }
        return nil

        func problem(_ line: Int, _ column: Int, _ message: String) -> Diagnostic {
            .error(.template, at: SourceLocation(file: file, line: line, column: column), "template cannot be read: \(message)")
        }
    }
}

import Foundation
