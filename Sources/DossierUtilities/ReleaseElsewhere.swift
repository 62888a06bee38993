import Dispatch

/// Lets go of `value` on another thread. Freeing what a build made (its model, the
/// search postings, each batch of pages once written) is many small frees: at 50,000
/// issues about a tenth of a rebuild under `serve`, on the thread that then tells open
/// pages to reload. Handed here as the last reference, it is freed on a utility thread
/// instead, while the caller goes on.
///
/// Unchecked: the value is only released there, never read.
public func releaseElsewhere<T>(_ value: consuming T) {
    let box = ReleasedBox(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(box) {} }
}

private final class ReleasedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: consuming T) { self.value = value }
}
