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

  function countText(start, shown, total, all, none) {
    var text = total === 0 ? none || "No table matches" :
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

  // Every row is in #pii-data; the HTML holds only the first page, so the DOM stays small at any size.
  function piiReport() {
    var table = document.getElementById("pii-table");
    var data = document.getElementById("pii-data");
    if (!table || !data) return;
    var rows;
    try { rows = JSON.parse(data.textContent); } catch (e) { return; }
    var select = document.getElementById("pii-kind");
    var count = document.getElementById("pii-count");
    var pager = document.getElementById("pii-pager");
    var more = document.getElementById("pii-more");
    if (more) more.hidden = true;
    var size = Number(table.getAttribute("data-page-size")) || 100;
    var body = table.tBodies[0];
    var current = 0;

    function link(text, href, code) {
      var inner = code ? el("code", "", text) : document.createTextNode(text);
      if (!href) return inner;
      var a = el("a");
      a.href = href;
      a.appendChild(inner);
      return a;
    }

    function row(r) {
      var tr = el("tr");
      tr.setAttribute("data-kind", r.k);
      tr.appendChild(el("td")).appendChild(link(r.t, r.th, false));
      tr.appendChild(el("td")).appendChild(link(r.c, r.h, true));
      tr.appendChild(el("td")).appendChild(el("span", "badge pii", r.kl));
      tr.appendChild(el("td", "num", r.f));
      tr.appendChild(el("td", "small", r.w));
      return tr;
    }

    function render() {
      var kind = select ? select.value : "";
      var list = rows.filter(function (r) { return kind === "" || r.k === kind; });
      var pages = Math.max(1, Math.ceil(list.length / size));
      if (current >= pages) current = pages - 1;
      var start = current * size;
      var fragment = document.createDocumentFragment();
      list.slice(start, start + size).forEach(function (r) { fragment.appendChild(row(r)); });
      while (body.firstChild) body.removeChild(body.firstChild);
      body.appendChild(fragment);
      if (count) count.textContent = list.length > size ? countText(start, Math.min(size, list.length - start), list.length, rows.length) : "";
      drawPager(pager, list.length, size, current, function (p) { current = p; render(); });
    }
    if (select) select.addEventListener("change", function () { current = 0; render(); });
    render();
  }

  // ---- A term's uses ---------------------------------------------------------------------------------------

  // Every use is in #used-by-data as [label, href]; the HTML holds the first page.
  function termUses() {
    var list = document.getElementById("used-by-list");
    var data = document.getElementById("used-by-data");
    if (!list || !data) return;
    var uses;
    try { uses = JSON.parse(data.textContent); } catch (e) { return; }
    uses.forEach(function (use, i) { use.i = i; use.lower = use[0].toLowerCase(); });
    var form = document.getElementById("used-by-form");
    var filter = document.getElementById("used-by-filter");
    var count = document.getElementById("used-by-count");
    var pager = document.getElementById("used-by-pager");
    var more = document.getElementById("used-by-more");
    var size = Number(list.getAttribute("data-page-size")) || 100;
    var current = 0;
    form.hidden = false;
    if (more) more.hidden = true;
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function render() {
      var text = filter.value.trim().toLowerCase();
      var matching = text ? uses.filter(function (u) { return u.lower.indexOf(text) >= 0; }) : uses;
      var pages = Math.max(1, Math.ceil(matching.length / size));
      if (current >= pages) current = pages - 1;
      var start = current * size;
      var slice = matching.slice(start, start + size);
      var fragment = document.createDocumentFragment();
      slice.forEach(function (u) {
        var li = el("li");
        var a = el(u[1] ? "a" : "span", "", u[0]);
        if (u[1]) a.href = u[1];
        li.appendChild(a);
        fragment.appendChild(li);
      });
      while (list.firstChild) list.removeChild(list.firstChild);
      list.appendChild(fragment);
      count.textContent = countText(start, slice.length, matching.length, uses.length, "No use matches");
      drawPager(pager, matching.length, size, current, function (p) { current = p; render(); });
    }
    filter.addEventListener("input", function () { current = 0; render(); });
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
    termUses();
    tablePage();
    homePage();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
