import DossierRecords
import DossierUtilities
import Foundation
import Testing

/// The one folder walker and its hidden-file rule: a name starting with `.` is skipped,
/// with everything under it; the loader and the build manifest see the same files.
@Suite struct FolderWalkerTests {
    func folder(_ files: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-walk-\(UUID().uuidString)")
        for path in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(path.utf8).write(to: url)
        }
        return root
    }

    @Test func hiddenFilesAndFoldersAreSkipped() throws {
        let root = try folder([
            "a.md", ".a.md.swp", ".DS_Store", "审批/流程.md", "审批/.流程.md~", ".git/HEAD", "b/.hidden/c.md", "b/c.md",
        ])
        let entries = FolderWalker.files(under: root)
        #expect(entries.map(\.path) == ["a.md", "b/c.md", "审批/流程.md"])
        #expect(entries.map(\.size) == ["a.md", "b/c.md", "审批/流程.md"].map { $0.utf8.count })
        #expect(FolderWalker.files(under: root, recursive: false).map(\.path) == ["a.md"])
        #expect(FolderFiles(root: root).files(under: "", recursive: true) == entries.map(\.path))
        #expect(FolderWalker.files(under: root.appendingPathComponent("missing")).isEmpty)
        #expect(FolderWalker.isHidden(".a.md.swp") && !FolderWalker.isHidden("a.md"))
    }

    /// Files held in memory (a git revision) follow the same rule.
    @Test func memoryFilesFollowTheSameRule() {
        let files = MemoryFiles([
            "content/a.md": Data(), "content/.a.md.swp": Data(), "content/.git/HEAD": Data(), "content/b/c.md": Data(),
        ])
        #expect(files.files(under: "content", recursive: true) == ["a.md", "b/c.md"])
    }

    @Test func linksAreFollowed() throws {
        let root = try folder(["real/x.md"])
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("linked").path, withDestinationPath: root.appendingPathComponent("real").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("broken.md").path, withDestinationPath: root.appendingPathComponent("none").path)
        #expect(FolderWalker.files(under: root).map(\.path) == ["linked/x.md", "real/x.md"])
    }

    /// A folder linked into itself (or into one inside it), or to a folder above the
    /// walk's, is not walked again, where it was walked until the system refused the
    /// path; a folder linked twice elsewhere is walked at each place.
    @Test func aFolderLinkedIntoItselfIsWalkedOnce() throws {
        let root = try folder(["a/x.md", "a/b/y.md", "c/z.md"])
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/b/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/self").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/c").path, withDestinationPath: "../c")
        // A folder above the walk's own: under a/, a link to the root (as a handbook
        // folder linked to content/ would publish the records).
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/b/root").path, withDestinationPath: "../..")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("a/slash").path, withDestinationPath: "/")
        #expect(FolderWalker.files(under: root.appendingPathComponent("a")).map(\.path) == ["b/y.md", "c/z.md", "x.md"])
        let walked = FolderWalker.stamped(under: root)
        #expect(walked.map(\.path) == ["a/b/y.md", "a/c/z.md", "a/x.md", "c/z.md"])
        #expect(walked.map(\.stamp.size) == [8, 6, 6, 6])
        let z = try #require(FolderWalker.stamp(root.appendingPathComponent("c/z.md").path))
        #expect(walked.filter { $0.path.hasSuffix("z.md") }.allSatisfy { $0.stamp == z })
    }

    /// A walked folder that is itself a link to a folder above it walks nothing, and no
    /// walk follows a link to a folder it is told to avoid (a site's walks avoid the site
    /// and its content/), unless that folder is the one walked.
    @Test func aWalkedFolderLinkedAboveItselfOrToAnAvoidedFolderWalksNothing() throws {
        let site = try folder(["content/issues.csv", "content/team.csv", "templates/assets/a.css"])
        let fm = FileManager.default
        let handbook = site.appendingPathComponent("content/handbook")
        try fm.createSymbolicLink(atPath: handbook.path, withDestinationPath: "..")
        #expect(FolderWalker.files(under: handbook).isEmpty)
        try fm.removeItem(at: handbook)
        try fm.createSymbolicLink(atPath: handbook.path, withDestinationPath: "/")
        #expect(FolderWalker.files(under: handbook).isEmpty)
        try fm.createSymbolicLink(
            atPath: site.appendingPathComponent("templates/assets/records").path, withDestinationPath: "../../content")
        let avoiding = [site, site.appendingPathComponent("content")]
        let templates = site.appendingPathComponent("templates")
        #expect(FolderWalker.files(under: templates, avoiding: avoiding).map(\.path) == ["assets/a.css"])
        #expect(FolderWalker.files(under: templates).map(\.path).contains("assets/records/team.csv"))
        let content = FolderWalker.files(under: site.appendingPathComponent("content"), avoiding: avoiding).map(\.path)
        #expect(content == ["issues.csv", "team.csv"])
        #expect(FolderFiles(root: site).files(under: "templates", recursive: true) == ["assets/a.css"])
    }
}
