import DossierFuzzing
import Foundation

#if !FUZZING
/// Built normally, replays the inputs named on the command line (a crash the fuzzer
/// found, or a whole corpus folder) through the harness. A fuzzing build (`-DFUZZING`,
/// benchmarks/fuzz) leaves this out: libFuzzer's own main runs and calls
/// LLVMFuzzerTestOneInput (FuzzEntry.swift).
@main
enum FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let files =
                isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { "\(path)/\($0)" } : [path]
            for file in files {
                if let data = FileManager.default.contents(atPath: file) { FuzzHarness.run(data) }
            }
            print("replayed \(files.count) input(s) from \(path)")
        }
    }
}
#endif
