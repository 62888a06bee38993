import Foundation
import PackagePlugin

/// Builds every file of the repository's `templates/` folder into the binary, so the
/// default theme travels inside `dossier`.
///
/// The work is a POSIX shell script run as a build command, not a Swift helper tool:
/// fuzzing builds link libFuzzer's `main` into every executable, a host tool included.
/// The command runs again whenever a theme file changes; a file newly added to
/// templates/ is picked up by the next clean build or a change to Package.swift.
@main
struct EmbedTheme: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let themeFolder = context.package.directoryURL.appending(path: "templates")
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedTheme/embed-folder.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTheme.swift")
        var inputs = [script]
        if let walker = FileManager.default.enumerator(at: themeFolder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the default theme",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, output.path, themeFolder.path, "EmbeddedTheme"],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
