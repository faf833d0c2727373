import Foundation
import TrellisKit

/// What the preview serves: the files of the last build, or the errors that stopped it.
struct SiteSnapshot: Sendable {
    /// The bytes `trellis build` writes, by output path (`plans/cypp/index.html`), each made when
    /// first asked for; nil when the build has errors.
    var site: SiteOutputs?
    /// The last build's problems; when it has errors, pages show them instead of the site.
    var result: BuildResult
    /// Counts builds, so a page knows whether the site changed since it was served.
    var generation: Int
}

/// What an open page hears on its event stream.
enum PageSignal: Sendable, Equatable {
    /// The site was built again: reload if the page changed.
    case rebuilt(Int)
    /// Nothing happened; keeps the connection open through proxies and finds closed pages.
    case keepAlive
}

/// The current snapshot and the pages listening for the next one, shared by the watcher and the server.
final class SiteStore: @unchecked Sendable {
    private let lock = NSLock()
    private var snapshot: SiteSnapshot
    /// The last build that succeeded, whose assets stay available while pages show errors.
    private var lastGood: SiteOutputs?
    private var listeners: [UUID: AsyncStream<PageSignal>.Continuation] = [:]
    private var closed = false

    /// A store serving the first build, as generation 1.
    init(first result: BuildResult, site: SiteOutputs?) {
        snapshot = SiteSnapshot(site: site, result: result, generation: 1)
        lastGood = site
    }

    /// The snapshot being served.
    var current: SiteSnapshot { lock.withLock { snapshot } }

    /// The files of the last successful build (for assets while the site has errors).
    var lastGoodSite: SiteOutputs? { lock.withLock { lastGood } }

    /// Serves a new build and tells every listening page; returns its generation.
    @discardableResult
    func publish(_ result: BuildResult, site: SiteOutputs?) -> Int {
        // The builds replaced are handed out of the lock and released there: on a large site
        // that takes a while, and pages asked for meanwhile need the lock.
        let (generation, listening, _) = lock.withLock { () -> (Int, [AsyncStream<PageSignal>.Continuation], [SiteOutputs?]) in
            let replaced = [snapshot.site, lastGood]
            snapshot = SiteSnapshot(site: site, result: result, generation: snapshot.generation + 1)
            if let site { lastGood = site }
            return (snapshot.generation, Array(listeners.values), replaced)
        }
        for listener in listening { listener.yield(PageSignal.rebuilt(generation)) }
        return generation
    }

    /// Signals for one page; the stream ends when the store closes.
    func listen() -> AsyncStream<PageSignal> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<PageSignal>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in self?.lock.withLock { _ = self?.listeners.removeValue(forKey: id) } }
        let isClosed = lock.withLock { () -> Bool in
            if !closed { listeners[id] = continuation }
            return closed
        }
        if isClosed { continuation.finish() }
        return stream
    }

    /// Keeps every open event stream alive.
    func keepAlive() {
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(.keepAlive) }
    }

    /// Ends every event stream, so the server can stop without waiting for open pages.
    func close() {
        let listening = lock.withLock { () -> [AsyncStream<PageSignal>.Continuation] in
            closed = true
            defer { listeners.removeAll() }
            return Array(listeners.values)
        }
        for listener in listening { listener.finish() }
    }
}
