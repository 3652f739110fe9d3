import Foundation

/// IDNA2008 label rules (RFC 5891 §4.2, RFC 5892), approximated with the Unicode properties Swift exposes.
///
/// Swift has no Script, Joining_Type or Bidi_Class properties, so those come from code point ranges that
/// cover the scripts the rules name; the code point classes otherwise follow RFC 5892 §3.
enum IDNA {
    /// RFC 5892 §2 derived property values.
    enum Validity {
        case valid
        case contextJ
        case contextO
        case disallowed
    }

    /// Whether a label is a valid U-label: no hyphen at either end or in positions 3–4, no leading
    /// combining mark, and every code point PVALID or allowed by its context rule (RFC 5891 §4.2.3).
    static func isULabel(_ label: [Unicode.Scalar]) -> Bool {
        guard !label.isEmpty, label.first != "-", label.last != "-" else { return false }
        if label.count >= 4, label[2] == "-", label[3] == "-" { return false }
        if isCombiningMark(label[0]) { return false }
        for position in label.indices {
            switch validity(label[position]) {
            case .valid: continue
            case .contextJ: guard allowsJoiner(label, at: position) else { return false }
            case .contextO: guard allowsContextual(label, at: position) else { return false }
            case .disallowed: return false
            }
        }
        return true
    }

    /// The derived property of a code point (RFC 5892 §3).
    static func validity(_ scalar: Unicode.Scalar) -> Validity {
        let value = scalar.value
        if [0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007].contains(value) { return .valid }
        if [0x00B7, 0x0375, 0x05F3, 0x05F4, 0x30FB].contains(value) || (0x0660...0x0669).contains(value)
            || (0x06F0...0x06F9).contains(value) { return .contextO }
        if [0x0640, 0x07FA, 0x302E, 0x302F, 0x303B].contains(value) || (0x3031...0x3035).contains(value) {
            return .disallowed
        }
        let properties = scalar.properties
        if properties.generalCategory == .unassigned { return .disallowed }
        if scalar.isASCII {
            return scalar.isASCIILetter || ("0"..."9").contains(scalar) || scalar == "-" ? .valid : .disallowed
        }
        if properties.isJoinControl { return .contextJ }
        let single = String(Character(scalar))
        if single.precomposedStringWithCompatibilityMapping.lowercased()
            .precomposedStringWithCompatibilityMapping != single { return .disallowed }
        if properties.isDefaultIgnorableCodePoint || properties.isWhitespace || properties.isNoncharacterCodePoint {
            return .disallowed
        }
        if (0x20D0...0x20FF).contains(value) || (0x1D100...0x1D24F).contains(value) { return .disallowed }
        if (0x1100...0x11FF).contains(value) || (0xA960...0xA97F).contains(value) || (0xD7B0...0xD7FF).contains(value) {
            return .disallowed
        }
        switch properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .otherLetter, .decimalNumber, .modifierLetter, .nonspacingMark,
             .spacingMark:
            return .valid
        default:
            return .disallowed
        }
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// ZERO WIDTH NON-JOINER and JOINER (RFC 5892 Appendix A.1, A.2).
    private static func allowsJoiner(_ label: [Unicode.Scalar], at position: Int) -> Bool {
        if position > 0, label[position - 1].properties.canonicalCombiningClass == .virama { return true }
        guard label[position] == "\u{200C}" else { return false }
        var before = position - 1
        while before >= 0, isTransparent(label[before]) { before -= 1 }
        var after = position + 1
        while after < label.count, isTransparent(label[after]) { after += 1 }
        return before >= 0 && after < label.count && isJoining(label[before]) && isJoining(label[after])
    }

    /// Joining_Type T, approximated as marks and format characters.
    private static func isTransparent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return scalar != "\u{200C}" && scalar != "\u{200D}"
        default: return false
        }
    }

    /// Joining_Type D, L or R, approximated as letters of the joining scripts (Arabic, Syriac, NKo,
    /// Mandaic, Phags-pa, Manichaean, Psalter Pahlavi, Hanifi Rohingya, Adlam).
    private static func isJoining(_ scalar: Unicode.Scalar) -> Bool {
        let ranges: [ClosedRange<UInt32>] = [
            0x0620...0x06FF, 0x0710...0x074F, 0x0750...0x077F, 0x07CA...0x07EA, 0x0840...0x085F,
            0x0860...0x086F, 0x08A0...0x08FF, 0xA840...0xA877, 0x10AC0...0x10AFF, 0x10B80...0x10BAF,
            0x10D00...0x10D23, 0x1E900...0x1E943,
        ]
        return scalar.properties.generalCategory == .otherLetter && ranges.contains { $0.contains(scalar.value) }
    }

    /// The CONTEXTO rules (RFC 5892 Appendix A.3–A.9).
    private static func allowsContextual(_ label: [Unicode.Scalar], at position: Int) -> Bool {
        let before = position > 0 ? label[position - 1] : nil
        let after = position + 1 < label.count ? label[position + 1] : nil
        switch label[position].value {
        case 0x00B7:
            return before == "l" && after == "l"
        case 0x0375:
            return after.map { inRanges($0, [0x0370...0x0373, 0x0376...0x03FF, 0x1F00...0x1FFF]) } ?? false
        case 0x05F3, 0x05F4:
            return before.map { inRanges($0, [0x0591...0x05F4, 0xFB1D...0xFB4F]) } ?? false
        case 0x30FB:
            return label.contains { inRanges($0, japaneseRanges) }
        case 0x0660...0x0669:
            return !label.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:
            return !label.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }

    /// Hiragana, Katakana (without U+30FB) and Han.
    private static let japaneseRanges: [ClosedRange<UInt32>] = [
        0x3041...0x309F, 0x30A0...0x30FA, 0x30FC...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9D, 0x1B000...0x1B16F,
        0x2E80...0x2FDF, 0x3005...0x3005, 0x3007...0x3007, 0x3021...0x3029, 0x3038...0x303B, 0x3400...0x4DBF,
        0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F,
    ]

    static func inRanges(_ scalar: Unicode.Scalar, _ ranges: [ClosedRange<UInt32>]) -> Bool {
        ranges.contains { $0.contains(scalar.value) }
    }
}
