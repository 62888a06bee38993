import DossierDiagnostics
import DossierUtilities
import Foundation
import PropertyBased
import Testing

@testable import DossierMarkdown
@testable import DossierModel
@testable import DossierRecords

/// Invariants of the parsers over generated inputs; a failure prints the shrunk input
/// and a seed to replay it with `.fixedSeed(…)`.
@Suite struct ParserPropertyTests {
    /// One of `values`, each equally likely.
    static func pick<T: Sendable>(_ values: [T]) -> Generator<T, Shrink.None<T?>> {
        Gen.element(of: values).map { $0 ?? values[0] }
    }

    /// Field text with everything that needs quoting: delimiters, quotes, line breaks,
    /// CJK, Cyrillic and an emoji.
    static let fieldText = pick(["a", "Z", "7", " ", ",", ";", "\"", "\n", "\r\n", "审", "批", "ж", "😀", "-", "#"])
        .array(of: 0...8).map { $0.joined() }

    /// A field as RFC 4180 writes it: quoted when it must be.
    static func encode(_ field: String, delimiter: Character) -> String {
        let needsQuotes = field.contains(where: { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }

    @Test func writtenTablesReadBackCellByCell() async {
        let rows = Self.fieldText.array(of: 3...3).array(of: 1...6)
        await propertyCheck(count: 300, input: rows, Gen.bool) { rows, semicolon in
            let delimiter: Character = semicolon ? ";" : ","
            let header = semicolon ? "a;b;c" : "a,b,c"
            let lines = rows.map { $0.map { Self.encode($0, delimiter: delimiter) }.joined(separator: String(delimiter)) }
            let text = ([header] + lines).joined(separator: "\r\n") + "\r\n"
            let (table, headerProblems) = CSVParser().parse(text, file: "t.csv")
            var read: [CSVRow] = []
            let problems = table.forEachRow { read.append($0) }
            #expect(headerProblems.isEmpty && problems.isEmpty)
            // Rows of nothing but white space are skipped, as blank lines are.
            let expected = rows.filter { !$0.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
            #expect(read.map { $0.cells.map(\.value) } == expected)
            // Each cell's place is where its field starts in the text.
            let textLines = TextLines.split(text)
            for cell in read.flatMap(\.cells) {
                let line = textLines[cell.location.line - 1]
                let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(cell.location.column - 1)))
                let written = Self.encode(cell.value, delimiter: delimiter)
                #expect(written.hasPrefix(rest) || rest.hasPrefix(String(written.prefix { $0 != "\n" && $0 != "\r\n" })))
            }
        }
    }

    @Test func anyBytesGiveLocatedProblemsNeverACrash() async {
        let bytes = Self.pick(Array("ab,;\"\n\r 中".utf8) + [0xFF, 0xC3]).array(of: 0...80)
        await propertyCheck(count: 500, input: bytes) { bytes in
            guard case .success(let text) = TextDecoder.decode(Data(bytes), as: .utf8) else { return }
            let (table, headerProblems) = CSVParser().parse(text, file: "t.csv")
            let problems = headerProblems + table.forEachRow { _ in }
            let lineCount = TextLines.split(text).count
            for problem in problems {
                #expect(problem.location.line >= 1 && problem.location.line <= lineCount)
                #expect(problem.location.column >= 1)
            }
        }
    }

    /// Front matter found in the bytes (`fences`) is what the line-by-line split finds:
    /// the same map at the same places, body, body line offset and problems; text with a
    /// CR takes the line-by-line split itself.
    @Test func frontMatterFoundInBytesIsFrontMatterFoundLineByLine() async {
        let line = Self.pick([
            "---", "--- ", "---\t", "...", "....", " ---", "-- -", "title: 登录", "tags: [a, b]", "owner: ж", "a:", "  - x",
            "", " ", "😀 text", "e\u{301}", "key: 'q'", "title：审批", "[link](x.md)",
        ]).array(of: 0...9)
        await propertyCheck(count: 600, input: line, Gen.bool) { lines, endsWithNewline in
            let text = lines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
            let fast = FrontMatterDocument.split(text, file: "content/handbook/a.md")
            let slow = FrontMatterDocument.splitByLines(text, file: "content/handbook/a.md")
            #expect(FrontMatterDocument.fences(text) != nil || fast.1.map(\.message.key) == ["front-matter.unclosed"])
            #expect(fast.0.body == slow.0.body, "\(text.debugDescription)")
            #expect(fast.0.bodyLineOffset == slow.0.bodyLineOffset, "\(text.debugDescription)")
            #expect(Self.describe(fast.0.metadata) == Self.describe(slow.0.metadata), "\(text.debugDescription)")
            #expect(
                fast.1.map { "\($0.location) \($0.message)" } == slow.1.map { "\($0.location) \($0.message)" },
                "\(text.debugDescription)")
        }
        #expect(FrontMatterDocument.fences("---\r\ntitle: a\r\n---\r\nbody") == nil)
        #expect(FrontMatterDocument.split("---\r\ntitle: a\r\n---\r\nbody\r\n", file: "a.md").0.body == "body\n")
    }

    /// A YAML node with every place in it, as text to compare.
    static func describe(_ node: YAMLNode) -> String {
        let place = "@\(node.location.line):\(node.location.column)"
        switch node.kind {
        case .scalar(let text, let plain): return "\(text.debugDescription)\(plain ? "" : "q")\(place)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ",") + "]" + place
        case .mapping(let pairs):
            return "{" + pairs.map { describe($0.key) + ":" + describe($0.value) }.joined(separator: ",") + "}" + place
        }
    }

    @Test func anchorsAreStable() async {
        await propertyCheck(count: 300, input: Self.fieldText) { heading in
            let anchor = HeadingSlugger.baseSlug(heading)
            #expect(HeadingSlugger.baseSlug(anchor) == anchor)
            #expect(!anchor.contains(" ") && !anchor.contains("\""))
        }
    }

    @Test func datetimesRoundTripThroughTheClock() async {
        let clock = ProjectClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let moments = Gen.int(in: 0...(40 * 365 * 24 * 60)).map { Date(timeIntervalSince1970: 946_684_800 + Double($0) * 60) }
        await propertyCheck(count: 300, input: moments) { moment in
            let written = clock.describe(RecordTime(instant: moment, day: clock.day(of: moment), isDateOnly: false))
            let read = try #require(clock.parse(written))
            #expect(read.instant == moment)
            let week = read.day.isoWeek
            #expect(week.monday <= read.day && read.day <= week.sunday)
            #expect(ISOWeek(week.description) == week)
            #expect(clock.interval(of: week).contains(moment))
        }
    }

    @Test func everyWrittenFormOfAMinuteReadsAsThatMinute() async {
        let clock = ProjectClock(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let moments = Gen.int(in: 0...(40 * 365 * 24 * 60)).map { Date(timeIntervalSince1970: 946_684_800 + Double($0) * 60) }
        await propertyCheck(count: 300, input: moments) { moment in
            let day = clock.day(of: moment)
            let clockText = clock.timeOfDay(moment)
            let hour = Int(clockText.prefix(2))!
            let minute = String(clockText.suffix(2))
            let twelve = "\(hour % 12 == 0 ? 12 : hour % 12):\(minute)"
            let (y, m, d) = (day.year, day.month, day.day)
            let forms: [(String, DateOrder)] = [
                ("\(y)/\(m)/\(d) \(hour):\(minute)", .dayFirst),
                ("\(d).\(m).\(y) \(clockText)", .monthFirst),
                ("\(y)年\(m)月\(d)日\(hour < 12 ? "上午" : "下午")\(twelve)", .monthFirst),
                ("\(m)/\(d)/\(y) \(twelve) \(hour < 12 ? "AM" : "PM")", .monthFirst),
                ("\(d)/\(m)/\(y) \(clockText):00", .dayFirst),
            ]
            for (written, order) in forms {
                #expect(clock.parse(written, order: order)?.instant == moment, "\(written)")
            }
        }
    }

    @Test func referencesAreFoundExactlyAsInserted() async {
        let target = Self.pick(["a/b", "FK-1", "审批/离职", "x y", "Жук"])
        let plain = Self.pick(["text ", "[", "]", "[x] ", "中文", "|", " "]).array(of: 0...5).map { $0.joined() }
        await propertyCheck(count: 300, input: plain, target, plain) { before, target, after in
            let text = before + "[[" + target + "|label]]" + after
            let found = WikiReference.scan(text)
            // A "[" just before could open an earlier [[ that swallows ours; text after
            // cannot change what is found before it.
            if !before.hasSuffix("[") {
                #expect(found.contains { $0.target == target && $0.label == "label" })
            }
        }
    }

    @Test func renderedLinksNeverCarryUnsafeSchemes() async {
        let scheme = Self.pick(["javascript:", "JaVaScRiPt:", "vbscript:", "data:", "http:", "", "java\u{09}script:"])
        await propertyCheck(count: 200, input: scheme, Self.fieldText) { scheme, rest in
            let url = scheme + "x" + rest.filter { $0 != "\n" && $0 != "\r\n" && $0 != " " && $0 != ")" }
            let document = MarkdownDocument("[a](<\(url)>) and <\(url)>\n")
            let html = document.render(destinations: document.links.map(\.destination))
            let lowered = html.lowercased()
            for bad in ["href=\"javascript", "href=\"vbscript", "href=\"data:"] { #expect(!lowered.contains(bad)) }
        }
    }
}
