import Catalog

/// Context as a spreadsheet: one row per table (empty `column`) or per column.
///
/// Headers: `table` (required), `column`, and the fields of a YAML entry (`description`,
/// `business_rules`, …). A list field holds one item per line of its cell. Quoted cells may contain
/// commas, quotes (doubled) and line breaks; a UTF-8 byte-order mark is removed before parsing.
enum CSVContext {
    static let headers = ["table", "column"] + ContextLoader.columnKeys
    static let listFields: Set<String> = ["business_rules", "data_sources", "examples", "glossary_terms", "tags"]

    struct Cell {
        var text: String
        var line: Int
        var column: Int
    }

    static func parse(_ text: String, file: String) throws(ConfigError) -> ContextSet {
        var set = ContextSet()
        let rows = try records(text, file: file)
        guard let header = rows.first else { return set }
        let names = header.map { $0.text.trimmingCharacters(in: .whitespaces).lowercased() }
        for (offset, name) in names.enumerated() {
            guard headers.contains(name) else {
                let suggestion = Suggestion.closest(to: name, among: headers).map { "did you mean `\($0)`? " } ?? ""
                throw ConfigError(file: file, line: header[offset].line, column: header[offset].column,
                                  message: "unknown column header `\(name)`; \(suggestion)allowed headers: \(headers.joined(separator: ", "))")
            }
            if let first = names.firstIndex(of: name), first < offset {
                throw ConfigError(file: file, line: header[offset].line, column: header[offset].column,
                                  message: "the header `\(name)` appears twice")
            }
        }
        guard let tableIndex = names.firstIndex(of: "table") else {
            throw ConfigError(file: file, line: 1, column: 1, message: "missing the `table` header; the first row names the columns, e.g. `table,column,description`")
        }
        for row in rows.dropFirst() {
            if row.allSatisfy({ $0.text.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard row.count == names.count else {
                throw ConfigError(file: file, line: row[0].line, column: 1,
                                  message: "this row has \(row.count) cells but the header has \(names.count); quote cells that contain commas")
            }
            var values: [String: Cell] = [:]
            for (index, cell) in row.enumerated() where !cell.text.isEmpty { values[names[index]] = cell }
            let tableCell = row[tableIndex]
            guard !tableCell.text.isEmpty else {
                throw ConfigError(file: file, line: tableCell.line, column: tableCell.column, message: "the `table` cell is empty; every row names a table")
            }
            func single(_ name: String) -> String? { values[name]?.text }
            func list(_ name: String) -> [String] {
                (values[name]?.text ?? "").split(whereSeparator: \.isNewline)
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            var status: Description.Status?
            if let cell = values["status"] {
                guard let parsed = Description.Status(rawValue: cell.text.lowercased()) else {
                    throw ConfigError(file: file, line: cell.line, column: cell.column,
                                      message: "`status` should be `draft` or `approved`, found `\(cell.text)`")
                }
                status = parsed
            }
            if let cell = values["pii"], !ContextLoader.piiValues.contains(cell.text) {
                throw ConfigError(file: file, line: cell.line, column: cell.column,
                                  message: "`pii` should be `none` or a kind of personal data, found `\(cell.text)`; allowed: "
                                      + ContextLoader.piiValues.joined(separator: ", "))
            }
            let location = Location(file: file, line: row[0].line, column: 1)
            let columnCell = values["column"]
            set.entries.append(ContextSet.Entry(
                table: tableCell.text, column: columnCell?.text, description: single("description"), status: status,
                inputsHash: single("inputs_hash"),
                context: EntityContext(
                    businessRules: list("business_rules"), dataSources: list("data_sources"), usageNotes: single("usage_notes"),
                    examples: list("examples"), glossaryTerms: list("glossary_terms"), owner: single("owner"),
                    tags: list("tags"), hints: single("hints"), pii: single("pii")),
                location: location,
                nameLocation: Location(file: file, line: (columnCell ?? tableCell).line, column: (columnCell ?? tableCell).column)))
        }
        return set
    }

    /// RFC 4180 records with the line and column where each cell starts. Line ends may be LF or CRLF.
    static func records(_ text: String, file: String) throws(ConfigError) -> [[Cell]] {
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var field = ""
        var quoted = false
        var line = 1, column = 1
        var cellLine = 1, cellColumn = 1
        var quoteLine = 1, quoteColumn = 1
        var atCellStart = true
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func endCell() {
            row.append(Cell(text: field, line: cellLine, column: cellColumn))
            field = ""
            atCellStart = true
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if atCellStart {
                cellLine = line
                cellColumn = column
                atCellStart = false
                if scalar == "\"" {
                    quoted = true
                    quoteLine = line
                    quoteColumn = column
                    index += 1
                    column += 1
                    continue
                }
            }
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 2
                        column += 2
                        continue
                    }
                    quoted = false
                    index += 1
                    column += 1
                    let next = index < scalars.count ? scalars[index] : ","
                    guard next == "," || next == "\n" || next == "\r" else {
                        throw ConfigError(file: file, line: line, column: column,
                                          message: "unexpected text after a closing quote; double a quote inside a quoted cell (\"\")")
                    }
                    continue
                }
                field.unicodeScalars.append(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                index += 1
                continue
            }
            switch scalar {
            case ",":
                endCell()
                atCellStart = true
                column += 1
            case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                index += 1
                fallthrough
            case "\n", "\r":
                endCell()
                rows.append(row)
                row = []
                line += 1
                column = 1
                index += 1
                continue
            default:
                field.unicodeScalars.append(scalar)
                column += 1
            }
            index += 1
        }
        if quoted {
            throw ConfigError(file: file, line: quoteLine, column: quoteColumn, message: "this quoted cell is never closed; add the closing \"")
        }
        if !field.isEmpty || !row.isEmpty { endCell(); rows.append(row) }
        return rows
    }
}
