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
        case PreviewAssets.eventsPath: return events(since: request.uri.queryParameters["since"].flatMap { Int($0) })
        default: response = site(path, host: request.head.authority)
        }
        return request.method == .head ? Response(status: response.status, headers: response.headers) : response
    }

    /// A file of the site, a redirect to a folder's address, the 404 page or the error page.
    func site(_ path: String, host: String? = nil) -> Response {
        let snapshot = store.current
        let found = Self.lookup(path, in: snapshot.files, basePath: Self.basePath(snapshot.result.baseURL))
        if snapshot.result.failed {
            // Pages show the errors; a stylesheet or image still comes from the last good build.
            let lastGood = store.lastGoodFiles
            if case .file(let key) = Self.lookup(path, in: lastGood, basePath: Self.basePath(snapshot.result.baseURL)), !key.hasSuffix(".html") {
                return Self.file(lastGood[key]!, type: Self.contentType(key))
            }
            return Self.file(ErrorPage.html(snapshot.result, generation: snapshot.generation), type: "text/html; charset=utf-8", status: .internalServerError)
        }
        switch found {
        case .file(let key):
            return page(snapshot.files[key]!, key: key, generation: snapshot.generation)
        case .folder(let address):
            // An absolute address: some clients resolve a relative one wrongly.
            let location = host.map { "http://\($0)\(address)" } ?? address
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .missing:
            guard let notFound = snapshot.files["404.html"] else {
                return Self.file(Data("Not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
            }
            return page(notFound, key: "404.html", generation: snapshot.generation, status: .notFound)
        }
    }

    /// A built file; HTML gets the reload script's tag.
    private func page(_ data: Data, key: String, generation: Int, status: HTTPResponse.Status = .ok) -> Response {
        let type = Self.contentType(key)
        let body = key.hasSuffix(".html") ? PreviewAssets.inject(into: data, generation: generation) : data
        return Self.file(body, type: type, status: status)
    }

    /// Server-sent events: `reload` as soon as the site is newer than the build `since`.
    func events(since: Int?) -> Response {
        let signals = store.listen()
        let generation = store.current.generation
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            if since != generation {
                try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                try await writer.finish(nil)
                return
            }
            for await signal in signals.cancelOnGracefulShutdown() {
                switch signal {
                case .rebuilt(let newer):
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

    /// Where a request's path leads in a build's files.
    enum Found: Equatable {
        case file(String)
        /// A folder asked for without its final `/`: the address to redirect to.
        case folder(String)
        case missing
    }

    /// `/plans/cypp/` is `plans/cypp/index.html`; `/plans/cypp` redirects there. A path under the
    /// site's base path (`/trust/...`, as the 404 page links) is looked up without it.
    static func lookup(_ path: String, in files: [String: Data], basePath: String) -> Found {
        var candidates = [path]
        if basePath != "/", path.hasPrefix(basePath) { candidates.append("/" + path.dropFirst(basePath.count)) }
        for candidate in candidates {
            let relative = String(candidate.drop { $0 == "/" })
            if relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) { return .missing }
            if relative.isEmpty || relative.hasSuffix("/") {
                if files[relative + "index.html"] != nil { return .file(relative + "index.html") }
            } else if files[relative] != nil {
                return .file(relative)
            } else if files[relative + "/index.html"] != nil {
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
