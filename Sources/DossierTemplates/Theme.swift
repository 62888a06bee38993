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
    /// Each template's text, by name without `.mustache`, as the theme was loaded: the
    /// render stage digests them into page keys, so editing one template renders only
    /// the pages it makes.
    package private(set) var texts: [String: String] = [:]
    /// Files under assets/, by path relative to the theme folder (`assets/dossier.css`).
    public private(set) var assets: [String: String] = [:]
    /// The words of the pages, by language (`strings/<language>.yml`, see `ThemeWords`).
    public private(set) var languages: [String: ThemeWords] = [:]

    /// The built-in files of the theme, by path relative to templates/.
    public static let builtInFiles: [String: String] = EmbeddedTheme.base64.compactMapValues { encoded in
        Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The built-in theme as compiled, once per process: `load` takes from it every
    /// file a site leaves as built in (or holds a copy of, as the sample project does),
    /// and `warmUp` compiles it beside the load stage. Compiling it cost 10 % of a
    /// `build`'s main thread at S.
    static let builtIn: Theme = load(files: builtInFiles, overrides: [:], from: nil).0

    /// Compiles the built-in theme on another thread, so that `load` finds it done; a
    /// `load` that comes first waits for it rather than compiling it twice.
    public static func warmUp() {
        DispatchQueue.global(qos: .userInitiated).async { _ = builtIn }
    }

    /// Compiles the theme; a template that does not parse is reported at its line.
    public static func load(overrides: [String: String]) -> (Theme, [Diagnostic]) {
        var files = builtInFiles
        for (path, text) in overrides { files[path] = text }
        return load(files: files, overrides: overrides, from: builtIn)
    }

    /// Compiles `files` (the built-in ones with the site's `overrides` in place);
    /// a file whose text is the built-in one is taken from `builtIn` when given.
    private static func load(files: [String: String], overrides: [String: String], from builtIn: Theme?) -> (
        Theme, [Diagnostic]
    ) {
        var theme = Theme()
        var diagnostics: [Diagnostic] = []
        for path in overrides.keys {
            let name = path.hasSuffix(".mustache") ? String(path.dropLast(".mustache".count)) : nil
            if let name, !templateNames.contains(name) {
                diagnostics.append(.templateNeverUsed(path, name: name))
            }
        }
        let ownWords = overrides.filter { $0.key.hasPrefix(ThemeWords.folder) && $0.value != builtInFiles[$0.key] }
        if let builtIn, ownWords.isEmpty {
            theme.languages = builtIn.languages
        } else {
            let (words, wordProblems) = ThemeWords.load(
                builtIn: builtInFiles.filter { $0.key.hasPrefix(ThemeWords.folder) },
                overrides: overrides.filter { $0.key.hasPrefix(ThemeWords.folder) })
            theme.languages = words
            diagnostics += wordProblems
        }
        for (path, text) in files {
            if path.hasPrefix("assets/") {
                theme.assets[path] = text
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            if let builtIn, text == builtInFiles[path], let template = builtIn.templates[name] {
                theme.templates[name] = template
                theme.compiled[name] = builtIn.compiled[name]
                continue
            }
            let file = overrides[path] != nil ? "templates/\(path)" : "(built-in theme) \(path)"
            do {
                theme.templates[name] = try MustacheTemplate(string: text)
                theme.compiled[name] = CompiledTemplate(text)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(TemplateProblem.diagnostic(for: error, text: text, file: file))
            } catch {
                diagnostics.append(.templateUnreadable(file, error: error))
            }
        }
        for (path, text) in files where path.hasSuffix(".mustache") {
            theme.texts[String(path.dropLast(".mustache".count))] = text
        }
        for name in templateNames
        where theme.templates[name] == nil && !diagnostics.contains(where: { $0.location.file.hasSuffix("\(name).mustache") }) {
            diagnostics.append(.templateMissing(name))
        }
        return (theme, diagnostics)
    }

    /// The words of `language` with the site's own files of words (`overrides`, by path
    /// relative to templates/, as `load` takes them) layered over the built-in ones,
    /// without compiling any template: for a reader that words values as the pages do
    /// (`dossier diff`). Problems in the files are `check`'s to report; here they are
    /// skipped, as the build skips them.
    public static func words(for language: String, overrides: [String: String]) -> ThemeWords {
        var theme = Theme()
        theme.languages =
            ThemeWords.load(
                builtIn: builtInFiles.filter { $0.key.hasPrefix(ThemeWords.folder) },
                overrides: overrides.filter { $0.key.hasPrefix(ThemeWords.folder) }
            ).0
        return theme.words(for: language)
    }

    /// The words of `language`; a regional form such as `zh-CN` or `ru_RU` gets its base
    /// language's, and a language the theme lacks gets English.
    public func words(for language: String) -> ThemeWords {
        let base = language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return languages[base] ?? languages["en"] ?? ThemeWords(language: base)
    }

    /// Renders template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) -> String {
        if let text = compiled[name]?.render(context) { return text }
        return templates[name]?.render(context) ?? ""
    }
}
