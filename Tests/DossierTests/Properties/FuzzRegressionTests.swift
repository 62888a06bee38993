import DossierFuzzing
import Foundation
import Testing

/// Inputs the fuzzer found or that were written to break the parsers (deep nesting,
/// YAML alias bombs, an unclosed quote over 200 KB, raw HTML with script links) go
/// through the fuzz harness again: each must finish without a crash.
@Suite struct FuzzRegressionTests {
    static let inputs: [String] = {
        let folder = Fixtures.root.appendingPathComponent("fuzz")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func replays(_ name: String) throws {
        let data = try Data(contentsOf: Fixtures.root.appendingPathComponent("fuzz/\(name)"))
        FuzzHarness.run(data)
    }
}
