import DossierFigures
import DossierHTML
import DossierMarkdown
import DossierModel
import DossierRecords
import Foundation

/// Feeds arbitrary bytes through the parsers and checks, as records would arrive.
///
/// The first byte chooses what the rest is: an issues.csv (in UTF-8 or GB18030), a
/// weekly note or article with front matter, a project.yml, or Markdown with
/// references that is rendered and read back as HTML, whose search sections must be
/// those read from the tree. Whatever the bytes, nothing may crash; problems must come
/// back as diagnostics. Clean records are counted and their Markdown rendered, as a
/// build would. The libFuzzer target and the tests that replay found inputs both call
/// `run`.
public enum FuzzHarness {
    public static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let body = data.dropFirst()
        let root = URL(fileURLWithPath: "/nonexistent-fuzz-site")
        switch selector % 5 {
        case 0, 1:
            let encoding: TextEncoding = selector % 5 == 0 ? .utf8 : .gb18030
            guard case .success(let text) = TextDecoder.decode(Data(body), as: encoding) else { return }
            let (table, _) = CSVParser().parse(text, file: "content/issues.csv")
            let article = RawNote(
                file: "content/handbook/a.md", name: "a",
                document: FrontMatterDocument.split("# A\n\n[[FK-1]] [x](b.md#y)\n", file: "content/handbook/a.md").0)
            validateAndRender(RawSite(root: root, issues: table, handbook: [article]))
        case 2:
            guard case .success(let text) = TextDecoder.decode(Data(body), as: .utf8) else { return }
            let (weekly, _) = FrontMatterDocument.split(text, file: "content/weekly/2022-W14.md")
            let (article, _) = FrontMatterDocument.split(text, file: "content/handbook/x/y.md")
            let issues = CSVParser().parse("id,title,status,opened\nFK-1,t,open,2022-04-01\n", file: "content/issues.csv").0
            validateAndRender(
                RawSite(
                    root: root, issues: issues,
                    weekly: [RawNote(file: "content/weekly/2022-W14.md", name: "2022-W14", document: weekly)],
                    handbook: [RawNote(file: "content/handbook/x/y.md", name: "x/y", document: article)]))
        case 3:
            guard case .success(let text) = TextDecoder.decode(Data(body), as: .utf8),
                case .success(let project) = YAMLReader.read(text, file: "content/project.yml")
            else { return }
            let issues = CSVParser().parse(
                "id,title,status,opened,category\nFK-1,t,closed,2022-04-01,bug\n", file: "content/issues.csv"
            ).0
            validateAndRender(RawSite(root: root, project: project, issues: issues))
        default:
            let text = String(decoding: body, as: UTF8.self)
            for allowRawHTML in [false, true] {
                let document = MarkdownDocument(text, lineOffset: 3, options: MarkdownOptions(allowRawHTML: allowRawHTML))
                let rendered = document.renderWithSections(
                    destinations: document.links.map { $0.destination }, titles: document.links.map { _ in "T" },
                    labels: AccessibleLabels(headingLink: "Link", footnoteBack: "Back", footnotes: "Notes"))
                let page = HTMLPage(html: rendered.html)
                // The search sections read from cmark-gfm's tree are those read back from the HTML.
                if let sections = rendered.sections, !sections.elementsEqual(page.sections, by: { $0 == $1 }) {
                    fatalError("search sections differ from the HTML's: \(sections) against \(page.sections)")
                }
                // Whatever the Markdown, no unsafe link survives rendering. (Raw HTML the
                // project allows is passed as written; the build's final link check refuses
                // an unsafe scheme in it.)
                if !allowRawHTML {
                    for reference in page.references where !URLSafety.isSafe(reference.value) {
                        fatalError("unsafe link reached the HTML: \(reference.value)")
                    }
                }
                // The mail version keeps no reference that leads nowhere from a mail.
                for reference in HTMLPage(html: MailHTML.inline(rendered.html), collectingText: false).references
                where !MailHTML.linkSchemes.contains(MailHTML.scheme(of: reference.value) ?? "") {
                    fatalError("the mail kept \(reference.element) \(reference.attribute)=\(reference.value)")
                }
            }
        }
    }

    /// Validates; when the records are clean, counts them and renders their Markdown.
    static func validateAndRender(_ raw: RawSite) {
        let (site, problems) = SiteValidator(includeDrafts: true).validate(raw)
        for problem in problems.items {
            precondition(problem.location.line >= 1 && problem.location.column >= 1, "diagnostic without a place: \(problem)")
        }
        guard !problems.hasErrors else { return }
        let asOf = Date(timeIntervalSince1970: 1_650_000_000)
        _ = DashboardFigures(site: site, asOf: asOf)
        for note in site.weeklyNotes { _ = WeekFigures(site: site, week: note.week, asOf: asOf) }
        let documents =
            site.issues.flatMap { [$0.description, $0.resolution] }.compactMap { $0 }
            + site.articles.map(\.body) + site.weeklyNotes.map(\.body)
        for document in documents {
            let html = document.render(
                destinations: site.targets(of: document).map { $0.href(fromRoot: "../") },
                titles: site.referenceTitles(of: document))
            _ = HTMLPage(html: html)
        }
    }
}
