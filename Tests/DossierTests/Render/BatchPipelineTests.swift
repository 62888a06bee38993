import DossierModel
import DossierOutput
import DossierRecords
import DossierRender
import DossierTemplates
import Foundation
import Testing

/// `SiteRenderer.render` renders the next batch while the caller takes the current one:
/// whatever the batch size, the caller gets every file once, in the order of one batch,
/// with the same bytes, and batches arrive one at a time, in order.
@Suite struct BatchPipelineTests {
    struct Handed {
        var paths: [String] = []
        var digests: [String: Int] = [:]
        var batches = 0
    }

    static func render(batchSize: Int, failingAt failure: Int? = nil) throws -> Handed {
        let site = try loadValidSite("valid")
        let renderer = SiteRenderer(
            site: site, theme: Theme.load(overrides: [:]).0, asOf: Date(timeIntervalSince1970: 1_773_306_000))
        var handed = Handed()
        struct Stop: Error {}
        do {
            try renderer.render(batchSize: batchSize) { files in
                handed.batches += 1
                if handed.batches == failure { throw Stop() }
                for file in files {
                    handed.paths.append(file.path)
                    if case .text(let text) = file.contents { handed.digests[file.path] = text.hashValue }
                }
            }
        } catch is Stop {}
        return handed
    }

    @Test(arguments: [1, 3, 7]) func smallBatchesHandTheSameFilesInTheSameOrder(_ size: Int) throws {
        let whole = try Self.render(batchSize: 100_000)
        let small = try Self.render(batchSize: size)
        // The pages, then the files after them: assets, feed and sitemap; the search index;
        // the issue exports; the week and milestone exports.
        #expect(whole.batches == 5)
        #expect(small.batches > 3)
        #expect(small.paths == whole.paths)
        #expect(small.digests == whole.digests)
        #expect(Set(small.paths).count == small.paths.count)
    }

    /// A caller that stops (an error while writing) stops the rendering: no batch after
    /// it is handed, and render returns once the batch already rendering is done.
    @Test func aThrowingCallerGetsNoFurtherBatch() throws {
        let stopped = try Self.render(batchSize: 2, failingAt: 3)
        #expect(stopped.batches == 3)
        #expect(stopped.paths.count == 4)
    }
}
