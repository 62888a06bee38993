import Foundation

/// A language Dossier speaks to people in: diagnostics, summaries, refusals (SPEC §3.1).
///
/// Chosen by `--lang`, else `DOSSIER_LANG`, else the project's `language:`, else English;
/// never the system locale, so the same records print the same text on every machine.
public enum Language: String, Sendable, CaseIterable, Codable {
    case en
    case zh
    case ru

    /// The language a command speaks: `requested` (`--lang`), else the environment's
    /// `DOSSIER_LANG` when it names one of the three, else `project` (project.yml's
    /// `language:`, nil when it cannot be read), else English.
    public static func chosen(
        requested: Language? = nil, project: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Language {
        if let requested { return requested }
        if let code = environment["DOSSIER_LANG"], let language = Language(code: code) { return language }
        return project.flatMap(Language.init(code:)) ?? .en
    }

    /// `zh`, `zh-CN`, `RU`, `ru_RU.UTF-8`: the language part, if it is one of the three.
    public init?(code: String) {
        let base = code.trimmingCharacters(in: .whitespaces).lowercased().prefix { $0.isLetter }
        guard let language = Language(rawValue: String(base)) else { return nil }
        self = language
    }
}
