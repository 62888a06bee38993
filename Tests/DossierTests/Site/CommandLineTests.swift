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
            // One command a line, not wrapped: each begins as a command does, and is short
            // enough for `man` at 80 columns (see `examples` in DossierCommand.swift).
            #expect(example.hasPrefix("  "), "\(command): \(example)")
            // Two levels down (`new issue`), man indents the text further.
            let limit = command.count > 1 ? 54 : 60
            #expect(example.count - 2 <= limit, "\(command): \(example) is longer than \(limit) characters")
            let text = example.dropFirst(2)
            let invocation = try #require(text.range(of: "dossier"), "\(command): \(example) runs no dossier")
            #expect(
                text[invocation.lowerBound...].hasPrefix((["dossier"] + command).joined(separator: " ")),
                "\(command): \(example) is an example of another command")
        }
    }

    /// The example lines of a help text's EXAMPLES section.
    static func examples(in help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "EXAMPLES:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.map { String($0.dropFirst(2)) }
    }

    /// A project as the examples assume one: `dossier init`, a view named client, and in git
    /// two commits tagged v1 and v2, `origin/main` at the first.
    static func exampleProject(language: String) throws -> URL {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        let cli = EndToEndTests()
        let project = top.appendingPathComponent("project")
        #expect(try cli.run(EndToEndTests.binary.path, ["init", project.path, "--language", language], in: top).status == 0)
        let settings = project.appendingPathComponent("content/project.yml")
        let handle = try FileHandle(forWritingTo: settings)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("views:\n  client:\n    issue_fields: [owner]\n".utf8))
        try handle.close()
        DiffTests.git(project, "init", "-q", "-b", "main")
        DiffTests.git(project, "config", "user.name", "Test")
        DiffTests.git(project, "config", "user.email", "test@example.com")
        DiffTests.git(project, "add", "-A")
        DiffTests.git(project, "commit", "-q", "-m", "records")
        DiffTests.git(project, "tag", "v1")
        DiffTests.git(project, "update-ref", "refs/remotes/origin/main", "HEAD")
        #expect(try cli.run(EndToEndTests.binary.path, ["new", "issue", "Printer offline"], in: project).status == 0)
        DiffTests.git(project, "commit", "-q", "-am", "An issue")
        DiffTests.git(project, "tag", "v2")
        return project
    }

    /// Every example of a command's help, run as written (by bash, one after another, from
    /// the project's folder) on a new project of each starter: each exits 0. `serve` runs
    /// until it is stopped, so its lines are left out (ServeTests serves).
    @Test(arguments: commands, ["en", "zh", "ru"]) func everyExampleRunsAsWritten(_ command: [String], _ language: String)
        throws
    {
        let help = try cli.run(EndToEndTests.binary.path, command + ["--help"], in: nil)
        let examples = Self.examples(in: help.stdout).filter { !$0.hasPrefix("dossier serve") }
        guard !examples.isEmpty else { return }
        let project = try Self.exampleProject(language: language)
        defer { try? FileManager.default.removeItem(at: project.deletingLastPathComponent()) }
        for example in examples {
            let run = try CIRecipeTests.shell(example, in: project)
            #expect(run.status == 0, "\(command) [\(language)]: `\(example)` exited \(run.status):\n\(run.output)")
        }
    }

    /// The line `init` ends with runs as printed, also for a folder with spaces, quotes and
    /// other scripts.
    @Test(arguments: ["тест C/项目", "it's mine", "plain-1", "-y", "$HOME"]) func initsNextStepRunsAsPrinted(_ folder: String)
        throws
    {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        let run = try cli.run(EndToEndTests.binary.path, ["init", "--", folder], in: top)
        #expect(run.status == 0)
        let last = try #require(run.stdout.split(separator: "\n").last)
        let next = try #require(last.range(of: "cd "))
        let step = try CIRecipeTests.shell(String(last[next.lowerBound...]), in: top)
        #expect(step.status == 0, "`\(last)`: \(step.output)")
        #expect(FileManager.default.fileExists(atPath: top.appendingPathComponent(folder + "/output/index.html").path))
    }

    /// Output that cannot be written (a full disk: /dev/full) is a usage error in the
    /// reader's language with exit 2, for every command that prints its result, never a crash.
    @Test(arguments: [
        ["report", "weekly", "--format", "email", "--week", "2026-W10"], ["report", "weekly", "--format", "text"],
        ["check", "--format", "json"], ["diff", "HEAD"],
    ])
    func aFullStandardOutputIsSaidNotACrash(_ command: [String]) throws {
        let site = Fixtures.site("valid")
        let process = Process()
        process.executableURL = EndToEndTests.binary
        process.arguments = command + [site.path, "--lang", "ru"]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1773306000"
        process.environment = environment
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 2, "\(command): \(stderr)")
        #expect(stderr.contains("dossier: не удаётся записать в стандартный вывод (на диске не осталось места)"), "\(stderr)")
    }

    /// A port below the first one this user may open says so, not that it is in use. Run
    /// as the user nobody (setpriv), where the system keeps low ports for root.
    @Test func aPrivilegedPortIsSaidToNeedRoot() throws {
        let start = try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_unprivileged_port_start", encoding: .utf8)
        guard let first = start.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }), first > 80,
            FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        else { return }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-port-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try cli.run(EndToEndTests.binary.path, ["init", site.path, "--language", "ru"], in: nil).status == 0)
        let run = try cli.run(
            "/usr/bin/setpriv",
            ["--reuid=65534", "--regid=65534", "--clear-groups", EndToEndTests.binary.path, "serve", site.path, "--port", "80"],
            in: nil)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: порт 80 на 127.0.0.1 доступен только root"), "\(run.stderr)")
    }

    /// SOURCE_DATE_EPOCH is a whole number of seconds or empty; anything else stops the
    /// command (exit 2) in the reader's language, as reproducible-builds.org asks.
    @Test(arguments: ["abc", "-5", "1.5", " 1773306000", "99999999999999999999", "253402300800"])
    func aMalformedSourceDateEpochIsRefused(_ value: String) throws {
        let site = Fixtures.site("valid").path
        let run = try cli.run(
            "/usr/bin/env", ["SOURCE_DATE_EPOCH=\(value)", EndToEndTests.binary.path, "report", "weekly", site, "--lang", "zh"],
            in: nil)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: SOURCE_DATE_EPOCH 的值“\(value)”不是"), "\(run.stderr)")
        let empty = try cli.run(
            "/usr/bin/env", ["SOURCE_DATE_EPOCH=", EndToEndTests.binary.path, "report", "weekly", site, "--format", "json"],
            in: nil)
        #expect(empty.status == 0)
    }

    /// What a command prints is its text as it is: one newline at the end, not two.
    @Test(arguments: [
        ["report", "weekly"], ["report", "weekly", "--format", "text"], ["diff", "HEAD"], ["check", "--format", "json"],
    ])
    func printedTextEndsWithOneNewline(_ command: [String]) throws {
        let run = try cli.run(EndToEndTests.binary.path, command + [Fixtures.site("valid").path], in: nil)
        #expect(run.status == 0)
        #expect(
            run.stdout.hasSuffix("\n") && !run.stdout.hasSuffix("\n\n"), "\(command): \(run.stdout.suffix(40).debugDescription)")
    }

    /// Help and --version are printed as every result is: to a full disk, exit 2.
    @Test(arguments: [["--help"], ["--version"], ["build", "--help"], ["--generate-completion-script", "bash"]])
    func helpToAFullDiskIsSaid(_ arguments: [String]) throws {
        let run = try CIRecipeTests.shell(
            "'\(EndToEndTests.binary.path)' \(arguments.joined(separator: " ")) > /dev/full", in: Self.repository)
        #expect(run.status == 2)
        #expect(run.output.contains("dossier: cannot write to standard output (no space left on the disk)"), "\(run.output)")
    }

    /// Started with standard output closed (`>&-`), a command says so and exits 2; what it
    /// would print goes into no file it opened.
    @Test func aClosedStandardOutputIsSaid() throws {
        let site = try Fixtures.copy("valid")
        let run = try CIRecipeTests.shell(
            "'\(EndToEndTests.binary.path)' report weekly '\(site.path)' --format json --lang zh >&-", in: site)
        #expect(run.status == 2)
        #expect(run.output.contains("dossier: 无法写入标准输出（它已关闭）"), "\(run.output)")
        #expect(try Fixtures.files(in: site) == Fixtures.files(in: Fixtures.site("valid")))
    }

    /// A folder name longer than the file system allows is said with its path, in the
    /// reader's language.
    @Test func initIntoATooLongNameSaysSo() throws {
        let top = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: top) }
        let name = String(repeating: "h", count: 300)
        let run = try cli.run(EndToEndTests.binary.path, ["init", name, "--language", "ru"], in: top)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: \(top.path)/\(name)"), "\(run.stderr)")
        #expect(run.stderr.contains("не удаётся записать (имя слишком длинное или недопустимо)"), "\(run.stderr)")
    }

    /// Help is ASCII, so the man page generated from it keeps every word (see `examples`).
    @Test(arguments: commands) func helpIsASCIIForTheManPage(_ command: [String]) throws {
        let help = try cli.run(EndToEndTests.binary.path, command + ["--help"], in: nil)
        let other = help.stdout.unicodeScalars.filter { !$0.isASCII }
        #expect(other.isEmpty, "\(command): \(String(String.UnicodeScalarView(other)))")
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func completionsKnowEveryCommandAndOption(_ shell: String) throws {
        let run = try cli.dossier("--generate-completion-script", shell)
        #expect(run.status == 0)
        for word in ["build", "check", "serve", "report", "weekly", "diff", "init", "new", "article", "as-of", "view"] {
            #expect(run.stdout.contains(word), "\(shell) completions lack \(word)")
        }
        // The site folder, --output and init's folder complete folders.
        let folders = ["bash": "__dossier_add_completions -d", "zsh": "_files -/", "fish": "(__dossier_complete_directories)"][
            shell]!
        #expect(run.stdout.components(separatedBy: folders).count - 1 >= 3, "\(shell) completes no folders")
    }
}
