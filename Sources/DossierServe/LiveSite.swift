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

    /// The last build: its number (pages reload when it changes) and, when it failed,
    /// its diagnostics as the text `dossier build` prints.
    struct State: Sendable {
        var generation = 0
        var failure: String?
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
        let failure: String? = await withCheckedContinuation { done in
            Thread.detachNewThread {
                let start = ContinuousClock.now
                do {
                    let result = try Dossier.build(options)
                    let language = result.report.language(requested: requested)
                    let printed = result.report.printer(.text, language: language).render(result.report.diagnostics)
                    if !printed.isEmpty { log(printed) }
                    if result.upToDate || result.filesWritten > 0 {
                        let seconds = (ContinuousClock.now - start).components
                        let time = String(format: "%.2f", Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18)
                        let unchanged = result.pagesUnchanged > 0 ? ", \(result.pagesUnchanged) pages unchanged," : ""
                        log(result.upToDate ? "up to date" : "built \(result.filesWritten) files\(unchanged) in \(time) s")
                        done.resume(returning: nil)
                    } else {
                        log("the records have errors; the pages show them until they are fixed")
                        done.resume(
                            returning: printed + DiagnosticPrinter.summary(result.report.diagnostics, language: language) + "\n")
                    }
                } catch {
                    log("dossier: \(error)")
                    done.resume(returning: "dossier: \(error)\n")
                }
            }
        }
        state.withLock { state in
            state.generation += 1
            state.failure = failure
        }
    }
}
