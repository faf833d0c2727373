import Foundation

/// A file or folder of the site, by its path in the site and the real path it is read from.
struct SiteEntry: Hashable, Sendable {
    /// Relative to the site folder, with `/` separators, as an editor names it: `Content/assets/logo.png`.
    var path: String
    /// Absolute, with every symbolic link resolved.
    var real: String
    var isFolder: Bool
}

/// Reads the site folder and nothing outside it. A symbolic link is followed only when it leads
/// to somewhere inside the site; one that leads outside, or nowhere, a named pipe or device, and
/// a file or folder that cannot be read are each a diagnostic naming the path, never a hang or a
/// silent gap. (A checkout is the editors' work, and a link to `/etc/passwd` committed to git
/// would otherwise be published.)
struct SiteReader: Sendable {
    let root: URL
    /// The site folder's real path, which every path read must be or be under.
    let realRoot: String

    init(site: URL) {
        root = site.standardizedFileURL
        realRoot = Self.realPath(root.path) ?? root.path
    }

    /// The entry at `path` (relative to the site), following links inside the site; nil when there is none.
    func entry(_ path: String) -> Result<SiteEntry?, Diagnostic> {
        let full = root.path + "/" + path
        var info = stat()
        if lstat(full, &info) != 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .success(nil) }
            return .failure(unreadable(path, code, folder: false))
        }
        guard let real = Self.realPath(full) else {
            let code = errno
            if code == ENOENT { return .success(nil) } // a dangling link *above* path: reported where it is
            return .failure(brokenLink(path, code))
        }
        guard isInside(real) else { return .failure(outside(path, real: real)) }
        return kind(of: real, path: path)
    }

    /// The entry `name` in `folder`: only symbolic links cost a look up of their real path.
    func child(_ name: String, of folder: SiteEntry) -> Result<SiteEntry, Diagnostic> {
        let path = folder.path + "/" + name
        let full = folder.real + "/" + name
        var info = stat()
        guard lstat(full, &info) == 0 else { return .failure(unreadable(path, errno, folder: false)) }
        guard info.st_mode & S_IFMT == S_IFLNK else {
            return Self.entry(path: path, real: full, mode: info.st_mode)
        }
        guard let real = Self.realPath(full) else { return .failure(brokenLink(path, errno)) }
        guard isInside(real) else { return .failure(outside(path, real: real)) }
        return kind(of: real, path: path).map { $0! }
    }

    /// Every name in `folder` (hidden ones too), sorted.
    func names(in folder: SiteEntry) -> Result<[String], Diagnostic> {
        guard let directory = opendir(folder.real) else { return .failure(unreadable(folder.path, errno, folder: true)) }
        defer { closedir(directory) }
        var names: [String] = []
        while true {
            errno = 0
            guard let item = readdir(directory) else {
                if errno != 0 { return .failure(unreadable(folder.path, errno, folder: true)) }
                break
            }
            let name = Self.name(of: item)
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted(by: Self.byteOrder))
    }

    /// The name in a directory entry, read where it lies: copying the whole `dirent` (or its
    /// 256-byte `d_name`) reads past a short entry, and past the end of readdir's buffer it crashes.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let start = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        return String(cString: start.assumingMemoryBound(to: CChar.self))
    }

    /// Every file under `folder`, at any depth, sorted by path; hidden files and folders are left out.
    /// A link to a folder is followed once: one that leads to a folder the walk reads anyway (or one
    /// holding it) is refused, so no tree is read twice and no loop goes on for ever.
    func files(under folder: SiteEntry) -> ([SiteEntry], [Diagnostic]) {
        var files: [SiteEntry] = []
        var diagnostics: [Diagnostic] = []
        var read: [(real: String, path: String)] = [(folder.real, folder.path)]
        var pending = [folder]
        while let current = pending.popLast() {
            let names: [String]
            switch self.names(in: current) {
            case .success(let found): names = found
            case .failure(let problem): diagnostics.append(problem); continue
            }
            for name in names where !name.hasPrefix(".") {
                switch child(name, of: current) {
                case .failure(let problem):
                    diagnostics.append(problem)
                case .success(let entry) where !entry.isFolder:
                    files.append(entry)
                case .success(let entry):
                    let linked = entry.real != current.real + "/" + name
                    if linked {
                        if let clash = read.first(where: { Self.overlaps($0.real, entry.real) }) {
                            let target = display(entry.real)
                            let why = entry.real == clash.real ? "a folder read already as \(clash.path), so its files would be read twice"
                                : clash.real.hasPrefix(entry.real + "/") ? "which holds \(clash.path), so following it would go round for ever"
                                : "which is inside \(clash.path), read already, so its files would be read twice"
                            diagnostics.append(.error(.unreadableFile, "\(entry.path) is a symbolic link to \(target), \(why); remove the link", at: SourceLocation(file: entry.path)))
                            continue
                        }
                        read.append((entry.real, entry.path))
                    }
                    pending.append(entry)
                }
            }
        }
        return (files.sorted { Self.byteOrder($0.path, $1.path) }, diagnostics)
    }

    /// The bytes of a file; a file swapped for a pipe or a folder since it was listed is refused, not waited on.
    func read(_ entry: SiteEntry) -> Result<[UInt8], Diagnostic> {
        let descriptor = open(entry.real, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(unreadable(entry.path, errno, folder: false)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(unreadable(entry.path, errno, folder: false)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            if case .failure(let problem) = Self.entry(path: entry.path, real: entry.real, mode: info.st_mode) { return .failure(problem) }
            return .failure(.error(.unreadableFile, "\(entry.path) is a folder, not a file", at: SourceLocation(file: entry.path)))
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count))) }
            let got = bytes.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(unreadable(entry.path, errno, folder: false))
            }
            if got == 0 { break }
            count += got
        }
        return .success(Array(bytes.prefix(count)))
    }

    /// Reads the file at `path`, or says why not; nil when there is no such file.
    func read(_ path: String) -> Result<[UInt8], Diagnostic>? {
        switch entry(path) {
        case .failure(let problem): return .failure(problem)
        case .success(nil): return nil
        case .success(let entry?):
            if entry.isFolder { return .failure(.error(.unreadableFile, "\(path) is a folder, not a file", at: SourceLocation(file: path))) }
            return read(entry)
        }
    }

    // MARK: What each problem says

    private func kind(of real: String, path: String) -> Result<SiteEntry?, Diagnostic> {
        var info = stat()
        guard stat(real, &info) == 0 else { return .failure(unreadable(path, errno, folder: false)) }
        return Self.entry(path: path, real: real, mode: info.st_mode).map { $0 }
    }

    private static func entry(path: String, real: String, mode: mode_t) -> Result<SiteEntry, Diagnostic> {
        let what: String
        switch mode & S_IFMT {
        case S_IFREG: return .success(SiteEntry(path: path, real: real, isFolder: false))
        case S_IFDIR: return .success(SiteEntry(path: path, real: real, isFolder: true))
        case S_IFIFO: what = "a named pipe"
        case S_IFSOCK: what = "a socket"
        case S_IFCHR, S_IFBLK: what = "a device"
        default: what = "not a file or folder"
        }
        return .failure(.error(.unreadableFile, "\(path) is \(what), not a file; remove it (a site holds only files and folders)", at: SourceLocation(file: path)))
    }

    private func unreadable(_ path: String, _ code: Int32, folder: Bool) -> Diagnostic {
        let what = folder ? "the folder \(path)" : path
        let advice = code == EACCES || code == EPERM ? "; check its permissions" : ""
        return .error(.unreadableFile, "cannot read \(what) (\(SystemError.text(code)))\(advice)", at: SourceLocation(file: path))
    }

    /// A link that leads nowhere or round in a loop; the first link on the way is the one named.
    private func brokenLink(_ path: String, _ code: Int32) -> Diagnostic {
        let link = firstLink(in: path) ?? path
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: root.path + "/" + link)) ?? "?"
        let message = code == ELOOP
            ? "\(link) is a symbolic link that leads round in a loop (to \(target)); remove it"
            : code == ENOENT ? "\(link) is a symbolic link to \(target), which does not exist; remove the link or put back what it points to"
            : "cannot follow the symbolic link \(link) (\(SystemError.text(code)))"
        return .error(.unreadableFile, message, at: SourceLocation(file: link))
    }

    private func outside(_ path: String, real: String) -> Diagnostic {
        let link = firstLink(in: path, leadingOutside: true) ?? path
        return .error(.unreadableFile, "\(link) is a symbolic link to \(real), outside the site folder; Trellis reads only what is inside the site, so copy what it points to into the site instead", at: SourceLocation(file: link))
    }

    /// The first component of `path` that is a symbolic link (leading outside the site, if asked).
    private func firstLink(in path: String, leadingOutside: Bool = false) -> String? {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + part
            var info = stat()
            guard lstat(root.path + "/" + prefix, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { continue }
            if !leadingOutside { return prefix }
            if let real = Self.realPath(root.path + "/" + prefix), isInside(real) { continue }
            return prefix
        }
        return nil
    }

    private func isInside(_ real: String) -> Bool {
        realRoot == "/" || real == realRoot || real.hasPrefix(realRoot + "/")
    }

    /// A real path as the editor would name it: relative to the site when inside it.
    private func display(_ real: String) -> String {
        real == realRoot ? "the site folder" : real.hasPrefix(realRoot + "/") ? String(real.dropFirst(realRoot.count + 1)) : real
    }

    /// Whether one folder is, holds or is held by the other.
    private static func overlaps(_ first: String, _ second: String) -> Bool {
        first == second || first.hasPrefix(second + "/") || second.hasPrefix(first + "/")
    }

    /// Names in the order of their bytes: Swift's `<` holds an accent written two ways (NFC, NFD)
    /// equal, and two files must never be in an order that changes from run to run.
    static func byteOrder(_ first: String, _ second: String) -> Bool {
        first.utf8.lexicographicallyPrecedes(second.utf8)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// The C library's `read`, which `SiteReader.read` hides inside the type.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
