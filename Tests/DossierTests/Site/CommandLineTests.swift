import Foundation
import Testing

/// `dossier --version`, the help's examples and the shell completions, from the built binary.
@Suite struct CommandLineTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let cli = EndToEndTests()

    /// Every command with its own help, as typed after `dossier`.
    static let commands: [[String]] = [
        [], ["build"], ["check"], ["serve"], ["report", "weekly"], ["diff"], ["init"], ["new"], ["new", "issue"],
        ["new", "weekly"], ["new", "article"],
    ]

    @Test func versionNamesTheReleaseAndTheCommitItWasBuiltFrom() throws {
        let run = try cli.dossier("--version")
        #expect(run.status == 0)
        let release = try String(contentsOf: Self.repository.appendingPathComponent("VERSION"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(run.stdout.hasPrefix("\(release) (commit "), "\(run.stdout)")
        // Built from a git checkout: the commit is HEAD's (the build and this test see the same one).
        let head = try cli.run("/usr/bin/git", ["-C", Self.repository.path, "rev-parse", "HEAD"], in: nil)
        try #require(head.status == 0, "the tests run in a git checkout")
        let commit = String(head.stdout.prefix(12))
        #expect(run.stdout.contains("(commit \(commit)"), "\(run.stdout) does not name \(commit)")
        #expect(run.stdout.wholeMatch(of: /\S+ \(commit [0-9a-f]{12}(-dirty)?, \d{4}-\d{2}-\d{2}\)\n/) != nil)
    }

    @Test(arguments: commands) func everyCommandsHelpShowsExamplesOfItself(_ command: [String]) throws {
        let run = try cli.run(EndToEndTests.binary.path, command + ["--help"], in: nil)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "EXAMPLES:"), "\(command): no EXAMPLES section")
        let examples = lines[(start + 1)...].prefix { !$0.isEmpty }
        #expect(examples.count >= 2)
        for example in examples {
            // One command a line, not wrapped: each begins as a command does.
            #expect(example.hasPrefix("  "), "\(command): \(example)")
            let text = example.dropFirst(2)
            let invocation = try #require(text.range(of: "dossier"), "\(command): \(example) runs no dossier")
            #expect(
                text[invocation.lowerBound...].hasPrefix((["dossier"] + command).joined(separator: " ")),
                "\(command): \(example) is an example of another command")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionsKnowEveryCommandAndOption(_ shell: String) throws {
        let run = try cli.dossier("--generate-completion-script", shell)
        #expect(run.status == 0)
        for word in ["build", "check", "serve", "report", "weekly", "diff", "init", "new", "article", "as-of", "view"] {
            #expect(run.stdout.contains(word), "\(shell) completions lack \(word)")
        }
    }
}
