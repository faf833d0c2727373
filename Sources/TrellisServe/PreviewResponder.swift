import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle
import TrellisKit

/// Answers every request from the last build held in memory: the site's files as `trellis build`
/// writes them (HTML pages with the reload script's tag added), the error page while the site has
/// errors, and the preview's own script and event stream under `/__trellis/`.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let store: SiteStore

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        let response: Response
        switch path {
        case PreviewAssets.scriptPath: response = Self.file(Data(PreviewAssets.script.utf8), type: "text/javascript; charset=utf-8")
        case PreviewAssets.stylesheetPath: response = Self.file(Data(PreviewAssets.stylesheet.utf8), type: "text/css; charset=utf-8")
        case PreviewAssets.eventsPath:
            let query = request.uri.queryParameters
            return events(since: query["since"].flatMap { Int($0) }, path: query["path"].map { String($0).removingPercentEncoding ?? String($0) },
                          digest: query["digest"].map(String.init))
        default:
            let host = request.head.authority
            response = await offloaded { site(path, host: host) }
        }
        return request.method == .head ? Response(status: response.status, headers: response.headers) : response
    }

    /// A file of the site, a redirect to a folder's address, the 404 page or the error page.
    func site(_ path: String, host: String? = nil) -> Response {
        let snapshot = store.current
        let shown = Shown.at(path, in: snapshot, lastGood: store.lastGoodSite)
        switch shown {
        case .file(let data, let type, let status, let isHTML):
            let body = isHTML ? PreviewAssets.inject(into: data, generation: snapshot.generation, digest: shown.digest) : data
            return Self.file(body, type: type, status: status)
        case .redirect(let address):
            // An absolute address: some clients resolve a relative one wrongly.
            let location = host.map { "http://\($0)\(address)" } ?? address
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        }
    }

    /// Server-sent events: `reload` once the page at `path`, served with `digest` by the build
    /// `since`, shows something else in a newer build (its bytes, its status, or the errors).
    /// Without a path and digest, `reload` as soon as any build is newer than `since`.
    func events(since: Int?, path: String?, digest: String?) -> Response {
        let signals = store.listen()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            if let newer = await changed(since: since, path: path, digest: digest) {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(newer)\n\n"))
                try await writer.finish(nil)
                return
            }
            for await signal in signals.cancelOnGracefulShutdown() {
                switch signal {
                case .rebuilt:
                    guard let newer = await changed(since: since, path: path, digest: digest) else { continue }
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(newer)\n\n"))
                    try await writer.finish(nil)
                    return
                case .keepAlive:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                }
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    /// The newest build's generation when a page served by the build `since` must reload: it
    /// shows something else at `path` than `digest` says, or (without them) any newer build.
    func changed(since: Int?, path: String?, digest: String?) async -> Int? {
        let snapshot = store.current
        guard since != snapshot.generation else { return nil }
        guard let path, let digest else { return snapshot.generation }
        let shown = await offloaded { Shown.at(path, in: snapshot, lastGood: store.lastGoodSite) }
        return shown.digest == digest ? nil : snapshot.generation
    }

    /// Where a request's path leads in a build's files.
    enum Found: Equatable {
        case file(String)
        /// A folder asked for without its final `/`: the address to redirect to.
        case folder(String)
        case missing
    }

    /// `/plans/cypp/` is `plans/cypp/index.html`; `/plans/cypp` redirects there. A path under the
    /// site's base path (`/trust/...`, as the 404 page links) is looked up without it.
    /// `exists` says whether the build has a file at an output path.
    static func lookup(_ path: String, basePath: String, exists: (String) -> Bool) -> Found {
        var candidates = [path]
        if basePath != "/", path.hasPrefix(basePath) { candidates.append("/" + path.dropFirst(basePath.count)) }
        for candidate in candidates {
            let relative = String(candidate.drop { $0 == "/" })
            if relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) { return .missing }
            if relative.isEmpty || relative.hasSuffix("/") {
                if exists(relative + "index.html") { return .file(relative + "index.html") }
            } else if exists(relative) {
                return .file(relative)
            } else if exists(relative + "/index.html") {
                return .folder(path + "/")
            }
        }
        return .missing
    }

    /// The path part of the site's address: `/trust/` for `https://www.example.org/trust/`.
    static func basePath(_ baseURL: String) -> String {
        let path = URL(string: baseURL)?.path ?? "/"
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// A response with a body that no browser keeps: every request sees the latest build.
    static func file(_ data: Data, type: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The media type of a built file, by its extension.
    static func contentType(_ path: String) -> String {
        let types = [
            "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
            "json": "application/json", "xml": "application/xml", "atom": "application/atom+xml", "ics": "text/calendar; charset=utf-8",
            "csv": "text/csv; charset=utf-8", "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png",
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp", "ico": "image/x-icon",
            "pdf": "application/pdf", "woff": "font/woff", "woff2": "font/woff2",
        ]
        let name = path.split(separator: "/").last ?? ""
        let ext = name.contains(".") ? String(name.split(separator: ".").last!).lowercased() : ""
        return types[ext] ?? "application/octet-stream"
    }
}
