import DossierSite
import Foundation
import Testing

/// Runs the built `dossier` binary as a user would.
@Suite struct EndToEndTests {
    /// The binary sits beside the test bundle in the build folder.
    static let binary: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("dossier").path), folder.path != "/" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("dossier")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func dossier(_ arguments: String..., in folder: URL? = nil) throws -> Run {
        try run(Self.binary.path, arguments, in: folder)
    }

    func run(_ executable: String, _ arguments: String...) throws -> Run { try run(executable, arguments, in: nil) }

    /// Runs a program with SOURCE_DATE_EPOCH set, collecting its output.
    func run(_ executable: String, _ arguments: [String], in folder: URL?) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = "1773306000"  // 2026-03-12 09:00 UTC
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Every file under `folder` with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return files
    }

    @Test func theRepositorysSampleProjectChecksClean() throws {
        let repository = Fixtures.root.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let run = try dossier("check", repository.path)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.isEmpty)
    }

    @Test func buildWritesTheSiteAndChecksClean() throws {
        let site = try Fixtures.copy("valid")
        let run = try dossier("build", site.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("wrote"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("output/index.html").path))
        let check = try dossier("check", in: site)  // SITE defaults to the current folder
        #expect(check.status == 0)
    }

    @Test func aBrokenRecordFailsWithItsPlaceAndLeavesTheOldSite() throws {
        let site = try Fixtures.copy("valid")
        #expect(try dossier("build", site.path).status == 0)
        let before = try snapshot(site.appendingPathComponent("output"))
        let records = try snapshot(site.appendingPathComponent("content"))

        let issues = site.appendingPathComponent("content/issues.csv")
        let text = try String(contentsOf: issues, encoding: .utf8).replacingOccurrences(of: "In Progress", with: "Doing")
        try Data(text.utf8).write(to: issues)

        let check = try dossier("check", site.path)
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("content/issues.csv:7:34: error: unknown status \"Doing\""))
        #expect(check.stdout.contains("[issue-status]"))
        let build = try dossier("build", site.path)
        #expect(build.status == 1)
        #expect(build.stderr.contains("content/issues.csv:7:34"))
        #expect(try snapshot(site.appendingPathComponent("output")) == before)
        // Nothing but the edited file changed under content/.
        var after = try snapshot(site.appendingPathComponent("content"))
        after["issues.csv"] = records["issues.csv"]
        #expect(after == records)
    }

    @Test func noCommandWritesIntoRecordsOrTemplates() throws {
        let site = try Fixtures.copy("valid")
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<p>{{page.title}}</p>{{{content}}}\n".utf8).write(to: templates.appendingPathComponent("milestones.mustache"))
        let records = try snapshot(site.appendingPathComponent("content"))
        let theme = try snapshot(templates)
        for arguments in [
            ["check", site.path], ["check", site.path, "--format", "json"], ["build", site.path],
            ["build", site.path, "--drafts"], ["report", "weekly", site.path, "--week", "2026-W10", "--format", "email"],
            ["report", "weekly", site.path, "--format", "json"],
        ] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(arguments)")
            #expect(try snapshot(site.appendingPathComponent("content")) == records, "\(arguments) wrote into content/")
            #expect(try snapshot(templates) == theme, "\(arguments) wrote into templates/")
        }
        // The site's own template was used.
        let milestones = try String(contentsOf: site.appendingPathComponent("output/milestones/index.html"), encoding: .utf8)
        #expect(milestones.contains("<p>Milestones</p>") && milestones.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func aBrokenLinkInATemplateIsLocatedThere() throws {
        let site = try Fixtures.copy("valid")
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<h1>{{page.title}}</h1>\n<p>See <a href=\"{{root}}handbook/nowhere.html\">this</a>.</p>\n".utf8)
            .write(to: templates.appendingPathComponent("milestones.mustache"))
        let run = try dossier("build", site.path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("templates/milestones.mustache:2:"), "\(run.stderr)")
        #expect(run.stderr.contains("[broken-link]"))
    }

    @Test func diagnosticFormats() throws {
        let site = try Fixtures.copy("valid")
        let issues = site.appendingPathComponent("content/issues.csv")
        let text = try String(contentsOf: issues, encoding: .utf8).replacingOccurrences(of: "Urgent", with: "Urgnt")
        try Data(text.utf8).write(to: issues)
        let json = try dossier("check", site.path, "--format", "json")
        #expect(json.status == 1)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(items.count == 1)
        #expect(items[0]["rule"] as? String == "issue-priority")
        #expect(items[0]["line"] as? Int == 8)  // EX-3: EX-1's description spans lines 2 to 6
        #expect((items[0]["message"] as? String)?.contains("did you mean \"urgent\"") == true)
        let github = try dossier("check", site.path, "--format", "github")
        #expect(github.stdout.hasPrefix("::error file=content/issues.csv,line=8,col=49,title=issue-priority::"))
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let site = try Fixtures.copy("valid")
        let project = site.appendingPathComponent("content/project.yml")
        try Data((try String(contentsOf: project, encoding: .utf8) + "colour: blue\n").utf8).write(to: project)
        let plain = try dossier("check", site.path)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("warning: unknown key `colour`"))
        #expect(try dossier("check", site.path, "--strict").status == 1)
    }

    @Test func usageProblemsExitTwo() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try dossier("check", empty.path).status == 2)
        #expect(try dossier("check", "--format", "xml").status == 2)
        #expect(try dossier("report", "weekly", Fixtures.site("valid").path, "--week", "2026-14").status == 2)
    }

    /// An output the build cannot write is said in the project's language, with the path
    /// and the reason, and exits 2 (a usage problem), not 1 (problems in the records).
    @Test func anOutputThatCannotBeWrittenIsSaidInTheReadersLanguage() throws {
        let site = try Fixtures.copy("valid")
        let file = site.appendingPathComponent("a-file")
        try Data("not a folder\n".utf8).write(to: file)
        let run = try dossier("build", site.path, "--output", file.appendingPathComponent("site").path, "--lang", "zh")
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: \(file.path)"), "\(run.stderr)")
        #expect(run.stderr.contains("无法写入（该位置已有同名文件，无法建立文件夹）"), "\(run.stderr)")
        #expect(!run.stderr.contains("Error Domain"), "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test(arguments: [
        (CocoaError(.fileWriteNoPermission) as any Error, "没有权限"),
        (
            NSError(
                domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))]), "没有权限"
        ),
        (POSIXError(.EROFS), "文件系统为只读"), (CocoaError(.fileWriteOutOfSpace), "磁盘空间不足"),
    ])
    func theUsualReasonsAFileCannotBeWrittenAreWordedInTheReadersLanguage(_ error: any Error, _ reason: String) {
        let text = UsageFailure.cannotWrite(file: "/srv/site/output", error: error).text(in: .zh)
        #expect(text == "/srv/site/output：无法写入（\(reason)）")
    }

    /// Without git on PATH, `diff` says git is missing, not that the folder is no repository.
    @Test func diffWithoutGitSaysGitIsNotInstalled() throws {
        let site = Fixtures.site("valid")
        let run = try run(
            "/usr/bin/env", ["PATH=/nonexistent", Self.binary.path, "diff", "HEAD", site.path, "--lang", "ru"], in: nil)
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("dossier: git не установлен"), "\(run.stderr)")
    }

    @Test func buildRefusesFoldersItMustNotReplace() throws {
        let site = try Fixtures.copy("valid")
        let siteItself = try dossier("build", site.path, "--output", site.path)
        #expect(siteItself.status == 2)
        #expect(try dossier("build", site.path, "--output", site.deletingLastPathComponent().path).status == 2)
        let foreign = site.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let refused = try dossier("build", site.path, "--output", foreign.path)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("did not create"))
        #expect(FileManager.default.contents(atPath: foreign.appendingPathComponent("notes.txt").path) == Data("keep me".utf8))
    }

    @Test func weeklyReportFormats() throws {
        let site = Fixtures.site("valid")
        let json = try dossier("report", "weekly", site.path, "--week", "2026-W10", "--format", "json")
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        #expect(object["opened"] as? Int == 4)
        #expect(object["status"] as? String == "green")
        // The week defaults to the one holding the as-of date (SOURCE_DATE_EPOCH: 2026-W11).
        let current = try dossier("report", "weekly", site.path, "--format", "json")
        #expect(
            (try JSONSerialization.jsonObject(with: Data(current.stdout.utf8)) as! [String: Any])["week"] as? String == "2026-W11"
        )
        let markdown = try dossier("report", "weekly", site.path, "--week", "2026-W10")
        #expect(markdown.stdout.hasPrefix("# Acme Expense Rollout · Weekly report 2026-W10 (Mar 2 – Mar 8)\n"))
        #expect(markdown.stdout.contains("\n| Issues opened | 4 | "))
        let text = try dossier("report", "weekly", site.path, "--week", "2026-W10", "--format", "text")
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("Acme Expense Rollout · Weekly report 2026-W10 (Mar 2 – Mar 8)\n"))
        #expect(text.stdout.contains("\nIssues opened: 4 ("))
        #expect(!text.stdout.contains("| "))
        let email = try dossier("report", "weekly", site.path, "--week", "2026-W10", "--format", "email")
        #expect(email.stdout.contains("<!DOCTYPE html>") || email.stdout.contains("<!doctype html>"))
        #expect(!email.stdout.contains("<script"))
        // Without base_url the links to the site are text: said once, on standard error,
        // for every report that leaves the site.
        for report in [email, markdown, text] {
            #expect(
                report.stderr.contains("note: content/project.yml has no base_url: the report's links to the site are left out"))
            #expect(report.stderr.components(separatedBy: "note:").count == 2)
        }
        let html = try dossier("report", "weekly", site.path, "--week", "2026-W10", "--format", "html")
        #expect(!html.stderr.contains("base_url"))
    }

    /// `base_url: example.com/erp` (no scheme) is one error at its value in project.yml,
    /// the same from `check`, `build` and `report weekly --format email`: none of them
    /// passes it on to links that lead nowhere, or blames a built-in template.
    @Test func aBaseURLWithoutASchemeIsOneLocatedErrorForEveryCommand() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.site("invalid/project-value-base-url"), to: site)
        let expected = try String(contentsOf: site.appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(expected.hasPrefix("content/project.yml:2:11: error: base_url \"example.com/erp\""))
        #expect(expected.contains("write base_url: https://example.com/erp/"))
        #expect(expected.components(separatedBy: ": error: ").count == 2, "exactly one error")

        let check = try dossier("check", site.path)
        #expect(check.status == 1)
        #expect(check.stdout == expected)

        let build = try dossier("build", site.path)
        #expect(build.status == 1)
        #expect(build.stderr.contains(expected), "\(build.stderr)")
        #expect(!build.stderr.contains("mustache"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("output").path))

        let mail = try dossier("report", "weekly", site.path, "--week", "2022-W14", "--format", "email")
        #expect(mail.status == 1)
        #expect(!mail.stdout.contains("href="))
        #expect(mail.stderr.contains(expected), "\(mail.stderr)")
    }
}
