import Foundation

extension SchemaEvaluator {
    /// `multipleOf`, `maximum`, `exclusiveMaximum`, `minimum`, `exclusiveMinimum` (draft-07 validation §6.2).
    mutating func checkNumber(_ keyword: CompiledKeyword, _ number: JSONNumber, collect: Bool) -> Bool {
        switch keyword.rule {
        case .multipleOf(let step):
            return number.isMultiple(of: step) || fail(keyword, "must be multiple of \(step)", collect: collect)
        case .maximum(let bound):
            return number <= bound || fail(keyword, "must be <= \(bound)", collect: collect)
        case .exclusiveMaximum(let bound):
            return number < bound || fail(keyword, "must be < \(bound)", collect: collect)
        case .minimum(let bound):
            return number >= bound || fail(keyword, "must be >= \(bound)", collect: collect)
        case .exclusiveMinimum(let bound):
            return number > bound || fail(keyword, "must be > \(bound)", collect: collect)
        default:
            return true
        }
    }

    /// `maxLength`, `minLength` (counted in code points), `pattern` (draft-07 validation §6.3), `format` (§7)
    /// and `contentEncoding`/`contentMediaType` (§8).
    mutating func checkString(_ keyword: CompiledKeyword, _ text: String, collect: Bool) -> Bool {
        switch keyword.rule {
        case .maxLength(let limit):
            return text.utf8.count <= limit || text.unicodeScalars.count <= limit
                || fail(keyword, "must NOT have more than \(limit) characters", collect: collect)
        case .minLength(let limit):
            return text.utf8.count >= limit && (text.utf8.count / 4 >= limit || text.unicodeScalars.count >= limit)
                || fail(keyword, "must NOT have fewer than \(limit) characters", collect: collect)
        case .pattern(let regex):
            return regex.matches(text) || fail(keyword, "must match pattern \"\(regex.source)\"", collect: collect)
        case .format(let name):
            guard options.formatAssertion, let valid = FormatChecker.check(name, text) else { return true }
            return valid || fail(keyword, "must match format \"\(name)\"", collect: collect)
        case .content(let encoding, let mediaType):
            guard options.contentAssertion else { return true }
            return ContentChecker.check(text, encoding: encoding, mediaType: mediaType)
                || fail(keyword, "must be \(mediaType ?? encoding ?? "") content", collect: collect)
        default:
            return true
        }
    }

    /// `items`, `additionalItems`, `maxItems`, `minItems`, `uniqueItems`, `contains` (draft-07 validation §6.4).
    mutating func checkArray(_ keyword: CompiledKeyword, _ elements: [JSONValue], collect: Bool) -> Bool {
        switch keyword.rule {
        case .items(let node):
            var valid = true
            for (index, element) in elements.enumerated()
            where !descend(.index(index), node, element, collect: collect) {
                valid = false
                if !collect { return false }
            }
            return valid
        case .tupleItems(let nodes, let additional):
            return checkTuple(nodes, additional: additional, elements, collect: collect)
        case .maxItems(let limit):
            return elements.count <= limit || fail(keyword, "must NOT have more than \(limit) items", collect: collect)
        case .minItems(let limit):
            return elements.count >= limit || fail(keyword, "must NOT have fewer than \(limit) items", collect: collect)
        case .uniqueItems:
            guard let (first, second) = SchemaEvaluator.duplicate(in: elements) else { return true }
            return fail(keyword, "must NOT have duplicate items (items ## \(second) and \(first) are identical)",
                        collect: collect)
        case .contains(let node):
            for (index, element) in elements.enumerated() where descend(.index(index), node, element, collect: false) {
                return true
            }
            return fail(keyword, "must contain at least one valid item", collect: collect)
        default:
            return true
        }
    }

    private mutating func checkTuple(_ nodes: [Int], additional: AdditionalRule?, _ elements: [JSONValue],
                                     collect: Bool) -> Bool {
        var valid = true
        for (index, element) in elements.enumerated() {
            let node: Int
            if index < nodes.count {
                node = nodes[index]
            } else if let additional {
                if case .reject = self.nodes[additional.node].body {
                    return fail(keyword: "additionalItems", schemaPath: additional.path,
                                "must NOT have more than \(nodes.count) items", collect: collect) && valid
                }
                node = additional.node
            } else {
                break
            }
            if !descend(.index(index), node, element, collect: collect) {
                valid = false
                if !collect { return false }
            }
        }
        return valid
    }

    /// The positions of the first repeated element, if any (equality as in draft-07 validation §4.2.2).
    static func duplicate(in elements: [JSONValue]) -> (Int, Int)? {
        guard elements.count > 1 else { return nil }
        var seen: [JSONValue: Int] = [:]
        seen.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            if let earlier = seen.updateValue(index, forKey: element) { return (earlier, index) }
        }
        return nil
    }
}
