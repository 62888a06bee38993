import Foundation
import PackagePlugin

/// Builds the theme's string files (`templates/strings/*.yml`) into DossierDiagnostics, so
/// every stage can word its diagnostics in the project's language without the whole theme.
///
/// The same POSIX shell script as EmbedTheme does the work (see there why not a Swift tool).
@main
struct EmbedStrings: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "templates/strings")
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedTheme/embed-folder.sh")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedStrings.swift")
        var inputs = [script]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".yml") { inputs.append(folder.appending(path: name)) }
        return [
            .buildCommand(
                displayName: "Embedding the theme's strings",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: [script.path, output.path, folder.path, "EmbeddedStrings"],
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
