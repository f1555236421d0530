// Schema Scribe search: loads the prebuilt index on first use and matches as you type.
// The index is a script (search-index.js) rather than fetched JSON so the site works from file://.
(function () {
  "use strict";
  var me = document.currentScript;
  var indexUrl = me.getAttribute("data-index");
  var root = me.getAttribute("data-root") || "";
  var entries = null, loading = false, selected = -1, shown = [], waiting = null;
  var LIMIT = 50;

  // Typing while the index loads must not be lost: the latest request runs once it has arrived.
  function load(then) {
    if (entries) { then(); return; }
    if (window.scribeSearchIndex) { prepare(); then(); return; }
    waiting = then;
    if (loading) return;
    loading = true;
    var s = document.createElement("script");
    s.src = indexUrl;
    s.onload = function () { prepare(); if (waiting) waiting(); waiting = null; };
    s.onerror = function () { loading = false; };
    document.head.appendChild(s);
  }

  function prepare() {
    entries = window.scribeSearchIndex.entries.map(function (e) {
      return { e: e, name: e.n.toLowerCase(), full: (e.c + "." + e.n).toLowerCase(), desc: e.d.toLowerCase(), pii: e.x || "",
               related: (e.r || "").toLowerCase() };
    });
  }

  // Lower score is better: exact name, name prefix, word in name, qualified name, description, then a
  // table related to one of that name (it references it, or is referenced by it).
  function score(item, q) {
    if (item.name === q) return 0;
    if (item.name.indexOf(q) === 0) return 1;
    var i = item.name.indexOf(q);
    if (i > 0) return /[^a-z0-9]/.test(item.name.charAt(i - 1)) ? 2 : 3;
    if (item.full.indexOf(q) >= 0) return 4;
    if (q.length > 2 && item.desc.indexOf(q) >= 0) return 5;
    if (q.length > 2 && item.related.indexOf(q) >= 0) return 6;
    return -1;
  }

  // "pii:" keeps only columns (and tables) holding personal data: "pii:" alone lists them all,
  // "pii:email" those of a kind, "pii:customer" those whose names match.
  function search(q) {
    q = q.trim().toLowerCase();
    var onlyPII = q.indexOf("pii:") === 0;
    if (onlyPII) q = q.slice(4).trim();
    if (!q && !onlyPII) return [];
    var hits = [];
    for (var i = 0; i < entries.length; i++) {
      if (onlyPII && !entries[i].pii) continue;
      var s = q ? score(entries[i], q) : 6;
      if (s < 0 && onlyPII && entries[i].pii.indexOf(q.replace(/ /g, "_")) >= 0) s = 5;
      if (s >= 0) hits.push([s, entries[i].e.k === "column" ? 1 : 0, entries[i].name.length, i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || a[3] - b[3]; });
    return hits.slice(0, LIMIT).map(function (h) { return entries[h[3]].e; });
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;  // textContent: names from the database are never parsed as markup
    return n;
  }

  function render(input, list) {
    var q = input.value;
    shown = search(q);
    selected = shown.length ? 0 : -1;
    list.textContent = "";
    if (!q.trim()) { close(input, list); return; }
    if (!shown.length) {
      list.appendChild(el("li", "empty", "No table or column matches \u201c" + q.trim() + "\u201d"));
    }
    shown.forEach(function (e, i) {
      var li = el("li");
      li.setAttribute("role", "option");
      li.id = "search-result-" + i;
      var a = el("a");
      a.href = root + e.p;
      a.appendChild(el("span", "kind", e.k.replace("_", " ")));
      a.appendChild(el("strong", "", e.n));
      if (e.x) a.appendChild(el("span", "pii", "PII"));
      a.appendChild(el("span", "where", e.c));
      if (e.d) a.appendChild(el("span", "what", e.d));
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
    highlight(input, list);
  }

  function highlight(input, list) {
    var items = list.querySelectorAll("li[role=option]");
    for (var i = 0; i < items.length; i++) items[i].setAttribute("aria-selected", i === selected ? "true" : "false");
    if (selected >= 0 && items[selected]) {
      items[selected].scrollIntoView({ block: "nearest" });
      input.setAttribute("aria-activedescendant", items[selected].id);
    }
  }

  function close(input, list) {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function go(e) {
    var target = root + e.p;
    var here = window.location.href.split("#")[0];
    window.location.href = target;
    // Same page, other anchor: the browser only scrolls, so close the list ourselves.
    if (new URL(target, window.location.href).href.split("#")[0] === here) {
      var list = document.getElementById("search-results");
      close(document.getElementById("search"), list);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () { load(function () { render(input, list); }); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        if (!shown.length) return;
        ev.preventDefault();
        selected = (selected + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
        highlight(input, list);
      } else if (ev.key === "Enter") {
        if (selected >= 0 && shown[selected]) { ev.preventDefault(); go(shown[selected]); }
      } else if (ev.key === "Escape") {
        close(input, list);
        input.blur();
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && document.activeElement !== input) { ev.preventDefault(); input.focus(); }
    });
    document.addEventListener("click", function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) close(input, list);
    });
  });
})();
