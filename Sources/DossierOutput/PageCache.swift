import DossierDiagnostics
import DossierSearch
import DossierUtilities
import Foundation

/// What each page of a build was made of and what was read from it, kept beside the
/// output so the next build renders only the pages whose key changed.
///
/// For each page: its key, the key of what its plan read (its inputs), its template, its
/// links and ids (for the link check) and its search entry. An unchanged page is taken from the previous output as it is, with
/// these, so the link check and the search index are the same as after a full build.
///
/// The file is read through a memory map and a page's entry is decoded only when the
/// page is looked up: a large site's cache is never held whole. Entries are appended a
/// batch at a time as pages are written, for the same reason.
public struct PageCache: Sendable {
    static let magic = "dossier pages 3\n"

    /// A page's entry.
    public struct Entry: Sendable {
        public var key: PageKey
        /// What the page's plan read: the records, settings and theme it depends on, as a
        /// digest made without planning the page. The same inputs give the same plan, so
        /// a page whose inputs are recorded here has this entry's key without being
        /// planned; zero when not known.
        public var inputs = PageKey(high: 0, low: 0)
        public var template: String?
        public var links: PageLinks
        package var searchDocument: SearchIndex.Document?
        /// The entry as the file holds it, to be written again as it is.
        package var encoded: Data?
    }

    private let data: Data
    /// Each page's entry: where it starts after the path, and its length.
    private let offsets: [String: (start: Int, length: Int)]

    /// The cache in `file` when it was written by a build in `environment` (the format,
    /// the binary, the options that change the model) whose pages had the digest `pages`
    /// (what `Writer.finish()` returned); nil for any, and nil when the file is not that.
    public init?(file: URL, environment: String?, pages: String? = nil) {
        guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
        var reader = Reader(data: data)
        guard let (offsets, digest) = try? reader.index(magic: Self.magic, environment: environment),
            pages == nil || digest == pages
        else { return nil }
        self.data = data
        self.offsets = offsets
    }

    public var count: Int { offsets.count }

    /// The entry of the page at `path` if the previous build made it with `key`; the
    /// rest of an entry with another key is not read.
    public func entry(_ path: String, key: PageKey) -> Entry? {
        entry(path, where: 0, is: key)
    }

    /// The entry of the page at `path`, whatever its key; nil when the build made no page
    /// there.
    public func entry(at path: String) -> Entry? {
        entry(path, where: nil, is: nil)
    }

    /// The entry of the page at `path` if the previous build recorded it with these
    /// `inputs` (see `Entry.inputs`); nil otherwise, and for zero inputs.
    public func entry(_ path: String, inputs: PageKey) -> Entry? {
        guard inputs != PageKey(high: 0, low: 0) else { return nil }
        return entry(path, where: 16, is: inputs)
    }

    /// The entry at `path` when the key `offset` bytes into it (0: the page's key, 16:
    /// its inputs) is `expected`; any entry there when `offset` is nil. Its `encoded`
    /// form is a slice of the mapped file, not a copy: written as it is to the next cache.
    private func entry(_ path: String, where offset: Int?, is expected: PageKey?) -> Entry? {
        guard let (start, length) = offsets[path] else { return nil }
        var reader = Reader(data: data)
        if let offset {
            reader.offset = start + offset
            guard (try? reader.key()) == expected else { return nil }
        }
        reader.offset = start
        var entry = try? reader.entry()
        entry?.encoded = data[start..<start + length]
        return entry
    }

    /// Appends entries to a new cache file as pages are written.
    public final class Writer {
        private let handle: FileHandle
        /// Each page's path and key, in order.
        private var digest = Digest()

        public init(file: URL, environment: String) throws {
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            handle = try FileHandle(forWritingTo: file)
            var bytes = Bytes()
            bytes.raw(PageCache.magic)
            bytes.string(environment)
            try handle.write(contentsOf: bytes.data)
        }

        /// Records the pages of `files` (files without a key or links are not pages).
        public func append(_ files: [OutputFile]) throws {
            var bytes = Bytes()
            for file in files {
                guard let key = file.key, let links = file.links else { continue }
                digest.add(file.path)
                digest.add(key.high)
                digest.add(key.low)
                bytes.string(file.path)
                let inputs = file.inputs ?? PageKey(high: 0, low: 0)
                if let encoded = file.cacheEntry {
                    // The entry as it was, with this build's inputs (the key comes first),
                    // copied once: its bytes are a slice of the previous cache's mapping.
                    bytes.count(encoded.count)
                    bytes.data.append(encoded.prefix(16))
                    bytes.word(inputs.high)
                    bytes.word(inputs.low)
                    bytes.data.append(encoded.dropFirst(32))
                    continue
                }
                var record = Bytes()
                record.entry(
                    Entry(
                        key: key, inputs: inputs, template: file.template, links: links, searchDocument: file.searchDocument))
                bytes.count(record.data.count)
                bytes.data.append(record.data)
            }
            try handle.write(contentsOf: bytes.data)
        }

        /// Ends the file with the digest of its pages, and returns it.
        public func finish() throws -> String {
            let pages = digest.key.description
            var bytes = Bytes()
            bytes.string("")
            var trailer = Bytes()
            trailer.string(pages)
            bytes.count(trailer.data.count)
            bytes.data.append(trailer.data)
            try handle.write(contentsOf: bytes.data)
            try handle.close()
            return pages
        }
    }
}

/// Little-endian lengths and counts, UTF-8 strings after their length.
private struct Bytes {
    var data = Data()

    mutating func raw(_ text: String) { data.append(contentsOf: Array(text.utf8)) }

    mutating func word(_ value: UInt64) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { data.append(contentsOf: $0) }
    }

    mutating func count(_ value: Int) { word(UInt64(value)) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            data.append(utf8.baseAddress!, count: utf8.count)
        }
    }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for text in list { string(text) }
    }

    mutating func entry(_ entry: PageCache.Entry) {
        word(entry.key.high)
        word(entry.key.low)
        word(entry.inputs.high)
        word(entry.inputs.low)
        string(entry.template ?? "")
        strings(entry.links.ids)
        count(entry.links.targets.count)
        for target in entry.links.targets {
            string(target.key)
            string(target.value)
        }
        strings(entry.links.unsafe)
        guard let document = entry.searchDocument else {
            count(0)
            return
        }
        count(1)
        string(document.url)
        string(document.title)
        string(document.kind)
        string(document.status)
        string(document.textJSON)
        count(document.textBytes)
        strings(document.terms.map(\.term))
        for (_, counts) in document.terms { word(UInt64(counts)) }
        count(document.lengths.count)
        for length in document.lengths { word(UInt64(length)) }
    }
}

private struct Reader {
    struct Malformed: Error {}

    let data: Data
    var offset = 0

    init(data: Data) { self.data = data }

    mutating func count() throws -> Int {
        let value = try word()
        guard value <= UInt64(Int.max) else { throw Malformed() }
        return Int(value)
    }

    mutating func word() throws -> UInt64 {
        guard offset + 8 <= data.count else { throw Malformed() }
        var value: UInt64 = 0
        data.withUnsafeBytes { bytes in
            withUnsafeMutableBytes(of: &value) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8]))
            }
        }
        offset += 8
        return UInt64(littleEndian: value)
    }

    mutating func string() throws -> String {
        let length = try count()
        guard length >= 0, offset + length <= data.count else { throw Malformed() }
        let text = data.withUnsafeBytes { bytes in
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
        }
        offset += length
        return text
    }

    mutating func strings() throws -> [String] { try list { try $0.string() } }

    /// A count, then that many items.
    mutating func list<T>(_ item: (inout Reader) throws -> T) throws -> [T] {
        let number = try count()
        guard number >= 0, number <= data.count - offset else { throw Malformed() }
        var items: [T] = []
        items.reserveCapacity(number)
        for _ in 0..<number { items.append(try item(&self)) }
        return items
    }

    /// Checks the header and finds every entry, decoding only paths, and the digest of
    /// the pages the file ends with (an entry with an empty path).
    mutating func index(magic: String, environment: String?) throws -> ([String: (start: Int, length: Int)], String) {
        let header = Array(magic.utf8)
        guard data.count >= header.count, data.prefix(header.count).elementsEqual(header) else { throw Malformed() }
        offset = header.count
        let written = try string()
        guard environment == nil || written == environment else { throw Malformed() }
        var offsets: [String: (start: Int, length: Int)] = [:]
        while offset < data.count {
            let path = try string()
            let length = try count()
            guard length >= 0, offset + length <= data.count else { throw Malformed() }
            if path.isEmpty {
                let pages = try string()
                guard offset == data.count else { throw Malformed() }
                return (offsets, pages)
            }
            offsets[path] = (offset, length)
            offset += length
        }
        throw Malformed()
    }

    mutating func key() throws -> PageKey { PageKey(high: try word(), low: try word()) }

    mutating func entry() throws -> PageCache.Entry {
        let key = try key()
        let inputs = try self.key()
        let template = try string()
        let ids = try strings()
        let targets = try list { PageLinks.Target(key: try $0.string(), value: try $0.string()) }
        let unsafe = try strings()
        var document: SearchIndex.Document?
        if try count() == 1 {
            let url = try string()
            let title = try string()
            let kind = try string()
            let status = try string()
            let textJSON = try string()
            let textBytes = try count()
            let names = try strings()
            var terms: [(term: String, counts: UInt32)] = []
            terms.reserveCapacity(names.count)
            for name in names { terms.append((name, UInt32(truncatingIfNeeded: try word()))) }
            let lengths = try (0..<count()).map { _ in UInt32(truncatingIfNeeded: try word()) }
            document = SearchIndex.Document(
                url: url, title: title, kind: kind, status: status, textJSON: textJSON, textBytes: textBytes, terms: terms,
                lengths: lengths)
        }
        return PageCache.Entry(
            key: key, inputs: inputs, template: template.isEmpty ? nil : template,
            links: PageLinks(ids: ids, targets: targets, unsafe: unsafe), searchDocument: document)
    }
}
