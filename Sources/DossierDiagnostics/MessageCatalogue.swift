import Foundation
import Yams

/// The words of Dossier's messages in each language: the `messages:` section of the
/// theme's string files, templates/strings/<language>.yml (other top-level sections, such
/// as the pages' `words:`, belong to other readers and are left alone).
///
/// An entry is text with named placeholders (`unknown {field} "{value}"`), or a map of
/// plural forms (`one`, `few`, `many`, `other`) chosen by the message's `count` argument
/// with the language's rules. A key a language lacks is worded in English; a key English
/// lacks shows as the key itself, so nothing is ever lost, only less translated (the
/// tests require every key in every language).
public struct MessageCatalogue: Sendable {
    /// One entry: text, or plural forms by category.
    public enum Entry: Sendable, Equatable {
        case text(String)
        case plural([String: String])

        /// The `{name}` placeholders of every form, for the catalogue's tests.
        public var placeholders: Set<String> {
            switch self {
            case .text(let text): return MessageCatalogue.placeholders(in: text)
            case .plural(let forms): return forms.values.reduce(into: []) { $0.formUnion(MessageCatalogue.placeholders(in: $1)) }
            }
        }
    }

    /// Entries by language, then key.
    public private(set) var entries: [Language: [String: Entry]] = [:]

    /// The catalogue built into the binary from templates/strings/ (see EmbedStrings).
    public static let builtIn = MessageCatalogue(files: builtInFiles)

    /// templates/strings/ as built into the binary, by file name (`zh.yml`).
    private static let builtInFiles: [String: String] = EmbeddedStrings.base64.compactMapValues { encoded in
        Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The built-in catalogue with only `language` and English read, the entries a
    /// message in `language` can take (a key the language lacks is worded in English):
    /// each is parsed when first asked for, once per process. A `build` prints a
    /// message or two in one language; parsing all three files cost 4.6 % of its main
    /// thread at S.
    public static func builtIn(for language: Language) -> MessageCatalogue {
        byLanguageLock.lock()
        defer { byLanguageLock.unlock() }
        if let catalogue = byLanguage[language] { return catalogue }
        let catalogue = MessageCatalogue(
            files: builtInFiles.filter { $0.key == "\(language.rawValue).yml" || $0.key == "en.yml" })
        byLanguage[language] = catalogue
        return catalogue
    }

    private static let byLanguageLock = NSLock()
    nonisolated(unsafe) private static var byLanguage: [Language: MessageCatalogue] = [:]

    /// Reads `<language>.yml` texts by file name; files of other names, and text that is
    /// no YAML map, are left out.
    public init(files: [String: String]) {
        for language in Language.allCases {
            // Composed, not loaded: every value is text here, and Yams' loading types each
            // scalar with regular expressions (most of the catalogue's parse).
            guard let text = files["\(language.rawValue).yml"],
                let root = (try? Yams.compose(yaml: text, .basic, .default, .utf8))?.mapping,
                let messages = root["messages"]?.mapping
            else { continue }
            var table: [String: Entry] = [:]
            for (key, value) in messages {
                guard let key = key.scalar?.string else { continue }
                if let text = value.scalar?.string {
                    table[key] = .text(text)
                } else if let forms = value.mapping {
                    var plural: [String: String] = [:]
                    for (form, text) in forms {
                        if let form = form.scalar?.string, let text = text.scalar?.string { plural[form] = text }
                    }
                    table[key] = .plural(plural)
                }
            }
            entries[language] = table
        }
    }

    /// `message` worded in `language`.
    public func text(_ message: Message, in language: Language) -> String {
        guard let entry = entries[language]?[message.key] ?? entries[.en]?[message.key] else {
            return message.key
        }
        let template: String
        switch entry {
        case .text(let text):
            template = text
        case .plural(let forms):
            var count = 0
            if case .number(let n) = message.arguments["count"] { count = n }
            let category = Self.pluralCategory(count, language)
            template = forms[category] ?? forms["other"] ?? forms.values.first ?? ""
        }
        return fill(template, message.arguments, in: language)
    }

    /// The text of one word of the vocabulary (`term.<id>`), or nil.
    public func term(_ id: String, in language: Language) -> String? {
        guard case .text(let text)? = entries[language]?["term.\(id)"] ?? entries[.en]?["term.\(id)"] else { return nil }
        return text
    }

    private func fill(_ template: String, _ arguments: [String: Message.Argument], in language: Language) -> String {
        // The template's own text and the values put into it, in turn.
        var pieces: [(text: String, isValue: Bool)] = []
        var text = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            text += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            guard let argument = arguments[name], Self.isPlaceholderName(name) else {
                // A brace of the text itself (`encoding: {{file}: gbk}`): kept, and read on after it.
                text += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            pieces += [(text, false), (render(argument, in: language), true)]
            text = ""
            rest = rest[rest.index(after: close)...]
        }
        pieces.append((text + rest, false))
        return Self.joinSpaced(pieces)
    }

    private func render(_ argument: Message.Argument, in language: Language) -> String {
        switch argument {
        case .value(let text): return text
        case .number(let n): return String(n)
        case .term(let id): return term(id, in: language) ?? id
        case .message(let message): return text(message, in: language)
        case .list(let items, let joining):
            let words = items.map { render($0, in: language) }
            let comma = text(Message("list.comma"), in: language)
            guard words.count > 1 else { return words.joined() }
            let last = joining == .comma ? comma : text(Message(joining == .and ? "list.and" : "list.or"), in: language)
            let separators = Array(repeating: comma, count: words.count - 2) + [last]
            return Self.joinSpaced(zip(words, separators).flatMap { [($0, true), ($1, false)] } + [(words.last!, true)])
        }
    }

    /// `pieces` (a template's own text and the values put into it, or a list's items and
    /// separators; `true` marks a value) as one text, with a space at a seam where an
    /// ideograph meets a Latin letter or a digit, or a value's code span: `应为` and
    /// `0 到 100 的整数` read `应为 0 到 100 的整数`, `按`, `` `;` `` and `分隔` read
    /// ``按 `;` 分隔``, while `应为` and `映射` stay `应为映射`, as Chinese technical writing
    /// spaces mixed text. A digit beside 年, 月 or 日 stays joined, as dates are written
    /// (`2026年2月`), and so does the template's own mark before a value (`#{anchor}`). A
    /// piece is kept as written, so a record's own text is never respaced; English and
    /// Russian, whose templates space their words themselves, read as written.
    static func joinSpaced(_ pieces: [(text: String, isValue: Bool)]) -> String {
        var out = ""
        var lastIsValue = false
        for (text, isValue) in pieces where !text.isEmpty {
            if let before = out.unicodeScalars.last, let after = text.unicodeScalars.first,
                seamNeedsSpace(before, codeCounts: lastIsValue, after, codeCounts: isValue)
            {
                out += " "
            }
            out += text
            lastIsValue = isValue
        }
        return out
    }

    /// True when `a` then `b` are an ideograph and a Latin letter or digit, in either
    /// order, or an ideograph and the backtick of a value's code span (`codeCounts`), other
    /// than a digit beside 年, 月 or 日.
    static func seamNeedsSpace(_ a: Unicode.Scalar, codeCounts aCode: Bool, _ b: Unicode.Scalar, codeCounts bCode: Bool)
        -> Bool
    {
        func spaced(_ ideograph: Unicode.Scalar, _ other: Unicode.Scalar, code: Bool) -> Bool {
            guard ideograph.properties.isIdeographic, isLatinLike(other) || (code && other == "`") else { return false }
            return !(("0"..."9").contains(other) && "年月日".unicodeScalars.contains(ideograph))
        }
        return spaced(a, b, code: bCode) || spaced(b, a, code: aCode)
    }

    /// A letter of an alphabet (Latin, Cyrillic, Greek) or a digit.
    static func isLatinLike(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        return scalar.properties.isAlphabetic && !scalar.properties.isIdeographic && scalar.value < 0x2E80
    }

    /// The CLDR plural category of `n` in `language`: English one/other, Russian
    /// one/few/many, Chinese other.
    static func pluralCategory(_ n: Int, _ language: Language) -> String {
        switch language {
        case .zh: return "other"
        case .en: return n == 1 ? "one" : "other"
        case .ru:
            let (ones, tens) = (n % 10, n % 100)
            if ones == 1 && tens != 11 { return "one" }
            if (2...4).contains(ones) && !(12...14).contains(tens) { return "few" }
            return "many"
        }
    }

    /// A placeholder's name: letters, digits, `-` and `_`, starting with a letter.
    static func isPlaceholderName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }

    /// The `{name}` placeholders of `text`.
    public static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            guard isPlaceholderName(name) else {
                rest = rest[rest.index(after: open)...]
                continue
            }
            names.insert(name)
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
