import DossierDiagnostics
import Foundation

extension Int {
    /// The number in decimal, with zeros in front up to `width` characters (a minus sign
    /// counts), as `String(format: "%0*d")` writes it, without Foundation's cost.
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(magnitude)
        let sign = self < 0 ? "-" : ""
        let padding = width - digits.utf8.count - sign.utf8.count
        return padding > 0 ? sign + String(repeating: "0", count: padding) + digits : sign + digits
    }
}
