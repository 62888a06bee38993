import DossierDiagnostics
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

    public init() {}

    /// Why a site cannot be read at all (exit status 2).
    public enum Failure: Error, CustomStringConvertible {
        case notASite(URL)

        public var description: String {
            switch self {
            case .notASite(let url): return "\(url.path): not a Dossier site (no content/ folder)"
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

        /// Reads a record file as text, or reports why not. `nil` when absent.
        func readText(_ relative: String, limit: Int, encoding: TextEncoding = .utf8) -> String? {
            guard let size = files.size(of: relative) else { return nil }
            if size > limit {
                diagnostics.append(.fileTooLarge(relative, size: size, limit: limit))
                return nil
            }
            guard let data = files.contents(of: relative) else {
                diagnostics.append(.error(.fileUnreadable, at: .start(of: relative), "file cannot be read"))
                return nil
            }
            switch TextDecoder.read(data, as: encoding) {
            case .success(let decoded):
                sources[relative] = decoded.text
                forms[relative] = decoded.form
                return decoded.text
            case .failure(let problem):
                var guess: EncodingGuess?
                if case .invalidUTF8 = problem { guess = EncodingGuess.guess(data, language: language) }
                diagnostics.append(.undecodable(relative, problem, guess: guess))
                return nil
            }
        }

        // project.yml first: it names the encodings of the other files.
        var project: YAMLNode?
        if let text = readText("content/project.yml", limit: maximumDocumentSize) {
            switch YAMLReader.read(text, file: "content/project.yml") {
            case .success(let node):
                if case .mapping = node.kind {
                    project = node
                } else if !node.isNull {
                    diagnostics.append(
                        .error(.projectValue, at: node.location, "project.yml must be a map of settings, not \(node.typeName)"))
                }
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        let encodings = readEncodings(project, files: files, into: &diagnostics)
        language = project?["language"]?.scalar

        func readTable(_ name: String) -> CSVTable? {
            let relative = "content/\(name)"
            guard let text = readText(relative, limit: maximumTableSize, encoding: encodings[name] ?? .utf8) else {
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
            diagnostics.append(
                .error(.fileMissing, at: .start(of: "content/issues.csv"), "the site has no content/issues.csv"))
        }

        func readNotes(_ folder: String, recursive: Bool) -> ([RawNote], [String]) {
            var notes: [RawNote] = []
            var others: [String] = []
            for relative in files.files(under: "content/\(folder)", recursive: recursive) {
                let file = "content/\(folder)/\(relative)"
                guard relative.hasSuffix(".md") else {
                    others.append(relative)
                    continue
                }
                guard let text = readText(file, limit: maximumDocumentSize, encoding: encodings["\(folder)/\(relative)"] ?? .utf8)
                else { continue }
                let (document, problems) = FrontMatterDocument.split(text, file: file)
                diagnostics.append(contentsOf: problems)
                notes.append(RawNote(file: file, name: String(relative.dropLast(3)), document: document))
            }
            return (notes, others)
        }
        let (weekly, _) = readNotes("weekly", recursive: false)
        let (handbook, handbookFiles) = readNotes("handbook", recursive: true)

        var templates: [String: String] = [:]
        for relative in files.files(under: "templates", recursive: true) where !relative.hasSuffix(".md") {
            if let text = readText("templates/\(relative)", limit: maximumDocumentSize) {
                templates[relative] = text
            }
        }

        let site = RawSite(
            root: root, project: project, team: team, issues: issues, milestones: milestones,
            weekly: weekly, handbook: handbook, handbookFiles: handbookFiles,
            templates: templates, sources: sources, forms: forms)
        return (site, diagnostics)
    }

    /// project.yml `encoding`: file name (`issues.csv`) → encoding.
    private func readEncodings(_ project: YAMLNode?, files: RecordFiles, into diagnostics: inout DiagnosticList)
        -> [String: TextEncoding]
    {
        guard let node = project?["encoding"] else { return [:] }
        guard let entries = node.entries else {
            diagnostics.append(
                .error(.projectValue, at: node.location, "`encoding` must map file names to encodings, e.g. {issues.csv: gb18030}"))
            return [:]
        }
        var result: [String: TextEncoding] = [:]
        for entry in entries {
            if files.size(of: "content/\(entry.key)") == nil {
                let known = ["issues.csv", "team.csv", "milestones.csv"]
                diagnostics.append(
                    .warning(
                        .projectKey, at: entry.keyNode.location,
                        "unknown file \"\(entry.key)\" in `encoding` is ignored\(Suggestion.hint(for: entry.key, in: known))"))
                continue
            }
            if let name = entry.value.scalar, let encoding = TextEncoding(name: name) {
                result[entry.key] = encoding
            } else {
                let names = TextEncoding.names.joined(separator: ", ")
                diagnostics.append(
                    .error(.projectValue, at: entry.value.location, "unknown encoding \"\(entry.value.scalar ?? "")\"; expected one of \(names)"))
            }
        }
        return result
    }
}

extension Diagnostic {
    static func fileTooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        .error(.fileTooLarge, at: .start(of: file), "file is \(size >> 20) MiB; the largest read is \(limit >> 20) MiB")
    }

    static func undecodable(_ file: String, _ problem: TextDecodingProblem, guess: EncodingGuess?) -> Diagnostic {
        let name = (file as NSString).lastPathComponent
        switch problem {
        case .empty:
            return .error(.fileEmpty, at: .start(of: file), "file is empty")
        case .binary:
            return .error(.fileBinary, at: .start(of: file), "file is binary, not text")
        case .utf16WithoutMark(let bigEndian):
            let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
            return .error(
                .fileEncoding, at: .start(of: file),
                "file is UTF-16 (\(bigEndian ? "big" : "little")-endian) without a byte-order mark; if it is, say so in project.yml: encoding: {\(name): \(encoding.rawValue)}, or save it as \"CSV UTF-8\"")
        case .invalidUTF8(let line, let column):
            let at = SourceLocation(file: file, line: line, column: column)
            switch guess ?? .none(mixedWithUTF8: false) {
            case .one(let encoding, let sample):
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8; the file reads as \(encoding.rawValue) (\"\(sample)\"): say so in project.yml: encoding: {\(name): \(encoding.rawValue)}")
            case .several(let readings):
                let each = readings.map { "\($0.encoding.rawValue) (\"\($0.sample)\")" }
                let list = each.dropLast().joined(separator: ", as ") + " or as " + each.last!
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8; the file reads as \(list): open it in each, and name the one that reads right in project.yml, e.g. encoding: {\(name): \(readings[0].encoding.rawValue)}")
            case .none(let mixed) where mixed:
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8: the file is UTF-8 with some bytes of another encoding, and no encoding reads it all right; retype the text here")
            case .none:
                let names = EncodingGuess.candidates.map(\.rawValue).joined(separator: ", ")
                return .error(
                    .fileEncoding, at: at,
                    "invalid UTF-8, and none of \(names) reads the file right; save it as UTF-8 (Excel: \"CSV UTF-8\")")
            }
        case .invalidEncoding(let encoding, let line, let column):
            return .error(
                .fileEncoding, at: SourceLocation(file: file, line: line, column: column),
                "invalid \(encoding.rawValue.uppercased()), as project.yml's `encoding` says the file is")
        }
    }
}
