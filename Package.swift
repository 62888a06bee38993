// swift-tools-version: 6.1
import PackageDescription

// The targets follow Dossier's pipeline: records are loaded and parsed (DossierRecords,
// DossierMarkdown), validated into the domain model (DossierModel), counted
// (DossierFigures), rendered (DossierRender, DossierHTML) and written (DossierSite).
// The `dossier` executable only parses options and calls DossierSite.
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
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
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

        .target(name: "DossierDiagnostics"),
        .target(
            name: "DossierRecords",
            dependencies: ["DossierDiagnostics", .product(name: "Yams", package: "Yams")]),
        .target(name: "DossierMarkdown", dependencies: ["CCmarkGFM", "DossierDiagnostics"]),
        .target(
            name: "DossierModel",
            dependencies: ["DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierHTML"]),
        .target(name: "DossierFigures", dependencies: ["DossierModel"]),
        .target(name: "DossierHTML", dependencies: ["CLibXML2", "DossierDiagnostics"]),
        .target(
            name: "DossierRender",
            dependencies: [
                "DossierModel", "DossierFigures", "DossierMarkdown", "DossierHTML",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]),
        // Writes new records: `dossier init` (the starter sites in starters/) and `dossier new`.
        .target(
            name: "DossierScaffold", dependencies: ["DossierRecords", "DossierModel", "DossierFigures"],
            plugins: ["EmbedStarters"]),
        // Records at two git revisions, compared: `dossier diff`.
        .target(name: "DossierDiff", dependencies: ["DossierDiagnostics", "DossierRecords", "DossierModel"]),
        .target(
            name: "DossierSite",
            dependencies: [
                "DossierDiagnostics", "DossierRecords", "DossierModel", "DossierFigures",
                "DossierRender", "DossierHTML", "DossierDiff", "DossierScaffold",
            ]),
        // `dossier serve`: builds, serves on 127.0.0.1, rebuilds on change, reloads pages.
        .target(
            name: "DossierServe",
            dependencies: ["DossierSite", .product(name: "FlyingFox", package: "FlyingFox")]),
        .executableTarget(
            name: "DossierCLI",
            dependencies: [
                "DossierSite", "DossierServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // Arbitrary bytes through every parser: the libFuzzer target and its harness. Not
        // the render stage: its build plugin's tool cannot be linked in a fuzzing build.
        .target(
            name: "DossierFuzzing",
            dependencies: ["DossierRecords", "DossierModel", "DossierFigures", "DossierMarkdown", "DossierHTML"]),
        .executableTarget(name: "DossierFuzz", dependencies: ["DossierFuzzing"]),

        // Builds the default theme in templates/ into the binary.
        .plugin(name: "EmbedTheme", capability: .buildTool()),
        // Builds the starter sites in starters/ into the binary, for `dossier init`.
        .plugin(name: "EmbedStarters", capability: .buildTool()),

        .testTarget(
            name: "DossierTests",
            dependencies: [
                "DossierDiagnostics", "DossierRecords", "DossierMarkdown", "DossierModel",
                "DossierFigures", "DossierHTML", "DossierRender", "DossierSite", "DossierServe", "DossierFuzzing", "DossierDiff",
                "DossierScaffold",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]),
    ]
)
