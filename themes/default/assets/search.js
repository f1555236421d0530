// Schema Scribe search: loads the prebuilt index on first use and matches as you type.
// The index is scripts (search-index.js and search/columns-N.js) rather than fetched JSON so the site works
// from file://. The core answers a first search alone: tables, views and terms whole, each column as the number
// of its distinct name. Column descriptions arrive in shards afterwards, one script at a time, and the open
// list is drawn again once they are all in. The same matcher drives the dropdown of every page and the full
// results page (search.html).
(function () {
  "use strict";
  var me = document.currentScript;
  var indexUrl = me.getAttribute("data-index");
  var root = me.getAttribute("data-root") || "";
  var LIMIT = 50;        // rows in the dropdown
  var PAGE = 200;        // rows on one page of search.html, so the DOM stays small
  var FEW = 5;           // a query word with fewer exact matches than this also matches names near it
  var FUZZY = 8;         // first tier of typo matches: below every exact match

  // Units are what a search finds, numbered terms first, then tables and views, then columns, in catalog order.
  // `items` are what is scored by name: each term, each table and each distinct column name, once.
  var ix = null, loading = false, waiting = null, complete = false, onComplete = [];
  var selected = -1, shown = [], vocabulary = null;

  // Parts push themselves onto window.scribeSearch, before or after this script runs.
  var parts = window.scribeSearch = window.scribeSearch || [];
  function accept(part) {
    if (part.part === "core" && !ix) prepare(part);
    else if (part.part === "columns" && ix) describe(part);
  }

  // Typing while the index loads must not be lost: the latest request runs once the core has arrived.
  function load(then) {
    if (ix) { then(); return; }
    waiting = then;
    if (loading) return;
    loading = true;
    parts.forEach(accept);
    parts.push = function (part) { accept(part); return 0; };
    if (ix) { arrived(); return; }
    script(indexUrl, arrived, function () { loading = false; });
  }

  function arrived() {
    if (!ix) return;
    if (waiting) waiting();
    waiting = null;
    shards(0);
  }

  function script(src, done, failed) {
    var s = document.createElement("script");
    s.src = src;
    s.onload = done;
    s.onerror = failed || done;
    document.head.appendChild(s);
  }

  // Description shards, one after another so each parse is short and typing stays quick between them.
  function shards(n) {
    if (n >= ix.shards.length) {
      joinDescriptions();
      complete = true;
      onComplete.forEach(function (f) { f(); });
      // Words for typo matching, split while the reader looks at the results, so a typo costs no more than a word.
      (window.requestIdleCallback || setTimeout)(vocab);
      return;
    }
    script(root + ix.shards[n][2], function () { shards(n + 1); });
  }

  function describe(part) {
    for (var i = 0; i < part.descriptions.length; i++) {
      ix.desc[part.from + i] = part.descriptions[i];
      ix.descLower[part.from + i] = part.descriptions[i].toLowerCase();
    }
  }

  // Every column description in one string, so a query word is found by a few indexOf calls over it rather
  // than one call per column: hits are mapped back to columns through the start offsets.
  function joinDescriptions() {
    var starts = new Int32Array(ix.C + 1), at = 0;
    for (var i = 0; i < ix.C; i++) { starts[i] = at; at += (ix.descLower[i] || "").length + 1; }
    starts[ix.C] = at;
    ix.descJoined = ix.descLower.join("\u0000");
    ix.descStarts = starts;
  }

  function descriptionHits(q) {
    var hits = new Uint8Array(ix.C), text = ix.descJoined, starts = ix.descStarts;
    for (var i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
      var lo = 0, hi = ix.C - 1;
      while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= i) lo = mid; else hi = mid - 1; }
      hits[lo] = 1;
      i = starts[lo + 1] - 1;   // on to the next column's text
    }
    return hits;
  }

  // Cheap on purpose: the first search waits for this. Word splitting happens only when a typo needs it.
  function prepare(core) {
    var M = core.terms.length, T = core.tables.length, C = core.columns.length, i, j;
    var items = [], tableOf = new Int32Array(C), nameOf = new Int32Array(C), tableFull = [], tableName = [];
    core.terms.forEach(function (t, n) {
      items.push({ unit: n, n: t[0], name: t[0].toLowerCase(), full: (t[1] + "." + t[0]).toLowerCase(), desc: t[3].toLowerCase(),
                   pii: "", related: "" });
    });
    var column = 0;
    core.tables.forEach(function (t, n) {
      var place = t[2] === null ? "" : core.schemas[t[2]];
      tableName.push(t[1]);
      tableFull.push((place + "." + t[1]).toLowerCase());
      items.push({ unit: M + n, n: t[1], name: t[1].toLowerCase(), full: tableFull[n], desc: t[4].toLowerCase(), pii: t[5],
                   related: t[6].toLowerCase() });
      for (j = 0; j < t[7]; j++, column++) tableOf[column] = n;
    });
    var names = core.names.map(function (pair) { return { n: pair[0], name: pair[0].toLowerCase(), anchor: pair[1] }; });
    for (i = 0; i < C; i++) nameOf[i] = core.columns[i];
    var anchors = new Map(), pii = new Map();
    core.anchors.forEach(function (a) { anchors.set(a[0], a[1]); });
    core.pii.forEach(function (p) { pii.set(p[0], p[1]); });
    ix = { core: core, M: M, T: T, C: C, items: items, names: names, tableOf: tableOf, nameOf: nameOf,
           tableFull: tableFull, tableName: tableName, anchors: anchors, pii: pii, shards: core.shards,
           desc: new Array(C), descLower: new Array(C) };
  }

  // The entry shown for a unit, built only for the rows on screen.
  function entry(u) {
    var core = ix.core;
    if (u < ix.M) { var term = core.terms[u]; return { k: "term", n: term[0], c: term[1], p: term[2], d: term[3] }; }
    if (u < ix.M + ix.T) {
      var t = core.tables[u - ix.M];
      return { k: t[0], n: t[1], c: t[2] === null ? "" : core.schemas[t[2]], p: t[3], d: t[4], x: t[5] || undefined, s: t[2] };
    }
    var c = u - ix.M - ix.T, table = core.tables[ix.tableOf[c]], name = ix.names[ix.nameOf[c]];
    var anchor = ix.anchors.has(c) ? ix.anchors.get(c) : name.anchor;
    return { k: "column", n: name.n, c: (table[2] === null ? "" : core.schemas[table[2]]) + "." + table[1],
             p: anchor ? table[3] + "#" + anchor : table[3], d: ix.desc[c] || "", x: ix.pii.get(c), s: table[2] };
  }

  function unitName(u) {
    if (u < ix.M + ix.T) return ix.items[u].name;
    return ix.names[ix.nameOf[u - ix.M - ix.T]].name;
  }

  // The lowercase words of an identifier: snake_case, camelCase, PascalCase, acronyms (HTTPServer), digits.
  function words(name) {
    return name.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2")
      .toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w; });
  }

  // Whether a match at i in the lowercased name starts a word of the original (after _ . - or a camel hump).
  function startsWord(item, i) {
    var before = item.name.charAt(i - 1);
    if (/[^\p{L}\p{N}]/u.test(before)) return true;
    var original = item.n;
    if (original.length !== item.name.length) return false;
    var a = original.charAt(i - 1), b = original.charAt(i);
    return (/[\p{Ll}\p{N}]/u.test(a) && /\p{Lu}/u.test(b)) ||
      (/\p{Lu}/u.test(a) && /\p{Lu}/u.test(b) && /\p{Ll}/u.test(original.charAt(i + 1)));
  }

  // Lower is better: 0 exact name, 1 name prefix, 2 a word of the name, 3 inside the name; -1 elsewhere.
  function nameScore(item, q) {
    if (item.name === q) return 0;
    var i = item.name.indexOf(q);
    if (i === 0) return 1;
    if (i < 0) return -1;
    while (i > 0) {
      if (startsWord(item, i)) return 2;
      i = item.name.indexOf(q, i + 1);
    }
    return 3;
  }

  // Then 4 the qualified name, 5 the description, 6 a table related to one of that name (it references it,
  // or is referenced by it).
  function score(item, q) {
    var s = nameScore(item, q);
    if (s >= 0) return s;
    if (item.full.indexOf(q) >= 0) return 4;
    if (q.length > 2 && item.desc.indexOf(q) >= 0) return 5;
    if (q.length > 2 && item.related.indexOf(q) >= 0) return 6;
    return -1;
  }

  // A query word scored once over the distinct column names and the tables, so each column costs two lookups.
  function token(q) {
    var names = new Int8Array(ix.names.length), tables = new Int8Array(ix.T), i;
    for (i = 0; i < ix.names.length; i++) names[i] = nameScore(ix.names[i], q);
    for (i = 0; i < ix.T; i++) tables[i] = ix.tableFull[i].indexOf(q) >= 0 ? 1 : 0;
    var long = q.length > 2;
    return { q: q, names: names, tables: tables, dotted: q.indexOf(".") >= 0, long: long,
             descriptions: long && ix.descJoined !== undefined ? descriptionHits(q) : null };
  }

  // A column's score for a query word: its name, then its table's qualified name (a word without a dot lies
  // in the table's part or the column's), then its description once that has arrived.
  function columnScore(c, tk) {
    var s = tk.names[ix.nameOf[c]];
    if (s >= 0) return s;
    var t = ix.tableOf[c];
    if (tk.tables[t] || (tk.dotted && (ix.tableFull[t] + "." + ix.names[ix.nameOf[c]].name).indexOf(tk.q) >= 0)) return 4;
    if (tk.descriptions ? tk.descriptions[c] : tk.long && ix.descLower[c] !== undefined && ix.descLower[c].indexOf(tk.q) >= 0) return 5;
    return -1;
  }

  function unitScore(u, tk) {
    return u < ix.M + ix.T ? score(ix.items[u], tk.q) : columnScore(u - ix.M - ix.T, tk);
  }

  function unitPII(u) {
    if (u < ix.M) return "";
    if (u < ix.M + ix.T) return ix.items[u].pii;
    return ix.pii.get(u - ix.M - ix.T) || "";
  }

  // Every distinct word of every name, once per page load: word → groups of units, and words by length and
  // first letter. Names repeat (id, created_at on every table), so each distinct name is split once.
  function vocab() {
    if (vocabulary) return vocabulary;
    var byName = new Map(), i;
    function add(name, units) {
      var same = byName.get(name);
      if (same) same.push(units); else byName.set(name, [units]);
    }
    for (i = 0; i < ix.M + ix.T; i++) add(ix.items[i].n, [i]);
    var postings = ix.names.map(function () { return []; });
    for (i = 0; i < ix.C; i++) postings[ix.nameOf[i]].push(ix.M + ix.T + i);
    ix.names.forEach(function (name, n) { add(name.n, postings[n]); });
    var byWord = new Map();
    byName.forEach(function (groups, name) {
      var units = groups.length === 1 ? groups[0] : [].concat.apply([], groups);
      var ws = words(name);
      if (ws.length > 1) ws.push(name.toLowerCase());   // the whole name too: "custmerid" finds customer_id
      for (var j = 0; j < ws.length; j++) {
        var list = byWord.get(ws[j]);
        if (!list) byWord.set(ws[j], [units]); else if (list[list.length - 1] !== units) list.push(units);
      }
    });
    var byLength = [], byFirst = new Map();
    byWord.forEach(function (_, w) {
      (byLength[w.length] || (byLength[w.length] = [])).push(w);
      var f = w.charAt(0);
      (byFirst.get(f) || byFirst.set(f, []).get(f)).push(w);
    });
    vocabulary = { byWord: byWord, byLength: byLength, byFirst: byFirst };
    return vocabulary;
  }

  // Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), given up past max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
          d = Math.min(d, prev2[j - 2] + 1);
        }
        cur[j] = d;
        if (d < least) least = d;
      }
      if (least > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }

  function allowed(word) { return word.length < 4 ? 0 : word.length <= 7 ? 1 : 2; }

  // Names with a word near `word`: groups of units with their tier (FUZZY + 2 × (typos − 1) for a whole word, one more
  // for a word's start), and the words found, to highlight. Only words of a length within 2, or with the same
  // first letter, are compared.
  function near(word) {
    var max = allowed(word), groups = [], matched = [];
    if (!max) return { groups: groups, words: matched };
    var v = vocab(), seen = new Set();
    function consider(w) {
      if (seen.has(w) || w === word) return;
      seen.add(w);
      // One typo ranks above two; a whole word above a word's start at the same distance.
      var d = distance(word, w, max), tier = d <= max ? FUZZY + 2 * (d - 1) : -1, shown = w;
      if (d > 1 && w.length > word.length) {
        for (var n = word.length - 1; n <= word.length + 1 && n < w.length; n++) {
          var start = distance(word, w.slice(0, n), max);
          if (start <= max && (tier < 0 || FUZZY + 2 * (start - 1) + 1 < tier)) { tier = FUZZY + 2 * (start - 1) + 1; shown = w.slice(0, n); }
        }
      }
      if (tier < 0) return;
      matched.push(shown);
      v.byWord.get(w).forEach(function (indices) { groups.push({ indices: indices, tier: tier }); });
    }
    for (var len = word.length - 2; len <= word.length + 2; len++) (v.byLength[len] || []).forEach(consider);
    (v.byFirst.get(word.charAt(0)) || []).forEach(consider);
    return { groups: groups, words: matched };
  }

  // Entry index → best typo tier, from near()'s groups.
  function tierMap(found) {
    var tiers = new Map();
    found.groups.forEach(function (g) {
      g.indices.forEach(function (i) { if (!tiers.has(i) || tiers.get(i) > g.tier) tiers.set(i, g.tier); });
    });
    return tiers;
  }

  // All matches of a query, best first: {total, results (the first `limit`, or all when 0), terms to highlight}.
  // "pii:" keeps only columns (and tables) holding personal data: "pii:" alone lists them all,
  // "pii:email" those of a kind, "pii:customer" those whose names match.
  function search(query, limit) {
    var q = query.trim().toLowerCase();
    var onlyPII = q.indexOf("pii:") === 0;
    if (onlyPII) q = q.slice(4).trim();
    var none = { total: 0, results: [], terms: [] };
    if (!q && !onlyPII) return none;
    var words_ = q ? q.split(/\s+/) : [];
    var tokens = words_.map(token), whole = q ? token(q) : null, kind = q.replace(/ /g, "_");
    var terms = words_.slice();
    var units = ix.M + ix.T + ix.C;
    var tiers = new Int8Array(units).fill(-1), total = 0, u;
    for (u = 0; u < units; u++) {
      var pii = onlyPII ? unitPII(u) : "";
      if (onlyPII && !pii) continue;
      var s = whole ? unitScore(u, whole) : 6;
      if (s < 0 && tokens.length > 1) {         // every word somewhere, ranked by the weakest
        s = 0;
        for (var t = 0; t < tokens.length && s >= 0; t++) { var st = unitScore(u, tokens[t]); s = st < 0 ? -1 : Math.max(s, st); }
      }
      if (s < 0 && onlyPII && pii.indexOf(kind) >= 0) s = 5;
      if (s >= 0) { tiers[u] = s; total++; }
    }
    if (total < FEW && tokens.length) {
      // Typos: each word with few matches may also be any name word near it; other words must still match.
      var near_ = tokens.map(function (tk) {
        var exact = 0;
        if (tokens.length === 1) exact = total;
        else for (var k = 0; k < units && exact < FEW; k++) if (unitScore(k, tk) >= 0) exact++;
        return exact < FEW ? near(tk.q) : null;
      });
      near_.forEach(function (n) { if (n) terms = terms.concat(n.words); });
      if (tokens.length === 1) {
        // One word: every name near it is a match, however many (a common word misspelt finds them all).
        near_[0].groups.forEach(function (g) {
          g.indices.forEach(function (i) {
            if (tiers[i] < 0 && !(onlyPII && !unitPII(i))) { tiers[i] = g.tier; total++; }
            else if (tiers[i] > g.tier && tiers[i] >= FUZZY) tiers[i] = g.tier;
          });
        });
      } else {
        var maps = near_.map(function (n) { return n ? tierMap(n) : null; }), candidates = new Set();
        maps.forEach(function (m) { if (m) m.forEach(function (_, i) { candidates.add(i); }); });
        candidates.forEach(function (i) {
          if (tiers[i] >= 0 || (onlyPII && !unitPII(i))) return;
          var worst = -1;
          for (var w = 0; w < tokens.length; w++) {
            var ts = unitScore(i, tokens[w]);
            if (ts < 0 && maps[w] && maps[w].has(i)) ts = maps[w].get(i);
            if (ts < 0) { worst = -1; break; }
            worst = Math.max(worst, ts);
          }
          if (worst >= 0) { tiers[i] = Math.max(worst, FUZZY); total++; }
        });
      }
    }
    var hits = [];
    for (u = 0; u < units; u++) if (tiers[u] >= 0) hits.push(u);
    // Ties by shorter name, then alphabetically, tables before columns of the same name. Strings are compared
    // only among the rows shown: a numeric cut first, so a one-letter query over 100k names stays fast.
    var keys = new Float64Array(hits.length), column = ix.M + ix.T;
    for (u = 0; u < hits.length; u++) keys[u] = tiers[hits[u]] * 65536 + Math.min(unitName(hits[u]).length, 65535);
    var order = [];
    if (limit && hits.length > limit) {
      var cut = keys.slice().sort()[limit - 1];
      for (u = 0; u < hits.length; u++) if (keys[u] <= cut) order.push(u);
    } else {
      for (u = 0; u < hits.length; u++) order.push(u);
    }
    order.sort(function (a, b) {
      var x = unitName(hits[a]), y = unitName(hits[b]);
      return keys[a] - keys[b] || (x < y ? -1 : x > y ? 1 : 0) || (hits[a] >= column) - (hits[b] >= column) || a - b;
    });
    hits = order.map(function (n) { return hits[n]; });
    if (limit) hits = hits.slice(0, limit);
    return { total: total, results: hits.map(entry), terms: terms };
  }

  function el(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text) n.textContent = text;  // textContent: names from the database are never parsed as markup
    return n;
  }

  // `text` with each occurrence of a term in a <mark>, built from text nodes: nothing from data is parsed.
  function marked(tag, cls, text, terms) {
    var node = el(tag, cls), lower = text.toLowerCase(), spans = [];
    if (lower.length === text.length) {
      terms.forEach(function (t) {
        if (!t) return;
        for (var i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length)) spans.push([i, i + t.length]);
      });
    }
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) { if (s[1] > at) s = [at, s[1]]; else return; }
      if (s[0] > at) node.appendChild(document.createTextNode(text.slice(at, s[0])));
      node.appendChild(el("mark", "", text.slice(s[0], s[1])));
      at = s[1];
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function resultLink(e, terms) {
    var a = el("a");
    a.href = root + e.p;
    a.appendChild(el("span", "kind", e.k.replace("_", " ")));
    a.appendChild(marked("strong", "", e.n, terms));
    if (e.x) a.appendChild(el("span", "pii", "PII"));
    a.appendChild(marked("span", "where", e.c, terms));
    if (e.d) a.appendChild(marked("span", "what", e.d, terms));
    return a;
  }

  function count(n) { return n.toLocaleString("en-US") + (n === 1 ? " result" : " results"); }

  function pageLink(q) { return root + "search.html?q=" + encodeURIComponent(q.trim()); }

  function render(input, list) {
    var q = input.value;
    var found = search(q, LIMIT);
    shown = found.results;
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
      li.appendChild(resultLink(e, []));
      list.appendChild(li);
    });
    if (shown.length) {
      var more = el("li", "more");
      more.setAttribute("role", "presentation");
      // Until every description shard is in, matches by column description may still be missing.
      more.appendChild(el("span", "count", (found.total > shown.length ? shown.length + " of " + count(found.total) : count(found.total))
        + (complete ? "" : " so far")));
      var all = el("a", "all", "see all results");
      all.href = pageLink(q);
      more.appendChild(all);
      list.appendChild(more);
    }
    list.hidden = false;
    list.setAttribute("data-complete", complete ? "true" : "false");
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

  // search.html: every result of ?q=, filtered by kind and schema, one page of rows at a time.
  function resultsPage(page) {
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "", kind = params.get("kind") || "", schema = params.get("schema") || "";
    var box = document.getElementById("search-query"), kinds = document.getElementById("search-kind");
    var places = document.getElementById("search-schema"), summary = document.getElementById("search-count");
    var list = document.getElementById("search-list"), pager = document.getElementById("search-pager");
    box.value = q;
    function run() {
      var everything = search(q, 0);
      // Filters offer what the query found, with counts.
      // Kinds alphabetically, schemas in the catalog's order.
      function options(select, values, chosen, label, order) {
        select.textContent = "";
        select.appendChild(el("option", "", label)).value = "";
        Object.keys(values).sort(order).forEach(function (v) {
          var o = el("option", "", values[v].label + " (" + values[v].n + ")");
          o.value = v;
          if (v === chosen) o.selected = true;
          select.appendChild(o);
        });
      }
      var byKind = {}, bySchema = {};
      everything.results.forEach(function (e) {
        (byKind[e.k] || (byKind[e.k] = { label: e.k === "term" ? "glossary term" : e.k.replace("_", " "), n: 0 })).n++;
        var s = e.s === undefined ? "" : String(e.s);
        if (s) (bySchema[s] || (bySchema[s] = { label: ix.core.schemas[e.s] || s, n: 0 })).n++;
      });
      options(kinds, byKind, kind, "every kind");
      options(places, bySchema, schema, "every schema", function (a, b) { return a - b; });
      var start = 0, rows = [];
      function show() {
        list.textContent = "";
        pager.textContent = "";
        rows.slice(start, start + PAGE).forEach(function (e) {
          var li = el("li");
          li.appendChild(resultLink(e, everything.terms));
          list.appendChild(li);
        });
        var shownTo = Math.min(start + PAGE, rows.length);
        summary.textContent = !q.trim() ? "Type a name to search." : rows.length === 0 ? "No table or column matches \u201c" + q.trim() + "\u201d."
          : rows.length > PAGE ? (start + 1) + "\u2013" + shownTo + " of " + count(rows.length) : count(rows.length);
        if (start > 0) pager.appendChild(button("\u2190 Previous", function () { start -= PAGE; show(); }));
        if (shownTo < rows.length) pager.appendChild(button("Next " + Math.min(PAGE, rows.length - shownTo) + " \u2192", function () { start += PAGE; show(); }));
      }
      function button(label, then) {
        var b = el("button", "", label);
        b.type = "button";
        b.addEventListener("click", function () { then(); window.scrollTo(0, 0); });
        return b;
      }
      function filter() {
        kind = kinds.value; schema = places.value;
        rows = everything.results.filter(function (e) {
          return (!kind || e.k === kind) && (!schema || String(e.s) === schema);
        });
        start = 0;
        show();
        try {
          var next = new URLSearchParams({ q: q });
          if (kind) next.set("kind", kind);
          if (schema) next.set("schema", schema);
          window.history.replaceState(null, "", "?" + next.toString());
        } catch (ignored) { /* some browsers refuse history changes for file:// pages */ }
      }
      kinds.onchange = filter;
      places.onchange = filter;
      filter();
      page.setAttribute("data-ready", complete ? "true" : "partial");
    }
    // Drawn as soon as the core is in, and again with description matches once every shard is.
    onComplete.push(run);
    load(run);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.getElementById("search-page");
    if (page) resultsPage(page);
    var input = document.getElementById("search");
    var list = document.getElementById("search-results");
    if (!input || !list) return;
    onComplete.push(function () { if (!list.hidden && input.value.trim()) render(input, list); });
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
        else if (input.value.trim()) { ev.preventDefault(); window.location.href = pageLink(input.value); }
      } else if (ev.key === "Escape") {
        close(input, list);
        input.blur();
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "/" && document.activeElement !== input && document.activeElement.tagName !== "INPUT") {
        ev.preventDefault(); input.focus();
      }
    });
    document.addEventListener("click", function (ev) {
      if (!list.contains(ev.target) && ev.target !== input) close(input, list);
    });
  });
})();
