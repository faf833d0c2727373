import Foundation

/// The theme's CSS, script and icons as published under `theme/`.
struct ThemeAssets {
    let files: [OutputFile]
    /// Site paths of the stylesheet and the banner script.
    let stylesheet: String
    let script: String

    init(_ assets: [String: Data]) {
        files = assets.keys.sorted().map { OutputFile(path: "theme/" + $0, data: assets[$0]!) }
        stylesheet = "theme/style.css"
        script = "theme/trellis.js"
    }
}
