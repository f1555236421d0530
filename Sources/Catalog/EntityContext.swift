/// What people know about a table or column beyond its description, written in context files.
public struct EntityContext: Sendable, Hashable, Codable {
    public var businessRules: [String]
    public var dataSources: [String]
    public var usageNotes: String?
    public var examples: [String]
    public var glossaryTerms: [String]
    public var owner: String?
    public var tags: [String]
    /// Extra guidance for the model that writes descriptions; not shown as documentation.
    public var hints: String?
    /// `none`, or the kind of personal data a column holds (`email`, `phone`, …), overriding detection.
    public var pii: String?

    public init(
        businessRules: [String] = [], dataSources: [String] = [], usageNotes: String? = nil, examples: [String] = [],
        glossaryTerms: [String] = [], owner: String? = nil, tags: [String] = [], hints: String? = nil, pii: String? = nil
    ) {
        self.businessRules = businessRules
        self.dataSources = dataSources
        self.usageNotes = usageNotes
        self.examples = examples
        self.glossaryTerms = glossaryTerms
        self.owner = owner
        self.tags = tags
        self.hints = hints
        self.pii = pii
    }

    public var isEmpty: Bool { self == EntityContext() }
}

/// A business term and what it means here.
public struct GlossaryTerm: Sendable, Hashable, Codable {
    public var term: String
    public var definition: String
    public var synonyms: [String]
    public var tables: [TableID]

    public init(term: String, definition: String, synonyms: [String] = [], tables: [TableID] = []) {
        self.term = term
        self.definition = definition
        self.synonyms = synonyms
        self.tables = tables
    }
}
