import CSupport
import Foundation

/// Writes a site into a new folder beside the output, saves it to disk, then swaps it in with one
/// atomic rename, so a failed, interrupted or killed build (or a power cut) leaves the previous
/// output exactly as it was, and a finished one leaves the new output whole.
enum OutputWriter {
    /// Writes `files` (paths relative to the output) to `output`; the previous output, moved aside, is returned to be removed.
    static func write(_ files: [OutputFile], to requested: URL, site: URL) -> Result<ReplacedOutput?, Diagnostic> {
        if let refusal = refusal(output: requested, site: site) { return .failure(refusal) }
        if let unsafe = files.first(where: { !isContained($0.path) }) {
            return .failure(.error(.output, "refusing to write '\(unsafe.path)': the path would leave the output folder", at: nil))
        }
        let output = resolved(requested)
        let name = output.lastPathComponent
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { return .failure(notAFolder(output)) }
        let unchanged = exists ? "the previous \(name)/ is unchanged" : "\(name)/ was not created"
        removeLeftovers(of: name, in: parent)

        if let (code, doing) = writeTree(files, into: staging, parent: parent) ?? saveToDisk(staging) {
            try? FileManager.default.removeItem(at: staging)
            return .failure(.error(.output, "\(SystemError.text(code)) while \(doing) \(output.path); \(unchanged)", at: nil))
        }
        let old = parent.appendingPathComponent(".\(name).old-\(getpid())")
        if let code = exists ? swap(staging, into: output, old: old) : (rename(staging.path, output.path) == 0 ? nil : errno) {
            try? FileManager.default.removeItem(at: staging)
            return .failure(.error(.output, "cannot \(exists ? "replace" : "create") \(output.path) (\(SystemError.text(code))); \(unchanged)", at: nil))
        }
        syncFolder(parent)
        guard exists else { return .success(nil) }
        // After the exchange the old tree has the staging name; a second name says it is whole and only waits to be deleted.
        if FileManager.default.fileExists(atPath: staging.path), rename(staging.path, old.path) != 0 { return .success(ReplacedOutput(folder: staging)) }
        return .success(ReplacedOutput(folder: old))
    }

    /// Puts `staging` in the place of `output` with one atomic exchange; where the file system has
    /// none, with two renames, the old output moved back should the second fail. The errno, if it failed.
    private static func swap(_ staging: URL, into output: URL, old: URL) -> Int32? {
        if trellis_exchange_paths(staging.path, output.path) == 0 { return nil }
        guard [EINVAL, ENOSYS, EOPNOTSUPP].contains(errno) else { return errno }
        guard rename(output.path, old.path) == 0 else { return errno }
        guard rename(staging.path, output.path) == 0 else {
            let code = errno
            _ = rename(old.path, output.path)
            return code
        }
        return nil
    }

    /// Creates `staging` and writes every file into it; the failing call's errno and what it was doing, if any.
    private static func writeTree(_ files: [OutputFile], into staging: URL, parent: URL) -> (Int32, String)? {
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) // if not, mkdir says why
        guard mkdir(staging.path, 0o755) == 0 else { return (errno, "starting to write") }
        var folders: Set<String> = [""]
        for file in files {
            let folder = (file.path as NSString).deletingLastPathComponent
            if !folders.contains(folder) {
                var missing: [String] = []
                var ancestor = folder
                while !ancestor.isEmpty && !folders.contains(ancestor) {
                    missing.append(ancestor)
                    ancestor = (ancestor as NSString).deletingLastPathComponent
                }
                for created in missing.reversed() {
                    guard mkdir(staging.path + "/" + created, 0o755) == 0 else { return (errno, "writing \(created)/ into") }
                    folders.insert(created)
                }
            }
            if let code = writeFile(file.data, to: staging.path + "/" + file.path) { return (code, "writing \(file.path) into") }
        }
        return nil
    }

    /// Writes one file in as few calls as it takes; the errno of the call that failed, if any.
    private static func writeFile(_ data: Data, to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var failure: Int32?
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        // close reports what write-back found on some file systems (NFS: no space, quota).
        if close(descriptor) != 0, failure == nil { failure = errno }
        return failure
    }

    /// Saves the new tree to disk before it is swapped in: one `syncfs` for the whole file system
    /// is far cheaper than an `fsync` per file, and a power cut then cannot swap in a tree whose
    /// files are still empty. The errno and what it was doing, if it failed.
    private static func saveToDisk(_ staging: URL) -> (Int32, String)? {
        let descriptor = open(staging.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return (errno, "saving to disk") }
        defer { close(descriptor) }
        return trellis_sync_file_system(descriptor) == 0 ? nil : (errno, "saving to disk")
    }

    /// Makes a rename in `folder` durable. A failure here leaves the new output in place (only the
    /// folder's entry may be lost to a power cut), so it is not a build failure.
    private static func syncFolder(_ folder: URL) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Whether an output path stays inside the output folder: relative, no empty, `.` or `..` parts.
    static func isContained(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\0")
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The output as it really is on disk: a symbolic link to the output is followed (even one
    /// whose folder a first build is about to create), so the folder it points to is replaced,
    /// not the link, with the new tree written beside that folder.
    static func resolved(_ output: URL) -> URL {
        var path = output.standardizedFileURL.path
        for _ in 0..<40 {
            if let real = SiteReader.realPath(path) { return URL(fileURLWithPath: real, isDirectory: true) }
            guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { break }
            let base = (path as NSString).deletingLastPathComponent
            path = URL(fileURLWithPath: target.hasPrefix("/") ? target : base + "/" + target).standardizedFileURL.path
        }
        let parent = (path as NSString).deletingLastPathComponent
        guard let real = SiteReader.realPath(parent) else { return URL(fileURLWithPath: path, isDirectory: true) }
        return URL(fileURLWithPath: real, isDirectory: true).appendingPathComponent((path as NSString).lastPathComponent, isDirectory: true)
    }

    /// Folders left by builds that were killed before they finished, or whose old output was still
    /// being deleted. Called with the output's lock held, so a staging folder that is not this
    /// process's belongs to no running build (its pid may have been reused since).
    private static func removeLeftovers(of name: String, in parent: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        for leftover in names where leftover.hasPrefix(".\(name).new-") || leftover.hasPrefix(".\(name).old-") {
            let pid = Int32(leftover.split(separator: "-").last ?? "") ?? 0
            if leftover.hasPrefix(".\(name).new-") || pid == getpid() || pid <= 0 || kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
            }
        }
    }
}
