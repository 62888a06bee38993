import DossierDiagnostics
import Foundation

/// The messages of the load stage (files, encodings, CSV and YAML syntax), one
/// constructor per kind of problem; call sites never build a message themselves.
extension Diagnostic {
    /// A file that exists but whose bytes cannot be read.
    static func fileUnreadable(_ file: String) -> Diagnostic {
        .error(.fileUnreadable, at: .start(of: file), "file cannot be read")
    }

    /// A site without content/issues.csv, the one record file every site needs.
    static var issuesFileMissing: Diagnostic {
        .error(.fileMissing, at: .start(of: "content/issues.csv"), "the site has no content/issues.csv")
    }

    /// project.yml holding something other than a map (a list, a lone value).
    static func projectNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.projectValue, at: node.location, "project.yml must be a map of settings, not \(node.typeName)")
    }

    /// project.yml's `encoding` written as something other than a map of files to encodings.
    static func encodingNotAMap(at location: SourceLocation) -> Diagnostic {
        .error(
            .projectValue, at: location,
            "`encoding` must map files (paths under content/) to encodings, e.g. {issues.csv: gbk, weekly/2026-W45.md: windows-1251}"
        )
    }

    /// A `---` opening front matter that no closing `---` line follows.
    static func frontMatterUnclosed(_ file: String) -> Diagnostic {
        .error(.frontMatter, at: .start(of: file), "front matter starts with `---` but no closing `---` line follows")
    }

    /// Front matter that is YAML but not a map of keys to values.
    static func frontMatterNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.frontMatter, at: node.location, "front matter must be a map of keys to values, not \(node.typeName)")
    }
}

extension Diagnostic {
    /// YAML that does not parse; `problem` is the parser's own words.
    static func yamlSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlSyntax, at: location, "YAML cannot be read: \(problem)")
    }
    /// A mapping key written a second time.
    static func yamlDuplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(.yamlSyntax, at: location, "key \"\(key)\" is written twice; the first is at line \(first.line)")
    }
}

extension Diagnostic {
    /// A quoted field that runs to the end of the file.
    static func unclosedQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "quoted field is never closed; a `\"` inside a quoted field is written `\"\"`")
    }
    /// Text between a field's closing quote and the next delimiter.
    static func textAfterQuote(at location: SourceLocation) -> Diagnostic {
        .error(
            .csvSyntax, at: location,
            "text after the closing quote of a field; quote the whole field and write `\"\"` for a quote")
    }
    /// A `"` in the middle of a field that does not start with one.
    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "quote inside an unquoted field; quote the whole field and write `\"\"` for a quote")
    }
}

extension Diagnostic {
    /// A delimiter chosen from a header that holds more than one candidate: `among` gives
    /// each candidate's name and count on the header line, `others` the separator lines
    /// that would read the file the other ways.
    static func delimiterGuessed(
        _ chosen: String, among: [(String, Int)], sepLine: String, others: [String], at location: SourceLocation
    ) -> Diagnostic {
        let counts = among.sorted { $0.1 > $1.1 }.map { "\($0.1) \($0.0)" }.joined(separator: " and ")
        return .warning(
            .csvDelimiter, at: location,
            "the header row holds \(counts) outside quotes, so the file is read as \(chosen)-separated; a first line \(sepLine) (Excel's separator line) says so and silences this, \(others.joined(separator: " or ")) reads it the other way"
        )
    }
    /// A `sep=` first line whose delimiter is none Dossier reads.
    static func unusableSeparatorLine(_ line: String, at location: SourceLocation) -> Diagnostic {
        .error(
            .csvDelimiter, at: location,
            "first line \"\(line)\" looks like Excel's separator line but names no delimiter Dossier reads; write `sep=` and one character, such as `sep=;`"
        )
    }
}

extension Diagnostic {
    /// project.yml's `encoding` naming for `file` something that is no encoding name: an
    /// unknown name, or a list or map where one name belongs.
    static func unknownEncoding(file: String, _ value: YAMLNode) -> Diagnostic {
        let names = TextEncoding.names.joined(separator: ", ")
        guard let written = value.scalar else {
            return .error(
                .projectValue, at: value.location,
                "`encoding.\(file)` must be one encoding name, not \(value.typeName); expected one of \(names)")
        }
        return .error(.projectValue, at: value.location, "unknown encoding \"\(written)\"; expected one of \(names)")
    }

    /// A file above the size read (`SiteLoader.maximumTableSize`); sizes in bytes, shown in MiB.
    static func fileTooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        .error(.fileTooLarge, at: .start(of: file), "file is \(size >> 20) MiB; the largest read is \(limit >> 20) MiB")
    }

    /// A file that cannot be read as text: empty, binary, or not in its encoding; the
    /// hint names the encoding it reads as and how `entry` says so in project.yml.
    static func undecodable(
        _ file: String, _ problem: TextDecodingProblem, guess: EncodingGuess?, entry: EncodingEntry,
        declared: DeclaredEncoding? = nil, alternative: TextEncoding? = nil
    ) -> Diagnostic {
        switch problem {
        case .empty:
            return .error(.fileEmpty, at: .start(of: file), "file is empty")
        case .binary:
            return .error(.fileBinary, at: .start(of: file), "file is binary, not text")
        case .utf16WithoutMark(let bigEndian):
            let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
            let endian = "UTF-16 (\(bigEndian ? "big" : "little")-endian) without a byte-order mark"
            if entry == .utf8Only {
                return .error(.fileEncoding, at: .start(of: file), "file is \(endian); \(entry.tell(encoding))")
            }
            return .error(
                .fileEncoding, at: .start(of: file),
                "file is \(endian); if it is, \(entry.tell(encoding)), or save it as \"CSV UTF-8\"")
        case .invalidUTF8(let line, let column):
            let at = SourceLocation(file: file, line: line, column: column)
            switch guess ?? .none(mixedWithUTF8: false) {
            case .one(let encoding, let sample):
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8; the file reads as \(encoding.rawValue) (\"\(sample)\"): \(entry.tell(encoding))")
            case .several(let readings):
                let each = readings.map { "\($0.encoding.rawValue) (\"\($0.sample)\")" }
                let list = each.dropLast().joined(separator: ", as ") + " or as " + each.last!
                let choose: String
                switch entry {
                case .newMap(let key):
                    choose =
                        "open it in each, and name the one that reads right in project.yml, e.g. encoding: {\(key): \(readings[0].encoding.rawValue)}"
                case .addToMap(let key):
                    choose =
                        "open it in each, and add the one that reads right to `encoding:` in project.yml, e.g. `\(key): \(readings[0].encoding.rawValue)`"
                case .utf8Only:
                    choose = entry.tell(readings[0].encoding)
                }
                return .error(.fileEncoding, at: at, "invalid UTF-8; the file reads as \(list): \(choose)")
            case .none(let mixed) where mixed:
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8: the file is UTF-8 with some bytes of another encoding, and no encoding reads it all right; retype the text here"
                )
            case .none:
                let names = EncodingGuess.candidates.map(\.rawValue).joined(separator: ", ")
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8, and none of \(names) reads the file right; save it as UTF-8 (Excel: \"CSV UTF-8\")")
            }
        case .invalidEncoding(let encoding, let line, let column):
            // Named as project.yml writes it; `latin1` is read as Windows-1252.
            let written = declared?.name ?? encoding.rawValue
            let readAs =
                TextEncoding.latin1Names.contains(written.lowercased())
                ? " (read as \(encoding.rawValue), as browsers read it)" : ""
            var message = "invalid \(written.uppercased())\(readAs), as project.yml's `encoding` says the file is"
            if let alternative, case .addToMap(let key) = entry {
                message +=
                    "; it reads as \(alternative.rawValue)\(alternative.distinction): write `\(key): \(alternative.rawValue)` there"
            }
            return .error(.fileEncoding, at: SourceLocation(file: file, line: line, column: column), message)
        }
    }

    /// `encoding` naming a file that is not there; the path under content/ it likely means.
    static func unknownEncodingFile(_ key: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        // A bare file name of a note in a folder: the path it needs.
        let byName = known.filter { ($0 as NSString).lastPathComponent == key && $0 != key }
        let hint =
            byName.count == 1
            ? "; did you mean \"\(byName[0])\"? (keys are paths under content/)" : Suggestion.hint(for: key, in: known)
        return .warning(.projectKey, at: location, "unknown file \"\(key)\" in `encoding` is ignored\(hint)")
    }

    /// Whether the diagnostic tells to name an encoding in project.yml.
    var namesAnEncoding: Bool { message.contains("encoding: {") }
}
