import Dispatch

/// Lets go of `value` on another thread. Freeing what a build made (its model, the
/// search postings, each batch of pages once written) is many small frees: at 50,000
/// issues about a tenth of a rebuild under `serve`, on the thread that then tells open
/// pages to reload. Handed here as the last reference, it is freed on a utility thread
/// instead, while the caller goes on.
///
/// Unchecked: the value is only released there, never read.
public func releaseElsewhere<T>(_ value: consuming T) {
    let box = UncheckedBox(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
}

/// A value handed to other threads where the compiler cannot prove that safe: each use
/// says why it is (`parallelMap`'s transform is only called, `releaseElsewhere`'s value
/// only released). A class, so that the value goes when the last thread lets go of it.
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: consuming T) { self.value = value }
}
