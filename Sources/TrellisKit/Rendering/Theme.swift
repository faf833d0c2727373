import Foundation

/// The templates and assets a site renders with: the chosen theme over the site's own
/// `Themes/default`, over the default theme built into Trellis, template by template.
struct Theme: Sendable {
    let library: TemplateLibrary
    /// Asset path (relative to the theme's `assets/`) -> bytes, sorted when written.
    let assets: [String: Data]

    /// The template names every theme must end up with, after falling back to the default.
    static let requiredTemplates = ["layout", "home", "partnership", "partnerships", "plan", "plans", "framework", "frameworks",
                                    "priority", "priorities", "measure", "measures", "contact", "contacts", "page", "consultations", "not-found", "accessibility"]

    /// Loads the theme named in site.yml for the site folder `site`.
    static func load(site: URL, name: String) -> (Theme?, [Diagnostic]) {
        var files: [String: (Data, String)] = [:]
        for (path, base64) in EmbeddedTheme.base64Files {
            files[path] = (Data(base64Encoded: base64) ?? Data(), "Themes/default/\(path) (built in)")
        }
        var diagnostics: [Diagnostic] = []
        let themes = site.appendingPathComponent("Themes")
        let reader = SiteReader(site: site)
        var layers = ["default"]
        if name != "default" {
            // The name becomes a path: one that climbs out of Themes/ would read (and publish) files from anywhere.
            let found = name.isEmpty || name.hasPrefix(".") || name.contains("/") ? nil : reader.entry("Themes/\(name)")
            switch found {
            case nil:
                diagnostics.append(.error(.template, "'\(name)' is not a theme's name: a theme is a folder directly inside Themes/, named without '/' or a leading '.'; write theme: default or the name of a folder in Themes/", at: SourceLocation(file: SiteSettingsDecoder.path)))
            case .success(let folder?) where folder.isFolder:
                layers.append(name)
            case .failure(let problem):
                diagnostics.append(problem)
            case .success:
                let available = ((try? FileManager.default.contentsOfDirectory(atPath: themes.path)) ?? []).filter { !$0.hasPrefix(".") }
                diagnostics.append(.error(.template, "no theme '\(name)' in Themes/\(Suggestion.didYouMean(name, in: available + ["default"])); write theme: default or add the folder Themes/\(name)/", at: SourceLocation(file: SiteSettingsDecoder.path)))
            }
        }
        for layer in layers {
            let folder: SiteEntry
            switch reader.entry("Themes/\(layer)") {
            case .success(let found?) where found.isFolder: folder = found
            case .failure(let problem): diagnostics.append(problem); continue
            case .success: continue
            }
            let (entries, problems) = reader.files(under: folder)
            diagnostics += problems
            for entry in entries {
                switch reader.read(entry) {
                case .success(let bytes): files[String(entry.path.dropFirst(folder.path.count + 1))] = (Data(bytes), entry.path)
                case .failure(let problem): diagnostics.append(problem)
                }
            }
        }
        var library = TemplateLibrary()
        var origins: [String: String] = [:]
        var assets: [String: Data] = [:]
        for (path, (data, origin)) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasPrefix("templates/") && path.hasSuffix(".mustache") {
                let name = String(path.dropFirst("templates/".count).dropLast(".mustache".count))
                origins[name] = origin
                do {
                    try library.register(String(decoding: data, as: UTF8.self), named: name)
                } catch {
                    diagnostics.append(.error(.template, error.message, at: SourceLocation(file: origin, line: error.line, column: error.column)))
                }
            } else if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = data
            }
        }
        // swift-mustache rendered a missing partial as nothing; a misspelt name is better found here.
        for missing in library.missingPartials() {
            diagnostics.append(.error(.template, "no template '\(missing.partial).mustache' for the partial '\(missing.partial)'\(Suggestion.didYouMean(missing.partial, in: origins.keys.sorted())); add the template or correct the name",
                                      at: SourceLocation(file: origins[missing.template] ?? missing.template, line: missing.line, column: missing.column)))
        }
        for name in requiredTemplates where !library.contains(name) && !diagnostics.hasErrors {
            diagnostics.append(.error(.template, "the theme has no template '\(name).mustache'", at: SourceLocation(file: "Themes/\(layers.last!)/templates")))
        }
        return (diagnostics.hasErrors ? nil : Theme(library: library, assets: assets), diagnostics)
    }

    /// Renders a template as UTF-8 bytes (for the layout to insert, or to write).
    func renderBytes(_ template: String, _ context: TemplateFields) -> [UInt8] {
        library.render(template, .object(context))
    }

    /// Renders a template as the bytes of a file.
    func renderData(_ template: String, _ context: TemplateFields) -> Data {
        library.renderData(template, .object(context))
    }
}
