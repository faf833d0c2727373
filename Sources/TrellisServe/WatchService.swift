import Foundation
import ServiceLifecycle
import TrellisKit

/// Polls the site's files, rebuilds once they have settled after a change, and publishes each
/// build to the pages that are open; ends every event stream when the server stops.
struct WatchService: Service {
    let watcher: FileWatcher
    let store: SiteStore
    let builder: SiteBuilder
    /// The files as they were when the last build began.
    let initial: [String: FileStamp]
    let interval: Duration
    let events: @Sendable (PreviewEvent) -> Void

    /// How long a change must stay still before a build starts: long enough for an editor's
    /// save (write, rename, delete a backup) to finish, short enough not to be noticed.
    static let settle: Duration = .milliseconds(30)
    /// How often open pages hear that the server is still there.
    static let keepAliveEvery: Duration = .seconds(15)

    func run() async throws {
        var known = initial
        let clock = ContinuousClock()
        var lastKeepAlive = clock.now
        // Ends the pages' event streams on a real stop, not when a port turned out to be taken.
        defer { if Task.isShuttingDownGracefully { store.close() } }
        var scanTime: Duration = .zero
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // A large site takes a while to look over: at most a fifth of the time goes to looking.
            try? await Task.sleep(for: max(interval, scanTime * 4))
            if clock.now - lastKeepAlive >= Self.keepAliveEvery {
                store.keepAlive()
                lastKeepAlive = clock.now
            }
            let scanStarted = clock.now
            let differs = watcher.differs(from: known)
            scanTime = clock.now - scanStarted
            guard differs else { continue }
            var latest = watcher.scan()
            // Wait for the files to stop changing, for at most about a second.
            for _ in 0..<30 {
                try? await Task.sleep(for: Self.settle)
                guard watcher.differs(from: latest) else { break }
                latest = watcher.scan()
            }
            let changed = FileWatcher.changes(from: known, to: latest)
            known = latest
            if Task.isShuttingDownGracefully { break }
            let build = await builder.build()
            let generation = store.publish(build.result, site: build.site)
            events(.built(build.result, seconds: build.seconds, changed: changed, generation: generation))
        }
    }
}

/// Builds the site in memory, off Swift's cooperative threads (a build blocks while it works),
/// keeping what each build can hand the next, and leaving the pages to be made as they are asked for.
struct SiteBuilder: Sendable {
    let options: BuildOptions
    let now: @Sendable () -> Date
    let cache = BuildCache()

    /// One build's result, files and duration.
    struct Build: Sendable {
        var result: BuildResult
        /// Nil when the site has errors.
        var site: SiteOutputs?
        var seconds: Double
    }

    /// Builds at the current `now` and waits for the result.
    func build() async -> Build {
        await offloaded { buildNow() }
    }

    /// Builds on the calling thread.
    func buildNow() -> Build {
        var options = self.options
        options.now = now()
        let started = Date()
        let (result, site) = Builder.prepare(options, cache: cache)
        return Build(result: result, site: site, seconds: Date().timeIntervalSince(started))
    }
}

/// Runs blocking work (a build, making a page) on a thread of its own rather than one of Swift's
/// few cooperative threads, and waits for its result.
func offloaded<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(returning: work())
        }
    }
}
