import ArgumentParser
import DossierServe
import DossierSite
import Foundation

struct Serve: AsyncParsableCommand, Speaking {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it whenever a record or template changes.",
        discussion: examples(
            "dossier serve", "dossier serve . --port 0", "dossier serve --view client --as-of 2026-03-31"))

    @OptionGroup var site: SiteArgument
    var language: Language { site.language }
    @Option(help: "The port on 127.0.0.1 (0 picks a free one).") var port: UInt16 = 8040
    @Option(help: "Where to write the site (default: SITE/output, for a view SITE/output-NAME).", completion: .directory)
    var output: String?
    @Option(help: "Count figures as of this date or datetime (default: SOURCE_DATE_EPOCH, else now at each build).")
    var asOf: AsOf?
    @Flag(help: "Include articles marked draft: true.") var drafts = false
    @Option(help: "Preview the site a view of project.yml's views shows (e.g. client).") var view: String?

    func run() async throws {
        var build = Dossier.BuildOptions(
            site: site.url, output: output.map { URL(fileURLWithPath: $0) }, asOf: try DossierCLI.asOf(asOf), drafts: drafts,
            view: view)
        try Dossier.checkSiteFolder(site.url)
        try Dossier.resolveView(&build)
        try Dossier.checkOutputFolder(build)
        let live = LiveSite(.init(build: build, port: port, language: site.lang)) { line in
            printError(line.hasSuffix("\n") ? line : line + "\n")
        }
        let language = language
        try await live.run { url in
            // The address only: a serve whose output cannot be printed still serves.
            try? printOutput(say("serve.serving", ["url": .value(url.absoluteString)], in: language))
        }
    }
}
