import DossierDiff
import DossierRecords
import Foundation

extension Dossier {
    /// How `dossier diff` prints: Markdown for a pull-request comment, or JSON.
    public enum DiffFormat: String, Sendable, CaseIterable {
        case markdown, json
    }

    /// `dossier diff REV[..REV]`: what changed in the records between two revisions, or
    /// between a revision and the work tree. `A...B` compares B with where it left A
    /// (their merge base), as a pull request does. Records that do not validate at a
    /// revision are reported in the output, never fatal; an unknown revision or a
    /// failing git is a usage failure (exit 2). Reads only: nothing is written.
    /// The text is in `language` (`--lang`), else `DOSSIER_LANG`, else the newer revision's
    /// project language (`Language.chosen`).
    public static func diff(site: URL, revisions: String, format: DiffFormat, language: Language? = nil) throws -> (
        text: String, diff: RecordsDiff
    ) {
        // A folder that does not exist is no site; git would only say it cannot go there.
        guard FileManager.default.fileExists(atPath: site.path) else { throw UsageFailure.site(.notASite(site)) }
        do {
            let repository = try GitRepository(site: site, language: Dossier.language(site: site, requested: language))
            let (fromName, toName, mergeBase) = try parse(revisions)
            var from = try repository.commit(fromName)
            let to = try toName.map(repository.commit)
            if mergeBase { from = try repository.mergeBase(from, to ?? repository.commit("HEAD")) }

            let old = RecordsSnapshot(label: fromName, files: try repository.files(at: from), root: site)
            let new: RecordsSnapshot
            if let to, let toName {
                new = RecordsSnapshot(label: toName, files: try repository.files(at: to), root: site)
            } else {
                new = RecordsSnapshot(label: RecordsSnapshot.workTree, files: FolderFiles(root: site), root: site)
            }
            guard old.hasSite || new.hasSite else {
                throw UsageFailure.notASiteAtEitherRevision(site)
            }
            let diff = RecordsDiff(from: old, to: new, renames: try repository.renames(from: from, to: to))
            let spoken = Language.chosen(requested: language, project: diff.projectLanguage?.rawValue)
            switch format {
            case .markdown: return (DiffMarkdown(diff, language: spoken).render(), diff)
            case .json: return (DiffJSON(diff, language: spoken).render(), diff)
            }
        } catch let failure as GitRepository.Failure {
            throw UsageFailure.git(failure)
        }
    }

    /// `A..B`, `A...B` (merge base) or `A` (against the work tree); an empty side is HEAD.
    private static func parse(_ text: String) throws -> (from: String, to: String?, mergeBase: Bool) {
        for (separator, mergeBase) in [("...", true), ("..", false)] {
            if let range = text.range(of: separator) {
                let a = String(text[..<range.lowerBound])
                let b = String(text[range.upperBound...])
                return (a.isEmpty ? "HEAD" : a, b.isEmpty ? "HEAD" : b, mergeBase)
            }
        }
        guard !text.isEmpty else { throw UsageFailure.noRevision }
        return (text, nil, false)
    }
}
