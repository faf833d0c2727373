import Foundation

/// The theme's assets as published under `theme/`: stylesheets and scripts under names that
/// carry a hash of their bytes (`style.3f9a1c0b2d.css`), so a host can cache them for ever
/// while pages are revalidated; the name changes when, and only when, the bytes do.
struct ThemeAssets: Sendable {
    let files: [OutputFile]
    /// Asset path in the theme (`style.css`) -> site path (`theme/style.3f9a1c0b2d.css`).
    let paths: [String: String]

    init(_ assets: [String: Data]) {
        var paths: [String: String] = [:]
        var files: [OutputFile] = []
        for name in assets.keys.sorted() {
            let data = assets[name]!
            let published = "theme/" + Self.hashedName(name, data)
            paths[name] = published
            files.append(OutputFile(path: published, data: data))
        }
        self.files = files
        self.paths = paths
    }

    /// Site path of the stylesheet.
    var stylesheet: String { paths["style.css"] ?? "theme/style.css" }
    /// Site path of the consultation banner script.
    var script: String { paths["trellis.js"] ?? "theme/trellis.js" }

    /// `style.css` becomes `style.HASH.css` for CSS and JavaScript; other assets keep their names.
    static func hashedName(_ name: String, _ data: Data) -> String {
        let url = URL(fileURLWithPath: name)
        guard ["css", "js"].contains(url.pathExtension) else { return name }
        let stem = String(name.dropLast(url.pathExtension.count + 1))
        return "\(stem).\(hash(data)).\(url.pathExtension)"
    }

    /// The first 10 hex digits of the 64-bit FNV-1a hash: stable across runs and machines.
    static func hash(_ data: Data) -> String {
        String(FNV1a.hex(data).prefix(10))
    }

    /// Layout keys for every asset, so templates can reference them by name:
    /// `{{assets.search_js}}` for `search.js` (dots and slashes become underscores).
    func templateKeys(from page: (String) -> String) -> [String: String] {
        var keys: [String: String] = [:]
        for (name, path) in paths {
            keys[name.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "/", with: "_")] = page(path)
        }
        return keys
    }
}
