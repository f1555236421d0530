// Diagrams: every figure.erd holding an inline graphviz SVG gets a toolbar (zoom, fit, reset, depth 1 or 2,
// show hidden tables, download), drag to pan, wheel or pinch to zoom around the pointer, keyboard + − 0, and
// hovering or focusing a table highlights its relationships and neighbours. Clicking a table follows graphviz's
// own link; alt-click or the × on a table hides it. It reads graphviz's markup only (g.node and g.edge, named by
// their <title>: `t3`, `t0:e->t3:w` or `t0->t3`), sets text with textContent, and needs no network.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var XLINK = "http://www.w3.org/1999/xlink";
  var STEP = 1.25;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, title, action) {
    var b = el("button", "", label);
    b.type = "button";
    b.title = title;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", action);
    return b;
  }

  // The DOT node name at each end of an edge's title: "t0:e->t3:w" → ["t0", "t3"].
  function ends(title) {
    var parts = title.split("->");
    if (parts.length !== 2) return null;
    return [parts[0].split(":")[0].trim(), parts[1].split(":")[0].trim()];
  }

  function titleOf(g) {
    var t = g.querySelector("title");
    return t ? t.textContent : "";
  }

  function enhance(figure) {
    var svg = figure.querySelector(":scope > svg");
    if (!svg || figure.getAttribute("data-erd") === "ready") return;
    figure.setAttribute("data-erd", "ready");
    if (!figure.hasAttribute("tabindex")) figure.tabIndex = 0;
    var template = figure.id ? document.querySelector('template.erd-depth[data-for="' + figure.id + '"]') : null;
    var diagrams = { 1: svg, 2: null };
    var depth = 1;
    var nodes, edges, home, view, hidden;

    // ---- The graph as graphviz drew it ----------------------------------------------------------------

    function index() {
      nodes = {};
      edges = [];
      hidden = {};
      Array.prototype.forEach.call(svg.querySelectorAll("g.node"), function (g) {
        nodes[titleOf(g)] = { g: g, edges: [] };
      });
      Array.prototype.forEach.call(svg.querySelectorAll("g.edge"), function (g) {
        var names = ends(titleOf(g));
        if (!names || !nodes[names[0]] || !nodes[names[1]]) return;
        var edge = { g: g, from: names[0], to: names[1] };
        edges.push(edge);
        nodes[edge.from].edges.push(edge);
        if (edge.to !== edge.from) nodes[edge.to].edges.push(edge);
      });
      var box = (svg.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
      if (box.length !== 4 || box.some(isNaN)) {
        var b = svg.getBBox();
        box = [b.x, b.y, b.width, b.height];
      }
      home = { x: box[0], y: box[1], w: box[2], h: box[3] };
      view = { x: home.x, y: home.y, w: home.w, h: home.h };
      draw();
    }

    function draw() {
      svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (n) { return n.toFixed(2); }).join(" "));
    }

    function nameOf(target) {
      var g = target && target.closest ? target.closest("g.node") : null;
      return g && svg.contains(g) ? titleOf(g) : null;
    }

    // ---- Zoom and pan -------------------------------------------------------------------------------------

    // A point on the screen in the SVG's own units (those of its viewBox).
    function toSVG(clientX, clientY) {
      var m = svg.getScreenCTM();
      if (!m) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      var p = svg.createSVGPoint();
      p.x = clientX;
      p.y = clientY;
      return p.matrixTransform(m.inverse());
    }

    function zoom(factor, clientX, clientY) {
      var r = svg.getBoundingClientRect();
      var at = clientX === undefined ? toSVG(r.left + r.width / 2, r.top + r.height / 2) : toSVG(clientX, clientY);
      var scale = home.w / (view.w / factor);
      if (scale < 0.2 || scale > 20) return;
      view = { x: at.x - (at.x - view.x) / factor, y: at.y - (at.y - view.y) / factor, w: view.w / factor, h: view.h / factor };
      draw();
    }

    function panBy(dx, dy) {
      var m = svg.getScreenCTM();
      var s = m ? m.a : 1;
      view.x -= dx / s;
      view.y -= dy / s;
      draw();
    }

    function reset() {
      view = { x: home.x, y: home.y, w: home.w, h: home.h };
      draw();
    }

    // Fits the tables still shown, with a margin, keeping the diagram's proportions.
    function fit() {
      var box = null;
      Object.keys(nodes).forEach(function (name) {
        if (hidden[name]) return;
        var r = nodes[name].g.getBoundingClientRect();
        var a = toSVG(r.left, r.top), b = toSVG(r.right, r.bottom);
        box = box ? { x1: Math.min(box.x1, a.x), y1: Math.min(box.y1, a.y), x2: Math.max(box.x2, b.x), y2: Math.max(box.y2, b.y) }
          : { x1: a.x, y1: a.y, x2: b.x, y2: b.y };
      });
      if (!box) return reset();
      var pad = 8, w = box.x2 - box.x1 + 2 * pad, h = box.y2 - box.y1 + 2 * pad;
      var aspect = home.w / home.h;
      if (w / h < aspect) w = h * aspect; else h = w / aspect;
      view = { x: (box.x1 + box.x2) / 2 - w / 2, y: (box.y1 + box.y2) / 2 - h / 2, w: w, h: h };
      draw();
    }

    // ---- Highlight, hide ----------------------------------------------------------------------------------

    function highlight(name) {
      clearHighlight();
      if (!name || !nodes[name] || hidden[name]) return;
      figure.classList.add("erd-focus");
      nodes[name].g.classList.add("erd-active");
      nodes[name].edges.forEach(function (edge) {
        if (hidden[edge.from] || hidden[edge.to]) return;
        edge.g.classList.add("erd-active");
        var other = edge.from === name ? edge.to : edge.from;
        if (other !== name) nodes[other].g.classList.add("erd-neighbour");
      });
      closer(nodes[name].g);
    }

    function clearHighlight() {
      figure.classList.remove("erd-focus");
      Array.prototype.forEach.call(svg.querySelectorAll(".erd-active, .erd-neighbour"), function (g) {
        g.classList.remove("erd-active", "erd-neighbour");
      });
    }

    function hide(name) {
      if (!nodes[name]) return;
      hidden[name] = true;
      nodes[name].g.classList.add("erd-hidden");
      nodes[name].edges.forEach(function (edge) { edge.g.classList.add("erd-hidden"); });
      clearHighlight();
      showAll.hidden = false;
    }

    function unhideAll() {
      hidden = {};
      Array.prototype.forEach.call(svg.querySelectorAll(".erd-hidden"), function (g) { g.classList.remove("erd-hidden"); });
      showAll.hidden = true;
    }

    // The × that hides a table, drawn once in the table's corner, outside graphviz's link.
    function closer(g) {
      if (g.querySelector(".erd-close")) return;
      var box = g.getBBox();
      var mark = document.createElementNS(SVG, "g");
      mark.setAttribute("class", "erd-close");
      mark.setAttribute("role", "button");
      var circle = document.createElementNS(SVG, "circle");
      circle.setAttribute("cx", String(box.x + box.width - 1));
      circle.setAttribute("cy", String(box.y + 1));
      circle.setAttribute("r", "6");
      var cross = document.createElementNS(SVG, "text");
      cross.setAttribute("x", String(box.x + box.width - 1));
      cross.setAttribute("y", String(box.y + 4.5));
      cross.setAttribute("text-anchor", "middle");
      cross.textContent = "×";
      var tip = document.createElementNS(SVG, "title");
      tip.textContent = "Hide this table";
      mark.appendChild(tip);
      mark.appendChild(circle);
      mark.appendChild(cross);
      mark.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        hide(titleOf(g));
      });
      g.appendChild(mark);
    }

    // ---- Depth, download ----------------------------------------------------------------------------------

    function setDepth(next) {
      if (next === depth || (next === 2 && !template)) return;
      if (!diagrams[next]) diagrams[next] = document.importNode(template.content, true).querySelector("svg");
      if (!diagrams[next]) return;
      figure.replaceChild(diagrams[next], svg);
      svg = diagrams[next];
      depth = next;
      depthButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.getAttribute("data-depth")) === depth)); });
      unhideAll();
      clearHighlight();
      index();
    }

    // The diagram as it is shown (this depth, without hidden tables), whole, as a standalone SVG file.
    function svgFile() {
      var copy = svg.cloneNode(true);
      copy.setAttribute("viewBox", [home.x, home.y, home.w, home.h].join(" "));
      Array.prototype.forEach.call(copy.querySelectorAll(".erd-hidden, .erd-close"), function (g) { g.parentNode.removeChild(g); });
      Array.prototype.forEach.call(copy.querySelectorAll("a"), function (a) {
        var href = a.getAttributeNS(XLINK, "href") || a.getAttribute("href");
        // Links resolve from this page, so a saved file still opens the tables' pages.
        if (href) a.setAttributeNS(XLINK, "xlink:href", new URL(href, document.baseURI).href);
      });
      copy.setAttribute("xmlns", SVG);
      copy.setAttribute("xmlns:xlink", XLINK);
      var text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy) + "\n";
      return new Blob([text], { type: "image/svg+xml" });
    }

    function fileName() {
      var base = figure.getAttribute("data-file") || document.title.split(" · ")[0] || "diagram";
      base = base.replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "diagram";
      return base + (depth === 2 ? "-depth-2" : "") + ".svg";
    }

    // ---- Toolbar and events -----------------------------------------------------------------------------

    var tools = el("div", "erd-tools");
    tools.setAttribute("role", "toolbar");
    tools.setAttribute("aria-label", "Diagram");
    tools.appendChild(button("+", "Zoom in (+)", function () { zoom(STEP); }));
    tools.appendChild(button("−", "Zoom out (−)", function () { zoom(1 / STEP); }));
    tools.appendChild(button("Fit", "Fit the tables shown", fit));
    tools.appendChild(button("Reset", "Back to the whole diagram (0)", reset));
    var depthButtons = [];
    if (template) {
      var group = el("span", "erd-depth");
      group.appendChild(el("span", "", "Depth"));
      [1, 2].forEach(function (d) {
        var b = button(String(d), d === 1 ? "Tables related to this one" : "And the tables related to those", function () { setDepth(d); });
        b.setAttribute("data-depth", String(d));
        b.setAttribute("aria-pressed", String(d === 1));
        depthButtons.push(b);
        group.appendChild(b);
      });
      tools.appendChild(group);
    }
    var showAll = button("Show all", "Show the hidden tables again", function () { unhideAll(); });
    showAll.hidden = true;
    tools.appendChild(showAll);
    var download = el("a", "erd-download", "Download SVG");
    download.href = "#";
    download.title = "Download this diagram as an SVG file";
    download.addEventListener("click", function () {
      if (download.href.indexOf("blob:") === 0) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(svgFile());
      download.download = fileName();
    });
    tools.appendChild(download);
    tools.appendChild(el("span", "erd-hint", "Drag to move · ctrl+wheel or + − to zoom · alt-click hides a table"));
    figure.insertBefore(tools, figure.firstChild);

    // A drag pans; a click after one is not a click on a table.
    var drag = null, dragged = false, pointers = {}, pinch = null;
    figure.addEventListener("pointerdown", function (event) {
      if (!svg.contains(event.target) || event.button !== 0) return;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = Math.hypot(a.x - b.x, a.y - b.y);
        drag = null;
      } else {
        drag = { x: event.clientX, y: event.clientY };
        dragged = false;
      }
    });
    window.addEventListener("pointermove", function (event) {
      if (!pointers[event.pointerId]) return;
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var ids = Object.keys(pointers);
      if (pinch && ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]], distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (distance > 0) zoom(distance / pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
        pinch = distance;
        dragged = true;
        return;
      }
      if (!drag) return;
      var dx = event.clientX - drag.x, dy = event.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!dragged) figure.classList.add("erd-dragging");
      dragged = true;
      panBy(dx, dy);
      drag = { x: event.clientX, y: event.clientY };
    });
    function release(event) {
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
      drag = null;
      figure.classList.remove("erd-dragging");
    }
    window.addEventListener("pointerup", release);
    window.addEventListener("pointercancel", release);
    figure.addEventListener("click", function (event) {
      if (!svg.contains(event.target)) return;
      if (dragged) {
        event.preventDefault();
        event.stopPropagation();
        dragged = false;
        return;
      }
      var name = nameOf(event.target);
      if (name && event.altKey) {
        event.preventDefault();
        hide(name);
      }
    }, true);
    figure.addEventListener("mousedown", function (event) {
      // Focus the figure, so the wheel and keys act on it, without stealing focus from a table's link.
      if (svg.contains(event.target) && !nameOf(event.target)) figure.focus({ preventScroll: true });
    });
    // The wheel zooms when the figure has focus, or with ctrl (a trackpad's pinch); otherwise it scrolls the page.
    figure.addEventListener("wheel", function (event) {
      if (!svg.contains(event.target) || !(event.ctrlKey || event.metaKey || figure.contains(document.activeElement))) return;
      event.preventDefault();
      zoom(Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.002)), event.clientX, event.clientY);
    }, { passive: false });
    figure.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var name = nameOf(event.target);
      if (event.key === "+" || event.key === "=") zoom(STEP);
      else if (event.key === "-" || event.key === "−") zoom(1 / STEP);
      else if (event.key === "0") reset();
      else if (name && (event.key === "Delete" || event.key === "h")) hide(name);
      else return;
      event.preventDefault();
    });
    figure.addEventListener("mouseover", function (event) {
      var name = nameOf(event.target);
      if (name) highlight(name);
    });
    figure.addEventListener("mouseout", function (event) {
      if (nameOf(event.target) && nameOf(event.relatedTarget) !== nameOf(event.target)) clearHighlight();
    });
    figure.addEventListener("focusin", function (event) { highlight(nameOf(event.target)); });
    figure.addEventListener("focusout", function (event) { if (!figure.contains(event.relatedTarget)) clearHighlight(); });

    index();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.erd"), enhance);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
