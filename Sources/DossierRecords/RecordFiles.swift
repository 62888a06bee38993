import DossierUtilities
import Foundation

/// Where the load stage reads a site's files from: a folder on disk, or a set of files
/// held in memory (the records at a git revision).
///
/// Paths are relative to the site folder and use `/`: `content/issues.csv`.
public protocol RecordFiles: Sendable {
    /// The size in bytes of the regular file at `path`; nil when there is none.
    func size(of path: String) -> Int?
    /// The bytes of the file at `path`; nil when it cannot be read.
    func contents(of path: String) -> Data?
    /// True when `path` is a folder.
    func isFolder(_ path: String) -> Bool
    /// Regular files under `folder`, as sorted paths relative to it; hidden files and
    /// folders are skipped (`FolderWalker`'s rule). Empty when the folder does not exist.
    func files(under folder: String, recursive: Bool) -> [String]
    /// The file's size, times and identity, for a load that keeps what it read (see
    /// `SiteLoader.Memo`); nil when it has none of its own to give.
    func stamp(of path: String) -> FolderWalker.Stamp?
    /// `files(under:recursive:)`, each with its `stamp(of:)` as the listing found it
    /// (nil where there is none): a folder on disk stats each file once, for both.
    func stampedFiles(under folder: String, recursive: Bool) -> [(path: String, stamp: FolderWalker.Stamp?)]
}

extension RecordFiles {
    /// None: each load reads the file.
    public func stamp(of path: String) -> FolderWalker.Stamp? { nil }

    public func stampedFiles(under folder: String, recursive: Bool) -> [(path: String, stamp: FolderWalker.Stamp?)] {
        files(under: folder, recursive: recursive).map { ($0, nil) }
    }
}

/// A site folder on disk.
public struct FolderFiles: RecordFiles {
    public let root: URL

    public init(root: URL) { self.root = root }

    private func url(_ path: String) -> URL { path.isEmpty ? root : root.appendingPathComponent(path) }

    /// One stat(2), links followed; nil for a folder, a FIFO or a socket too. (Foundation's
    /// `attributesOfItem` also looked up the owner's name: 2 % of a rebuild under `serve`.)
    public func size(of path: String) -> Int? { FolderWalker.regularFile(url(path).path, as: path)?.size }

    public func contents(of path: String) -> Data? { FileManager.default.contents(atPath: url(path).path) }

    public func stamp(of path: String) -> FolderWalker.Stamp? { FolderWalker.stamp(url(path).path) }

    public func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url(path).path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// No walk follows a link to the site folder or its content/ (see `FolderWalker`).
    private var avoiding: [URL] { [root, root.appendingPathComponent("content")] }

    public func files(under folder: String, recursive: Bool) -> [String] {
        FolderWalker.stamped(under: url(folder), recursive: recursive, avoiding: avoiding).map(\.path)
    }

    public func stampedFiles(under folder: String, recursive: Bool) -> [(path: String, stamp: FolderWalker.Stamp?)] {
        FolderWalker.stamped(under: url(folder), recursive: recursive, avoiding: avoiding).map { ($0.path, $0.stamp) }
    }
}

/// Files held in memory, by path relative to the site folder.
public struct MemoryFiles: RecordFiles {
    public let files: [String: Data]

    public init(_ files: [String: Data]) { self.files = files }

    public func size(of path: String) -> Int? { files[path]?.count }

    public func contents(of path: String) -> Data? { files[path] }

    public func isFolder(_ path: String) -> Bool {
        let prefix = path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func files(under folder: String, recursive: Bool) -> [String] {
        let prefix = folder + "/"
        return files.keys.compactMap { path -> String? in
            guard path.hasPrefix(prefix) else { return nil }
            let relative = String(path.dropFirst(prefix.count))
            let parts = relative.split(separator: "/")
            if parts.contains(where: FolderWalker.isHidden) { return nil }
            if !recursive, parts.count > 1 { return nil }
            return relative
        }.sorted()
    }
}

/// Files on disk with some replaced by new bytes: the site as it would be after a
/// change, checked before the change is written.
public struct OverlayFiles: RecordFiles {
    public let base: any RecordFiles
    public let replaced: [String: Data]

    public init(_ base: any RecordFiles, replacing replaced: [String: Data]) {
        self.base = base
        self.replaced = replaced
    }

    public func size(of path: String) -> Int? { replaced[path]?.count ?? base.size(of: path) }

    public func contents(of path: String) -> Data? { replaced[path] ?? base.contents(of: path) }

    public func isFolder(_ path: String) -> Bool {
        base.isFolder(path) || replaced.keys.contains { $0.hasPrefix(path + "/") }
    }

    public func files(under folder: String, recursive: Bool) -> [String] {
        let added = MemoryFiles(replaced).files(under: folder, recursive: recursive)
        return Array(Set(base.files(under: folder, recursive: recursive)).union(added)).sorted()
    }
}
