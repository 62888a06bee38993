/// Why a command cannot run at all, as opposed to problems found in the records: the
/// command line prints `dossier: ` and the failure's text in the reader's language, and
/// exits with status 2.
///
/// Each layer throws its own typed failure, with cases that carry values; its `message`
/// is the one place that words them, through the message catalogue.
public protocol UsageError: Error, CustomStringConvertible {
    /// The failure as a sentence of the catalogue.
    var message: Message { get }
    /// The failure's whole text in `language`: `message`, and for a failure that carries
    /// diagnostics, those printed below it.
    func text(in language: Language) -> String
}

extension UsageError {
    public func text(in language: Language) -> String { message.text(in: language) }
    /// The English text, for logs and test failures.
    public var description: String { text(in: .en) }
}
