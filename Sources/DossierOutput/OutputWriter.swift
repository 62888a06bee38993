import DossierDiagnostics
import DossierUtilities
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The write stage: puts a complete new site in place of the old one, or nothing.
///
/// The new site is written into a hidden folder beside the output folder and swapped in
/// with one atomic rename exchange, so a failed or killed build leaves the previous
/// output exactly as it was. A marker file tells later builds the folder is Dossier's.
public struct OutputWriter: Sendable {
    public static let marker = ".dossier-output"

    /// Why the output folder is not one a build may replace (SPEC §3.2); each names the folder.
    public enum Refusal: UsageError, Equatable {
        case isSiteFolder(String)
        case holdsRecords(String)
        case notOurs(String)
        case notAFolder(String)

        public var message: Message {
            switch self {
            case .isSiteFolder(let path): return Message("usage.output-is-site", ["path": .value(path)])
            case .holdsRecords(let path): return Message("usage.output-holds-records", ["path": .value(path)])
            case .notOurs(let path):
                return Message("usage.output-not-ours", ["path": .value(path), "marker": .value(OutputWriter.marker)])
            case .notAFolder(let path): return Message("usage.output-not-a-folder", ["path": .value(path)])
            }
        }
    }

    public let output: URL
    public let site: URL

    public init(output: URL, site: URL) {
        self.output = output.standardizedFileURL
        self.site = site.standardizedFileURL
    }

    /// The page cache of the site in `output` (see PageCache): a hidden file beside it.
    public static func pageCache(of output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).dossier-pages")
    }

    public var pageCache: URL { Self.pageCache(of: output) }

    /// Checks the refusals of SPEC §3.2 before anything is written.
    public func check() throws {
        let fm = FileManager.default
        let path = output.path
        if output.resolvingSymlinksInPath().path == site.resolvingSymlinksInPath().path { throw Refusal.isSiteFolder(path) }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw Refusal.notAFolder(path) }
        for name in ["content", "templates"] where fm.fileExists(atPath: output.appendingPathComponent(name).path) {
            throw Refusal.holdsRecords(path)
        }
        let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) { throw Refusal.notOurs(path) }
    }

    /// Waits until no other build writes this output folder, then holds it until the
    /// returned lock is released: two builds at once (a CI job and `serve`, two
    /// terminals) would otherwise swap each other's staging folders away. The lock is a
    /// hidden file beside the output (`.NAME.dossier-lock`), held with flock(2), so a
    /// killed build never leaves it held.
    public func lock() throws -> BuildLock {
        let parent = output.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return BuildLock(parent.appendingPathComponent(".\(output.lastPathComponent).dossier-lock"))
    }

    /// Starts a new site in a hidden folder beside the output folder; nothing is
    /// replaced until `commit()`.
    ///
    /// With `over`, the listing of the live output (every file, as
    /// `BuildManifest.listing(of:)` walked it and found it as its build left it), the new
    /// site is written over the live one instead: the staging folder holds only the
    /// files written anew, and `commit()` moves them into the live folder and removes the
    /// files the new site no longer has. A rebuild under `serve` that changes a few pages
    /// then neither links every unchanged file into a new folder nor removes the old one.
    ///
    /// `known`, when not over the live site: the live output's listing as found as its
    /// build left it. An `.unchanged` file is linked from there, so its size is known, and
    /// `commit()` records the new site's listing from what was written rather than by
    /// walking the new folder (a stat of each of its files: 3,254 at S, 63,046 at L).
    public func stage(over listing: [FolderWalker.Entry]? = nil, known: [FolderWalker.Entry]? = nil) throws
        -> StagedSite
    {
        try check()
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-new")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-old")
        // Left over from a build that was killed (or one of another user): never the live
        // site. One that cannot be removed is said, with its path, rather than failing the
        // swap later with a name the reader never made.
        for leftover in [staging, retired] where fm.fileExists(atPath: leftover.path) {
            try fm.removeItem(at: leftover)
        }
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        let pageCache = parent.appendingPathComponent(".\(output.lastPathComponent).dossier-pages-new")
        try? fm.removeItem(at: pageCache)
        // A base being linked when a build was killed (see PageCache.Writer).
        unlink(PageCache.base(of: self.pageCache).path + "-new")
        let site = StagedSite(output: output, staging: staging, retired: retired, pageCache: pageCache)
        site.live = listing.map { Dictionary($0.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a }) }
        site.liveListing = listing ?? []
        site.newSite.reserveCapacity(listing?.count ?? 0)
        if listing == nil {
            site.knownSizes = known.map { Dictionary($0.map { ($0.path, $0.size) }, uniquingKeysWith: { a, _ in a }) } ?? [:]
            site.written = [:]
            site.written?.reserveCapacity(known?.count ?? 0)
        }
        return site
    }

    /// Swaps two paths in one step (Linux renameat2 RENAME_EXCHANGE); false where the
    /// system cannot.
    static func exchange(_ a: URL, _ b: URL) -> Bool {
        #if os(Linux)
        // Swift's Glibc module does not declare renameat2 (glibc 2.28+): look it up.
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2
        let result = a.path.withCString { pa in
            b.path.withCString { pb in renameat2(AT_FDCWD, pa, AT_FDCWD, pb, renameExchange) }
        }
        return result == 0
        #else
        return false
        #endif
    }
}

/// An output folder held by one build (see `OutputWriter.lock()`); released when it
/// goes away.
public final class BuildLock {
    private let descriptor: Int32

    init(_ file: URL) {
        descriptor = open(file.path, O_CREAT | O_RDWR, 0o644)
        if descriptor >= 0 { _ = flock(descriptor, LOCK_EX) }
    }

    deinit {
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}

/// A new site being written beside the live one.
public final class StagedSite {
    let output: URL
    let staging: URL
    let retired: URL
    /// The new site's page cache, put in place of the old one's once the site is.
    package let pageCache: URL
    /// Whether the new page cache refers to a base (see `PageCache`); without one, the
    /// old base is removed once the new cache is in place.
    package var pageCacheRefersToBase = false
    private var folders: Set<String> = [""]
    /// Written over the live site (see `OutputWriter.stage(over:)`): each live file's size,
    /// by path; nil when the new site replaces the live one whole.
    fileprivate(set) var live: [String: Int]?
    /// The live site's files as `stage(over:)` was given them, sorted by path.
    fileprivate var liveListing: [FolderWalker.Entry] = []
    /// Over the live site: every file of the new site, by path, with its size where it
    /// was written anew (nil: the live file as it is).
    fileprivate var newSite: [String: Int?] = [:]
    /// Replacing the live site whole: the sizes of its files (see `stage(known:)`), and
    /// every file written so far with its size; nil once one's size is not known, and
    /// then `commit()` walks the new folder.
    fileprivate var knownSizes: [String: Int] = [:]
    fileprivate var written: [String: Int]?
    /// Once committed with a manifest: every file of the site now live (path and size,
    /// sorted by path, the marker left out), as the marker's digest was taken from.
    package private(set) var listing: [FolderWalker.Entry]?

    init(output: URL, staging: URL, retired: URL, pageCache: URL) {
        self.output = output
        self.staging = staging
        self.retired = retired
        self.pageCache = pageCache
    }

    /// Writes files into the new site: their folders first, then the files on all cores.
    /// Over the live site, an `.unchanged` file is left where it is, and so is a text
    /// whose live file holds the same bytes (most of the search index after an edit).
    public func write(_ files: [OutputFile]) throws {
        let fm = FileManager.default
        var files = files
        if let live {
            let outputPath = output.path + "/"
            let sizes = files.parallelMap { file -> Int? in
                switch file.contents {
                case .text(let text):
                    let size = text.utf8.count
                    guard live[file.path] == size, Self.file(outputPath + file.path, holds: text) else { return size }
                    return nil
                case .copy(let source): return FolderWalker.regularFile(source.path, as: file.path)?.size ?? 0
                case .unchanged: return nil
                }
            }
            for (file, size) in zip(files, sizes) { newSite[file.path] = .some(size) }
            files = zip(files, sizes).compactMap { $1 == nil ? nil : $0 }
        } else if written != nil {
            for file in files {
                let size: Int?
                switch file.contents {
                case .text(let text): size = text.utf8.count
                case .copy(let source): size = FolderWalker.regularFile(source.path, as: file.path)?.size
                case .unchanged: size = knownSizes[file.path]
                }
                // A name the walk would skip is not in its listing.
                guard !file.path.split(separator: "/").contains(where: FolderWalker.isHidden) else { continue }
                if let size { written?[file.path] = size } else { written = nil }
            }
        }
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folders.contains(folder) {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                folders.insert(folder)
            }
        }
        let staging = staging
        let output = output
        // Paths as text for the links: most files of a rebuild are links, and a URL made
        // for each costs more than the link itself.
        let stagingPath = staging.path + "/"
        let outputPath = output.path + "/"
        let failures = files.parallelMap { file -> (any Error)? in
            do {
                switch file.contents {
                case .text(let text): try Data(text.utf8).write(to: staging.appendingPathComponent(file.path))
                case .copy(let source):
                    // The file a link names, not the link: a relative link copied as it is
                    // would point nowhere from the output (`x.pdf -> ../../shared/x.pdf`).
                    try FileManager.default.copyItem(
                        at: source.resolvingSymlinksInPath(), to: staging.appendingPathComponent(file.path))
                case .unchanged:
                    // The live file, linked rather than copied: it stays as it is until
                    // the swap, and after it lives on in the new site only.
                    if link(outputPath + file.path, stagingPath + file.path) != 0 {
                        try FileManager.default.copyItem(
                            at: output.appendingPathComponent(file.path), to: staging.appendingPathComponent(file.path))
                    }
                }
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Whether the file at `path` holds exactly `text`'s UTF-8, read 16 KB at a time into
    /// one buffer, so no file is held whole (the search index's files are 62 MB at L).
    static func file(_ path: String, holds text: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var text = text
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(byteCount: 16384, alignment: 16) { buffer in
                var offset = 0
                while true {
                    let count = read(descriptor, buffer.baseAddress, buffer.count)
                    if count == 0 { return offset == utf8.count }
                    guard count > 0, offset + count <= utf8.count,
                        memcmp(buffer.baseAddress!, utf8.baseAddress! + offset, count) == 0
                    else { return false }
                    offset += count
                }
            }
        }
    }

    /// Removes the new site: the build failed, the live one stays.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: pageCache)
    }

    /// Swaps the new site in for the live one in one step. With a `manifest`, the marker
    /// records it with the files as written, so an unchanged rebuild can be skipped.
    package func commit(manifest: BuildManifest? = nil) throws {
        if let live {
            try commitOver(live, manifest: manifest)
            return
        }
        let fm = FileManager.default
        var marker = BuildManifest.header
        if var manifest {
            let files =
                written.map { written in
                    written.map { FolderWalker.Entry(path: $0.key, size: $0.value, modified: 0) }.sorted { $0.path < $1.path }
                } ?? BuildManifest.files(under: staging, prefix: "")
            manifest.outputs = BuildManifest.digest(files)
            listing = files
            marker = manifest.markerText()
        }
        try Data(marker.utf8).write(to: staging.appendingPathComponent(OutputWriter.marker))
        if fm.fileExists(atPath: output.path) {
            if !OutputWriter.exchange(staging, output) {
                try fm.moveItem(at: output, to: retired)
                try fm.moveItem(at: staging, to: output)
            } else {
                try fm.moveItem(at: staging, to: retired)
            }
            try? fm.removeItem(at: retired)
        } else {
            try fm.moveItem(at: staging, to: output)
        }
        replacePageCache()
    }

    /// Replaces the old cache in one step; should it fail, the next build renders every
    /// page, as the old cache names another build.
    private func replacePageCache() {
        let live = OutputWriter.pageCache(of: output)
        guard FileManager.default.fileExists(atPath: pageCache.path) else { return }
        if rename(pageCache.path, live.path) != 0 {
            try? FileManager.default.removeItem(at: pageCache)
        } else if !pageCacheRefersToBase {
            unlink(PageCache.base(of: live).path)
        }
    }

    /// Moves the files written anew into the live site and removes those the new site
    /// does not have. While it does, the marker names no build, so a build that is
    /// killed half-way leaves an output the next build does not trust (it renders every
    /// page); the marker's listing is the live one's with this build's changes, the
    /// digest a walk of the folder would give.
    private func commitOver(_ live: [String: Int], manifest: BuildManifest?) throws {
        let fm = FileManager.default
        let markerFile = output.appendingPathComponent(OutputWriter.marker)
        try Data(BuildManifest.header.utf8).write(to: markerFile)
        let stagingPath = staging.path + "/"
        let outputPath = output.path + "/"
        // One look-up a live file (63,000 at L): those that stay, in the live listing's
        // order, and those the new site no longer has.
        var staying: [FolderWalker.Entry] = []
        staying.reserveCapacity(newSite.count)
        var gone: [String] = []
        for entry in liveListing {
            if let kept = newSite[entry.path] {
                staying.append(FolderWalker.Entry(path: entry.path, size: kept ?? entry.size, modified: 0))
            } else {
                gone.append(entry.path)
            }
        }
        // The files the new site no longer has go first, so that a page replaced by a
        // folder of the same name (handbook/y.html → handbook/y.html/inner.html), or
        // the other way round, finds its place free.
        for path in gone {
            try? fm.removeItem(atPath: outputPath + path)
            // Its folders, once empty, go too, as they would from a new site.
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty, rmdir(outputPath + folder) == 0 {
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        var created: Set<String> = [""]
        for (path, size) in newSite where size != nil {
            let folder = (path as NSString).deletingLastPathComponent
            if !created.contains(folder) {
                try fm.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
                created.insert(folder)
            }
            if rename(stagingPath + path, outputPath + path) != 0 {
                // Something else in the way (not a file of the last build): the new site's file wins.
                try? fm.removeItem(atPath: outputPath + path)
                try fm.moveItem(atPath: stagingPath + path, toPath: outputPath + path)
            }
        }
        try? fm.removeItem(at: staging)
        var marker = BuildManifest.header
        if var manifest {
            // The live listing is sorted: its files that stay, then the new ones merged
            // in, rather than every path sorted again. When every file of the new site
            // stays, none is new, and the new site's paths are not looked up again.
            let added = staying.count == newSite.count ? [] : newSite.keys.filter { live[$0] == nil }.sorted()
            var files: [FolderWalker.Entry] = []
            files.reserveCapacity(staying.count + added.count)
            var next = 0
            for entry in staying {
                while next < added.count, added[next] < entry.path {
                    files.append(FolderWalker.Entry(path: added[next], size: newSite[added[next]]!!, modified: 0))
                    next += 1
                }
                files.append(entry)
            }
            for path in added[next...] { files.append(FolderWalker.Entry(path: path, size: newSite[path]!!, modified: 0)) }
            manifest.outputs = BuildManifest.digest(files)
            self.listing = files
            marker = manifest.markerText()
        }
        try Data(marker.utf8).write(to: markerFile)
        replacePageCache()
    }
}
