import DossierDiagnostics
import DossierModel
import DossierRecords
import Foundation

/// The git repository that holds a site, read with the `git` command: the load stage of
/// `dossier diff`, for records at a revision instead of on disk.
public struct GitRepository: Sendable {
    /// The repository's work tree.
    public let top: URL
    /// The site folder's path inside the repository, with a trailing `/`; empty when the
    /// site is the repository itself.
    public let sitePrefix: String

    /// Why git could not give what was asked (exit status 2).
    public enum Failure: UsageError {
        case notARepository(String, String)
        /// No `git` on PATH (`env` exits 127).
        case notInstalled
        case unknownRevision(String)
        case failed(String, String)

        /// git's own words (`message`) are shown as git printed them.
        public var message: Message {
            switch self {
            case .notARepository(let path, let message):
                return Message(
                    message.isEmpty ? "usage.git-not-a-repository" : "usage.git-not-a-repository-because",
                    ["path": .value(path), "git": .value(message)])
            case .notInstalled: return Message("usage.git-not-installed")
            case .unknownRevision(let revision): return Message("usage.git-unknown-revision", ["revision": .value(revision)])
            case .failed(let command, let message):
                return Message("usage.git-failed", ["command": .value(command), "git": .value(message)])
            }
        }
    }

    /// The language git is asked to word its errors in (git's own translations, through
    /// `LANGUAGE`); its output, which is read, is the same in every language.
    public let language: Language

    /// The repository holding the site folder `site`; git's errors in `language`.
    public init(site: URL, language: Language = .en) throws {
        self.language = language
        let output: String
        do {
            output = String(
                decoding: try Self.git(
                    ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--absolute-git-dir"],
                    in: site, language: language),
                as: UTF8.self)
        } catch Failure.failed(_, let message) {
            throw Failure.notARepository(site.path, message)
        }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2 else { throw Failure.notARepository(site.path, "") }
        top = URL(fileURLWithPath: lines[0])
        sitePrefix = lines[1]
        isShallow = lines.count > 2 && lines[2] == "true"
        gitFolder = lines.count > 3 && !lines[3].isEmpty ? URL(fileURLWithPath: lines[3]) : nil
    }

    /// True in a shallow clone, whose older commits are missing.
    public let isShallow: Bool
    /// The repository's git folder (`.git`, or a worktree's own), for what Dossier keeps
    /// beside git's own files; nil when git did not say.
    public let gitFolder: URL?

    /// The commit a revision names (`main`, `HEAD~2`, a hash).
    public func commit(_ revision: String) throws -> String {
        guard !revision.hasPrefix("-"),
            let data = try? Self.git(
                ["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"], in: top, language: language)
        else { throw Failure.unknownRevision(revision) }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The best common ancestor of two commits, for `A...B`.
    public func mergeBase(_ a: String, _ b: String) throws -> String {
        String(decoding: try Self.git(["merge-base", a, b], in: top, language: language), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }

    /// The files under the site's `content/` at `commit`, and its own words
    /// (`templates/strings/`, which word values in the diff as on its pages), by path
    /// relative to the site folder. Symbolic links and submodules are left out, as on disk
    /// they would be read through; an empty set when the site did not exist then.
    public func files(at commit: String) throws -> MemoryFiles {
        let listing = try Self.git(
            ["ls-tree", "-r", "-z", "--full-tree", commit, "--", sitePrefix + "content", sitePrefix + "templates/strings"],
            in: top, language: language)
        var paths: [(path: String, object: String)] = []
        for entry in listing.split(separator: 0) {
            // <mode> SP <type> SP <object> TAB <path>
            let text = String(decoding: entry, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { continue }
            let fields = text[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob", fields[0] != "120000" else { continue }
            let path = String(text[text.index(after: tab)...])
            guard path.hasPrefix(sitePrefix) else { continue }
            paths.append((String(path.dropFirst(sitePrefix.count)), String(fields[2])))
        }
        let contents = try Self.objects(paths.map(\.object), in: top, language: language)
        var files: [String: Data] = [:]
        for (entry, data) in zip(paths, contents) { files[entry.path] = data }
        return MemoryFiles(files)
    }

    /// Files under the site's `content/` that git finds renamed between two commits
    /// (`to` nil: the work tree), old path → new path, both relative to the site folder.
    public func renames(from: String, to: String?) throws -> [String: String] {
        var arguments = ["diff", "--name-status", "-z", "--find-renames", "--no-ext-diff", "--no-color", from]
        if let to { arguments.append(to) }
        arguments += ["--", sitePrefix + "content"]
        let fields = try Self.git(arguments, in: top, language: language).split(separator: 0, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        var renames: [String: String] = [:]
        var index = 0
        while index < fields.count {
            let status = fields[index]
            if status.hasPrefix("R") || status.hasPrefix("C"), index + 2 < fields.count {
                let old = fields[index + 1]
                let new = fields[index + 2]
                if status.hasPrefix("R"), old.hasPrefix(sitePrefix), new.hasPrefix(sitePrefix) {
                    renames[String(old.dropFirst(sitePrefix.count))] = String(new.dropFirst(sitePrefix.count))
                }
                index += 3
            } else {
                index += status.isEmpty ? 1 : 2
            }
        }
        return renames
    }

    /// The bytes of each object (blob ids), through one `git cat-file --batch`.
    public func blobs(_ ids: [String]) throws -> [Data] { try Self.objects(ids, in: top, language: language) }

    /// The commit `HEAD` names; nil before the first commit.
    public var head: String? { try? commit("HEAD") }

    /// The commits along `HEAD`'s first-parent line that changed the site's file `path`
    /// (relative to the site folder), oldest first, each with the file's blob id after
    /// it (nil when the commit deleted it), following renames as `git log --follow`.
    /// A merge counts by its change against its first parent.
    public func fileLog(_ path: String) throws -> [(commit: ProjectHistory.Commit, blob: String?)] {
        guard head != nil else { return [] }
        let output = try Self.git(
            [
                "log", "--first-parent", "--diff-merges=first-parent", "--follow", "--raw", "--no-abbrev", "--no-color",
                "--format=%x01%H%x1f%ct%x1f%an", "HEAD", "--", sitePrefix + path,
            ], in: top, language: language)
        var entries: [(commit: ProjectHistory.Commit, blob: String?)] = []
        for record in output.split(separator: 1) {
            let text = String(decoding: record, as: UTF8.self)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1f}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let seconds = TimeInterval(fields[1]) else { continue }
            let commit = ProjectHistory.Commit(
                id: String(fields[0]), time: Date(timeIntervalSince1970: seconds), author: String(fields[2]))
            // :<old mode> <new mode> <old blob> <new blob> <status>\t<path>[\t<path>]
            guard let raw = lines.dropFirst().first(where: { $0.hasPrefix(":") }) else { continue }
            let parts = raw.split(separator: "\t")[0].split(separator: " ")
            guard parts.count >= 5 else { continue }
            let blob = String(parts[3])
            entries.append((commit, blob.allSatisfy { $0 == "0" } ? nil : blob))
        }
        return entries.reversed()
    }

    /// The changes along `HEAD`'s first-parent line to the files under the site's folder
    /// `folder` (relative to the site folder), oldest first: each commit with every file
    /// it changed there (relative to the site folder) and the file's blob id after it
    /// (nil when deleted). One `git log`, renames seen as a removal and an addition.
    public func folderLog(_ folder: String) throws -> [(
        commit: ProjectHistory.Commit, files: [(path: String, blob: String?)]
    )] {
        guard head != nil else { return [] }
        let output = try Self.git(
            [
                "log", "--first-parent", "--diff-merges=first-parent", "--no-renames", "--raw", "--no-abbrev",
                "--no-color", "--format=%x01%H%x1f%ct%x1f%an", "HEAD", "--", sitePrefix + folder,
            ], in: top, language: language)
        var entries: [(commit: ProjectHistory.Commit, files: [(path: String, blob: String?)])] = []
        for record in output.split(separator: 1) {
            let lines = String(decoding: record, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
            guard let header = lines.first else { continue }
            let fields = header.split(separator: "\u{1f}", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let seconds = TimeInterval(fields[1]) else { continue }
            let commit = ProjectHistory.Commit(
                id: String(fields[0]), time: Date(timeIntervalSince1970: seconds), author: String(fields[2]))
            var files: [(path: String, blob: String?)] = []
            for raw in lines.dropFirst() where raw.hasPrefix(":") {
                let halves = raw.split(separator: "\t", maxSplits: 1)
                let parts = halves[0].split(separator: " ")
                guard halves.count == 2, parts.count >= 5, halves[1].hasPrefix(sitePrefix) else { continue }
                let blob = String(parts[3])
                files.append((String(halves[1].dropFirst(sitePrefix.count)), blob.allSatisfy { $0 == "0" } ? nil : blob))
            }
            entries.append((commit, files))
        }
        return entries.reversed()
    }

    /// The bytes of each object, through one `git cat-file --batch`.
    private static func objects(_ ids: [String], in folder: URL, language: Language) throws -> [Data] {
        if ids.isEmpty { return [] }
        let input = Data(ids.map { $0 + "\n" }.joined().utf8)
        let output = [UInt8](try git(["cat-file", "--batch"], in: folder, input: input, language: language))
        var result: [Data] = []
        var offset = 0
        for id in ids {
            // <object> SP <type> SP <size> LF <contents> LF
            guard let newline = output[offset...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Failure.failed("git cat-file", "short output for \(id)")
            }
            let header = String(decoding: output[offset..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= output.count else {
                throw Failure.failed("git cat-file", "cannot read object \(id)")
            }
            result.append(Data(output[(newline + 1)..<(newline + 1 + size)]))
            offset = newline + 1 + size + 1
        }
        return result
    }

    /// Runs git in `folder` and returns its standard output; a non-zero exit throws
    /// with git's own message.
    @discardableResult
    static func git(_ arguments: [String], in folder: URL, input: Data? = nil, language: Language = .en) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_OPTIONAL_LOCKS"] = "0"  // reading only: never take the index lock
        // git's plumbing output is never translated; its error messages are, by gettext,
        // which needs a locale other than C for LANGUAGE to count.
        switch language {
        case .en: environment["LC_ALL"] = "C"
        case .zh: (environment["LC_ALL"], environment["LANGUAGE"]) = ("C.UTF-8", "zh_CN")
        case .ru: (environment["LC_ALL"], environment["LANGUAGE"]) = ("C.UTF-8", "ru")
        }
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        let stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do { try process.run() } catch {
            throw Failure.failed("git", "cannot run the git command: \(error.localizedDescription)")
        }
        // Standard error and input on their own threads, so no pipe fills up and blocks git.
        let group = DispatchGroup()
        nonisolated(unsafe) var errors = Data()
        DispatchQueue.global().async(group: group) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        if let input {
            DispatchQueue.global().async(group: group) {
                stdin.fileHandleForWriting.write(input)
                try? stdin.fileHandleForWriting.close()
            }
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            // env(1) exits 127 when it finds no such command.
            if process.terminationStatus == 127, message.hasPrefix("/usr/bin/env:") { throw Failure.notInstalled }
            throw Failure.failed(
                "git \(arguments.first ?? "")", message.isEmpty ? "exit status \(process.terminationStatus)" : message)
        }
        return output
    }
}
