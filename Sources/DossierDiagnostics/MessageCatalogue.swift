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
    public static let builtIn: MessageCatalogue = {
        var files: [String: String] = [:]
        for (path, encoded) in EmbeddedStrings.base64 {
            if let data = Data(base64Encoded: encoded) { files[path] = String(decoding: data, as: UTF8.self) }
        }
        return MessageCatalogue(files: files)
    }()

    /// Reads `<language>.yml` texts by file name; files of other names, and text that is
    /// no YAML map, are left out.
    public init(files: [String: String]) {
        for language in Language.allCases {
            guard let text = files["\(language.rawValue).yml"],
                let root = (try? Yams.load(yaml: text)) as? [String: Any],
                let messages = root["messages"] as? [String: Any]
            else { continue }
            var table: [String: Entry] = [:]
            for (key, value) in messages {
                if let text = value as? String {
                    table[key] = .text(text)
                } else if let forms = value as? [String: Any] {
                    table[key] = .plural(forms.compactMapValues { $0 as? String })
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
        var out = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            guard let argument = arguments[name], Self.isPlaceholderName(name) else {
                // A brace of the text itself (`encoding: {{file}: gbk}`): kept, and read on after it.
                out += "{"
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += render(argument, in: language)
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
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
            if joining == .comma { return words.joined(separator: comma) }
            let last = text(Message(joining == .and ? "list.and" : "list.or"), in: language)
            return words.dropLast().joined(separator: comma) + last + words.last!
        }
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
