import Foundation

/// Results written from many threads, each index by exactly one of them.
private final class ResultSlots<T>: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }
    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }
}

extension Array where Element: Sendable {
    /// `map` on all cores, results in the order of the array. For independent, costly
    /// steps such as parsing or rendering one document.
    public func parallelMap<T>(_ transform: @Sendable (Element) -> T) -> [T] {
        if count < 2 { return map(transform) }
        let results = ResultSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(transform)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                results.slots[index] = box.value(self[index])
            }
        }
        return results.slots.map { $0! }
    }
}

extension Array where Element: Sendable {
    /// `map` on all cores for many cheap steps (encoding each term of an index): the
    /// array is cut into runs of `size` elements, each run mapped in order on one core,
    /// so that the cost of handing out work is paid once a run. Results in the order of
    /// the array.
    public func parallelMap<T>(inRunsOf size: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        if count <= size { return map(transform) }
        let runs = stride(from: 0, to: count, by: size).map { $0..<Swift.min(count, $0 + size) }
        return withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox(transform)
            return runs.parallelMap { run in self[run].map(box.value) }.flatMap { $0 }
        }
    }
}

/// A struct, not a class like `releaseElsewhere`'s box: it holds a closure made with
/// `withoutActuallyEscaping`, and a class instance captured by a dispatch work item can
/// be released by a worker after that scope has ended, with the closure's context gone
/// (a release build crashed so when the two boxes were one class).
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
