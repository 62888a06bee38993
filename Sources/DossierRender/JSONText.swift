/// JSON written directly as text: keys in the order given, two-space indentation, empty
/// arrays and objects as `[]` and `{}`. Exports list their keys sorted, so files are
/// stable and diff well.
enum JSONText {
    indirect enum Value {
        case string(String)
        case int(Int)
        case double(Double)
        case bool(Bool)
        case null
        case array([Value])
        case object([(String, Value)])
    }

    static func pretty(_ value: Value) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        return out
    }

    /// On one line, without spaces, as JSONEncoder writes it.
    static func compact(_ value: Value) -> String {
        var out = ""
        write(value, indent: nil, to: &out)
        return out
    }

    /// `indent` nil writes on one line.
    private static func write(_ value: Value, indent: Int?, to out: inout String) {
        switch value {
        case .string(let text): quote(text, to: &out)
        case .int(let number): out += String(number)
        case .double(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 { out += String(Int(number)) } else if number.isFinite {
                out += String(number)
            } else {
                out += "null"
            }
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            guard !items.isEmpty else { return out += "[]" }
            guard let indent else {
                out += "["
                for (index, item) in items.enumerated() {
                    if index > 0 { out += "," }
                    write(item, indent: nil, to: &out)
                }
                return out += "]"
            }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, to: &out)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
            guard let indent else {
                out += "{"
                for (index, (key, item)) in members.enumerated() {
                    if index > 0 { out += "," }
                    quote(key, to: &out)
                    out += ":"
                    write(item, indent: nil, to: &out)
                }
                return out += "}"
            }
            out += "{\n"
            for (index, (key, item)) in members.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                quote(key, to: &out)
                out += ": "
                write(item, indent: indent + 2, to: &out)
                out += index + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as is.
    static func quote(_ text: String, to out: inout String) {
        out += "\""
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            out += text
            out += "\""
            return
        }
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\r".unicodeScalars)
            case "\t": escaped.append(contentsOf: "\\t".unicodeScalars)
            case "\u{08}": escaped.append(contentsOf: "\\b".unicodeScalars)
            case "\u{0C}": escaped.append(contentsOf: "\\f".unicodeScalars)
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        out += String(escaped)
        out += "\""
    }
}
