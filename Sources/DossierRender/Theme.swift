import DossierDiagnostics
import Foundation
import Mustache

/// The templates and assets pages are rendered with: the built-in default theme, with
/// any file of the site's own templates/ replacing the built-in file of that name.
public struct Theme: Sendable {
    /// The page templates of SPEC §2, by name without `.mustache`.
    public static let templateNames = [
        "layout", "dashboard", "issues", "issue", "weekly-index", "weekly", "weekly-email", "handbook-index", "article",
        "tag", "milestones", "search",
    ]

    private var templates: [String: MustacheTemplate] = [:]
    /// The same templates compiled for speed, where they can be (`CompiledTemplate`).
    private var compiled: [String: CompiledTemplate] = [:]
    /// A digest of each template's text, by name: a page's key includes its template's
    /// and the layout's, so editing one template renders only the pages it makes.
    private var keys: [String: PageKey] = [:]
    /// Files under assets/, by path relative to the theme folder (`assets/dossier.css`).
    public private(set) var assets: [String: String] = [:]

    /// The built-in files of the theme, by path relative to templates/.
    public static let builtInFiles: [String: String] = EmbeddedTheme.base64.compactMapValues { encoded in
        Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Compiles the theme; a template that does not parse is reported at its line.
    public static func load(overrides: [String: String]) -> (Theme, [Diagnostic]) {
        var theme = Theme()
        var diagnostics: [Diagnostic] = []
        var files = builtInFiles
        for (path, text) in overrides {
            files[path] = text
            let name = path.hasSuffix(".mustache") ? String(path.dropLast(".mustache".count)) : nil
            if let name, !templateNames.contains(name) {
                let hint = Suggestion.closest(to: name, in: templateNames).map { "; did you mean \"\($0).mustache\"?" } ?? ""
                diagnostics.append(
                    .warning(
                        .template, at: .start(of: "templates/\(path)"),
                        "no built-in template is named \"\(name)\", so this file is never used\(hint)"))
            }
        }
        for (path, text) in files {
            if path.hasPrefix("assets/") {
                theme.assets[path] = text
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            let file = overrides[path] != nil ? "templates/\(path)" : "(built-in theme) \(path)"
            do {
                theme.templates[name] = try MustacheTemplate(string: text)
                theme.compiled[name] = CompiledTemplate(text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(TemplateProblem.diagnostic(for: error, text: text, file: file))
            } catch {
                diagnostics.append(.error(.template, at: .start(of: file), "template cannot be read: \(error)"))
            }
        }
        for (path, text) in files where path.hasSuffix(".mustache") {
            var digest = Digest()
            digest.add(text)
            theme.keys[String(path.dropLast(".mustache".count))] = digest.key
        }
        for name in templateNames where theme.templates[name] == nil && !diagnostics.contains(where: { $0.location.file.hasSuffix("\(name).mustache") }) {
            diagnostics.append(.error(.template, at: .start(of: "templates/\(name).mustache"), "the theme has no \(name).mustache"))
        }
        return (theme, diagnostics)
    }

    /// The digest of template `name`'s text.
    func key(_ name: String) -> PageKey { keys[name] ?? PageKey(high: 0, low: 0) }

    /// Renders template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        if let text = compiled[name]?.render(context) { return text }
        return templates[name]?.render(context) ?? ""
    }
}
