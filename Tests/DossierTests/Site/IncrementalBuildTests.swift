import DossierDiagnostics
import DossierRecords
import DossierRender
import DossierSite
import DossierUtilities
import Foundation
import Testing

@testable import DossierOutput
@testable import DossierServe

/// A rebuild renders only the pages whose key changed and takes the others from the
/// previous output, and the result is byte for byte the site a build from scratch writes.
@Suite struct IncrementalBuildTests {
    static let asOf = AsOf.written("2026-03-12")

    /// The sample project of the repository (content/ and templates/) in a temporary folder.
    func sample() throws -> URL {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)/sample")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func build(_ site: URL, output: URL? = nil, asOf: AsOf = Self.asOf, view: String? = nil) throws -> Dossier.BuildResult {
        let result = try Dossier.build(.init(site: site, output: output, asOf: asOf, view: view))
        #expect(!result.report.diagnostics.hasErrors, "\(result.report.diagnostics.items)")
        return result
    }

    func contents(_ folder: URL) throws -> [String: Data] { try Fixtures.files(in: folder) }

    /// Builds `site` again into its output and from scratch into another folder, expects
    /// the same files with the same bytes, and returns the rebuild's result.
    @discardableResult
    func rebuildMatchesFresh(
        _ site: URL, asOf: AsOf = Self.asOf, view: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Dossier.BuildResult {
        // A view's build goes to output/ as well (not the view's own folder), to be compared.
        let rebuilt = try build(site, output: view.map { _ in site.appendingPathComponent("output") }, asOf: asOf, view: view)
        let fresh = site.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
        let scratch = try build(site, output: fresh, asOf: asOf, view: view)
        #expect(scratch.pagesUnchanged == 0, sourceLocation: sourceLocation)
        let incremental = try contents(site.appendingPathComponent("output"))
        let expected = try contents(fresh)
        // The listing the marker records (from what the build wrote) is what a walk finds.
        for output in [site.appendingPathComponent("output"), fresh] {
            let walked = BuildManifest.digest(BuildManifest.files(under: output, prefix: ""))
            #expect(try #require(BuildManifest.recorded(in: output)).outputs == walked, sourceLocation: sourceLocation)
        }
        #expect(incremental.keys.sorted() == expected.keys.sorted(), sourceLocation: sourceLocation)
        let differing = expected.keys.filter { incremental[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "differ from a fresh build: \(differing)", sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: fresh)
        return rebuilt
    }

    func edit(_ site: URL, _ path: String, _ change: (String) -> String) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(path) changes nothing")
        try Data(changed.utf8).write(to: url)
    }

    /// Pages the renderer made again (not taken from the previous output).
    func rendered(_ result: Dossier.BuildResult, of site: URL) throws -> Int {
        let cache = try #require(
            PageCache(file: OutputWriter.pageCache(of: site.appendingPathComponent("output")), environment: nil))
        return cache.count - result.pagesUnchanged
    }

    @Test func editsOfEveryKindRebuildToTheBytesOfAFreshBuild() throws {
        let site = try sample()
        let first = try build(site)
        #expect(first.pagesUnchanged == 0)
        let pages = try #require(
            PageCache(file: OutputWriter.pageCache(of: site.appendingPathComponent("output")), environment: nil)
        ).count
        #expect(pages > 100)

        // An article's body: its own page, and nothing that lists it by title.
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nOne more paragraph, added for the rebuild.\n" }
        var result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
        let page = try String(
            contentsOf: site.appendingPathComponent("output/handbook/expense/budget-check.html"), encoding: .utf8)
        #expect(page.contains("One more paragraph, added for the rebuild."))

        // An article's title: every page that names it (its folder's tree, tags, index, backlinks).
        try edit(site, "content/handbook/expense/budget-check.md") {
            $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed — ", options: [], range: $0.range(of: "\ntitle: "))
        }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) > 2)
        #expect(result.pagesUnchanged > pages / 2)

        // A template: only the pages it makes.
        try edit(site, "templates/tag.mustache") { $0 + "\n<!-- edited -->\n" }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) > 0)
        #expect(result.pagesUnchanged > pages / 2)

        // A record of the problem list: its title is on its page, the list and more.
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: "集团成本中心清单与 SAP 不一致", with: "集团成本中心清单与 SAP 不一致（已核对）") }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) > 2)
        #expect(result.pagesUnchanged > pages / 2)

        // Another as-of moment moves the figures.
        try rebuildMatchesFresh(site, asOf: .written("2026-04-30"))

        // An article added.
        try Data("---\ntitle: A new article\ntags: [added]\n---\n\nNew text.\n".utf8)
            .write(to: site.appendingPathComponent("content/handbook/faq/added.md"))
        try rebuildMatchesFresh(site)
    }

    /// An article's body is read by its own page, and by the pages it links to (their
    /// "referenced by"): an edit of the body plans those pages only, the others are
    /// taken by their inputs without being planned.
    @Test func anArticleBodyEditPlansOnlyThePagesItReaches() throws {
        let site = try sample()
        _ = try build(site)
        let article = "content/handbook/expense/budget-check.md"

        /// The file's inode: a file taken from the previous output is hard-linked, not written.
        func inode(_ path: String) throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent("output/\(path)").path)[
                .systemFileNumber] as? Int
        }
        let exports = IncrementalBuildTests.exports
        let before = try exports.map(inode)

        try edit(site, article) { $0 + "\nOne more paragraph.\n" }
        var result = try rebuildMatchesFresh(site)
        #expect(result.pagesPlanned == 1)
        #expect(try rendered(result, of: site) == 1)
        // The data exports read no article's body: they are the previous build's files.
        #expect(try exports.map(inode) == before)

        // A new link to an issue: the issue's page now names the article.
        try edit(site, article) { $0 + "\nSee also [[FK-003]].\n" }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesPlanned == 2)
        #expect(try rendered(result, of: site) == 2)
        let issue = try String(contentsOf: site.appendingPathComponent("output/issues/FK-003.html"), encoding: .utf8)
        #expect(issue.contains("预算控制校验与常见报错"))

        // A new link to another article: that article's page lists it.
        try edit(site, article) { $0 + "\nAnd [[approval/delegate-approval]].\n" }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesPlanned == 2)
        let other = try String(
            contentsOf: site.appendingPathComponent("output/handbook/approval/delegate-approval.html"), encoding: .utf8)
        #expect(other.contains("预算控制校验与常见报错"))

        // Its front matter: every page may show it (trees, tags, lists), so all are planned.
        try edit(site, article) { $0.replacingOccurrences(of: "\naudience: all\n", with: "\naudience: internal\n") }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesPlanned > 100)

        // A view: the same rule, with what the view hides.
        _ = try build(site, output: site.appendingPathComponent("output"), view: "client")
        try edit(site, "content/handbook/approval/delegate-approval.md") { $0 + "\nA line for the client.\n" }
        result = try rebuildMatchesFresh(site, view: "client")
        #expect(result.pagesPlanned == 1)
        // A link from a page the client sees to one it does not (budget-check is internal
        // now): the link is text there, and the hidden page is not reached.
        try edit(site, "content/handbook/approval/delegate-approval.md") { $0 + "\nSee [[expense/budget-check]].\n" }
        result = try rebuildMatchesFresh(site, view: "client")
        #expect(result.pagesPlanned == 1)
        // A record other than an article: every page is planned, and the exports made again.
        let viewed = try exports.map(inode)
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: "集团成本中心清单与 SAP 不一致", with: "集团成本中心清单与 SAP 不一致（已核对）") }
        result = try rebuildMatchesFresh(site, view: "client")
        #expect(result.pagesPlanned > 100)
        let remade = try exports.map(inode)
        #expect(zip(viewed, remade).allSatisfy { $0 != $1 })
    }

    static let exports = [
        "data/issues.json", "data/issues.csv", "data/weeks.json", "data/weeks.csv", "data/milestones.json",
        "data/milestones.csv",
    ]

    /// `serve` keeps the records as split and the theme compiled from one build to the
    /// next: a rebuild with them writes what a fresh build writes.
    /// A build of `site` with `memory`, as `serve` makes it; expected to pass.
    func build(_ site: URL, memory: Dossier.BuildMemory) throws -> Dossier.BuildResult {
        var options = Dossier.BuildOptions(site: site, asOf: Self.asOf)
        options.memory = memory
        let result = try Dossier.build(options)
        #expect(!result.report.diagnostics.hasErrors)
        return result
    }

    @Test func aRebuildWithTheServersMemoryIsAFreshBuild() throws {
        let site = try sample()
        // Every file was just copied: kept however recent, so that the rebuilds here take
        // the files not changed as they were read.
        let memory = Dossier.BuildMemory(unsettled: 0)
        func build() throws -> Dossier.BuildResult { try self.build(site, memory: memory) }
        _ = try build()
        #expect(memory.records.reused == 0)
        let notes = try FileManager.default.subpathsOfDirectory(atPath: site.appendingPathComponent("content").path)
            .filter { $0.hasSuffix(".md") }.count
        let output = site.appendingPathComponent("output")
        func folderNumber() throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: output.path)[.systemFileNumber] as? Int)
        }
        let folder = try folderNumber()

        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nOne more paragraph.\n" }
        _ = try build()
        // Written over the live folder, not swapped for a new one; and its marker lists
        // the folder as a walk finds it, so the same build again has nothing to do.
        #expect(try folderNumber() == folder)
        #expect(try self.build(site).upToDate)
        // Every Markdown file but the edited one is taken as it was split and parsed, and
        // every file but that one as it was read.
        #expect(memory.records.reused == notes - 1)
        // The records are content/'s Markdown, CSV and YAML files and all of templates/.
        let paths = try FileManager.default.subpathsOfDirectory(atPath: site.path)
        let records =
            paths.filter { path in path.hasPrefix("content/") && [".md", ".csv", ".yml"].contains { path.hasSuffix($0) } }
            .count
            + FolderWalker.files(under: site.appendingPathComponent("templates"), recursive: true).count
        #expect(memory.records.filesUnread == records - 1)
        // Every other record's links as resolved before (the issues' and notes' ones).
        let resolved = memory.documents.linksReused
        #expect(resolved > 100)
        #expect(memory.documents.reused == notes - 1)
        // The problem list, whose files did not change, as it was read.
        #expect(memory.documents.issuesReused)
        // Most search terms' entries as they were encoded, from the postings of the build
        // before with the edited page's taken out and put back.
        #expect(memory.search.termsReused > 1_000)
        #expect(memory.search.postingsCarried)
        try rebuildMatchesFresh(site)

        // Rewritten with the same size and its old modification time put back (as a copy
        // that keeps times does): read again all the same.
        let budget = site.appendingPathComponent("content/handbook/expense/budget-check.md")
        var times = stat()
        #expect(stat(budget.path, &times) == 0)
        try edit(site, "content/handbook/expense/budget-check.md") {
            $0.replacingOccurrences(of: "One more paragraph.", with: "One more paragraph!")
        }
        var restored = [times.st_atim, times.st_mtim]
        #expect(utimensat(AT_FDCWD, budget.path, &restored, 0) == 0)
        _ = try build()
        #expect(
            try String(contentsOf: output.appendingPathComponent("handbook/expense/budget-check.html"), encoding: .utf8)
                .contains("One more paragraph!"))
        try rebuildMatchesFresh(site)

        // A link added to another article: that one's "referenced by" lists it (checked
        // by the bytes against a fresh build), the other records' links still as they were.
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\n另见 [差旅报销](travel-reimbursement.md)。\n" }
        _ = try build()
        #expect(memory.documents.linksReused == resolved)
        try rebuildMatchesFresh(site)
        // A heading added: what links resolve against changed, so every link is resolved.
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\n## 新的一节\n\n正文。\n" }
        _ = try build()
        #expect(memory.documents.linksReused == 0)
        try rebuildMatchesFresh(site)
        // A heading another article links to renamed: that link is resolved again, and broken.
        try edit(site, "content/handbook/expense/budget-check.md") {
            $0.replacingOccurrences(of: "## 预算不足时怎么办", with: "## 预算不够时")
        }
        var renamed = Dossier.BuildOptions(site: site, asOf: Self.asOf)
        renamed.memory = memory
        #expect(
            try Dossier.build(renamed).report.diagnostics.items.contains {
                $0.location.file == "content/handbook/expense/travel-reimbursement.md" && $0.rule == .brokenAnchor
            })
        try edit(site, "content/handbook/expense/budget-check.md") {
            $0.replacingOccurrences(of: "## 预算不够时", with: "## 预算不足时怎么办")
        }
        _ = try build()

        try edit(site, "content/handbook/expense/budget-check.md") {
            $0.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Renamed — ", options: [], range: $0.range(of: "\ntitle: "))
        }
        try edit(site, "templates/tag.mustache") { $0 + "\n<!-- edited -->\n" }
        _ = try build()
        #expect(memory.records.reused == notes - 1)
        try rebuildMatchesFresh(site)
        // An edit of issues.csv reads the problem list again.
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: "集团成本中心清单与 SAP 不一致", with: "集团成本中心清单与 SAP 不一致（已核对）") }
        _ = try build()
        #expect(!memory.documents.issuesReused)
        try rebuildMatchesFresh(site)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nAnother paragraph.\n" }
        _ = try build()
        #expect(memory.documents.issuesReused)
        // So does an edit of project.yml, which says how it is read.
        try edit(site, "content/project.yml") { $0 + "\n# edited\n" }
        _ = try build()
        #expect(!memory.documents.issuesReused)
        try rebuildMatchesFresh(site)

        // A file added is read, and one removed is forgotten; its page goes, and the
        // folder that held only it.
        let added = site.appendingPathComponent("content/handbook/faq/added.md")
        try Data("---\ntitle: Added\n---\n\nNew text.\n".utf8).write(to: added)
        let alone = site.appendingPathComponent("content/handbook/new-folder/alone.md")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("---\ntitle: Alone\n---\n\nIn a folder of its own.\n".utf8).write(to: alone)
        _ = try build()
        #expect(memory.records.reused == notes)
        #expect(memory.documents.reused == notes)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("handbook/new-folder/alone.html").path))
        // The marker's listing, merged from the last one and this build's files, is what
        // a walk finds.
        #expect(try #require(BuildManifest.recorded(in: output)).listing(of: output) != nil)
        try rebuildMatchesFresh(site)
        try FileManager.default.removeItem(at: added)
        try FileManager.default.removeItem(at: alone.deletingLastPathComponent())
        _ = try build()
        #expect(memory.records.reused == notes)
        #expect(memory.documents.reused == notes)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("handbook/new-folder").path))
        #expect(try #require(BuildManifest.recorded(in: output)).listing(of: output) != nil)
        try rebuildMatchesFresh(site)
        #expect(try folderNumber() == folder)

        // A page replaced by a folder of the same name in one save, and back.
        let page = site.appendingPathComponent("content/handbook/y.md")
        try Data("---\ntitle: Y\n---\n\nY body.\n".utf8).write(to: page)
        _ = try build()
        let folderOfPage = site.appendingPathComponent("content/handbook/y.html")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createDirectory(at: folderOfPage, withIntermediateDirectories: true)
        try Data("---\ntitle: Inner\n---\n\nInner body.\n".utf8).write(to: folderOfPage.appendingPathComponent("inner.md"))
        _ = try build()
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("handbook/y.html/inner.html").path))
        #expect(try #require(BuildManifest.recorded(in: output)).listing(of: output) != nil)
        try rebuildMatchesFresh(site)
        try FileManager.default.removeItem(at: folderOfPage)
        try Data("---\ntitle: Y again\n---\n\nY body.\n".utf8).write(to: page)
        _ = try build()
        try rebuildMatchesFresh(site)
        #expect(try folderNumber() == folder)

        // A build that fails (a link to a page that does not exist) changes nothing.
        let before = try contents(output)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nSee [the missing page](missing.md).\n" }
        var options = Dossier.BuildOptions(site: site, asOf: Self.asOf)
        options.memory = memory
        let failed = try Dossier.build(options)
        #expect(failed.report.diagnostics.hasErrors)
        #expect(try contents(output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".output.") }
        #expect(leftovers.allSatisfy { !$0.hasSuffix("-new") }, "\(leftovers)")
    }

    /// `serve` takes a search file whose text did not change from the output as its last
    /// build left it, and only then: after another build wrote the output (`dossier build`
    /// beside `serve`), every file is written as made.
    @Test func serveKeepsUnchangedSearchFilesOnlyFromItsOwnBuild() throws {
        let site = try sample()
        let memory = Dossier.BuildMemory(unsettled: 0)
        let article = "content/handbook/expense/budget-check.md"
        _ = try build(site, memory: memory)
        try edit(site, article) { $0 + "\nOne more paragraph.\n" }
        let kept = try build(site, memory: memory)
        #expect(memory.search.filesKept > 0)
        // Its sizes count the files kept, as a build from scratch counts them.
        let fresh = try build(site, output: site.deletingLastPathComponent().appendingPathComponent("scratch"))
        try rebuildMatchesFresh(site)
        #expect(kept.searchIndexBytes == fresh.searchIndexBytes)
        #expect(kept.searchTextBytes == fresh.searchTextBytes)
        #expect(kept.searchIndexBytes > 0 && kept.searchTextBytes > 0)

        // Another build writes a new word into the output; the text goes back to what the
        // memory's index was made of, so that index's files match the new text again,
        // but not the output.
        let before = try String(contentsOf: site.appendingPathComponent(article), encoding: .utf8)
        try edit(site, article) { $0 + "\nZyzzogeton aardwolf.\n" }
        _ = try build(site)
        try Data(before.utf8).write(to: site.appendingPathComponent(article))
        _ = try build(site, memory: memory)
        #expect(memory.search.filesKept == 0)
        try rebuildMatchesFresh(site)
    }

    /// `serve` keeps its last build's link check and merges only the pages that changed;
    /// a link that breaks is still found, and reported as a build from scratch reports it
    /// (at the line of the template that writes it), whether an article loses the heading
    /// a template links to, the article goes, or a template gains an unsafe link.
    @Test func serveCarriesItsLinkCheckAndStillFindsWhatBreaks() throws {
        let site = try sample()
        let memory = Dossier.BuildMemory()
        let layout = site.appendingPathComponent("templates/layout.mustache")
        var lines = try String(contentsOf: layout, encoding: .utf8).components(separatedBy: "\n")
        lines.insert("<a href=\"{{root}}handbook/faq/linked.html#目标\">linked</a>", at: 2)
        try Data(lines.joined(separator: "\n").utf8).write(to: layout)
        // An article only the layout links to (an article's own links are checked before
        // rendering, so they cannot break in the pages).
        let article = "content/handbook/faq/linked.md"
        try Data("---\ntitle: 链接\n---\n\n## 目标\n\n正文。\n".utf8).write(to: site.appendingPathComponent(article))
        let output = site.appendingPathComponent("output")
        /// A build with the memory, and the same records built from scratch elsewhere:
        /// the same diagnostics, and the memory's build's output unchanged when it fails.
        func build(carried: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Diagnostic] {
            let before = try contents(output)
            var options = Dossier.BuildOptions(site: site, asOf: Self.asOf)
            options.memory = memory
            let result = try Dossier.build(options)
            #expect(result.linksCarried == carried, sourceLocation: sourceLocation)
            let fresh = site.deletingLastPathComponent().appendingPathComponent("fresh-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: fresh) }
            let scratch = try Dossier.build(.init(site: site, output: fresh, asOf: Self.asOf))
            #expect(result.report.diagnostics.items == scratch.report.diagnostics.items, sourceLocation: sourceLocation)
            if result.report.diagnostics.hasErrors { #expect(try contents(output) == before, sourceLocation: sourceLocation) }
            return result.report.diagnostics.items
        }
        #expect(try build(carried: false).isEmpty)
        try edit(site, article) { $0 + "\nOne more paragraph.\n" }
        #expect(try build(carried: true).isEmpty)
        try rebuildMatchesFresh(site)

        // The heading the layout links to renamed: every page's link to it is broken,
        // said once, where the layout writes it.
        try edit(site, article) { $0.replacingOccurrences(of: "## 目标", with: "## 目的") }
        let anchor = try build(carried: true)
        #expect(anchor.map(\.rule) == [.brokenAnchor])
        #expect(anchor.first?.location == SourceLocation(file: "templates/layout.mustache", line: 3, column: 18))
        // A failed build leaves no check to carry. Undone, the output is up to date; the
        // next edit checks every page again, and the one after is carried.
        try edit(site, article) { $0.replacingOccurrences(of: "## 目的", with: "## 目标") }
        #expect(try build(carried: false).isEmpty)
        try edit(site, article) { $0 + "\nAnother paragraph.\n" }
        #expect(try build(carried: false).isEmpty)
        try edit(site, article) { $0 + "\nA third paragraph.\n" }
        #expect(try build(carried: true).isEmpty)

        // The article moved away: the layout's link points outside the site.
        let moved = site.appendingPathComponent("content/handbook/faq/moved.md")
        try FileManager.default.moveItem(at: site.appendingPathComponent(article), to: moved)
        #expect(try build(carried: true).map(\.rule) == [.brokenLink])
        try FileManager.default.moveItem(at: moved, to: site.appendingPathComponent(article))
        #expect(try build(carried: false).isEmpty)
        try edit(site, article) { $0 + "\nA fourth paragraph.\n" }
        #expect(try build(carried: false).isEmpty)

        // An unsafe link in one page template: every page it renders reports it, in order.
        try edit(site, "templates/tag.mustache") { "<a href=\"javascript:alert(1)\">x</a>\n" + $0 }
        let unsafe = try build(carried: true)
        #expect(!unsafe.isEmpty)
        #expect(unsafe.allSatisfy { $0.rule == .unsafeLink })
        try edit(site, "templates/tag.mustache") {
            $0.replacingOccurrences(of: "<a href=\"javascript:alert(1)\">x</a>\n", with: "")
        }
        #expect(try build(carried: false).isEmpty)
        try edit(site, article) { $0 + "\nA fifth paragraph.\n" }
        #expect(try build(carried: false).isEmpty)
        // A page that only gains an id, and a template edit that renders every page again.
        try edit(site, article) { $0 + "\n## 新的一节\n\nText.\n" }
        #expect(try build(carried: true).isEmpty)
        try edit(site, "templates/layout.mustache") { $0 + "\n<!-- edited -->\n" }
        #expect(try build(carried: true).isEmpty)
        try rebuildMatchesFresh(site)
    }

    #if os(Linux)
    /// With serve's watch over the output, a rebuild takes the listing the last build left
    /// rather than walking the folder, until something else changes it: a page removed by
    /// hand is heard and written again, and a `dossier build` that replaces the folder is
    /// not mistaken for it.
    @Test func serveTrustsItsOutputOnlyWhileNothingElseTouchesIt() throws {
        let site = try sample()
        let memory = Dossier.BuildMemory()
        memory.outputWatch = OutputFolderWatch()
        let output = site.appendingPathComponent("output")
        func build() throws -> Dossier.BuildResult { try self.build(site, memory: memory) }
        #expect(try build().outputWalked)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nOne more paragraph.\n" }
        #expect(try !build().outputWalked)
        try rebuildMatchesFresh(site)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nAnd another.\n" }
        #expect(try !build().outputWalked)
        try rebuildMatchesFresh(site)

        // A page of the output removed, and another edited keeping its size: heard, so
        // the next rebuild walks the folder and puts the removed page back.
        let removed = output.appendingPathComponent("milestones/index.html")
        let before = try Data(contentsOf: removed)
        try FileManager.default.removeItem(at: removed)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nA third.\n" }
        #expect(try build().outputWalked)
        #expect(try Data(contentsOf: removed) == before)
        try rebuildMatchesFresh(site)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nA fourth.\n" }
        #expect(try !build().outputWalked)

        // `dossier build` into the same folder replaces it whole: the watch's folder is
        // gone, so serve walks the new one.
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nA fifth.\n" }
        #expect(try !self.build(site).upToDate)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nA sixth.\n" }
        #expect(try build().outputWalked)
        try rebuildMatchesFresh(site)
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nA seventh.\n" }
        #expect(try !build().outputWalked)
        try rebuildMatchesFresh(site)

        // A failing build leaves nothing kept: the next one walks.
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nSee [the missing page](missing.md).\n" }
        var options = Dossier.BuildOptions(site: site, asOf: Self.asOf)
        options.memory = memory
        #expect(try Dossier.build(options).report.diagnostics.hasErrors)
        try edit(site, "content/handbook/expense/budget-check.md") { $0.replacingOccurrences(of: "(missing.md)", with: "") }
        #expect(try build().outputWalked)
        try rebuildMatchesFresh(site)
    }
    #endif

    /// The marker's digest of the records is the same with serve's memory of each file's
    /// digest as without; a file is taken from the memory only while its size and time
    /// are those it was read with, and one changed within 2 seconds of being read is read
    /// again next time (two saves within the file system's time granularity).
    @Test func theInputDigestMemoryKeepsOnlyFilesOlderThanTheirTimeGranularity() throws {
        let site = try sample()
        // Every file was just copied: kept however recent, but for the last check.
        let memo = BuildManifest.InputDigests(unsettled: 0)
        let article = site.appendingPathComponent("content/handbook/expense/budget-check.md")
        func entry(_ url: URL) throws -> FolderWalker.Entry {
            let path = String(url.path.dropFirst(site.path.count + 1))
            return try #require(FolderWalker.regularFile(url.path, as: path))
        }
        func kept(_ url: URL) throws -> Digest? { memo.digest(of: try entry(url), at: url.path) }
        func inputs(_ memo: BuildManifest.InputDigests?) -> String {
            BuildManifest(site: site, options: "", memo: memo).inputs
        }
        let first = inputs(nil)
        #expect(inputs(memo) == first)
        let before = try #require(try kept(article))
        #expect(try kept(article) == before)

        // Rewritten with the same size and its old modification time put back: the status
        // change time differs, so it is read again and the digest follows the bytes.
        var times = stat()
        #expect(stat(article.path, &times) == 0)
        let text = try String(contentsOf: article, encoding: .utf8)
        try Data((String(text.dropLast()) + "!").utf8).write(to: article)
        var restored = [times.st_atim, times.st_mtim]
        #expect(utimensat(AT_FDCWD, article.path, &restored, 0) == 0)
        #expect(try entry(article).modified == Int64(times.st_mtim.tv_sec) * 1_000_000_000 + Int64(times.st_mtim.tv_nsec))
        #expect(try kept(article) == nil)
        #expect(inputs(memo) == inputs(nil))
        #expect(inputs(memo) != first)
        let sameSize = try #require(try kept(article))
        #expect(sameSize != before)

        // Renamed over from beside with both its times put back: another inode.
        let beside = article.deletingLastPathComponent().appendingPathComponent(".budget-check.md.new")
        try Data((String(text.dropLast()) + "?").utf8).write(to: beside)
        #expect(utimensat(AT_FDCWD, beside.path, &restored, 0) == 0)
        #expect(rename(beside.path, article.path) == 0)
        #expect(try kept(article) == nil)
        #expect(inputs(memo) == inputs(nil))
        #expect(try kept(article) != sameSize)

        // Just saved, with the 2-second rule: read, but not kept.
        let settling = BuildManifest.InputDigests()
        try Data((text + "\nNew.\n").utf8).write(to: article)
        #expect(inputs(settling) == inputs(nil))
        #expect(settling.digest(of: try entry(article), at: article.path) == nil)
        #expect(inputs(settling) != first)
    }

    @Test func aDamagedOrForeignCacheIsIgnored() throws {
        let site = try Fixtures.copy("valid")
        _ = try build(site)
        let cache = OutputWriter.pageCache(of: site.appendingPathComponent("output"))
        let bytes = try Data(contentsOf: cache)
        // Cut short: the whole site is rendered again, and correctly.
        try bytes.prefix(bytes.count / 2).write(to: cache)
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nMore.\n" }
        var result = try rebuildMatchesFresh(site)
        #expect(result.pagesUnchanged == 0)
        // A page of the output changed by hand: the output is not trusted.
        let index = site.appendingPathComponent("output/index.html")
        try Data((try String(contentsOf: index, encoding: .utf8) + "<!-- by hand -->").utf8).write(to: index)
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nEven more.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesUnchanged == 0)
        #expect(try !String(contentsOf: index, encoding: .utf8).contains("by hand"))
        // Otherwise, the same edit again renders one page.
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nAnd more.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
        // The cache of another build (as when a build stops between putting the site in
        // place and its cache) is not used with this output.
        let older = try Data(contentsOf: cache)
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nStill more.\n" }
        _ = try build(site)
        try older.write(to: cache)
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nThe last.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesUnchanged == 0)
        // The cache is never part of the site.
        #expect(try Fixtures.files(in: site.appendingPathComponent("output")).keys.allSatisfy { !$0.contains("dossier-pages") })
    }

    @Test func aRebuildsCacheHoldsOnlyWhatChangedSinceItsBase() throws {
        let site = try sample()
        _ = try build(site)
        let cache = OutputWriter.pageCache(of: site.appendingPathComponent("output"))
        let base = PageCache.base(of: cache)
        func size(_ url: URL) throws -> Int {
            try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        }
        func hasBase() -> Bool { FileManager.default.fileExists(atPath: base.path) }
        let article = "content/handbook/expense/budget-check.md"
        #expect(!hasBase())
        let whole = try size(cache)

        // The first cache becomes the base of the next, which holds a small part of it.
        try edit(site, article) { $0 + "\nOne more paragraph.\n" }
        var result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
        #expect(hasBase())
        #expect(try size(base) == whole)
        #expect(try size(cache) < whole / 10)
        try edit(site, article) { $0 + "\nAnd another.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
        #expect(try size(cache) < whole / 10)

        // A template every page uses: each page's entry changes, so the cache holds them
        // all; the next is written whole and the base goes.
        try edit(site, "templates/layout.mustache") { $0.replacingOccurrences(of: "</body>", with: "<!-- edited --></body>") }
        try rebuildMatchesFresh(site)
        #expect(try size(cache) > whole / 4)
        try edit(site, article) { $0 + "\nA third.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
        #expect(!hasBase())

        // The base removed by hand: the cache is not used, as a damaged one.
        try edit(site, article) { $0 + "\nA fourth.\n" }
        try rebuildMatchesFresh(site)
        #expect(hasBase())
        unlink(base.path)
        try edit(site, article) { $0 + "\nA fifth.\n" }
        result = try rebuildMatchesFresh(site)
        #expect(result.pagesUnchanged == 0)
        #expect(!hasBase())
    }

    @Test func aCacheChangedByteByByteRendersThosePagesAgain() throws {
        let site = try sample()
        _ = try build(site)
        let cache = OutputWriter.pageCache(of: site.appendingPathComponent("output"))
        try edit(site, "content/handbook/expense/budget-check.md") { $0 + "\nOne more paragraph.\n" }
        try rebuildMatchesFresh(site)
        // A bit flipped in the base where pages keep a link to a folder of the handbook
        // index, and where one keeps its search text: without the entries' check, the
        // next build reported a broken anchor that is not there and published the
        // changed text in the search index.
        let base = PageCache.base(of: cache)
        var bytes = try Data(contentsOf: base)
        for text in ["#folder:", "报销"] {
            let found = try #require(bytes.range(of: Data(text.utf8)))
            bytes[found.upperBound - 1] ^= 0x20
        }
        try bytes.write(to: base)
        try edit(site, "content/handbook/approval/delegate-approval.md") { $0 + "\nA line for the client.\n" }
        let result = try rebuildMatchesFresh(site)
        // The other pages are still taken from the cache.
        #expect(result.pagesUnchanged > 100)
    }

    @Test func aFailedRebuildLeavesTheOutputAndItsCacheAsTheyWere() throws {
        let site = try Fixtures.copy("valid")
        _ = try build(site)
        let output = site.appendingPathComponent("output")
        let before = try contents(output)
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: ",Closed,", with: ",Doing,") }
        let failed = try Dossier.build(.init(site: site, asOf: Self.asOf))
        #expect(failed.report.diagnostics.hasErrors)
        #expect(try contents(output) == before)
        try edit(site, "content/issues.csv") { $0.replacingOccurrences(of: ",Doing,", with: ",Closed,") }
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nMore.\n" }
        let result = try rebuildMatchesFresh(site)
        #expect(try rendered(result, of: site) == 1)
    }

    /// A handbook file that is a symbolic link (relative, as `ln -s ../../shared/x.pdf`
    /// makes it) is published as the file it names, not as a link pointing nowhere.
    @Test func aLinkedHandbookFileIsPublishedAsTheFile() throws {
        let site = try sample()
        let shared = site.deletingLastPathComponent().appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try Data("%PDF-1.4 手册".utf8).write(to: shared.appendingPathComponent("x.pdf"))
        try FileManager.default.createSymbolicLink(
            atPath: site.appendingPathComponent("content/handbook/x.pdf").path, withDestinationPath: "../../../shared/x.pdf")
        _ = try build(site)
        let published = site.appendingPathComponent("output/handbook/x.pdf")
        let kind = try FileManager.default.attributesOfItem(atPath: published.path)[.type] as? FileAttributeType
        #expect(kind == .typeRegular)
        #expect(try Data(contentsOf: published) == Data("%PDF-1.4 手册".utf8))
        try edit(site, "content/handbook/faq/common-questions.md") { $0 + "\nMore.\n" }
        try rebuildMatchesFresh(site)
    }

    @Test func theCommandSaysHowManyPagesWereUnchanged() throws {
        let site = try Fixtures.copy("valid")
        let first = try EndToEndTests().dossier("build", site.path)
        #expect(first.status == 0)
        #expect(first.stdout.hasPrefix("wrote ") && !first.stdout.contains("unchanged"))
        try edit(site, "content/handbook/faq/budget.md") { $0 + "\nMore.\n" }
        let second = try EndToEndTests().dossier("build", site.path)
        #expect(second.status == 0)
        let pages = try #require(
            PageCache(file: OutputWriter.pageCache(of: site.appendingPathComponent("output")), environment: nil)
        ).count
        #expect(second.stdout.contains(" (\(pages - 1) pages unchanged since the last build)\n"), "\(second.stdout)")
    }
}
