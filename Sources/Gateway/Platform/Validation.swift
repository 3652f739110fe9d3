/// Field checks shared by the platform and the surfaces; each failure names the field.
enum Validation {
    /// Lowercase letters, digits and dashes, 2 to 63 characters, starting with a letter or digit.
    static func slug(_ text: String, field: String) throws {
        let bytes = Array(text.utf8)
        let valid = (2...63).contains(bytes.count) && bytes.allSatisfy {
            (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D
        } && bytes.first != 0x2D
        if !valid {
            throw PlatformError.invalid("\(field) must be 2-63 lowercase letters, digits or dashes, not starting with a dash")
        }
    }

    /// Something@something with no spaces.
    static func email(_ text: String, field: String) throws {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else {
            throw PlatformError.invalid("\(field) must be an email address")
        }
    }
}
