import DossierDiagnostics
import DossierUtilities
import Foundation

/// The load stage: finds a site's record files and reads them as located raw records.
///
/// Nothing is interpreted here beyond what reading needs (the encoding named in
/// project.yml); meaning is checked by DossierModel.
public struct SiteLoader: Sendable {
    /// Largest CSV file read, in bytes; larger ones are refused with a diagnostic.
    public var maximumTableSize = 1 << 30
    /// Largest Markdown or YAML file read, in bytes.
    public var maximumDocumentSize = 8 << 20
    /// What earlier loads split, kept by a long-running process (`serve`) so that a
    /// Markdown file whose text did not change is not split and parsed again.
    public var memo: Memo?

    public init(memo: Memo? = nil) { self.memo = memo }

    /// Markdown files as split by an earlier load (front matter parsed as YAML), by
    /// path, each with the text it was split from: the split is a function of the two.
    public final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var split: [String: (text: String, document: FrontMatterDocument, problems: [Diagnostic])] = [:]

        /// Files taken in the load under way, and in the last one.
        private var taking = 0
        private var taken = 0

        /// How recent a file's change may be for its text to be kept (see
        /// `keep(_:stamp:encoding:_:now:)`), in nanoseconds.
        let unsettled: Int64

        /// - Parameter unsettled: 2 seconds by default, more than any file system's clock
        ///   tick; 0 keeps every file (for tests whose files were all just written).
        public init(unsettled: Int64 = 2_000_000_000) { self.unsettled = unsettled }

        /// How many files the last load took as they were split before.
        public var reused: Int {
            lock.lock()
            defer { lock.unlock() }
            return taken
        }

        func document(_ file: String, text: String) -> (FrontMatterDocument, [Diagnostic])? {
            lock.lock()
            defer { lock.unlock() }
            guard let kept = split[file], kept.text == text else { return nil }
            taking += 1
            return (kept.document, kept.problems)
        }

        /// Each file's text as last decoded, by path, with the file's stamp and the
        /// encoding it was read in; the texts of this load so far.
        private var texts: [String: Kept] = [:]
        private var reading: [String: Kept] = [:]
        /// Files the last load took as they were read before, unread.
        private var unread = 0
        private var unreading = 0

        struct Kept {
            var stamp: FolderWalker.Stamp
            var encoding: TextEncoding
            var decoded: DecodedText
        }

        /// How many files the last load did not read, as their stamps were those of the
        /// last time they were read.
        public var filesUnread: Int {
            lock.lock()
            defer { lock.unlock() }
            return unread
        }

        /// The text of `file` as last read in `encoding`, when its stamp is the same.
        func text(_ file: String, stamp: FolderWalker.Stamp, encoding: TextEncoding) -> DecodedText? {
            lock.lock()
            defer { lock.unlock() }
            guard let kept = texts[file], kept.stamp == stamp, kept.encoding == encoding else { return nil }
            reading[file] = kept
            unreading += 1
            return kept.decoded
        }

        /// Keeps the text of `file` as read now, for the next load, unless it changed
        /// within `unsettled` of `now` (nanoseconds since 1970, taken before the file's
        /// stamp): a change in the same tick of the file system's clock, of the same size,
        /// would leave its stamp as it is (git's index has the same rule).
        func keep(_ file: String, stamp: FolderWalker.Stamp, encoding: TextEncoding, _ decoded: DecodedText, now: Int64) {
            guard stamp.isSettled(at: now, for: unsettled) else { return }
            lock.lock()
            defer { lock.unlock() }
            reading[file] = Kept(stamp: stamp, encoding: encoding, decoded: decoded)
        }

        /// Ends a load: only its files' texts are kept.
        func endReading() {
            lock.lock()
            defer { lock.unlock() }
            texts = reading
            reading = [:]
            unread = unreading
            unreading = 0
        }

        /// Keeps this load's files and forgets the rest (a deleted or renamed file).
        func keep(_ files: [(file: String, text: String, document: FrontMatterDocument, problems: [Diagnostic])]) {
            lock.lock()
            defer { lock.unlock() }
            taken = taking
            taking = 0
            split = Dictionary(files.map { ($0.file, ($0.text, $0.document, $0.problems)) }, uniquingKeysWith: { $1 })
        }
    }

    /// Why a site cannot be read at all (exit status 2).
    public enum Failure: UsageError {
        case notASite(URL)

        public var message: Message {
            switch self {
            case .notASite(let url): return Message("usage.not-a-site", ["path": .value(url.path)])
            }
        }
    }

    /// Reads the site folder `root` on disk.
    public func load(_ root: URL) throws -> (RawSite, DiagnosticList) {
        try load(FolderFiles(root: root), root: root)
    }

    /// Reads a site from `files`; `root` is the folder it stands for (its name is the
    /// project's default name).
    public func load(_ files: RecordFiles, root: URL) throws -> (RawSite, DiagnosticList) {
        guard files.isFolder("content") else { throw Failure.notASite(root) }
        var diagnostics = DiagnosticList()
        var sources: [String: String] = [:]
        var forms: [String: TextForm] = [:]
        // The project's language, once project.yml is read: the prior of encoding hints.
        var language: String?

        /// Files that could not be read as text, reported once all are read: a hint's
        /// wording depends on the others (only the first says to write `encoding:`).
        var undecodable:
            [(
                file: String, problem: TextDecodingProblem, guess: EncodingGuess?, declared: DeclaredEncoding?,
                alternative: TextEncoding?
            )] = []

        // With a memo, a file whose stamp is the one it had when last read is not read
        // again (serve: 9 % of a rebuild at S was reading and decoding every file). The
        // moment is taken before any stamp (see `Memo.keep`).
        let stamps = memo != nil
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        /// Reads a record file as text, or reports why not. `nil` when absent.
        /// `listed`: the file's stamp as the folder's listing found it, if it did.
        func readText(
            _ relative: String, limit: Int, declared: DeclaredEncoding? = nil, listed: FolderWalker.Stamp? = nil
        ) -> String? {
            let stamp = stamps ? listed ?? files.stamp(of: relative) : nil
            guard let size = stamp?.size ?? files.size(of: relative) else { return nil }
            if size > limit {
                diagnostics.append(.fileTooLarge(relative, size: size, limit: limit))
                return nil
            }
            let encoding = declared?.encoding ?? .utf8
            if let stamp, let kept = memo?.text(relative, stamp: stamp, encoding: encoding) {
                sources[relative] = kept.text
                forms[relative] = kept.form
                return kept.text
            }
            guard let data = files.contents(of: relative) else {
                diagnostics.append(.fileUnreadable(relative))
                return nil
            }
            switch TextDecoder.read(data, as: encoding) {
            case .success(let decoded):
                sources[relative] = decoded.text
                forms[relative] = decoded.form
                if let stamp { memo?.keep(relative, stamp: stamp, encoding: encoding, decoded, now: now) }
                return decoded.text
            case .failure(let problem):
                var guess: EncodingGuess?
                var alternative: TextEncoding?
                switch problem {
                case .invalidUTF8: guess = EncodingGuess.guess(data, language: language)
                case .invalidEncoding(let encoding, _, _): alternative = TextDecoder.sibling(of: encoding, reading: data)
                default: break
                }
                undecodable.append((relative, problem, guess, declared, alternative))
                return nil
            }
        }

        // project.yml first: it names the encodings of the other files.
        var project: YAMLNode?
        var projectUnreadable = false
        if let text = readText("content/project.yml", limit: maximumDocumentSize) {
            switch YAMLReader.read(text, file: "content/project.yml") {
            case .success(let node):
                if case .mapping = node.kind {
                    project = node
                } else if !node.isNull {
                    diagnostics.append(.projectNotAMap(node))
                    projectUnreadable = true
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                projectUnreadable = true
            }
            if projectUnreadable { project = Self.languageLine(of: text) }
        }
        let encodings = readEncodings(project, files: files, into: &diagnostics)
        language = project?["language"]?.scalar

        func readTable(_ name: String) -> CSVTable? {
            let relative = "content/\(name)"
            guard let text = readText(relative, limit: maximumTableSize, declared: encodings[name]) else {
                return nil
            }
            // The header's problems now; the records' when the validator walks them.
            let (table, problems) = CSVParser().parse(text, file: relative)
            diagnostics.append(contentsOf: problems)
            return table
        }
        let team = readTable("team.csv")
        let issues = readTable("issues.csv")
        let milestones = readTable("milestones.csv")
        if files.size(of: "content/issues.csv") == nil {
            diagnostics.append(.issuesFileMissing)
        }

        var split: [(file: String, text: String, document: FrontMatterDocument, problems: [Diagnostic])] = []
        func readNotes(_ folder: String, recursive: Bool) -> ([RawNote], [String]) {
            var texts: [(file: String, name: String, text: String)] = []
            var others: [String] = []
            for (relative, stamp) in files.stampedFiles(under: "content/\(folder)", recursive: recursive) {
                let file = "content/\(folder)/\(relative)"
                guard relative.hasSuffix(".md") else {
                    others.append(relative)
                    continue
                }
                guard
                    let text = readText(
                        file, limit: maximumDocumentSize, declared: encodings["\(folder)/\(relative)"], listed: stamp)
                else { continue }
                texts.append((file, String(relative.dropLast(3)), text))
            }
            // Each file is split on its own (its front matter parsed as YAML): on all cores.
            let memo = self.memo
            let documents = texts.parallelMap { file, _, text in
                memo?.document(file, text: text) ?? FrontMatterDocument.split(text, file: file)
            }
            var notes: [RawNote] = []
            for ((file, name, text), (document, problems)) in zip(texts, documents) {
                diagnostics.append(contentsOf: problems)
                notes.append(RawNote(file: file, name: name, document: document))
                split.append((file, text, document, problems))
            }
            return (notes, others)
        }
        let (weekly, _) = readNotes("weekly", recursive: false)
        let (handbook, handbookFiles) = readNotes("handbook", recursive: true)
        memo?.keep(split)

        var templates: [String: String] = [:]
        for (relative, stamp) in files.stampedFiles(under: "templates", recursive: true) where !relative.hasSuffix(".md") {
            if let text = readText("templates/\(relative)", limit: maximumDocumentSize, listed: stamp) {
                templates[relative] = text
            }
        }

        // The first file told to name its encoding gets the whole `encoding:` line when
        // project.yml has none; the others, the entry to add to it.
        var hasEncodingMap = project?["encoding"] != nil
        for failure in undecodable.sorted(by: { $0.file < $1.file }) {
            let key = failure.file.hasPrefix("content/") ? String(failure.file.dropFirst("content/".count)) : nil
            let entry: EncodingEntry
            if let key, key != "project.yml" {
                entry = hasEncodingMap ? .addToMap(key) : .newMap(key)
            } else {
                entry = .utf8Only
            }
            let diagnostic = Diagnostic.undecodable(
                failure.file, failure.problem, guess: failure.guess, entry: entry, declared: failure.declared,
                alternative: failure.alternative)
            if case .newMap = entry, diagnostic.namesAnEncoding { hasEncodingMap = true }
            diagnostics.append(diagnostic)
        }

        memo?.endReading()
        var site = RawSite(
            root: root, project: project, team: team, issues: issues, milestones: milestones,
            weekly: weekly, handbook: handbook, handbookFiles: handbookFiles,
            templates: templates, sources: sources, forms: forms)
        site.projectUnreadable = projectUnreadable
        return (site, diagnostics)
    }

    /// A project.yml that does not parse, reduced to its top-level `language: zh` line
    /// (read alone, as YAML), so the messages about it are still in the project's language.
    public static func languageLine(of text: String) -> YAMLNode? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("language:") }),
            case .success(let node) = YAMLReader.read(String(lines[index]), file: "content/project.yml", lineOffset: index),
            node["language"]?.scalar != nil
        else { return nil }
        return node
    }

    /// project.yml `encoding`: path under content/ (`issues.csv`, `weekly/2026-W45.md`) →
    /// encoding, as written there.
    private func readEncodings(_ project: YAMLNode?, files: RecordFiles, into diagnostics: inout DiagnosticList)
        -> [String: DeclaredEncoding]
    {
        guard let node = project?["encoding"] else { return [:] }
        guard let entries = node.entries else {
            diagnostics.append(.encodingNotAMap(at: node.location))
            return [:]
        }
        var result: [String: DeclaredEncoding] = [:]
        for entry in entries {
            if files.size(of: "content/\(entry.key)") == nil {
                diagnostics.append(.unknownEncodingFile(entry.key, at: entry.keyNode.location, known: recordFiles(files)))
                continue
            }
            if let name = entry.value.scalar, let encoding = TextEncoding(name: name) {
                result[entry.key] = DeclaredEncoding(encoding: encoding, name: name)
            } else {
                diagnostics.append(.unknownEncoding(file: entry.key, entry.value))
            }
        }
        return result
    }

    /// The paths under content/ `encoding` may name: the CSV files and the Markdown notes.
    private func recordFiles(_ files: RecordFiles) -> [String] {
        var known = ["issues.csv", "team.csv", "milestones.csv"]
        known += files.files(under: "content/weekly", recursive: false).filter { $0.hasSuffix(".md") }.map { "weekly/\($0)" }
        known += files.files(under: "content/handbook", recursive: true).filter { $0.hasSuffix(".md") }.map { "handbook/\($0)" }
        return known
    }
}

/// An encoding project.yml's `encoding` names, and the name it is written by there.
struct DeclaredEncoding: Sendable {
    var encoding: TextEncoding
    var name: String
}

/// How a hint tells to name a file's encoding in project.yml.
enum EncodingEntry: Equatable {
    /// project.yml has no `encoding` yet: the whole line, `encoding: {issues.csv: gbk}`.
    case newMap(String)
    /// An entry to add to the `encoding` map there is.
    case addToMap(String)
    /// project.yml itself and templates, which are read as UTF-8 only.
    case utf8Only

    /// "say so in project.yml: encoding: {…}" or "add `…` to `encoding:` in project.yml".
    func tell(_ encoding: TextEncoding) -> Message.Argument {
        switch self {
        case .newMap(let key):
            return .message(Message("encoding.tell-new-map", ["key": .value(key), "encoding": .value(encoding.rawValue)]))
        case .addToMap(let key):
            return .message(Message("encoding.tell-add-to-map", ["key": .value(key), "encoding": .value(encoding.rawValue)]))
        case .utf8Only:
            return .message(Message("encoding.tell-utf8-only"))
        }
    }
}
