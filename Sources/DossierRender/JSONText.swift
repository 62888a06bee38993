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

    private static func write(_ value: Value, indent: Int, to out: inout String) {
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
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 2)
                write(item, indent: indent + 2, to: &out)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { return out += "{}" }
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
        var plainStart = text.unicodeScalars.startIndex
        var index = plainStart
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let escape: String?
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    escape = nil
                }
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<index])
                out += escape
                plainStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
        out += "\""
    }
}
