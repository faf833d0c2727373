import Foundation

/// The "Edit this page" address of a file on the git host, from site.yml's `repository:`.
///
/// The rule: when `repository` contains `{path}`, that is replaced by the file's path from the
/// repository's root (`https://gitlab.com/trust/site/-/edit/main/{path}`); otherwise the path is
/// added after `/edit/main/`, as GitHub, Gitea and Forgejo expect
/// (`https://github.com/trust/site` gives `https://github.com/trust/site/edit/main/Content/plans/cypp.md`).
enum EditLink {
    /// The address for the file at `path` (relative to the site folder); `prefix` is the site folder's place in the repository.
    static func url(repository: String, path: String, prefix: String?) -> String {
        let fromRoot = (prefix ?? "") + path
        let encoded = fromRoot.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0) }
            .joined(separator: "/")
        if repository.contains("{path}") { return repository.replacingOccurrences(of: "{path}", with: encoded) }
        var base = repository
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix(".git") { base.removeLast(4) }
        return base + "/edit/main/" + encoded
    }
}
