/// A sentence for a person, as a key of the message catalogue and its arguments; worded
/// in a language only when printed (`text(in:)`), so one diagnostic reads the same in
/// every language and its machine parts (rule, location) never depend on the wording.
///
/// Keys are the ones of `messages:` in templates/strings/<language>.yml; the catalogue's
/// text names each argument as `{name}`.
public struct Message: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var key: String
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    /// A value put into a message.
    public indirect enum Argument: Hashable, Sendable {
        /// Text from the records or the file system (a cell, a path, a header), shown as it is.
        case value(String)
        /// A count; also picks the plural form of a message that has several (`count`).
        case number(Int)
        /// A word of Dossier's own vocabulary (a field, a kind of record, a YAML type),
        /// worded by the catalogue's `term.<id>`; shown as `id` when it has no entry.
        case term(String)
        /// A nested sentence, worded in the same language.
        case message(Message)
        /// Items joined as the language joins a list: `a, b and c`, `a、b和c`.
        case list([Argument], Joining)

        /// A hint that may be absent: nothing when `message` is nil.
        public static func optional(_ message: Message?) -> Argument { message.map { .message($0) } ?? .value("") }
        /// Values joined by the language's separator (`a, b, c`).
        public static func values(_ items: [String], _ joining: Joining = .comma) -> Argument {
            .list(items.map { .value($0) }, joining)
        }
    }

    /// How a list's items are joined: the catalogue's `list.comma`, `list.and`, `list.or`.
    public enum Joining: String, Hashable, Sendable {
        /// `a, b, c`.
        case comma
        /// `a, b and c`.
        case and
        /// `a, b or c`.
        case or
    }

    /// The message in `language`, through the built-in catalogue.
    public func text(in language: Language) -> String { MessageCatalogue.builtIn(for: language).text(self, in: language) }

    /// The English text, for logs and test failures.
    public var description: String { text(in: .en) }

    /// Ordered by the English text, so output sorts alike in every language.
    public static func < (a: Message, b: Message) -> Bool { a.description < b.description }
}
