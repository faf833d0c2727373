import CSupport
import Foundation

/// The previous output, moved aside whole as `.NAME.old-PID` beside the new one when the new one
/// was swapped in, and waiting to be deleted. Deleting a large tree takes seconds on a slow disk,
/// so the command line does it after it has reported, off the build's critical path; should that
/// be cut short, the next build of the output deletes it.
public struct ReplacedOutput: Hashable, Sendable {
    /// Where the previous output is now.
    public let folder: URL

    /// Deletes the previous output now.
    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Deletes the previous output in a process of its own (`rm -rf`) that outlives this one, so the
    /// caller can exit at once; deletes it now when no such process can be started.
    public func removeInBackground() {
        let arguments = ["rm", "-rf", "--", folder.path]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        if trellis_spawn_detached("/bin/rm", &pointers) < 0 { remove() }
    }
}
