extension JSONNumber {
    /// The exact decimal value; doubles given in code use their shortest round-trip spelling.
    var decimal: DecimalForm {
        switch storage {
        case .integer(let value):
            let digits = String(value.magnitude).utf8.map { $0 - UInt8(ascii: "0") }
            return DecimalForm(negative: value < 0, digits: digits, exponent: 0)
        case .double(let value):
            if value.isNaN { return .notANumber }
            if value.isInfinite {
                return DecimalForm(negative: value < 0, digits: [1], exponent: DecimalForm.exponentLimit)
            }
            return DecimalForm(text: value.description) ?? .notANumber
        case .literal(let text):
            return DecimalForm(text: text) ?? .notANumber
        }
    }

    /// An `Int64` that stands for the value exactly, when one is cheap to find.
    private var fastInteger: Int64? {
        switch storage {
        case .integer(let value):
            return value
        case .double(let value) where value.rounded() == value && abs(value) <= JSONNumber.exactDoubleLimit:
            return Int64(value)
        default:
            return nil
        }
    }
}

extension JSONNumber: Hashable {
    /// Compares mathematical values, so `1 == 1.0` and `0 == -0` (draft-07 validation §4.2.2).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.fastInteger, let right = rhs.fastInteger { return left == right }
        if case .double(let left) = lhs.storage, case .double(let right) = rhs.storage, !left.isNaN, !right.isNaN {
            return left == right
        }
        return lhs.decimal == rhs.decimal
    }

    /// Hashes the mathematical value, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        if let integer = fastInteger {
            hasher.combine(integer)
            return
        }
        let exact = decimal
        if let integer = exact.int64Value {
            hasher.combine(integer)
        } else {
            hasher.combine(exact)
        }
    }
}

extension JSONNumber: Comparable {
    /// Orders mathematical values exactly, also beyond the range of `Double`.
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.fastInteger, let right = rhs.fastInteger { return left < right }
        if case .double(let left) = lhs.storage, case .double(let right) = rhs.storage {
            return left < right
        }
        let left = lhs.decimal
        let right = rhs.decimal
        if left == .notANumber || right == .notANumber { return false }
        return DecimalForm.compare(left, right) < 0
    }
}

extension JSONNumber {
    /// Whether `self` divided by `divisor` is an integer (draft-07 validation §6.2.1, `multipleOf`).
    ///
    /// Decimal values are compared exactly, so `0.0075` is a multiple of `0.0001` and `1e308` a multiple of
    /// `0.5`. When the divisor has too many digits for exact arithmetic, a relative tolerance of 1e-9 is used.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        let value = decimal
        let step = divisor.decimal
        guard value != .notANumber, step != .notANumber, !step.isZero else { return false }
        if value.isZero { return true }
        if DecimalForm.compareMagnitude(value, step) < 0 { return false }
        if let exact = DecimalForm.isMultiple(value, of: step) { return exact }
        let quotient = doubleValue / divisor.doubleValue
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}

extension DecimalForm {
    /// Exact divisibility when the scaled divisor fits in 64 bits; `nil` otherwise.
    static func isMultiple(_ value: DecimalForm, of step: DecimalForm) -> Bool? {
        let common = min(value.exponent, step.exponent)
        let stepShift = step.exponent - common
        guard step.digits.count + stepShift <= 19 else { return nil }
        var modulus: UInt64 = 0
        for digit in step.digits + [UInt8](repeating: 0, count: stepShift) {
            modulus = modulus * 10 + UInt64(digit)
        }
        var remainder: UInt64 = 0
        for digit in value.digits {
            remainder = mulMod(remainder, 10, modulus)
            remainder = addMod(remainder, UInt64(digit) % modulus, modulus)
        }
        let scale = powMod(10, value.exponent - common, modulus)
        return mulMod(remainder, scale, modulus) == 0
    }

    private static func mulMod(_ lhs: UInt64, _ rhs: UInt64, _ modulus: UInt64) -> UInt64 {
        let product = lhs.multipliedFullWidth(by: rhs)
        return modulus.dividingFullWidth((product.high % modulus, product.low)).remainder
    }

    private static func addMod(_ lhs: UInt64, _ rhs: UInt64, _ modulus: UInt64) -> UInt64 {
        let (sum, overflow) = lhs.addingReportingOverflow(rhs)
        if overflow || sum >= modulus { return sum &- modulus }
        return sum
    }

    private static func powMod(_ base: UInt64, _ exponent: Int, _ modulus: UInt64) -> UInt64 {
        var result: UInt64 = 1 % modulus
        var base = base % modulus
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = mulMod(result, base, modulus) }
            base = mulMod(base, base, modulus)
            exponent >>= 1
        }
        return result
    }
}
