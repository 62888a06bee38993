import ArgumentParser
import DossierSite
import Foundation

@main
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Checks the records of an implementation project and builds its site.",
        subcommands: [Build.self, Check.self, Report.self, Diff.self])

    /// Runs a command; usage errors exit 2 as the contract says (not 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as UsageFailure {
            FileHandle.standardError.write(Data("dossier: \(failure)\n".utf8))
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every command that reads a site has.
struct SiteArgument: ParsableArguments {
    @Argument(help: "The site folder (holding content/). Defaults to the current folder.")
    var site: String = "."

    var url: URL { URL(fileURLWithPath: site).standardizedFileURL }
}

/// `--as-of`, else SOURCE_DATE_EPOCH, else now.
func asOf(_ written: String?) -> AsOf {
    if let written { return .written(written) }
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
        return .instant(Date(timeIntervalSince1970: seconds))
    }
    return .instant(Date())
}

func printDiagnostics(_ report: RunReport, format: DiagnosticFormatOption, to handle: FileHandle) {
    let text = report.printer(format.value).render(report.diagnostics)
    handle.write(Data(text.utf8))
    if format == .text, !report.diagnostics.items.isEmpty {
        FileHandle.standardError.write(Data("\(DiagnosticPrinter.summary(report.diagnostics))\n".utf8))
    }
}

enum DiagnosticFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
    var value: DiagnosticFormat { DiagnosticFormat(rawValue: rawValue)! }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the records and build the site into output/.")

    @OptionGroup var site: SiteArgument
    @Option(help: "Where to write the site (default: SITE/output).") var output: String?
    @Option(help: "Count figures as of this date or datetime (default: SOURCE_DATE_EPOCH, else now).") var asOf: String?
    @Flag(help: "Include articles marked draft: true.") var drafts = false
    @Flag(help: "Fail on warnings too.") var strict = false

    func run() throws {
        let options = Dossier.BuildOptions(
            site: site.url, output: output.map { URL(fileURLWithPath: $0) }, asOf: DossierCLI.asOf(asOf), drafts: drafts,
            strict: strict)
        let result = try Dossier.build(options)
        printDiagnostics(result.report, format: .text, to: FileHandle.standardError)
        if result.filesWritten == 0 {
            FileHandle.standardError.write(Data("dossier: nothing written; the previous site is unchanged\n".utf8))
            throw ExitCode(1)
        }
        print("wrote \(result.filesWritten) files to \(options.output.path)")
        print("search index: \(result.searchIndexBytes / 1024) KB of terms for \(result.searchTextBytes / 1024) KB of text")
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check the records and report every problem; writes nothing.")

    @OptionGroup var site: SiteArgument
    @Option(help: "text, json or github (workflow commands).") var format: DiagnosticFormatOption = .text
    @Flag(help: "Fail on warnings too.") var strict = false
    @Flag(help: "Check articles marked draft: true as well.") var drafts = false

    func run() throws {
        let report = try Dossier.check(site: site.url, drafts: drafts)
        printDiagnostics(report, format: format, to: FileHandle.standardOutput)
        if report.diagnostics.fails(strict: strict) { throw ExitCode(1) }
    }
}

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a report.", subcommands: [Weekly.self])

    struct Weekly: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one week's report (default: the week of the as-of date).")

        @OptionGroup var site: SiteArgument
        @Option(help: "The ISO week, e.g. 2022-W14.") var week: String?
        @Option(help: "Count figures as of this date or datetime.") var asOf: String?
        @Option(help: "markdown, html, email or json.") var format: ReportFormatOption = .markdown

        func run() throws {
            let (text, report) = try Dossier.weeklyReport(
                site: site.url, week: week, asOf: DossierCLI.asOf(asOf), format: format.value)
            printDiagnostics(report, format: .text, to: FileHandle.standardError)
            guard let text else { throw ExitCode(1) }
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, email, json
    var value: Dossier.ReportFormat { Dossier.ReportFormat(rawValue: rawValue)! }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed in the records between two git revisions; writes nothing.",
        discussion: """
            REV..REV compares two revisions, REV...REV compares the second with its merge base \
            with the first (as a pull request does), and a single REV compares it with the work tree.
            """)

    @Argument(help: "REV, REV..REV or REV...REV.") var revisions: String
    @OptionGroup var site: SiteArgument
    @Option(help: "markdown (for a pull-request comment) or json.") var format: DiffFormatOption = .markdown

    func run() throws {
        let (text, _) = try Dossier.diff(site: site.url, revisions: revisions, format: format.value)
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

enum DiffFormatOption: String, ExpressibleByArgument, CaseIterable {
    case markdown, json
    var value: Dossier.DiffFormat { Dossier.DiffFormat(rawValue: rawValue)! }
}
