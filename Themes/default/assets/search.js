// Static-site search: fetches a manifest, then only the index shards for the words typed.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  if (!form || !window.fetch) return;
  var base = form.getAttribute("data-index"), root = form.getAttribute("data-root");
  var input = form.querySelector("input"), list = document.getElementById("search-results");
  var status = document.getElementById("search-status"), title = document.title;
  var cache = {}, manifest, latest = 0, broken = "Search is not working. Browse the lists below instead.";
  document.getElementById("search-no-script").hidden = true;

  function get(name) {
    return cache[name] = cache[name] || fetch(base + name + ".json").then(function (r) {
      if (!r.ok) throw r.status;
      return r.json();
    });
  }
  function len(w) { return Array.from(w).length; }
  function say(text) { status.textContent = text; }
  // As SearchText.swift: lower-case, drop accents, split at what is not a letter or digit.
  function words(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      return len(w) > 1 && len(w) < 41 && manifest.stop.indexOf(w) < 0;
    });
  }
  // Entry -> score for a word; its terms sit under its longest key, or under longer keys it starts.
  function match(w) {
    var keys = manifest.keys, best = -1, want = [], prefix = len(w) > 2;
    keys.forEach(function (k, i) {
      if (!w.indexOf(k)) { if (best < 0 || k.length > keys[best].length) best = i; }
      else if (prefix && !k.indexOf(w)) want.push(i);
    });
    if (best >= 0) want.push(best);
    return Promise.all(want.map(function (i) { return get("t" + i); })).then(function (shards) {
      var scores = {};
      shards.forEach(function (shard) {
        for (var term in shard) {
          if (term !== w && !(prefix && !term.indexOf(w))) continue;
          for (var p = shard[term], j = 0; j < p.length; j += 2) {
            scores[p[j]] = Math.max(scores[p[j]] || 0, p[j + 1] * (term === w ? 2 : 1));
          }
        }
      });
      return scores;
    });
  }
  function show(entry) {
    var item = list.appendChild(document.createElement("li")), link = item.appendChild(document.createElement("a"));
    link.href = root + entry[1];
    link.textContent = entry[0];
    item.appendChild(document.createTextNode(" (" + entry[2] + ")"));
    if (entry[3]) item.appendChild(document.createElement("p")).textContent = entry[3];
  }
  function search(query) {
    var run = ++latest, ws = words(query), quoted = "\u201c" + query.trim() + "\u201d";
    list.textContent = "";
    document.title = ws.length ? "Search results for " + quoted + " - " + title : title;
    if (!ws.length) return say(query.trim() ? "Type a word of 2 or more letters." : "");
    say("Searching\u2026");
    Promise.all(ws.map(match)).then(function (all) {
      var total = all.reduce(function (sum, scores) {
        var both = {};
        for (var d in sum) if (scores[d]) both[d] = sum[d] + scores[d];
        return both;
      });
      var found = Object.keys(total).map(Number).sort(function (a, b) { return total[b] - total[a] || a - b; });
      var shown = found.slice(0, 20), n = found.length;
      return Promise.all(shown.map(function (d) { return get("d" + Math.floor(d / manifest.per)); })).then(function (pages) {
        if (run !== latest) return;
        shown.forEach(function (d, i) { show(pages[i][d % manifest.per]); });
        say(n ? (n > 20 ? "The best 20 of " + n : n) + (n > 1 ? " results" : " result") + " for " + quoted + "."
          : "No results for " + quoted + ". Try fewer or shorter words, or browse the lists below.");
      });
    }).catch(function () { if (run === latest) say(broken); });
  }

  form.addEventListener("submit", function (event) {
    if (!manifest) return; // not loaded yet: the form reloads the page with ?q= instead
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
  get("manifest").then(function (m) {
    manifest = m;
    var query = new URLSearchParams(location.search).get("q");
    if (query) search(input.value = query);
  }, function () { say(broken); });
})();
