import DossierSite
import Foundation
import Testing

/// Two builds of one site at once (a CI job and `serve`, two terminals): the second
/// waits for the first, and the output is a whole site afterwards.
@Suite struct ConcurrentBuildTests {
    @Test func twoBuildsAtOnceLeaveAWholeSite() throws {
        let site = try Fixtures.copy("valid")
        let results = [0, 1].parallelBuilds { _ in
            try? Dossier.build(.init(site: site, asOf: .written("2026-03-12")))
        }
        #expect(results.allSatisfy { $0 != nil })
        // One wrote the site; the other found it up to date or wrote it again.
        #expect(results.contains { ($0?.filesWritten ?? 0) > 20 })
        let index = site.appendingPathComponent("output/index.html")
        #expect(FileManager.default.fileExists(atPath: index.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.path).filter {
            $0.hasSuffix("dossier-new") || $0.hasSuffix("dossier-old")
        }
        #expect(leftovers.isEmpty)
    }
}

extension Array where Element == Int {
    /// Runs `body` for each element on its own thread, all at once.
    fileprivate func parallelBuilds<T: Sendable>(_ body: @escaping @Sendable (Int) -> T) -> [T] {
        let lock = NSLock()
        nonisolated(unsafe) var results: [Int: T] = [:]
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let value = body(self[index])
            lock.lock()
            results[index] = value
            lock.unlock()
        }
        return indices.map { results[$0]! }
    }
}
