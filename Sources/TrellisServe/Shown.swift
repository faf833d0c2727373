import Foundation
import Hummingbird
import TrellisKit

/// What an address shows in one build, before the reload script's tag is added: a file of the
/// site, the 404 page, the error page, or a redirect to a folder's address. An open page
/// compares its `digest` with the newest build's to know whether to reload.
enum Shown: Sendable {
    /// Bytes with their media type and status; `isHTML` when the reload script's tag goes in.
    case file(Data, type: String, status: HTTPResponse.Status, isHTML: Bool)
    /// A folder asked for without its final `/`: the address to redirect to.
    case redirect(String)

    /// What `path` (a request's path, percent-decoded) shows in `snapshot`. While the snapshot
    /// has errors, pages show them, and a stylesheet or image still comes from `lastGood`.
    static func at(_ path: String, in snapshot: SiteSnapshot, lastGood: SiteOutputs?) -> Shown {
        let basePath = PreviewResponder.basePath(snapshot.result.baseURL)
        guard let site = snapshot.site else {
            if let lastGood, case .file(let key) = PreviewResponder.lookup(path, basePath: basePath, exists: lastGood.contains),
               !key.hasSuffix(".html"), let data = lastGood.file(key) {
                return .file(data, type: PreviewResponder.contentType(key), status: .ok, isHTML: false)
            }
            return .file(ErrorPage.html(snapshot.result), type: "text/html; charset=utf-8", status: .internalServerError, isHTML: true)
        }
        switch PreviewResponder.lookup(path, basePath: basePath, exists: site.contains) {
        case .file(let key):
            return file(key, of: site, status: .ok)
        case .folder(let address):
            return .redirect(address)
        case .missing:
            guard site.contains("404.html") else {
                return .file(Data("Not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound, isHTML: false)
            }
            return file("404.html", of: site, status: .notFound)
        }
    }

    /// The site's file `key`, which it is known to have.
    private static func file(_ key: String, of site: SiteOutputs, status: HTTPResponse.Status) -> Shown {
        .file(site.file(key) ?? Data(), type: PreviewResponder.contentType(key), status: status, isHTML: key.hasSuffix(".html"))
    }

    /// Stands for everything the address shows: equal in two builds exactly when the status,
    /// the bytes (or the redirect's address) are.
    var digest: String {
        switch self {
        case .file(let data, _, let status, _): FNV1a.hex(Data("\(status.code) ".utf8) + data)
        case .redirect(let address): FNV1a.hex(Data("redirect \(address)".utf8))
        }
    }
}
