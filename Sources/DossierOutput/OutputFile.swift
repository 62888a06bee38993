import DossierSearch
import Foundation

/// A file of the generated site.
public struct OutputFile: Sendable {
    /// What is written at the file's path.
    public enum Contents: Sendable {
        case text(String)
        /// A record's file copied as it is (a picture under handbook/).
        case copy(URL)
        /// The file at the same path in the previous build's output, whose page is made
        /// of exactly what this one is (see `PageKey`).
        case unchanged
    }

    /// Relative to the site root, with `/`.
    public var path: String
    public var contents: Contents
    /// The template that produced the page, for locating a broken link it holds.
    public var template: String?
    /// What the page is made of; nil for files that are not pages.
    public var key: PageKey?
    /// What the page's plan read (see `PageCache.Entry.inputs`); nil when not known.
    public var inputs: PageKey?
    /// The page's links and ids, once read (kept with the output for the next build).
    public var links: PageLinks?
    /// The page's entry in the search index, made where the page was rendered.
    package var searchDocument: SearchIndex.Document?
    /// An unchanged page's entry in the previous build's page cache, as written there.
    package var cacheEntry: PageCache.Encoded?
    /// False for a page taken by its inputs, without its plan being made.
    package var planned = true

    public init(path: String, contents: Contents, template: String? = nil) {
        self.path = path
        self.contents = contents
        self.template = template
    }
}

/// What the link check needs of a page: its ids, and its links already resolved.
public struct PageLinks: Sendable, Equatable {
    /// Every id on the page, sorted.
    public var ids: [String]
    /// Each distinct internal link, in page order: the site path and fragment it points
    /// to (joined by NUL) and the link as written.
    public var targets: [Target]
    /// Links with an unsafe scheme, as written.
    public var unsafe: [String]

    /// A link of the page: `key` is its resolved path and fragment, `value` the URL as written.
    public struct Target: Sendable, Equatable {
        public var key: String
        public var value: String
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(ids: [String], targets: [Target], unsafe: [String]) {
        self.ids = ids
        self.targets = targets
        self.unsafe = unsafe
    }
}
