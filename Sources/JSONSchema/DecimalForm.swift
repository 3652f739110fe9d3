/// The exact value of a JSON number as `(-1)^negative × digits × 10^exponent`.
///
/// `digits` holds decimal digit values (0–9) with no leading and no trailing zeros, so every value has one
/// form and structural equality is numeric equality. Zero has no digits and exponent 0.
struct DecimalForm: Hashable, Sendable {
    var negative: Bool
    var digits: [UInt8]
    var exponent: Int

    /// Exponents are clamped to this magnitude; larger ones cannot come from a meaningful document.
    static let exponentLimit = 1 << 40

    static let zero = DecimalForm(negative: false, digits: [], exponent: 0)

    /// Marks NaN, which has no decimal value; it equals only itself.
    static let notANumber: DecimalForm = {
        var form = DecimalForm.zero
        form.exponent = Int.min
        return form
    }()

    /// Parses text in the RFC 8259 §6 number grammar (also accepts Swift's `1e+16` spelling).
    init?(text: String) {
        var negative = false
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var state = 0  // 0 integer part, 1 fraction, 2 exponent
        var exponentNegative = false
        var sawDigit = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-") where state == 0 && !sawDigit && digits.isEmpty && !negative:
                negative = true
            case UInt8(ascii: "-") where state == 2 && !sawDigit:
                exponentNegative = true
            case UInt8(ascii: "+") where state == 2 && !sawDigit:
                break
            case UInt8(ascii: "."):
                guard state == 0, sawDigit else { return nil }
                state = 1
                sawDigit = false
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                guard state < 2, sawDigit else { return nil }
                state = 2
                sawDigit = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                let value = byte - UInt8(ascii: "0")
                if state == 2 {
                    exponent = min(exponent * 10 + Int(value), DecimalForm.exponentLimit)
                } else {
                    if state == 1 { fractionDigits += 1 }
                    if !(digits.isEmpty && value == 0) { digits.append(value) }
                }
            default:
                return nil
            }
        }
        guard sawDigit else { return nil }
        self.init(negative: negative, digits: digits,
                  exponent: (exponentNegative ? -exponent : exponent) - fractionDigits)
    }

    /// Builds a normalized form: trailing zeros move into the exponent, zero loses its sign.
    init(negative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        while let last = digits.last, last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty {
            self.negative = false
            self.digits = []
            self.exponent = 0
        } else {
            self.negative = negative
            self.digits = digits
            self.exponent = max(-DecimalForm.exponentLimit, min(exponent, DecimalForm.exponentLimit))
        }
    }

    var isZero: Bool { digits.isEmpty && exponent == 0 }

    /// Whether the value is a whole number.
    var isInteger: Bool { exponent != Int.min && (digits.isEmpty || exponent >= 0) }

    /// The value as an `Int64` when it is a whole number in range.
    var int64Value: Int64? {
        guard isInteger else { return nil }
        guard digits.count + exponent <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in digits + [UInt8](repeating: 0, count: exponent) {
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return nil }
            magnitude = sum
        }
        if negative {
            return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
        }
        return Int64(exactly: magnitude)
    }

    /// Orders two values by magnitude, ignoring sign.
    static func compareMagnitude(_ lhs: DecimalForm, _ rhs: DecimalForm) -> Int {
        if lhs.digits.isEmpty || rhs.digits.isEmpty {
            return (lhs.digits.isEmpty ? 0 : 1) - (rhs.digits.isEmpty ? 0 : 1)
        }
        let lhsScale = lhs.digits.count + lhs.exponent
        let rhsScale = rhs.digits.count + rhs.exponent
        if lhsScale != rhsScale { return lhsScale < rhsScale ? -1 : 1 }
        for (left, right) in zip(lhs.digits, rhs.digits) where left != right {
            return left < right ? -1 : 1
        }
        return lhs.digits.count == rhs.digits.count ? 0 : (lhs.digits.count < rhs.digits.count ? -1 : 1)
    }

    /// Orders two values: -1, 0 or 1.
    static func compare(_ lhs: DecimalForm, _ rhs: DecimalForm) -> Int {
        let lhsSign = lhs.digits.isEmpty ? 0 : (lhs.negative ? -1 : 1)
        let rhsSign = rhs.digits.isEmpty ? 0 : (rhs.negative ? -1 : 1)
        if lhsSign != rhsSign { return lhsSign < rhsSign ? -1 : 1 }
        let magnitude = compareMagnitude(lhs, rhs)
        return lhsSign < 0 ? -magnitude : magnitude
    }
}
