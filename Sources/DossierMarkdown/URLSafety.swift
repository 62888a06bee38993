/// Which link targets may reach a page.
public enum URLSafety {
    /// Schemes a link may use; anything else with a scheme (`javascript:`, `vbscript:`,
    /// `data:`, `file:`) is refused. Relative URLs and fragments have no scheme.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel", "ftp", "ftps"]

    /// The scheme of `url`, lower-cased, ignoring the control characters and spaces
    /// browsers ignore (`java\tscript:`); nil for a relative URL.
    public static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars {
            if scalar.value <= 0x20 { continue }
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    public static func isSafe(_ url: String) -> Bool {
        guard let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }
}
