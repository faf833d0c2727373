import CSupport
import Foundation

/// An advisory lock on one output folder: `flock` on `.NAME.lock` beside it, held for a whole
/// build, so a second build of the same output waits for the first instead of racing it (and
/// cannot publish content it read earlier over content read later). The kernel releases the
/// lock when its process dies, however it dies; the file itself is removed on release.
final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Locks `output` (already resolved), calling `waiting` with the holder's pid (when known) before it waits.
    static func acquire(_ output: URL, waiting: (Int32?) -> Void) -> Result<OutputLock, Diagnostic> {
        let parent = output.deletingLastPathComponent()
        let path = parent.appendingPathComponent(".\(output.lastPathComponent).lock").path
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var announced = false
        while true {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return .failure(problem(path, errno)) }
            if trellis_lock(descriptor, 0) != 0 {
                guard errno == EWOULDBLOCK else { return .failure(closing(descriptor, problem(path, errno))) }
                if !announced {
                    waiting(holder(descriptor))
                    announced = true
                }
                while trellis_lock(descriptor, 1) != 0 {
                    guard errno == EINTR else { return .failure(closing(descriptor, problem(path, errno))) }
                }
            }
            // The build before may have removed the file as it finished: a lock on a file no longer
            // at `path` guards nothing, so start again with the file that is there now.
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                let pid = Array("\(getpid())\n".utf8)
                _ = ftruncate(descriptor, 0)
                _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) } // best effort: only for the message
                return .success(OutputLock(descriptor: descriptor, path: path))
            }
            close(descriptor)
        }
    }

    /// Removes the lock file, then lets go of the lock (in that order, so a waiter that wins it re-checks the file).
    func release() {
        unlink(path)
        close(descriptor)
    }

    /// The pid the holder wrote into the lock file.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: bytes.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func problem(_ path: String, _ code: Int32) -> Diagnostic {
        .error(.output, "cannot lock \(path) (\(SystemError.text(code))), which keeps two builds from writing the same output at once; check you can write to \((path as NSString).deletingLastPathComponent)", at: nil)
    }

    private static func closing(_ descriptor: Int32, _ problem: Diagnostic) -> Diagnostic {
        close(descriptor)
        return problem
    }
}
