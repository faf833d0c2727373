import Foundation

/// The files only the preview serves, under `/__trellis/`: never part of a built site.
enum PreviewAssets {
    /// Where they are served; a site cannot have a folder whose name starts with `_`.
    static let folder = "/__trellis/"
    static let scriptPath = folder + "reload.js"
    static let stylesheetPath = folder + "preview.css"
    static let eventsPath = folder + "events"

    /// The tag added to every HTML page while serving: a file, not inline code, so a strict
    /// Content-Security-Policy (script-src 'self') allows it. It names the build the page came
    /// from and the digest of what the page shows (`Shown.digest`), so the page reloads only
    /// when a later build shows something else at its address.
    static func scriptTag(generation: Int, digest: String) -> String {
        "<script src=\"\(scriptPath)\" data-generation=\"\(generation)\" data-digest=\"\(digest)\" defer></script>\n"
    }

    /// `html` with the script tag before `</head>` (or at the end when there is none).
    static func inject(into html: Data, generation: Int, digest: String) -> Data {
        let tag = Data(scriptTag(generation: generation, digest: digest).utf8)
        guard let head = html.range(of: Data("</head>".utf8)) else { return html + tag }
        var result = Data(capacity: html.count + tag.count)
        result.append(html[html.startIndex..<head.lowerBound])
        result.append(tag)
        result.append(html[head.lowerBound...])
        return result
    }

    /// Listens for builds and reloads the page when its address shows something else. Only a
    /// visible page listens, so many open tabs do not use up the browser's few connections to
    /// one host; a page shown again asks with the build and digest it shows, and reloads at once
    /// if it changed meanwhile. EventSource reconnects by itself if the server restarts.
    static let script = """
        // trellis serve: reloads this page when a new build changes it. Never part of a built site.
        (function () {
          "use strict";
          if (!window.EventSource) return;
          var script = document.currentScript;
          var generation = (script && script.getAttribute("data-generation")) || "0";
          var digest = (script && script.getAttribute("data-digest")) || "";
          var source = null;
          function listen() {
            if (source) return;
            source = new EventSource("\(eventsPath)?since=" + encodeURIComponent(generation) +
              "&path=" + encodeURIComponent(window.location.pathname) + "&digest=" + encodeURIComponent(digest));
            source.addEventListener("reload", function () {
              stop();
              window.location.reload();
            });
          }
          function stop() {
            if (source) source.close();
            source = null;
          }
          document.addEventListener("visibilitychange", function () {
            if (document.hidden) stop(); else listen();
          });
          window.addEventListener("pagehide", stop);
          window.addEventListener("pageshow", function () { if (!document.hidden) listen(); });
          if (!document.hidden) listen();
        })();

        """

    /// The error page's look, kept plain and readable.
    static let stylesheet = """
        body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #0b0c0c; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.75rem; margin-top: 0; border-left: 0.5rem solid #d4351c; padding-left: 0.75rem; }
        ol { padding-left: 1.5rem; }
        li { margin-bottom: 1rem; }
        .place { font-weight: bold; }
        .error .severity { color: #d4351c; font-weight: bold; }
        .warning .severity { color: #594d00; font-weight: bold; }
        pre { background: #f3f2f1; padding: 0.5rem 0.75rem; overflow-x: auto; }
        code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.95rem; }

        """
}
