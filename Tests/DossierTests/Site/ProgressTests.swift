import DossierSite
import Foundation
import Synchronization
import Testing

/// A build tells its stages in order; the command shows them on a terminal only.
@Suite struct ProgressTests {
    @Test func stagesComeInOrderWithPageCountsUpToTheTotal() throws {
        let site = try Fixtures.copy("valid")
        let seen = Mutex<[Dossier.Progress]>([])
        var options = Dossier.BuildOptions(site: site, asOf: .written("2026-03-12"))
        options.progress = { progress in seen.withLock { $0.append(progress) } }
        let result = try Dossier.build(options)
        let stages = seen.withLock { $0 }
        let names = stages.map { stage -> String in
            switch stage {
            case .loading: return "loading"
            case .rendering: return "rendering"
            case .indexing: return "indexing"
            case .checkingLinks: return "checkingLinks"
            case .swapping: return "swapping"
            }
        }
        // Each stage once, in order, rendering as often as there are batches.
        var distinct: [String] = []
        for name in names where distinct.last != name { distinct.append(name) }
        #expect(distinct == ["loading", "rendering", "indexing", "checkingLinks", "swapping"])
        let counts = stages.compactMap { stage -> (Int, Int)? in
            if case .rendering(let done, let total) = stage { return (done, total) }
            return nil
        }
        #expect(counts.first?.0 == 0)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0.0 < $1.0 })
        let total = try #require(counts.first?.1)
        #expect(counts.allSatisfy { $0.1 == total && $0.0 <= total })
        // One page per HTML file written; the other files come after.
        let html = try FileManager.default.subpathsOfDirectory(atPath: site.appendingPathComponent("output").path)
            .filter { $0.hasSuffix(".html") }
        #expect(total == html.count && total < result.filesWritten)
    }

    @Test func theLineIsShownOnATerminalAndNeverInAPipe() throws {
        let site = try Fixtures.copy("valid")
        let piped = try EndToEndTests().dossier("build", site.path)
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("\u{1B}") && !piped.stdout.contains("\u{1B}"))
        #expect(!piped.stderr.contains("rendering pages"))

        // `script` gives the command a terminal and copies what it printed.
        let command = "'\(EndToEndTests.binary.path)' build '\(site.path)' --as-of 2026-03-12"
        let terminal = try EndToEndTests().run("/usr/bin/script", "-q", "-e", "-c", command, "/dev/null")
        #expect(terminal.status == 0, "\(terminal.stdout)")
        #expect(terminal.stdout.contains("rendering pages"))
        // The line is cleared before the result is printed.
        let result = try #require(terminal.stdout.range(of: "wrote "))
        #expect(terminal.stdout[..<result.lowerBound].hasSuffix("\r\u{1B}[2K"))
    }
}
