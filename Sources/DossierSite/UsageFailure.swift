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
    /// `--view` names no view of project.yml's `views`.
    case unknownView(String, known: [String])
    /// A weekly report as HTML or email of a note the view leaves out.
    case noteNotInView(ISOWeek, view: String)
    /// A weekly report as HTML or email for a week without a note.
    case noWeeklyNote(ISOWeek)
    /// An as-of moment that is no date or datetime; `reason` says why when more can be said.
    case unreadableAsOf(String, reason: Message?)
    /// An as-of slash date that reads as two days, and project.yml names no order.
    case ambiguousAsOf(String, monthFirst: CivilDate, dayFirst: CivilDate)
    /// SOURCE_DATE_EPOCH set to what is no whole number of seconds since 1970 (the
    /// reproducible-builds.org specification asks a tool to stop there).
    case badSourceDateEpoch(String)
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
    /// What a command prints could not be written (`> /dev/full`, a full disk).
    case cannotWriteStandardOutput(any Error)

    public var message: Message {
        func path(_ url: URL) -> Message.Argument { .value(url.path) }
        switch self {
        case .site(let failure): return failure.message
        case .output(let refusal): return refusal.message
        case .git(let failure): return failure.message
        case .notASiteAtEitherRevision(let site): return Message("usage.diff-no-site", ["path": path(site)])
        case .noRevision: return Message("usage.diff-no-revision")
        case .badWeek(let text):
            // 2025-W53: the form is right, the year has no such week.
            let parts = text.split(separator: "-")
            if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].hasPrefix("W"),
                let week = Int(parts[1].dropFirst()), week > ISOWeek.weeks(in: year)
            {
                return Message(
                    "usage.week-beyond-year",
                    ["text": .value(text), "year": .value(String(year)), "count": .number(ISOWeek.weeks(in: year))])
            }
            return Message("usage.bad-week", ["text": .value(text)])
        case .unknownView(let name, let known) where known.isEmpty:
            return Message("usage.no-views", ["name": .value(name)])
        case .unknownView(let name, let known):
            return Message(
                "usage.unknown-view",
                ["name": .value(name), "views": .values(known), "hint": Suggestion.hint(for: name, in: known)])
        case .noteNotInView(let week, let view):
            return Message("usage.note-not-in-view", ["week": .value(week.description), "view": .value(view)])
        case .noWeeklyNote(let week): return Message("usage.no-weekly-note", ["week": .value(week.description)])
        case .unreadableAsOf(let text, let reason?):
            return Message("usage.as-of-not-a-date", ["text": .value(text), "reason": .message(reason)])
        case .unreadableAsOf(let text, nil): return Message("usage.as-of-unreadable", ["text": .value(text)])
        case .ambiguousAsOf(let text, let monthFirst, let dayFirst):
            return Message(
                "usage.as-of-ambiguous",
                ["text": .value(text), "month_first": .value(monthFirst.description), "day_first": .value(dayFirst.description)])
        case .unknownLanguage(let language):
            return Message("usage.unknown-language", ["text": .value(language), "languages": .values(Starter.languages)])
        case .notAFolder(let folder): return Message("usage.init-not-a-folder", ["path": path(folder)])
        case .folderNotEmpty(let folder): return Message("usage.init-not-empty", ["path": path(folder)])
        case .recordsUnreadable(let file): return Message("usage.new-records-unreadable", ["file": .value(file)])
        case .unencodable(let file, let encoding):
            return Message("usage.new-unencodable", ["file": .value(file), "encoding": .value(encoding.rawValue)])
        case .notAnArticlePath(let path): return Message("usage.new-not-an-article-path", ["path": .value(path)])
        case .exists(let file): return Message("usage.new-exists", ["file": .value(file)])
        case .wouldNotCheck(let file, _): return Message("usage.new-would-not-check", ["file": .value(file)])
        case .cannotWrite(let file, let error):
            return Message("usage.cannot-write", ["file": .value(file), "reason": Self.reason(error)])
        case .badSourceDateEpoch(let value): return Message("usage.bad-source-date-epoch", ["value": .value(value)])
        case .cannotWriteStandardOutput(let error):
            return Message("usage.cannot-write-stdout", ["reason": Self.reason(error)])
        }
    }

    /// A file that could not be written: `cannotWrite` when `error` is the file system's
    /// (Foundation's file errors, or a POSIX error), else `error` as it is. The path is the
    /// one the system names, else `file`. One of the build's hidden folders beside the
    /// output (`.NAME.dossier-new`, …) is named only when it is there (left by a build of
    /// another user, say, to be removed); one that could not be made names the folder it
    /// goes in, which is the one that cannot be written.
    static func writing(_ error: any Error, file: String) -> any Error {
        if error is UsageFailure { return error }
        let system = error as NSError
        guard system.domain == NSCocoaErrorDomain || system.domain == NSPOSIXErrorDomain else { return error }
        var path = system.userInfo[NSFilePathErrorKey] as? String ?? file
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        if let hidden = parts.firstIndex(where: { $0.hasPrefix(".") && $0.contains(".dossier-") }) {
            let folder = parts[...hidden].joined(separator: "/")
            if !FileManager.default.fileExists(atPath: folder) {
                path = (folder as NSString).deletingLastPathComponent
            } else {
                path = folder
            }
        }
        return UsageFailure.cannotWrite(file: path, error: error)
    }

    /// Why a file could not be written, in the reader's language for the usual causes (no
    /// permission, a read-only file system, a full disk, a closed stream, a name too long,
    /// a file where a folder goes), else as the system words it.
    static func reason(_ error: any Error) -> Message.Argument {
        let system = error as NSError
        var code: Int32?
        if system.domain == NSPOSIXErrorDomain {
            code = Int32(system.code)
        } else if let underlying = system.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            code = Int32(underlying.code)
        } else if system.domain == NSCocoaErrorDomain {
            switch system.code {
            case CocoaError.fileWriteNoPermission.rawValue: code = EACCES
            case CocoaError.fileWriteVolumeReadOnly.rawValue: code = EROFS
            case CocoaError.fileWriteOutOfSpace.rawValue: code = ENOSPC
            case CocoaError.fileWriteInvalidFileName.rawValue: code = ENAMETOOLONG
            case CocoaError.fileWriteFileExists.rawValue: code = EEXIST
            default: break
            }
        }
        switch code {
        case EACCES, EPERM: return .message(Message("usage.reason-permission"))
        case EROFS: return .message(Message("usage.reason-read-only"))
        case ENOSPC, EDQUOT: return .message(Message("usage.reason-no-space"))
        case EBADF: return .message(Message("usage.reason-closed"))
        case ENAMETOOLONG: return .message(Message("usage.reason-name-too-long"))
        case ENOTDIR, EEXIST: return .message(Message("usage.reason-file-in-the-way"))
        default: return .value(error.localizedDescription)
        }
    }

    /// The message, and for `wouldNotCheck` the problems below it, all in `language`.
    public func text(in language: Language) -> String {
        guard case .wouldNotCheck(_, let problems) = self else { return message.text(in: language) }
        let printed = DiagnosticPrinter(format: .text, language: language) { _, _ in nil }.render(problems)
        return message.text(in: language) + "\n" + printed
    }
}
