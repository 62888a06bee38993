// swift-tools-version: 6.1
import PackageDescription

// The targets follow Dossier's pipeline: records are loaded and parsed (DossierRecords,
// DossierMarkdown, DossierHTML), validated into the domain model (DossierModel), counted
// (DossierFigures), rendered through the theme (DossierTemplates, DossierRender, with the
// search index in DossierSearch) and written (DossierOutput). DossierSite is the façade
// over them: the library's entry points, and the link check of the final pages. The
// `dossier` executable only parses options and calls DossierSite.
let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "dossier", targets: ["DossierCLI"]),
        .library(name: "DossierSite", targets: ["DossierSite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Exactly this version: DossierTemplates' compiled templates mirror its parser byte
        // for byte (TemplateCompiler); a new version is taken only with
        // TemplateEquivalenceTests passing against it.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // `dossier serve` only: a small HTTP server on Swift concurrency and BSD sockets.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Tests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // C libraries: a module map and a shim header each, nothing else.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]),

        // Tools every stage shares, one of each: line index, digest, relative paths, the
        // folder walker and its hidden-file rule, text tidying, work on all cores, JSON as text.
        .target(name: "DossierUtilities"),
        // Diagnostics as values, and the message catalogue that words them in the project's
        // language (templates/strings/*.yml, built in by EmbedStrings).
        .target(
            name: "DossierDiagnostics", dependencies: [.product(name: "Yams", package: "Yams")],
            plugins: ["EmbedStrings"]),
        .target(
            name: "DossierRecords",
            dependencies: ["DossierUtilities", "DossierDiagnostics", .product(name: "Yams", package: "Yams")]),
        .target(name: "DossierMarkdown", dependencies: ["DossierUtilities", "CCmarkGFM"]),
        .target(name: "DossierHTML", dependencies: ["DossierUtilities", "CLibXML2"]),
        .target(
            name: "DossierModel",
            dependencies: ["DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierHTML"]),
        .target(name: "DossierFigures", dependencies: ["DossierUtilities", "DossierModel"]),
        // The theme: its Mustache templates, compiled, its words (strings/<language>.yml, read
        // as located YAML through DossierRecords), and the default theme in templates/; a
        // Markdown body for a mail is styled inline through DossierHTML.
        .target(
            name: "DossierTemplates",
            dependencies: [
                "DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierHTML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]),
        // The offline search index: sections, terms, postings.
        .target(name: "DossierSearch", dependencies: ["DossierUtilities"]),
        // Rendered files on their way to disk: page keys and the page cache, the build
        // manifest, the atomic writer.
        .target(name: "DossierOutput", dependencies: ["DossierUtilities", "DossierDiagnostics", "DossierSearch"]),
        // Every page of the site from the model and figures, through the theme.
        .target(
            name: "DossierRender",
            dependencies: [
                "DossierUtilities", "DossierDiagnostics", "DossierModel", "DossierFigures", "DossierMarkdown",
                "DossierHTML", "DossierTemplates", "DossierSearch", "DossierOutput",
            ]),
        // Writes new records: `dossier init` (the starter sites in starters/) and `dossier new`.
        .target(
            name: "DossierScaffold",
            dependencies: ["DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierModel", "DossierFigures"],
            plugins: ["EmbedStarters"]),
        // Records at two git revisions, compared: `dossier diff`; its Markdown words values
        // with the theme's words, as the pages do.
        .target(
            name: "DossierDiff",
            dependencies: [
                "DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierModel",
                "DossierTemplates",
            ]),
        .target(
            name: "DossierSite",
            dependencies: [
                "DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierHTML",
                "DossierModel", "DossierFigures", "DossierTemplates", "DossierRender", "DossierOutput", "DossierDiff",
                "DossierScaffold",
            ]),
        // `dossier serve`: builds, serves on 127.0.0.1, rebuilds on change, reloads pages.
        .target(
            name: "DossierServe",
            dependencies: ["DossierUtilities", "DossierSite", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                // The model's and the scaffold's types, for options parsed into them.
                "DossierSite", "DossierServe", "DossierModel", "DossierScaffold",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            plugins: ["EmbedVersion"]),

        // Arbitrary bytes through every parser: the libFuzzer target and its harness. Not
        // the theme (DossierTemplates): its build plugin's tool cannot be linked in a fuzzing build.
        .target(
            name: "DossierFuzzing",
            dependencies: ["DossierRecords", "DossierModel", "DossierFigures", "DossierMarkdown", "DossierHTML"]),
        .executableTarget(name: "DossierFuzz", dependencies: ["DossierFuzzing"]),

        // Builds the default theme in templates/ into the binary.
        .plugin(name: "EmbedTheme", capability: .buildTool()),
        // Builds the theme's string files (templates/strings/) into DossierDiagnostics.
        .plugin(name: "EmbedStrings", capability: .buildTool()),
        // Builds the starter sites in starters/ into the binary, for `dossier init`.
        .plugin(name: "EmbedStarters", capability: .buildTool()),
        // Builds VERSION and the commit the source is at into `dossier`, for --version.
        .plugin(name: "EmbedVersion", capability: .buildTool()),

        .testTarget(
            name: "DossierTests",
            dependencies: [
                "DossierUtilities", "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierModel",
                "DossierFigures", "DossierHTML", "DossierTemplates", "DossierSearch", "DossierOutput", "DossierRender",
                "DossierSite", "DossierServe", "DossierFuzzing", "DossierDiff", "DossierScaffold",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
    ]
)
