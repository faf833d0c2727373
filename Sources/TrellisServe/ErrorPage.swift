import Foundation
import TrellisKit

/// The page shown at every address while the site has errors: each problem with its place,
/// escaped, so an editor sees what to fix instead of a page that no longer matches the files.
enum ErrorPage {
    /// The whole page for the build `result`; the responder adds the reload script's tag, so the
    /// page turns back into the site, or shows the new errors, when a build changes them.
    static func html(_ result: BuildResult) -> Data {
        let errors = result.diagnostics.filter { $0.severity == .error }
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
        var html = """
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>The site has \(count) - trellis serve</title>
            <link rel="stylesheet" href="\(PreviewAssets.stylesheetPath)">
            </head>
            <body>
            <main>
            <h1>The site has \(count)</h1>
            <p>Trellis cannot build the site until these are fixed. Save the file once it is fixed: this page turns back into the site by itself.</p>

            """
        html += list(errors)
        if !warnings.isEmpty {
            html += "<h2>Warnings</h2>\n" + list(warnings)
        }
        html += "</main>\n</body>\n</html>\n"
        return Data(html.utf8)
    }

    /// One list item per diagnostic: `PATH:LINE:COLUMN`, the severity, the message and any suggestion.
    private static func list(_ diagnostics: [Diagnostic]) -> String {
        var html = "<ol>\n"
        for diagnostic in diagnostics {
            let place = diagnostic.location?.description ?? "trellis"
            html += "<li class=\"\(diagnostic.severity.rawValue)\"><p><code class=\"place\">\(HTML.escape(place))</code>: "
            html += "<span class=\"severity\">\(diagnostic.severity.rawValue):</span> \(HTML.escape(diagnostic.message))</p>"
            if let suggestion = diagnostic.suggestion { html += "\n<pre>\(HTML.escape(suggestion))</pre>" }
            html += "</li>\n"
        }
        return html + "</ol>\n"
    }
}
