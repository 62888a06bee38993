/// The problems found by a run, in the order they were found.
public struct DiagnosticList: Sendable, Sequence {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) { self.items = items }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: DiagnosticList) { items += other.items }
    public mutating func append(contentsOf other: [Diagnostic]) { items += other }

    public var errorCount: Int { items.lazy.filter { $0.severity == .error }.count }
    public var warningCount: Int { items.lazy.filter { $0.severity == .warning }.count }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// True when the run must fail: any error, or any warning under `--strict`.
    public func fails(strict: Bool) -> Bool { hasErrors || (strict && !items.isEmpty) }

    /// Sorted by place, duplicates dropped: what is printed.
    public var sorted: [Diagnostic] { Array(Set(items)).sorted() }

    public func makeIterator() -> IndexingIterator<[Diagnostic]> { items.makeIterator() }
}
