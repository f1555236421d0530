import Catalog

// The catalog's tables, field by field (`FingerprintValue`). Every stored property is fed, in declaration order;
// `CatalogFingerprintTests` fails for a property Mirror sees and its type does not feed.

extension TableID: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("source", source)
        fields.field("schema", schema)
        fields.field("name", name)
    }
}

extension Table: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("id", id)
        fields.field("kind", kind)
        fields.field("columns", columns)
        fields.field("primaryKey", primaryKey)
        fields.field("foreignKeys", foreignKeys)
        fields.field("indexes", indexes)
        fields.field("rowCount", rowCount)
        fields.field("viewDefinition", viewDefinition)
        fields.field("options", options)
        fields.field("description", description)
        fields.field("constraints", constraints)
        fields.field("bytes", bytes)
        fields.field("partitionKey", partitionKey)
        fields.field("partitions", partitions)
        fields.field("reads", reads)
        fields.field("context", context)
        fields.field("describePending", describePending)
        fields.field("profile", profile)
    }
}

extension RowCount: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("value", value)
        fields.field("isExact", isExact)
    }
}

extension PrimaryKey: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("columns", columns)
    }
}

extension Constraint: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("kind", kind)
        fields.field("columns", columns)
        fields.field("definition", definition)
    }
}

extension Partition: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("bound", bound)
        fields.field("parent", parent)
        fields.field("rowCount", rowCount)
        fields.field("bytes", bytes)
    }
}

extension ViewDependency: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("table", table)
        fields.field("columns", columns)
    }
}

extension ForeignKey: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("columns", columns)
        fields.field("referencedTable", referencedTable)
        fields.field("referencedColumns", referencedColumns)
        fields.field("onDelete", onDelete)
        fields.field("onUpdate", onUpdate)
        fields.field("isDeferrable", isDeferrable)
        fields.field("isInitiallyDeferred", isInitiallyDeferred)
    }
}

extension TableIndex: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("parts", parts)
        fields.field("isUnique", isUnique)
        fields.field("predicate", predicate)
        fields.field("origin", origin)
        fields.field("method", method)
    }
}

extension TableIndex.Part: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        // The case as a number, then its payload.
        switch self {
        case .column(let name):
            fields.field("case", 0)
            fields.field("column", name)
        case .expression(let text):
            fields.field("case", 1)
            fields.field("expression", text)
        }
    }
}

extension Column: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("name", name)
        fields.field("position", position)
        fields.field("dataType", dataType)
        fields.field("isNullable", isNullable)
        fields.field("defaultValue", defaultValue)
        fields.field("primaryKeyPosition", primaryKeyPosition)
        fields.field("generated", generated)
        fields.field("isHidden", isHidden)
        fields.field("description", description)
        fields.field("identity", identity)
        fields.field("domainBaseType", domainBaseType)
        fields.field("enumLabels", enumLabels)
        fields.field("context", context)
        fields.field("profile", profile)
        fields.field("pii", pii)
    }
}

extension Column.Generated: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("storage", storage)
        fields.field("expression", expression)
    }
}

extension Description: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("text", text)
        fields.field("origin", origin)
        fields.field("status", status)
        fields.field("inputsHash", inputsHash)
        fields.field("isStale", isStale)
    }
}

extension EntityContext: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("businessRules", businessRules)
        fields.field("dataSources", dataSources)
        fields.field("usageNotes", usageNotes)
        fields.field("examples", examples)
        fields.field("glossaryTerms", glossaryTerms)
        fields.field("owner", owner)
        fields.field("tags", tags)
        fields.field("hints", hints)
        fields.field("pii", pii)
    }
}

extension TableProfile: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("rowsRead", rowsRead)
        fields.field("isSampled", isSampled)
        fields.field("valuesRead", valuesRead)
        fields.field("incomplete", incomplete)
    }
}

extension ColumnProfile: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("nullFraction", nullFraction)
        fields.field("distinct", distinct)
        fields.field("distinctIsEstimate", distinctIsEstimate)
        fields.field("minimum", minimum)
        fields.field("maximum", maximum)
        fields.field("minimumLength", minimumLength)
        fields.field("maximumLength", maximumLength)
        fields.field("mean", mean)
        fields.field("standardDeviation", standardDeviation)
        fields.field("topValues", topValues)
        fields.field("patterns", patterns)
        fields.field("samples", samples)
        fields.field("isMasked", isMasked)
        fields.field("valuesWithheld", valuesWithheld)
    }
}

extension ColumnProfile.ValueCount: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("value", value)
        fields.field("count", count)
    }
}

extension ColumnProfile.PatternShare: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("pattern", pattern)
        fields.field("share", share)
    }
}

extension PIIFinding: FingerprintValue {
    public func feed(into fields: inout FingerprintFields) {
        fields.field("kind", kind)
        fields.field("confidence", confidence)
        fields.field("reasons", reasons)
        fields.field("origin", origin)
    }
}
