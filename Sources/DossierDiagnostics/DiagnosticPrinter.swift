import Foundation

/// The output formats of `dossier check` (SPEC §3.1).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `file:line:column: severity: message [rule]`, then the line with a caret.
    case text
    /// A JSON array of `{file, line, column, severity, rule, message}`.
    case json
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    case github
}

/// The one place that turns diagnostics into text.
///
/// Messages are worded in `language`; everything a program reads (the location, the
/// severity word, the rule id, JSON keys, workflow command names) is the same in every
/// language.
public struct DiagnosticPrinter: Sendable {
    public var format: DiagnosticFormat
    /// The language messages are worded in.
    public var language: Language
    /// Returns the text of a line of a file (1-based), to show it under a message.
    public var sourceLine: @Sendable (String, Int) -> String?

    public init(
        format: DiagnosticFormat, language: Language = .en,
        sourceLine: @escaping @Sendable (String, Int) -> String? = { _, _ in nil }
    ) {
        self.format = format
        self.language = language
        self.sourceLine = sourceLine
    }

    public func render(_ diagnostics: DiagnosticList) -> String {
        let items = diagnostics.sorted
        switch format {
        case .text:
            return items.map(renderText).joined()
        case .json:
            return renderJSON(items)
        case .github:
            return items.map(renderGitHub).joined()
        }
    }

    /// The closing count line, e.g. `2 errors, 1 warning`, in `language`.
    public static func summary(_ diagnostics: DiagnosticList, language: Language = .en) -> String {
        Message(
            "summary.counts",
            [
                "errors": .message(Message("summary.errors", ["count": .number(diagnostics.errorCount)])),
                "warnings": .message(Message("summary.warnings", ["count": .number(diagnostics.warningCount)])),
            ]
        ).text(in: language)
    }

    private func renderText(_ d: Diagnostic) -> String {
        var out = "\(d.location): \(d.severity.rawValue): \(d.text(in: language)) [\(d.rule.rawValue)]\n"
        if let line = sourceLine(d.location.file, d.location.line) {
            let shown = line.replacingOccurrences(of: "\t", with: " ")
            out += "  \(d.location.line) | \(shown)\n"
            let gutter = String(repeating: " ", count: String(d.location.line).count)
            out += "  \(gutter) | \(Self.padding(before: d.location.column, in: shown))^\n"
        }
        return out
    }

    /// Spaces that reach `column` (1-based, in scalars) on a terminal, where East Asian
    /// wide characters take two cells.
    static func padding(before column: Int, in line: String) -> String {
        var width = 0
        for scalar in line.unicodeScalars.prefix(max(0, column - 1)) {
            width += scalar.isWide ? 2 : 1
        }
        return String(repeating: " ", count: width)
    }

    /// The start of `line` that `padding` spaces cover on a terminal (East Asian wide
    /// characters two cells each): what a caret line stands for, for a page that shows
    /// it in a font whose wide characters are not two spaces wide.
    public static func source(coveredBy padding: Int, in line: String) -> String {
        var width = 0
        var covered = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if width >= padding { break }
            width += scalar.isWide ? 2 : 1
            covered.append(scalar)
        }
        return String(covered)
    }

    private func renderGitHub(_ d: Diagnostic) -> String {
        func escapeProperty(_ s: String) -> String {
            escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        }
        func escapeData(_ s: String) -> String {
            s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
        }
        let command = d.severity == .error ? "error" : "warning"
        let l = d.location
        return "::\(command) file=\(escapeProperty(l.file)),line=\(l.line),col=\(l.column),"
            + "title=\(escapeProperty(d.rule.rawValue))::\(escapeData(d.text(in: language)))\n"
    }

    private struct Entry: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let rule: String
        let message: String
    }

    private func renderJSON(_ items: [Diagnostic]) -> String {
        let entries = items.map {
            Entry(
                file: $0.location.file, line: $0.location.line, column: $0.location.column,
                severity: $0.severity.rawValue, rule: $0.rule.rawValue, message: $0.text(in: language))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

extension Unicode.Scalar {
    /// True for the East Asian wide and fullwidth ranges that terminals draw two cells wide.
    var isWide: Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
