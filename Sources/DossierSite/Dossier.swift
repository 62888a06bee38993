@_exported import DossierDiagnostics
import DossierDiff
import DossierFigures
import DossierModel
import DossierOutput
import DossierRecords
import DossierRender
import DossierTemplates
import DossierUtilities
import Foundation

/// The moment figures are counted at (`--as-of`, `SOURCE_DATE_EPOCH`, or now).
public enum AsOf: Sendable {
    case instant(Date)
    /// As the user wrote it: a date means the end of that day (23:59:59) in the project's zone;
    /// a datetime without offset is the project's local time.
    case written(String)
}

/// What a run found, with the record texts to show lines under diagnostics.
public struct RunReport: Sendable {
    public var diagnostics: DiagnosticList
    public var sources: [String: String]
    /// What the person running the command should know that is no problem of the
    /// records (see `RunReport.Note`), for standard error after the diagnostics.
    public var notes: [Message] = []
    /// The project's `language:`, when project.yml could be read and names one.
    public var projectLanguage: Language?

    /// The notes, as named constructors.
    enum Note {
        /// project.yml does not read, so the records that depend on it were not checked.
        static let recordsNotChecked = Message("note.records-not-checked")
        /// `report weekly --format email|markdown|text` for a site without base_url.
        static let reportWithoutBaseURL = Message("note.report-without-base-url")
        /// project.yml sets `sla.pause`, but there is no git history to pause by.
        static let slaPauseWithoutHistory = Message("note.sla-pause-without-history")
        /// The issue list stays one page: the site's issues.mustache does not use `pagination`.
        static func issueListOnOnePage(count: Int, size: Int) -> Message {
            Message("note.issue-list-one-page", ["count": .number(count), "size": .number(size)])
        }
    }

    /// The language to speak: `requested` (`--lang`), else `DOSSIER_LANG`, else the
    /// project's, else English (`Language.chosen`).
    public func language(requested: Language? = nil) -> Language {
        Language.chosen(requested: requested, project: projectLanguage?.rawValue)
    }

    /// A printer that shows the offending line of each diagnostic, worded in `language`
    /// (default: the project's). The files with diagnostics are indexed by line once, so
    /// printing stays linear however many problems a large file has.
    public func printer(_ format: DiagnosticFormat, language: Language? = nil) -> DiagnosticPrinter {
        var indexes: [String: TextLines] = [:]
        if format == .text {
            for file in Set(diagnostics.items.map(\.location.file)) {
                if let text = sources[file] { indexes[file] = TextLines(text) }
            }
        }
        let lines = indexes
        return DiagnosticPrinter(format: format, language: language ?? projectLanguage ?? .en) { file, line in
            lines[file]?.line(line)
        }
    }
}

extension RunReport {
    /// The report of a run over `raw` whose project speaks `language` (project.yml's
    /// `language:` as written), with a note when project.yml did not read.
    init(diagnostics: DiagnosticList, raw: RawSite, language: String) {
        self.init(diagnostics: diagnostics, sources: raw.sources, projectLanguage: Language(code: language))
        if raw.projectUnreadable { notes.append(Note.recordsNotChecked) }
    }
}

/// The library's entry points, one per command; the executable only parses options.
public enum Dossier {
    /// The language a command speaks before (or without) a full load: `requested`
    /// (`--lang`), else `DOSSIER_LANG`, else the `language:` of `site`'s
    /// content/project.yml (its `language:` line alone when the file is no YAML map), else English (`Language.chosen`). Used
    /// for refusals and progress, which come before the records are checked.
    public static func language(site: URL?, requested: Language? = nil) -> Language {
        Language.chosen(requested: requested, project: site.flatMap(projectLanguageCode))
    }

    /// project.yml's `language:` as written, read alone: nil when the file is missing or
    /// has no such key; from its top-level `language:` line when it is no YAML map, as
    /// the loader reads it.
    static func projectLanguageCode(_ site: URL) -> String? {
        let file = site.appendingPathComponent("content/project.yml")
        guard let data = try? Data(contentsOf: file), data.count <= SiteLoader().maximumDocumentSize else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        if case .success(let root) = YAMLReader.read(text, file: "content/project.yml"), root.entries != nil {
            return root["language"]?.scalar
        }
        return SiteLoader.languageLine(of: text)?["language"]?.scalar
    }

    /// Load, validate and compile the theme: the stages `check`, `build` and `report` share.
    /// With `memory`, what did not change since its last build is taken from it.
    static func loadAndValidate(_ site: URL, drafts: Bool, memory: BuildMemory? = nil) throws -> (
        Site, RawSite, Theme, DiagnosticList
    ) {
        // The built-in theme compiles on the other core while the records are read.
        Theme.warmUp()
        let raw: RawSite
        var diagnostics: DiagnosticList
        do {
            (raw, diagnostics) = try SiteLoader(memo: memory?.records).load(site)
        } catch let failure as SiteLoader.Failure {
            throw UsageFailure.site(failure)
        }
        let (model, problems) = SiteValidator(includeDrafts: drafts, memo: memory?.documents).validate(raw)
        diagnostics.append(contentsOf: problems)
        let (theme, themeProblems) = memory?.theme(raw.templates) ?? Theme.load(overrides: raw.templates)
        diagnostics.append(contentsOf: themeProblems)
        return (model, raw, theme, diagnostics)
    }

    /// `dossier check`: every problem of the records and templates; writes nothing.
    public static func check(site: URL, drafts: Bool = false) throws -> RunReport {
        let (model, raw, _, diagnostics) = try loadAndValidate(site, drafts: drafts)
        return RunReport(diagnostics: diagnostics, raw: raw, language: model.settings.language)
    }

    /// What a long-running process (`serve`) keeps between its builds, so that a rebuild
    /// does not make again what did not change: each Markdown file as split (its front
    /// matter parsed) and its body as parsed, by path and text; the problem list as read,
    /// with the record files it was read from; and the theme as compiled from the site's
    /// templates. Each is a function of what it is kept with, so a rebuild with it writes
    /// what a rebuild without it writes (`aRebuildWithTheServersMemoryIsAFreshBuild`).
    public final class BuildMemory: @unchecked Sendable {
        public let records: SiteLoader.Memo
        public let documents = DocumentMemo()
        /// Each record file's digest for the marker, by its stamp.
        let inputs: BuildManifest.InputDigests
        /// The last search index's terms and chunks.
        public let search = SearchMemo()
        /// The last committed build's link check, when it found nothing, with the digest
        /// of the pages it checked (its page cache's); else the number of its files and
        /// targets, to size the next check's tables.
        private var links: (pages: String, check: LinkCheck)?
        private var linkSizes = (files: 0, targets: 0)

        /// The link check to bring up to date for a build whose previous pages are
        /// `pages` (nil: none can be), or a new one sized as the last; the memory keeps it
        /// no longer, so that a build that fails leaves none behind.
        func takeLinkCheck(after pages: String?) -> (check: LinkCheck, carried: Bool) {
            lock.lock()
            defer { lock.unlock() }
            let kept = links
            links = nil
            if let kept, let pages, kept.pages == pages { return (kept.check, true) }
            return (LinkCheck(pages: linkSizes.files, targets: linkSizes.targets), false)
        }

        /// Keeps a committed build's link check: whole when it found nothing in the build
        /// whose pages' digest is `pages`, else only its sizes.
        func keepLinkCheck(_ check: LinkCheck, clean: Bool, pages: String) {
            lock.lock()
            defer { lock.unlock() }
            linkSizes = (check.fileCount, check.targetCount)
            links = clean ? (pages, check) : nil
        }

        /// Whether anything but the builds changed the output folder (serve's inotify
        /// watch); without one, every build walks the output to check it.
        public var outputWatch: (any OutputWatch)?
        private let lock = NSLock()
        private var compiled: (templates: [String: String], theme: Theme, problems: [Diagnostic])?
        /// The output folder's files as the last build left them (path and size), by the
        /// folder's path.
        private var output: (path: String, listing: [FolderWalker.Entry])?

        /// - Parameter unsettled: how long ago (nanoseconds) a record file must have
        ///   changed for its text and digest to be kept: 2 seconds (see
        ///   `SiteLoader.Memo`); 0 keeps every file, for tests whose files were just written.
        public init(unsettled: Int64 = 2_000_000_000) {
            records = SiteLoader.Memo(unsettled: unsettled)
            inputs = BuildManifest.InputDigests(unsettled: unsettled)
        }

        /// The listing the last build left in `folder`, when `outputWatch` heard nothing
        /// else change there since.
        func listing(of folder: URL) -> [FolderWalker.Entry]? {
            lock.lock()
            let kept = output
            output = nil
            lock.unlock()
            guard let kept, kept.path == folder.path, let outputWatch, outputWatch.untouched(folder) else { return nil }
            return kept.listing
        }

        /// Keeps what a build just left in `folder`, once the watch has taken its own
        /// writes as heard.
        func keep(_ listing: [FolderWalker.Entry]?, of folder: URL) {
            outputWatch?.settle(folder)
            lock.lock()
            defer { lock.unlock() }
            output = listing.map { (folder.path, $0) }
        }

        /// The theme with the site's `templates`, compiled once for the same templates.
        func theme(_ templates: [String: String]) -> (Theme, [Diagnostic]) {
            lock.lock()
            defer { lock.unlock() }
            if let compiled, compiled.templates == templates { return (compiled.theme, compiled.problems) }
            let (theme, problems) = Theme.load(overrides: templates)
            compiled = (templates, theme, problems)
            return (theme, problems)
        }
    }

    /// Tells a build whether anything but the builds themselves changed its output folder
    /// since the last one, so that it need not walk the folder to trust it (`serve`
    /// watches it with inotify).
    public protocol OutputWatch: AnyObject, Sendable {
        /// True when nothing was heard in `folder` since the last `settle(_:)` of it, and
        /// every folder of it is watched.
        func untouched(_ folder: URL) -> Bool
        /// Takes everything heard in `folder` so far as the build's own writes (watching
        /// it from now on): called once a build is done with it.
        func settle(_ folder: URL)
    }

    /// Where a build is, for a progress line.
    public enum Progress: Sendable {
        case loading
        /// Pages rendered and written so far, of all.
        case rendering(done: Int, of: Int)
        case indexing
        case checkingLinks
        case swapping
    }

    /// What `dossier build` reads, where it writes, and as of when it counts.
    public struct BuildOptions: Sendable {
        public var site: URL
        public var output: URL
        public var asOf: AsOf
        public var drafts: Bool
        public var strict: Bool
        /// The view of project.yml's `views` to build (`--view`); nil for the whole site.
        public var view: String?
        /// Whether `output` was chosen (`--output`), not the default.
        var outputChosen: Bool
        /// Whether `resolveView` has read project.yml's view for these options.
        var viewResolved = false

        /// Without `output`, the site is written to SITE/output, or for a view to the
        /// view's folder (SITE/output-NAME unless project.yml says; see `resolveView`).
        public init(
            site: URL, output: URL? = nil, asOf: AsOf, drafts: Bool = false, strict: Bool = false, view: String? = nil
        ) {
            self.site = site
            self.output = output ?? site.appendingPathComponent(view.map { "output-\($0)" } ?? "output")
            self.asOf = asOf
            self.drafts = drafts
            self.strict = strict
            self.view = view
            outputChosen = output != nil
        }

        /// Told each stage as the build reaches it; not part of what is built.
        public var progress: (@Sendable (Progress) -> Void)?
        /// What a long-running process keeps from one build for the next (`serve`); not
        /// part of what is built.
        public var memory: BuildMemory?

        /// The options that change what is built, with the as-of moment as given.
        var fingerprint: String {
            let moment: String
            switch asOf {
            case .instant(let date): moment = "instant \(date.timeIntervalSince1970)"
            case .written(let text): moment = "written \(text)"
            }
            return "drafts \(drafts); strict \(strict); as-of \(moment)" + (view.map { "; view \($0)" } ?? "")
        }
    }

    /// What a build found and wrote.
    public struct BuildResult: Sendable {
        public var report: RunReport
        /// The number of files written; 0 when the build stopped before writing.
        public var filesWritten: Int
        /// Bytes of the search index (the document list and the term chunks) and of the
        /// text it covers (the text chunks, loaded only for results shown).
        public var searchIndexBytes = 0
        public var searchTextBytes = 0
        /// Nothing was done: the output already holds this build (see BuildManifest).
        public var upToDate = false
        /// The output folder was walked to check it is as its build left it; false when
        /// `serve`'s watch vouched for the listing its last build left.
        public var outputWalked = true
        /// Whether `serve`'s link check of its last build was brought up to date with the
        /// pages that changed, rather than made again from every page's links.
        public var linksCarried = false
        /// Pages taken from the previous output as they were, not rendered (see PageCache).
        public var pagesUnchanged = 0
        /// Pages whose plan was made (their context built and digested); the others were
        /// taken from the previous output by their inputs alone (see `SiteRenderer.init`).
        public var pagesPlanned = 0
    }

    /// Refuses an output folder the build must not replace (the site itself, or a
    /// folder holding files no build wrote), before anything is read or written.
    /// Throws `UsageFailure`.
    /// Refuses a folder that is no site (no content/ folder), as the loader would, before
    /// anything long-running starts (`serve`).
    public static func checkSiteFolder(_ site: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent("content").path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw UsageFailure.site(.notASite(site)) }
    }

    public static func checkOutputFolder(_ options: BuildOptions) throws {
        do { try OutputWriter(output: options.output, site: options.site).check() } catch let refusal as OutputWriter.Refusal {
            throw UsageFailure.output(refusal)
        }
    }

    /// project.yml's views, each with its `output` when it names one, read alone: nil
    /// when project.yml does not read (the full check reports why).
    static func projectViews(_ site: URL) -> [(name: String, output: String?)]? {
        let file = site.appendingPathComponent("content/project.yml")
        guard let data = try? Data(contentsOf: file), data.count <= SiteLoader().maximumDocumentSize else { return nil }
        guard case .success(let root) = YAMLReader.read(String(decoding: data, as: UTF8.self), file: "content/project.yml"),
            root.entries != nil
        else { return nil }
        return (root["views"]?.entries ?? []).map { name, _, view in
            (name, view["output"].flatMap { $0.isNull ? nil : $0.scalar })
        }
    }

    /// Checks that `options.view` names a view of project.yml and, unless `--output`
    /// chose the folder, writes to the view's `output`. Throws
    /// `UsageFailure.unknownView` before anything is read or written.
    public static func resolveView(_ options: inout BuildOptions) throws {
        guard let name = options.view, !options.viewResolved, let views = projectViews(options.site) else { return }
        options.viewResolved = true
        guard let view = views.first(where: { $0.name == name }) else {
            throw UsageFailure.unknownView(name, known: views.map(\.name))
        }
        if !options.outputChosen, let output = view.output {
            options.output = options.site.appendingPathComponent(output).standardizedFileURL
        }
    }

    /// The site as the view named `name` shows it (see `Site.viewed`), its history
    /// prepared; the whole site for nil. Throws `UsageFailure.unknownView`.
    static func apply(view name: String?, to site: inout Site, theme: Theme) throws {
        guard let name else {
            site.history.prepare(for: site.issues)
            return
        }
        guard let view = site.settings.view(name) else {
            throw UsageFailure.unknownView(name, known: site.settings.views.map(\.name))
        }
        let t = Localizer(language: site.settings.language, theme: theme)
        site = site.viewed(as: view, hiddenReference: t["view_hidden_reference"], roleLabel: { t["role_" + $0] })
        site.history.prepare(for: site.issues)
    }

    /// `dossier build`: load, validate, count, render, check the links of the final
    /// pages, write. Nothing is written when any of that fails.
    public static func build(_ options: BuildOptions) throws -> BuildResult {
        var options = options
        try resolveView(&options)
        try checkOutputFolder(options)
        let writer = OutputWriter(output: options.output, site: options.site)
        // One build at a time per output folder; the next waits, then finds the output
        // as this one left it.
        let lock = try? writer.lock()
        defer { withExtendedLifetime(lock) {} }
        // The history is an input too: a new commit changes the pages even when no file did.
        let historyReader = HistoryReader(site: options.site)
        let manifest = BuildManifest(
            site: options.site, options: options.fingerprint + "; head \(historyReader.head ?? "none")",
            memo: options.memory?.inputs)
        let recorded = BuildManifest.recorded(in: writer.output)
        // The previous output is trusted (for a no-op, or for its unchanged pages) only
        // when it is exactly as its build left it: as `serve`'s last build left it, with
        // nothing heard since, or as a walk finds it.
        let kept = options.memory?.listing(of: writer.output)
        let listing = kept ?? recorded?.listing(of: writer.output)
        let intact = listing != nil
        if let recorded, intact, recorded.clean, recorded.tool == manifest.tool, recorded.options == manifest.options,
            recorded.inputs == manifest.inputs
        {
            options.memory?.keep(listing, of: writer.output)
            // Nothing is loaded; the language still is the project's.
            let report = RunReport(
                diagnostics: DiagnosticList(), sources: [:],
                projectLanguage: projectLanguageCode(options.site).flatMap(Language.init(code:)))
            return BuildResult(report: report, filesWritten: 0, upToDate: true)
        }

        let progress = options.progress ?? { _ in }
        progress(.loading)
        var (site, raw, theme, loaded) = try loadAndValidate(options.site, drafts: options.drafts, memory: options.memory)
        var diagnostics = loaded
        func stop() -> BuildResult {
            BuildResult(
                report: RunReport(diagnostics: diagnostics, raw: raw, language: site.settings.language),
                filesWritten: 0)
        }
        if diagnostics.fails(strict: options.strict) { return stop() }

        let asOf = try resolve(options.asOf, settings: site.settings)
        site.history = historyReader.read()
        try apply(view: options.view, to: &site, theme: theme)
        // Pages are written into the staging folder as they are rendered and only their
        // links are kept for the final check: a large site is never held whole.
        // `serve` (a build with a memory) writes over its own output, which it left as it
        // is; `build` replaces the folder whole, for whatever else serves it.
        let staged: StagedSite
        do { staged = try writer.stage(over: options.memory != nil ? listing : nil, known: listing) } catch let refusal
            as OutputWriter.Refusal
        {
            throw UsageFailure.output(refusal)
        } catch {
            // A folder the user may not write (or a full or read-only disk): said, exit 2.
            throw UsageFailure.writing(error, file: options.output.path)
        }
        // The page cache lies beside the output, not in it, so it is never published; it
        // names the build it describes, so it is used only with that build's output.
        let environment = manifest.pageCacheEnvironment(drafts: options.drafts)
        let previous =
            intact ? recorded.flatMap { PageCache(file: writer.pageCache, environment: environment, pages: $0.pages) } : nil
        var record = manifest
        // serve's check of its last build is brought up to date with the pages that
        // changed, when that build's pages are the ones reused; any other build checks
        // every page's links.
        var (check, carried) =
            options.memory?.takeLinkCheck(after: previous != nil ? recorded?.pages : nil) ?? (LinkCheck(), false)
        if carried { check.beginUpdate() }
        // The previous build's links of a page; only a carried check asks, so `build`
        // holds the previous page cache no longer than before.
        let before: (String) -> (template: String?, links: PageLinks)? =
            carried
            ? { path in previous?.entry(at: path, reading: .links).map { (template: $0.template, links: $0.links) } }
            : { _ in nil }
        // serve's search postings of its last build, for a build that reuses its pages;
        // let go unless this build is committed.
        options.memory?.search.prepare(after: previous != nil ? recorded?.pages : nil)
        var committed = false
        defer { if !committed { options.memory?.search.commit(pages: nil) } }
        var pagesIgnored = false
        var result = BuildResult(report: RunReport(diagnostics: DiagnosticList(), sources: [:]), filesWritten: 0)
        result.outputWalked = kept == nil
        result.linksCarried = carried
        do {
            let cache = try PageCache.Writer(file: staged.pageCache, environment: environment, previous: previous)
            staged.pageCacheRefersToBase = cache.refersToBase
            let renderer = SiteRenderer(
                site: site, theme: theme, asOf: asOf, recordsKey: recordsKey(raw, options: manifest.options))
            pagesIgnored = renderer.issueTemplateIgnoresPages
            let pages = renderer.pageCount
            progress(.rendering(done: 0, of: pages))
            // The data exports read no article's body: the previous ones serve while the
            // rest is what it was.
            let exportsUnchanged =
                intact && recorded?.tool == manifest.tool && recorded?.exports != nil
                && recorded?.exports == renderer.inputsDigest
            record.exports = renderer.inputsDigest
            let searchSizes = try renderer.render(
                reusing: previous, exportsUnchanged: exportsUnchanged, searchMemo: options.memory?.search,
                unchangedLinks: !carried
            ) {
                files in
                var batch = files
                try staged.write(batch)
                if carried { check.update(&batch, before: before) } else { check.add(&batch) }
                try cache.append(batch)
                result.filesWritten += batch.count
                progress(result.filesWritten < pages ? .rendering(done: result.filesWritten, of: pages) : .indexing)
                for file in batch {
                    // Pages, by their keys: a paged issue list's row scripts go with their page.
                    if case .unchanged = file.contents, file.key != nil { result.pagesUnchanged += 1 }
                    if file.key != nil, file.planned { result.pagesPlanned += 1 }
                }
            }
            (result.searchIndexBytes, result.searchTextBytes) = searchSizes
            record.pages = try cache.finish()
            releaseElsewhere(consume renderer)
        } catch {
            staged.discard()
            throw UsageFailure.writing(error, file: options.output.path)
        }
        progress(.checkingLinks)
        let templateText = { (name: String) in raw.templates["\(name).mustache"] ?? Theme.builtInFiles["\(name).mustache"] }
        var linkProblems: [Diagnostic] = []
        if !carried {
            linkProblems = check.problems(templateText: templateText)
        } else if !check.endUpdate(before: before) {
            // A link may be broken: checked as from scratch, to report each problem where
            // it is first used, with the pages' links from the cache just written.
            guard let written = PageCache(file: staged.pageCache, environment: environment) else {
                staged.discard()
                throw UsageFailure.writing(CocoaError(.fileReadCorruptFile), file: staged.pageCache.path)
            }
            linkProblems = check.fromScratch { path in
                written.entry(at: path, reading: .links).map { (template: $0.template, links: $0.links) }
            }.problems(templateText: templateText)
        }
        check.endCarrying()
        diagnostics.append(contentsOf: linkProblems)
        // Only serve keeps the check; a build lets it go before the marker is written.
        let carry = options.memory != nil ? check : nil
        releaseElsewhere((consume check, consume previous))
        if diagnostics.fails(strict: options.strict) {
            staged.discard()
            var stopped = stop()
            stopped.linksCarried = carried
            return stopped
        }
        progress(.swapping)
        // Only a build without diagnostics can be skipped next time: an up-to-date build
        // has none to repeat.
        record.clean = diagnostics.items.isEmpty
        do { try staged.commit(manifest: record) } catch { throw UsageFailure.writing(error, file: options.output.path) }
        options.memory?.keep(staged.listing, of: writer.output)
        if let carry { options.memory?.keepLinkCheck(carry, clean: linkProblems.isEmpty, pages: record.pages) }
        options.memory?.search.commit(pages: record.pages)
        committed = true
        result.report = RunReport(diagnostics: diagnostics, raw: raw, language: site.settings.language)
        if !site.settings.slaPause.isEmpty, !site.history.isAvailable {
            result.report.notes.append(RunReport.Note.slaPauseWithoutHistory)
        }
        if pagesIgnored {
            result.report.notes.append(
                RunReport.Note.issueListOnOnePage(count: site.issues.count, size: site.settings.issuePageSize))
        }
        return result
    }

    /// The digest of what a build reads besides the articles' bodies: every record file's
    /// text but the articles' (as read, by path) and the build's `options` (drafts, as-of
    /// moment, view, the history's head). See `SiteRenderer.init`'s `recordsKey`.
    static func recordsKey(_ raw: RawSite, options: String) -> PageKey {
        let articles = Set(raw.handbook.map(\.file))
        var digest = Digest()
        digest.add(options)
        for path in raw.sources.keys.sorted() where !articles.contains(path) {
            digest.add(path)
            digest.add(raw.sources[path]!)
        }
        return digest.key
    }

    /// How `dossier report weekly` prints the week: the whole report as GitHub Flavored
    /// Markdown or as plain text (for a chat message), the page, the mail version, or
    /// the figures as JSON.
    public enum ReportFormat: String, Sendable, CaseIterable {
        case markdown, text, html, email, json
    }

    /// `dossier report weekly`: one week's report on standard output.
    /// With `view`, the week as that view of project.yml's `views` shows it.
    public static func weeklyReport(
        site url: URL, week: ISOWeek?, asOf: AsOf, format: ReportFormat, view: String? = nil
    ) throws -> (String?, RunReport) {
        var (site, raw, theme, diagnostics) = try loadAndValidate(url, drafts: false)
        var report = RunReport(diagnostics: diagnostics, raw: raw, language: site.settings.language)
        if diagnostics.hasErrors { return (nil, report) }
        site.history = HistoryReader(site: url).read()
        try apply(view: view, to: &site, theme: theme)
        if !site.settings.slaPause.isEmpty, !site.history.isAvailable {
            report.notes.append(RunReport.Note.slaPauseWithoutHistory)
        }
        let moment = try resolve(asOf, settings: site.settings)
        let chosen = week ?? site.settings.clock.week(of: moment)
        // A report that leaves the site says why its links to the site are text.
        if [.email, .markdown, .text].contains(format), site.settings.baseURL == nil {
            report.notes.append(RunReport.Note.reportWithoutBaseURL)
        }
        switch format {
        case .json:
            return (WeekFigures(site: site, week: chosen, asOf: moment).json() + "\n", report)
        case .markdown:
            return (WeeklyChatReport(site: site, week: chosen, asOf: moment, theme: theme).render(.markdown), report)
        case .text:
            return (WeeklyChatReport(site: site, week: chosen, asOf: moment, theme: theme).render(.text), report)
        case .html, .email:
            guard site.weeklyNotes.contains(where: { $0.week == chosen }) else {
                if let view, raw.weekly.contains(where: { $0.name == chosen.description }) {
                    throw UsageFailure.noteNotInView(chosen, view: view)
                }
                throw UsageFailure.noWeeklyNote(chosen)
            }
            let renderer = SiteRenderer(site: site, theme: theme, asOf: moment)
            return (renderer.weeklyReport(chosen, email: format == .email), report)
        }
    }

    /// Changes whenever a file under the site's content/ or templates/ is added, removed
    /// or modified, or a commit, checkout or reset moves the repository's HEAD (the
    /// pages tell the records' history); reads no file, so it can be taken a few times a
    /// second.
    public static func inputStamp(site: URL) -> String { BuildManifest.stamp(site: site) }

    /// The git HEAD log of the repository holding `site` (`.git/logs/HEAD`, or a
    /// worktree's), whose change `inputStamp` notices; nil outside a repository.
    public static func headLog(site: URL) -> URL? { BuildManifest.headLog(of: site) }

    /// The as-of instant in the project's zone. A written value is read as the records'
    /// dates are, with project.yml's `dates` for a slash date that could be either day;
    /// without that setting such a date is refused rather than guessed, since a
    /// command-line value has no column to decide it.
    static func resolve(_ asOf: AsOf, settings: ProjectSettings) throws -> Date {
        switch asOf {
        case .instant(let date):
            return date
        case .written(let text):
            let clock = settings.clock
            let time: RecordTime
            switch clock.read(text, order: settings.dateOrder) {
            case .success(let value):
                time = value
            case .failure(.unreadable(let reason)):
                throw UsageFailure.unreadableAsOf(text, reason: reason)
            case .failure(.ambiguous(let monthFirst, let dayFirst)):
                throw UsageFailure.ambiguousAsOf(text, monthFirst: monthFirst, dayFirst: dayFirst)
            }
            // A date means that whole day: its last second, so the day shown is that day.
            return time.isDateOnly ? clock.startOfDay(time.day.adding(days: 1)).addingTimeInterval(-1) : time.instant
        }
    }
}
