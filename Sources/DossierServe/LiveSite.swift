import DossierSite
import FlyingFox
import Foundation
import Synchronization

/// `dossier serve`: builds the site, serves it on 127.0.0.1, rebuilds when a file under
/// content/ or templates/ changes, and makes open pages reload after each build. When
/// the records break, every page shows the build's diagnostics instead of the stale
/// site, until they are fixed.
///
/// Builds go through `Dossier.build` like `dossier build`: into the output folder,
/// swapped in whole, so a page is always served from one complete build.
public final class LiveSite: Sendable {
    /// What `dossier serve` builds and where it listens.
    public struct Options: Sendable {
        public var build: Dossier.BuildOptions
        public var port: UInt16
        /// How often content/ and templates/ are looked at for changes.
        public var interval: Duration
        /// `--lang`: the language of messages, else as `RunReport.language` chooses.
        public var language: Language?

        public init(
            build: Dossier.BuildOptions, port: UInt16, interval: Duration = .milliseconds(300), language: Language? = nil
        ) {
            self.build = build
            self.port = port
            self.interval = interval
            self.language = language
        }
    }

    /// The last build: its number (pages reload when it changes), the language it spoke
    /// and, when it failed, its diagnostics as the text `dossier build` prints.
    struct State: Sendable {
        var generation = 0
        var failure: String?
        var language = Language.en
    }

    let options: Options
    let state = Mutex(State())
    /// Where lines for the person running the server go.
    let log: @Sendable (String) -> Void

    public init(_ options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Builds, then serves until the task is cancelled; `ready` gets the address once
    /// the server listens.
    public func run(ready: @Sendable (URL) -> Void) async throws {
        await rebuild()
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: options.port), logger: .disabled, handler: LiveSiteHandler(site: self))
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { throw CancellationError() }
        ready(URL(string: "http://127.0.0.1:\(port)/")!)
        var stamp = Dossier.inputStamp(site: options.build.site)
        while !Task.isCancelled {
            try await Task.sleep(for: options.interval)
            let now = Dossier.inputStamp(site: options.build.site)
            if now != stamp {
                stamp = now
                await rebuild()
            }
        }
    }

    /// One build, on a thread of its own (it keeps the cores busy for a while), then the
    /// next generation for the pages to reload to.
    func rebuild() async {
        let options = options.build
        let requested = self.options.language
        let log = log
        let (failure, language): (String?, Language) = await withCheckedContinuation { done in
            Thread.detachNewThread {
                let start = ContinuousClock.now
                do {
                    let result = try Dossier.build(options)
                    let language = result.report.language(requested: requested)
                    func say(_ key: String, _ arguments: [String: Message.Argument] = [:]) {
                        log(Message(key, arguments).text(in: language))
                    }
                    let printed = result.report.printer(.text, language: language).render(result.report.diagnostics)
                    if !printed.isEmpty { log(printed) }
                    if result.upToDate {
                        say("serve.up-to-date")
                        done.resume(returning: (nil, language))
                    } else if result.filesWritten > 0 {
                        let seconds = (ContinuousClock.now - start).components
                        let time = String(format: "%.2f", Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18)
                        let unchanged: Message.Argument =
                            result.pagesUnchanged > 0
                            ? .message(Message("cli.build-pages-unchanged", ["count": .number(result.pagesUnchanged)]))
                            : .value("")
                        say(
                            "serve.built",
                            ["count": .number(result.filesWritten), "unchanged": unchanged, "seconds": .value(time)])
                        done.resume(returning: (nil, language))
                    } else {
                        say("serve.records-have-errors")
                        done.resume(
                            returning: (
                                printed + DiagnosticPrinter.summary(result.report.diagnostics, language: language) + "\n",
                                language
                            ))
                    }
                } catch {
                    let language = Dossier.language(site: options.site, requested: requested)
                    let text = (error as? any UsageError)?.text(in: language) ?? "\(error)"
                    log("dossier: \(text)")
                    done.resume(returning: ("dossier: \(text)\n", language))
                }
            }
        }
        state.withLock { state in
            state.generation += 1
            state.failure = failure
            state.language = language
        }
    }
}
