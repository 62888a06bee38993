import DossierDiagnostics
import DossierUtilities
import Foundation
import Mustache

/// Turns a template that does not parse into a message a theme author can act on.
enum TemplateProblem {
    /// The diagnostic for `error` in `text` of `file`. Unbalanced sections are found by
    /// scanning the tags, so the message names the section and points at where it opens.
    static func diagnostic(for error: MustacheTemplate.ParserError, text: String, file: String) -> Diagnostic {
        if let unbalanced = firstUnbalancedSection(in: text, file: file) { return unbalanced }
        let at = SourceLocation(file: file, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
        switch error.error {
        case MustacheTemplate.Error.unfinishedName: return .templateTagNotClosed(at: at)
        case MustacheTemplate.Error.invalidSetDelimiter: return .templateBadDelimiter(at: at)
        default: return .templateParserError(error.error, at: at)
        }
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
                    return .templateTagUnclosed(shown, at: place(tagLine, tagColumn))
                }
                let trimmed = inner.trimmed
                if let sigil = trimmed.first, sigil == "#" || sigil == "^" || sigil == "/" {
                    let name = trimmed.dropFirst().trimmed
                    if sigil == "/" {
                        guard let last = open.popLast() else {
                            return .templateSectionNeverOpened(name, at: place(tagLine, tagColumn))
                        }
                        if last.name != name {
                            return .templateSectionMismatch(name, open: last.name, line: last.line, at: place(tagLine, tagColumn))
                        }
                    } else {
                        open.append((name, tagLine, tagColumn))
                    }
                }
                // Move past the tag, keeping line and column.
                while i < j + 2 {
                    if scalars[i] == "\n" {
                        line += 1
                        column = 1
                    } else {
                        column += 1
                    }
                    i += 1
                }
                continue
            }
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        if let unclosed = open.first {
            return .templateSectionNeverClosed(unclosed.name, at: place(unclosed.line, unclosed.column))
        }
        return nil

        func place(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    }
}
