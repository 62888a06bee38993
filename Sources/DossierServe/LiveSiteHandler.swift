import DossierSite
import DossierUtilities
import FlyingFox
import Foundation

/// Answers the browser: files of the output folder, with a small script added to each
/// page that reloads it after the next build, and the diagnostics page while the last
/// build failed.
struct LiveSiteHandler: HTTPHandler {
    let site: LiveSite

    /// Asks for the build number twice a second and reloads when it is not the page's own.
    static let script = """
        (function () {
          var own = document.currentScript.getAttribute("data-generation");
          function ask() {
            fetch("/__dossier/state", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (state) {
                if (String(state.generation) !== own) { location.reload(); } else { setTimeout(ask, 500); }
              })
              .catch(function () { setTimeout(ask, 1000); });
          }
          setTimeout(ask, 500);
        })();

        """

    static let types = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml",
        "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
        "pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
    ]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let (generation, failure, language) = site.state.withLock { ($0.generation, $0.failure, $0.language) }
        switch request.path {
        case "/__dossier/state":
            return response(
                .ok, type: "application/json", Data("{\"generation\":\(generation),\"failed\":\(failure != nil)}".utf8))
        case "/__dossier/live.js":
            return response(.ok, type: Self.types["js"]!, Data(Self.script.utf8))
        default:
            break
        }
        guard let relative = Self.sitePath(request.path) else { return notFound(generation, language: language) }
        if let failure, relative.hasSuffix(".html") {
            return response(
                .internalServerError, type: Self.types["html"]!,
                Data(Self.failurePage(failure, generation: generation, language: language).utf8))
        }
        let file = site.options.build.output.appendingPathComponent(relative)
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

    /// The page with the reload script before its `</body>` (or at its end).
    static func withReload(_ html: String, generation: Int) -> String {
        let tag = "<script src=\"/__dossier/live.js\" data-generation=\"\(generation)\"></script>"
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    /// What every page shows while the records have errors.
    static func failurePage(_ diagnostics: String, generation: Int, language: Language) -> String {
        let escaped = HTMLText.escapeText(diagnostics)
        let title = HTMLText.escapeText(Message("serve.error-title").text(in: language))
        let explanation = HTMLText.escapeText(Message("serve.error-explanation").text(in: language))
        return withReload(
            """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1b1b;background:#fff}h1{color:#a4161a;font-size:1.4rem}
            pre{background:#f6f6f6;border-left:4px solid #a4161a;padding:1rem;overflow:auto;font:14px/1.45 ui-monospace,monospace}</style>
            </head><body><main><h1>\(title)</h1>
            <p>\(explanation)</p>
            <pre>\(escaped)</pre></main></body></html>
            """, generation: generation)
    }
}
