import DossierDiagnostics
import DossierOutput
import DossierTemplates
import DossierUtilities

/// How a page's template context goes into its key (`PageKey`).
extension Digest {
    /// A template context: dictionaries by sorted key, arrays in order, and the scalar
    /// values templates are given. Keys in `skipping` are left out at this level (the
    /// words every page shares are digested once, with the theme).
    mutating func add(context value: Any, skipping: Set<String> = []) {
        switch value {
        case let text as String:
            add(tag: 1)
            add(text)
        case let dictionary as [String: Any]:
            add(tag: 2)
            add(UInt64(dictionary.count))
            for key in dictionary.keys.sorted() where !skipping.contains(key) {
                add(key)
                add(context: dictionary[key]!)
            }
        case let array as [Any]:
            add(tag: 3)
            add(UInt64(array.count))
            for element in array { add(context: element) }
        case let number as Int:
            add(tag: 4)
            add(UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            add(tag: flag ? 5 : 6)
        case let number as Double:
            add(tag: 7)
            add(number.bitPattern)
        case let markup as Markup:
            add(tag: 8)
            markup.digest(into: &self)
        default:
            // Not a type the renderer puts in contexts; its description keeps the key honest.
            add(tag: 9)
            add(String(describing: type(of: value)) + ":" + String(describing: value))
        }
    }
}

extension Markup {
    /// What the HTML depends on.
    func digest(into digest: inout Digest) {
        digest.add(document.sourceDigest.value)
        digest.add(document.sourceDigest.second)
        digest.add(document.options.allowRawHTML ? "raw" : "safe")
        digest.add(UInt64(destinations.count))
        for destination in destinations { digest.add(destination) }
        digest.add(UInt64(titles.count))
        for title in titles { digest.add(title) }
        digest.add(labels.headingLink)
        digest.add(labels.footnoteBack)
        digest.add(labels.footnotes)
        digest.add(ids.namespace ?? ":page")
        digest.add(omittingTitle ? "untitled" : "titled")
        digest.add(forMail ? "mail" : "page")
    }
}
