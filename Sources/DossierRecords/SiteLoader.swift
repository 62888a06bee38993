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

        public init() {}

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

        /// Reads a record file as text, or reports why not. `nil` when absent.
        func readText(_ relative: String, limit: Int, declared: DeclaredEncoding? = nil) -> String? {
            guard let size = files.size(of: relative) else { return nil }
            if size > limit {
                diagnostics.append(.fileTooLarge(relative, size: size, limit: limit))
                return nil
            }
            guard let data = files.contents(of: relative) else {
                diagnostics.append(.fileUnreadable(relative))
                return nil
            }
            switch TextDecoder.read(data, as: declared?.encoding ?? .utf8) {
            case .success(let decoded):
                sources[relative] = decoded.text
                forms[relative] = decoded.form
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
            for relative in files.files(under: "content/\(folder)", recursive: recursive) {
                let file = "content/\(folder)/\(relative)"
                guard relative.hasSuffix(".md") else {
                    others.append(relative)
                    continue
                }
                guard let text = readText(file, limit: maximumDocumentSize, declared: encodings["\(folder)/\(relative)"])
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
        for relative in files.files(under: "templates", recursive: true) where !relative.hasSuffix(".md") {
            if let text = readText("templates/\(relative)", limit: maximumDocumentSize) {
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
