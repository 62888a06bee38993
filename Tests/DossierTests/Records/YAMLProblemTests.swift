import DossierDiagnostics
import Foundation
import Testing

@testable import DossierRecords

/// libyaml's problems as a reader meets them in a hand-written project.yml or front
/// matter: worded in the reader's language, libyaml's own words in English.
@Suite struct YAMLProblemTests {
    /// The problem `text` (as project.yml) is read with; nil when it reads.
    static func problem(_ text: String, lineOffset: Int = 0) -> Diagnostic? {
        guard case .failure(let diagnostic) = YAMLReader.read(text, file: "content/project.yml", lineOffset: lineOffset)
        else { return nil }
        return diagnostic
    }

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
        ("title: *nope\n", "undefined-alias"),
        ("title: !<%zz> x\n", "uri-escape"),
        ("title: \"a\u{01}\"\n", "control-character"),
        ("title: !a!b x\n", "undefined-tag"),
        ("%YAML 1.1\n%YAML 1.1\n---\ntitle: x\n", "duplicate-yaml-directive"),
        ("%YAML 2.0\n---\ntitle: x\n", "incompatible-version"),
        ("%FOO bar\n---\ntitle: x\n", "unknown-directive"),
        ("text: |0\n  x\n", "indentation-zero"),
        ("title: \"\\uZZZZ\"\n", "expected-hex"),
        ("name: A\n---\nname: B\n", "another-document"),
    ])
    func aMistakeIsWordedInTheReadersLanguage(_ text: String, _ name: String) throws {
        let diagnostic = try #require(Self.problem(text), "\(text.debugDescription) parsed")
        #expect(EnglishRun.keys(of: diagnostic.message).contains("yaml.problem.\(name)"), "\(diagnostic.message)")
        #expect(EnglishRun.find(in: diagnostic.message, language: .zh) == nil)
        #expect(EnglishRun.find(in: diagnostic.message, language: .ru) == nil)
    }

    /// Dossier reads every key as text, so keys that read as the same text are the same
    /// key however they are quoted; the error is at the second.
    @Test(arguments: [
        ("owner: a\nowner: b\n", "owner"),
        ("1: a\n\"1\": b\n", "1"),
        ("'true': a\ntrue: b\n", "true"),
        ("title: x\ntags:\n  2024: a\n  '2024': b\n", "2024"),
        ("encoding:\n  ? a\n  : 1\n  ? a\n  : 2\n", "a"),
        ("status: green\nowner: x\n? status\n: red\n", "status"),
    ])
    func aKeyWrittenTwiceIsAnErrorAtTheSecond(_ text: String, _ key: String) throws {
        let diagnostic = try #require(Self.problem(text), "\(text.debugDescription) parsed")
        #expect(diagnostic.message.key == "yaml.duplicate-key")
        #expect(diagnostic.message.arguments["key"] == .value(key))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let second = try #require(lines.indices.last { lines[$0].contains(key) })
        #expect(diagnostic.location.line == second + 1)
    }

    /// A flow map's repeated key is placed at the repeat, on its line or a later one of
    /// the same map, not at the first key; the first's line is named.
    @Test(arguments: [
        ("title: x\nencoding: {a: 1, a: 2}\n", 2, 18, 2),
        ("items:\n  - {id: a, label: A, id: b}\n", 2, 23, 2),
        ("x: {标签: 1, 标签: 2}\n", 1, 12, 1),
        ("x: {b: {a: 1}, c: \"a, a: 3\", a: 1,\n  c: 2}\n", 2, 3, 1),
        ("x: {\n  c: a, a: 1, a: 2}\n", 2, 15, 2),
        ("x: {a: 1,\n  ? a\n  : 2}\n", 2, 5, 1),
    ])
    func aFlowMapsRepeatedKeyIsPlacedAtTheRepeat(_ text: String, _ line: Int, _ column: Int, _ firstLine: Int) throws {
        let diagnostic = try #require(Self.problem(text), "\(text.debugDescription) parsed")
        #expect(diagnostic.message.key == "yaml.duplicate-key", "\(text.debugDescription)")
        #expect("\(diagnostic.location.line):\(diagnostic.location.column)" == "\(line):\(column)", "\(text.debugDescription)")
        #expect(diagnostic.message.arguments["line"] == .number(firstLine), "\(text.debugDescription)")
    }

    /// A bracket left open on the last line is placed at the bracket (libyaml points past
    /// the end of the text), saying which bracket is missing.
    @Test(arguments: [
        ("name: A\ntags: [\n", 2, 7, "expected-bracket"),
        ("name: A\ntags: [a,\n", 2, 7, "expected-bracket"),
        ("categories: [{id: a,\n", 1, 14, "expected-brace"),
        ("a: \"[\" # [\ntags: {b: [1], c: '{'\n", 2, 7, "expected-brace"),
        ("name: A\ntags: [", 2, 7, "expected-bracket"),
    ])
    func aBracketLeftOpenAtTheEndIsPlacedAtTheBracket(_ text: String, _ line: Int, _ column: Int, _ name: String) throws {
        let diagnostic = try #require(Self.problem(text), "\(text.debugDescription) parsed")
        #expect("\(diagnostic.location.line):\(diagnostic.location.column)" == "\(line):\(column)", "\(text.debugDescription)")
        #expect(EnglishRun.keys(of: diagnostic.message).contains("yaml.problem.\(name)"), "\(diagnostic.message)")
    }

    /// Keys that differ in their text are not one key, whatever YAML would type them as.
    @Test func keysOfDifferentTextAreDifferentKeys() {
        guard case .success(let node) = YAMLReader.read("1: a\n01: b\n~: c\nnull: d\n", file: "content/project.yml") else {
            Issue.record("did not parse")
            return
        }
        #expect(node.entries?.map(\.key) == ["1", "01", "~", "null"])
    }

    /// A control character (as pasted from another program) is located where it is,
    /// in characters, though libyaml's reader gives only a byte offset.
    @Test(arguments: ["\n", "\r\n"])
    func aControlCharacterIsLocatedWhereItIsWhateverTheLineBreaks(_ lineBreak: String) throws {
        let text = ["name: A", "x: y", "client: ab\u{07}"].joined(separator: lineBreak) + lineBreak
        let diagnostic = try #require(Self.problem(text), "\(text.debugDescription) parsed")
        #expect("\(diagnostic.location.line):\(diagnostic.location.column)" == "3:11")
    }

    @Test func aControlCharacterIsLocatedWhereItIs() throws {
        let text = "name: Mini\nlanguage: zh\nclient: \"审批😀\u{01}\"\n"
        let diagnostic = try #require(Self.problem(text, lineOffset: 1), "\(text.debugDescription) parsed")
        #expect(diagnostic.location.line == 4)
        #expect(diagnostic.location.column == 13)
        #expect(diagnostic.text(in: .zh).contains("控制字符"))
    }
}
