import Foundation

/// A theme's templates by name, each parsed once; partials are found here by name.
/// Immutable once loaded, so pages render from it in parallel.
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    /// The templates compiled together, made again whenever one is registered.
    private var program = TemplateProgram([:])

    /// Parses `text` and registers it under `name`, replacing any template of that name.
    mutating func register(_ text: String, named name: String) throws(TemplateError) {
        templates[name] = try Template(text)
        program = TemplateProgram(templates)
    }

    /// Whether a template of that name is registered.
    func contains(_ name: String) -> Bool {
        templates[name] != nil
    }

    /// Each partial a template includes that no template fills, with the place of its tag,
    /// sorted by template name and place.
    func missingPartials() -> [(template: String, partial: String, line: Int, column: Int)] {
        templates.sorted { $0.key < $1.key }.flatMap { name, template in
            template.partials.filter { templates[$0.name] == nil }.map { (name, $0.name, $0.line, $0.column) }
        }
    }

    /// The named template rendered over `context`, as UTF-8; empty when no template has that name.
    func render(_ name: String, _ context: TemplateValue) -> [UInt8] {
        rendered(name, context).finish()
    }

    /// The named template rendered over `context`, as UTF-8 Data (a file's bytes, not copied again).
    func renderData(_ name: String, _ context: TemplateValue) -> Data {
        rendered(name, context).finishData()
    }

    private func rendered(_ name: String, _ context: TemplateValue) -> TemplateRenderer {
        var renderer = TemplateRenderer(program: program, capacity: 32 * 1024)
        renderer.render(name, context)
        return renderer
    }
}
