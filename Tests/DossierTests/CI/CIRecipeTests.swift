import Foundation
import Testing

/// Runs every `dossier` command of docs/ci.md, as written there, on a throw-away
/// repository: `main` holds the valid fixture (at the top and again in `records/`), the
/// checked-out branch `pr` resolves two issues and edits an article, as a pull request.
@Suite struct CIRecipeTests {
    static let page = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/ci.md")

    /// The shell lines of the page's code blocks that run `dossier`, with GitHub's and
    /// Gitea's `${{ … }}` expressions for the base branch replaced by `main`.
    static func commands() throws -> [String] {
        var commands: [String] = []
        var inBlock = false
        for line in try String(contentsOf: page, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            guard inBlock else { continue }
            var command = line.trimmingCharacters(in: .whitespaces)
            for prefix in ["- ", "run: "] where command.hasPrefix(prefix) { command.removeFirst(prefix.count) }
            guard command.hasPrefix("dossier ") || command.contains(") dossier ") else { continue }
            commands.append(
                command.replacingOccurrences(of: "${{ github.base_ref }}", with: "main")
                    .replacingOccurrences(of: "${{ gitea.base_ref }}", with: "main"))
        }
        return commands
    }

    /// The repository, checked out at the pull request's branch.
    static func repository() throws -> URL {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: top.appendingPathComponent("records"), withIntermediateDirectories: true)
        let content = Fixtures.site("valid").appendingPathComponent("content")
        try FileManager.default.copyItem(at: content, to: top.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: content, to: top.appendingPathComponent("records/content"))
        DiffTests.git(top, "init", "-q", "-b", "main")
        DiffTests.git(top, "config", "user.name", "Test")
        DiffTests.git(top, "config", "user.email", "test@example.com")
        DiffTests.git(top, "add", "-A")
        DiffTests.git(top, "commit", "-q", "-m", "records")
        DiffTests.git(top, "update-ref", "refs/remotes/origin/main", "main")
        DiffTests.git(top, "checkout", "-q", "-b", "pr")
        DiffTests.resolveTwoIssuesAndEditAnArticle(top)
        DiffTests.git(top, "commit", "-q", "-am", "Resolve EX-2 and EX-5")
        return top
    }

    struct Run {
        var status: Int32
        var output: String
    }

    /// Runs `command` with bash as GitHub's and GitLab's runners do, `dossier` on the PATH.
    static func shell(_ command: String, in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-eo", "pipefail", "-c", command]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] =
            EndToEndTests.binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = "main"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }

    @Test func thePageRunsCheckDiffAndBuildOnEveryPlatform() throws {
        let commands = try Self.commands()
        for wanted in [
            "dossier check --format github", "dossier check", "dossier diff", "dossier build", "dossier build --output public",
        ] {
            #expect(commands.contains { $0.contains(wanted) }, "no `\(wanted)` on the page")
        }
        #expect(commands.filter { $0.contains("dossier diff") }.count == 3, "a diff comment for GitHub, GitLab and Gitea")
    }

    @Test func everyCommandOfThePageWorksOnAPullRequest() throws {
        let top = try Self.repository()
        for command in try Self.commands() {
            let run = try Self.shell(command, in: top)
            #expect(run.status == 0, "`\(command)` failed: \(run.output)")
            if command.contains("dossier diff") {
                let comment = try String(contentsOf: top.appendingPathComponent("diff.md"), encoding: .utf8)
                #expect(comment.hasPrefix("**Records `origin/main` → `HEAD`:** 2 issues resolved · 1 article changed\n"))
            }
        }
        #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent("public/index.html").path))
        #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent("output/index.html").path))
    }

    @Test func theSampleCommentOnThePageIsWhatDiffPrints() throws {
        let top = try Self.repository()
        let run = try Self.shell("dossier diff origin/main...HEAD", in: top)
        let page = try String(contentsOf: Self.page, encoding: .utf8)
        let sample = try #require(page.components(separatedBy: "```markdown\n").last?.components(separatedBy: "```").first)
        #expect(run.output == sample)
    }

    @Test func annotationsOfASiteInASubFolderNameTheRepositoryPath() throws {
        let top = try Self.repository()
        DiffTests.edit(top, "records/content/issues.csv") { $0.replacingOccurrences(of: "In Progress", with: "Doing") }
        let command = try #require(try Self.commands().first { $0.contains("check records --format github") })
        let run = try Self.shell(command, in: top)
        #expect(run.status == 1, "the pipe keeps check's exit status")
        #expect(
            run.output.hasPrefix(
                "::error file=records/content/issues.csv,line=7,col=34,title=issue-status::unknown status \"Doing\""))
    }
}
