import DossierSite
import Foundation
import Testing

/// A Chinese and a Russian project tried as a new user tries them, from `init` to
/// `check`, `build`, `report` and `new`, with broken records and refused commands on the
/// way: no English sentence in anything a command prints, while the parts machines read
/// (`error:`, rule ids, paths, exit statuses) stay as they are.
@Suite struct EveryCommandSpeaksTests {
    /// One command's run and what it printed.
    struct Said {
        var command: String
        var run: EndToEndTests.Run
    }

    /// Runs `dossier`; with no `--lang` the language is the project's.
    static func dossier(_ arguments: [String], in folder: URL) throws -> EndToEndTests.Run {
        try EndToEndTests().run(EndToEndTests.binary.path, arguments, in: folder)
    }

    /// English prose in printed text: three ASCII words in a row, once paths, code spans,
    /// quoted values and option names are taken out (`EnglishRun`'s rules, for text).
    static func englishRun(in text: String) -> String? {
        for line in text.split(separator: "\n") {
            // The source line under a diagnostic and its caret are the record itself.
            if line.hasPrefix("  ") && line.contains(" | ") { continue }
            if let run = EnglishRun.find(in: Message("x"), language: .en, text: String(line)) { return run }
        }
        return nil
    }

    @Test(arguments: ["zh", "ru"])
    func noEnglishSentenceOnAnyCommand(_ language: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("speaks-\(language)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        var said: [Said] = []
        func run(_ arguments: String..., in where: URL? = nil) throws -> EndToEndTests.Run {
            let result = try Self.dossier(arguments, in: `where` ?? site)
            said.append(Said(command: arguments.joined(separator: " "), run: result))
            return result
        }

        #expect(try run("init", "site", "--language", language, in: folder).status == 0)
        #expect(try run("init", "site", "--language", language, in: folder).status == 2)
        #expect(try run("check").status == 0)
        #expect(try run("build").status == 0)
        #expect(try run("build").status == 0)  // up to date
        #expect(try run("build", "--output", site.path).status == 2)
        #expect(try run("build", "--as-of", "13/14/2026").status == 2)
        #expect(try run("report", "weekly", "--week", "2026-W02").status == 0)
        #expect(try run("report", "weekly", "--week", "2026-W02", "--format", "text").status == 0)
        #expect(try run("report", "weekly", "--week", "2030-W01", "--format", "html").status == 2)
        #expect(try run("new", "issue", language == "zh" ? "打印机无法连接" : "Принтер не печатает").status == 0)
        #expect(try run("new", "weekly").status == 0)
        #expect(try run("new", "weekly").status == 2)
        #expect(try run("new", "article", "../outside").status == 2)
        #expect(try run("new", "issue", "x", "--owner", "nobody").status == 2)
        #expect(try run("diff", "HEAD").status == 2)  // not a git repository
        for git in [
            ["init", "-q"], ["add", "-A"], ["-c", "user.name=PM", "-c", "user.email=pm@example.com", "commit", "-qm", "start"],
        ] {
            #expect(try EndToEndTests().run("/usr/bin/git", git, in: site).status == 0)
        }
        #expect(try run("diff").status == 2)  // no revision named
        #expect(try run("diff", "nosuch").status == 2)
        #expect(try run("new", "issue", language == "zh" ? "报表导出乱码" : "Отчёт выгружается с кракозябрами").status == 0)
        #expect(try run("diff", "HEAD").status == 0)

        // A broken record: an unknown status, an unknown category, a resolved issue without its date.
        let issues = site.appendingPathComponent("content/issues.csv")
        var text = try String(contentsOf: issues, encoding: .utf8)
        text = text.replacingOccurrences(of: language == "zh" ? ",进行中," : ",В работе,", with: ",Doing,")
        text +=
            language == "zh"
            ? "FK-099,报销单无法提交,已解决,普通,财务,1,,,,2026-01-05 09:00,,,,,,\n"
            : "DO-99,Не отправляется отчёт,Решена,Нормальный,Финансы,1,,,,2026-01-05 09:00,,,,,,\n"
        try Data(text.utf8).write(to: issues)
        #expect(try run("check").status == 1)
        #expect(try run("build").status == 1)
        #expect(try run("report", "weekly", "--week", "2026-W02").status == 1)
        #expect(try run("diff", "HEAD").status == 0)  // the problems at the work tree, listed
        #expect(try run("report", "weekly", "--week", "2026-14").status == 2)
        #expect(try run("new", "weekly", "--week", "2025-W53").status == 2)
        #expect(try run("serve", folder.appendingPathComponent("nosuch").path, "--lang", language).status == 2)
        #expect(try run("diff", "HEAD", folder.appendingPathComponent("nosuch").path, "--lang", language).status == 2)

        // One typo in project.yml: still the project's language, and only that typo (the
        // broken issues above, read against default settings, would not say what is wrong).
        let project = site.appendingPathComponent("content/project.yml")
        let settings = try String(contentsOf: project, encoding: .utf8)
        let unclosed = try #require(settings.range(of: "sla: 1h}"))
        try Data(settings.replacingCharacters(in: unclosed, with: "sla: 1h").utf8).write(to: project)
        let typo = try run("check")
        #expect(typo.status == 1)
        #expect(typo.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.count == 1)
        #expect(typo.stdout.hasPrefix("content/project.yml:"))
        #expect(typo.stderr.contains("note: ") && typo.stderr.contains("content/project.yml"))
        #expect(try run("build").status == 1)
        #expect(try run("report", "weekly", "--week", "2026-W02").status == 1)
        #expect(try run("diff", "HEAD").status == 0)
        #expect(try run("build", "--output", site.path).status == 2)  // a refusal before the records are read

        #expect(said.count == 33)
        for entry in said {
            for (stream, printed) in [("stdout", entry.run.stdout), ("stderr", entry.run.stderr)] {
                let english = Self.englishRun(in: printed)
                #expect(
                    english == nil,
                    "dossier \(entry.command) [\(language)] \(stream): English \"\(english ?? "")\" in:\n\(printed)")
            }
        }
        // The broken check says where, with the machine parts as they are in every language.
        let check = try #require(said.first { $0.command == "check" && $0.run.status == 1 })
        #expect(check.run.stdout.contains("content/issues.csv:"))
        #expect(check.run.stdout.contains(": error: ") && check.run.stdout.contains("[issue-status]"))
    }

    @Test func theCheckFindsEnglishInPrintedText() {
        #expect(Self.englishRun(in: "dossier: /tmp/x is not empty; dossier init writes") != nil)
        #expect(Self.englishRun(in: "dossier: /tmp/x 不是空文件夹；dossier init 只写入新的或空的文件夹") == nil)
        #expect(Self.englishRun(in: "content/a.csv:3:4: error: 未知状态\"Doing\" [issue-status]\n  3 | a,b c d e,f\n") == nil)
    }
}
