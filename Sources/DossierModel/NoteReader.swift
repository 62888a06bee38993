import DossierDiagnostics
import DossierMarkdown
import DossierRecords
import DossierUtilities
import Foundation

/// Checks weekly notes (SPEC §1.5) and handbook articles (SPEC §1.6).
struct NoteReader {
    let settings: ProjectSettings
    let team: Team
    let issueIDs: Set<String>
    /// For "did you mean", sorted once.
    let sortedIssueIDs: [String]

    /// Bodies parsed by an earlier validation (`serve`), taken again when unchanged.
    var memo: DocumentMemo?

    init(settings: ProjectSettings, team: Team, issueIDs: Set<String>, memo: DocumentMemo? = nil) {
        self.settings = settings
        self.team = team
        self.issueIDs = issueIDs
        self.memo = memo
        sortedIssueIDs = issueIDs.sorted()
    }

    static let weeklyKeys = ["week", "status", "completion", "summary", "attendees", "audience"]
    static let articleKeys = ["title", "tags", "audience", "owner", "updated", "issues", "weight", "draft"]

    /// Parses the bodies of `notes` on all cores; cmark-gfm documents are independent.
    /// A body `memo` holds as it is now is taken from there.
    static func parseBodies(_ notes: [RawNote], options: MarkdownOptions, memo: DocumentMemo? = nil) -> [MarkdownDocument] {
        let documents = notes.parallelMap { note in
            memo?.document(note.file, note.document, options: options)
                ?? MarkdownDocument(note.document.body, lineOffset: note.document.bodyLineOffset, options: options)
        }
        memo?.keep(zip(notes.map(\.file), documents))
        return documents
    }

    /// The weekly notes of `notes`; `parsed` holds their bodies when parsed already
    /// (`parseBodies` with this reader's options).
    func readWeekly(
        _ notes: [RawNote], parsed: [MarkdownDocument]? = nil, documents: inout [DocumentSource],
        diagnostics: inout DiagnosticList
    ) -> [WeeklyNote] {
        let bodies = parsed ?? Self.parseBodies(notes, options: MarkdownOptions(allowRawHTML: settings.allowRawHTML), memo: memo)
        var result: [WeeklyNote] = []
        for (note, body) in zip(notes, bodies) {
            let start = SourceLocation.start(of: note.file)
            guard let week = ISOWeek(note.name) else {
                diagnostics.append(.weeklyNoteName(note.name, at: start))
                continue
            }
            var status: RAGStatus?
            var completion: Int?
            var summary: String?
            var attendees: [String] = []
            var audience = Audience.all
            for (key, keyNode, value) in note.document.metadata.entries ?? [] {
                switch key {
                case "week":
                    if value.scalar != week.description {
                        diagnostics.append(.weekDiffersFromName(value, week: week))
                    }
                case "status":
                    guard !value.isNull else { break }
                    status = value.scalar.flatMap { RAGStatus(word: $0) }
                    if status == nil {
                        diagnostics.append(
                            .unknownValue(
                                .weekField, field: "status", value: value.scalar ?? value.typeName,
                                expected: RAGStatus.allCases.map { ($0.rawValue, nil) }, words: "rag", at: value.location,
                                suggestFrom: RAGStatus.writtenForms))
                    }
                case "completion":
                    guard !value.isNull else { break }
                    let text = value.scalar?.trimmingCharacters(in: CharacterSet(charactersIn: "% "))
                    if let text, let number = Int(text), (0...100).contains(number) {
                        completion = number
                    } else {
                        diagnostics.append(
                            .wrongType(.weekField, key: "completion", expected: .wholeNumber0to100, node: value))
                    }
                case "summary":
                    guard !value.isNull else { break }
                    if let text = value.scalar {
                        summary = text
                    } else {
                        diagnostics.append(.wrongType(.weekField, key: "summary", expected: .oneLine, node: value))
                    }
                case "attendees":
                    attendees = people(value, key: key, rule: .weekField, diagnostics: &diagnostics)
                case "audience":
                    audience = Self.audience(value, rule: .weekField, diagnostics: &diagnostics) ?? audience
                default:
                    diagnostics.append(.unknownKey(.weekField, key: key, known: Self.weeklyKeys, at: keyNode.location))
                }
            }
            documents.append(
                DocumentSource(
                    document: body, file: note.file, baseFolder: "weekly", page: .weekly(week), title: week.description))
            result.append(
                WeeklyNote(
                    week: week, status: status, completion: completion, summary: summary, attendees: attendees,
                    audience: audience, body: body, file: note.file))
        }
        return result.sorted { $0.week < $1.week }
    }

    func readArticles(
        _ notes: [RawNote], parsed: [MarkdownDocument]? = nil, includeDrafts: Bool, documents: inout [DocumentSource],
        diagnostics: inout DiagnosticList
    ) -> (articles: [Article], drafts: Set<String>) {
        let bodies = parsed ?? Self.parseBodies(notes, options: MarkdownOptions(allowRawHTML: settings.allowRawHTML), memo: memo)
        var articles: [Article] = []
        var drafts: Set<String> = []
        var slugs: [String: String] = [:]
        // Tag page → the tag written first for it, to find two tags sharing one page.
        var tagPages: [String: String] = [:]
        // Every article's page, to find a folder named like one (`x.html/` beside `x.md`).
        let allSlugs = Set(notes.map { Article.slug(for: $0.name) })
        for (note, body) in zip(notes, bodies) {
            let slug = Article.slug(for: note.name)
            if let generated = Article.generatedPage(at: slug) {
                diagnostics.append(.articleOnGeneratedPage(note.file, page: generated))
                continue
            }
            var enclosing = Substring(slug)
            while let slash = enclosing.lastIndex(of: "/") {
                enclosing = enclosing[..<slash]
                if enclosing.hasSuffix(".html"), enclosing == "index.html" || allSlugs.contains(String(enclosing.dropLast(5))) {
                    diagnostics.append(.articleInFolderNamedLikeAPage(note.file, folder: "handbook/" + enclosing))
                    break
                }
            }
            if let other = slugs[slug] {
                diagnostics.append(.articlesShareSlug(note.file, other, slug: slug))
                continue
            }
            slugs[slug] = note.file
            var title: String?
            var tags: [String] = []
            var audience = Audience.all
            var owner: String?
            var updated: CivilDate?
            var issues: [String] = []
            var weight: Int?
            var draft = false
            for (key, keyNode, value) in note.document.metadata.entries ?? [] {
                guard !value.isNull else { continue }
                switch key {
                case "title":
                    if let text = value.scalar {
                        title = text
                    } else {
                        diagnostics.append(.wrongType(.articleField, key: key, expected: .text, node: value))
                    }
                case "tags":
                    tags = strings(value, key: key, rule: .articleField, diagnostics: &diagnostics)
                    for (index, tag) in tags.enumerated() {
                        let page = SitePage.tagSlug(tag)
                        if let first = tagPages[page], first != tag {
                            diagnostics.append(
                                .tagsSharePage(
                                    tag, first, page: SitePage.tag(page).path, at: value.items?[index].location ?? value.location)
                            )
                        } else {
                            tagPages[page] = tag
                        }
                    }
                case "audience":
                    audience = Self.audience(value, rule: .articleField, diagnostics: &diagnostics) ?? audience
                case "owner":
                    owner = people(value, key: key, rule: .articleField, diagnostics: &diagnostics, single: true).first
                case "updated":
                    if let date = value.scalar.flatMap({ CivilDate(iso: $0) }) {
                        updated = date
                    } else {
                        diagnostics.append(
                            .wrongType(.articleField, key: key, expected: .date, node: value))
                    }
                case "issues":
                    let ids = strings(value, key: key, rule: .articleField, diagnostics: &diagnostics)
                    for (index, id) in ids.enumerated() {
                        let location = value.items?[index].location ?? value.location
                        if issueIDs.contains(id) {
                            issues.append(id)
                        } else {  // ids of every readable row
                            diagnostics.append(.unknownIssue(id, known: sortedIssueIDs, at: location))
                        }
                    }
                case "weight":
                    if let number = value.scalar.flatMap({ Int($0) }) {
                        weight = number
                    } else {
                        diagnostics.append(.wrongType(.articleField, key: key, expected: .wholeNumber, node: value))
                    }
                case "draft":
                    if let flag = value.bool {
                        draft = flag
                    } else {
                        diagnostics.append(.wrongType(.articleField, key: key, expected: .trueOrFalse, node: value))
                    }
                default:
                    diagnostics.append(.unknownKey(.articleField, key: key, known: Self.articleKeys, at: keyNode.location))
                }
            }
            let fileName = (note.name as NSString).lastPathComponent
            let article = Article(
                path: note.name, slug: slug, title: title ?? body.headings.first(where: { $0.level == 1 })?.text ?? fileName,
                tags: tags, audience: audience, owner: owner, updated: updated, issues: issues, weight: weight, draft: draft,
                body: body, file: note.file)
            if draft && !includeDrafts {
                drafts.insert(slug)
                continue
            }
            let folder = "handbook" + (article.folder.isEmpty ? "" : "/" + (note.name as NSString).deletingLastPathComponent)
            documents.append(
                DocumentSource(document: body, file: note.file, baseFolder: folder, page: .article(slug), title: article.title))
            articles.append(article)
        }
        return (articles, drafts)
    }

    /// A list of text values (a single text value is not a list).
    private func strings(_ node: YAMLNode, key: String, rule: Rule, diagnostics: inout DiagnosticList) -> [String] {
        guard let items = node.items else {
            diagnostics.append(.wrongType(rule, key: key, expected: .list, node: node))
            return []
        }
        var result: [String] = []
        for item in items {
            if let text = item.scalar {
                result.append(text)
            } else {
                diagnostics.append(.wrongType(rule, key: key, expected: .textList, node: item))
            }
        }
        return result
    }

    /// An `audience:` of an article or a weekly note: its id or the theme's word for it
    /// (`Audience(word:)`); nil, reported, for any other word.
    static func audience(_ value: YAMLNode, rule: Rule, diagnostics: inout DiagnosticList) -> Audience? {
        if let audience = value.scalar.flatMap(Audience.init(word:)) { return audience }
        diagnostics.append(
            .unknownValue(
                rule, field: "audience", value: value.scalar ?? value.typeName,
                expected: Audience.allCases.map { ($0.rawValue, nil) }, words: "audience", at: value.location))
        return nil
    }

    /// People by team id or name; checked against team.csv when there is one.
    private func people(
        _ node: YAMLNode, key: String, rule: Rule, diagnostics: inout DiagnosticList, single: Bool = false
    ) -> [String] {
        let items: [YAMLNode]
        if single {
            guard node.scalar != nil else {
                diagnostics.append(.wrongType(rule, key: key, expected: .person, node: node))
                return []
            }
            items = [node]
        } else {
            guard let list = node.items else {
                diagnostics.append(.wrongType(rule, key: key, expected: .personList, node: node))
                return []
            }
            items = list
        }
        var result: [String] = []
        for item in items {
            guard let person = item.scalar else {
                diagnostics.append(.wrongType(rule, key: key, expected: .person, node: item))
                continue
            }
            if team.isDeclared, team.member(person) == nil {
                diagnostics.append(.unknownPerson(person, field: single ? key : "attendee", team: team, at: item.location))
            }
            result.append(person)
        }
        return result
    }
}

/// What an earlier validation read, kept by a long-running process (`serve`): the
/// Markdown bodies by file (a body whose text, first line and options are the same
/// parses to the same document, which holds no state of its own after parsing), and the
/// problem list with the record files it was read from (every one but the Markdown
/// files: issues.csv, project.yml, the team, the milestones).
public final class DocumentMemo: @unchecked Sendable {
    private let lock = NSLock()
    private var parsed: [String: MarkdownDocument] = [:]
    private var taking = 0
    private var taken = 0
    /// The problem list as last read, with the files it was read from.
    private var lastIssues: (inputs: [String: String], site: String, read: IssuesRead)?
    private var tookIssues = false

    /// What reading the problem list gives: its issues, the ids of every row with a
    /// readable id, its Markdown cells for the link check, and its diagnostics in order.
    struct IssuesRead {
        var issues: [Issue]
        var ids: Set<String>
        var documents: [DocumentSource]
        var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Whether the last validation took the problem list as read before (issues.csv,
    /// project.yml, the team and the milestones unchanged).
    public var issuesReused: Bool {
        lock.lock()
        defer { lock.unlock() }
        return tookIssues
    }

    /// The problem list as read from exactly these files (path → text, every record
    /// file but the Markdown ones) in a folder of this name; nil when any differs.
    func issues(reading inputs: [String: String], site: String) -> IssuesRead? {
        lock.lock()
        defer { lock.unlock() }
        guard let lastIssues, lastIssues.site == site, lastIssues.inputs == inputs else {
            tookIssues = false
            return nil
        }
        tookIssues = true
        return lastIssues.read
    }

    func keep(_ read: IssuesRead, reading inputs: [String: String], site: String) {
        lock.lock()
        defer { lock.unlock() }
        lastIssues = (inputs, site, read)
    }

    /// How many bodies the last validation took as they were parsed before.
    public var reused: Int {
        lock.lock()
        defer { lock.unlock() }
        return taken
    }

    func document(_ file: String, _ note: FrontMatterDocument, options: MarkdownOptions) -> MarkdownDocument? {
        lock.lock()
        defer { lock.unlock() }
        guard let document = parsed[file], document.source == note.body, document.lineOffset == note.bodyLineOffset,
            document.options == options
        else { return nil }
        taking += 1
        return document
    }

    /// Keeps these bodies, in place of the earlier ones of the same files.
    func keep<Documents: Sequence<(String, MarkdownDocument)>>(_ documents: Documents) {
        lock.lock()
        defer { lock.unlock() }
        for (file, document) in documents { parsed[file] = document }
    }

    /// Forgets the bodies of files not in `files` (deleted or renamed), and starts the
    /// count of the next validation.
    /// Documents whose links were resolved without a problem in the last validation, and
    /// the world they were resolved in.
    private var resolved: (world: LinkResolver.World, kept: [ObjectIdentifier: LinkResolver.Resolution])?
    private var resolutionsTaken = 0

    /// How many documents the last validation took with their links as resolved before.
    public var linksReused: Int {
        lock.lock()
        defer { lock.unlock() }
        return resolutionsTaken
    }

    /// The documents resolved last time, when it was in `world`; the memo keeps them no
    /// longer.
    func resolutions(in world: LinkResolver.World) -> [ObjectIdentifier: LinkResolver.Resolution]? {
        lock.lock()
        defer { lock.unlock() }
        let last = resolved
        resolved = nil
        guard let last, last.world == world else { return nil }
        return last.kept
    }

    /// Keeps this validation's resolved documents (each holding its document, so that
    /// its identity is not taken by another).
    func keep(_ kept: [ObjectIdentifier: LinkResolver.Resolution], in world: LinkResolver.World, reused: Int) {
        lock.lock()
        defer { lock.unlock() }
        resolved = (world, kept)
        resolutionsTaken = reused
    }

    func settle(keeping files: Set<String>) {
        lock.lock()
        defer { lock.unlock() }
        parsed = parsed.filter { files.contains($0.key) }
        taken = taking
        taking = 0
    }
}
