/// Dossier's one path normaliser: a relative path applied to a folder, `.` and `..`
/// resolved. Record links are resolved with it under content/, the final pages' links
/// under the site.
///
/// Paths use `/`. Parts are split at the character `/`: a `/` carrying a combining
/// mark is one Swift `Character` and stays inside its part. Empty parts (`a//b`, a
/// final `/`) and `.` are dropped; `..` removes the part before it. A `..` above the
/// folder's root gives nil: the path leaves the tree.
public enum RelativePath {
    /// The parts of `folder` with `path` applied; nil when `path` climbs out.
    public static func resolve(_ path: some StringProtocol, from folder: [String]) -> [String]? {
        var parts = folder
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts
    }

    /// `folder` joined with a relative `path`, as `resolve(_:from:)`; "" for the root.
    public static func normalize(_ folder: String, _ path: String) -> String? {
        resolve(path, from: folder.split(separator: "/").map(String.init))?.joined(separator: "/")
    }
}
