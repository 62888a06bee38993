import DossierFuzzing
import Foundation

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
    FuzzHarness.run(Data(bytes: bytes, count: count))
    return 0
}
