import Foundation

/// The starter sites of `dossier init`: a small project in each UI language that checks
/// clean and shows every page type. Built into the binary from the repository's
/// `starters/` folder by the EmbedStarters plugin.
public enum Starter {
    /// A language there is a starter for, by its code in project.yml's `language`.
    public enum Language: String, CaseIterable, Sendable {
        case en, zh, ru
    }

    /// The codes of the languages there is a starter for.
    public static let languages = Language.allCases.map(\.rawValue)

    /// The files of the starter in `language`, by path relative to the new site folder;
    /// nil for a language without one.
    public static func files(language: String) -> [String: Data]? {
        let prefix = language + "/"
        var files: [String: Data] = [:]
        for (path, base64) in EmbeddedStarters.base64 where path.hasPrefix(prefix) {
            files[String(path.dropFirst(prefix.count))] = Data(base64Encoded: base64)
        }
        if files.isEmpty { return nil }
        files[".gitignore"] = Data(gitignore.utf8)
        return files
    }

    /// What `dossier build` writes beside the records, kept out of git: the site (and
    /// each view's, `output-NAME`), and the hidden files beside any output folder, also
    /// one given with --output (`.NAME.dossier-pages`, the cache of its pages, and
    /// `-pages-base`, the earlier cache it refers to; `-lock`,
    /// which keeps two builds from writing it at once; `-new`, `-old` and `-pages-new`
    /// while a build swaps the site in: see OutputWriter).
    static let gitignore = """
        /output/
        /output-*/
        /.*.dossier-*

        """
}
