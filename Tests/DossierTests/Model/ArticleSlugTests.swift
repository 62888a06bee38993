import Testing

@testable import DossierModel

/// An article path's slug: lower case, blanks in a part made one `-`, parts kept apart
/// by `/`; the ASCII path taken on bytes gives what the general rule gives.
@Suite struct ArticleSlugTests {
    /// The general rule, written out as the docs state it.
    func general(_ path: String) -> String {
        path.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-") }
            .joined(separator: "/")
    }

    @Test func examples() {
        #expect(Article.slug(for: "Setup/Log In") == "setup/log-in")
        #expect(Article.slug(for: "B-1234") == "b-1234")
        #expect(Article.slug(for: " a \t b /  c ") == "a-b/c")
        #expect(Article.slug(for: "a//b/") == "a//b/")
        #expect(Article.slug(for: "审批/Log In") == "审批/log-in")
        #expect(Article.slug(for: "Отчёт/Шаг 1") == "отчёт/шаг-1")
    }

    @Test func asciiPathsAgreeWithTheGeneralRule() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("aZ09-_/ \t.#%~AzqQ")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &random)
            let path = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
            #expect(Article.asciiSlug(for: path) == general(path), "\(path.debugDescription)")
        }
        #expect(Article.asciiSlug(for: "审批") == nil)
        #expect(Article.asciiSlug(for: "Café") == nil)
    }
}
