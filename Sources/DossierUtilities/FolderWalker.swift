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
/// FIFOs are left out.
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
    public static func files(under folder: URL, recursive: Bool = true) -> [Entry] {
        var entries: [Entry] = []
        walk(folder.path, prefix: "", recursive: recursive, into: &entries)
        return entries.sorted { $0.path < $1.path }
    }

    private static func walk(_ folder: String, prefix: String, recursive: Bool, into entries: inout [Entry]) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where !isHidden(name) {
            let path = folder + "/" + name
            guard let kind = status(path) else { continue }
            if kind.isFolder {
                if recursive { walk(path, prefix: prefix + name + "/", recursive: true, into: &entries) }
            } else if kind.isRegular {
                entries.append(Entry(path: prefix + name, size: kind.size, modified: kind.modified))
            }
        }
    }

    /// The regular file at `path` (links followed) as an entry named `name`; nil for
    /// folders, other kinds of file and missing files.
    public static func regularFile(_ path: String, as name: String) -> Entry? {
        guard let kind = status(path), kind.isRegular else { return nil }
        return Entry(path: name, size: kind.size, modified: kind.modified)
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
    }

    /// The `Stamp` of the regular file at `path`; nil when there is none.
    public static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Stamp(
            size: Int(info.st_size),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
            inode: UInt64(info.st_ino), device: UInt64(info.st_dev))
    }

    private static func status(_ path: String) -> (isFolder: Bool, isRegular: Bool, size: Int, modified: Int64)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return (
            type == S_IFDIR, type == S_IFREG, Int(info.st_size),
            Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        )
    }
}
