import DossierUtilities
import Testing

/// The one path normaliser, as record links and the final pages' links use it.
@Suite struct RelativePathTests {
    @Test func dotsAndEmptyParts() {
        #expect(RelativePath.normalize("handbook/setup", "../faq/./budget.md") == "handbook/faq/budget.md")
        #expect(RelativePath.normalize("handbook", "a//b/") == "handbook/a/b")
        #expect(RelativePath.normalize("weekly", "..") == "")
        #expect(RelativePath.normalize("", "审批/流程.md") == "审批/流程.md")
        #expect(RelativePath.resolve("../../x", from: ["a", "b"]) == ["x"])
        #expect(RelativePath.resolve("x/../..", from: []) == nil)
    }

    @Test func climbingOutIsNil() {
        #expect(RelativePath.normalize("handbook", "../../issues.csv") == nil)
        #expect(RelativePath.resolve("..", from: []) == nil)
    }

    /// A `/` with a combining mark is one character and no separator.
    @Test func slashWithAMarkStaysInItsPart() {
        #expect(RelativePath.resolve("../\u{301}x", from: ["a"]) == ["a", "../\u{301}x"])
        #expect(RelativePath.resolve("b/\u{301}/..", from: ["a"]) == ["a"])
    }
}
