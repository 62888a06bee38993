import DossierRecords

/// Finds the milestone that an issue's milestone cell names.
///
/// A cell names a milestone by its id (`M3`); by a name that `issues.values.milestone`
/// maps to an id; or by its title, which is what a tracker's Target version column
/// holds (`试点上线`). Titles match ignoring case and runs of white space
/// (`FieldAliases.fold`); a title shared by two milestones names neither.
public struct MilestoneLookup: Sendable {
    /// Every milestone id of milestones.csv, also of rows with other mistakes.
    public let ids: Set<String>
    /// Folded title → id, for titles that one milestone alone has.
    private let titles: [String: String]
    /// Folded title → the ids of every milestone with it, for titles shared by several.
    private let sharedTitles: [String: [String]]
    /// Folded id → id, for ids written in another case.
    private let foldedIDs: [String: String]

    /// `titles` are those of every row with an id, also of rows with other mistakes,
    /// so that an issue naming one is not reported a second time.
    public init(ids: Set<String>, titles named: [(id: String, title: String)]) {
        self.ids = ids
        var titles: [String: String?] = [:]
        for (id, title) in named {
            let folded = FieldAliases.fold(title)
            titles[folded] = titles[folded] == nil ? .some(id) : .some(nil)
        }
        self.titles = titles.compactMapValues { $0 }
        var shared: [String: [String]] = [:]
        for (id, title) in named where titles[FieldAliases.fold(title)] == .some(nil) {
            shared[FieldAliases.fold(title), default: []].append(id)
        }
        sharedTitles = shared
        var folded: [String: String?] = [:]
        for id in ids {
            let key = FieldAliases.fold(id)
            folded[key] = folded[key] == nil ? .some(id) : .some(nil)
        }
        foldedIDs = folded.compactMapValues { $0 }
    }

    /// The id of the milestone `written` names, or nil. `values` is
    /// `issues.values.milestone` (folded name → id).
    public func id(for written: String, values: [String: String]?) -> String? {
        if ids.contains(written) { return written }
        let folded = FieldAliases.fold(written)
        if let mapped = values?[folded] { return mapped }
        return titles[folded] ?? foldedIDs[folded]
    }

    /// The ids of the milestones that share the title `written`, in file order; empty
    /// when no two milestones have it.
    public func idsSharingTitle(_ written: String) -> [String] { sharedTitles[FieldAliases.fold(written)] ?? [] }

    /// Ids, then titles, for "did you mean".
    var names: [String] { ids.sorted() + titles.keys.sorted() }
}
