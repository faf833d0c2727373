/// Collects the diagnostics of one stage's work on one file; never shared between files.
final class DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    /// Adds one diagnostic.
    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Adds several.
    func add(contentsOf more: [Diagnostic]) { diagnostics.append(contentsOf: more) }
}
