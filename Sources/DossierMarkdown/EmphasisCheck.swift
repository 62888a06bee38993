import CCmarkGFM
import DossierUtilities

/// A pair of `*` or `_` runs that CommonMark left as text because of the punctuation
/// beside one of them: `**重要，**请注意` shows its asterisks, as it does on GitHub.
///
/// CommonMark §6.2 lets a delimiter run close emphasis only when it is right-flanking:
/// not after white space, and, when after punctuation, followed by white space or
/// punctuation. The closing `**` of `**重要，**请` follows `，` and precedes `请`, a letter,
/// so it cannot close; `**重要**，请` works. Mirrored, `中文**「重要」**。` cannot open
/// (after a letter, before punctuation). Chinese and Japanese put no space around words,
/// so the rule bites there; in English the same happens only to `**Note:**text`.
public struct MarkdownEmphasisProblem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The second run follows punctuation and precedes a letter.
        case notClosing
        /// The first run follows a letter and precedes punctuation.
        case notOpening
    }

    public var kind: Kind
    /// The run that fails, as written (`**`).
    public var delimiter: String
    /// The characters before and after it; nil at the start or end of the line.
    public var before: Character?
    public var after: Character?
    /// The text from the first run to the second, rewritten with the punctuation moved
    /// outside (`**重要**，`); nil when the pair spans lines or more than a phrase.
    public var suggestion: String?
    /// Where the failing run starts: 1-based line and column, the column in Unicode scalars.
    public var position: MarkdownPosition
}

/// Finds `MarkdownEmphasisProblem`s in a freshly parsed tree.
///
/// cmark-gfm leaves a delimiter run that matched nothing in a text node, merged with
/// the text around it, and so it does an escaped `\*`. The source tells them apart: each
/// text node is matched against its source line (escapes included), and only runs
/// written as they are count. Runs in code are code nodes, never looked at. Within one
/// paragraph (or heading, or table cell), the literal runs of the same character and
/// length are taken in pairs, and a pair is reported when the flanking rule is what
/// kept it apart.
struct EmphasisCheck {
    let lines: TextLines
    let lineOffset: Int

    /// One literal delimiter run in the source.
    private struct Run {
        var byte: UInt8
        var line: Int
        /// UTF-8 offsets in the line, the run's own bytes.
        var start: Int
        var end: Int
        var before: Unicode.Scalar?
        var after: Unicode.Scalar?

        var length: Int { end - start }
        var beforeIsSpace: Bool { before.map(EmphasisCheck.isWhitespace) ?? true }
        var afterIsSpace: Bool { after.map(EmphasisCheck.isWhitespace) ?? true }
        var beforeIsPunctuation: Bool { before.map(EmphasisCheck.isPunctuation) ?? false }
        var afterIsPunctuation: Bool { after.map(EmphasisCheck.isPunctuation) ?? false }
        /// Left- or right-flanking (§6.2): a run with space on both sides is no delimiter.
        var flanks: Bool { !(beforeIsSpace && afterIsSpace) }
        /// Left-flanking but for the punctuation after it: after a letter, before punctuation.
        var failsToOpen: Bool { afterIsPunctuation && !beforeIsSpace && !beforeIsPunctuation }
        /// Right-flanking but for the punctuation before it: after punctuation, before a letter.
        var failsToClose: Bool { beforeIsPunctuation && !afterIsSpace && !afterIsPunctuation }
    }

    func problems(in root: OpaquePointer) -> [MarkdownEmphasisProblem] {
        var blocks: [(block: OpaquePointer, runs: [Run])] = []
        var seen: Set<[Int]> = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node)
            else { continue }
            let bytes = Array(String(cString: literal).utf8)
            guard bytes.contains(where: { $0 == 0x2A || $0 == 0x5F }) else { continue }
            let runs = self.runs(of: node, literal: bytes).filter { seen.insert([$0.line, $0.start]).inserted }
            guard !runs.isEmpty, let block = Self.block(of: node) else { continue }
            if let last = blocks.indices.last, blocks[last].block == block {
                blocks[last].runs += runs
            } else {
                blocks.append((block, runs))
            }
        }
        return blocks.flatMap { problems(among: $0.runs) }
    }

    /// The pairs of `runs` (one block's, in order) that the flanking rule kept apart.
    private func problems(among runs: [Run]) -> [MarkdownEmphasisProblem] {
        var groups: [[Int]: [Run]] = [:]
        var order: [[Int]] = []
        for run in runs where run.flanks {
            let key = [Int(run.byte), run.length]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(run)
        }
        var found: [MarkdownEmphasisProblem] = []
        for key in order {
            let group = groups[key]!
            for index in stride(from: 0, to: group.count - 1, by: 2) {
                let opening = group[index]
                let closing = group[index + 1]
                if closing.failsToClose {
                    found.append(problem(.notClosing, at: closing, opening: opening, closing: closing))
                } else if opening.failsToOpen {
                    found.append(problem(.notOpening, at: opening, opening: opening, closing: closing))
                }
            }
        }
        return found.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) }
    }

    private func problem(_ kind: MarkdownEmphasisProblem.Kind, at run: Run, opening: Run, closing: Run)
        -> MarkdownEmphasisProblem
    {
        let text = lineText(run.line)
        let delimiter = String(decoding: text[run.start..<run.end], as: UTF8.self)
        var suggestion: String?
        // The runs were found by matching text against the line: order is checked, not assumed.
        if opening.line == closing.line, opening.end <= closing.start {
            let inner = String(decoding: text[opening.end..<closing.start], as: UTF8.self).unicodeScalars
            let leading = inner.prefix(while: Self.isPunctuation)
            let trailing = inner.reversed().prefix(while: Self.isPunctuation).reversed()
            if inner.count <= 40, leading.count + trailing.count < inner.count, !inner.contains(where: { $0 == "*" || $0 == "_" })
            {
                let core = inner.dropFirst(leading.count).dropLast(trailing.count)
                suggestion =
                    String(String.UnicodeScalarView(leading)) + delimiter + String(String.UnicodeScalarView(core))
                    + delimiter + String(String.UnicodeScalarView(trailing))
            }
        }
        return MarkdownEmphasisProblem(
            kind: kind, delimiter: delimiter, before: run.before.map(Character.init),
            after: run.after.map(Character.init), suggestion: suggestion,
            position: MarkdownPosition(
                line: run.line + lineOffset, column: lines.column(line: run.line, utf8Column: run.start + 1)))
    }

    /// The literal runs of `*` or `_` in a text node, found in its source line.
    private func runs(of node: OpaquePointer, literal: [UInt8]) -> [Run] {
        if let paragraph = InterruptedParagraph.lines(holding: node) {
            // No place of its own: the first of the paragraph's lines that reads it.
            return (paragraph.first...paragraph.last).lazy.map { runs(on: $0, guess: -1, literal: literal) }
                .first { !$0.isEmpty } ?? []
        }
        let line = Int(cmark_node_get_start_line(node))
        guard line > 0 else { return [] }
        // cmark's column is exact on a block's first line, not always on the next ones.
        return runs(on: line, guess: Int(cmark_node_get_start_column(node)) - 1, literal: literal)
    }

    /// The runs of `literal` read from `line`, from byte offset `guess` if it is read
    /// from there, else from the first place it is.
    private func runs(on line: Int, guess: Int, literal: [UInt8]) -> [Run] {
        let text = lineText(line)
        let starts = [guess] + text.indices.filter { $0 != guess && (text[$0] == literal[0] || text[$0] == 0x5C) }
        guard let offsets = starts.lazy.filter({ $0 >= 0 }).compactMap({ Self.match(literal, in: text, at: $0) }).first
        else { return [] }
        var runs: [Run] = []
        var index = 0
        while index < literal.count {
            let byte = literal[index]
            guard byte == 0x2A || byte == 0x5F, let start = offsets[index] else {
                index += 1
                continue
            }
            var next = index + 1
            while next < literal.count, literal[next] == byte, let offset = offsets[next], offset == start + next - index {
                next += 1
            }
            // The whole run as written, should a part of it have been used by emphasis.
            var first = start
            var end = start + next - index
            while first > 0, text[first - 1] == byte, first < 2 || text[first - 2] != 0x5C { first -= 1 }
            while end < text.count, text[end] == byte { end += 1 }
            // Beside an escaped `\*` the writer wants asterisks shown.
            if first > 0, text[first - 1] == byte {
                index = next
                continue
            }
            runs.append(
                Run(
                    byte: byte, line: line, start: first, end: end, before: Self.scalar(before: first, in: text),
                    after: Self.scalar(at: end, in: text)))
            index = next
        }
        return runs
    }

    /// Where each byte of `literal` stands in `text` when `literal` is what cmark read
    /// from `text` starting at `start`: the offset of an unescaped byte, nil for one
    /// written with a backslash (CommonMark §2.4). Nil when it was not read from there.
    static func match(_ literal: [UInt8], in text: [UInt8], at start: Int) -> [Int?]? {
        guard start >= 0 else { return nil }
        var offsets: [Int?] = []
        offsets.reserveCapacity(literal.count)
        var position = start
        for byte in literal {
            guard position < text.count else { return nil }
            if text[position] == 0x5C, position + 1 < text.count, text[position + 1] == byte, isASCIIPunctuation(byte) {
                offsets.append(nil)
                position += 2
            } else if text[position] == byte {
                offsets.append(position)
                position += 1
            } else {
                return nil
            }
        }
        return offsets
    }

    /// Line `number` of the source without its line break.
    private func lineText(_ number: Int) -> [UInt8] {
        var line = lines.utf8(line: number)
        if line.last == 0x0A { line = line.dropLast() }
        if line.last == 0x0D { line = line.dropLast() }
        return Array(line)
    }

    /// The leaf block holding an inline node.
    private static func block(of node: OpaquePointer) -> OpaquePointer? {
        var current = cmark_node_parent(node)
        while let n = current, cmark_node_get_type(n).rawValue & 0xC000 != CMARK_NODE_DOCUMENT.rawValue & 0xC000 {
            current = cmark_node_parent(n)
        }
        return current
    }

    private static func scalar(at offset: Int, in text: [UInt8]) -> Unicode.Scalar? {
        guard offset < text.count else { return nil }
        var end = offset + 1
        while end < text.count, text[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: text[offset..<end], as: UTF8.self).unicodeScalars.first
    }

    private static func scalar(before offset: Int, in text: [UInt8]) -> Unicode.Scalar? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return String(decoding: text[start..<offset], as: UTF8.self).unicodeScalars.last
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }

    /// CommonMark's Unicode whitespace: Zs, tab, line feed, form feed, carriage return.
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        [0x09, 0x0A, 0x0C, 0x0D].contains(scalar.value) || scalar.properties.generalCategory == .spaceSeparator
    }

    /// CommonMark 0.29's punctuation, as cmark-gfm reads it: ASCII punctuation, or
    /// general category Pc, Pd, Pe, Pf, Pi, Po or Ps.
    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return isASCIIPunctuation(UInt8(scalar.value)) }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .closePunctuation, .finalPunctuation, .initialPunctuation,
            .otherPunctuation, .openPunctuation:
            return true
        default: return false
        }
    }
}
