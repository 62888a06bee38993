import Foundation
import Testing

@testable import DossierServe

/// `serve` hears of a change under the records from the kernel, also in folders made
/// after it started, and not of what it writes itself.
@Suite struct FolderWatchTests {
    /// Whether `watch` hears something within two seconds.
    func hears(_ watch: FolderWatch) async throws -> Bool {
        for _ in 0..<400 {
            if watch.changed { return true }
            try await Task.sleep(for: .milliseconds(5))
        }
        return false
    }

    /// A moment for events that should not come, then whether any did.
    func heardSince(_ watch: FolderWatch) async throws -> Bool {
        try await Task.sleep(for: .milliseconds(200))
        return watch.changed
    }

    #if os(Linux)
    @Test func hearsEditsAdditionsAndRemovalsUnderTheRecords() async throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-watch-\(UUID().uuidString)")
        let handbook = site.appendingPathComponent("content/handbook/faq")
        try FileManager.default.createDirectory(at: handbook, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        let article = handbook.appendingPathComponent("a.md")
        try Data("---\ntitle: A\n---\n".utf8).write(to: article)
        let git = site.appendingPathComponent(".git/logs")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data().write(to: git.appendingPathComponent("HEAD"))

        let watch = try #require(FolderWatch(site: site, headLog: git.appendingPathComponent("HEAD")))
        #expect(watch.watching)
        #expect(!watch.changed)

        // An edit in a folder three levels down.
        let handle = try FileHandle(forWritingTo: article)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("More.\n".utf8))
        try handle.close()
        #expect(try await hears(watch))
        #expect(!watch.changed, "heard once, then cleared")

        // An editor's hidden swap file beside it is not part of the site: not heard.
        try Data("swap".utf8).write(to: handbook.appendingPathComponent(".a.md.swp"))
        #expect(try await !heardSince(watch))

        // A folder made after the watch started, and a file saved in it.
        let made = site.appendingPathComponent("content/handbook/new")
        try FileManager.default.createDirectory(at: made, withIntermediateDirectories: true)
        #expect(try await hears(watch))
        try Data("---\ntitle: B\n---\n".utf8).write(to: made.appendingPathComponent("b.md"))
        #expect(try await hears(watch))

        // templates/ made later, then a template in it.
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        #expect(try await hears(watch))
        try Data("{{title}}".utf8).write(to: templates.appendingPathComponent("article.mustache"))
        #expect(try await hears(watch))

        // A file renamed away, as an editor's save replaces one, and a removal.
        try FileManager.default.moveItem(at: article, to: handbook.appendingPathComponent("renamed.md"))
        #expect(try await hears(watch))
        try FileManager.default.removeItem(at: handbook.appendingPathComponent("renamed.md"))
        #expect(try await hears(watch))

        // A commit: git appends to its HEAD log.
        let log = try FileHandle(forWritingTo: git.appendingPathComponent("HEAD"))
        try log.seekToEnd()
        try log.write(contentsOf: Data("0000 1111 commit\n".utf8))
        try log.close()
        #expect(try await hears(watch))

        // What serve writes beside the records (output/, its staging folders) and other
        // files of the site folder or of .git/ are not heard.
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("output/issues"), withIntermediateDirectories: true)
        try Data("<p>".utf8).write(to: site.appendingPathComponent("output/issues/index.html"))
        try Data("x".utf8).write(to: site.appendingPathComponent(".output.dossier-pages"))
        try Data("x".utf8).write(to: git.appendingPathComponent("ORIG_HEAD"))
        try Data("x".utf8).write(to: site.appendingPathComponent("README.md"))
        #expect(try await !heardSince(watch))

        // Waiting: false once the time is up when nothing is heard; true as soon as
        // something is, long before the time is up.
        #expect(await !watch.next(within: .milliseconds(100)))
        let saved = made.appendingPathComponent("b.md")
        let save = Task {
            try await Task.sleep(for: .milliseconds(50))
            try Data("---\ntitle: B, saved again\n---\n".utf8).write(to: saved)
        }
        let clock = ContinuousClock()
        var woken = false
        let waited = await clock.measure { woken = await watch.next(within: .seconds(30)) }
        try await save.value
        #expect(woken)
        #expect(waited < .seconds(20), "woken by the save, not by the time")
    }
    #endif
}
