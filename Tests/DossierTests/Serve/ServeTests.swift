import Foundation
import Testing

@testable import DossierServe

#if canImport(Glibc)
import Glibc
#endif

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `dossier serve` as a user meets it: the site on 127.0.0.1, a rebuild after each save,
/// the diagnostics instead of the pages while the records are broken.
@Suite struct ServeTests {
    /// A running `dossier serve`, stopped when the test ends.
    final class Server {
        let process = Process()
        let url: URL
        /// The first line it printed.
        let firstLine: String

        init(site: URL, arguments: [String] = []) throws {
            process.executableURL = EndToEndTests.binary
            process.arguments = ["serve", site.path, "--port", "0"] + arguments
            var environment = ProcessInfo.processInfo.environment
            environment["SOURCE_DATE_EPOCH"] = "1773306000"
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // The first line names the address, once the site is built and the port open.
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line += chunk
            }
            let text = String(decoding: line, as: UTF8.self)
            firstLine = String(text.prefix { $0 != "\n" })
            guard let start = text.range(of: "http://"), let end = text[start.lowerBound...].firstIndex(of: " ") else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "no address in \(text)"])
            }
            url = URL(string: String(text[start.lowerBound..<end]))!
        }

        deinit {
            process.terminate()
            process.waitUntilExit()
        }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            var request = URLRequest(url: URL(string: path, relativeTo: url)!)
            request.cachePolicy = .reloadIgnoringLocalAndRemoteCacheData
            let (data, response) = try await URLSession.shared.data(for: request)
            return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
        }

        /// The state once the build number reaches `generation` (a build is a second or two at most here).
        func waitFor(generation: Int) async throws -> String {
            for _ in 0..<200 {
                let state = try await get("/__dossier/state").body
                if state.contains("\"generation\":\(generation),") { return state }
                try await Task.sleep(for: .milliseconds(100))
            }
            Issue.record("build \(generation) never came")
            return ""
        }
    }

    @Test func servesRebuildsAndShowsBrokenRecords() async throws {
        let site = try Fixtures.copy("valid")
        let server = try Server(site: site)
        _ = try await server.waitFor(generation: 1)

        let home = try await server.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("<script src=\"/__dossier/live.js\" data-generation=\"1\"></script></body>"))
        #expect(try await server.get("/__dossier/live.js").body.contains("location.reload()"))
        #expect(try await server.get("/assets/dossier.css").status == 200)
        // Nothing outside the output folder, nor its marker.
        #expect(try await server.get("/%2e%2e/content/issues.csv").status == 404)
        #expect(try await server.get("/.dossier-output").status == 404)
        #expect(try await server.get("/no/such/page.html").status == 404)

        // A broken record: every page shows where, until it is fixed.
        let issues = site.appendingPathComponent("content/issues.csv")
        let good = try String(contentsOf: issues, encoding: .utf8)
        try Data(
            good.replacingOccurrences(
                of: "EX-2,Approval flow skips the CFO,In Progress,", with: "EX-2,Approval flow skips the CFO,Doing,"
            ).utf8
        )
        .write(to: issues)
        #expect(try await server.waitFor(generation: 2).contains("\"failed\":true"))
        let broken = try await server.get("/issues/index.html")
        #expect(broken.status == 500)
        #expect(broken.body.contains("content/issues.csv:7:34: error: unknown status &quot;Doing&quot;"))
        #expect(broken.body.contains("<html lang=\"en\">") && broken.body.contains("<h1>The records have errors</h1>"))
        #expect(broken.body.contains("data-generation=\"2\""))

        try Data(good.utf8).write(to: issues)
        #expect(try await server.waitFor(generation: 3).contains("\"failed\":false"))
        #expect(try await server.get("/issues/index.html").status == 200)

        // An edited article is served as edited.
        let article = site.appendingPathComponent("content/handbook/setup/login.md")
        try Data((try String(contentsOf: article, encoding: .utf8) + "\nA sentence added while serving.\n").utf8).write(
            to: article)
        _ = try await server.waitFor(generation: 4)
        #expect(try await server.get("/handbook/setup/login.html").body.contains("A sentence added while serving."))

        #if os(Linux)
        // A second save of the same size whose time the file system keeps as it was (a
        // file system of whole seconds, within one second): heard, so built, though
        // sizes and times look as before.
        // Written beside it (hidden, as editors do) with the old time, then renamed over
        // it in one step.
        var before = stat()
        #expect(stat(article.path, &before) == 0)
        let text = try String(contentsOf: article, encoding: .utf8)
        let beside = article.deletingLastPathComponent().appendingPathComponent(".login.md.new")
        try Data(text.replacingOccurrences(of: "A sentence added", with: "A sentence ADDED").utf8).write(to: beside)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, beside.path, &times, 0) == 0)
        #expect(rename(beside.path, article.path) == 0)
        _ = try await server.waitFor(generation: 5)
        #expect(try await server.get("/handbook/setup/login.html").body.contains("A sentence ADDED while serving."))
        #endif
    }

    /// A command run to its end: its exit status, standard output and standard error.
    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, out: String, error: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let (out, error) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = error
        try process.run()
        // Standard error is small here; read after standard output without blocking the child.
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, printed, said)
    }

    /// `curl` with its own `Host` header (URLSession sets Host itself): the status code.
    static func status(_ url: URL, host: String) throws -> String {
        try run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: \(host)", url.absoluteString]
        ).out
    }

    /// As people use a dev server: the address first, folders by their URL, a port in use
    /// refused at once, and no page for a request naming another host (DNS rebinding,
    /// refused as Vite refuses it).
    @Test func servesAsPeopleUseIt() async throws {
        let site = try Fixtures.copy("valid")
        let server = try Server(site: site)
        #expect(server.firstLine.contains(server.url.absoluteString))
        _ = try await server.waitFor(generation: 1)

        let folder = try await server.get("/weekly/")
        #expect(folder.status == 200 && folder.body.contains("<h1>"))
        // Without its slash: redirected to it, so the index's relative links work.
        let port = server.url.port!
        #expect(try Self.status(server.url.appendingPathComponent("weekly"), host: "127.0.0.1:\(port)") == "301")
        #expect(try await server.get("/weekly").body == folder.body)

        for host in ["127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)", "LOCALHOST:\(port)"] {
            #expect(try Self.status(server.url.appendingPathComponent("issues/index.html"), host: host) == "200", "\(host)")
        }
        let blocked = try Self.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["curl", "-s", "-H", "Host: attacker.example", server.url.appendingPathComponent("issues/index.html").absoluteString])
        #expect(blocked.out.contains("blocked") && blocked.out.contains("\"attacker.example\""), "\(blocked.out)")
        for host in ["attacker.example", "attacker.example:\(port)", "127.0.0.1.attacker.example:\(port)", "localhost:1"] {
            #expect(try Self.status(server.url.appendingPathComponent("issues/index.html"), host: host) == "403", "\(host)")
        }

        // A page's question is held until the next build is in place, then answered.
        let waiting = URL(string: "/__dossier/state?wait=1", relativeTo: server.url)!
        let asked = Task { String(decoding: try await URLSession.shared.data(from: waiting).0, as: UTF8.self) }
        try await Task.sleep(for: .milliseconds(300))
        let article = site.appendingPathComponent("content/handbook/setup/login.md")
        try Data((try String(contentsOf: article, encoding: .utf8) + "\nSaved while a page waits.\n").utf8).write(to: article)
        #expect(try await asked.value.contains("\"generation\":2,"))
        #expect(try await server.get("/__dossier/state?wait=1").body.contains("\"generation\":2,"), "answered at once")

        // The same port again: refused before any build, with the reason.
        let (status, _, message) = try Self.run(
            EndToEndTests.binary,
            ["serve", site.path, "--port", String(port), "--output", site.appendingPathComponent("other").path])
        #expect(status == 2)
        #expect(
            message
                == "dossier: port \(port) of 127.0.0.1 is in use (another dossier serve?): choose another with --port N, or --port 0 for a free one\n"
        )
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("other").path))
    }

    /// The error page puts each caret under the character it points at: a Chinese line's
    /// part before it, hidden, rather than the two spaces per character a terminal uses.
    @Test func theErrorPagesCaretLinesUpUnderChineseText() throws {
        let text = """
            content/issues.csv:3:12: error: unknown status "进行中" [issue-status]
              3 | FK-1,登录失败,进行中,高
                |               ^

            """
        let html = LiveSiteHandler.alignedCarets(text)
        #expect(html.contains("    | <span class=\"under\">FK-1,登录失败,</span>^"))
        #expect(html.contains("  3 | FK-1,登录失败,进行中,高"))
        #expect(html.contains("unknown status &quot;进行中&quot;") || html.contains("unknown status \"进行中\""))
    }

    /// A page's question while nothing changes is held for 20 s and then answered with
    /// the same build, not cut off by the HTTP server's own time-out (15 s) with a 500.
    @Test func aQuestionHeldWhileNothingChangesIsAnswered() async throws {
        let site = try Fixtures.copy("valid")
        let server = try Server(site: site)
        _ = try await server.waitFor(generation: 1)
        let start = ContinuousClock.now
        let answer = try await server.get("/__dossier/state?wait=1")
        #expect(answer.status == 200)
        #expect(answer.body.contains("\"generation\":1,"))
        #expect(ContinuousClock.now - start >= .seconds(19))
    }

    /// `serve --view` previews the view's site, in the view's folder; an unknown view is
    /// refused at once.
    @Test func servesAView() async throws {
        let site = try ViewTests.makeSite()
        let server = try Server(site: site, arguments: ["--view", "client"])
        _ = try await server.waitFor(generation: 1)
        let guide = try await server.get("/handbook/guide.html")
        #expect(guide.status == 200)
        #expect(guide.body.contains("a page not in this view"))
        #expect(try await server.get("/handbook/zqfolder/zqrunbookpath.html").status == 404)
        #expect(try await server.get("/weekly/2026-W11.html").status == 404)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output-client/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))

        let (status, _, message) = try Self.run(EndToEndTests.binary, ["serve", site.path, "--port", "0", "--view", "clinet"])
        #expect(status == 2)
        #expect(message.contains("--view clinet") && message.contains("did you mean \"client\""), "\(message)")
    }

    /// A Chinese or Russian reader gets the server's own lines and pages in their
    /// language; the address stays a link a terminal can open (a space after it).
    @Test(arguments: [
        ("zh", "站点已启动：", "记录有错误", "本站点没有这个页面。", "未知的状态“"),
        (
            "ru", "сайт доступен по адресу ", "В записях есть ошибки", "На этом сайте нет такой страницы.",
            "статус: неизвестное значение"
        ),
    ])
    func theServerSpeaksTheReadersLanguage(
        language: String, serving: String, title: String, notFound: String, diagnostic: String
    ) async throws {
        let site = try Fixtures.copy("valid")
        let server = try Server(site: site, arguments: ["--lang", language])
        #expect(server.firstLine.hasPrefix(serving + server.url.absoluteString + " "))
        _ = try await server.waitFor(generation: 1)
        let missing = try await server.get("/no/such/page.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html lang=\"\(language)\">") && missing.body.contains(notFound))

        let issues = site.appendingPathComponent("content/issues.csv")
        let good = try String(contentsOf: issues, encoding: .utf8)
        try Data(good.replacingOccurrences(of: ",In Progress,", with: ",Doing,").utf8).write(to: issues)
        #expect(try await server.waitFor(generation: 2).contains("\"failed\":true"))
        let broken = try await server.get("/issues/index.html")
        #expect(broken.status == 500)
        #expect(broken.body.contains("<html lang=\"\(language)\">"))
        #expect(broken.body.contains("<title>\(title)</title>") && broken.body.contains("<h1>\(title)</h1>"))
        // The severity word stays as editors parse it; the sentence after it is the reader's.
        #expect(broken.body.contains("content/issues.csv:7:34: error: \(diagnostic)"))
        #expect(!broken.body.contains("The records have errors") && !broken.body.contains("reloads by itself"))
    }
}
