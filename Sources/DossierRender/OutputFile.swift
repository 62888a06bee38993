import Foundation

/// A file of the generated site.
public struct OutputFile: Sendable {
    public enum Contents: Sendable {
        case text(String)
        /// A record's file copied as it is (a picture under handbook/).
        case copy(URL)
    }

    /// Relative to the site root, with `/`.
    public var path: String
    public var contents: Contents
    /// The template that produced the page, for locating a broken link it holds.
    public var template: String?
    /// The page's entry in the search index, made where the page was rendered.
    var searchDocument: SearchIndex.Document?

    public init(path: String, contents: Contents, template: String? = nil) {
        self.path = path
        self.contents = contents
        self.template = template
    }
}
