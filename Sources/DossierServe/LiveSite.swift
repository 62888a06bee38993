import DossierSite
import FlyingFox
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Why `dossier serve` cannot serve.
public enum ServeFailure: UsageError {
    /// Another program listens on the port of 127.0.0.1.
    case portInUse(UInt16)
    /// The port is one this user may not open (below 1024 on Linux, without root).
    case portNotPermitted(UInt16)

    public var message: Message {
        switch self {
        case .portInUse(let port): return Message("serve.port-in-use", ["port": .value(String(port))])
        case .portNotPermitted(let port): return Message("serve.port-not-permitted", ["port": .value(String(port))])
        }
    }
}

/// `dossier serve`: builds the site, serves it on 127.0.0.1, rebuilds when a file under
/// content/ or templates/ changes, and makes open pages reload after each build. When
/// the records break, every page shows the build's diagnostics instead of the stale
/// site, until they are fixed.
///
/// Builds go through `Dossier.build` like `dossier build`, with a memory of the last
/// build, so each rebuild writes over the output folder only the files that changed,
/// once the build has passed its checks (see `OutputWriter.stage(over:)`).
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
            build: Dossier.BuildOptions, port: UInt16, interval: Duration = .milliseconds(20), language: Language? = nil
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
        /// The port listened on (0 until then): requests must name it in their `Host`.
        var port: UInt16 = 0
    }

    /// Whether 127.0.0.1:`port` can be bound now (SO_REUSEADDR, as the server binds it).
    static func isFree(port: UInt16) -> Bool { failure(binding: port) == nil }

    /// Why `port` of 127.0.0.1 cannot be listened on: in use, or not permitted (EACCES:
    /// a port below 1024 for a user who is not root); nil when it can.
    static func failure(binding port: UInt16) -> ServeFailure? {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if bound == 0 { return nil }
        return errno == EACCES || errno == EPERM ? .portNotPermitted(port) : .portInUse(port)
        #else
        return nil
        #endif
    }

    let options: Options
    let state = Mutex(State())
    /// Where lines for the person running the server go.
    let log: @Sendable (String) -> Void
    /// What each build keeps for the next: the records as split and the theme compiled.
    let memory: Dossier.BuildMemory = {
        let memory = Dossier.BuildMemory()
        memory.outputWatch = OutputFolderWatch()
        return memory
    }()

    public init(_ options: Options, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.log = log
    }

    /// Listens, tells `ready` the address, builds, then serves and rebuilds until the
    /// task is cancelled. A port in use is `ServeFailure.portInUse` before anything is
    /// built. Until the first build is in place, pages say so and reload by themselves.
    public func run(ready: @Sendable (URL) -> Void) async throws {
        if options.port != 0, let failure = Self.failure(binding: options.port) { throw failure }
        let handler = LiveSiteHandler(site: self)
        // FlyingFox answers 500 to a request its handler holds longer than `timeout` (15 s
        // unless told): the held `?wait=N` question must end first.
        let server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: options.port),
            timeout: TimeInterval(LiveSiteHandler.longestWait.components.seconds + 10), logger: .disabled,
            handler: handler)
        let serving = Task { try await server.run() }
        defer { serving.cancel() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port) = await server.listeningAddress else { throw CancellationError() }
        let language = Dossier.language(site: options.build.site, requested: options.language)
        state.withLock {
            $0.port = port
            $0.language = language
        }
        ready(URL(string: "http://127.0.0.1:\(port)/")!)
        let site = options.build.site
        // Told of changes by the kernel where it can; the records are looked at then, and
        // once a second for what it does not tell (see FolderWatch).
        let watch = FolderWatch(site: site, headLog: Dossier.headLog(site: site))
        var stamp = Dossier.inputStamp(site: site)
        await rebuild()
        var looked = ContinuousClock.now
        while let watch, watch.watching, !Task.isCancelled {
            let heard = await watch.next(within: .seconds(1))
            guard heard || ContinuousClock.now - looked >= .seconds(1) else { continue }
            // Built once nothing more is heard for a moment: a save written in more than
            // one step (truncate, then write) is built whole, not half-written.
            repeat { try await Task.sleep(for: Self.quiet) } while watch.changed
            looked = ContinuousClock.now
            let now = Dossier.inputStamp(site: site)
            // A save heard is built even when the files' sizes and times look as they
            // did: a second save of the same size within one tick of a file system that
            // keeps whole seconds changes neither (the build reads the bytes again).
            if now != stamp || heard {
                stamp = now
                await rebuild()
            }
        }
        // Looked at every `interval`, or ten times as long as one look takes, so a large
        // site is not statted without pause; at least once a second, even when one look
        // was slow because the machine was busy.
        var pause = options.interval
        while !Task.isCancelled {
            try await Task.sleep(for: pause)
            let start = ContinuousClock.now
            let now = Dossier.inputStamp(site: options.build.site)
            pause = min(max(options.interval, (ContinuousClock.now - start) * 10), .seconds(1))
            if now != stamp {
                // Built once the files are still for one look: a save written in more
                // than one step (truncate, then write) is built whole, not half-written.
                stamp = now
                while !Task.isCancelled {
                    try await Task.sleep(for: pause)
                    let again = Dossier.inputStamp(site: options.build.site)
                    if again == stamp { break }
                    stamp = again
                }
                await rebuild()
            }
        }
    }

    /// Hands memory the last build freed back to the system (glibc's malloc_trim(3)).
    static func returnFreedMemory() {
        #if canImport(Glibc)
        // Swift's Glibc module leaves out malloc.h: looked up.
        typealias MallocTrim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        #endif
    }

    /// How long a save must be quiet (nothing more heard) before it is built.
    static let quiet = Duration.milliseconds(5)

    /// One build, on a thread of its own (it keeps the cores busy for a while), then the
    /// next generation for the pages to reload to.
    func rebuild() async {
        var build = options.build
        build.memory = memory
        let options = build
        let requested = self.options.language
        let log = log
        let (failure, language): (String?, Language) = await withCheckedContinuation { done in
            Thread.detachNewThread {
                let start = ContinuousClock.now
                // The server lives on between builds: what a build freed goes back to
                // the system rather than staying with the allocator (glibc keeps it).
                defer { Self.returnFreedMemory() }
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
