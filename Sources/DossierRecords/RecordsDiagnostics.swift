import DossierDiagnostics
import Foundation

/// The messages of the load stage (files, encodings, CSV and YAML syntax), one
/// constructor per kind of problem; call sites never build a message themselves.
extension Diagnostic {
    /// A file that exists but whose bytes cannot be read.
    static func fileUnreadable(_ file: String) -> Diagnostic {
        .error(.fileUnreadable, at: .start(of: file), "file.unreadable")
    }

    /// A site without content/issues.csv, the one record file every site needs.
    static var issuesFileMissing: Diagnostic {
        .error(.fileMissing, at: .start(of: "content/issues.csv"), "file.issues-missing")
    }

    /// project.yml holding something other than a map (a list, a lone value).
    static func projectNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.projectValue, at: node.location, "project.not-a-map", ["type": node.typeTerm])
    }

    /// project.yml's `encoding` written as something other than a map of files to encodings.
    static func encodingNotAMap(at location: SourceLocation) -> Diagnostic {
        .error(.projectValue, at: location, "encoding.not-a-map")
    }

    /// A `---` opening front matter that no closing `---` line follows.
    static func frontMatterUnclosed(_ file: String) -> Diagnostic {
        .error(.frontMatter, at: .start(of: file), "front-matter.unclosed")
    }

    /// A `---` that would open front matter, but not on the file's first line (a blank
    /// line, spaces or a second byte-order mark before it): the block is read as text.
    static func frontMatterNotAtStart(_ file: String, line: Int, column: Int) -> Diagnostic {
        .warning(
            .frontMatter, at: SourceLocation(file: file, line: line, column: column), "front-matter.not-at-start",
            ["line": .number(line)])
    }

    /// Front matter that is YAML but not a map of keys to values.
    static func frontMatterNotAMap(_ node: YAMLNode) -> Diagnostic {
        .error(.frontMatter, at: node.location, "front-matter.not-a-map", ["type": node.typeTerm])
    }
}

extension Diagnostic {
    /// YAML that does not parse; `problem` is libyaml's own words, worded by the catalogue
    /// (`yaml.problem.<name>`) when it is one a hand-written file meets, else shown as is.
    static func yamlSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
        let worded: Message.Argument = yamlProblems[problem].map { .message(Message("yaml.problem.\($0)")) } ?? .value(problem)
        return .error(.yamlSyntax, at: location, "yaml.syntax", ["problem": worded])
    }

    /// libyaml's problem texts (scanner.c, parser.c, reader.c) → catalogue names.
    static let yamlProblems: [String: String] = [
        "mapping values are not allowed in this context": "mapping-values",
        "block sequence entries are not allowed in this context": "sequence-entries",
        "mapping keys are not allowed in this context": "mapping-keys",
        "could not find expected ':'": "expected-colon",
        "found character that cannot start any token": "cannot-start-token",
        "found unexpected end of stream": "end-of-stream",
        "found unknown escape character": "unknown-escape",
        "found a tab character that violates indentation": "tab-indentation",
        "found a tab character where an indentation space is expected": "tab-where-space",
        "did not find expected key": "expected-key",
        "did not find expected node content": "expected-content",
        "did not find expected '-' indicator": "expected-dash",
        "did not find expected ',' or ']'": "expected-bracket",
        "did not find expected ',' or '}'": "expected-brace",
        "did not find expected comment or line break": "expected-line-break",
        "did not find expected whitespace or line break": "expected-whitespace",
        "found unexpected document indicator": "document-indicator",
        "did not find expected <document start>": "document-start",
        "found unexpected ':'": "unexpected-colon",
        "found undefined tag handle": "undefined-tag",
        "found an incorrect leading UTF-8 octet": "utf8-leading",
        "found an incorrect trailing UTF-8 octet": "utf8-trailing",
        "did not find expected alphabetic or numeric character": "expected-alphanumeric",
        "control characters are not allowed": "control-character",
        "found undefined alias": "undefined-alias",
        "did not find URI escaped octet": "uri-escape",
        "did not find expected tag URI": "expected-tag-uri",
        "did not find expected '!'": "expected-exclamation",
        "did not find the expected '>'": "expected-angle",
        "did not find expected whitespace": "expected-space",
        "found an indentation indicator equal to 0": "indentation-zero",
        "found invalid Unicode character escape code": "unicode-escape",
        "did not find expected hexdecimal number": "expected-hex",
        "found unknown directive name": "unknown-directive",
        "could not find expected directive name": "expected-directive",
        "found unexpected non-alphabetical character": "non-alphabetical",
        "did not find expected digit or '.' character": "expected-digit",
        "did not find expected version number": "expected-version",
        "found extremely long version number": "long-version",
        "found duplicate %YAML directive": "duplicate-yaml-directive",
        "found incompatible YAML document": "incompatible-version",
        "found duplicate %TAG directive": "duplicate-tag-directive",
        "but found another document": "another-document",
    ]
    /// A key followed by a full-width colon `：`, which YAML does not read as one.
    static func yamlFullWidthColon(key: String, at location: SourceLocation) -> Diagnostic {
        .error(.yamlSyntax, at: location, "yaml.full-width-colon", ["key": .value(key)])
    }
    /// A mapping key written a second time.
    static func yamlDuplicateKey(_ key: String, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
        .error(.yamlSyntax, at: location, "yaml.duplicate-key", ["key": .value(key), "line": .number(first.line)])
    }
}

extension Diagnostic {
    /// A quoted field that runs to the end of the file.
    static func unclosedQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "csv.unclosed-quote")
    }
    /// Text between a field's closing quote and the next delimiter.
    static func textAfterQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "csv.text-after-quote")
    }
    /// A `"` in the middle of a field that does not start with one.
    static func strayQuote(at location: SourceLocation) -> Diagnostic {
        .error(.csvSyntax, at: location, "csv.stray-quote")
    }
}

extension Diagnostic {
    /// A delimiter chosen from a header that holds more than one candidate: `among` gives
    /// each candidate's name and count on the header line, `others` the separator lines
    /// that would read the file the other ways.
    static func delimiterGuessed(
        _ chosen: Message.Argument, among: [(Message.Argument, Int)], sepLine: Message.Argument,
        others: [Message.Argument], at location: SourceLocation
    ) -> Diagnostic {
        let counts = among.sorted { $0.1 > $1.1 }.map {
            Message.Argument.message(Message("csv.delimiter-count", ["count": .number($0.1), "delimiter": $0.0]))
        }
        return .warning(
            .csvDelimiter, at: location, "csv.delimiter-guessed",
            ["counts": .list(counts, .and), "chosen": chosen, "sep-line": sepLine, "others": .list(others, .or)])
    }
    /// A `sep=` first line whose delimiter is none Dossier reads.
    static func unusableSeparatorLine(_ line: String, at location: SourceLocation) -> Diagnostic {
        .error(.csvDelimiter, at: location, "csv.sep-line-unusable", ["line": .value(line)])
    }
}

extension Diagnostic {
    /// project.yml's `encoding` naming for `file` something that is no encoding name: an
    /// unknown name, or a list or map where one name belongs.
    static func unknownEncoding(file: String, _ value: YAMLNode) -> Diagnostic {
        let names = Message.Argument.values(TextEncoding.names)
        guard let written = value.scalar else {
            return .error(
                .projectValue, at: value.location, "encoding.one-name",
                ["file": .value(file), "type": value.typeTerm, "expected": names])
        }
        return .error(.projectValue, at: value.location, "encoding.unknown", ["value": .value(written), "expected": names])
    }

    /// A file above the size read (`SiteLoader.maximumTableSize`); sizes in bytes, shown in MiB.
    static func fileTooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        .error(
            .fileTooLarge, at: .start(of: file), "file.too-large", ["size": .number(size >> 20), "limit": .number(limit >> 20)])
    }

    /// A file that cannot be read as text: empty, binary, or not in its encoding; the
    /// hint names the encoding it reads as and how `entry` says so in project.yml.
    static func undecodable(
        _ file: String, _ problem: TextDecodingProblem, guess: EncodingGuess?, entry: EncodingEntry,
        declared: DeclaredEncoding? = nil, alternative: TextEncoding? = nil
    ) -> Diagnostic {
        switch problem {
        case .empty:
            return .error(.fileEmpty, at: .start(of: file), "file.empty")
        case .binary:
            return .error(.fileBinary, at: .start(of: file), "file.binary")
        case .utf16WithoutMark(let bigEndian):
            let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
            let endian = Message.Argument.term(bigEndian ? "utf16-big-endian" : "utf16-little-endian")
            if entry == .utf8Only {
                return .error(
                    .fileEncoding, at: .start(of: file), "encoding.utf16-no-mark",
                    ["endian": endian, "tell": entry.tell(encoding)])
            }
            return .error(
                .fileEncoding, at: .start(of: file), "encoding.utf16-no-mark-or-save",
                ["endian": endian, "tell": entry.tell(encoding)])
        case .invalidUTF8(let line, let column):
            let at = SourceLocation(file: file, line: line, column: column)
            switch guess ?? .none(mixedWithUTF8: false) {
            case .one(let encoding, let sample):
                return .error(
                    .fileEncoding, at: at, "encoding.invalid-utf8-reads-as",
                    ["encoding": .value(encoding.rawValue), "sample": .value(sample), "tell": entry.tell(encoding)])
            case .several(let readings):
                let each = readings.map {
                    Message.Argument.message(
                        Message("encoding.reading", ["encoding": .value($0.encoding.rawValue), "sample": .value($0.sample)]))
                }
                let choose: Message.Argument
                switch entry {
                case .newMap(let key):
                    choose = .message(
                        Message(
                            "encoding.choose-new-map", ["key": .value(key), "encoding": .value(readings[0].encoding.rawValue)]))
                case .addToMap(let key):
                    choose = .message(
                        Message(
                            "encoding.choose-add-to-map", ["key": .value(key), "encoding": .value(readings[0].encoding.rawValue)])
                    )
                case .utf8Only:
                    choose = entry.tell(readings[0].encoding)
                }
                return .error(
                    .fileEncoding, at: at, "encoding.invalid-utf8-reads-as-several",
                    ["readings": .list(each, .or), "choose": choose])
            case .none(let mixed) where mixed:
                return .error(.fileEncoding, at: at, "encoding.invalid-utf8-mixed")
            case .none:
                return .error(
                    .fileEncoding, at: at, "encoding.invalid-utf8-none",
                    ["encodings": .values(EncodingGuess.candidates.map(\.rawValue))])
            }
        case .invalidEncoding(let encoding, let line, let column):
            // Named as project.yml writes it; `latin1` is read as Windows-1252.
            let written = declared?.name ?? encoding.rawValue
            let readAs: Message.Argument =
                TextEncoding.latin1Names.contains(written.lowercased())
                ? .message(Message("encoding.read-as-browsers", ["encoding": .value(encoding.rawValue)])) : .value("")
            var other = Message.Argument.value("")
            if let alternative, case .addToMap(let key) = entry {
                other = .message(
                    Message(
                        "encoding.alternative",
                        [
                            "encoding": .value(alternative.rawValue), "distinction": alternative.distinction,
                            "key": .value(key),
                        ]))
            }
            return .error(
                .fileEncoding, at: SourceLocation(file: file, line: line, column: column), "encoding.invalid-declared",
                ["encoding": .value(written.uppercased()), "read-as": readAs, "alternative": other])
        }
    }

    /// `encoding` naming a file that is not there; the path under content/ it likely means.
    static func unknownEncodingFile(_ key: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        // A bare file name of a note in a folder: the path it needs.
        let byName = known.filter { ($0 as NSString).lastPathComponent == key && $0 != key }
        let hint: Message.Argument =
            byName.count == 1
            ? .message(Message("hint.did-you-mean-path", ["value": .value(byName[0])]))
            : Suggestion.hint(for: key, in: known)
        return .warning(.projectKey, at: location, "encoding.unknown-file", ["key": .value(key), "hint": hint])
    }

    /// Whether the diagnostic tells to name an encoding in project.yml.
    var namesAnEncoding: Bool { message.description.contains("encoding: {") }
}
