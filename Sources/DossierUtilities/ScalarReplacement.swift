extension String {
    /// The text with every `scalar` replaced by `replacement`, code point by code point.
    ///
    /// Unlike `replacingOccurrences(of:with:)`, which compares Characters, this also
    /// replaces a `"` joined into one Character with a following combining mark or
    /// U+FE0F: quoting a CSV field or escaping a URL must not leave such a quote bare.
    public func replacingEvery(_ scalar: Unicode.Scalar, with replacement: String) -> String {
        guard unicodeScalars.contains(scalar) else { return self }
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            if s == scalar { out.append(contentsOf: replacement.unicodeScalars) } else { out.append(s) }
        }
        return String(out)
    }
}
