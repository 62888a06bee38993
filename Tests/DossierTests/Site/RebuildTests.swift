import DossierSite
import Foundation
import Testing

/// An unchanged rebuild does nothing; any change to what the site is made from, or to
/// the output as it was left, builds again, to the same bytes as a build from scratch.
@Suite struct RebuildTests {
    static let asOf = AsOf.written("2026-03-12")

    func build(_ site: URL, output: URL? = nil, asOf: AsOf = Self.asOf) throws -> Dossier.BuildResult {
        try Dossier.build(.init(site: site, output: output, asOf: asOf))
    }

    func contents(_ folder: URL) throws -> [String: Data] { try Fixtures.files(in: folder) }

    func modified(_ file: URL) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as! Date
    }

    @Test func anUnchangedRebuildWritesNothing() throws {
        let site = try Fixtures.copy("valid")
        let first = try build(site)
        #expect(!first.upToDate && first.filesWritten > 0)
        let page = site.appendingPathComponent("output/index.html")
        let before = try modified(page)
        let second = try build(site)
        #expect(second.upToDate)
        #expect(second.filesWritten == 0)
        #expect(try modified(page) == before)
    }

    @Test func aChangedRecordBuildsAgainToTheBytesOfAFreshBuild() throws {
        let site = try Fixtures.copy("valid")
        _ = try build(site)
        let article = try #require(
            FileManager.default.enumerator(atPath: site.appendingPathComponent("content/handbook").path)?
                .compactMap { $0 as? String }.sorted().first { $0.hasSuffix(".md") })
        let url = site.appendingPathComponent("content/handbook/\(article)")
        try Data((try String(contentsOf: url, encoding: .utf8) + "\nOne more line for the rebuild.\n").utf8).write(to: url)
        let rebuilt = try build(site)
        #expect(!rebuilt.upToDate && rebuilt.filesWritten > 0)

        let fresh = site.deletingLastPathComponent().appendingPathComponent("fresh")
        _ = try build(site, output: fresh)
        let incremental = try contents(site.appendingPathComponent("output"))
        #expect(incremental == (try contents(fresh)))
        #expect(
            String(decoding: incremental["handbook/\(article.dropLast(3)).html"] ?? Data(), as: UTF8.self)
                .contains("One more line for the rebuild."))
    }

    @Test func aTouchedOutputOrAnotherMomentBuildsAgain() throws {
        let site = try Fixtures.copy("valid")
        _ = try build(site)
        try FileManager.default.removeItem(at: site.appendingPathComponent("output/index.html"))
        let repaired = try build(site)
        #expect(!repaired.upToDate)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/index.html").path))
        #expect(try build(site).upToDate)
        // Another as-of moment, or "now", counts the figures again.
        #expect(try !build(site, asOf: .written("2026-03-13")).upToDate)
        #expect(try !build(site, asOf: .instant(Date())).upToDate)
        #expect(try !build(site, asOf: .instant(Date())).upToDate)
    }
}
