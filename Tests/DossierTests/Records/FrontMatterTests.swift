import DossierDiagnostics
import Foundation
import Testing

@testable import DossierRecords

/// Front matter starts on a file's first line; a block that looks like front matter
/// further down is read as text, with a warning at its `---`.
@Suite struct FrontMatterTests {
    @Test(arguments: [
        ("\n---\ntitle: 登录\n---\n\nbody\n", 2, 1),
        ("\r\n---\r\ntitle: x\r\n---\r\nbody\r\n", 2, 1),
        ("  ---\ntitle: x\n...\nbody\n", 1, 3),
        ("\u{FEFF}---\ntitle: x\n---\nbody\n", 1, 2),
        ("\n\n \t\n---\n  owner: 张三\n---\n", 4, 1),
        ("\n---\ntitle：登录\n---\n", 2, 1),
        ("\n---\n\"title\": A\n---\n", 2, 1),
        ("\u{3000}---\ntitle: A\n---\n", 1, 2),
    ])
    func aFenceAfterBlankLinesOrSpacesIsAWarningAtIt(_ text: String, _ line: Int, _ column: Int) throws {
        let (document, problems) = FrontMatterDocument.split(text, file: "content/handbook/a.md")
        #expect(document.body == text && document.bodyLineOffset == 0)
        #expect(document.metadata.entries?.isEmpty == true)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.message.key == "front-matter.not-at-start")
        #expect(problem.severity == .warning)
        #expect("\(problem.location.line):\(problem.location.column)" == "\(line):\(column)")
        #expect(problem.text(in: .zh).contains("第 \(line) 行"))
    }

    /// Text that only starts with a rule, or a block with no key under it, or no closing
    /// fence, is not taken for misplaced front matter.
    @Test(arguments: [
        "\n---\n\nA paragraph after a rule.\n\n---\n",
        "\n---\n- a list: item\n---\n",
        "\n---\ntitle: x\n\nno closing fence\n",
        "body\n---\ntitle: x\n---\n",
        "---\ntitle: x\n---\nbody\n",
        "",
    ])
    func otherTextIsNoMisplacedFrontMatter(_ text: String) {
        #expect(!FrontMatterDocument.split(text, file: "a.md").1.contains { $0.message.key == "front-matter.not-at-start" })
    }
}
