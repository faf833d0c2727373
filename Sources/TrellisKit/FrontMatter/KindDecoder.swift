/// Reads the keys only one kind of file has.
enum KindDecoder {
    /// The kind's details and the keys it knows.
    static func decode(_ kind: DocumentKind, reader: FieldReader, id: String) -> (Document.Details, [String]) {
        switch kind {
        case .partnership: return (.partnership(partnership(reader)), ["type", "area", "parent", "established", "chair", "contacts", "members", "meets", "priorities", "measures", "documents", "risks"])
        case .plan: return (.plan(plan(reader, id: id)), ["period", "owner", "superseded_by", "priorities"])
        case .framework: return (.framework(framework(reader)), ["owner", "adopted", "review", "priorities", "measures"])
        case .measure: return (.measure(measure(reader)), ["code", "definition", "source", "unit", "polarity", "baseline", "targets", "actuals"])
        case .contact: return (.contact(contact(reader)), ["role", "organisation", "email", "telephone", "address"])
        case .page: return (.page, [])
        }
    }

    static func partnership(_ reader: FieldReader) -> Partnership {
        let members = reader.list("members", what: "organisations").compactMap { node -> Member? in
            if case .scalar = node { return reader.text(of: node, key: "members").map { Member(name: $0.value) } }
            guard let item = reader.reader(for: node, key: "members", what: "an organisation (name, sector, role) or its name") else { return nil }
            defer { item.warnUnknownKeys(known: ["name", "sector", "role"], context: "in a member") }
            guard let name = item.string("name", required: true, what: "the organisation's name") else { return nil }
            return Member(name: name.value, sector: item.string("sector")?.value, role: item.string("role")?.value)
        }
        let risks = reader.list("risks", what: "risks (title, mitigation)").compactMap { node -> Risk? in
            guard let item = reader.reader(for: node, key: "risks", what: "a risk with a title and a mitigation") else { return nil }
            defer { item.warnUnknownKeys(known: ["title", "mitigation"], context: "in a risk") }
            guard let title = item.string("title", required: true, what: "the risk") else { return nil }
            return Risk(title: title.value, mitigation: item.string("mitigation")?.value)
        }
        return Partnership(
            type: reader.string("type"), area: reader.string("area")?.value, parent: reader.string("parent", what: "a partnership id"),
            established: reader.time("established", dateOnly: true), chair: reader.string("chair", what: "a contact id"),
            contacts: reader.ids("contacts"), members: members, meets: reader.string("meets")?.value,
            priorities: reader.ids("priorities"), measures: reader.ids("measures"), documents: reader.ids("documents"), risks: risks)
    }

    static func plan(_ reader: FieldReader, id: String) -> Plan {
        let period = reader.mapping("period", what: "a period like { from: 2009-04-01, to: 2012-03-31 }")
        defer { period?.warnUnknownKeys(known: ["from", "to"], context: "in a period") }
        let priorities = reader.list("priorities", what: "priorities (id, label, title, parent, measures)").compactMap { node -> Priority? in
            guard let item = reader.reader(for: node, key: "priorities", what: "a priority with an id and a title") else { return nil }
            defer { item.warnUnknownKeys(known: ["id", "label", "title", "parent", "measures"], context: "in a priority") }
            guard let priorityID = item.string("id", required: true, what: "the priority's id, like cyp-1"),
                  let title = item.string("title", required: true, what: "the priority's title") else { return nil }
            if !ContentLoader.isValidID(priorityID.value) {
                reader.sink.add(.error(.badFileName, "'\(priorityID.value)' is not a valid id: ids are lower-case letters, digits and single hyphens; write \(ContentLoader.slug(priorityID.value))", at: priorityID.location))
                return nil
            }
            return Priority(id: priorityID, label: item.string("label")?.value, title: title.value,
                            parent: item.string("parent", what: "a priority id"), measures: item.ids("measures"), plan: id)
        }
        return Plan(periodFrom: period?.time("from", required: true, dateOnly: true), periodTo: period?.time("to", required: true, dateOnly: true),
                    owner: reader.string("owner", what: "a partnership id"), supersededBy: reader.string("superseded_by", what: "a plan id"),
                    priorities: priorities)
    }

    static func framework(_ reader: FieldReader) -> Framework {
        Framework(owner: reader.string("owner", what: "a partnership id"), adopted: reader.time("adopted", dateOnly: true),
                  review: reader.time("review", dateOnly: true), priorities: reader.ids("priorities"), measures: reader.ids("measures"))
    }

    static func measure(_ reader: FieldReader) -> Measure {
        func point(_ node: YAMLNode, key: String) -> DataPoint? {
            guard let item = reader.reader(for: node, key: key, what: "a period and a value, like { period: 2009-10, value: 52.3 }") else { return nil }
            defer { item.warnUnknownKeys(known: ["period", "value"], context: "in \(key)") }
            guard let period = item.string("period", required: true, what: "the period, like 2009-10"),
                  let value = item.string("value", required: true, what: "a number") else { return nil }
            let cleaned = value.value.replacingOccurrences(of: ",", with: "")
            guard let number = Double(cleaned), number.isFinite else {
                reader.sink.add(.error(.wrongType, "'value' must be a number like 52.3 (write the unit in 'unit:'), not '\(value.value)'", at: value.location))
                return nil
            }
            return DataPoint(period: period.value, value: number, written: cleaned)
        }
        let measure = Measure(
            code: reader.string("code")?.value, definition: reader.string("definition")?.value, source: reader.string("source")?.value,
            unit: reader.string("unit")?.value, polarity: reader.choice("polarity", from: ["higher-is-better", "lower-is-better"]),
            baseline: reader.node("baseline").flatMap { point($0, key: "baseline") },
            targets: reader.list("targets", what: "targets ({ period, value })").compactMap { point($0, key: "targets") },
            actuals: reader.list("actuals", what: "actuals ({ period, value })").compactMap { point($0, key: "actuals") })
        // Without a polarity a rating could call a rise in, say, teenage conceptions "improving".
        if measure.polarity == nil, !reader.has("polarity"), !measure.actuals.isEmpty {
            reader.sink.add(.warning(.missingKey, "the measure has no 'polarity', so its rating and direction of travel assume higher is better; add 'polarity: higher-is-better' or 'polarity: lower-is-better'", at: reader.location(ofKey: "actuals")))
        }
        return measure
    }

    static func contact(_ reader: FieldReader) -> Contact {
        Contact(role: reader.string("role")?.value, organisation: reader.string("organisation")?.value,
                email: reader.string("email")?.value, telephone: reader.string("telephone")?.value,
                address: reader.string("address")?.value)
    }
}
