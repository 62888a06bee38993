import DossierSite
import Foundation
import Testing

@testable import DossierOutput

/// A build killed with SIGKILL at any moment leaves either the previous site byte for
/// byte, or, when the kill lands after the atomic swap, the complete new one: never a
/// mix, never a partial site.
@Suite struct KilledBuildTests {
    /// A site big enough that a build takes a while: 800 issues and 60 articles.
    static func makeSite() throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-kill-\(UUID().uuidString)")
        let handbook = site.appendingPathComponent("content/handbook")
        try FileManager.default.createDirectory(at: handbook, withIntermediateDirectories: true)
        try Data("name: Before\ntimezone: Asia/Shanghai\n".utf8).write(to: site.appendingPathComponent("content/project.yml"))
        var csv = "id,title,status,opened,resolved,category,description\n"
        for i in 1...800 {
            let closed = i % 3 == 0
            csv +=
                "K-\(i),Issue \(i),\(closed ? "closed" : "open"),2026-03-0\(i % 9 + 1) 10:00,\(closed ? "2026-03-10 10:00" : ""),bug,"
            csv += "\"Step one\n\n- see [[a\(i % 60)]]\n- and **bold** text\"\n"
        }
        try Data(csv.utf8).write(to: site.appendingPathComponent("content/issues.csv"))
        for i in 0..<60 {
            let text =
                "---\ntitle: Article \(i)\n---\n\n## Section\n\n" + String(repeating: "Text for [[K-\(i + 1)]]. ", count: 40)
                + "\n"
            try Data(text.utf8).write(to: handbook.appendingPathComponent("a\(i).md"))
        }
        return site
    }

    func build(_ site: URL, into output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = EndToEndTests.binary
        process.arguments = ["build", site.path, "--as-of", "2026-03-12"] + (output.map { ["--output", $0.path] } ?? [])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killedBuildsLeaveThePreviousSite() throws {
        let site = try Self.makeSite()
        let output = site.appendingPathComponent("output")
        let started = Date()
        let first = try build(site)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let duration = Date().timeIntervalSince(started)
        let before = try EndToEndTests().snapshot(output)
        #expect(before.count > 800)

        // The next build writes different pages; what it writes, built elsewhere.
        try Data("name: After\ntimezone: Asia/Shanghai\n".utf8).write(to: site.appendingPathComponent("content/project.yml"))
        let elsewhere = site.deletingLastPathComponent().appendingPathComponent("after-\(UUID().uuidString)")
        try build(site, into: elsewhere).waitUntilExit()
        let after = try EndToEndTests().snapshot(elsewhere)
        #expect(after != before)

        var keptOld = 0
        for step in 0..<12 {
            let process = try build(site)
            Thread.sleep(forTimeInterval: duration * Double(step) / 12)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try EndToEndTests().snapshot(output)
            #expect(now == before || now == after, "killed after \(step)/12 of a build: a partial site")
            if now == before {
                keptOld += 1
            } else {
                // The kill came after the swap; start the next round from the old site again.
                try Data("name: Before\ntimezone: Asia/Shanghai\n".utf8).write(
                    to: site.appendingPathComponent("content/project.yml"))
                try build(site).waitUntilExit()
                try Data("name: After\ntimezone: Asia/Shanghai\n".utf8).write(
                    to: site.appendingPathComponent("content/project.yml"))
            }
        }
        // Most kills land before the swap, which is the case that matters.
        #expect(keptOld >= 6)

        // A build after the kills still works and replaces the site.
        let last = try build(site)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("After"))
        // No staging folder is left beside the output, only the page cache of the last build
        // (with the base it refers to, if any) and the build lock's file (flock(2): a
        // killed build holds it no longer).
        let cache = OutputWriter.pageCache(of: output)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path)
            .filter {
                $0.contains("dossier-") && $0 != cache.lastPathComponent
                    && $0 != PageCache.base(of: cache).lastPathComponent && !$0.hasSuffix(".dossier-lock")
            }
        #expect(leftovers.isEmpty, "left beside the output: \(leftovers)")
        #expect(PageCache(file: cache, environment: nil) != nil)
    }
}
