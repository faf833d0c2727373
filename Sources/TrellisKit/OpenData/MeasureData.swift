/// `/data/measures`: in CSV one row per measure and period (baseline, actual, target and that
/// period's RAG); in JSON one record per measure with its series and derived status.
struct MeasureData {
    let site: SiteContext

    static let columns: [Dataset.Column] = [
        .init("measure", "id of the measure, the file name in Content/measures"), .init("code", "Code, such as NI 117"),
        .init("title", "What is measured"), .init("unit", "Unit of every value: percent, count, rate per 1,000 ..."),
        .init("polarity", "higher-is-better or lower-is-better"), .init("status", "current or retired"),
        .init("period", "Period the values are for, such as 2009-10; empty when the measure has no values yet"),
        .init("baseline", "The baseline value, on the baseline's period only", type: "number"),
        .init("actual", "The value achieved in the period", type: "number"), .init("target", "The target for the period", type: "number"),
        .init("rating", "green (target met), amber (within 5% of target), red (worse), none (no target), empty when there is no actual"),
        .init("url", "The measure's page on this site", type: "anyURI"),
    ]

    /// The dataset, measures in the natural order of their codes, as `/measures/` lists them.
    func dataset() -> Dataset {
        var records: [JSONValue] = []
        var rows: [[JSONValue]] = []
        for document in Self.ordered(site.index) {
            guard case .measure(let measure) = document.details else { continue }
            let series = MeasureSeries(measure)
            let status = MeasureStatus(measure)
            let url = JSONValue.string(site.index.settings.baseURL + document.sitePath)
            let fixed: [JSONValue] = [
                .string(document.id), .text(measure.code), .string(document.title), .text(measure.unit),
                .text(measure.polarity?.value), .text(document.status?.value),
            ]
            for row in series.rows {
                rows.append(fixed + [
                    .string(row.period), point(row.baseline), point(row.actual), point(row.target),
                    .text(row.rating?.rawValue), url,
                ])
            }
            if series.rows.isEmpty { rows.append(fixed + [.null, .null, .null, .null, .null, url]) }
            var record = DocumentData(site: site).common(document)
            record["code"] = .text(measure.code)
            record["definition"] = .text(measure.definition)
            record["source"] = .text(measure.source)
            record["unit"] = .text(measure.unit)
            record["polarity"] = .text(measure.polarity?.value)
            record["baseline"] = measure.baseline.map(pair) ?? .null
            record["targets"] = .array(measure.targets.map(pair))
            record["actuals"] = .array(measure.actuals.map(pair))
            record["latest"] = status.latest.map(pair) ?? .null
            record["rating"] = .string(status.rating.rawValue)
            record["rating_words"] = .string(status.rating.words)
            record["direction"] = .string(status.direction.rawValue)
            record["direction_words"] = .string(status.direction.words)
            records.append(.object(record))
        }
        return Dataset(name: "measures", columns: Self.columns, primaryKey: ["measure", "period"], records: records, rows: rows)
    }

    /// Measures by code in natural order (NI 102a, NI 102b, NI 112), then by id.
    static func ordered(_ index: SiteIndex) -> [Document] {
        let measures = index.documents(of: .measure)
        let codes = measures.map { document -> String in
            guard case .measure(let measure) = document.details else { return "" }
            return measure.code ?? document.title
        }
        // Sort positions, not documents: a Document is large to copy.
        return measures.indices.sorted { a, b in
            if codes[a] != codes[b] { return NaturalOrder.precedes(codes[a], codes[b]) }
            return measures[a].id < measures[b].id
        }.map { measures[$0] }
    }

    private func point(_ value: DataPoint?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    private func pair(_ value: DataPoint) -> JSONValue { .object(["period": .string(value.period), "value": .number(value)]) }
}
