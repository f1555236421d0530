/// The script `serve` adds to every HTML page it sends (never to the files on disk): it listens for builds,
/// reloads the page when a newer one is out, and shows a failed build's error over the page.
enum LiveScript {
    /// Where `serve` answers for itself. The site's top-level folders are its sources' names, so a source
    /// named `_scribe` would be hidden while serving (and only then).
    static let prefix = "/_scribe/"
    static let path = prefix + "live.js"
    static let events = prefix + "events"
    static let reintrospect = prefix + "reintrospect"

    /// The tag before `</body>`; `generation` is the build the page comes from.
    static func tag(generation: Int) -> String {
        "<script src=\"\(path)\" data-generation=\"\(generation)\"></script>"
    }

    static let source = """
        // Added by `scribe-build serve`; the built site does not contain it.
        (function () {
          "use strict";
          var script = document.currentScript;
          var generation = Number(script && script.dataset.generation);
          var overlay = null;
          function show(message) {
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "scribe-build-error";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;"
                + "margin:0;padding:1em 1.5em;background:#fff4f4;color:#5c0000;border-bottom:3px solid #c00;"
                + "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 2px 8px rgba(0,0,0,.2)";
              var title = document.createElement("strong");
              title.textContent = "The build failed; this page shows the last good build.";
              var text = document.createElement("pre");
              text.style.cssText = "white-space:pre-wrap;margin:.5em 0 0;font:inherit";
              overlay.appendChild(title);
              overlay.appendChild(text);
              document.body.appendChild(overlay);
            }
            overlay.lastChild.textContent = message;
          }
          function hide() {
            if (overlay) { overlay.remove(); overlay = null; }
          }
          var events = new EventSource("\(events)");
          events.addEventListener("build", function (event) {
            var state = JSON.parse(event.data);
            if (state.generation !== generation) { location.reload(); return; }
            if (state.error) { show(state.error); } else { hide(); }
          });
        })();

        """
}
