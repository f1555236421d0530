// Browsing: the schema page's list (filter, sort, facets, pages), the personal-data report's pages, and
// favourites and recently viewed tables. Data is set as text (textContent), never parsed as HTML.
// Favourites live in this browser only: localStorage where it works, a copy in window.name for pages opened
// from file:// where storage is per file or refused; without either the star still works for the page.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "";
  var page = (script && script.getAttribute("data-page")) || "";
  var RECENT_LIMIT = 10;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function formatCount(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  // ---- Pages of rows ----------------------------------------------------------------------------------

  // Draws page buttons into nav for `total` items, calling go(page) on a click.
  function drawPager(nav, total, size, current, go) {
    while (nav.firstChild) nav.removeChild(nav.firstChild);
    var pages = Math.ceil(total / size);
    nav.hidden = pages <= 1;
    if (pages <= 1) return;
    function button(label, target, disabled, isCurrent) {
      var b = el("button", isCurrent ? "current" : "", label);
      b.type = "button";
      b.disabled = disabled;
      if (isCurrent) b.setAttribute("aria-current", "page");
      b.setAttribute("data-page", String(target));
      b.addEventListener("click", function () { go(target); });
      nav.appendChild(b);
    }
    button("‹ Previous", current - 1, current === 0, false);
    var shown = {};
    [0, current - 2, current - 1, current, current + 1, current + 2, pages - 1].forEach(function (p) {
      if (p >= 0 && p < pages) shown[p] = true;
    });
    var last = -1;
    Object.keys(shown).map(Number).sort(function (a, b) { return a - b; }).forEach(function (p) {
      if (last >= 0 && p > last + 1) nav.appendChild(el("span", "gap", "…"));
      button(String(p + 1), p, false, p === current);
      last = p;
    });
    button("Next ›", current + 1, current === pages - 1, false);
  }

  function countText(start, shown, total, all) {
    var text = total === 0 ? "No table matches" :
      "Showing " + formatCount(start + 1) + "–" + formatCount(start + shown) + " of " + formatCount(total);
    if (total !== all) text += " (" + formatCount(all) + " in all)";
    return text;
  }

  // ---- The schema page's list ---------------------------------------------------------------------------

  function schemaList() {
    var data = document.getElementById("browse-data");
    var table = document.getElementById("browse-table");
    if (!data || !table) return;
    var entries;
    try { entries = JSON.parse(data.textContent); } catch (e) { return; }
    entries.forEach(function (entry, i) { entry.i = i; entry.lower = entry.n.toLowerCase(); });
    var size = Number(table.getAttribute("data-page-size")) || 100;
    var body = table.tBodies[0];
    var form = document.getElementById("browse");
    var filter = document.getElementById("browse-filter");
    var sort = document.getElementById("browse-sort");
    var kind = document.getElementById("browse-kind");
    var described = document.getElementById("browse-described");
    var pii = document.getElementById("browse-pii");
    var count = document.getElementById("browse-count");
    var pager = document.getElementById("browse-pager");
    var current = 0;
    form.hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function matches() {
      var text = filter.value.trim().toLowerCase();
      var k = kind.value, d = described.value, p = pii.checked;
      return entries.filter(function (e) {
        if (text && e.lower.indexOf(text) < 0) return false;
        if (k && e.k !== k) return false;
        if (d === "yes" && !e.d) return false;
        if (d === "no" && e.d) return false;
        if (p && !e.p) return false;
        return true;
      });
    }

    function sorted(list) {
      var by = sort.value;
      var key = by === "rows" ? function (e) { return e.r === null || e.r === undefined ? -1 : e.r; } :
        by === "columns" ? function (e) { return e.c; } : by === "refs" ? function (e) { return e.f; } : null;
      return list.slice().sort(function (a, b) {
        if (key) {
          var diff = key(b) - key(a);
          if (diff !== 0) return diff;
        }
        return a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.i - b.i;
      });
    }

    function row(e) {
      var tr = el("tr");
      var name = el("td");
      var link = el(e.h ? "a" : "span", "", e.n);
      if (e.h) link.href = e.h;
      name.appendChild(link);
      if (e.p) {
        name.appendChild(document.createTextNode(" "));
        var badge = el("span", "badge pii", "PII");
        badge.title = e.pl || "";
        name.appendChild(badge);
      }
      tr.appendChild(name);
      tr.appendChild(el("td", "", e.kl));
      tr.appendChild(el("td", "num", formatCount(e.c)));
      tr.appendChild(el("td", "num", e.rl));
      tr.appendChild(el("td", "num", formatCount(e.f)));
      var desc = el("td");
      if (e.d) desc.textContent = e.d;
      else desc.appendChild(el("span", "missing", e.w ? "Description pending." : "No description yet."));
      if (e.s) {
        desc.appendChild(document.createTextNode(" "));
        desc.appendChild(el("span", "badge stale", "stale"));
      }
      tr.appendChild(desc);
      return tr;
    }

    function render() {
      var list = sorted(matches());
      var pages = Math.max(1, Math.ceil(list.length / size));
      if (current >= pages) current = pages - 1;
      var start = current * size;
      var slice = list.slice(start, start + size);
      var fragment = document.createDocumentFragment();
      slice.forEach(function (e) { fragment.appendChild(row(e)); });
      while (body.firstChild) body.removeChild(body.firstChild);
      body.appendChild(fragment);
      count.textContent = countText(start, slice.length, list.length, entries.length);
      drawPager(pager, list.length, size, current, function (p) { current = p; render(); });
    }

    function restart() { current = 0; render(); }
    filter.addEventListener("input", restart);
    [sort, kind, described, pii].forEach(function (control) { control.addEventListener("change", restart); });
    // The server rendered the first page in catalog order; draw it once so the order matches the sort.
    render();
  }

  // ---- The personal-data report ---------------------------------------------------------------------------

  function piiReport() {
    var table = document.getElementById("pii-table");
    if (!table) return;
    var select = document.getElementById("pii-kind");
    var count = document.getElementById("pii-count");
    var pager = document.getElementById("pii-pager");
    var size = Number(table.getAttribute("data-page-size")) || 100;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var current = 0;

    function render() {
      var kind = select ? select.value : "";
      var list = rows.filter(function (r) { return kind === "" || r.getAttribute("data-kind") === kind; });
      var pages = Math.max(1, Math.ceil(list.length / size));
      if (current >= pages) current = pages - 1;
      var start = current * size;
      rows.forEach(function (r) { r.hidden = true; });
      list.slice(start, start + size).forEach(function (r) { r.hidden = false; });
      if (count) count.textContent = list.length > size ? countText(start, Math.min(size, list.length - start), list.length, rows.length) : "";
      drawPager(pager, list.length, size, current, function (p) { current = p; render(); });
    }
    if (select) select.addEventListener("change", function () { current = 0; render(); });
    render();
  }

  // ---- Favourites and recently viewed ---------------------------------------------------------------------

  // One key per site, so two sites opened from file:// (one origin in Chromium) keep their lists apart.
  var siteKey = "schema-scribe:" + new URL(root || "./", location.href).href;

  function readStorage() {
    try {
      var text = window.localStorage.getItem(siteKey);
      if (text) return JSON.parse(text);
    } catch (e) { /* storage refused: fall back below */ }
    return null;
  }

  function readWindowName() {
    try {
      var all = JSON.parse(window.name || "{}");
      return all && typeof all === "object" ? all[siteKey] || null : null;
    } catch (e) { return null; }
  }

  function load() {
    var state = readStorage() || readWindowName() || {};
    return {
      starred: Array.isArray(state.starred) ? state.starred : [],
      recent: Array.isArray(state.recent) ? state.recent : [],
    };
  }

  function save(state) {
    var text = JSON.stringify(state);
    try { window.localStorage.setItem(siteKey, text); } catch (e) { /* unavailable: window.name keeps it */ }
    try {
      var all = {};
      try { all = JSON.parse(window.name || "{}") || {}; } catch (e) { all = {}; }
      if (typeof all !== "object") all = {};
      all[siteKey] = state;
      window.name = JSON.stringify(all);
    } catch (e) { /* nothing to keep it in: the star works for this page only */ }
  }

  function without(list, path) {
    return list.filter(function (item) { return item && item.p !== path; });
  }

  function tablePage() {
    var star = document.getElementById("star");
    if (!star || !page) return;
    var item = { n: star.getAttribute("data-name"), p: page };
    var state = load();
    state.recent = [item].concat(without(state.recent, page)).slice(0, RECENT_LIMIT);
    save(state);

    function draw(on) {
      star.setAttribute("aria-pressed", on ? "true" : "false");
      star.textContent = on ? "★ Starred" : "☆ Star";
      star.title = on ? "Remove from the starred tables on the home page" : "Show this table on the home page";
    }
    draw(state.starred.some(function (s) { return s && s.p === page; }));
    star.hidden = false;
    star.addEventListener("click", function () {
      var now = load();
      var on = now.starred.some(function (s) { return s && s.p === page; });
      now.starred = on ? without(now.starred, page) : now.starred.concat([item]);
      save(now);
      draw(!on);
    });
  }

  function homePage() {
    var box = document.getElementById("personal");
    if (!box) return;
    var state = load();
    function fill(listId, boxId, items) {
      var list = document.getElementById(listId);
      items = items.filter(function (item) {
        // Only pages inside this site: a stored path is relative to the root and never climbs out of it.
        return item && typeof item.p === "string" && typeof item.n === "string" &&
          !/^[a-z]+:|^\/|(^|\/)\.\.(\/|$)/i.test(item.p);
      });
      items.forEach(function (item) {
        var li = el("li");
        var a = el("a", "", item.n);
        a.href = root + item.p;
        li.appendChild(a);
        list.appendChild(li);
      });
      document.getElementById(boxId).hidden = items.length === 0;
      return items.length;
    }
    var shown = fill("starred", "starred-box", state.starred) + fill("recent", "recent-box", state.recent);
    box.hidden = shown === 0;
  }

  function start() {
    schemaList();
    piiReport();
    tablePage();
    homePage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
