import Foundation

/// `/data/`: each dataset as JSON, as CSV with its CSVW metadata, and the page that lists them
/// with their size, format, licence and description.
struct OpenDataFiles {
    let site: SiteContext
    let layout: Layout

    /// Every dataset, built from the site.
    func datasets() -> [Dataset] {
        let documents = DocumentData(site: site)
        return [documents.partnerships(), documents.priorities(), MeasureData(site: site).dataset(),
                documents.contacts(), ConsultationData(site: site).dataset()]
    }

    /// The data files and the `/data/` page.
    func files() -> [OutputFile] {
        let settings = site.index.settings
        var files: [OutputFile] = []
        var views: [TemplateFields] = []
        for dataset in datasets() {
            let csv = dataset.csv
            let metadata = Data(dataset.csvwMetadata(settings: settings).utf8)
            files += [
                OutputFile(path: "data/\(dataset.name).csv", data: csv),
                OutputFile(path: "data/\(dataset.name).csv-metadata.json", data: metadata),
            ]
            // The consultations' JSON is ConsultationOutputs' (with the calendar); it is listed here, not written twice.
            let json: Data
            if dataset.name == "consultations" {
                json = Data(ConsultationOutputs.json(site).utf8)
            } else {
                json = dataset.json(settings: settings)
                files.append(OutputFile(path: "data/\(dataset.name).json", data: json))
            }
            views.append([
                "name": TemplateValue(dataset.name), "title": TemplateValue(dataset.title), "description": TemplateValue(dataset.description),
                "count": TemplateValue(Self.count(dataset)),
                "files": [
                    ["format": "CSV", "mediaType": "text/csv", "url": TemplateValue("\(dataset.name).csv"), "size": TemplateValue(Self.size(csv.count))],
                    ["format": "JSON", "mediaType": "application/json", "url": TemplateValue("\(dataset.name).json"), "size": TemplateValue(Self.size(json.count))],
                    ["format": "CSVW metadata (JSON-LD)", "mediaType": "application/csvm+json", "url": TemplateValue("\(dataset.name).csv-metadata.json"),
                     "size": TemplateValue(Self.size(metadata.count))],
                ],
                "columns": TemplateValue(dataset.columns.map { ["name": TemplateValue($0.name), "description": TemplateValue($0.description)] }),
            ])
        }
        var context: TemplateFields = ["title": "Open data", "datasets": TemplateValue(views), "feedURL": "../feed.atom", "asAt": TemplateValue(site.timeHTML(site.now))]
        if let licence = settings.licence {
            context["licence"] = TemplateValue(licence)
            if let url = Licence.url(licence), SafeURL.isWebAddress(url) { context["licenceURL"] = TemplateValue(url) }
        }
        files.append(layout.page(path: "data/", title: "Open data", description: "The data behind this site, openly licensed, as CSV and JSON.",
                                 crumbs: [("Home", "")], updated: site.updated.values.max(), template: "data", context: context))
        return files
    }

    /// "23 records", or "18 records; 69 rows in the CSV" when the CSV has a row per period.
    static func count(_ dataset: Dataset) -> String {
        let records = "\(dataset.records.count) \(dataset.records.count == 1 ? "record" : "records")"
        return dataset.rows.count == dataset.records.count ? records : "\(records); \(dataset.rows.count) rows in the CSV"
    }

    /// A file size as people read it: "812 bytes", "12.3 KB", "1.4 MB" (1 KB = 1,024 bytes).
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return bytes == 1 ? "1 byte" : "\(bytes) bytes" }
        let (value, unit) = bytes < 1024 * 1024 ? (Double(bytes) / 1024, "KB") : (Double(bytes) / 1024 / 1024, "MB")
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(unit)"
    }
}
