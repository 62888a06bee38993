import DossierSite
import DossierUtilities
import FlyingFox
import Foundation

/// Answers the browser: files of the output folder, with a small script added to each
/// page that reloads it after the next build, and the diagnostics page while the last
/// build failed.
struct LiveSiteHandler: HTTPHandler {
    let site: LiveSite

    /// Asks for the build number, the server holding the question until a build other
    /// than the page's own is in place (or 20 s have passed), and reloads then: the page
    /// hears of a build as soon as the server has it, with no polling delay.
    static let script = """
        (function () {
          var own = document.currentScript.getAttribute("data-generation");
          function ask() {
            fetch("/__dossier/state?wait=" + own, { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (String(state.generation) !== own) { location.reload(); } else { ask(); }
              })
              .catch(function () { setTimeout(ask, 1000); });
          }
          ask();
        })();

        """

    /// How long a `?wait=N` question is held at most.
    static let longestWait = Duration.seconds(20)

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
    ]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (generation, failure, language, port) = site.state.withLock {
            ($0.generation, $0.failure, $0.language, $0.port)
        }
        // A page of another site, its name rebound to 127.0.0.1 (DNS rebinding), would
        // send its own name: only the server's own names are answered.
        guard Self.isOwnHost(request.headers[.host], port: port) else {
            let text = Message("serve.blocked-host", ["host": .value(request.headers[.host] ?? "")]).text(in: language)
            return response(.forbidden, type: Self.types["txt"]!, Data((text + "\n").utf8))
        }
        switch request.path {
        case "/__dossier/state":
            var (generation, failure) = (generation, failure)
            // `?wait=N`: answered once the build is no longer N.
            if let waited = request.query["wait"].flatMap(Int.init), waited == generation {
                let deadline = ContinuousClock.now + Self.longestWait
                while generation == waited, ContinuousClock.now < deadline, !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(5))
                    (generation, failure) = site.state.withLock { ($0.generation, $0.failure) }
                }
            }
            return response(
                .ok, type: "application/json", Data("{\"generation\":\(generation),\"failed\":\(failure != nil)}".utf8))
        case "/__dossier/live.js":
            return response(.ok, type: Self.types["js"]!, Data(Self.script.utf8))
        default:
            break
        }
        // As the browser sent it: `request.path` has lost a folder's trailing slash.
        let path = request.target.path(percentEncoded: true)
        guard let relative = Self.sitePath(path) else { return notFound(generation, language: language) }
        if generation == 0, relative.hasSuffix(".html") {
            // Listening before the first build is in place: the page comes once it is.
            return response(.serviceUnavailable, type: Self.types["html"]!, Data(Self.buildingPage(language: language).utf8))
        }
        if let failure, relative.hasSuffix(".html") {
            return response(
                .internalServerError, type: Self.types["html"]!,
                Data(Self.failurePage(failure, generation: generation, language: language).utf8))
        }
        let file = site.options.build.output.appendingPathComponent(relative)
        // A folder named without its slash (`/weekly`): its index, at the address its
        // relative links are written for.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file.path, isDirectory: &isFolder), isFolder.boolValue {
            return HTTPResponse(
                statusCode: .movedPermanently,
                headers: [
                    .location: "http://\(request.headers[.host] ?? "127.0.0.1:\(port)")\(path)/", .cacheControl: "no-store",
                ],
                body: Data())
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return notFound(generation, language: language)
        }
        let type = Self.types[(relative as NSString).pathExtension.lowercased()] ?? "application/octet-stream"
        if relative.hasSuffix(".html") {
            return response(
                .ok, type: type, Data(Self.withReload(String(decoding: data, as: UTF8.self), generation: generation).utf8))
        }
        return response(.ok, type: type, data)
    }

    func response(_ status: HTTPStatusCode, type: String, _ body: Data) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// The page for a path the site has not, in the language of the last build.
    func notFound(_ generation: Int, language: Language) -> HTTPResponse {
        let title = HTMLText.escapeText(Message("serve.not-found-title").text(in: language))
        let text = HTMLText.escapeText(Message("serve.not-found").text(in: language))
        let page = Self.withReload(
            "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(title)</title></head>"
                + "<body><p>\(text)</p></body></html>",
            generation: generation)
        return response(.notFound, type: Self.types["html"]!, Data(page.utf8))
    }

    /// The file of the output folder a request path names: `index.html` for a folder;
    /// nil for anything outside it or hidden (the output's marker).
    static func sitePath(_ requestPath: String) -> String? {
        guard let decoded = requestPath.removingPercentEncoding, decoded.hasPrefix("/") else { return nil }
        var parts: [Substring] = []
        for part in decoded.split(separator: "/") {
            if FolderWalker.isHidden(part) || part.contains("\u{0}") || part.contains("\\") { return nil }
            parts.append(part)
        }
        let path = parts.joined(separator: "/")
        if decoded.hasSuffix("/") || path.isEmpty { return path.isEmpty ? "index.html" : path + "/index.html" }
        return path
    }

    /// The diagnostics as HTML text, each caret under the character it points at
    /// whatever the font: a caret line (`    | ^`) after a source line (`  7 | …`) has,
    /// for its spaces, the part of the source line they cover, hidden, so a Chinese
    /// character takes the room it takes above rather than the two spaces a terminal gives
    /// it.
    static func alignedCarets(_ text: String) -> String {
        var out: [String] = []
        var previous: (gutter: Int, source: String)?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            defer {
                if let bar = line.range(of: " | "), line[..<bar.lowerBound].allSatisfy({ $0 == " " || $0.isNumber }),
                    line[..<bar.lowerBound].contains(where: \.isNumber)
                {
                    previous = (line.distance(from: line.startIndex, to: bar.upperBound), String(line[bar.upperBound...]))
                } else {
                    previous = nil
                }
            }
            if let previous, line.hasSuffix("^"), line.count > previous.gutter,
                line.prefix(previous.gutter).allSatisfy({ $0 == " " || $0 == "|" })
            {
                let padding = line.count - previous.gutter - 1
                if line.dropFirst(previous.gutter).dropLast().allSatisfy({ $0 == " " }) {
                    let covered = DiagnosticPrinter.source(coveredBy: padding, in: previous.source)
                    out.append(
                        HTMLText.escapeText(String(line.prefix(previous.gutter))) + "<span class=\"under\">"
                            + HTMLText.escapeText(covered) + "</span>^")
                    continue
                }
            }
            out.append(HTMLText.escapeText(line))
        }
        return out.joined(separator: "\n")
    }

    /// Whether a `Host` header names this server: 127.0.0.1, localhost or [::1], with
    /// the port it listens on (or without a port, as some clients send port 80's).
    static func isOwnHost(_ host: String?, port: UInt16) -> Bool {
        guard let host = host?.lowercased() else { return false }
        for name in ["127.0.0.1", "localhost", "[::1]"] where host == name || host == "\(name):\(port)" {
            return true
        }
        return false
    }

    /// What a page shows while the first build runs.
    static func buildingPage(language: Language) -> String {
        let text = HTMLText.escapeText(Message("serve.building").text(in: language))
        return withReload(
            "<!DOCTYPE html><html lang=\"\(language.rawValue)\"><head><meta charset=\"utf-8\"><title>\(text)</title></head>"
                + "<body><p>\(text)</p></body></html>",
            generation: 0)
    }

    /// The page with the reload script before its `</body>` (or at its end).
    static func withReload(_ html: String, generation: Int) -> String {
        let tag = "<script src=\"/__dossier/live.js\" data-generation=\"\(generation)\"></script>"
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    /// What every page shows while the records have errors.
    static func failurePage(_ diagnostics: String, generation: Int, language: Language) -> String {
        let escaped = alignedCarets(diagnostics)
        let title = HTMLText.escapeText(Message("serve.error-title").text(in: language))
        let explanation = HTMLText.escapeText(Message("serve.error-explanation").text(in: language))
        return withReload(
            """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}h1{color:#a4161a;font-size:1.4rem}
            pre{background:#f6f6f6;border-left:4px solid #a4161a;padding:1rem;overflow:auto;font:14px/1.45 ui-monospace,monospace}
            .under{visibility:hidden}</style>
            </head><body><main><h1>\(title)</h1>
            <p>\(explanation)</p>
            <pre>\(escaped)</pre></main></body></html>
            """, generation: generation)
    }
}
