import Foundation

// Usage: ThemeEmbedder THEME_FOLDER OUTPUT_SWIFT_FILE
//
// Writes `EmbeddedTheme.files`, a map from each file's path relative to THEME_FOLDER
// ("layout.mustache", "assets/dossier.css") to its text. Files are listed in sorted
// order so the generated source, and so the binary, is the same on every build.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME_FOLDER OUTPUT\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

/// A Swift raw string literal holding `text` exactly, with enough `#` that no
/// sequence inside it can end the literal early or start an escape.
func rawLiteral(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

var paths: [String] = []
if let walker = FileManager.default.enumerator(atPath: folder.path) {
    for case let relative as String in walker {
        var isDirectory: ObjCBool = false
        let full = folder.appendingPathComponent(relative).path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
            !isDirectory.boolValue, !relative.hasSuffix(".md"), !relative.hasPrefix(".")
        {
            paths.append(relative)
        }
    }
}
paths.sort()

var source = """
    // Generated from templates/ by ThemeEmbedder at build time. Do not edit.

    enum EmbeddedTheme {
        /// Path relative to templates/ → file contents (UTF-8 text).
        static let files: [String: String] = [

    """
for path in paths {
    let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    source += "        \(rawLiteral(path)): \(rawLiteral(text)),\n"
}
if paths.isEmpty { source += "        :\n" }
source += "    ]\n}\n"
try Data(source.utf8).write(to: output, options: .atomic)
