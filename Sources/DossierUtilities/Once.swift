import Foundation

/// A value made on first use, once, by whichever thread asks first; the others wait for
/// it. For work a run may not need at all: an incremental build that takes every page
/// needing a site's figures from the previous output never counts them.
public final class Once<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private var make: (@Sendable () -> Value)?

    public init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    public var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make!()
        made = value
        make = nil
        return value
    }
}
