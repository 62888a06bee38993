import DossierDiagnostics
import DossierMarkdown

/// Who an article is written for: key users, internal consultants or vendor consultants
/// (the three support tiers).
public enum Audience: String, Sendable, CaseIterable {
    case keyUser = "key-user"
    case `internal`
    case vendor
    case all

    /// Reads an article's `audience`: the id, or the word the default theme's pages show
    /// for it in English, Chinese or Russian (`Key users`, 关键用户, `Ключевые
    /// пользователи`; also 内部, 供应商, 全部, `все`). Case and surrounding spaces do not
    /// matter. Nil for any other word.
    public init?(word: String) {
        let folded = word.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "ё", with: "е")
        switch folded {
        case "key-user", "key user", "key users", "关键用户", "ключевые пользователи", "ключевой пользователь": self = .keyUser
        case "internal", "internal team", "内部团队", "内部", "внутренняя команда": self = .internal
        case "vendor", "厂商", "供应商", "поставщик": self = .vendor
        case "all", "everyone", "所有人", "全部", "все": self = .all
        default: return nil
        }
    }
}

/// content/handbook/PATH.md, a knowledge-base article.
public struct Article: Sendable {
    /// The path under handbook/ without `.md`, as written: `approval/approver-left`.
    public var path: String
    /// The page's path under handbook/ without `.html`: lower-cased, spaces as `-`.
    public var slug: String
    public var title: String
    public var tags: [String]
    public var audience: Audience
    public var owner: String?
    public var updated: CivilDate?
    /// Ids of the issues this article answers.
    public var issues: [String]
    public var weight: Int?
    public var draft: Bool
    public var body: MarkdownDocument
    public var file: String

    /// The folder under handbook/ ("" at the top).
    public var folder: String {
        guard let slash = slug.lastIndex(of: "/") else { return "" }
        return String(slug[..<slash])
    }

    /// The page Dossier writes itself at an article slug's place, `handbook/index.html` or
    /// `handbook/tags/…`; nil when the slug is free. The whole `tags/` folder is kept for
    /// tag pages, since any tag may later take any name there.
    public static func generatedPage(at slug: String) -> String? {
        if slug == "index" { return SitePage.handbookIndex.path }
        if slug.hasPrefix("tags/") { return SitePage.article(slug).path }
        return nil
    }

    /// The id of a folder's section on the handbook index (`folder:审批/差旅`, `folder:/`
    /// for the handbook's top level): where a link to the folder goes. One folder, one
    /// id: `审批/sub` and `审批-sub` stay apart, and the `:` keeps it from any GitHub
    /// anchor.
    public static func folderAnchor(_ folder: String) -> String {
        "folder:" + (folder.isEmpty ? "/" : folder.replacingEvery(" ", with: "%20"))
    }

    /// The page's output slug for an article path (`Setup/Log In` → `setup/log-in`).
    public static func slug(for path: String) -> String {
        if let slug = asciiSlug(for: path) { return slug }
        return path.lowercased().split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-") }
            .joined(separator: "/")
    }

    /// `slug(for:)` of an ASCII path, on its bytes: every reference of the records
    /// (`[[B-1234]]`) is looked up by slug, and splitting and joining Strings for each was
    /// 4 % of a rebuild under `serve`. Nil for any other path. Tested to agree.
    static func asciiSlug(for path: String) -> String? {
        var path = path
        return path.withUTF8 { bytes -> String? in
            var slug: [UInt8] = []
            slug.reserveCapacity(bytes.count)
            var inWord = false  // a word of this part was written
            var dash = false  // blanks since that word
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                switch byte {
                case UInt8(ascii: "/"):
                    slug.append(byte)
                    inWord = false
                    dash = false
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    dash = inWord
                default:
                    if dash { slug.append(UInt8(ascii: "-")) }
                    dash = false
                    inWord = true
                    slug.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                }
            }
            return String(decoding: slug, as: UTF8.self)
        }
    }
}
