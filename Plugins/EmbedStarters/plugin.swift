import Foundation
import PackagePlugin

/// Builds the starter sites of `dossier init` (the repository's `starters/` folder, one
/// folder per language) into the binary, with the theme's shell script: see EmbedTheme
/// for why it is not a Swift tool. A file newly added to starters/ is picked up by the
/// next clean build or a change to Package.swift.
@main
struct EmbedStarters: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "starters")
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedTheme/embed-folder.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStarters.swift")
        var inputs = [script]
        if let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the starter sites",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, output.path, folder.path, "EmbeddedStarters", "docs"],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
