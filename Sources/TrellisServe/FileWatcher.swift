import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TrellisKit

/// Notices changes to a site's `Content/` (site.yml included) and `Themes/` by comparing what
/// `stat` says of every file between polls. Polling survives what trips up event-based watchers:
/// a file saved twice in a row, renamed, deleted and made again, or a folder replaced whole.
struct FileWatcher: Sendable {
    /// The site folder; `Content/` and `Themes/` under it are watched.
    let site: URL

    /// Every watched file, relative to the site folder, with its stamp.
    func scan() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        _ = walk { path, stamp in
            stamps[path] = stamp
            return true
        }
        return stamps
    }

    /// Whether a file was added, removed or changed since the scan `known`: what most polls ask,
    /// answered without keeping what is found, and as soon as one difference is.
    func differs(from known: [String: FileStamp]) -> Bool {
        var seen = 0
        let complete = walk { path, stamp in
            seen += 1
            return known[path] == stamp
        }
        return !complete || seen != known.count
    }

    /// The paths added, removed or changed between two scans, sorted.
    static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> [String] {
        var paths = Set<String>()
        for (path, stamp) in new where old[path] != stamp { paths.insert(path) }
        for path in old.keys where new[path] == nil { paths.insert(path) }
        return paths.sorted()
    }

    /// Files editors leave for a moment while saving, which no build should wait for:
    /// hidden and swap files (`.x.swp`, `.#x`), backups (`x~`), vim's write test (`4913`),
    /// Emacs autosaves (`#x#`) and JetBrains' and other safe-write temporaries.
    static func isEditorLitter(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { return true }
        if name.hasSuffix(".md") { return false } // most files: none of the rest ends so
        if name.allSatisfy(\.isNumber) { return true }
        for suffix in [".swp", ".swx", ".swo", ".tmp", ".bak", "___jb_tmp___", "___jb_old___", ".crdownload", ".part"] where name.hasSuffix(suffix) {
            return true
        }
        return false
    }

    /// Folders nested deeper than this are a symbolic link to a folder above, not content.
    private static let maximumDepth = 24

    /// Shows `visit` every watched file and its stamp, until it returns false; false if it did.
    private func walk(_ visit: (String, FileStamp) -> Bool) -> Bool {
        ["Content", "Themes"].allSatisfy { walk($0, depth: 0, visit) }
    }

    private func walk(_ relative: String, depth: Int, _ visit: (String, FileStamp) -> Bool) -> Bool {
        let path = site.appendingPathComponent(relative).path
        guard depth < Self.maximumDepth, let directory = opendir(path) else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            // Read where it lies: copying the 256-byte d_name reads past a short entry, and past
            // the end of readdir's buffer it crashes.
            let name = String(cString: (UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." || Self.isEditorLitter(name) { continue }
            let child = relative + "/" + name
            var info = stat()
            // Relative to the open folder: the kernel does not walk the whole path again for each file.
            guard fstatat(dirfd(directory), name, &info, 0) == 0 else { continue }
            let goesOn = (info.st_mode & S_IFMT) == S_IFDIR ? walk(child, depth: depth + 1, visit) : visit(child, FileStamp(info))
            if !goesOn { return false }
        }
        return true
    }
}
