import CSupport
import Foundation

/// Writes a site into a new folder beside the output, saves it to disk, then swaps it in with one
/// atomic rename, so a failed, interrupted or killed build (or a power cut) leaves the previous
/// output exactly as it was, and a finished one leaves the new output whole.
enum OutputWriter {
    /// Writes `files` (paths relative to the output) to `output`; the previous output, moved aside, is returned to be removed.
    static func write(_ files: [OutputFile], to requested: URL, site: URL) -> Result<ReplacedOutput?, Diagnostic> {
        let staging: StagingOutput
        switch StagingOutput.begin(requested, site: site) {
        case .failure(let problem): return .failure(problem)
        case .success(let begun): staging = begun
        }
        files.forEach(staging.write)
        return staging.finish()
    }

    /// Starts writing a new output beside `output`: checks it may be written, deletes what killed
    /// builds left, and creates the staging folder. The staging name, and whether the output exists.
    fileprivate static func prepare(_ requested: URL, site: URL) -> Result<(output: URL, staging: URL, exists: Bool), Diagnostic> {
        if let refusal = refusal(output: requested, site: site) { return .failure(refusal) }
        let output = resolved(requested)
        let name = output.lastPathComponent
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(name).new-\(getpid())")
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output.path, isDirectory: &isFolder)
        if exists && !isFolder.boolValue { return .failure(notAFolder(output)) }
        removeLeftovers(of: name, in: parent)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true) // if not, mkdir says why
        guard mkdir(staging.path, 0o755) == 0 else { return .failure(failed(errno, "starting to write", output: output, exists: exists)) }
        return .success((output, staging, exists))
    }

    /// Saves the staging folder to disk and swaps it in for `output`; the previous output, moved aside, if there was one.
    fileprivate static func publish(_ staging: URL, as output: URL, exists: Bool) -> Result<ReplacedOutput?, Diagnostic> {
        let parent = output.deletingLastPathComponent()
        if let (code, doing) = saveToDisk(staging) {
            try? FileManager.default.removeItem(at: staging)
            return .failure(failed(code, doing, output: output, exists: exists))
        }
        let old = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        if let code = exists ? swap(staging, into: output, old: old) : (rename(staging.path, output.path) == 0 ? nil : errno) {
            try? FileManager.default.removeItem(at: staging)
            return .failure(.error(.output, "cannot \(exists ? "replace" : "create") \(output.path) (\(SystemError.text(code))); \(unchanged(output, exists: exists))", at: nil))
        }
        syncFolder(parent)
        guard exists else { return .success(nil) }
        // After the exchange the old tree has the staging name; a second name says it is whole and only waits to be deleted.
        if FileManager.default.fileExists(atPath: staging.path), rename(staging.path, old.path) != 0 { return .success(ReplacedOutput(folder: staging)) }
        return .success(ReplacedOutput(folder: old))
    }

    /// What a failed system call while writing means for the output.
    fileprivate static func failed(_ code: Int32, _ doing: String, output: URL, exists: Bool) -> Diagnostic {
        .error(.output, "\(SystemError.text(code)) while \(doing) \(output.path); \(unchanged(output, exists: exists))", at: nil)
    }

    private static func unchanged(_ output: URL, exists: Bool) -> String {
        exists ? "the previous \(output.lastPathComponent)/ is unchanged" : "\(output.lastPathComponent)/ was not created"
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

    /// Writes one new file in as few calls as it takes; the errno of the call that failed, if any.
    /// A file already there is never opened: it may be linked to the previous output's.
    fileprivate static func writeFile(_ data: Data, to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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

    /// The folder of an output path (`plans/cypp` for `plans/cypp/index.html`, `""` at the top).
    /// NSString's `deletingLastPathComponent` crashes on a name of one character (`x`, the folder
    /// of a page named `x.md`), so the last `/` is found here.
    static func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? ""
    }

    /// Whether an output path stays inside the output folder: relative, no empty, `.` or `..` parts.
    static func isContained(_ path: String) -> Bool {
        // Bytes, not Foundation's `contains`, which searched for the NUL as a string (every file is checked).
        !path.isEmpty && !path.hasPrefix("/") && !path.utf8.contains(0)
            && path.pathParts(keepingEmpty: true).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
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

/// A new output being written, file by file as the build makes them (from any thread), into a
/// folder beside the output; swapped in whole by `finish`, or deleted by `abandon`.
final class StagingOutput: @unchecked Sendable {
    private let output: URL
    private let staging: URL
    /// `output.path` and `staging.path`, made once: every file written is named from them.
    private let outputPath: String
    private let stagingPath: String
    private let exists: Bool
    /// The permissions a file written now gets (0644 less the umask), which a kept file must have.
    private let fileMode: mode_t
    private let lock = NSLock()
    /// Folders created so far, relative to the staging folder.
    private var folders: Set<String> = [""]
    /// Whether unchanged files are still linked from the previous output (until the file system refuses).
    private var linking = true
    /// The first failure: its errno (or nil for a refused path) and what it was doing.
    private var failure: Diagnostic?

    private init(output: URL, staging: URL, exists: Bool) {
        self.output = output
        self.staging = staging
        outputPath = output.path
        stagingPath = staging.path
        self.exists = exists
        // The staging folder was made with 0755 less the umask, which covers every bit of 0644.
        var folder = stat()
        fileMode = stat(staging.path, &folder) == 0 ? 0o644 & folder.st_mode : 0o644
    }

    /// Checks the output may be written and creates the staging folder beside it.
    static func begin(_ requested: URL, site: URL) -> Result<StagingOutput, Diagnostic> {
        OutputWriter.prepare(requested, site: site).map { StagingOutput(output: $0.output, staging: $0.staging, exists: $0.exists) }
    }

    /// Writes one file, creating its folders first; after a failure, nothing more is written.
    func write(_ file: OutputFile) {
        guard OutputWriter.isContained(file.path) else {
            fail(.error(.output, "refusing to write '\(file.path)': the path would leave the output folder", at: nil))
            return
        }
        let folder = OutputWriter.folder(of: file.path)
        lock.lock()
        if failure != nil { lock.unlock(); return }
        if !folders.contains(folder) {
            var missing: [String] = []
            var ancestor = folder
            while !ancestor.isEmpty && !folders.contains(ancestor) {
                missing.append(ancestor)
                ancestor = OutputWriter.folder(of: ancestor)
            }
            for created in missing.reversed() {
                guard mkdir(stagingPath + "/" + created, 0o755) == 0 || errno == EEXIST else {
                    let code = errno
                    lock.unlock()
                    fail(OutputWriter.failed(code, "writing \(created)/ into", output: output, exists: exists))
                    return
                }
                folders.insert(created)
            }
        }
        lock.unlock()
        let destination = stagingPath + "/" + file.path
        if exists, keepsUnchanged(file, at: destination) { return }
        if let code = OutputWriter.writeFile(file.data, to: destination) {
            fail(OutputWriter.failed(code, "writing \(file.path) into", output: output, exists: exists))
        }
    }

    /// Whether the previous output's file at the same path already holds exactly these bytes, and
    /// is now linked into the new output instead of written again: a rebuild writes only the files
    /// that changed, the others keep their modification time (hosts synced by time upload only what
    /// changed), and deleting the old output frees nothing they use.
    /// Where the file system has no hard links, comparing stops after the first refusal.
    private func keepsUnchanged(_ file: OutputFile, at destination: String) -> Bool {
        guard lock.withLock({ linking }) else { return false }
        let result = file.data.withUnsafeBytes { bytes in
            trellis_link_if_same(outputPath + "/" + file.path, destination, bytes.baseAddress, bytes.count, UInt32(fileMode))
        }
        if result < 0, [EPERM, EXDEV, EOPNOTSUPP, ENOSYS].contains(errno) { lock.withLock { linking = false } }
        return result == 1
    }

    /// The first problem writing met, if any.
    var problem: Diagnostic? {
        lock.lock()
        defer { lock.unlock() }
        return failure
    }

    /// Saves the new tree and swaps it in, unless writing failed; the previous output, moved aside, if there was one.
    func finish() -> Result<ReplacedOutput?, Diagnostic> {
        if let problem {
            abandon()
            return .failure(problem)
        }
        return OutputWriter.publish(staging, as: output, exists: exists)
    }

    /// Deletes what was written: the build failed.
    func abandon() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func fail(_ problem: Diagnostic) {
        lock.lock()
        if failure == nil { failure = problem }
        lock.unlock()
    }
}
