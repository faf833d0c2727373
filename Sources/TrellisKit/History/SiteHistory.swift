import Foundation

/// Where a build finds the dates and histories of its pages.
public enum HistorySource: Sendable, Hashable {
    /// No history: pages show only the dates written as `updated:`.
    case none
    /// git's command line, run once in the site folder.
    case git
    /// A history given whole (for tests and for callers that read git themselves).
    case given(SiteHistory)
}

/// The commits that changed each file of `Content/`, read once for the whole site.
public struct SiteHistory: Sendable, Hashable {
    /// One commit that changed a file.
    public struct Change: Sendable, Hashable {
        /// When the commit was made (git's committer date).
        public var date: Date
        /// The commit message's first line.
        public var message: String

        /// A commit at `date` with the subject `message`.
        public init(date: Date, message: String) {
            self.date = date
            self.message = message
        }
    }

    /// Commits by file path relative to the site folder (`Content/plans/cypp.md`), newest first, merges left out.
    public var changes: [String: [Change]]
    /// The site folder's path inside its repository, "" at the root or like "site/"; nil outside git.
    public var prefix: String?

    /// A history; `prefix` is where the site folder sits in the repository.
    public init(changes: [String: [Change]], prefix: String?) {
        self.changes = changes
        self.prefix = prefix
    }

    /// No commits known.
    public static let empty = SiteHistory(changes: [:], prefix: nil)

    /// Starts reading the history on another thread, so git runs while the build does other work.
    static func start(_ source: HistorySource, site: URL) -> Pending<(SiteHistory, [Diagnostic])> {
        if case .git = source { return Pending { read(source, site: site) } }
        return Pending(ready: read(source, site: site))
    }

    /// The history of `source` for the site folder `site`, and a warning when git cannot give one.
    static func read(_ source: HistorySource, site: URL) -> (SiteHistory, [Diagnostic]) {
        switch source {
        case .none: return (.empty, [])
        case .given(let history): return (history, [])
        case .git: return GitLog.read(site: site)
        }
    }

    /// The "Last updated" instant of each document: its `updated:` key, else its last commit.
    func updated(_ documents: [Document], clock: SiteClock) -> [String: Date] {
        var dates: [String: Date] = [:]
        for document in documents {
            if let written = document.updated {
                dates[document.reference] = clock.start(of: written.value)
            } else if let last = changes[document.path]?.first {
                dates[document.reference] = last.date
            }
        }
        return dates
    }
}
