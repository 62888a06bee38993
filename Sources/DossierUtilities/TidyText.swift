/// Text tidied for search as it comes: runs of spaces within a line collapse to one, line
/// breaks end a line, empty lines are dropped, nothing is left at either end.
///
/// The one tidying of page text, whether read from cmark-gfm's tree (DossierMarkdown's
/// `SectionReader`) or from libxml2's (DossierHTML's `HTMLPage`), so both give the same
/// bytes. Line breaks are LF, CR, VT, FF, U+0085, U+2028 and U+2029; spaces are space,
/// tab and U+00A0. Reads UTF-8 bytes: U+0085 and U+00A0 are C2 85 and C2 A0, U+2028 and
/// U+2029 E2 80 A8 and E2 80 A9.
public struct TidyText: Sendable {
    private var bytes: [UInt8] = []
    private var lineHasText = false
    private var pendingSpace = false
    private var pendingBreak = false

    public init() {}

    /// `text` tidied.
    public static func tidy(_ text: String) -> String {
        var tidy = TidyText()
        tidy.append(text)
        return tidy.string
    }

    /// The text so far.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Ends the line, as a block element (`p`, `li`, `td`…) does.
    public mutating func appendLineBreak() {
        if lineHasText { pendingBreak = true }
        lineHasText = false
        pendingSpace = false
    }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                switch byte {
                case 0x0A, 0x0D, 0x0B, 0x0C:
                    appendLineBreak()
                case 0x20, 0x09:
                    if lineHasText { pendingSpace = true }
                case 0xC2 where index + 1 < utf8.count && (utf8[index + 1] == 0x85 || utf8[index + 1] == 0xA0):
                    if utf8[index + 1] == 0x85 {
                        appendLineBreak()
                    } else if lineHasText {
                        pendingSpace = true
                    }
                    index += 1
                case 0xE2
                where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    appendLineBreak()
                    index += 2
                default:
                    if pendingBreak {
                        bytes.append(0x0A)
                    } else if pendingSpace {
                        bytes.append(0x20)
                    }
                    pendingBreak = false
                    pendingSpace = false
                    lineHasText = true
                    bytes.append(byte)
                }
                index += 1
            }
        }
    }
}
