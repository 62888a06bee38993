import Foundation
import PackagePlugin

/// Builds the version (VERSION) and the commit the source is at into the `dossier`
/// executable, for `dossier --version`.
///
/// A pre-build command, so it runs on every build: the commit moves without any input
/// file of the package changing (a commit, a checkout, an edit that makes the tree
/// dirty). The script rewrites its output only when the text changes, so an unchanged
/// commit costs one `git describe` and compiles nothing.
@main
struct EmbedVersion: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedVersion/build-info.sh")
        let folder = context.pluginWorkDirectoryURL.appending(path: "BuildInfo")
        var environment: [String: String] = [:]
        for key in ["DOSSIER_COMMIT", "DOSSIER_COMMIT_DATE", "PATH", "HOME"] {
            if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
        }
        return [
            .prebuildCommand(
                displayName: "Recording the version and commit",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [
                    script.path, folder.appending(path: "BuildInfo.swift").path, context.package.directoryURL.path,
                ],
                environment: environment,
                outputFilesDirectory: folder)
        ]
    }
}
