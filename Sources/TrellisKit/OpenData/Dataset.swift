import Foundation

/// One open dataset: its JSON (records, nested where that helps) and its CSV (flat rows, one
/// value per column), with the column descriptions its CSVW metadata and `/data/` page show.
struct Dataset: Sendable {
    /// A CSV column: its header, what it holds, and its CSVW datatype.
    struct Column: Sendable {
        var name: String
        var datatype: String
        var description: String
        /// Lists are written in one cell, items joined by this.
        var separator: String?

        /// A column of CSVW `type` ("string", "number", "date", "dateTime", "anyURI").
        init(_ name: String, _ description: String, type datatype: String = "string", separator: String? = nil) {
            self.name = name
            self.datatype = datatype
            self.description = description
            self.separator = separator
        }
    }

    /// The file name without extension: "measures".
    var name: String
    /// "Measures", for headings.
    var title: String
    /// One or two sentences for the `/data/` page and the metadata.
    var description: String
    var columns: [Column]
    /// Columns that identify a row, for CSVW's primaryKey.
    var primaryKey: [String]
    /// The JSON records.
    var records: [JSONValue]
    /// The CSV rows, one value per column (a list for a column with a separator).
    var rows: [[JSONValue]]

    /// What each dataset is, in the order the `/data/` page lists them.
    static let catalogue: [(name: String, title: String, description: String)] = [
        ("partnerships", "Partnerships", "Every partnership: its type, area, status, chair, contacts, members, the priorities it works on and the measures it tracks."),
        ("priorities", "Priorities", "Every priority set by a plan, with the plan, the priority it serves, its measures and who works on it."),
        ("measures", "Measures", "Every performance measure, one row per measure and period, with its baseline, actual, target and rating (RAG) against the target for that period."),
        ("contacts", "Contacts", "Every public contact: name or role, organisation, email, telephone, address, and the partnerships they are the contact for."),
        ("consultations", "Consultations", "Every consultation: what is consulted on, when it opens and closes, its state when the site was built, how to respond and the outcome."),
    ]

    /// The dataset `name` (one of `catalogue`), with its title and description from there.
    init(name: String, columns: [Column], primaryKey: [String], records: [JSONValue], rows: [[JSONValue]]) {
        let about = Self.catalogue.first { $0.name == name }
        self.name = name
        title = about?.title ?? name.capitalizedFirst
        description = about?.description ?? ""
        self.columns = columns
        self.primaryKey = primaryKey
        self.records = records
        self.rows = rows
    }

    /// The CSV file.
    var csv: Data {
        Data(CSV.document(header: columns.map(\.name), rows: rows.map { row in
            zip(columns, row).map { column, value in CSV.cell(value, separator: column.separator ?? ";") }
        }))
    }

    /// The JSON file: the records under the dataset's name, with what they are and their licence.
    func json(settings: SiteSettings) -> Data {
        let object: JSONObject = [
            "title": .string("\(title): \(settings.title)"),
            "description": .string(description),
            "licence": .text(settings.licence),
            "publisher": .string(settings.organisationName ?? settings.title),
            "url": .string(settings.baseURL + "data/\(name).json"),
            name: .array(records),
        ]
        return Data(JSONValue.object(object).prettyBytes)
    }

    /// The CSVW metadata (W3C "Metadata Vocabulary for Tabular Data") describing the CSV's columns.
    func csvwMetadata(settings: SiteSettings) -> String {
        var metadata: JSONObject = [
            "@context": .string("http://www.w3.org/ns/csvw"),
            "url": .string("\(name).csv"),
            "dc:title": .string("\(title): \(settings.title)"),
            "dc:description": .string(description),
            "dc:publisher": .string(settings.organisationName ?? settings.title),
            "dc:source": .string(settings.baseURL),
            "dialect": .object([
                "encoding": .string("utf-8"), "header": .bool(true), "delimiter": .string(","),
                "doubleQuote": .bool(true), "lineTerminators": .array([.string("\r\n")]),
            ]),
            "tableSchema": .object([
                "columns": .array(columns.map { column in
                    var entry: JSONObject = [
                        "name": .string(column.name), "titles": .string(column.name),
                        "datatype": .string(column.datatype), "dc:description": .string(column.description),
                    ]
                    if let separator = column.separator { entry["separator"] = .string(separator) }
                    return .object(entry)
                }),
            ]),
        ]
        // A key must identify every row: a measure with no values yet has no period to key it by.
        let keyColumns = primaryKey.compactMap { key in columns.firstIndex { $0.name == key } }
        if keyColumns.count == primaryKey.count, !rows.contains(where: { row in keyColumns.contains { row[$0] == .null } }),
           case .object(var schema) = metadata["tableSchema"] {
            schema["primaryKey"] = primaryKey.count == 1 ? .string(primaryKey[0]) : .array(primaryKey.map(JSONValue.string))
            metadata["tableSchema"] = .object(schema)
        }
        if let licence = settings.licence { metadata["dc:license"] = Licence.url(licence).map { .object(["@id": .string($0)]) } ?? .string(licence) }
        return JSONValue.object(metadata).pretty
    }
}
