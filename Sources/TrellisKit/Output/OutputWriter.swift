import CSupport
import Foundation

/// Writes a site into a new folder beside the output, then swaps it in with one atomic rename,
/// so a failed or interrupted build leaves the previous output exactly as it was.
enum OutputWriter {
    /// Writes `files` (paths relative to the output) to `output`; returns the problem, if any.
    static func write(_ files: [OutputFile], to output: URL, site: URL) -> Diagnostic? {
        if let refusal = refusal(output: output, site: site) { return refusal }
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        removeLeftovers(of: name, in: parent)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var folders: Set<String> = [""]
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                if !folders.contains(folder) {
                    try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                    var ancestor = folder
                    while !ancestor.isEmpty && folders.insert(ancestor).inserted { ancestor = (ancestor as NSString).deletingLastPathComponent }
                }
                try file.data.write(to: staging.appendingPathComponent(file.path))
            }
        } catch {
            try? manager.removeItem(at: staging)
            return .error(.output, "cannot write the site to \(staging.path): \(error.localizedDescription); the previous \(name)/ is unchanged", at: nil)
        }
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: output.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                try? manager.removeItem(at: staging)
                return notAFolder(output)
            }
            if trellis_exchange_paths(staging.path, output.path) != 0 {
                // No atomic exchange on this file system: two renames, the old output kept until the second succeeds.
                do {
                    try manager.moveItem(at: output, to: old)
                    try manager.moveItem(at: staging, to: output)
                } catch {
                    if !manager.fileExists(atPath: output.path) { try? manager.moveItem(at: old, to: output) }
                    try? manager.removeItem(at: staging)
                    return .error(.output, "cannot replace \(output.path): \(error.localizedDescription)", at: nil)
                }
                try? manager.removeItem(at: old)
                return nil
            }
            try? manager.removeItem(at: staging)
        } else {
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                try? manager.removeItem(at: staging)
                return .error(.output, "cannot create \(output.path): \(error.localizedDescription)", at: nil)
            }
        }
        return nil
    }

    /// The error for an output path that is a file.
    static func notAFolder(_ output: URL) -> Diagnostic {
        .error(.output, "\(output.path) is a file, not a folder; remove it or choose another --output", at: nil)
    }

    /// Output folders that would destroy the site or the system are refused.
    static func refusal(output: URL, site: URL) -> Diagnostic? {
        let target = output.standardizedFileURL.resolvingSymlinksInPath().path
        let root = site.standardizedFileURL.resolvingSymlinksInPath().path
        let forbidden = ["/", root, root + "/Content", root + "/Themes", NSHomeDirectory()]
        if forbidden.contains(target) || root.hasPrefix(target + "/") || target.hasPrefix(root + "/Content/") || target.hasPrefix(root + "/Themes/") {
            return .error(.output, "refusing to write the site to \(target): it would replace the site's own files; choose a folder of its own, such as \(root)/Public", at: nil)
        }
        return nil
    }

    /// Folders left by builds that were killed before they finished.
    private static func removeLeftovers(of name: String, in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in names where leftover.hasPrefix(".\(name).new-") || leftover.hasPrefix(".\(name).old-") {
            let pid = Int32(leftover.split(separator: "-").last ?? "") ?? 0
            if pid == getpid() || (pid > 0 && kill(pid, 0) != 0) {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
            }
        }
    }
}
