import Foundation

/// ISO-8601 timestamps for TEXT columns: UTC with milliseconds, e.g. `2026-11-24T19:39:39.123Z`.
///
/// The format has a fixed width for years 0000–9999, so string order is time order and `ORDER BY` and range
/// queries on such columns work. Dates outside those years are clamped. Pure arithmetic (proleptic Gregorian
/// calendar), no formatter objects: cheap, `Sendable`, and identical on every platform.
public enum Timestamp {
    private static let millisPerDay: Int64 = 86_400_000
    private static let minMillis = days(year: 0, month: 1, day: 1) * millisPerDay
    private static let maxMillis = days(year: 10_000, month: 1, day: 1) * millisPerDay - 1

    /// Formats a date as `YYYY-MM-DDTHH:MM:SS.mmmZ`, rounded to the nearest millisecond.
    public static func string(from date: Date) -> String {
        let raw = (date.timeIntervalSince1970 * 1000).rounded()
        let millis = raw.isNaN ? 0 : Int64(min(max(raw, Double(minMillis)), Double(maxMillis)))
        let (dayNumber, milliOfDay) = floorDivide(millis, millisPerDay)
        let (year, month, day) = civil(days: dayNumber)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        append(year, width: 4, to: &out, then: "-")
        append(month, width: 2, to: &out, then: "-")
        append(day, width: 2, to: &out, then: "T")
        append(milliOfDay / 3_600_000, width: 2, to: &out, then: ":")
        append(milliOfDay / 60_000 % 60, width: 2, to: &out, then: ":")
        append(milliOfDay / 1000 % 60, width: 2, to: &out, then: ".")
        append(milliOfDay % 1000, width: 3, to: &out, then: "Z")
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`; nil for anything else or an impossible date.
    public static func date(from string: String) -> Date? {
        var scanner = Scanner(Array(string.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
              let day = scanner.number(2), scanner.skip("T") || scanner.skip("t") || scanner.skip(" "),
              let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), scanner.skip(":"),
              let second = scanner.number(2)
        else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(".") {
            guard let digits = scanner.fraction() else { return nil }
            fraction = digits
        }
        guard let offset = scanner.offsetSeconds(), scanner.atEnd else { return nil }
        let seconds = days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// The current time, formatted.
    public static func now() -> String {
        string(from: Date())
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day number since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        days(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
            - days(year: year, month: month, day: 1)
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func append(_ value: Int64, width: Int, to out: inout [UInt8], then separator: Unicode.Scalar) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        out += digits
        out.append(UInt8(ascii: separator))
    }
}
