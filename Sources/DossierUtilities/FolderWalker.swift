import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Dossier's one folder walker: the regular files under a folder on disk, by path.
///
/// One hidden-file rule for everything that walks a folder (loading the records, the
/// build manifest's digest of content/ and templates/, the check that the output is as
/// a build left it): a file or folder whose name starts with `.` is skipped, with
/// everything under it, so an editor's `.a.md.swp`, `.DS_Store` or a `.git/` folder is
/// never read and never makes a rebuild. Links are followed: a link to a folder is
/// walked as that folder, a link to a file is that file; broken links, sockets and
/// FIFOs are left out, and so is a link to a folder the walk is in or one above it.
public enum FolderWalker {
    /// A regular file: its path relative to the folder walked (with `/`), its size in
    /// bytes and its modification time.
    public struct Entry: Codable, Equatable, Sendable {
        public var path: String
        public var size: Int
        /// Nanoseconds since 1970.
        public var modified: Int64

        public init(path: String, size: Int, modified: Int64) {
            self.path = path
            self.size = size
            self.modified = modified
        }
    }

    /// True for a name the walk skips: one that starts with `.`.
    public static func isHidden(_ name: some StringProtocol) -> Bool { name.hasPrefix(".") }

    /// The regular files under `folder`, sorted by path; with `recursive` false, only
    /// those directly in it. Empty when the folder does not exist.
    public static func files(under folder: URL, recursive: Bool = true, avoiding: [URL] = []) -> [Entry] {
        stamped(under: folder, recursive: recursive, avoiding: avoiding).map {
            Entry(path: $0.path, size: $0.stamp.size, modified: $0.stamp.modified)
        }
    }

    /// `files(under:recursive:)` with each file's whole `Stamp`, as the walk's stat(2)
    /// found it: a reader that keeps what it read by stamp (`SiteLoader.Memo`) needs no
    /// second stat of each file.
    ///
    /// No link to a folder above the walk's is followed, counting from the folder as
    /// named (a `content/handbook` that is itself a link to `..` or `/` walks nothing),
    /// nor one to a folder of `avoiding` (a site's walks avoid the site and its content/,
    /// so `templates/assets/recs -> ../../content` publishes no record).
    public static func stamped(under folder: URL, recursive: Bool = true, avoiding: [URL] = []) -> [(
        path: String, stamp: Stamp
    )] {
        var entries: [(path: String, stamp: Stamp)] = []
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        var above = ancestors(of: descriptor)
        var outside: Set<[UInt64]> = []
        let parent = open(folder.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if parent >= 0 {
            outside = ancestors(of: parent)
            close(parent)
        }
        // An avoided folder walked by its own name is walked (content/ itself).
        for avoided in avoiding where avoided.standardizedFileURL.path != folder.standardizedFileURL.path {
            var info = stat()
            if stat(avoided.path, &info) == 0 { outside.insert([UInt64(info.st_dev), UInt64(info.st_ino)]) }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, !outside.contains([UInt64(info.st_dev), UInt64(info.st_ino)]) else {
            close(descriptor)
            return []
        }
        above.formUnion(outside)
        walk(descriptor, prefix: "", recursive: recursive, above: &above, into: &entries)
        return entries.sorted { $0.path < $1.path }
    }

    /// The device and inode of the open folder `descriptor` and of every folder above
    /// it up to `/`: a link to one of them from below would be walked without end (a
    /// handbook folder linked to `content/` publishes the whole site's records over and
    /// over).
    private static func ancestors(of descriptor: Int32) -> Set<[UInt64]> {
        var found: Set<[UInt64]> = []
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return found }
        found.insert([UInt64(info.st_dev), UInt64(info.st_ino)])
        var current = openat(descriptor, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        while current >= 0 {
            // `/` is its own parent: the walk up ends there.
            let isNew = fstat(current, &info) == 0 && found.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted
            let parent = isNew ? openat(current, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1
            close(current)
            current = parent
        }
        return found
    }

    /// Walks the open folder `descriptor` (and closes it). Each name is looked up from its
    /// folder's descriptor (fstatat(2), links followed) rather than by its whole path from
    /// the root: the walk of an output of 63,000 files spent most of its time resolving
    /// the same folders again for each file. `above` holds the device and inode of each
    /// folder the walk is in: a link to one of them (a folder linked into itself) is not
    /// followed, as the walk would never end.
    private static func walk(
        _ descriptor: Int32, prefix: String, recursive: Bool, above: inout Set<[UInt64]>,
        into entries: inout [(path: String, stamp: Stamp)]
    ) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !isHidden(name) else { continue }
            var info = stat()
            guard fstatat(descriptor, name, &info, 0) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                let folder = [UInt64(info.st_dev), UInt64(info.st_ino)]
                guard recursive, !above.contains(folder) else { continue }
                let inner = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard inner >= 0 else { continue }
                above.insert(folder)
                walk(inner, prefix: prefix + name + "/", recursive: true, above: &above, into: &entries)
                above.remove(folder)
            case S_IFREG:
                entries.append((prefix + name, Stamp(info)))
            default:
                continue
            }
        }
    }

    /// The regular file at `path` (links followed) as an entry named `name`; nil for
    /// folders, other kinds of file and missing files.
    public static func regularFile(_ path: String, as name: String) -> Entry? {
        stamp(path).map { Entry(path: name, size: $0.size, modified: $0.modified) }
    }

    /// What stat(2) says of a regular file (links followed), to tell that it has not
    /// changed since it was read: as git's index does, by size, modification and status
    /// change times (nanoseconds since 1970), inode and device. A file written anew, or
    /// renamed over another with its old modification time restored, has another status
    /// change time or inode. Nil for anything but a regular file.
    public struct Stamp: Equatable, Sendable {
        public var size: Int
        public var modified: Int64
        public var changed: Int64
        public var inode: UInt64
        public var device: UInt64

        /// Whether the file's last change is at least `unsettled` nanoseconds before
        /// `now` (nanoseconds since 1970, taken before the stamp): only then can a later
        /// change be told from it, since a change of the same size in the same tick of the
        /// file system's clock leaves the stamp as it was (git's "racy git" rule; 2
        /// seconds covers file systems of whole seconds).
        public func isSettled(at now: Int64, for unsettled: Int64) -> Bool {
            now - max(modified, changed) >= unsettled
        }

        init(_ info: stat) {
            size = Int(info.st_size)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
            inode = UInt64(info.st_ino)
            device = UInt64(info.st_dev)
        }
    }

    /// The `Stamp` of the regular file at `path`; nil when there is none.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Stamp(info)
    }
}
