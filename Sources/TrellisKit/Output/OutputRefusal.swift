import Foundation

/// Output folders a build must not replace: a build swaps out the whole folder, so one that holds
/// the site, the system or someone's files would be lost with it.
extension OutputWriter {
    /// The error for an output path that is a file.
    static func notAFolder(_ output: URL) -> Diagnostic {
        .error(.output, "\(output.path) is a file, not a folder; remove it or choose another --output", at: nil)
    }

    /// Why `output` must not be replaced, if it must not: it is `/`, the home folder, the site, a
    /// folder holding the site, or inside `Content/` or `Themes/` (symbolic links and `..` resolved
    /// first); or it is a folder of files that no build wrote (no `build.json`).
    static func refusal(output: URL, site: URL) -> Diagnostic? {
        let target = resolved(output).path
        let root = resolved(site).path
        let home = resolved(URL(fileURLWithPath: NSHomeDirectory())).path
        let forbidden = ["/", root, root + "/Content", root + "/Themes", home]
        if forbidden.contains(target) || root.hasPrefix(target + "/") || target.hasPrefix(root + "/Content/") || target.hasPrefix(root + "/Themes/") || target == root + "/.git" || target.hasPrefix(root + "/.git/") {
            return .error(.output, "refusing to write the site to \(target): it would replace the site's own files; choose a folder of its own, such as \(root)/Public", at: nil)
        }
        if let names = try? FileManager.default.contentsOfDirectory(atPath: target),
           names.contains(where: { !$0.hasPrefix(".") }), !names.contains("build.json") {
            return .error(.output, "refusing to replace \(target): it holds files that trellis build did not write (it has no build.json), and a build replaces the whole folder; choose a new or empty folder, or empty this one first", at: nil)
        }
        return nil
    }
}
