/// How a text changed, counted in lines: what a reviewer reads of an edited description
/// instead of the whole text before and after.
///
/// Lines are compared whole, as `git diff` does: a line edited is one removed and one
/// added. The count is of a shortest edit (a longest common subsequence of the lines),
/// so a line moved elsewhere is one removed and one added too. Line breaks are `\n`,
/// `\r\n` or `\r` alike, so a file saved again with other line ends does not change.
public struct LineCount: Sendable, Equatable {
    /// Lines in the new text that the old one did not have.
    public var added: Int
    /// Lines of the old text that the new one does not have.
    public var removed: Int

    public init(added: Int, removed: Int) {
        self.added = added
        self.removed = removed
    }

    /// The lines added and removed from `old` to `new`; nil is no text (no lines).
    public init(from old: String?, to new: String?) {
        let difference = Self.lines(new).difference(from: Self.lines(old))
        self.init(added: difference.insertions.count, removed: difference.removals.count)
    }

    /// The lines of `text`; a final line break ends the last line rather than starting
    /// an empty one.
    static func lines(_ text: String?) -> [Substring] {
        guard let text, !text.isEmpty else { return [] }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// True when `text` holds more than one line: such a value is summarised, not shown.
    static func spansLines(_ text: String?) -> Bool { lines(text).count > 1 }
}
