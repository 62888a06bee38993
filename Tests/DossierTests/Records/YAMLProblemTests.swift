import DossierDiagnostics
import Foundation
import Testing

@testable import DossierRecords

/// libyaml's problems as a reader meets them in a hand-written project.yml or front
/// matter: worded in the reader's language, libyaml's own words in English.
@Suite struct YAMLProblemTests {
    @Test func everyNamedProblemIsInTheCatalogueAndEnglishKeepsLibyamlsWords() {
        for (problem, name) in Diagnostic.yamlProblems {
            let message = Message("yaml.problem.\(name)")
            #expect(message.text(in: .en) == problem)
            for language in [Language.zh, .ru] {
                #expect(message.text(in: language) != message.key, "\(name) lacks \(language)")
                #expect(EnglishRun.find(in: message, language: language) == nil, "\(name) [\(language)]")
            }
        }
    }

    /// Mistakes people make, each giving a problem the table names (so the table holds
    /// libyaml's real texts, not guesses of them).
    @Test(arguments: [
        ("title: Вход: пароль\nowner: x\n", "mapping-values"),
        ("tags: [a, b\nowner: x\n", "expected-bracket"),
        ("issues: {a: 1\n", "expected-brace"),
        ("title: x\n  owner: y\n", "mapping-values"),
        ("- a\nb: c\n", "expected-dash"),
        ("title: \"C:\\data\"\n", "unknown-escape"),
        ("title: @user\n", "cannot-start-token"),
        ("title: 'open\n", "end-of-stream"),
        ("a:\n\t- b\n", "cannot-start-token"),  // a tab that indents
        ("tags:\n  - a\n - b\n", "expected-key"),
    ])
    func aMistakeIsWordedInTheReadersLanguage(_ text: String, _ name: String) throws {
        guard case .failure(let diagnostic) = YAMLReader.read(text, file: "content/project.yml") else {
            Issue.record("\(text.debugDescription) parsed")
            return
        }
        #expect(EnglishRun.keys(of: diagnostic.message).contains("yaml.problem.\(name)"), "\(diagnostic.message)")
        #expect(EnglishRun.find(in: diagnostic.message, language: .zh) == nil)
        #expect(EnglishRun.find(in: diagnostic.message, language: .ru) == nil)
    }
}
