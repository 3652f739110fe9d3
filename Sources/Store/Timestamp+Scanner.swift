extension Timestamp {
    /// A cursor over the ASCII bytes of a timestamp.
    struct Scanner {
        private let bytes: [UInt8]
        private var position = 0

        init(_ bytes: [UInt8]) {
            self.bytes = bytes
        }

        var atEnd: Bool { position == bytes.count }

        /// Consumes `character` if it is next.
        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard position < bytes.count, bytes[position] == UInt8(ascii: character) else { return false }
            position += 1
            return true
        }

        /// Consumes exactly `width` decimal digits.
        mutating func number(_ width: Int) -> Int64? {
            guard position + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[position..<position + width] {
                guard let digit = Self.digit(byte) else { return nil }
                value = value * 10 + digit
            }
            position += width
            return value
        }

        /// Consumes one to nine fractional digits as a fraction of a second.
        mutating func fraction() -> Double? {
            var value: Int64 = 0
            var scale: Int64 = 1
            var count = 0
            while position < bytes.count, let digit = Self.digit(bytes[position]) {
                if count < 9 {
                    value = value * 10 + digit
                    scale *= 10
                }
                count += 1
                position += 1
            }
            return count == 0 ? nil : Double(value) / Double(scale)
        }

        /// Consumes `Z` (0) or `±HH:MM` and returns the offset east of UTC in seconds.
        mutating func offsetSeconds() -> Int64? {
            if skip("Z") || skip("z") { return 0 }
            let sign: Int64
            if skip("+") {
                sign = 1
            } else if skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else {
                return nil
            }
            return sign * (hours * 3600 + minutes * 60)
        }

        private static func digit(_ byte: UInt8) -> Int64? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) ? Int64(byte - UInt8(ascii: "0")) : nil
        }
    }
}
