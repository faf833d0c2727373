import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says of a file that changes whenever its bytes do: which file it is, its size,
/// and when it was last written and last changed (the kernel sets the latter; no editor can put
/// it back). The preview's watcher compares them between polls; a build cache, between builds.
public struct FileStamp: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Nanoseconds since 1970.
    public var modified: Int64
    public var changed: Int64

    /// The stamp of what `stat` returned.
    public init(_ info: stat) {
        #if canImport(Darwin)
        let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
        let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        self.modified = Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec)
        self.changed = Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec)
    }

    /// The stamp of the regular file at the absolute path `path`; nil for anything else
    /// (a symbolic link, whose target can change behind it, a folder, or nothing).
    init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(info)
    }

    /// Whether a file read at `instant` with this stamp can be trusted to be unchanged while the
    /// stamp stays the same: the kernel's clock for file times is coarse (a few milliseconds), so
    /// a file written just before or while it was read could be written again with the same stamp.
    func isSettled(at instant: Date) -> Bool {
        Double(changed) / 1e9 < instant.timeIntervalSince1970 - 2
    }
}
