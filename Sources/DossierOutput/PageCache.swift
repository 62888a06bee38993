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
///
/// A cache written after another one refers to that one's unchanged entries rather than
/// copying them: the previous cache, when it holds every entry itself, is kept as the
/// base (a hard link beside it, `NAME-base`), and the new file holds only the entries
/// that changed since the base was written, with a 32-byte reference (offset, length,
/// inputs) for each other page. A rebuild after one edit then writes kilobytes, not the
/// whole cache (10 MB at S, 155 MB at L). Once the entries held besides the base come
/// to a quarter of it, the next cache is written whole again and the base removed. A
/// cache whose base is missing or not the one it was written against is ignored, as a
/// damaged one is: the build renders every page.
///
/// An entry is its key and inputs (16 bytes each), a check (8 bytes: the `Digest` of the
/// bytes after it), then its template, links and search entry. An entry whose links or
/// search entry are read is checked first; one that does not match is not used, as if
/// the page had none, so a cache changed byte by byte renders those pages again rather
/// than publish what it holds. Keys and inputs are outside the check (a changed one
/// only makes a page render again), so an entry kept with new inputs keeps its check.
public struct PageCache: Sendable {
    static let magic = "dossier pages 5\n"

    /// A page's entry.
    public struct Entry: Sendable {
        public var key: PageKey
        /// What the page's plan read: the records, settings and theme it depends on, as a
        /// digest made without planning the page. The same inputs give the same plan, so
        /// a page whose inputs are recorded here has this entry's key without being
        /// planned; zero when not known.
        public var inputs = PageKey(high: 0, low: 0)
        public var template: String?
        /// Empty when not read (see `Parts`).
        public var links: PageLinks
        package var searchDocument: SearchIndex.Document?
        /// The entry as the file holds it, to be written again as it is.
        package var encoded: Encoded?
    }

    /// The parts of an entry read besides its keys and template: a rebuild that carries
    /// the link check or the search postings from the last build needs neither for a page
    /// that did not change, and reading them (the search entry's terms, every navigation
    /// link) was most of the time a lookup took.
    public struct Parts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// The page's links and ids (else `links` is empty).
        public static let links = Parts(rawValue: 1)
        /// The page's search entry (else `searchDocument` is nil).
        public static let search = Parts(rawValue: 2)
        public static let all: Parts = [.links, .search]
    }

    /// An entry as a cache file holds it.
    package struct Encoded: Sendable {
        /// Its bytes: a slice of the file's mapping.
        package var bytes: Data
        /// Where it starts in the file the next cache may refer to (this cache when it
        /// holds every entry, else its base); nil for an entry held only by this cache.
        package var baseOffset: Int?
    }

    /// The file read.
    let file: URL
    private let data: Data
    /// The cache this one refers to for the entries it does not hold; nil when it holds
    /// every entry.
    private let base: Data?
    /// The base's file name, beside this one ("" without a base), and the digest of its
    /// pages.
    private let baseName: String, basePages: String
    /// The digest of the pages (see `Writer.finish()`).
    let pages: String
    /// Each page's entry: where it starts after the path, and its length; a length of -1
    /// for a reference to the base (its offset, length and the page's inputs, 32 bytes at
    /// `start`).
    private let offsets: [String: (start: Int, length: Int)]

    /// The cache in `file` when it was written by a build in `environment` (the format,
    /// the binary, the options that change the model) whose pages had the digest `pages`
    /// (what `Writer.finish()` returned); nil for any, and nil when the file is not that.
    /// With a base, the base must be the file it was written against (its length and
    /// the digest its pages end with, as this file names them), or the cache is nil.
    public init?(file: URL, environment: String?, pages: String? = nil) {
        guard let data = try? Data(contentsOf: file, options: .alwaysMapped) else { return nil }
        var reader = Reader(data: data)
        guard let header = try? reader.header(magic: Self.magic, environment: environment) else { return nil }
        if header.base.isEmpty {
            base = nil
        } else {
            guard !header.base.contains("/"),
                let base = try? Data(
                    contentsOf: file.deletingLastPathComponent().appendingPathComponent(header.base), options: .alwaysMapped),
                base.count == header.baseLength, base.suffix(header.basePages.utf8.count).elementsEqual(header.basePages.utf8)
            else { return nil }
            var baseReader = Reader(data: base)
            guard let baseHeader = try? baseReader.header(magic: Self.magic, environment: header.environment),
                baseHeader.base.isEmpty
            else { return nil }
            self.base = base
        }
        guard let (offsets, digest) = try? reader.index(), pages == nil || digest == pages else { return nil }
        self.file = file
        self.data = data
        self.baseName = header.base
        self.basePages = header.basePages
        self.pages = digest
        self.offsets = offsets
    }

    public var count: Int { offsets.count }

    /// Whether the entry of `length` bytes at `start` in `data` holds the check of its
    /// bytes after the check.
    static func check(_ data: Data, at start: Int, length: Int) -> Bool {
        guard length >= 40, start >= 0, start <= data.count - length else { return false }
        return data.withUnsafeBytes { raw in
            var digest = Digest()
            digest.update(bytes: UnsafeRawBufferPointer(rebasing: raw[(start + 40)..<(start + length)]))
            var stored: UInt64 = 0
            withUnsafeMutableBytes(of: &stored) {
                $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[(start + 32)..<(start + 40)]))
            }
            return UInt64(littleEndian: stored) == digest.value
        }
    }

    /// Where the base of a cache written after the one at `file` is kept: beside it,
    /// `NAME-base`.
    public static func base(of file: URL) -> URL {
        file.deletingLastPathComponent().appendingPathComponent(file.lastPathComponent + "-base")
    }

    /// The entry of the page at `path` if the previous build made it with `key`; the
    /// rest of an entry with another key is not read.
    public func entry(_ path: String, key: PageKey, reading parts: Parts = .all) -> Entry? {
        entry(path, where: 0, is: key, reading: parts)
    }

    /// The entry of the page at `path`, whatever its key; nil when the build made no page
    /// there.
    public func entry(at path: String, reading parts: Parts = .all) -> Entry? {
        entry(path, where: nil, is: nil, reading: parts)
    }

    /// The entry of the page at `path` if the previous build recorded it with these
    /// `inputs` (see `Entry.inputs`); nil otherwise, and for zero inputs.
    public func entry(_ path: String, inputs: PageKey, reading parts: Parts = .all) -> Entry? {
        guard inputs != PageKey(high: 0, low: 0) else { return nil }
        return entry(path, where: 16, is: inputs, reading: parts)
    }

    /// The entry at `path` when the key `offset` bytes into it (0: the page's key, 16:
    /// its inputs) is `expected`; any entry there when `offset` is nil. Its `encoded`
    /// form is a slice of the mapped file, not a copy: written as it is to the next cache.
    private func entry(_ path: String, where offset: Int?, is expected: PageKey?, reading parts: Parts) -> Entry? {
        guard var (start, length) = offsets[path] else { return nil }
        var bytes = data
        var inputs: PageKey?
        var baseOffset: Int? = base == nil ? start : nil
        if length < 0 {
            // A reference: the entry is the base's, with these inputs.
            var reference = Reader(data: data)
            reference.offset = start
            guard let base, let at = try? reference.count(), let size = try? reference.count(),
                let written = try? reference.key(), at <= base.count, size <= base.count - at
            else { return nil }
            (bytes, start, length, inputs, baseOffset) = (base, at, size, written, at)
        }
        var reader = Reader(data: bytes)
        if let offset {
            if offset == 16, let inputs {
                guard inputs == expected else { return nil }
            } else {
                reader.offset = start + offset
                guard (try? reader.key()) == expected else { return nil }
            }
        }
        // Only an entry whose key matched, and only when more than its keys and template
        // is read: a rebuild that reads neither digests no entry it takes as it was, and
        // one whose pages all changed (a template edited) digests none.
        if !parts.isEmpty, !Self.check(bytes, at: start, length: length) { return nil }
        reader.offset = start
        guard var entry = try? reader.entry(parts) else { return nil }
        if let inputs { entry.inputs = inputs }
        entry.encoded = Encoded(bytes: bytes[start..<start + length], baseOffset: baseOffset)
        return entry
    }

    /// Appends entries to a new cache file as pages are written.
    public final class Writer {
        private let handle: FileHandle
        /// Each page's path and key, in order.
        private var digest = Digest()
        /// Whether the file refers to a base for the entries the base holds (see
        /// `PageCache`); false when it holds every entry.
        public let refersToBase: Bool

        /// A cache at `file` (beside `previous`'s, so that it can name its base) for a
        /// build in `environment`. With `previous`, the cache the build reuses pages
        /// from, the file refers to that cache's base (or to `previous`, made the base
        /// by a hard link) unless what it holds besides its base is a quarter of the base
        /// or more, or the link cannot be made.
        public init(file: URL, environment: String, previous: PageCache? = nil) throws {
            var base: (name: String, length: Int, pages: String)?
            if let previous {
                if previous.base == nil {
                    // The previous cache becomes the base: linked beside it under its
                    // base name, in one step, so no cache still refers to what it replaces.
                    let target = PageCache.base(of: previous.file)
                    let name = target.lastPathComponent
                    let linked = target.path + "-new"
                    unlink(linked)
                    if link(previous.file.path, linked) == 0 {
                        if rename(linked, target.path) == 0 { base = (name, previous.data.count, previous.pages) }
                        // rename(2) leaves both names when they are links of one file
                        // already (a base linked by a build that then failed).
                        unlink(linked)
                    }
                } else if let kept = previous.base, previous.data.count < kept.count / 4 {
                    base = (previous.baseName, kept.count, previous.basePages)
                }
            }
            refersToBase = base != nil
            _ = FileManager.default.createFile(atPath: file.path, contents: nil)
            handle = try FileHandle(forWritingTo: file)
            var bytes = Bytes()
            bytes.raw(PageCache.magic)
            bytes.string(environment)
            bytes.string(base?.name ?? "")
            bytes.count(base?.length ?? 0)
            bytes.string(base?.pages ?? "")
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
                    if refersToBase, let at = encoded.baseOffset {
                        // The base's entry, with this build's inputs.
                        bytes.word(UInt64.max)
                        bytes.count(at)
                        bytes.count(encoded.bytes.count)
                        bytes.word(inputs.high)
                        bytes.word(inputs.low)
                        continue
                    }
                    // The entry as it was, with this build's inputs (the key comes first),
                    // copied once: its bytes are a slice of the previous cache's mapping.
                    bytes.count(encoded.bytes.count)
                    encoded.bytes.prefix(16).withUnsafeBytes { bytes.data.append(contentsOf: $0) }
                    bytes.word(inputs.high)
                    bytes.word(inputs.low)
                    encoded.bytes.dropFirst(32).withUnsafeBytes { bytes.data.append(contentsOf: $0) }
                    continue
                }
                var record = Bytes()
                record.entry(
                    Entry(
                        key: key, inputs: inputs, template: file.template, links: links, searchDocument: file.searchDocument))
                bytes.count(record.data.count)
                bytes.data.append(contentsOf: record.data)
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
            bytes.data.append(contentsOf: trailer.data)
            try handle.write(contentsOf: bytes.data)
            try handle.close()
            return pages
        }
    }
}

/// Little-endian lengths and counts, UTF-8 strings after their length; bytes in an array,
/// which appends a word with less work than `Data`.
private struct Bytes {
    var data: [UInt8] = []

    mutating func raw(_ text: String) { data.append(contentsOf: text.utf8) }

    mutating func word(_ value: UInt64) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { data.append(contentsOf: $0) }
    }

    mutating func count(_ value: Int) { word(UInt64(value)) }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            count(utf8.count)
            data.append(contentsOf: UnsafeBufferPointer(start: utf8.baseAddress, count: utf8.count))
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
        let check = data.count
        word(0)
        defer { seal(at: check) }
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

    /// Puts the digest of the bytes after the word at `check` in it (see `PageCache`).
    mutating func seal(at check: Int) {
        var digest = Digest()
        data.withUnsafeBytes { digest.update(bytes: UnsafeRawBufferPointer(rebasing: $0[(check + 8)...])) }
        withUnsafeBytes(of: digest.value.littleEndian) { data.replaceSubrange(check..<check + 8, with: $0) }
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

    mutating func peekWord() throws -> UInt64 {
        let value = try word()
        offset -= 8
        return value
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

    /// Checks the magic line and the environment (any when nil), and reads what the
    /// header says of the base (an empty name without one).
    mutating func header(magic: String, environment: String?) throws -> (
        environment: String, base: String, baseLength: Int, basePages: String
    ) {
        let header = Array(magic.utf8)
        guard data.count >= header.count, data.prefix(header.count).elementsEqual(header) else { throw Malformed() }
        offset = header.count
        let written = try string()
        guard environment == nil || written == environment else { throw Malformed() }
        return (written, try string(), try count(), try string())
    }

    /// Finds every entry after the header, decoding only paths, and the digest of the
    /// pages the file ends with (an entry with an empty path).
    mutating func index() throws -> ([String: (start: Int, length: Int)], String) {
        var offsets: [String: (start: Int, length: Int)] = [:]
        while offset < data.count {
            let path = try string()
            if !path.isEmpty, try peekWord() == UInt64.max {
                // A reference to the base's entry.
                offset += 8
                guard offset + 32 <= data.count else { throw Malformed() }
                offsets[path] = (offset, -1)
                offset += 32
                continue
            }
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

    /// Moves past a string without making it.
    mutating func skipString() throws {
        let length = try count()
        guard length <= data.count - offset else { throw Malformed() }
        offset += length
    }

    mutating func skipStrings(each: Int = 1) throws {
        let number = try count()
        guard number <= data.count - offset else { throw Malformed() }
        for _ in 0..<number * each { try skipString() }
    }

    mutating func entry(_ parts: PageCache.Parts = .all) throws -> PageCache.Entry {
        let key = try key()
        let inputs = try self.key()
        _ = try word()  // the check, made by the caller
        let template = try string()
        var (ids, targets, unsafe): ([String], [PageLinks.Target], [String]) = ([], [], [])
        if parts.contains(.links) {
            ids = try strings()
            targets = try list { PageLinks.Target(key: try $0.string(), value: try $0.string()) }
            unsafe = try strings()
        } else if parts.contains(.search) {
            try skipStrings()
            try skipStrings(each: 2)
            try skipStrings()
        }
        var document: SearchIndex.Document?
        if parts.contains(.search), try count() == 1 {
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
