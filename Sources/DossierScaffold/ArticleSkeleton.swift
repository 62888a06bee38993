import DossierDiagnostics
import DossierModel
import DossierUtilities

/// The article `dossier new article PATH` writes: front matter with every key of SPEC
/// §1.6 to fill in, and a first paragraph to replace.
public struct ArticleSkeleton: Sendable {
    /// The path under handbook/ without `.md`: `setup/printing`.
    public let path: String
    public let title: String
    /// The project's language, which the comments and the first paragraph are in.
    public let language: Language
    /// The day written as `updated`.
    public let updated: CivilDate

    /// `written` is the path as the user gave it: `setup/printing`, `setup/printing.md`,
    /// `handbook/setup/printing` or `content/handbook/setup/printing.md`. Nil when it
    /// leaves handbook/ or names a hidden file.
    public init?(path written: String, title: String?, language: Language, updated: CivilDate) {
        var path = written.replacingOccurrences(of: "\\", with: "/")
        for prefix in ["./", "content/", "handbook/"] where path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
        if path.hasSuffix(".md") { path.removeLast(3) }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !path.hasPrefix("/"),
            parts.allSatisfy({ !$0.isEmpty && !FolderWalker.isHidden($0) })
        else { return nil }
        self.path = path
        self.language = language
        self.updated = updated
        if let title, !title.isEmpty {
            self.title = title
        } else {
            // `setup/vpn-access` → "Vpn access"
            let words = String(parts.last!).replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
            self.title = words.prefix(1).uppercased() + words.dropFirst()
        }
    }

    /// The article's path relative to the site folder.
    public var file: String { "content/handbook/\(path).md" }

    public func render() -> String {
        let text = ScaffoldText(language: language)
        return """
            ---
            title: \(YAMLText.scalar(title))
            tags: []
            audience: all
            # owner: \(text.ownerComment)
            updated: \(updated)
            issues: []
            # weight: \(text.weightComment)
            # draft: \(text.draftComment)
            ---

            \(text.articleBody)

            """
    }
}
