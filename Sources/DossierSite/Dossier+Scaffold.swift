import DossierDiagnostics
import DossierModel
import DossierRecords
import DossierScaffold
import DossierUtilities
import Foundation

extension Dossier {
    /// A record file `dossier new` wrote.
    public struct WrittenRecord: Sendable {
        /// Relative to the site folder.
        public var file: String
        /// What was written: the whole file, or the row appended.
        public var text: String
    }

    /// `dossier init DIR`: the starter site in `language`; refuses a folder that exists
    /// and is not empty. Returns the files written, relative to `folder`, sorted.
    public static func initSite(folder: URL, language: Starter.Language) throws -> [String] {
        guard let files = Starter.files(language: language.rawValue) else {
            throw UsageFailure.unknownLanguage(language.rawValue)
        }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw UsageFailure.notAFolder(folder) }
            let entries = (try? fm.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else {
                throw UsageFailure.folderNotEmpty(folder)
            }
        }
        for path in files.keys.sorted() {
            try writeNew(files[path]!, to: folder.appendingPathComponent(path), named: folder.appendingPathComponent(path).path)
        }
        return files.keys.sorted()
    }

    /// As `initSite(folder:language:)`, with the language's code as written; a code
    /// without a starter is a usage failure.
    public static func initSite(folder: URL, language code: String) throws -> [String] {
        guard let language = Starter.Language(rawValue: code) else { throw UsageFailure.unknownLanguage(code) }
        return try initSite(folder: folder, language: language)
    }

    /// `dossier new issue TITLE`: appends a row with the next free id, opened at the
    /// as-of moment (today), to content/issues.csv, in the file's own delimiter, line
    /// ends, encoding and words. Refuses when the row would not check.
    public static func newIssue(site url: URL, title: String, values: [String: String], asOf: AsOf) throws -> (
        id: String, written: WrittenRecord
    ) {
        let (site, raw, _, _) = try loadAndValidate(url, drafts: true)
        let file = "content/issues.csv"
        let disk = url.appendingPathComponent(file)
        let exists = FileManager.default.fileExists(atPath: disk.path)
        let source: String
        let table: CSVTable
        if let issues = raw.issues, let text = raw.sources[file] {
            (source, table) = (text, issues)
        } else if !exists {
            source =
                "id,title,status,priority,category,tier,module,reporter,owner,opened,resolved,due,milestone,tags,description,resolution\n"
            table = CSVParser().parse(source, file: file).0
        } else {
            throw UsageFailure.recordsUnreadable(file: file)
        }
        // The file's own form: its encoding (a byte-order mark decides; the row gets none,
        // it is not at the start), and its line ends, a CR alone staying a CR alone.
        let declared = raw.project?["encoding"]?["issues.csv"]?.scalar.flatMap(TextEncoding.init(name:)) ?? .utf8
        let form = raw.forms[file] ?? TextForm(encoding: declared)
        let row = IssueRow(
            table: table, source: source, site: site, title: title, values: values,
            now: try resolve(asOf, settings: site.settings),
            lineEnd: exists ? (form.lineEnd == .cr ? .cr : table.headerLineEnd ?? form.lineEnd) : nil)
        let encoding = form.encoding
        guard let bytes = TextEncoder.encode(exists ? row.appended : source + row.text, as: encoding) else {
            throw UsageFailure.unencodable(file: file, encoding: encoding)
        }
        let before = exists ? (FileManager.default.contents(atPath: disk.path) ?? Data()) : Data()
        // The row's line: after the source's lines, and the line end added when it had none.
        let rowLine = TextLines(source).count + (row.appended == row.text ? 0 : 1)
        try checkBeforeWriting(url, file: file, bytes: before + bytes, fromLine: exists ? rowLine : 1)
        if exists {
            let handle = try FileHandle(forWritingTo: disk)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: bytes)
        } else {
            try writeNew(bytes, to: disk, named: file)
        }
        return (row.id, WrittenRecord(file: file, text: row.text))
    }

    /// `dossier new weekly`: the note of `week` (default: the as-of week) with its front
    /// matter and sections pre-filled from the records. Never overwrites.
    public static func newWeekly(site url: URL, week: ISOWeek?, asOf: AsOf) throws -> WrittenRecord {
        let (site, _, _, _) = try loadAndValidate(url, drafts: true)
        let chosen = try week ?? site.settings.clock.week(of: resolve(asOf, settings: site.settings))
        let draft = WeeklyDraft(site: site, week: chosen)
        return try writeRecord(draft.render(), file: draft.file, site: url)
    }

    /// As `newWeekly(site:week:asOf:)`, with the week as written (`2022-W14`); text that is
    /// no ISO week is a usage failure.
    public static func newWeekly(site url: URL, week text: String, asOf: AsOf) throws -> WrittenRecord {
        guard let week = ISOWeek(text) else { throw UsageFailure.badWeek(text) }
        return try newWeekly(site: url, week: week, asOf: asOf)
    }

    /// `dossier new article PATH`: a front-matter skeleton at content/handbook/PATH.md.
    /// Never overwrites.
    public static func newArticle(site url: URL, path: String, title: String?, asOf: AsOf) throws -> WrittenRecord {
        let (site, _, _, _) = try loadAndValidate(url, drafts: true)
        let today = site.settings.clock.day(of: try resolve(asOf, settings: site.settings))
        let language = Language(code: site.settings.language) ?? .en
        guard let skeleton = ArticleSkeleton(path: path, title: title, language: language, updated: today) else {
            throw UsageFailure.notAnArticlePath(path)
        }
        return try writeRecord(skeleton.render(), file: skeleton.file, site: url)
    }

    /// Checks a new record file in its site, then writes it.
    private static func writeRecord(_ text: String, file: String, site: URL) throws -> WrittenRecord {
        let url = site.appendingPathComponent(file)
        if FileManager.default.fileExists(atPath: url.path) { throw UsageFailure.exists(file: file) }
        try checkBeforeWriting(site, file: file, bytes: Data(text.utf8), fromLine: 1)
        try writeNew(Data(text.utf8), to: url, named: file)
        return WrittenRecord(file: file, text: text)
    }

    /// Loads the site as it would be with `file` holding `bytes`, and refuses when that
    /// brings errors into the file from line `fromLine` on: `new` never writes a record
    /// `check` would reject.
    private static func checkBeforeWriting(_ site: URL, file: String, bytes: Data, fromLine: Int) throws {
        let files = OverlayFiles(FolderFiles(root: site), replacing: [file: bytes])
        let (raw, loaded) = try SiteLoader().load(files, root: site)
        var diagnostics = loaded
        diagnostics.append(contentsOf: SiteValidator(includeDrafts: true).validate(raw).1)
        let problems = diagnostics.items.filter {
            $0.severity == .error && $0.location.file == file && $0.location.line >= fromLine
        }
        guard !problems.isEmpty else { return }
        throw UsageFailure.wouldNotCheck(file: file, problems: DiagnosticList(problems))
    }

    /// Writes a file that must not exist yet, making its folders.
    private static func writeNew(_ data: Data, to url: URL, named name: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) { throw UsageFailure.exists(file: name) }
        do {
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .withoutOverwriting)
        } catch {
            throw UsageFailure.cannotWrite(file: name, error: error)
        }
    }
}
