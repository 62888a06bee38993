import Testing

@testable import DossierMarkdown

/// `**…，**text` that CommonMark shows as asterisks (§6.2), found with its place.
@Suite struct EmphasisCheckTests {
    private func problems(_ source: String, lineOffset: Int = 0) -> [MarkdownEmphasisProblem] {
        MarkdownDocument(source, lineOffset: lineOffset).emphasisProblems
    }

    @Test func aClosingRunAfterPunctuationBeforeALetter() {
        let source = "提交前\n**重要，**请注意备份。\n"
        #expect(MarkdownDocument(source).renderAsWritten().contains("**重要，**请注意"))
        let found = problems(source, lineOffset: 3)
        #expect(found.count == 1)
        #expect(found.first?.kind == .notClosing)
        #expect(found.first?.delimiter == "**")
        #expect(found.first?.before == "，")
        #expect(found.first?.after == "请")
        #expect(found.first?.suggestion == "**重要**，")
        // Line 2 + 3, and the column of the second ** counts each Chinese character once.
        #expect(found.first?.position == MarkdownPosition(line: 5, column: 6))
    }

    /// In a paragraph that a table interrupts (no source positions from cmark-gfm), the
    /// run is found on the paragraph's own lines.
    @Test func aRunInAParagraphATableInterrupts() {
        let found = problems("intro\n\nsee [x](a.md) and\n**重要，**请注意\n| a | b |\n|---|---|\n| 1 | 2 |\n", lineOffset: 3)
        #expect(found.map(\.kind) == [.notClosing])
        #expect(found.first?.position == MarkdownPosition(line: 7, column: 6))
        let header = problems("说明\n| **重要，**请注意 | b |\n|---|---|\n", lineOffset: 3)
        #expect(header.map(\.kind) == [.notClosing])
        #expect(header.first?.position == MarkdownPosition(line: 5, column: 8))
    }

    @Test func anOpeningRunAfterALetterBeforePunctuation() {
        let found = problems("审批人看到的是中文**「已驳回」**。\n")
        #expect(found.map(\.kind) == [.notOpening])
        #expect(found.first?.suggestion == "「**已驳回**」")
        #expect(found.first?.position == MarkdownPosition(line: 1, column: 10))
        // Both runs fail: the closing one is named.
        let both = problems("状态为**「已关闭」**后才能归档\n")
        #expect(both.map(\.kind) == [.notClosing])
        #expect(both.first?.position == MarkdownPosition(line: 1, column: 11))
    }

    @Test func whatFormatsIsNotReported() {
        #expect(problems("**重要**，请注意。\n").isEmpty)
        #expect(problems("**重要，** 请注意。\n").isEmpty)
        #expect(problems("**重要，**。\n").isEmpty)
        #expect(problems("中文 **「已驳回」** 之后\n").isEmpty)
        #expect(problems("snake_case_name and 2 * 3 * 4\n").isEmpty)
    }

    @Test func codeAndEscapesAreNotDelimiters() {
        #expect(problems("用 `**重要，**请` 写粗体\n").isEmpty)
        #expect(problems("```\n**重要，**请\n```\n").isEmpty)
        #expect(problems("\\*\\*重要，\\*\\*请\n").isEmpty)
        #expect(problems("\\**重要，\\**请\n").isEmpty)
    }

    /// Runs are paired within one paragraph, whatever stands between them on the line;
    /// cmark's column is not trusted on a paragraph's later lines.
    @Test func placesInListsQuotesAndLaterLines() {
        let source = "> - 第一项\n>   说明 `x`，**备注：**见附件\n懒续行 **a。**b\n\n   缩进 __c，__d\n"
        let found = problems(source)
        #expect(
            found.map(\.position) == [
                MarkdownPosition(line: 2, column: 17), MarkdownPosition(line: 3, column: 9),
                MarkdownPosition(line: 5, column: 11),
            ])
        #expect(found.map(\.delimiter) == ["**", "**", "__"])
    }

    /// Text written twice on a line, once escaped: whatever occurrence a node is matched
    /// to, nothing breaks and nothing escaped is reported.
    @Test func repeatedTextOnALine() {
        #expect(problems("`**甲，**乙` \\*\\*甲，\\*\\*乙 **甲，**乙\n").map(\.position) == [MarkdownPosition(line: 1, column: 27)])
        _ = problems("**a**b**a**b\\**a**b ***x，***y ***x，**y\n")
    }

    @Test func englishToo() {
        let found = problems("**Note:**the form is locked.\n")
        #expect(found.map(\.kind) == [.notClosing])
        #expect(found.first?.suggestion == "**Note**:")
    }
}
