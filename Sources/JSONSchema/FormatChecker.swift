import Foundation

/// Checks the `format` values of draft-07 validation §7.3 against strings.
enum FormatChecker {
    /// Whether `text` has format `name`; `nil` for a format this validator does not know (which passes).
    static func check(_ name: String, _ text: String) -> Bool? {
        switch name {
        case "date-time": return DateTimeFormat.isDateTime(text)
        case "date": return DateTimeFormat.isDate(text)
        case "time": return DateTimeFormat.isTime(text)
        case "email": return EmailFormat.isEmail(text, international: false)
        case "idn-email": return EmailFormat.isEmail(text, international: true)
        case "hostname": return HostnameFormat.isHostname(text)
        case "idn-hostname": return HostnameFormat.isInternationalHostname(text)
        case "ipv4": return IPAddressFormat.isIPv4(text)
        case "ipv6": return IPAddressFormat.isIPv6(text)
        case "uri": return URIFormat(text, international: false).isURI(allowRelative: false)
        case "uri-reference": return URIFormat(text, international: false).isURI(allowRelative: true)
        case "iri": return URIFormat(text, international: true).isURI(allowRelative: false)
        case "iri-reference": return URIFormat(text, international: true).isURI(allowRelative: true)
        case "uri-template": return URITemplateFormat.isTemplate(text)
        case "json-pointer": return JSONPointer(text) != nil
        case "relative-json-pointer": return isRelativeJSONPointer(text)
        case "regex": return isRegex(text)
        default: return nil
        }
    }

    /// Whether `text` is ECMA-262 regular expression syntax (draft-07 validation §7.3.8).
    ///
    /// ICU rejects lookbehind of unbounded width, which ECMA-262 (since ES2018) allows; such a pattern is
    /// accepted when it compiles with its lookbehinds turned into plain groups.
    static func isRegex(_ text: String) -> Bool {
        if ECMARegex(text) != nil { return true }
        guard text.contains("(?<=") || text.contains("(?<!") else { return false }
        let relaxed = text.replacingOccurrences(of: "(?<=", with: "(?:").replacingOccurrences(of: "(?<!", with: "(?:")
        return ECMARegex(relaxed) != nil
    }

    /// A non-negative integer without leading zeros, then `#` or a JSON Pointer
    /// (draft-handrews-relative-json-pointer-01 §3).
    static func isRelativeJSONPointer(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count, utf8[index] >= UInt8(ascii: "0"), utf8[index] <= UInt8(ascii: "9") {
            index += 1
        }
        guard index > 0, utf8[0] != UInt8(ascii: "0") || index == 1 else { return false }
        let rest = String(decoding: utf8[index...], as: UTF8.self)
        return rest == "#" || JSONPointer(rest) != nil
    }
}

/// RFC 3339 §5.6 `full-date`, `full-time` and `date-time`.
enum DateTimeFormat {
    /// `full-date "T" full-time`, with `T` and `Z` in either case (RFC 3339 §5.6).
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// `YYYY-MM-DD` with a day that exists in that month (RFC 3339 §5.6, §5.7).
    static func isDate(_ text: String) -> Bool {
        isDate(Array(text.utf8)[...])
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; second 60 only at 23:59 UTC (RFC 3339 §5.6, §5.7).
    static func isTime(_ text: String) -> Bool {
        isTime(Array(text.utf8)[...])
    }

    private static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = digits(bytes, start, 4), let month = digits(bytes, start + 5, 2),
              let day = digits(bytes, start + 8, 2), (1...12).contains(month)
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day >= 1 && day <= lengths[month - 1]
    }

    private static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count >= 9, bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
              let hour = digits(bytes, start, 2), let minute = digits(bytes, start + 3, 2),
              let second = digits(bytes, start + 6, 2), hour <= 23, minute <= 59, second <= 60
        else { return false }
        var index = start + 8
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offset = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard bytes.endIndex - index == 6, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetHour = digits(bytes, index + 1, 2), let offsetMinute = digits(bytes, index + 4, 2),
                  offsetHour <= 23, offsetMinute <= 59
            else { return false }
            offset = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        guard second == 60 else { return true }
        let utcMinutes = ((hour * 60 + minute - offset) % 1440 + 1440) % 1440
        return utcMinutes == 23 * 60 + 59
    }

    private static func digits(_ bytes: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            guard index < bytes.endIndex, isDigit(bytes[index]) else { return nil }
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
