extension SearchIndex {
    /// Makes the terms `SearchIndex` describes straight from UTF-8, without lower-casing the
    /// whole text first: search terms are a large share of a build's work.
    ///
    /// Gives exactly what the earlier `text.lowercased()` then scalar-by-scalar scan gave.
    /// That holds because `String.lowercased()` maps each scalar on its own (its full
    /// `lowercaseMapping`, with no context such as a final sigma), so lower-casing a scalar
    /// as it is read is the same. ASCII is lower-cased and classified by arithmetic; the
    /// scalars of two UTF-8 bytes (Latin, Greek, Cyrillic, Hebrew, Arabic) by a table made
    /// once; ideographs have no case; anything else asks the Unicode properties.
    struct TermScanner {
        /// The terms so far, in order, repeats included.
        private(set) var terms: [String] = []
        /// The lower-cased UTF-8 of the word being read.
        private var word: [UInt8] = []
        private var wordScalars = 0
        /// Only `a`–`z` so far: an English word to stem.
        private var wordIsLatin = true
        /// Only `а`–`я` so far (`ё` is read as `е`): a Russian word to stem.
        private var wordIsCyrillic = true
        /// The last ideograph of the current run, and how many the run has.
        private var previousIdeograph: UInt32 = 0
        private var ideographs = 0
        private var scratch: [UInt8] = []

        /// Reads `text` as if it ended with a separator, so that reading several pieces
        /// gives the terms of the pieces joined by line breaks.
        mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { scan($0) }
            flushIdeographs()
            flushWord()
        }

        // MARK: Classes

        private static let separator: UInt32 = 0
        private static let wordCharacter: UInt32 = 1
        private static let ideograph: UInt32 = 2
        /// Lower-cases to several scalars (only "İ" among two-byte scalars).
        private static let several: UInt32 = 3

        /// A scalar already lower-cased, with "ё" as "е", and its class in the top byte.
        private static func classified(_ value: UInt32) -> UInt32 {
            let value: UInt32 = value == 0x451 ? 0x435 : value
            let scalar = Unicode.Scalar(value)!
            if SearchIndex.isCJK(scalar) { return ideograph << 24 | value }
            if SearchIndex.isWordCharacter(scalar) { return wordCharacter << 24 | value }
            return separator << 24 | value
        }

        /// U+0080 to U+07FF, each lower-cased and classified.
        private static let twoByteScalars: [UInt32] = (0x80..<0x800).map { value in
            let lowered = Unicode.Scalar(UInt32(value))!.properties.lowercaseMapping.unicodeScalars
            guard lowered.count == 1, let single = lowered.first else { return several << 24 }
            return classified(single.value)
        }

        // MARK: Reading

        private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            Self.twoByteScalars.withUnsafeBufferPointer { table in
                var i = 0
                let count = bytes.count
                while i < count {
                    let byte = bytes[i]
                    if byte < 0x80 {
                        let folded = byte | 0x20
                        if folded &- 0x61 < 26 {
                            if ideographs > 0 { flushIdeographs() }
                            word.append(folded)
                            wordScalars += 1
                            wordIsCyrillic = false
                        } else if byte &- 0x30 < 10 {
                            if ideographs > 0 { flushIdeographs() }
                            word.append(byte)
                            wordScalars += 1
                            wordIsLatin = false
                            wordIsCyrillic = false
                        } else {
                            if ideographs > 0 { flushIdeographs() }
                            if !word.isEmpty { flushWord() }
                        }
                        i += 1
                        continue
                    }
                    // Well-formed UTF-8: a String holds nothing else.
                    let value: UInt32
                    if byte < 0xE0 {
                        value = UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                        i += 2
                        let entry = table[Int(value) - 0x80]
                        if entry >> 24 == Self.several {
                            addLowerCasing(value)
                        } else {
                            add(entry)
                        }
                        continue
                    } else if byte < 0xF0 {
                        value = UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                        i += 3
                    } else {
                        value =
                            UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                            | UInt32(bytes[i + 3] & 0x3F)
                        i += 4
                    }
                    switch value {
                    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: addIdeograph(value)
                    default: addLowerCasing(value)
                    }
                }
            }
        }

        /// A scalar not yet lower-cased, by its Unicode properties.
        private mutating func addLowerCasing(_ value: UInt32) {
            let properties = Unicode.Scalar(value)!.properties
            if !properties.changesWhenLowercased {
                add(Self.classified(value))
                return
            }
            for scalar in properties.lowercaseMapping.unicodeScalars {
                add(Self.classified(scalar.value))
            }
        }

        /// A lower-cased scalar with its class, as `classified` gives it.
        private mutating func add(_ entry: UInt32) {
            let value = entry & 0x1F_FFFF
            switch entry >> 24 {
            case Self.wordCharacter:
                if ideographs > 0 { flushIdeographs() }
                Self.appendUTF8(value, to: &word)
                wordScalars += 1
                if !(0x61...0x7A).contains(value) { wordIsLatin = false }
                if !(0x430...0x44F).contains(value) { wordIsCyrillic = false }
            case Self.ideograph:
                addIdeograph(value)
            default:
                if ideographs > 0 { flushIdeographs() }
                if !word.isEmpty { flushWord() }
            }
        }

        /// Each ideograph pairs with the one before it; a lone one is a term by itself.
        private mutating func addIdeograph(_ value: UInt32) {
            if !word.isEmpty { flushWord() }
            if ideographs > 0 {
                scratch.removeAll(keepingCapacity: true)
                Self.appendUTF8(previousIdeograph, to: &scratch)
                Self.appendUTF8(value, to: &scratch)
                terms.append(String(decoding: scratch, as: UTF8.self))
            }
            previousIdeograph = value
            ideographs += 1
        }

        private mutating func flushIdeographs() {
            if ideographs == 1 {
                scratch.removeAll(keepingCapacity: true)
                Self.appendUTF8(previousIdeograph, to: &scratch)
                terms.append(String(decoding: scratch, as: UTF8.self))
            }
            ideographs = 0
        }

        private mutating func flushWord() {
            guard !word.isEmpty else { return }
            let text = String(decoding: word, as: UTF8.self)
            if wordScalars > SearchIndex.longestStemmedWord {
                terms.append(text)
            } else if wordIsLatin {
                terms.append(Snowball.english(text))
            } else if wordIsCyrillic {
                terms.append(Snowball.russian(text))
            } else {
                terms.append(text)
            }
            word.removeAll(keepingCapacity: true)
            wordScalars = 0
            wordIsLatin = true
            wordIsCyrillic = true
        }

        private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
            switch value {
            case ..<0x80:
                bytes.append(UInt8(value))
            case ..<0x800:
                bytes.append(UInt8(0xC0 | value >> 6))
                bytes.append(UInt8(0x80 | value & 0x3F))
            case ..<0x1_0000:
                bytes.append(UInt8(0xE0 | value >> 12))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            default:
                bytes.append(UInt8(0xF0 | value >> 18))
                bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
                bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
                bytes.append(UInt8(0x80 | value & 0x3F))
            }
        }
    }
}
