import DossierDiagnostics

/// A resolution target such as `4h`: a whole number and a unit, `m` (minutes), `h`
/// (hours), `d` (days of 24 hours) or `w` (weeks). Several may follow each other (`1d12h`).
public struct SLADuration: Hashable, Sendable, CustomStringConvertible {
    public var seconds: Int
    /// As written, for display.
    public var text: String

    public init?(_ raw: String) {
        let text = raw.trimmed.lowercased()
        var total = 0
        var digits = ""
        var sawUnit = false
        for character in text {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            guard let value = Int(digits) else { return nil }
            switch character {
            case "m": total += value * 60
            case "h": total += value * 3600
            case "d": total += value * 86400
            case "w": total += value * 7 * 86400
            default: return nil
            }
            digits = ""
            sawUnit = true
        }
        guard digits.isEmpty, sawUnit, total > 0 else { return nil }
        self.seconds = total
        self.text = text
    }

    public var description: String { text }
}
