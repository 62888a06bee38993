import ArgumentParser
import DossierModel
import DossierScaffold
import DossierSite
import Foundation

@main
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Checks the records of an implementation project and builds its site.",
        discussion: examples(
            "dossier init my-project --language zh", "cd my-project && dossier check", "dossier build",
            "dossier new weekly", "dossier report weekly --format email > week.html", "dossier serve",
            "dossier diff origin/main...HEAD"),
        version:
            "\(BuildInfo.version) (commit \(BuildInfo.commit)\(BuildInfo.commitDate.isEmpty ? "" : ", \(BuildInfo.commitDate)"))",
        subcommands: [Build.self, Check.self, Serve.self, Report.self, Diff.self, Init.self, New.self])

    /// Runs a command; usage errors, the library's (any `UsageError`) and the parser's,
    /// exit 2 as the contract says (not 64).
    static func main() async {
        // Started with standard output or error closed (`>&-`): the first file opened would
        // take its number, and the result would be written into it. Hold /dev/null there;
        // a closed standard output is then said when something is printed.
        if fcntl(STDOUT_FILENO, F_GETFD) == -1 {
            standardOutputWasClosed = true
            _ = open("/dev/null", O_WRONLY)
        }
        if fcntl(STDERR_FILENO, F_GETFD) == -1 { _ = open("/dev/null", O_WRONLY) }
        var parsed: (any ParsableCommand)?
        do {
            var command = try parseAsRoot()
            parsed = command
            if var serving = command as? AsyncParsableCommand {
                try await serving.run()
            } else {
                try command.run()
            }
        } catch let failure as any UsageError {
            let language = (parsed as? any Speaking)?.language ?? Language.chosen()
            printError("dossier: \(failure.text(in: language))\n")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error) + "\n")
                Foundation.exit(2)
            }
            // Help, --version and completion scripts: printed as every result is, so a
            // full disk is said (exit 2) rather than lost with exit 0.
            if code == .success {
                do {
                    try printOutput(fullMessage(for: error))
                } catch let failure as any UsageError {
                    printError("dossier: \(failure.text(in: Language.chosen()))\n")
                    Foundation.exit(2)
                } catch {}
                Foundation.exit(0)
            }
            exit(withError: error)
        }
    }
}

/// A command that speaks to a person: the language its refusals and summaries are in.
protocol Speaking {
    var language: Language { get }
}

/// A sentence of the catalogue in `language`.
func say(_ key: String, _ arguments: [String: Message.Argument] = [:], in language: Language) -> String {
    Message(key, arguments).text(in: language)
}

/// Options every command that reads a site has.
struct SiteArgument: ParsableArguments {
    @Argument(help: "The site folder (holding content/). Defaults to the current folder.", completion: .directory)
    var site: String = "."

    @Option(
        help: """
            en, zh or ru: the language of messages and summaries (default: DOSSIER_LANG, else the \
            project's language:, else en).
            """)
    var lang: Language?

    var url: URL { URL(fileURLWithPath: site).standardizedFileURL }

    /// `--lang`, else `DOSSIER_LANG`, else project.yml's `language:`, else English.
    var language: Language { Dossier.language(site: url, requested: lang) }
}

/// `--as-of`, else SOURCE_DATE_EPOCH, else now.
///
/// SOURCE_DATE_EPOCH is read as reproducible-builds.org specifies it: a whole number of
/// seconds since 1970-01-01 UTC, digits only; empty counts as unset (`$(git log …)` run
/// outside git); anything else stops the command.
/// - Throws: `UsageFailure.badSourceDateEpoch`.
func asOf(_ given: AsOf?) throws -> AsOf {
    if let given { return given }
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], !epoch.isEmpty {
        // Up to the end of the year 9999, the last a calendar date here can name.
        guard epoch.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Double(epoch), seconds <= 253_402_300_799
        else {
            throw UsageFailure.badSourceDateEpoch(epoch)
        }
        return .instant(Date(timeIntervalSince1970: seconds))
    }
    return .instant(Date())
}

/// Prints the diagnostics, then (as text) their count, in the language `requested`
/// (`--lang`) or else chosen as `RunReport.language` says.
/// `check` prints them as its result (`toStandardOutput`); the other commands beside theirs.
func printDiagnostics(
    _ report: RunReport, format: DiagnosticFormat, toStandardOutput: Bool = false, language requested: Language?
)
    throws
{
    let language = report.language(requested: requested)
    let text = report.printer(format, language: language).render(report.diagnostics)
    if toStandardOutput { try printOutput(text, terminator: "") } else { printError(text) }
    if format == .text, !report.diagnostics.items.isEmpty {
        let summary = DiagnosticPrinter.summary(report.diagnostics, language: language)
        printError("\(summary)\n")
    }
    // "note:" stays as it is in every language, as "error:" and "warning:" do.
    for note in report.notes { printError("note: \(note.text(in: language))\n") }
}

struct Build: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: "Check the records and build the site into output/.",
        discussion: examples(
            "dossier build", "dossier build . --output public --strict",
            "dossier build --view client", "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) dossier build"))

    @OptionGroup var site: SiteArgument

    var language: Language { site.language }
    @Option(help: "Where to write the site (default: SITE/output, for a view SITE/output-NAME).", completion: .directory)
    var output: String?
    @Option(help: "Count figures as of this date or datetime (default: SOURCE_DATE_EPOCH, else now).") var asOf: AsOf?
    @Flag(help: "Include articles marked draft: true.") var drafts = false
    @Flag(help: "Fail on warnings too.") var strict = false
    @Option(help: "Build the site a view of project.yml's views shows (e.g. client), into its own folder.") var view: String?

    func run() throws {
        var options = Dossier.BuildOptions(
            site: site.url, output: output.map { URL(fileURLWithPath: $0) }, asOf: try DossierCLI.asOf(asOf), drafts: drafts,
            strict: strict, view: view)
        try Dossier.resolveView(&options)
        let line = ProgressLine(language: language)
        options.progress = line.callback
        let result: Dossier.BuildResult
        do {
            result = try Dossier.build(options)
            line.clear()
        } catch {
            line.clear()
            throw error
        }
        let language = result.report.language(requested: site.lang)
        func say(_ key: String, _ arguments: [String: Message.Argument] = [:]) -> String {
            DossierCLI.say(key, arguments, in: language)
        }
        let output = Message.Argument.value(options.output.path)
        if result.upToDate {
            try printOutput(say("cli.build-up-to-date", ["output": output]))
            return
        }
        try printDiagnostics(result.report, format: .text, language: site.lang)
        if result.filesWritten == 0 {
            printError("dossier: \(say("cli.build-nothing-written"))\n")
            throw ExitCode(1)
        }
        let unchanged: Message.Argument =
            result.pagesUnchanged > 0
            ? .message(Message("cli.build-pages-unchanged", ["count": .number(result.pagesUnchanged)])) : .value("")
        try printOutput(
            say("cli.build-wrote", ["count": .number(result.filesWritten), "output": output, "unchanged": unchanged]))
        try printOutput(
            say(
                "cli.build-search-index",
                ["terms": .number(result.searchIndexBytes / 1024), "text": .number(result.searchTextBytes / 1024)]))
    }
}

struct Check: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: "Check the records and report every problem; writes nothing.",
        discussion: examples("dossier check", "dossier check --strict --lang zh", "dossier check --format github"))

    @OptionGroup var site: SiteArgument

    var language: Language { site.language }
    @Option(help: "text, json or github (workflow commands).") var format: DiagnosticFormat = .text
    @Flag(help: "Fail on warnings too.") var strict = false
    @Flag(help: "Check articles marked draft: true as well.") var drafts = false

    func run() throws {
        let report = try Dossier.check(site: site.url, drafts: drafts)
        try printDiagnostics(report, format: format, toStandardOutput: true, language: site.lang)
        if report.diagnostics.fails(strict: strict) { throw ExitCode(1) }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a report.", subcommands: [Weekly.self])

    struct Weekly: ParsableCommand, Speaking {
        static let configuration = CommandConfiguration(
            abstract: "Print one week's report (default: the week of the as-of date).",
            discussion: examples(
                "dossier report weekly --week 2026-W02", "dossier report weekly --week 2026-W02 --format text",
                "dossier report weekly --week 2026-W02 --format email",
                "dossier report weekly --view client --format json"))

        @OptionGroup var site: SiteArgument

        var language: Language { site.language }
        @Option(help: "The ISO week, e.g. 2022-W14.") var week: WeekOption?
        @Option(help: "Count figures as of this date or datetime (default: SOURCE_DATE_EPOCH, else now).")
        var asOf: AsOf?
        @Option(
            help: """
                markdown (the whole report, GitHub Flavored), text (the same as plain lines, for chat \
                programs that format nothing), html (the page), email (the mail version) or json (the figures).
                """)
        var format: Dossier.ReportFormat = .markdown
        @Option(help: "The week as a view of project.yml's views shows it (e.g. client).") var view: String?

        func run() throws {
            let (text, report) = try Dossier.weeklyReport(
                site: site.url, week: try week?.week(), asOf: try DossierCLI.asOf(asOf), format: format, view: view)
            try printDiagnostics(report, format: .text, language: site.lang)
            guard let text else { throw ExitCode(1) }
            try printOutput(text, terminator: "")
        }
    }
}

struct Diff: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed in the records between two git revisions; writes nothing.",
        discussion: examples(
            "dossier diff HEAD~1", "dossier diff origin/main...HEAD > diff.md", "dossier diff v1..v2 --format json"))

    @Argument(
        help: """
            REV..REV compares two revisions, REV...REV the second with its merge base with the first \
            (as a pull request does), a single REV with the work tree.
            """)
    var revisions: String = ""
    @OptionGroup var site: SiteArgument
    var language: Language { site.language }
    @Option(help: "markdown (for a pull-request comment) or json.") var format: Dossier.DiffFormat = .markdown

    func run() throws {
        let (text, _) = try Dossier.diff(site: site.url, revisions: revisions, format: format, language: site.lang)
        try printOutput(text, terminator: "")
    }
}

struct Init: ParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: "Start a project: a small example site that checks clean and shows every page.",
        discussion: examples(
            "dossier init my-project", "dossier init expense-zh --language zh", "dossier init expense-ru --language ru"))

    @Argument(help: "The new site folder; it must not exist or be empty.", completion: .directory) var folder: String
    @Option(name: .customLong("language"), help: "en, zh or ru: the language of the pages and of the example records.")
    var starter: Starter.Language = .en
    @Option(help: "en, zh or ru: the language of what is printed (default: DOSSIER_LANG, else --language).")
    var lang: Language?

    var language: Language { Language.chosen(requested: lang, project: starter.rawValue) }

    func run() throws {
        let url = URL(fileURLWithPath: folder).standardizedFileURL
        for file in try Dossier.initSite(folder: url, language: starter) {
            try printOutput(say("cli.init-wrote", ["file": .value("\(folder)/\(file)")], in: language))
        }
        // A folder named like an option is `./-y` for `cd`.
        let next = shellWord(folder.hasPrefix("-") ? "./" + folder : folder)
        try printOutput(say("cli.init-next", ["folder": .value(next)], in: language))
    }
}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new record: an issue row, this week's note or an article. Never overwrites.",
        discussion: examples(
            "dossier new issue \"OCR fails\" --priority high --tier 2", "dossier new weekly",
            "dossier new article faq/vpn --title \"VPN from home\""),
        subcommands: [NewIssue.self, NewWeekly.self, NewArticle.self])

    struct NewIssue: ParsableCommand, Speaking {
        static let configuration = CommandConfiguration(
            commandName: "issue", abstract: "Append an issue with the next free id, opened today, to content/issues.csv.",
            discussion: examples(
                "dossier new issue \"OCR fails\" --priority high --tier 2",
                "dossier new issue \"Travel blocked\" --tags budget"))

        @Argument(help: "The issue's title.") var title: String
        @OptionGroup var site: SiteArgument
        var language: Language { site.language }
        @Option(help: "A category id or label of project.yml.") var category: String?
        @Option(help: "low, normal, high or urgent.") var priority: String?
        @Option(help: "1 key user, 2 internal consultant, 3 vendor consultant.") var tier: String?
        @Option var module: String?
        @Option var reporter: String?
        @Option var owner: String?
        @Option(help: "A date or datetime.") var due: String?
        @Option(help: "A milestone id.") var milestone: String?
        @Option(help: "Tags separated by ;.") var tags: String?
        @Option(help: "Markdown.") var description: String?
        @Option(help: "The day it was opened (default: SOURCE_DATE_EPOCH, else now).") var asOf: AsOf?

        func run() throws {
            var values: [String: String] = [:]
            for (field, value) in [
                ("category", category), ("priority", priority), ("tier", tier), ("module", module), ("reporter", reporter),
                ("owner", owner), ("due", due), ("milestone", milestone), ("tags", tags), ("description", description),
            ] {
                if let value { values[field] = value }
            }
            let (id, written) = try Dossier.newIssue(
                site: site.url, title: title, values: values, asOf: try DossierCLI.asOf(asOf))
            try printOutput(say("cli.new-issue-appended", ["id": .value(id), "file": .value(written.file)], in: language))
            try printOutput(written.text, terminator: "")
        }
    }

    struct NewWeekly: ParsableCommand, Speaking {
        static let configuration = CommandConfiguration(
            commandName: "weekly", abstract: "Write the week's note, pre-filled with its figures and the issues resolved.",
            discussion: examples("dossier new weekly", "dossier new weekly --week 2026-W14"))

        @OptionGroup var site: SiteArgument

        var language: Language { site.language }
        @Option(help: "The ISO week, e.g. 2022-W14 (default: the week of the as-of date).") var week: WeekOption?
        @Option(help: "Count as of this date (default: SOURCE_DATE_EPOCH, else now).") var asOf: AsOf?

        func run() throws {
            try show(try Dossier.newWeekly(site: site.url, week: try week?.week(), asOf: try DossierCLI.asOf(asOf)), in: language)
        }
    }

    struct NewArticle: ParsableCommand, Speaking {
        static let configuration = CommandConfiguration(
            commandName: "article", abstract: "Write a handbook article's front matter at content/handbook/PATH.md.",
            discussion: examples("dossier new article setup/printing", "dossier new article faq/vpn --title \"VPN from home\""))

        @Argument(help: "The path under content/handbook/, e.g. setup/printing.") var path: String
        @OptionGroup var site: SiteArgument
        var language: Language { site.language }
        @Option(help: "The title (default: from the file name).") var title: String?
        @Option(help: "The `updated` date (default: SOURCE_DATE_EPOCH, else today).") var asOf: AsOf?

        func run() throws {
            try show(
                try Dossier.newArticle(site: site.url, path: path, title: title, asOf: try DossierCLI.asOf(asOf)), in: language)
        }
    }
}

/// `text` as one word for a POSIX shell, to be pasted as it is printed: as it is when it
/// holds only letters (any script), digits and `-_./+,:@%`, else in single quotes.
func shellWord(_ text: String) -> String {
    let plain =
        !text.isEmpty
        && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./+,:@%".unicodeScalars.contains($0) }
    return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// A help text's EXAMPLES section: one command a line, indented as the parser's sections are.
///
/// Help is ASCII: the man page is generated from it by swift-argument-parser's
/// generate-manual, which drops every other character (1.8.2, String+Escaping.swift). An
/// example is at most 60 characters (54 two commands down, as `new issue`), so `man` at 80
/// columns does not wrap it where a subcommand's text is indented; each runs as written on
/// a new project of every starter.
func examples(_ commands: String...) -> String {
    "EXAMPLES:\n" + commands.map { "  " + $0 }.joined(separator: "\n")
}

/// Writes `text` and `terminator` to standard output, as `print` does, but a failure
/// (`> /dev/full`, a full disk, a closed pipe) is a usage error, exit 2, not a crash.
/// - Throws: `UsageFailure.cannotWriteStandardOutput`.
func printOutput(_ text: String, terminator: String = "\n") throws {
    if standardOutputWasClosed { throw UsageFailure.cannotWriteStandardOutput(POSIXError(.EBADF)) }
    do {
        try FileHandle.standardOutput.write(contentsOf: Data((text + terminator).utf8))
    } catch {
        throw UsageFailure.cannotWriteStandardOutput(error)
    }
}

/// True when the command started with standard output closed (see `DossierCommand.main`);
/// set once, before anything runs.
nonisolated(unsafe) var standardOutputWasClosed = false

/// Writes `text` to standard error; a failure there has nowhere to be said, so it is
/// left (never a crash).
func printError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}

/// Prints what `new` wrote: the file, then its text.
func show(_ written: Dossier.WrittenRecord, in language: Language) throws {
    try printOutput(say("cli.new-wrote", ["file": .value(written.file)], in: language))
    try printOutput(written.text, terminator: "")
}
