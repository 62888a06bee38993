import Foundation
import Testing

@testable import DossierSite

/// Which path a file-system error during a build is said with (`UsageFailure.writing`).
@Suite struct WriteFailureTests {
    static func path(of error: any Error, output: String) -> String? {
        guard case .cannotWrite(let file, _) = UsageFailure.writing(error, file: output) as? UsageFailure else { return nil }
        return file
    }

    static func error(at path: String) -> NSError {
        NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteNoPermission.rawValue, userInfo: [NSFilePathErrorKey: path])
    }

    @Test func aHiddenFolderThatCouldNotBeMadeNamesTheFolderItGoesIn() {
        let site = "/nonexistent-\(UUID().uuidString)/site"
        #expect(Self.path(of: Self.error(at: "\(site)/.output.dossier-new"), output: "\(site)/output") == site)
        #expect(Self.path(of: Self.error(at: "\(site)/.output.dossier-new/issues/a.html"), output: "\(site)/output") == site)
    }

    @Test func aHiddenFolderLeftThereIsNamedToBeRemoved() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-left-\(UUID().uuidString)")
        let left = site.appendingPathComponent(".public.dossier-old")
        try FileManager.default.createDirectory(at: left.appendingPathComponent("issues"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(Self.path(of: Self.error(at: left.path + "/issues/a.html"), output: site.path + "/public") == left.path)
    }

    @Test func anOrdinaryPathIsNamedAsTheSystemNamesIt() {
        #expect(Self.path(of: Self.error(at: "/srv/www"), output: "/srv/www/site") == "/srv/www")
        #expect(Self.path(of: POSIXError(.ENOSPC), output: "/srv/www/site") == "/srv/www/site")
        // Not the file system's: passed on as it is.
        struct Other: Error {}
        #expect(Self.path(of: Other(), output: "/srv/www/site") == nil)
    }
}
