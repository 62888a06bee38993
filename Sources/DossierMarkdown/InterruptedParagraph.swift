import CCmarkGFM

/// A paragraph that a table interrupts (`text` on the line above `| a | b |`, no blank
/// line between): cmark-gfm leaves it and everything in it without a source position
/// (0:0, or lines counted from the paragraph's 0) and gives the table the paragraph's
/// start (github/cmark-gfm#222). Its lines are found from the table: the first is the
/// table's start, the last is above the table's header row, which is two above the
/// first body row (or one above the table's end, the delimiter row, when the table has
/// no body). What is in such a paragraph, or in that table's header row, is looked up
/// on those lines.
enum InterruptedParagraph {
    /// The first line, its byte column and the last line (1-based) of the interrupted
    /// paragraph that holds `node` (or is it); nil when it is in none.
    static func lines(holding node: OpaquePointer) -> (first: Int, column: Int, last: Int)? {
        var current: OpaquePointer? = node
        while let n = current {
            if let lines = lines(of: n) { return lines }
            if let line = headerRow(n) { return (line, 1, line) }
            current = cmark_node_parent(n)
        }
        return nil
    }

    /// The line of `node` when it is the header row of a table that interrupts a
    /// paragraph: cmark-gfm places that row, and what is in it, on the paragraph's line.
    private static func headerRow(_ node: OpaquePointer) -> Int? {
        guard cmark_node_previous(node) == nil, let table = cmark_node_parent(node),
            cmark_node_get_type_string(table).map({ String(cString: $0) }) == "table",
            let paragraph = cmark_node_previous(table), let lines = lines(of: paragraph)
        else { return nil }
        return lines.last + 1
    }

    private static func lines(of node: OpaquePointer) -> (first: Int, column: Int, last: Int)? {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, cmark_node_get_start_line(node) == 0,
            let table = cmark_node_next(node), cmark_node_get_type_string(table).map({ String(cString: $0) }) == "table"
        else { return nil }
        let first = Int(cmark_node_get_start_line(table))
        guard first > 0 else { return nil }
        let header =
            cmark_node_first_child(table).flatMap(cmark_node_next).map { Int(cmark_node_get_start_line($0)) - 2 }
            ?? Int(cmark_node_get_end_line(table)) - 1
        return (first, Int(cmark_node_get_start_column(table)), max(first, header - 1))
    }
}
