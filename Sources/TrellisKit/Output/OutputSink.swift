import Foundation

/// Where a build puts its files as it makes them, from any thread: written straight into the
/// staging folder beside the output (`build`), so a large site's pages are never all in memory at
/// once and are written by every core; kept in memory (`trellis serve`, tests); or only counted
/// (`check`).
final class OutputSink: @unchecked Sendable {
    enum Destination {
        /// Written into a staging folder beside the output, created at the first file.
        case folder(output: URL, site: URL)
        case memory
        case nowhere
    }

    private let destination: Destination
    private let lock = NSLock()
    private var staging: Result<StagingOutput, Diagnostic>?
    private var kept: [OutputFile] = []
    private var paths: Set<String> = []
    private var duplicate: Diagnostic?

    init(_ destination: Destination) {
        self.destination = destination
    }

    /// Takes one file.
    func put(_ file: OutputFile) {
        lock.lock()
        if !paths.insert(file.path).inserted, duplicate == nil {
            duplicate = .error(.output, "two files would be written at '\(file.path)'; this is a fault in Trellis: please report it", at: nil)
        }
        var writer: StagingOutput?
        switch destination {
        case .memory: kept.append(file)
        case .nowhere: break
        case .folder(let output, let site):
            if staging == nil { staging = StagingOutput.begin(output, site: site) }
            if case .success(let begun)? = staging { writer = begun }
        }
        lock.unlock()
        writer?.write(file)
    }

    /// Takes several files.
    func put(_ files: [OutputFile]) { files.forEach(put) }

    /// How many files were taken.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return paths.count
    }

    /// Every path taken so far, sorted.
    var sortedPaths: [String] {
        lock.lock()
        defer { lock.unlock() }
        return paths.sorted()
    }

    /// The files kept in memory, sorted by path.
    var files: [OutputFile] {
        lock.lock()
        defer { lock.unlock() }
        return kept.sorted { $0.path < $1.path }
    }

    /// What went wrong taking or writing the files, if anything.
    var problem: Diagnostic? {
        lock.lock()
        defer { lock.unlock() }
        if let duplicate { return duplicate }
        switch staging {
        case .failure(let problem)?: return problem
        case .success(let writer)?: return writer.problem
        case nil: return nil
        }
    }

    /// Swaps the written folder in for the output (when files were written to a folder and
    /// nothing failed); the previous output, moved aside, if there was one.
    func finish() -> Result<ReplacedOutput?, Diagnostic> {
        if let problem {
            abandon()
            return .failure(problem)
        }
        lock.lock()
        if staging == nil, case .folder(let output, let site) = destination { staging = StagingOutput.begin(output, site: site) }
        let current = staging
        lock.unlock()
        switch current {
        case .success(let writer)?: return writer.finish()
        case .failure(let problem)?: return .failure(problem)
        case nil: return .success(nil)
        }
    }

    /// Deletes whatever was written: the build failed.
    func abandon() {
        lock.lock()
        let current = staging
        lock.unlock()
        if case .success(let writer)? = current { writer.abandon() }
    }
}
