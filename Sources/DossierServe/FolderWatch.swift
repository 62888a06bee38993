import DossierSite
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// What changed under a site's records, as the kernel tells it (Linux inotify(7)), so
/// that `serve` hears of a save at once rather than walking content/ and templates/
/// every 20 ms.
///
/// Watched: every folder under content/ and templates/ (hidden ones, such as `.git/`,
/// left out, as the build leaves them out; folders made later are watched as they
/// appear), the site folder for content/ or templates/ appearing, and the folder of
/// git's HEAD log (`.git/logs/`) for a commit or checkout. inotify does not report
/// changes made on another machine (a network file system), so `serve` still looks at
/// the records once a second; and `changed` answers true after the kernel dropped
/// events (`IN_Q_OVERFLOW`). Where inotify cannot be had (another system, or no watch
/// left under `fs.inotify.max_user_watches`), `init` returns nil and `serve` looks at
/// the records as often as before.
///
/// Unchecked: its one mutable state is behind a Mutex, and the dispatch source (not
/// `Sendable`) is set up in `init` and only cancelled in `deinit`.
final class FolderWatch: @unchecked Sendable {
    #if os(Linux)
    private let descriptor: Int32
    /// What each watch is: its folder, and the names it reports (nil: every name, with
    /// folders made in it watched too).
    private struct Watch: Sendable {
        var path: String
        var names: Set<String>?
    }
    private struct Watches: ~Copyable {
        var byDescriptor: [Int32: Watch] = [:]
        var heard = false
        var failed = false
        /// A `next(within:)` waiting for something to be heard.
        var waiting: CheckedContinuation<Void, Never>?
    }
    private let watches = Mutex(Watches())
    private let source: any DispatchSourceRead
    private let queue = DispatchQueue(label: "dossier.watch")
    /// Whether changes to hidden files go unheard (under the records, which leave them out).
    private var ignoresHidden = false

    /// An inotify instance watching nothing yet; nil when the system has none.
    private init?() {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
        source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
        // Resumed at once: a suspended source must not be released (see deinit).
        source.setEventHandler { [weak self] in self?.read() }
        source.resume()
    }

    /// Watches `site`'s records; nil when the system cannot.
    convenience init?(site: URL, headLog: URL?) {
        self.init()
        ignoresHidden = true
        let root = site.standardizedFileURL.path
        var ok = add(root, names: ["content", "templates"])
        for name in ["content", "templates"] { ok = ok && addTree(root + "/" + name) }
        if let headLog { ok = ok && add(headLog.deletingLastPathComponent().path, names: [headLog.lastPathComponent]) }
        guard ok else { return nil }
    }

    /// Watches every file and folder under `folder` (hidden folders left out); nil when
    /// the system cannot.
    convenience init?(tree folder: URL) {
        self.init()
        guard addTree(folder.standardizedFileURL.path) else { return nil }
    }

    deinit {
        source.cancel()
        close(descriptor)
    }

    /// Reads every event the kernel holds so far (it queues one as the change is made,
    /// so none of the changes made before comes later); with `forgetting`, takes them as
    /// not heard: a caller's own writes.
    func drain(forgetting: Bool = false) {
        queue.sync { read() }
        if forgetting { watches.withLock { $0.heard = false } }
    }

    /// Whether anything under the records changed since the last call (also after the
    /// kernel dropped events).
    var changed: Bool {
        watches.withLock { watches in
            defer { watches.heard = false }
            return watches.heard
        }
    }

    /// Waits until something is heard (true, cleared as by `changed`) or `timeout` has
    /// passed (false; also, now and then, earlier), without waking in between.
    func next(within timeout: Duration) async -> Bool {
        await withCheckedContinuation { continuation in
            let now = watches.withLock { watches -> Bool in
                if watches.heard { return true }
                watches.waiting = continuation
                return false
            }
            if now {
                continuation.resume()
            } else {
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                queue.asyncAfter(deadline: .now() + seconds) { [weak self] in self?.wake() }
            }
        }
        return changed
    }

    /// Resumes the `next(within:)` waiting, if one is.
    private func wake() {
        let waiting = watches.withLock { watches in
            defer { watches.waiting = nil }
            return watches.waiting
        }
        waiting?.resume()
    }

    /// False once a folder made under the records could not be watched (no watch left):
    /// from then on, only a look at the records finds its changes.
    var watching: Bool { watches.withLock { !$0.failed } }

    /// Watches `path`; false when the kernel refuses (no watch left), true when there is
    /// no such folder (yet).
    private func add(_ path: String, names: Set<String>?) -> Bool {
        let mask = UInt32(
            IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF)
        let watch = inotify_add_watch(descriptor, path, mask | UInt32(IN_ONLYDIR))
        if watch < 0 { return errno == ENOENT || errno == ENOTDIR || errno == EACCES }
        watches.withLock { $0.byDescriptor[watch] = Watch(path: path, names: names) }
        return true
    }

    /// Watches the folder at `path` and every folder under it but hidden ones.
    private func addTree(_ path: String) -> Bool {
        guard add(path, names: nil) else { return false }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let child = path + "/" + name
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                guard addTree(child) else { return false }
            }
        }
        return true
    }

    /// Reads the events waiting: notes that something changed, and watches new folders.
    private func read() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var newFolders: [String] = []
        var heard = false
        var overflowed = false
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event: int wd, uint32 mask, cookie and len, then len bytes of
            // name, NUL-padded.
            let header = 16
            while offset + header <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes {
                    (
                        $0.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                        $0.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + header)..<min(count, offset + header + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += header + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    overflowed = true
                    continue
                }
                guard let watch = watches.withLock({ $0.byDescriptor[wd] }) else { continue }
                if let names = watch.names {
                    guard names.contains(name) else { continue }
                    heard = true
                    if mask & UInt32(IN_ISDIR) != 0, name == "content" || name == "templates" {
                        newFolders.append(watch.path + "/" + name)
                    }
                    continue
                }
                // A hidden file under the records (an editor's `.a.md.swp`) is not part of
                // the site: written to, it is no save.
                if !(ignoresHidden && name.hasPrefix(".")) { heard = true }
                let madeFolder = mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                if madeFolder, !name.hasPrefix(".") { newFolders.append(watch.path + "/" + name) }
            }
        }
        var failed = false
        for folder in newFolders where !addTree(folder) { failed = true }
        watches.withLock {
            $0.heard = $0.heard || heard || overflowed
            $0.failed = $0.failed || failed
        }
        if heard || overflowed || failed { wake() }
    }
    #else
    init?(site: URL, headLog: URL?) { nil }
    init?(tree folder: URL) { nil }
    func drain(forgetting: Bool = false) {}
    var changed: Bool { true }
    func next(within timeout: Duration) async -> Bool { true }
    var watching: Bool { false }
    #endif
}

/// `serve`'s `Dossier.OutputWatch`: inotify over the output folder, set up once a build
/// has written it and kept while the folder is the same one (a `dossier build` into it
/// replaces it whole). A rebuild then takes the listing the last one left instead of
/// walking the folder (63,000 files at the L benchmark site). A change made by hand in
/// the output is heard, and the next rebuild walks the folder as `build` does; one made
/// while a build moves its files in (between its first move and `settle`, tens of
/// milliseconds) can go unheard until that file changes again.
final class OutputFolderWatch: Dossier.OutputWatch {
    private struct Watched {
        var path: String
        var node: UInt64
        var watch: FolderWatch
    }
    private let watched = Mutex<Watched?>(nil)

    /// The folder's inode, to tell a folder put in its place; nil when there is none.
    private static func node(_ folder: URL) -> UInt64? {
        var info = stat()
        guard stat(folder.path, &info) == 0 else { return nil }
        return UInt64(info.st_ino)
    }

    func untouched(_ folder: URL) -> Bool {
        let node = Self.node(folder)
        return watched.withLock { watched in
            guard let watched, watched.path == folder.path, watched.node == node else { return false }
            watched.watch.drain()
            return watched.watch.watching && !watched.watch.changed
        }
    }

    func settle(_ folder: URL) {
        let node = Self.node(folder)
        watched.withLock { watched in
            if let current = watched, current.path == folder.path, current.node == node {
                current.watch.drain(forgetting: true)
                return
            }
            watched = nil
            guard let node, let watch = FolderWatch(tree: folder) else { return }
            watched = Watched(path: folder.path, node: node, watch: watch)
        }
    }
}
