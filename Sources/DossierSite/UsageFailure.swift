import DossierDiff
import DossierModel
import DossierOutput
import DossierRecords
import DossierScaffold
import Foundation

/// Why a command of `Dossier` cannot run at all (exit status 2), as opposed to problems
/// in the records: a case per kind, with its values; `description` words them all.
public enum UsageFailure: UsageError {
    /// The site folder is no Dossier site.
    case site(SiteLoader.Failure)
    /// The output folder is one a build must not replace.
    case output(OutputWriter.Refusal)
    /// git cannot show the revisions `diff` compares.
    case git(GitRepository.Failure)
    /// `diff` of a folder that is a site at neither revision.
    case notASiteAtEitherRevision(URL)
    /// `diff` with no revision named.
    case noRevision
    /// A week written as no ISO week (`2022-W14`).
    case badWeek(String)
    /// A weekly report as HTML or email for a week without a note.
    case noWeeklyNote(ISOWeek)
    /// An as-of moment that is no date or datetime; `reason` says why when more can be said.
    case unreadableAsOf(String, reason: Message?)
    /// An as-of slash date that reads as two days, and project.yml names no order.
    case ambiguousAsOf(String, monthFirst: CivilDate, dayFirst: CivilDate)
    /// `init` in a language without a starter.
    case unknownLanguage(String)
    /// `init` into a path that is a file.
    case notAFolder(URL)
    /// `init` into a folder that holds files.
    case folderNotEmpty(URL)
    /// `new issue` when issues.csv exists but cannot be read.
    case recordsUnreadable(file: String)
    /// `new issue` text that the file's encoding cannot hold.
    case unencodable(file: String, encoding: TextEncoding)
    /// `new article` with a path that is not under content/handbook/.
    case notAnArticlePath(String)
    /// `new` or `init` would overwrite `file`, which is never done.
    case exists(file: String)
    /// `new` would write a record with these errors; nothing was written.
    case wouldNotCheck(file: String, problems: DiagnosticList)
    /// A new file could not be written.
    case cannotWrite(file: String, error: any Error)

    public var description: String {
        switch self {
        case .site(let failure): return failure.description
        case .output(let refusal): return refusal.description
        case .git(let failure): return failure.description
        case .notASiteAtEitherRevision(let site):
            return "\(site.path): not a Dossier site at either revision (no content/ folder)"
        case .noRevision: return "diff: name a revision, e.g. main or main..HEAD"
        case .badWeek(let text): return "--week \(text): expected an ISO week such as 2022-W14"
        case .noWeeklyNote(let week): return "no weekly note for \(week) (content/weekly/\(week).md)"
        case .unreadableAsOf(let text, let reason):
            let why = reason.map { " is not a date: \($0.description);" } ?? ":"
            return "--as-of \(text)\(why) expected a date (2022-04-29) or datetime (2022-04-29 14:50)"
        case .ambiguousAsOf(let text, let monthFirst, let dayFirst):
            return
                "--as-of \(text) could be \(monthFirst) (month-first) or \(dayFirst) (day-first): write \(monthFirst) or \(dayFirst), "
                + "or set \"dates: month-first\" or \"dates: day-first\" in content/project.yml"
        case .unknownLanguage(let language):
            return "--language \(language): expected one of \(Starter.languages.joined(separator: ", "))"
        case .notAFolder(let folder): return "\(folder.path) is a file, not a folder"
        case .folderNotEmpty(let folder):
            return "\(folder.path) is not empty; dossier init writes only into a new or empty folder"
        case .recordsUnreadable(let file): return "\(file) cannot be read; `dossier check` says why"
        case .unencodable(let file, let encoding):
            return "the new row has characters \(encoding.rawValue) cannot hold; \(file) is unchanged"
        case .notAnArticlePath(let path): return "\(path): expected a path under content/handbook/, such as setup/printing"
        case .exists(let file): return "\(file) exists; it is left as it is"
        case .wouldNotCheck(let file, let problems):
            let printed = DiagnosticPrinter(format: .text) { _, _ in nil }.render(problems)
            return "\(file) is unchanged: what would be written does not check\n" + printed
        case .cannotWrite(let file, let error): return "\(file): cannot write: \(error.localizedDescription)"
        }
    }
}
