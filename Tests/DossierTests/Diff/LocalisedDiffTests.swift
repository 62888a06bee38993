import DossierDiagnostics
import DossierRecords
import DossierScaffold
import Foundation
import Testing

@testable import DossierDiff

/// `dossier diff`'s Markdown in Chinese and Russian, on the starter site of each language
/// changed in every way the diff reports:
///
/// - issue 1 reopened, issue 2 resolved and given to another owner, issue 4 changed in
///   title, priority, category, tier, due and milestone, issue 5 broken (an opened date
///   that is none: not compared, and a problem of the newer revision), issue 6 removed,
///   issue 7 added;
/// - milestone M2 reached;
/// - the note of 2026-W01 removed, 2026-W02 changed, 2026-W03 added;
/// - an article removed, one added, the budget article changed, setup/login renamed to
///   setup/sign-in (and the links to it with it).
@Suite struct LocalisedDiffTests {
    /// The words of each language's records that the changes are written in.
    struct Records {
        var prefix: String
        var open: String, inProgress: String, resolved: String
        var normal: String, urgent: String
        var firstCategory: String, bugCategory: String
        var people: (String, String, String)
        var titles: (changed: String, changedNow: String, broken: String, removed: String, added: String)
        var notes: (first: String, third: String, added: String)
        var articles: (removed: String, added: String)
    }

    static let records: [String: Records] = [
        "zh": Records(
            prefix: "FK-00", open: "新建", inProgress: "进行中", resolved: "已解决", normal: "普通", urgent: "紧急",
            firstCategory: "操作咨询", bugCategory: "系统缺陷", people: ("lina", "zhaolei", "liuyang"),
            titles: ("打印机无法连接", "打印机无法连接网络", "月结凭证重复", "重复提交的问题", "差旅标准未生效"),
            notes: ("项目启动会召开", "推广方案已确认", "审批流已修复。"), articles: ("旧报销单样式", "新报销单样式")),
        "ru": Records(
            prefix: "DO-", open: "Новая", inProgress: "В работе", resolved: "Решена", normal: "Нормальный", urgent: "Срочный",
            firstCategory: "Консультация", bugCategory: "Ошибка", people: ("ivanov", "petrova", "kozlov"),
            titles: (
                "Принтер не подключается", "Принтер не подключается к сети", "Проводки закрытия месяца задваиваются",
                "Дубль проблемы", "Нормы командировок не действуют"
            ),
            notes: ("Проект запущен", "План тиражирования утверждён", "Маршрут согласования исправлен."),
            articles: ("Старые формы заявок", "Новые формы заявок")),
    ]

    static let renames = ["content/handbook/setup/login.md": "content/handbook/setup/sign-in.md"]
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-localised-diff")

    /// The starter of `language` with the three issues, the note and the article the
    /// change works on (`old`), and after it (`new`).
    static func everyKindOfChange(_ language: String) throws -> (old: [String: Data], new: [String: Data]) {
        let words = try #require(records[language])
        var old = try #require(Starter.files(language: language))
        func text(_ files: [String: Data], _ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }
        func edit(_ files: inout [String: Data], _ path: String, _ change: (String) -> String) {
            files[path] = Data(change(text(files, path)).utf8)
        }
        func row(
            _ number: Int, _ title: String, _ status: String, _ priority: String, _ category: String, _ tier: Int,
            _ owner: String, opened: String, due: String = "", milestone: String
        ) -> String {
            "\(words.prefix)\(number),\(title),\(status),\(priority),\(category),\(tier),,\(words.people.0),\(owner),\(opened),,\(due),\(milestone),,,\n"
        }
        func note(_ week: String, _ summary: String) -> Data {
            Data("---\nweek: \(week)\nstatus: green\nsummary: \(summary)\n---\n\n\(summary)\n".utf8)
        }
        func article(_ title: String) -> Data {
            Data("---\ntitle: \(title)\ntags: []\naudience: all\nupdated: 2026-01-08\nissues: []\n---\n\n\(title)\n".utf8)
        }
        let people = words.people
        edit(&old, "content/issues.csv") {
            $0
                + row(
                    4, words.titles.changed, words.open, words.normal, words.firstCategory, 1, people.1,
                    opened: "2026-01-08 09:00", milestone: "M1")
                + row(
                    5, words.titles.broken, words.open, words.normal, words.firstCategory, 1, people.1,
                    opened: "2026-01-08 10:00", milestone: "M1")
                + row(
                    6, words.titles.removed, words.open, words.normal, words.firstCategory, 1, people.1,
                    opened: "2026-01-08 11:00", milestone: "M1")
        }
        old["content/weekly/2026-W01.md"] = note("2026-W01", words.notes.first)
        old["content/handbook/faq/old-forms.md"] = article(words.articles.removed)

        var new = old
        edit(&new, "content/issues.csv") { csv in
            var lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            func change(_ number: Int, _ edit: (String) -> String) {
                let index = lines.firstIndex { $0.hasPrefix("\(words.prefix)\(number),") }!
                lines[index] = edit(lines[index])
            }
            change(1) {
                $0.replacingOccurrences(of: ",\(words.resolved),", with: ",\(words.open),")
                    .replacingOccurrences(of: ",2026-01-05 11:30,", with: ",,")
            }
            change(2) {
                $0.replacingOccurrences(of: ",\(words.inProgress),", with: ",\(words.resolved),")
                    .replacingOccurrences(
                        of: ",\(people.0),\(people.1),2026-01-06 10:00,,",
                        with: ",\(people.0),\(people.2),2026-01-06 10:00,2026-01-12 10:00,")
            }
            change(4) { _ in
                row(
                    4, words.titles.changedNow, words.open, words.urgent, words.bugCategory, 2, people.1,
                    opened: "2026-01-08 09:00", due: "2026-01-20", milestone: "M2"
                ).trimmingCharacters(in: .newlines)
            }
            change(5) { $0.replacingOccurrences(of: "2026-01-08 10:00", with: "2026-13-45") }
            lines.removeAll { $0.hasPrefix("\(words.prefix)6,") }
            lines.insert(
                row(
                    7, words.titles.added, words.open, words.urgent, words.bugCategory, 3, people.2, opened: "2026-01-13 09:00",
                    milestone: "M2"
                ).trimmingCharacters(in: .newlines),
                at: lines.count - 1)
            return lines.joined(separator: "\n").replacingOccurrences(of: "[[setup/login", with: "[[setup/sign-in")
        }
        edit(&new, "content/milestones.csv") { $0.replacingOccurrences(of: ",2026-03-31,,", with: ",2026-03-31,2026-01-14,") }
        new["content/weekly/2026-W01.md"] = nil
        edit(&new, "content/weekly/2026-W02.md") { $0.replacingOccurrences(of: "[[setup/login", with: "[[setup/sign-in") + "\n" }
        new["content/weekly/2026-W03.md"] = note("2026-W03", words.notes.third)
        new["content/handbook/faq/old-forms.md"] = nil
        new["content/handbook/faq/new-forms.md"] = article(words.articles.added)
        new["content/handbook/setup/sign-in.md"] = new.removeValue(forKey: "content/handbook/setup/login.md")
        edit(&new, "content/handbook/faq/budget.md") {
            $0.replacingOccurrences(of: "[[setup/login", with: "[[setup/sign-in") + "\n\(words.notes.added)\n"
        }
        return (old, new)
    }

    static func diff(_ language: String, to label: String = "feature") throws -> RecordsDiff {
        let (old, new) = try everyKindOfChange(language)
        return RecordsDiff(
            from: RecordsSnapshot(label: "main", files: MemoryFiles(old), root: root),
            to: RecordsSnapshot(label: label, files: MemoryFiles(new), root: root), renames: renames)
    }

    @Test func theChangesAreAsIntended() throws {
        for language in ["zh", "ru"] {
            let diff = try Self.diff(language)
            let prefix = try #require(Self.records[language]).prefix
            #expect(diff.issuesReopened.map(\.id) == ["\(prefix)1"])
            #expect(diff.issuesResolved.map(\.id) == ["\(prefix)2"])
            #expect(diff.issuesChanged.count == 3)
            #expect(diff.issuesNotCompared == ["\(prefix)5"])
            #expect(diff.issuesRemoved.map(\.id) == ["\(prefix)6"])
            #expect(diff.issuesAdded.map(\.id) == ["\(prefix)7"])
            #expect(diff.milestonesReached.map(\.id) == ["M2"])
            #expect(diff.weeklyAdded.map(\.name) == ["2026-W03"])
            #expect(diff.weeklyChanged.map(\.name) == ["2026-W02"])
            #expect(diff.weeklyRemoved.map(\.name) == ["2026-W01"])
            #expect(diff.articlesAdded.map(\.name) == ["faq/new-forms"])
            #expect(diff.articlesChanged.map(\.name) == ["faq/budget", "setup/sign-in"])
            #expect(diff.articlesRemoved.map(\.name) == ["faq/old-forms"])
            #expect(diff.problems.map(\.revision) == ["feature"], "\(diff.problems.flatMap(\.diagnostics))")
        }
    }

    @Test(arguments: [Language.zh, .ru])
    func theMarkdownIsInTheProjectsLanguage(_ language: Language) throws {
        let diff = try Self.diff(language.rawValue)
        #expect(diff.projectLanguage == language)
        let text = DiffMarkdown(diff, language: language).render()
        try Fixtures.assertSnapshot(text, "golden/diff/every-kind.\(language.rawValue).md")
        switch language {
        case .zh:
            #expect(text.hasPrefix("**记录 `main` → `feature`：** 已解决 1 个问题 · 重新打开 1 个问题 · 新增 1 个问题 · "))
            for title in ["### 已解决的问题（1）\n", "### 已完成的里程碑（1）\n", "### 修改的文章（2）\n", "### `feature` 的检查结果（1 个错误）\n"] {
                #expect(text.contains(title), "no \(title)")
            }
            // Field names from the vocabulary, values in the theme's words and the project's category labels.
            #expect(text.contains("— 状态：处理中 → 已解决；负责人：zhaolei → liuyang；解决日期：— → 2026-01-12 10:00\n"))
            // The resolution's link to the renamed article: counted in lines, not shown.
            #expect(text.contains("— 状态：已解决 → 新建；解决日期：2026-01-05 11:30 → —；解决方案：新增 1 行，删除 1 行\n"))
            #expect(text.contains("；优先级：普通 → 紧急；分类：操作咨询 → 系统缺陷；截止日期：— → 2026-01-20；"))
            #expect(text.contains("— 删除前状态：新建\n"))
            #expect(text.contains("`content/handbook/setup/sign-in.md`（原路径 `content/handbook/setup/login.md`）\n"))
            #expect(text.contains("\n> **未比较**（这些行有错误）：FK-005\n"))
        case .ru:
            #expect(text.hasPrefix("**Записи `main` → `feature`:** 1 проблема решена · 1 проблема открыта повторно · "))
            for title in [
                "### Решённые проблемы (1)\n", "### Достигнутые вехи (1)\n", "### Результаты проверки: `feature` (1 ошибка)\n",
            ] {
                #expect(text.contains(title), "no \(title)")
            }
            #expect(
                text.contains(
                    "— статус: В работе → Решена; ответственный: petrova → kozlov; дата решения: — → 2026-01-12 10:00\n"))
            #expect(
                text.contains(
                    "— статус: Решена → Открыта; дата решения: 2026-01-05 11:30 → —; решение: добавлена 1 строка, удалена 1\n"))
            #expect(text.contains("; приоритет: Обычный → Срочный; категория: Консультация → Ошибка; срок: — → 2026-01-20; "))
            #expect(text.contains(" (прежний путь: `content/handbook/setup/login.md`)\n"))
        case .en:
            break
        }
    }

    /// Counts take the language's plural forms: Russian one/few/many, Chinese one form
    /// with its measure word, English one/other.
    @Test func theSummaryTakesEachLanguagesPluralForms() {
        func summary(resolved: Int, added: Int, articles: Int, _ language: Language) -> String {
            var diff = RecordsDiff(
                from: RecordsSnapshot(label: "a", files: MemoryFiles([:]), root: Self.root),
                to: RecordsSnapshot(label: "b", files: MemoryFiles([:]), root: Self.root))
            diff.issuesChanged = (0..<resolved).map {
                RecordsDiff.IssueChange(
                    id: "R-\($0)", title: "", changes: [.init(field: "status", old: "open", new: "resolved")], resolved: true,
                    reopened: false)
            }
            diff.issuesAdded = (0..<added).map { RecordsDiff.IssueEntry(id: "A-\($0)", title: "", status: "open") }
            diff.articlesChanged = (0..<articles).map {
                RecordsDiff.NoteEntry(file: "content/handbook/\($0).md", oldFile: nil, name: "\($0)", title: "\($0)")
            }
            return DiffMarkdown(diff, language: language).summary
        }
        #expect(summary(resolved: 2, added: 5, articles: 1, .ru) == "2 проблемы решены · 5 проблем добавлено · 1 статья изменена")
        #expect(
            summary(resolved: 1, added: 22, articles: 5, .ru) == "1 проблема решена · 22 проблемы добавлены · 5 статей изменено")
        #expect(
            summary(resolved: 21, added: 11, articles: 2, .ru) == "21 проблема решена · 11 проблем добавлено · 2 статьи изменены")
        #expect(summary(resolved: 2, added: 5, articles: 1, .zh) == "已解决 2 个问题 · 新增 5 个问题 · 修改 1 篇文章")
        #expect(summary(resolved: 2, added: 1, articles: 1, .en) == "2 issues resolved · 1 issue added · 1 article changed")
        #expect(summary(resolved: 0, added: 0, articles: 0, .ru) == "в записях нет изменений")
        #expect(summary(resolved: 0, added: 0, articles: 0, .zh) == "记录没有变化")
    }

    /// No English reaches a Chinese or Russian reader: once what is the records' or the
    /// machine's is taken out, no ASCII word of three letters or more is left. Taken out
    /// are code spans (file paths, revision names, a problem's location), a problem's
    /// severity after its location and its rule id in brackets (as `check` prints them in
    /// every language), the ids the diff holds (issues, milestones, and the people and
    /// milestones of changed fields), and words joined by `/` or `.` (a path or a file
    /// name in a sentence: `setup/login`, `issues.csv`).
    @Test(arguments: [Language.zh, .ru])
    func noEnglishWordReachesTheReader(_ language: Language) throws {
        let diff = try Self.diff(language.rawValue, to: RecordsSnapshot.workTree)
        var unreadable = try Self.everyKindOfChange(language.rawValue)
        unreadable.new["content/issues.csv"] = Data(
            "id,title\n\(Self.records[language.rawValue]!.prefix)1,\(Self.records[language.rawValue]!.titles.added)\n".utf8)
        let unreadableDiff = RecordsDiff(
            from: RecordsSnapshot(label: "main", files: MemoryFiles(unreadable.old), root: Self.root),
            to: RecordsSnapshot(label: "feature", files: MemoryFiles(unreadable.new), root: Self.root))
        #expect(unreadableDiff.issuesUnreadable == ["feature"])
        #expect(
            DiffMarkdown(unreadableDiff, language: language).render().contains(
                language == .zh
                    ? "\n> **未比较问题：** 无法读取 `feature` 的 issues.csv。\n"
                    : "\n> **Проблемы не сравнивались:** не удалось прочитать issues.csv (`feature`).\n"))
        for diff in [diff, unreadableDiff] {
            let text = DiffMarkdown(diff, language: language).render()
            let english = Self.englishWords(in: text, diff: diff)
            #expect(english.isEmpty, "English in the \(language.rawValue) diff: \(english)\n\(text)")
        }
        // The check itself can fail.
        #expect(Self.englishWords(in: DiffMarkdown(diff, language: .en).render(), diff: diff).contains("resolved"))
    }

    static func englishWords(in markdown: String, diff: RecordsDiff) -> [String] {
        var text = markdown
        for pattern in ["`[^`\n]*`", #": (error|warning): "#, #"(?m) \[[a-z0-9-]+\]$"#, #"[A-Za-z0-9_-]+([/.][A-Za-z0-9_-]+)+"#] {
            text = text.replacingOccurrences(of: pattern, with: " · ", options: .regularExpression)
        }
        let ids =
            diff.issuesAdded.map(\.id) + diff.issuesRemoved.map(\.id) + diff.issuesChanged.map(\.id) + diff.issuesNotCompared
            + diff.milestonesReached.map(\.id)
            + diff.issuesChanged.flatMap(\.changes).filter { ["owner", "milestone"].contains($0.field) }.flatMap {
                [$0.old, $0.new].compactMap { $0 }
            }
        for id in Set(ids).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: id, with: " · ")
        }
        return text.matches(of: /[A-Za-z]{3,}/).map { String($0.output) }
    }

    @Test(arguments: [Language.zh, .ru])
    func theWorkTreeIsNamedInWordsAndTheJSONKeepsItsValues(_ language: Language) throws {
        let diff = try Self.diff(language.rawValue, to: RecordsSnapshot.workTree)
        let text = DiffMarkdown(diff, language: language).render()
        switch language {
        case .zh:
            #expect(text.hasPrefix("**记录 `main` → 工作区：**"))
            #expect(text.contains("\n### 工作区的检查结果（1 个错误）\n"))
        default:
            #expect(text.hasPrefix("**Записи `main` → рабочий каталог:** "))
            #expect(text.contains("\n### Результаты проверки: рабочий каталог (1 ошибка)\n"))
        }
        #expect(DiffMarkdown(diff).render().hasPrefix("**Records `main` → the work tree:** 1 issue resolved · "))

        // JSON: the same keys, ids, revisions and canonical values in every language;
        // only the summary and the problems' messages are worded.
        func object(_ language: Language) throws -> [String: Any] {
            var object = try #require(
                try JSONSerialization.jsonObject(with: Data(DiffJSON(diff, language: language).render().utf8)) as? [String: Any])
            object["summary"] = nil
            object["problems"] = (object["problems"] as? [[String: Any]])?.map { $0.filter { $0.key != "message" } }
            return object
        }
        let worded = try object(language)
        #expect(NSDictionary(dictionary: worded).isEqual(to: try object(.en)))
        #expect(worded["to"] as? String == "work tree")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(DiffJSON(diff, language: language).render().utf8)) as? [String: Any])
        #expect(json["summary"] as? String == DiffMarkdown(diff, language: language).summary)
        let changed = try #require((json["issues"] as? [String: Any])?["changed"] as? [[String: Any]])
        let resolved = try #require(changed.first { $0["id"] as? String == "\(Self.records[language.rawValue]!.prefix)2" })
        let status = try #require(resolved["changes"] as? [[String: Any]]).first
        #expect(status?["field"] as? String == "status")
        #expect(status?["old"] as? String == "in-progress" && status?["new"] as? String == "resolved")
    }

    /// A site that words a status its own way (templates/strings/<language>.yml) reads it
    /// so in the diff too, as on its pages.
    @Test func theSitesOwnWordsForAStatusAreTheDiffs() throws {
        let (old, before) = try Self.everyKindOfChange("zh")
        var new = before
        new["templates/strings/zh.yml"] = Data("words:\n  status_open: 待处理\n".utf8)
        let diff = RecordsDiff(
            from: RecordsSnapshot(label: "main", files: MemoryFiles(old), root: Self.root),
            to: RecordsSnapshot(label: "feature", files: MemoryFiles(new), root: Self.root), renames: Self.renames)
        let text = DiffMarkdown(diff, language: .zh).render()
        #expect(text.contains("**FK-001** 重置密码后无法登录 — 状态：已解决 → 待处理；"))
        #expect(text.contains("**FK-007** 差旅标准未生效 — 待处理\n"))
    }
}
