import Foundation
import Hummingbird
import Logging
import NIOCore
#if canImport(Glibc)
import Glibc
#endif
import ServiceLifecycle
import TrellisKit

/// How to run the preview.
public struct PreviewOptions: Sendable {
    /// What to build: the site, drafts, `--now`, where dates come from. `now` is read again for every build.
    public var build: BuildOptions
    /// The port on 127.0.0.1: nil for 8000 or the next free one, 0 for any free port.
    public var port: Int?
    /// The time each build shows the site at, unless `build.nowWritten` fixes it.
    public var now: @Sendable () -> Date
    /// How often the files are looked at.
    public var pollInterval: Duration

    /// Options to preview the site `build.site`.
    public init(build: BuildOptions, port: Int? = nil, now: @escaping @Sendable () -> Date = { Date() }, pollInterval: Duration = .milliseconds(50)) {
        self.build = build
        self.port = port
        self.now = now
        self.pollInterval = pollInterval
    }
}

/// What the preview tells whoever started it.
public enum PreviewEvent: Sendable {
    /// Serving at this address.
    case listening(URL)
    /// A build finished (the first one, or after `changed` files changed), with its generation.
    case built(BuildResult, seconds: Double, changed: [String], generation: Int)
}

/// Why the preview could not start.
public enum PreviewError: Error, Hashable, Sendable {
    /// The port asked for is taken.
    case portInUse(Int)
    /// No port from 8000 to 8099 is free.
    case noFreePort

    /// What to tell the editor.
    public var message: String {
        switch self {
        case .portInUse(let port): return "port \(port) on 127.0.0.1 is in use; stop what uses it or choose another with --port N"
        case .noFreePort: return "no free port on 127.0.0.1 from 8000 to 8099; choose one with --port N"
        }
    }
}

/// `trellis serve`: builds the site into memory, serves it on 127.0.0.1, rebuilds when its files
/// change and makes open pages reload. Stops cleanly on SIGINT or SIGTERM, or when `stop()` is called.
public final class PreviewServer: @unchecked Sendable {
    private let options: PreviewOptions
    private let events: @Sendable (PreviewEvent) -> Void
    private let lock = NSLock()
    private var group: ServiceGroup?
    private var stopRequested = false

    /// A server for `options` that reports to `events` (called from any thread).
    public init(_ options: PreviewOptions, events: @escaping @Sendable (PreviewEvent) -> Void = { _ in }) {
        self.options = options
        self.events = events
    }

    /// Builds, serves and watches until stopped.
    public func run() async throws {
        if let port = options.port, port != 0, !PortFinder.isFree(port) { throw PreviewError.portInUse(port) }
        let watcher = FileWatcher(site: options.build.site)
        let builder = SiteBuilder(options: options.build, now: options.now)
        let stamps = watcher.scan()
        let first = await builder.build()
        let store = SiteStore(first: first.result, site: first.site)
        events(.built(first.result, seconds: first.seconds, changed: [], generation: 1))
        let watch = WatchService(watcher: watcher, store: store, builder: builder, initial: stamps, interval: options.pollInterval, events: events)

        // Probing a port and binding it are two steps; another program may take it in between.
        let ports = options.port.map { [$0] } ?? Array(PortFinder.defaults)
        for port in ports where options.port != nil || PortFinder.isFree(port) {
            do {
                try await serve(store: store, watch: watch, port: port)
                return
            } catch let error as IOError where error.errnoCode == EADDRINUSE {
                if options.port != nil { throw PreviewError.portInUse(port) }
            }
        }
        throw PreviewError.noFreePort
    }

    /// Runs the server on `port` and the watcher until a signal or `stop()`.
    private func serve(store: SiteStore, watch: WatchService, port: Int) async throws {
        var logger = Logger(label: "trellis-serve")
        logger.logLevel = .critical
        let events = self.events
        let app = Application(
            responder: PreviewResponder(store: store),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                events(.listening(URL(string: "http://127.0.0.1:\(bound)/")!))
            },
            logger: logger)
        // Services stop in reverse order: the watcher first, which ends the pages' event streams, then the server.
        var configuration = ServiceGroupConfiguration(services: [app, watch], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(3)
        let group = ServiceGroup(configuration: configuration)
        let stopAtOnce = lock.withLock { () -> Bool in
            self.group = group
            return stopRequested
        }
        if stopAtOnce { await group.triggerGracefulShutdown() }
        try await group.run()
    }

    /// Stops the server as Ctrl-C does.
    public func stop() async {
        let group = lock.withLock { () -> ServiceGroup? in
            stopRequested = true
            return self.group
        }
        await group?.triggerGracefulShutdown()
    }
}
