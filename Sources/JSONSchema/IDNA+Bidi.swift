extension IDNA {
    /// Bidi_Class values the Bidi rule distinguishes (RFC 5893 §2).
    enum BidiClass {
        case leftToRight, rightToLeft, arabicLetter, arabicNumber, europeanNumber
        case separator, commonSeparator, terminator, otherNeutral, boundaryNeutral, nonspacingMark
    }

    /// The Bidi rule (RFC 5893 §2): applies to every label when any label contains R, AL or AN characters.
    static func satisfiesBidiRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(bidiClass) }
        let isBidiName = classes.contains { label in
            label.contains { $0 == .rightToLeft || $0 == .arabicLetter || $0 == .arabicNumber }
        }
        guard isBidiName else { return true }
        return classes.allSatisfy(labelSatisfiesBidiRule)
    }

    private static func labelSatisfiesBidiRule(_ label: [BidiClass]) -> Bool {
        guard let first = label.first else { return false }
        let trimmed = label.reversed().drop { $0 == .nonspacingMark }
        guard let last = trimmed.first else { return false }
        switch first {
        case .rightToLeft, .arabicLetter:
            let allowed: Set<BidiClass> = [.rightToLeft, .arabicLetter, .arabicNumber, .europeanNumber, .separator,
                                           .commonSeparator, .terminator, .otherNeutral, .boundaryNeutral,
                                           .nonspacingMark]
            let ends: Set<BidiClass> = [.rightToLeft, .arabicLetter, .europeanNumber, .arabicNumber]
            return label.allSatisfy(allowed.contains) && ends.contains(last)
                && !(label.contains(.europeanNumber) && label.contains(.arabicNumber))
        case .leftToRight:
            let allowed: Set<BidiClass> = [.leftToRight, .europeanNumber, .separator, .commonSeparator, .terminator,
                                           .otherNeutral, .boundaryNeutral, .nonspacingMark]
            return label.allSatisfy(allowed.contains) && (last == .leftToRight || last == .europeanNumber)
        default:
            return false
        }
    }

    /// An approximation of Bidi_Class from code point ranges and general categories.
    static func bidiClass(_ scalar: Unicode.Scalar) -> BidiClass {
        let value = scalar.value
        let category = scalar.properties.generalCategory
        switch category {
        case .nonspacingMark, .enclosingMark: return .nonspacingMark
        case .format, .control: return .boundaryNeutral
        default: break
        }
        if inRanges(scalar, [0x0600...0x0605, 0x0660...0x0669, 0x066B...0x066C, 0x06DD...0x06DD, 0x0890...0x0891,
                             0x08E2...0x08E2, 0x10E60...0x10E7E]) { return .arabicNumber }
        if inRanges(scalar, [0x0030...0x0039, 0x00B2...0x00B3, 0x00B9...0x00B9, 0x06F0...0x06F9, 0x2070...0x2079,
                             0x2080...0x2089, 0xFF10...0xFF19]) { return .europeanNumber }
        if inRanges(scalar, [0x0600...0x07BF, 0x0860...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF, 0x1EC70...0x1ECBF,
                             0x1ED00...0x1ED4F, 0x1EE00...0x1EEFF]) { return .arabicLetter }
        if inRanges(scalar, [0x0590...0x05FF, 0x07C0...0x085F, 0xFB1D...0xFB4F, 0x10800...0x10FFF,
                             0x1E800...0x1EFFF]) { return .rightToLeft }
        switch value {
        case 0x2B, 0x2D: return .separator
        case 0x2C, 0x2E, 0x2F, 0x3A, 0xA0: return .commonSeparator
        case 0x23...0x25, 0xA2...0xA5, 0xB0...0xB1: return .terminator
        default: break
        }
        switch category {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .spacingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return .leftToRight
        default:
            return .otherNeutral
        }
    }
}
