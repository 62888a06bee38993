/// A person of content/team.csv.
public struct TeamMember: Hashable, Sendable {
    /// The person's support tier: key user, internal consultant or vendor consultant.
    public enum Role: String, Sendable, CaseIterable {
        case keyUser = "key-user"
        case internalConsultant = "internal-consultant"
        case vendorConsultant = "vendor-consultant"
        case pm
        case sponsor
    }

    public var id: String
    public var name: String
    public var role: Role?
    public var org: String?
    public var email: String?
    /// Columns of team.csv Dossier has no field for, with their headers, in file order;
    /// empty cells left out.
    public var extra: [Extra] = []

    /// One extra column's header and value.
    public struct Extra: Hashable, Sendable {
        public var header: String
        public var value: String
    }
}

/// The people of the project, looked up by id or by name.
public struct Team: Sendable {
    public var members: [TeamMember]
    /// False when the site has no team.csv: then any name is accepted.
    public var isDeclared: Bool
    private var index: [String: Int] = [:]

    public init(members: [TeamMember], isDeclared: Bool) {
        self.members = members
        self.isDeclared = isDeclared
        for (i, member) in members.enumerated() {
            if index[member.id] == nil { index[member.id] = i }
        }
        for (i, member) in members.enumerated() where index[member.name] == nil {
            index[member.name] = i
        }
    }

    /// The member written as `idOrName`.
    public func member(_ idOrName: String) -> TeamMember? { index[idOrName].map { members[$0] } }

    /// The name to show for a person as written in a record.
    public func displayName(_ written: String) -> String { member(written)?.name ?? written }

    /// The ids and names, for "did you mean".
    public var allNames: [String] { members.flatMap { [$0.id, $0.name] } }
}
