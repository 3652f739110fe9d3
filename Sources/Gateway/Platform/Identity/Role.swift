/// A member's or key's role in an organization, ordered viewer < member < admin (seed 004, Authorization).
public enum Role: String, Sendable, Codable, Comparable, CaseIterable {
    case viewer, member, admin

    private var rank: Int {
        switch self {
        case .viewer: return 0
        case .member: return 1
        case .admin: return 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
