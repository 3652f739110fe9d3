import Foundation

/// The URL- and filename-safe base64 alphabet without padding (RFC 4648 §5), as JWS requires (RFC 7515 §2).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, character) in alphabet.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        return table
    }()

    /// Encodes bytes as base64url with the trailing `=` padding removed (RFC 7515 §2, RFC 4648 §5).
    public static func encode(_ bytes: some DataProtocol) -> String {
        let input = [UInt8](bytes)
        var output = [UInt8]()
        output.reserveCapacity((input.count * 4 + 2) / 3)
        var index = 0
        while index < input.count {
            let remaining = input.count - index
            let first = input[index]
            let second = remaining > 1 ? input[index + 1] : 0
            let third = remaining > 2 ? input[index + 2] : 0
            output.append(alphabet[Int(first >> 2)])
            output.append(alphabet[Int((first & 0x03) << 4 | second >> 4)])
            if remaining > 1 { output.append(alphabet[Int((second & 0x0f) << 2 | third >> 6)]) }
            if remaining > 2 { output.append(alphabet[Int(third & 0x3f)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes unpadded base64url (RFC 7515 §2); `nil` on padding, a character outside the alphabet, an impossible
    /// length, or non-zero unused bits in the last character (so every byte string has exactly one encoding).
    public static func decode(_ text: String) -> Data? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var sextets = [UInt8]()
        sextets.reserveCapacity(input.count)
        for character in input {
            let value = values[Int(character)]
            guard value != 0xff else { return nil }
            sextets.append(value)
        }
        var output = [UInt8]()
        output.reserveCapacity(input.count * 3 / 4)
        var index = 0
        while index + 4 <= sextets.count {
            let group = sextets[index..<index + 4].reduce(UInt32(0)) { $0 << 6 | UInt32($1) }
            output += [UInt8(group >> 16), UInt8(group >> 8 & 0xff), UInt8(group & 0xff)]
            index += 4
        }
        switch sextets.count - index {
        case 2:
            guard sextets[index + 1] & 0x0f == 0 else { return nil }
            output.append(sextets[index] << 2 | sextets[index + 1] >> 4)
        case 3:
            guard sextets[index + 2] & 0x03 == 0 else { return nil }
            output.append(sextets[index] << 2 | sextets[index + 1] >> 4)
            output.append(sextets[index + 1] << 4 | sextets[index + 2] >> 2)
        default:
            break
        }
        return Data(output)
    }
}
