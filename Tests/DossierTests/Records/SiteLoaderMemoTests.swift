import DossierDiagnostics
import DossierRecords
import DossierUtilities
import Foundation
import Testing

/// `serve`'s loads keep each file's text with its stamp (size, times, inode) and do not
/// read a file again while its stamp is the same; any change to the file is read.
@Suite struct SiteLoaderMemoTests {
    /// A load of `site` with `memo`: the files' texts and the diagnostics, as a load
    /// without one gives them too.
    func load(_ site: URL, _ memo: SiteLoader.Memo, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> [String: String]
    {
        let (raw, diagnostics) = try SiteLoader(memo: memo).load(site)
        let (fresh, freshDiagnostics) = try SiteLoader().load(site)
        #expect(raw.sources == fresh.sources, sourceLocation: sourceLocation)
        #expect(raw.forms == fresh.forms, sourceLocation: sourceLocation)
        #expect(diagnostics.items == freshDiagnostics.items, sourceLocation: sourceLocation)
        return raw.sources
    }

    /// Sets the file's access and modification times to `times` (stat's).
    func restore(_ url: URL, _ times: stat) {
        var pair = [times.st_atim, times.st_mtim]
        #expect(utimensat(AT_FDCWD, url.path, &pair, 0) == 0)
    }

    @Test func aFileIsReadAgainWhenAnythingInItsStampChanged() throws {
        let site = try Fixtures.copy("exports/excel-zh-gbk")
        let memo = SiteLoader.Memo(unsettled: 0)
        let issues = site.appendingPathComponent("content/issues.csv")
        let project = site.appendingPathComponent("content/project.yml")
        let first = try load(site, memo)
        #expect(memo.filesUnread == 0)
        #expect(first["content/issues.csv"]?.isEmpty == false)
        _ = try load(site, memo)
        #expect(memo.filesUnread == 2)

        // The same size, the modification time restored: the status change time differs.
        var before = stat()
        #expect(stat(issues.path, &before) == 0)
        var bytes = try Data(contentsOf: issues)
        let last = bytes.lastIndex(where: { $0 >= 0x30 && $0 <= 0x39 })!
        bytes[last] = bytes[last] == 0x39 ? 0x38 : bytes[last] + 1
        try bytes.write(to: issues)
        restore(issues, before)
        let edited = try load(site, memo)
        #expect(memo.filesUnread == 1)
        #expect(edited["content/issues.csv"] != first["content/issues.csv"])

        // Renamed over it from beside, its old times restored: another inode.
        _ = try load(site, memo)
        #expect(memo.filesUnread == 2)
        #expect(stat(issues.path, &before) == 0)
        bytes[last] = bytes[last] == 0x39 ? 0x38 : bytes[last] + 1
        let beside = site.appendingPathComponent("content/.issues.csv.new")
        try bytes.write(to: beside)
        restore(beside, before)
        #expect(rename(beside.path, issues.path) == 0)
        let renamed = try load(site, memo)
        #expect(memo.filesUnread == 1)
        #expect(renamed["content/issues.csv"] != edited["content/issues.csv"])

        // The file unchanged, but project.yml no longer names its encoding: read again,
        // now as UTF-8, which it is not.
        _ = try load(site, memo)
        let yaml = try String(contentsOf: project, encoding: .utf8)
        try Data(yaml.replacingOccurrences(of: "encoding: {issues.csv: gbk}\n", with: "").utf8).write(to: project)
        let (raw, diagnostics) = try SiteLoader(memo: memo).load(site)
        #expect(raw.sources["content/issues.csv"] == nil)
        #expect(diagnostics.items.contains { $0.location.file == "content/issues.csv" })

        // A file removed is forgotten.
        try Data(yaml.utf8).write(to: project)
        _ = try load(site, memo)
        try FileManager.default.removeItem(at: issues)
        let gone = try load(site, memo)
        #expect(gone["content/issues.csv"] == nil)
    }

    @Test func aFileChangedWithinTheLastTwoSecondsIsNotKept() throws {
        let site = try Fixtures.copy("exports/excel-zh-gbk")
        // Every file of the copy was just written.
        let memo = SiteLoader.Memo()
        _ = try load(site, memo)
        _ = try load(site, memo)
        #expect(memo.filesUnread == 0)
    }
}
