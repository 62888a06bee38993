import DossierSearch
import Foundation
import Testing

@testable import DossierOutput

/// A page cache written after another refers to its base for the entries it did not
/// change, reads as if it held them, and is written whole again once it holds a quarter
/// of its base.
@Suite struct PageCacheTests {
    let folder: URL
    var live: URL { folder.appendingPathComponent(".output.dossier-pages") }
    var staged: URL { folder.appendingPathComponent(".output.dossier-pages-new") }
    var base: URL { PageCache.base(of: live) }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-pagecache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// What a page's entry says, to compare entries.
    struct Expected: Equatable {
        var key: PageKey
        var inputs: PageKey
        var template: String?
        var links: PageLinks
        var searchTitle: String?
    }

    static func key(_ n: UInt64) -> PageKey { PageKey(high: n, low: n &* 31) }

    /// A page rendered anew: its entry made from its path and `version`.
    static func rendered(_ path: String, version: UInt64) -> (OutputFile, Expected) {
        var file = OutputFile(path: path, contents: .text("<p>\(path) \(version)"), template: "article")
        file.key = key(version)
        file.inputs = key(version + 1000)
        let links = PageLinks(
            ids: ["top", "v\(version)"], targets: [.init(key: "index.html\u{0}", value: "../index.html")], unsafe: [])
        file.links = links
        file.searchDocument = SearchIndex.Document(
            url: path, title: "\(path) \(version)", kind: "article", status: "",
            textJSON: "[[\"\", \"\", \"\(String(repeating: "text ", count: 200))\"]]", textBytes: 1000,
            terms: [(term: "word", counts: 1)], lengths: [1, 2])
        return (
            file,
            Expected(
                key: file.key!, inputs: file.inputs!, template: "article", links: links, searchTitle: "\(path) \(version)")
        )
    }

    /// A page taken from `cache` as it was, with new `inputs`.
    static func unchanged(_ path: String, from cache: PageCache, inputs: PageKey) throws -> (OutputFile, Expected) {
        let entry = try #require(cache.entry(at: path))
        var file = OutputFile(path: path, contents: .unchanged, template: entry.template)
        file.key = entry.key
        file.inputs = inputs
        file.links = entry.links
        file.searchDocument = entry.searchDocument
        file.cacheEntry = entry.encoded
        return (
            file,
            Expected(
                key: entry.key, inputs: inputs, template: entry.template, links: entry.links,
                searchTitle: entry.searchDocument?.title)
        )
    }

    /// Writes `files` as the next cache after `previous` and puts it in place, as a build's
    /// commit does (the base removed when the new cache does not refer to it).
    func write(_ files: [OutputFile], after previous: PageCache?) throws -> Bool {
        let writer = try PageCache.Writer(file: staged, environment: "test", previous: previous)
        try writer.append(Array(files.prefix(files.count / 2)))
        try writer.append(Array(files.dropFirst(files.count / 2)))
        _ = try writer.finish()
        #expect(rename(staged.path, live.path) == 0)
        if !writer.refersToBase { unlink(base.path) }
        return writer.refersToBase
    }

    func read(_ expected: [String: Expected], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PageCache {
        let cache = try #require(PageCache(file: live, environment: "test"), sourceLocation: sourceLocation)
        #expect(cache.count == expected.count, sourceLocation: sourceLocation)
        for (path, want) in expected {
            let entry = try #require(cache.entry(at: path), sourceLocation: sourceLocation)
            let got = Expected(
                key: entry.key, inputs: entry.inputs, template: entry.template, links: entry.links,
                searchTitle: entry.searchDocument?.title)
            #expect(got == want, "\(path)", sourceLocation: sourceLocation)
            #expect(cache.entry(path, key: want.key) != nil, sourceLocation: sourceLocation)
            #expect(cache.entry(path, inputs: want.inputs) != nil, sourceLocation: sourceLocation)
            #expect(cache.entry(path, inputs: Self.key(999_999)) == nil, sourceLocation: sourceLocation)
            // Read in part: the keys, template and encoded entry always, links and the
            // search entry only when asked for.
            for parts in [PageCache.Parts(), .links, .search] {
                let part = try #require(cache.entry(path, inputs: want.inputs, reading: parts), sourceLocation: sourceLocation)
                let read = Expected(
                    key: part.key, inputs: part.inputs, template: part.template,
                    links: parts.contains(.links) ? part.links : want.links,
                    searchTitle: parts.contains(.search) ? part.searchDocument?.title : want.searchTitle)
                #expect(read == want, "\(path) \(parts)", sourceLocation: sourceLocation)
                #expect(parts.contains(.links) || part.links == PageLinks(ids: [], targets: [], unsafe: []))
                #expect(parts.contains(.search) || part.searchDocument == nil)
                #expect(part.searchDocument?.terms.map(\.term) ?? ["word"] == ["word"])
                #expect(part.encoded?.bytes == entry.encoded?.bytes, sourceLocation: sourceLocation)
            }
        }
        return cache
    }

    func size(_ url: URL) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    }

    @Test func aCacheAfterAnotherRefersToItsBaseUntilItHoldsAQuarterOfIt() throws {
        let paths = (0..<200).map { "handbook/page-\($0).html" }
        var expected: [String: Expected] = [:]
        var files: [OutputFile] = []
        for (n, path) in paths.enumerated() {
            let (file, want) = Self.rendered(path, version: UInt64(n))
            files.append(file)
            expected[path] = want
        }
        // The first cache holds every entry; there is no base.
        #expect(try !write(files, after: nil))
        #expect(!FileManager.default.fileExists(atPath: base.path))
        var cache = try read(expected)
        let whole = try size(live)

        // One page changed, the others kept with new inputs for some: the new cache
        // refers to the first (now its base) and is a small part of it.
        func next(changing changed: Set<Int>, version: UInt64) throws -> Bool {
            var files: [OutputFile] = []
            for (n, path) in paths.enumerated() {
                let (file, want) =
                    changed.contains(n)
                    ? Self.rendered(path, version: version + UInt64(n))
                    : try Self.unchanged(
                        path, from: cache, inputs: n % 3 == 0 ? Self.key(version + UInt64(n) + 7) : expected[path]!.inputs)
                files.append(file)
                expected[path] = want
            }
            let refers = try write(files, after: cache)
            cache = try read(expected)
            return refers
        }
        #expect(try next(changing: [5], version: 10_000))
        #expect(FileManager.default.fileExists(atPath: base.path))
        #expect(try size(live) < whole / 10)
        #expect(try size(base) == whole)

        // The next refers to the same base: the pages it holds itself are copied, the
        // others are references still.
        #expect(try next(changing: [6, 7], version: 20_000))
        #expect(try size(base) == whole)

        // Half the pages changed: written against the base, then whole, and the base goes.
        #expect(try next(changing: Set(0..<100), version: 30_000))
        #expect(try size(live) >= whole / 4)
        #expect(try !next(changing: [8], version: 40_000))
        #expect(!FileManager.default.fileExists(atPath: base.path))
        #expect(try size(live) >= whole)

        // Whole again, so the next refers to it.
        #expect(try next(changing: [9], version: 50_000))
        #expect(FileManager.default.fileExists(atPath: base.path))

        // A cache written whole, whose base a failed build had linked already (a second
        // name of the same file): linked again, and nothing else is left beside it.
        #expect(try next(changing: Set(0..<200), version: 60_000))
        #expect(try !next(changing: [1], version: 70_000))
        #expect(link(live.path, base.path) == 0)
        #expect(try next(changing: [2], version: 80_000))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == [live, base].map(\.lastPathComponent)
                .sorted())
    }

    /// A whole cache of `paths`, then one after it with the first page changed and the
    /// others kept with new inputs (so it refers to the first, now its base); returns the
    /// first cache's files.
    @discardableResult
    func writeWholeThenOneChanged(_ paths: [String]) throws -> [OutputFile] {
        let files = paths.enumerated().map { Self.rendered($1, version: UInt64($0)).0 }
        #expect(try !write(files, after: nil))
        let first = try #require(PageCache(file: live, environment: "test"))
        var next = try paths.map { try Self.unchanged($0, from: first, inputs: Self.key(7)).0 }
        next[0] = Self.rendered(paths[0], version: 77).0
        #expect(try write(next, after: first))
        return files
    }

    @Test func anEntryChangedInPlaceIsNotUsedWhenItsLinksOrSearchEntryAreRead() throws {
        let paths = (0..<20).map { "handbook/page-\($0).html" }
        try writeWholeThenOneChanged(paths)

        // One byte changed in page 5's id in the base, and in page 0's search title in the
        // cache itself (both as the writer put them: `v5`, `handbook/page-0.html 77`).
        func flip(_ text: String, in file: URL) throws {
            var bytes = try Data(contentsOf: file)
            let needle = Data(text.utf8)
            let found = try #require(bytes.range(of: needle))
            bytes[found.lowerBound + needle.count - 1] ^= 0x01
            try bytes.write(to: file)
        }
        try flip("v5", in: base)
        try flip("handbook/page-0.html 77", in: live)
        let cache = try #require(PageCache(file: live, environment: "test"))
        for (n, path) in paths.enumerated() {
            let damaged = n == 0 || n == 5
            // Read whole, a damaged entry is not there: its page is rendered again.
            #expect((cache.entry(at: path) == nil) == damaged, "\(path)")
            #expect((cache.entry(at: path, reading: .links) == nil) == damaged, "\(path)")
            // Its keys and template alone are read without the check.
            #expect(cache.entry(at: path, reading: [])?.template == "article", "\(path)")
        }
    }

    @Test func aCacheWhoseBaseIsMissingOrAnotherIsNotRead() throws {
        let paths = (0..<50).map { "issues/\($0).html" }
        let files = try writeWholeThenOneChanged(paths)
        #expect(PageCache(file: live, environment: "test") != nil)
        // Another environment's cache is not this one's.
        #expect(PageCache(file: live, environment: "other") == nil)

        // A base of the same length but other pages (another build's cache written whole
        // in its place) is not the base.
        let saved = try Data(contentsOf: base)
        let other = files.enumerated().map { n, file in
            var file = file
            file.key = Self.key(UInt64(n) + 500)
            return file
        }
        let writer = try PageCache.Writer(file: base, environment: "test")
        try writer.append(other)
        _ = try writer.finish()
        #expect(PageCache(file: live, environment: "test") == nil)
        // Nor one of the same length whose pages' digest differs.
        var otherPages = saved
        otherPages[otherPages.count - 1] ^= 1
        try otherPages.write(to: base)
        #expect(PageCache(file: live, environment: "test") == nil)

        // Nor is a damaged one, nor a missing one.
        var damaged = saved
        damaged.removeLast()
        try damaged.write(to: base)
        #expect(PageCache(file: live, environment: "test") == nil)
        try saved.write(to: base)
        #expect(PageCache(file: live, environment: "test") != nil)
        unlink(base.path)
        #expect(PageCache(file: live, environment: "test") == nil)
    }
}
