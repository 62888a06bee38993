import CCmarkGFM

/// Soft line breaks between characters of scripts written without spaces.
///
/// A paragraph written with hard-wrapped lines (`提交。` / `厂商已复现`) holds a soft
/// break, which cmark-gfm writes as a newline and most browsers then show as a space:
/// "提交。 厂商已复现". CSS Text 3 §4.1.3, Segment Break Transformation Rules (`#line-break-transform`), says a
/// segment break is removed when the characters on both sides have the East Asian Width
/// (UAX #11) Fullwidth, Wide or Halfwidth — not Ambiguous — and neither is Hangul, or
/// when either is U+200B ZERO WIDTH SPACE; in Chinese, Japanese or Yi text also when one
/// side is punctuation or a symbol of width Ambiguous (`“”`, `—`, `…`, `°`) and the other
/// is F, W or H and not Hangul; otherwise it becomes a space. Firefox
/// applies that rule, Chromium does not, and cmark-gfm (as on GitHub) leaves the newline
/// to the browser. markdown-it's `cjk-breaks` plugin applies the same rule to the tree,
/// looking through emphasis to the nearest text; so does this type.
///
/// The rendering does not know the text's language, so the Ambiguous rule applies
/// wherever its other side is wide and not Hangul: text with such a character is
/// Chinese or Japanese in practice (`他说：` / `“已修复”`). So a break between Han, Kana,
/// CJK punctuation (`。`, `，`, `「`) or fullwidth forms goes; one between Chinese and Latin or Cyrillic text stays a space (the rule needs
/// both sides wide), and so does one before or after Hangul: Korean separates words with
/// spaces.
enum SegmentBreak {
    /// Removes each soft break of `root` that CSS Text 3 removes. Run on the freshly
    /// parsed tree, before any writer: the HTML, the search text, the CommonMark and the
    /// plain text then all read the lines joined.
    static func removeBetweenWideCharacters(in root: OpaquePointer) {
        var breaks: [OpaquePointer] = []
        let iterator = cmark_iter_new(root)
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK
            {
                breaks.append(node)
            }
        }
        cmark_iter_free(iterator)
        for node in breaks {
            guard let before = character(beside: node, forward: false), let after = character(beside: node, forward: true),
                isRemovable(between: before, and: after)
            else { continue }
            cmark_node_free(node)
        }
    }

    /// CSS Text 3 §4.1.3: whether a segment break between `before` and `after` is removed.
    static func isRemovable(between before: Unicode.Scalar, and after: Unicode.Scalar) -> Bool {
        if before == "\u{200B}" || after == "\u{200B}" { return true }
        let wideBefore = isWideOrHalfwidth(before) && !isHangul(before)
        let wideAfter = isWideOrHalfwidth(after) && !isHangul(after)
        return (wideBefore || isAmbiguousPunctuationOrSymbol(before)) && (wideAfter || isAmbiguousPunctuationOrSymbol(after))
            && (wideBefore || wideAfter)
    }

    /// Punctuation or a symbol (general category P* or S*) of East Asian Width Ambiguous.
    static func isAmbiguousPunctuationOrSymbol(_ scalar: Unicode.Scalar) -> Bool {
        contains(scalar, ambiguousPunctuationRanges)
    }

    /// The character a reader sees next to `node` on its side, looking through emphasis,
    /// links and strikethrough into their text; a space for anything else met first (a
    /// line break, an image, a footnote reference, raw HTML) or at the block's edge.
    private static func character(beside node: OpaquePointer, forward: Bool) -> Unicode.Scalar? {
        var current = node
        while true {
            if let sibling = forward ? cmark_node_next(current) : cmark_node_previous(current) {
                if let found = edge(of: sibling, forward: forward) { return found }
                current = sibling
                continue
            }
            guard let parent = cmark_node_parent(current), isTransparent(parent) else { return " " }
            current = parent
        }
    }

    /// The first (`forward`) or last character shown by `node`, nil when it shows none
    /// (an empty emphasis), a space when it is no text.
    private static func edge(of node: OpaquePointer, forward: Bool) -> Unicode.Scalar? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE:
            let scalars = (cmark_node_get_literal(node).map { String(cString: $0) } ?? "").unicodeScalars
            return forward ? scalars.first : scalars.last
        default:
            guard isTransparent(node) else { return " " }
            var child = forward ? cmark_node_first_child(node) : cmark_node_last_child(node)
            while let c = child {
                if let found = edge(of: c, forward: forward) { return found }
                child = forward ? cmark_node_next(c) : cmark_node_previous(c)
            }
            return nil
        }
    }

    /// Inline markup around text: emphasis, strong, links, strikethrough (an extension's
    /// inline type). An image's children are its alt text, which the line does not show.
    private static func isTransparent(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK: return true
        case CMARK_NODE_IMAGE, CMARK_NODE_FOOTNOTE_REFERENCE: return false
        default:
            // cmark-gfm's CMARK_NODE_TYPE_MASK tells inlines from blocks; only an
            // extension's inline container (strikethrough) is left here with children.
            return type.rawValue & 0xC000 == CMARK_NODE_TEXT.rawValue & 0xC000 && cmark_node_first_child(node) != nil
        }
    }

    /// Hangul (Script=Hangul: jamo, compatibility jamo, parenthesised and circled Hangul,
    /// syllables, halfwidth jamo).
    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x302E...0x302F, 0x3131...0x318E, 0x3200...0x321E, 0x3260...0x327E, 0xA960...0xA97C,
            0xAC00...0xD7A3, 0xD7B0...0xD7C6, 0xD7CB...0xD7FB, 0xFFA0...0xFFBE, 0xFFC2...0xFFC7, 0xFFCA...0xFFCF,
            0xFFD2...0xFFD7, 0xFFDA...0xFFDC:
            true
        default: false
        }
    }

    /// East Asian Width F, W or H (UAX #11), from Unicode 14's EastAsianWidth.txt: the
    /// assigned characters of those classes and the unassigned code points of the CJK
    /// ideograph blocks, which the file gives W.
    static func isWideOrHalfwidth(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1100 && contains(scalar, wideRanges)
    }

    private static func contains(_ scalar: Unicode.Scalar, _ ranges: [ClosedRange<UInt32>]) -> Bool {
        let value = scalar.value
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// Sorted, not overlapping.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x20A9...0x20A9, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693,
        0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4,
        0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705,
        0x270A...0x270B, 0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757,
        0x2795...0x2797, 0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x2E99, 0x2E9B...0x2EF3, 0x2F00...0x2FD5, 0x2FF0...0x2FFB, 0x3000...0x303E, 0x3041...0x3096,
        0x3099...0x30FF, 0x3105...0x312F, 0x3131...0x318E, 0x3190...0x31E3, 0x31F0...0x321E, 0x3220...0x3247,
        0x3250...0x4DBF, 0x4E00...0xA48C, 0xA490...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE52, 0xFE54...0xFE66, 0xFE68...0xFE6B, 0xFF01...0xFFBE, 0xFFC2...0xFFC7,
        0xFFCA...0xFFCF, 0xFFD2...0xFFD7, 0xFFDA...0xFFDC, 0xFFE0...0xFFE6, 0xFFE8...0xFFEE, 0x16FE0...0x16FE4,
        0x16FF0...0x16FF1, 0x17000...0x187F7, 0x18800...0x18CD5, 0x18D00...0x18D08, 0x1AFF0...0x1AFF3,
        0x1AFF5...0x1AFFB, 0x1AFFD...0x1AFFE, 0x1B000...0x1B122, 0x1B150...0x1B152, 0x1B164...0x1B167,
        0x1B170...0x1B2FB, 0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A,
        0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265,
        0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA,
        0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440,
        0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A,
        0x1F595...0x1F596, 0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC,
        0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6DD...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
        0x1F7E0...0x1F7EB, 0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
        0x1FA70...0x1FA74, 0x1FA78...0x1FA7C, 0x1FA80...0x1FA86, 0x1FA90...0x1FAAC, 0x1FAB0...0x1FABA,
        0x1FAC0...0x1FAC5, 0x1FAD0...0x1FAD9, 0x1FAE0...0x1FAE7, 0x1FAF0...0x1FAF6, 0x20000...0x2FFFD,
        0x30000...0x3FFFD,
    ]

    /// Sorted, not overlapping: general category P* or S* and East Asian Width A, from
    /// Unicode 14.
    private static let ambiguousPunctuationRanges: [ClosedRange<UInt32>] = [
        0xA1...0xA1, 0xA4...0xA4, 0xA7...0xA8, 0xAE...0xAE, 0xB0...0xB1, 0xB4...0xB4, 0xB6...0xB8, 0xBF...0xBF,
        0xD7...0xD7, 0xF7...0xF7, 0x2C4...0x2C4, 0x2D8...0x2DB, 0x2DD...0x2DD, 0x2DF...0x2DF, 0x2010...0x2010,
        0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2024...0x2027, 0x2030...0x2030,
        0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B, 0x203E...0x203E, 0x20AC...0x20AC, 0x2103...0x2103,
        0x2105...0x2105, 0x2109...0x2109, 0x2116...0x2116, 0x2121...0x2122, 0x2190...0x2199, 0x21B8...0x21B9,
        0x21D2...0x21D2, 0x21D4...0x21D4, 0x21E7...0x21E7, 0x2200...0x2200, 0x2202...0x2203, 0x2207...0x2208,
        0x220B...0x220B, 0x220F...0x220F, 0x2211...0x2211, 0x2215...0x2215, 0x221A...0x221A, 0x221D...0x2220,
        0x2223...0x2223, 0x2225...0x2225, 0x2227...0x222C, 0x222E...0x222E, 0x2234...0x2237, 0x223C...0x223D,
        0x2248...0x2248, 0x224C...0x224C, 0x2252...0x2252, 0x2260...0x2261, 0x2264...0x2267, 0x226A...0x226B,
        0x226E...0x226F, 0x2282...0x2283, 0x2286...0x2287, 0x2295...0x2295, 0x2299...0x2299, 0x22A5...0x22A5,
        0x22BF...0x22BF, 0x2312...0x2312, 0x249C...0x24E9, 0x2500...0x254B, 0x2550...0x2573, 0x2580...0x258F,
        0x2592...0x2595, 0x25A0...0x25A1, 0x25A3...0x25A9, 0x25B2...0x25B3, 0x25B6...0x25B7, 0x25BC...0x25BD,
        0x25C0...0x25C1, 0x25C6...0x25C8, 0x25CB...0x25CB, 0x25CE...0x25D1, 0x25E2...0x25E5, 0x25EF...0x25EF,
        0x2605...0x2606, 0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C, 0x261E...0x261E, 0x2640...0x2640,
        0x2642...0x2642, 0x2660...0x2661, 0x2663...0x2665, 0x2667...0x266A, 0x266C...0x266D, 0x266F...0x266F,
        0x269E...0x269F, 0x26BF...0x26BF, 0x26C6...0x26CD, 0x26CF...0x26D3, 0x26D5...0x26E1, 0x26E3...0x26E3,
        0x26E8...0x26E9, 0x26EB...0x26F1, 0x26F4...0x26F4, 0x26F6...0x26F9, 0x26FB...0x26FC, 0x26FE...0x26FF,
        0x273D...0x273D, 0x2B56...0x2B59, 0xFFFD...0xFFFD, 0x1F110...0x1F12D, 0x1F130...0x1F169, 0x1F170...0x1F18D,
        0x1F18F...0x1F190, 0x1F19B...0x1F1AC,
    ]
}
