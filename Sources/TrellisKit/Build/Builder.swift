import Foundation

/// What to build and how.
public struct BuildOptions: Sendable {
    /// The folder holding `Content/`.
    public var site: URL
    /// Where to write; `SITE/Public` when nil.
    public var output: URL?
    /// The instant the build shows the site at (consultation states, banners).
    public var now: Date
    /// `--now` as written, read on the site's clock once site.yml is known; overrides `now`.
    public var nowWritten: WrittenTime?
    /// `--base-url`: the address the site is published at, instead of site.yml's `base_url`
    /// (for previews of a branch published elsewhere).
    public var baseURL: String?
    /// Include files marked `draft: true`.
    public var drafts: Bool
    /// False for `trellis check`: everything but writing.
    public var write: Bool
    /// Leave the previous output, moved aside, in `BuildResult.replaced` for the caller to delete
    /// (the command line does so after reporting); otherwise it is deleted before `build` returns.
    public var keepsReplacedOutput = false
    /// Where "Last updated" dates and page histories come from; the command line reads git.
    public var history: HistorySource

    /// Options for building or checking `site` as it stands at `now`.
    public init(site: URL, output: URL? = nil, now: Date, nowWritten: WrittenTime? = nil, drafts: Bool = false, write: Bool = true, history: HistorySource = .none) {
        self.site = site
        self.output = output
        self.now = now
        self.nowWritten = nowWritten
        self.drafts = drafts
        self.write = write
        self.history = history
    }

    /// The output folder in use.
    public var outputFolder: URL { output ?? site.appendingPathComponent("Public") }

    /// Why the output folder cannot be written (it would replace the site's own files, or it is a file), if it cannot.
    public var outputProblem: String? {
        if let refusal = OutputWriter.refusal(output: outputFolder, site: site) { return refusal.message }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputFolder.path, isDirectory: &isFolder), !isFolder.boolValue {
            return OutputWriter.notAFolder(outputFolder).message
        }
        return nil
    }
}

/// What a build found and did.
public struct BuildResult: Sendable {
    /// Every problem, sorted by place.
    public var diagnostics: [Diagnostic]
    /// Pages and files written (or that would be written, for `check`).
    public var fileCount: Int
    public var pageCount: Int
    /// The next instant at which anything the site shows changes, if any.
    public var nextChange: Date?
    /// `now` and `next_change` as written to build.json, in the site's zone.
    public var nowText: String
    public var nextChangeText: String?
    /// Whether the output folder was replaced.
    public var wrote: Bool
    /// The site's address from site.yml, ending in `/` (the preview serves the 404 page's links under its path).
    public var baseURL: String
    /// The previous output, when it was replaced and `keepsReplacedOutput` asked to keep it.
    public var replaced: ReplacedOutput? = nil

    /// Whether the build failed.
    public var failed: Bool { diagnostics.hasErrors }
}

/// Hears which stage a build is in, so the command line can show progress.
public protocol BuildReporter: Sendable {
    /// A stage has started; `count` is how many items it works through, when known.
    func stage(_ name: String, count: Int?)
    /// Another build (process `pid`, when known) is writing the same output folder, and this one waits for it.
    func waiting(forBuild pid: Int32?, of output: URL)
}

extension BuildReporter {
    /// Most reporters show only stages.
    public func waiting(forBuild pid: Int32?, of output: URL) {}
}

/// Runs the stages of a build as a fixed, named list.
public enum Builder {
    /// Loads, checks, renders and (unless checking) writes the site. A build that writes holds the
    /// output's lock from the first file read to the swap, so two builds of one output run one
    /// after the other, and the one started later publishes the content it read later.
    public static func build(_ options: BuildOptions, reporter: BuildReporter? = nil) -> BuildResult {
        var lock: Result<OutputLock, Diagnostic>?
        if options.write, options.outputProblem == nil {
            let output = OutputWriter.resolved(options.outputFolder)
            lock = OutputLock.acquire(output) { reporter?.waiting(forBuild: $0, of: output) }
        }
        var result = buildLocked(options, lock: lock, reporter: reporter)
        if case .success(let held)? = lock { held.release() }
        if !options.keepsReplacedOutput {
            result.replaced?.remove()
            result.replaced = nil
        }
        return result
    }

    private static func buildLocked(_ options: BuildOptions, lock: Result<OutputLock, Diagnostic>?, reporter: BuildReporter?) -> BuildResult {
        let lockFailed = if case .failure? = lock { true } else { false }
        // Pages are written into the staging folder as they are rendered; it is swapped in only
        // once the whole build has succeeded.
        let sink = OutputSink(options.write && !lockFailed ? .folder(output: options.outputFolder, site: options.site) : .nowhere)
        var result = run(options, sink: sink, reporter: reporter)
        guard options.write, !result.failed else {
            sink.abandon()
            return result
        }
        if case .failure(let problem)? = lock {
            result.diagnostics = (result.diagnostics + [problem]).sortedForReport()
            return result
        }
        reporter?.stage("Saving \(options.outputFolder.lastPathComponent)/", count: nil)
        switch sink.finish() {
        case .failure(let problem):
            result.diagnostics = (result.diagnostics + [problem]).sortedForReport()
        case .success(let replaced):
            result.wrote = true
            result.replaced = replaced
        }
        return result
    }

    /// Loads, checks and renders the site, keeping its files in memory: the bytes `build` writes, by output path.
    /// The files are empty when the site has errors. A `cache` from an earlier build of the same
    /// site saves decoding and rendering what has not changed since.
    public static func render(_ options: BuildOptions, cache: BuildCache? = nil, reporter: BuildReporter? = nil) -> (BuildResult, [String: Data]) {
        let sink = OutputSink(.memory)
        var result = run(options, sink: sink, cache: cache, reporter: reporter)
        if let problem = sink.problem { result.diagnostics = (result.diagnostics + [problem]).sortedForReport() }
        guard !result.failed else { return (result, [:]) }
        return (result, Dictionary(uniqueKeysWithValues: sink.files.map { ($0.path, $0.data) }))
    }

    /// Loads and checks the site as `render` does, but makes its pages, open data, feeds and
    /// search files only when `SiteOutputs.file` asks for them (the preview); nil when the site
    /// has errors. Nothing made on request can add a diagnostic, so the result's are complete;
    /// its `pageCount` counts the pages whose paths are known before any is made (the open data
    /// and search pages are not among them) and its `fileCount` the files made at once.
    public static func prepare(_ options: BuildOptions, cache: BuildCache? = nil, reporter: BuildReporter? = nil) -> (BuildResult, SiteOutputs?) {
        let sink = OutputSink(.memory)
        var planned: (SiteRenderer, OutputPlan)?
        var result = run(options, sink: sink, cache: cache, reporter: reporter) { renderer, sink in
            let plan = renderer.plan()
            planned = (renderer, plan)
            sink.put(renderer.robots())
            return plan.pages.count
        }
        if let problem = sink.problem { result.diagnostics = (result.diagnostics + [problem]).sortedForReport() }
        guard !result.failed, let (renderer, plan) = planned else { return (result, nil) }
        return (result, SiteOutputs(plan: plan, made: sink.files, sitemap: { renderer.sitemap(paths: $0) }))
    }

    /// Every stage but the swap: the files go to `sink` as they are made, once the content has no
    /// errors; `makePages` makes the pages (all of them, at once, unless the preview asks) and
    /// says how many there are.
    private static func run(_ options: BuildOptions, sink: OutputSink, cache: BuildCache? = nil, reporter: BuildReporter?,
                            makePages: (SiteRenderer, OutputSink) -> Int = { $0.render(into: $1) }) -> BuildResult {
        var options = options
        var diagnostics: [Diagnostic] = []
        var settings = SiteSettings.fallback
        func finish(files: Int = 0, pages: Int = 0, next: Date? = nil, clock: SiteClock) -> BuildResult {
            let format = GOVUKFormat(clock: clock)
            return BuildResult(diagnostics: diagnostics.sortedForReport(), fileCount: files, pageCount: pages, nextChange: next,
                               nowText: format.iso(options.now), nextChangeText: next.map(format.iso), wrote: false, baseURL: settings.baseURL)
        }

        // git runs while the content is read and checked; its answer is needed only to render.
        let historyRead = SiteHistory.start(options.history, site: options.site)

        reporter?.stage("Reading Content/", count: nil)
        var loaded = ContentLoader.load(site: options.site, cache: cache)
        diagnostics += loaded.diagnostics
        if let text = loaded.siteSettings {
            let (decoded, problems) = SiteSettingsDecoder.decode(text)
            settings = decoded
            diagnostics += problems
        }
        if let base = options.baseURL { settings.baseURL = base.hasSuffix("/") ? base : base + "/" }
        let clock = SiteClock(identifier: settings.timeZone) ?? SiteClock(timeZone: TimeZone(identifier: "Europe/London")!)
        if let written = options.nowWritten { options.now = written.instant ?? clock.start(of: written) }

        reporter?.stage("Reading front matter", count: loaded.files.count)
        var index: SiteIndex
        // The references are checked on another thread while Markdown renders: only the
        // diagnostics depend on them, and pages are made only when there are none.
        let referenceProblems: Pending<[Diagnostic]>
        do { // the decoded documents, drafts included, are needed only here
            let decoded = cache?.decode(loaded.files, clock: clock) ?? loaded.files.parallelMap { DocumentDecoder.decode($0, clock: clock) }
            loaded.files = [] // each document keeps its body; the files' text is no longer needed
            diagnostics += decoded.flatMap(\.1)
            let all = decoded.compactMap(\.0)
            let documents = options.drafts ? all : all.filter { !$0.draft }

            reporter?.stage("Resolving references", count: documents.count)
            index = SiteIndex(settings: settings, documents: documents, assets: loaded.assets)
            let checked = index
            referenceProblems = Pending { ReferenceChecker.check(checked, allDocuments: all) }
        }

        reporter?.stage("Rendering Markdown", count: index.documents.count)
        // The relations (from front matter only, so they hold for the index without bodies too)
        // and the theme are worked out on another thread while Markdown renders on every core.
        let indexRead = index, site = options.site, themeName = settings.theme
        let relationsMade = Pending { Relations(indexRead) }
        let themeLoaded = Pending { Theme.load(site: site, name: themeName) }
        let bodies = BodyRenderer.render(index, cache: cache)
        diagnostics += bodies.flatMap(\.diagnostics)
        let relations = relationsMade.wait()
        diagnostics += referenceProblems.wait()
        diagnostics += BodyRenderer.checkFragments(bodies, index: index, relations: relations)
        // Pages need only the rendered bodies: the Markdown is released (off the critical path),
        // unless a cache keeps it anyway.
        if cache == nil {
            let withBodies = index
            index = withBodies.withoutBodies()
            releaseInBackground(consume withBodies)
        }

        let consultations = index.documents.compactMap { document in document.consultation.map { (document, $0) } }
        for (_, consultation) in consultations {
            if let warning = consultation.value.overdueWarning(now: options.now, clock: clock, at: consultation.location) { diagnostics.append(warning) }
        }
        let next = NextChange.earliest(
            consultations: consultations.map(\.1.value),
            notices: settings.notices.map { NoticeWindow(from: $0.from?.value, until: $0.until?.value, clock: clock) },
            after: options.now, clock: clock)

        reporter?.stage("Loading the theme", count: nil)
        let (theme, themeProblems) = themeLoaded.wait()
        diagnostics += themeProblems
        guard let theme, !diagnostics.hasErrors else { return finish(next: next, clock: clock) }

        reporter?.stage("Reading git history", count: nil)
        let (history, historyProblems) = historyRead.wait()
        diagnostics += historyProblems
        let updated = history.updated(index.documents, clock: clock)

        reporter?.stage("Rendering pages", count: index.documents.count + index.priorityOrder.count)
        let assets = ThemeAssets(theme.assets)
        let context = SiteContext(index: index, relations: relations, bodies: bodies, now: options.now, clock: clock, updated: updated, history: history, assets: assets)
        let pageCount = makePages(SiteRenderer(site: context, theme: theme), sink)
        // Every document, body and page view is freed on another thread while the output is saved.
        releaseInBackground((consume context, consume index, consume bodies))
        sink.put(assets.files)
        let reader = SiteReader(site: options.site)
        for asset in loaded.assets {
            switch reader.read("Content/assets/" + asset) {
            case .success(let bytes)?: sink.put(OutputFile(path: "assets/" + asset, data: Data(bytes)))
            case .failure(let problem)?: diagnostics.append(problem)
            case nil: diagnostics.append(.error(.unreadableFile, "Content/assets/\(asset) was deleted while the site was being built; build again", at: SourceLocation(file: "Content/assets/\(asset)")))
            }
        }
        let format = GOVUKFormat(clock: clock)
        let buildJSON = "{\"next_change\":\(next.map { "\"\(format.iso($0))\"" } ?? "null"),\"now\":\"\(format.iso(options.now))\"}\n"
        sink.put(OutputFile(path: "build.json", data: Data(buildJSON.utf8)))
        return finish(files: sink.count, pages: pageCount, next: next, clock: clock)
    }
}
