/// Values written into YAML front matter.
enum YAMLText {
    /// `text` as a YAML scalar: as it is when plain YAML reads it back unchanged, else
    /// double-quoted.
    static func scalar(_ text: String) -> String {
        let special = Set(":#,[]{}&*!|>'\"%@`")
        let plain =
            !text.isEmpty && text.first != " " && text.last != " " && text.first != "-" && text.first != "?"
            && !text.contains(where: { special.contains($0) || $0.isNewline })
            && !["true", "false", "yes", "no", "null", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil
        if plain { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
