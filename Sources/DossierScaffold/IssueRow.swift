import DossierDiagnostics
import DossierModel
import DossierRecords
import Foundation

/// The row `dossier new issue` appends to issues.csv: the next free id, today's date,
/// status open, and the fields given, each written in the file's own way (its header
/// order, delimiter, line ends, and the words its rows use for a status, priority, tier
/// or category, so a Chinese list gets 新建 and not `open`).
public struct IssueRow: Sendable {
    /// The new issue's id.
    public let id: String
    /// The row as written, with its line end.
    public let text: String
    /// The text to append to the file: a line end first when the file does not end
    /// with one.
    public let appended: String

    /// Fields a new issue can be given (canonical names of SPEC §1.3).
    public static let fields = [
        "category", "priority", "tier", "module", "reporter", "owner", "due", "milestone", "tags", "description",
    ]

    /// Makes the row for `table` (issues.csv as read, `source` its text as decoded, a CR
    /// alone already turned into LF) with `title` and `values` (canonical field name →
    /// value as the user wrote it), opened at `now`. `lineEnd` is the file's own (a CR
    /// alone for Excel for Mac); nil means CRLF when `source` has any, else LF.
    public init(
        table: CSVTable, source: String, site: Site, title: String, values: [String: String], now: Date, lineEnd: LineEnd? = nil
    ) {
        let settings = site.settings
        let fields = table.header.map { cell -> String? in
            let folded = FieldAliases.fold(cell.value)
            return settings.columns[folded] ?? FieldAliases.issueHeaders[folded]
        }
        let rows = table.rows.filter { !$0.isBlank }
        func cells(_ field: String) -> [String] {
            guard let column = fields.firstIndex(of: field) else { return [] }
            return rows.compactMap { $0.cells.indices.contains(column) ? $0.cells[column].value.trimmed : nil }.filter {
                !$0.isEmpty
            }
        }
        id = Self.nextID(after: cells("id"))

        /// The word the file's rows use for the value `wanted` means, else `wanted`.
        func inFileWords(_ field: String, _ wanted: String, canonical: (String) -> String?) -> String {
            let meaning = canonical(wanted) ?? wanted
            return cells(field).last { canonical($0) == meaning } ?? wanted
        }
        func aliases(_ field: String, _ table: [String: String]) -> (String) -> String? {
            { text in
                let folded = FieldAliases.fold(text)
                return settings.values[field]?[folded] ?? table[folded] ?? (table.values.contains(folded) ? folded : nil)
            }
        }
        let category: (String) -> String? = { text in
            let folded = FieldAliases.fold(text)
            return settings.values["category"]?[folded]
                ?? settings.categories.first { FieldAliases.fold($0.id) == folded || FieldAliases.fold($0.label) == folded }?.id
        }

        let clock = settings.clock
        let day = clock.day(of: now).description
        // A date and time when the file's last row has one, else the date alone.
        let opened = cells("opened").last?.contains(":") == true ? "\(day) \(clock.timeOfDay(now))" : day
        var row: [String: String] = ["id": id, "title": title, "opened": opened]
        row["status"] = inFileWords("status", "open", canonical: aliases("status", FieldAliases.statuses))
        for (field, value) in values where !value.isEmpty {
            switch field {
            case "priority": row[field] = inFileWords(field, value, canonical: aliases(field, FieldAliases.priorities))
            case "tier": row[field] = inFileWords(field, value, canonical: aliases(field, FieldAliases.tiers))
            case "category": row[field] = inFileWords(field, value, canonical: category)
            default: row[field] = value
            }
        }

        var written = Set<String>()
        let delimiter = table.delimiter
        let line = fields.map { field -> String in
            // A field is written once, in its first column (Jira repeats `Labels`).
            guard let field, written.insert(field).inserted, let value = row[field] else { return "" }
            return Self.quoted(value, delimiter: delimiter)
        }.joined(separator: String(delimiter))
        let lineEnd = (lineEnd ?? (source.contains("\r\n") ? .crlf : .lf)).rawValue
        text = line + lineEnd
        // By bytes: "\r\n" is one Character, so `hasSuffix("\n")` misses it. A source
        // ending in a CR alone was decoded ending in LF.
        appended = (source.isEmpty || source.utf8.last == UInt8(ascii: "\n") ? "" : lineEnd) + text
    }

    /// The id after the last one: the last row's prefix with the highest number it has
    /// plus one, as wide as the last id's number (`FK-071` → `FK-072`); `ISS-1` for the
    /// first issue.
    static func nextID(after ids: [String]) -> String {
        func split(_ id: String) -> (prefix: String, digits: String)? {
            let digits = String(id.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
            return digits.isEmpty ? nil : (String(id.dropLast(digits.count)), digits)
        }
        guard let last = ids.reversed().lazy.compactMap(split).first else { return "ISS-1" }
        let highest = ids.compactMap(split).filter { $0.prefix == last.prefix }.compactMap { Int($0.digits) }.max() ?? 0
        let taken = Set(ids)
        var number = highest + 1
        while true {
            let digits = String(number)
            let id = last.prefix + String(repeating: "0", count: max(0, last.digits.count - digits.count)) + digits
            if !taken.contains(id) { return id }
            number += 1
        }
    }

    /// A CSV field, quoted when it holds the delimiter, a quote, a line break or
    /// leading or trailing space (RFC 4180).
    static func quoted(_ value: String, delimiter: Character) -> String {
        let needsQuotes =
            value.contains(delimiter) || value.contains("\"") || value.contains("\n") || value.contains("\r")
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        return needsQuotes ? "\"" + value.replacingEvery("\"", with: "\"\"") + "\"" : value
    }
}
