/* vanban: the global graph (do-thi.html), every document of the corpus, drawn by vanban itself on a canvas.
 *
 * Why not a graph library: cytoscape keeps 30 frames a second up to about 800 nodes without a GPU, and a
 * WebGL renderer (sigma.js) measured 15 frames a second at 800 nodes and 2 at 10,000 in Chromium's software
 * WebGL (SwiftShader), which is what a machine without a GPU and the tests have. Here the whole corpus is
 * drawn once into a bitmap; while the reader pans or zooms only that bitmap moves (one drawImage a frame),
 * and the crisp drawing, with labels that never overlap (most connected first, as many as the zoom makes
 * room for), follows when the motion stops. Positions come from the build (graph_data.py: time across,
 * level and province down).
 *
 * Data: graph-data/vocab.js and graph-data/global.js, loaded by vanban-loader.js (which must come first).
 * For tests and the benchmark: VB_GRAPH.instances.global = { nodes(), edges(), focused(), screen(id), view }.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var DATA = new URL("graph-data/", ROOT);
  var SETTLE_MS = 120;      // after the last wheel or drag event, the crisp drawing
  var LABEL_CELL = 6;       // px: the grid that keeps labels apart
  var MAX_LABELS = 1500;    // labels tried per drawing, most connected first
  var LABEL_MIN_R = 5;      // a mark this big (px, before zoom) carries its name at first sight
  var DIM = "rgba(255,255,255,0.78)";

  function deliver(payload) { window.vanbanLoad.deliver(payload); }
  window.VB_GRAPH = window.VB_GRAPH || { instances: {} };
  window.VB_GRAPH.vocab = window.VB_GRAPH.vocab || deliver;
  window.VB_GRAPH.global = deliver;

  function load(path) { return window.vanbanLoad(new URL(path, DATA).href); }
  var pageOf = window.vanbanLoad.docPage;

  var el = window.vanbanLoad.el;

  // -- the data, as flat arrays --------------------------------------------------------------
  function model(vocab, g) {
    var f = {}; g.fields.forEach(function (k, i) { f[k] = i; });
    var n = g.nodes.length;
    var m = { rows: g.nodes, f: f, n: n, x: new Float64Array(n), y: new Float64Array(n), r: new Float32Array(n),
              colour: [], shape: [], byId: new Map(), edges: g.edges, adj: [], topics: g.topics };
    for (var i = 0; i < n; i++) {
      var row = g.nodes[i];
      m.x[i] = row[f.x]; m.y[i] = row[f.y];
      m.r[i] = 2.2 + Math.min(9, Math.sqrt(row[f.degree]) * 1.1);   // more relations, a bigger mark
      m.colour.push((vocab.types[row[f.type]] || {}).colour || "#777");
      m.shape.push((vocab.levels[row[f.level]] || {}).shape || "ellipse");
      m.byId.set(row[f.id], i);
      m.adj.push([]);
    }
    g.edges.forEach(function (e, k) { m.adj[e[0]].push(k); m.adj[e[1]].push(k); });
    m.box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
    for (var j = 0; j < n; j++) {
      m.box.x0 = Math.min(m.box.x0, m.x[j]); m.box.x1 = Math.max(m.box.x1, m.x[j]);
      m.box.y0 = Math.min(m.box.y0, m.y[j]); m.box.y1 = Math.max(m.box.y1, m.y[j]);
    }
    if (!n) m.box = { x0: 0, x1: 1, y0: 0, y1: 1 };
    return m;
  }

  // -- marks ---------------------------------------------------------------------------------
  function mark(ctx, shape, x, y, r) {
    if (r < 3 || shape === "rectangle") { ctx.rect(x - r, y - r, 2 * r, 2 * r); return; }   // small: all squares
    ctx.moveTo(x + r, y);
    if (shape === "hexagon") {
      for (var a = 1; a <= 6; a++) ctx.lineTo(x + r * Math.cos(a * Math.PI / 3), y + r * Math.sin(a * Math.PI / 3));
      return;
    }
    if (shape === "diamond") { ctx.lineTo(x, y + r); ctx.lineTo(x - r, y); ctx.lineTo(x, y - r); ctx.closePath(); return; }
    if (shape === "triangle") { ctx.moveTo(x, y - r); ctx.lineTo(x + r, y + r); ctx.lineTo(x - r, y + r); ctx.closePath(); return; }
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }

  function arrow(ctx, x0, y0, x1, y1) {
    var dx = x1 - x0, dy = y1 - y0, len = Math.sqrt(dx * dx + dy * dy);
    if (len < 24) return;
    var ux = dx / len, uy = dy / len, bx = x1 - ux * 9, by = y1 - uy * 9;   // its tip just short of the mark
    ctx.moveTo(x1 - ux * 5, y1 - uy * 5);
    ctx.lineTo(bx - uy * 3.5, by + ux * 3.5);
    ctx.lineTo(bx + uy * 3.5, by - ux * 3.5);
    ctx.closePath();
  }

  // -- the view ------------------------------------------------------------------------------
  function View(canvas, m, vocab) {
    this.canvas = canvas; this.m = m; this.vocab = vocab;
    this.shown = new Uint8Array(m.n); this.shown.fill(1);
    this.relations = new Set(Object.keys(vocab.relations));
    this.cache = document.createElement("canvas");
    this.scale = 1; this.ay = 1; this.tx = 0; this.ty = 0; this.at = null;  // `at`: the view the cache was drawn for
    this.hover = -1; this.focus = -1; this.labelled = []; this.density = 1;
  }

  View.prototype.size = function () {
    var ratio = window.devicePixelRatio || 1, rect = this.canvas.getBoundingClientRect();
    this.w = Math.max(1, Math.round(rect.width)); this.h = Math.max(1, Math.round(rect.height)); this.ratio = ratio;
    [this.canvas, this.cache].forEach(function (c) {
      c.width = Math.round(this.w * ratio); c.height = Math.round(this.h * ratio);
    }, this);
    this.canvas.style.width = this.w + "px"; this.canvas.style.height = this.h + "px";
  };

  // The whole corpus fills the canvas: time across and lanes down are two scales (ay stretches the second),
  // so that a corpus of few years and many provinces is not a thin column in a wide window.
  View.prototype.fit = function () {
    var b = this.m.box, pad = 30;
    var sx = (this.w - 2 * pad) / Math.max(1, b.x1 - b.x0), sy = (this.h - 2 * pad) / Math.max(1, b.y1 - b.y0);
    this.scale = sx;
    this.ay = sy / sx;
    this.tx = pad - b.x0 * this.scale;
    this.ty = pad - b.y0 * this.scale * this.ay;
    this.fitScale = this.scale;
  };

  View.prototype.sx = function (i) { return this.m.x[i] * this.scale + this.tx; };
  View.prototype.sy = function (i) { return this.m.y[i] * this.scale * this.ay + this.ty; };
  // Marks grow as the reader zooms in, and shrink where thousands share the screen.
  View.prototype.radius = function (i) {
    return this.m.r[i] * this.density * Math.max(0.55, Math.min(2.5, Math.sqrt(this.scale / this.fitScale)));
  };

  View.prototype.edgeShown = function (k) {
    var e = this.m.edges[k];
    return this.shown[e[0]] === 1 && this.shown[e[1]] === 1 && this.relations.has(e[2]);
  };

  // The crisp drawing, into the cache, then onto the screen.
  View.prototype.draw = function () {
    var ctx = this.cache.getContext("2d"), m = this.m, w = this.w, h = this.h, self = this;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.fillStyle = "#fcfcfc"; ctx.fillRect(0, 0, w, h);
    var inView = function (x, y, r) { return x > -r && y > -r && x < w + r && y < h + r; };
    var visible = [];
    for (var i = 0; i < m.n; i++) {
      if (this.shown[i] && inView(this.sx(i), this.sy(i), 20)) visible.push(i);
    }
    this.visible = visible.length;
    this.density = Math.max(0.45, Math.min(1, Math.sqrt(1500 / Math.max(1, visible.length))));
    // Edges, one path per relation: only where both ends are shown, and at least one is on screen.
    var byRel = {};
    for (var k = 0; k < m.edges.length; k++) {
      var e = m.edges[k];
      if (!this.edgeShown(k)) continue;
      var x0 = this.sx(e[0]), y0 = this.sy(e[0]), x1 = this.sx(e[1]), y1 = this.sy(e[1]);
      if (!inView(x0, y0, 0) && !inView(x1, y1, 0)) continue;
      (byRel[e[2]] = byRel[e[2]] || []).push(x0, y0, x1, y1);
    }
    ctx.lineWidth = visible.length > 3000 ? 0.4 : 0.9;
    Object.keys(byRel).forEach(function (rel) {
      var style = self.vocab.relations[rel] || {}, pts = byRel[rel];
      ctx.strokeStyle = style.colour || "#999";
      ctx.setLineDash(style.line === "dashed" ? [5, 3] : style.line === "dotted" ? [1.5, 2.5] : []);
      ctx.globalAlpha = visible.length > 3000 ? 0.45 : 0.8;
      ctx.beginPath();
      for (var p = 0; p < pts.length; p += 4) { ctx.moveTo(pts[p], pts[p + 1]); ctx.lineTo(pts[p + 2], pts[p + 3]); }
      ctx.stroke();
      if (pts.length / 4 < 1500) {   // few enough to read: an arrow from the acting document
        ctx.fillStyle = style.colour || "#999";
        ctx.beginPath();
        for (p = 0; p < pts.length; p += 4) arrow(ctx, pts[p], pts[p + 1], pts[p + 2], pts[p + 3]);
        ctx.fill();
      }
    });
    ctx.setLineDash([]); ctx.globalAlpha = 1;
    // Nodes, one path per colour and shape; the most connected drawn last, on top.
    var groups = new Map();
    for (var v = visible.length - 1; v >= 0; v--) {
      var j = visible[v], key = m.colour[j] + "|" + m.shape[j];
      var list = groups.get(key);
      if (!list) { list = []; groups.set(key, list); }
      list.push(j);
    }
    groups.forEach(function (list, key) {
      ctx.fillStyle = key.split("|")[0];
      ctx.beginPath();
      list.forEach(function (j) { mark(ctx, m.shape[j], self.sx(j), self.sy(j), self.radius(j)); });
      ctx.fill();
    });
    this.labels(ctx, visible);
    this.at = { scale: this.scale, tx: this.tx, ty: this.ty };
    this.present();
  };

  // Labels that never overlap: most connected first (the data comes in that order), each where its box
  // meets no box already placed; as many as the zoom makes room for.
  View.prototype.labels = function (ctx, visible) {
    var m = this.m, cols = Math.ceil(this.w / LABEL_CELL), rows = Math.ceil(this.h / LABEL_CELL);
    var taken = new Uint8Array(cols * rows), placed = [];
    ctx.font = "11px sans-serif"; ctx.textBaseline = "top"; ctx.lineWidth = 3; ctx.strokeStyle = "#fff";
    ctx.fillStyle = "#222";
    var tries = MAX_LABELS;
    // Named by importance and zoom: the hubs at first sight, every document once the reader comes closer.
    var zoom = Math.sqrt(this.scale / this.fitScale);
    var order = visible.filter(function (i) { return m.r[i] * zoom >= LABEL_MIN_R || visible.length <= 60; });
    if (this.focus >= 0 && this.shown[this.focus]) order.unshift(this.focus);
    for (var t = 0; t < order.length && t <= tries; t++) {
      var i = order[t], text = m.rows[i][m.f.symbol];
      var x = this.sx(i), y = this.sy(i) + this.radius(i) + 2, wdt = ctx.measureText(text).width + 4;
      var c0 = Math.floor((x - wdt / 2) / LABEL_CELL), c1 = Math.floor((x + wdt / 2) / LABEL_CELL);
      var r0 = Math.floor(y / LABEL_CELL), r1 = Math.floor((y + 13) / LABEL_CELL);
      if (c0 < 0 || r0 < 0 || c1 >= cols || r1 >= rows) continue;
      var free = true;
      for (var r = r0; r <= r1 && free; r++) for (var c = c0; c <= c1; c++) if (taken[r * cols + c]) { free = false; break; }
      if (!free) continue;
      for (r = r0; r <= r1; r++) for (c = c0; c <= c1; c++) taken[r * cols + c] = 1;
      ctx.strokeText(text, x - wdt / 2 + 2, y); ctx.fillText(text, x - wdt / 2 + 2, y);
      placed.push([i, x - wdt / 2, y, wdt, 13]);
    }
    this.labelled = placed;
  };

  // The screen: the cache as drawn, moved to the current view (cheap, while moving), and the highlight.
  View.prototype.present = function () {
    var ctx = this.canvas.getContext("2d"), at = this.at;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#fcfcfc"; ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    if (!at) return;
    var k = this.scale / at.scale, dx = (this.tx - at.tx * k) * this.ratio, dy = (this.ty - at.ty * k) * this.ratio;
    ctx.setTransform(k, 0, 0, k, dx, dy);
    ctx.drawImage(this.cache, 0, 0);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    if (this.hover >= 0 && k === 1) this.highlight(ctx, this.hover);
    if (this.focus >= 0 && this.shown[this.focus]) {
      ctx.strokeStyle = "#ffb300"; ctx.lineWidth = 3; ctx.beginPath();
      ctx.arc(this.sx(this.focus), this.sy(this.focus), this.radius(this.focus) + 4, 0, 2 * Math.PI); ctx.stroke();
    }
  };

  // A node and its neighbours over the dimmed rest.
  View.prototype.highlight = function (ctx, i) {
    var m = this.m, self = this;
    ctx.fillStyle = DIM; ctx.fillRect(0, 0, this.w, this.h);
    ctx.lineWidth = 1.6;
    var near = [i];
    m.adj[i].forEach(function (k) {
      if (!self.edgeShown(k)) return;
      var e = m.edges[k], other = e[0] === i ? e[1] : e[0];
      near.push(other);
      ctx.strokeStyle = (self.vocab.relations[e[2]] || {}).colour || "#999";
      ctx.beginPath(); ctx.moveTo(self.sx(e[0]), self.sy(e[0])); ctx.lineTo(self.sx(e[1]), self.sy(e[1])); ctx.stroke();
    });
    ctx.font = "11px sans-serif"; ctx.textBaseline = "top"; ctx.lineWidth = 3; ctx.strokeStyle = "#fff";
    near.forEach(function (j) {
      ctx.fillStyle = m.colour[j]; ctx.beginPath(); mark(ctx, m.shape[j], self.sx(j), self.sy(j), self.radius(j) + 1); ctx.fill();
      var text = m.rows[j][m.f.symbol], x = self.sx(j), y = self.sy(j) + self.radius(j) + 3;
      ctx.fillStyle = "#000"; ctx.strokeText(text, x + 4, y); ctx.fillText(text, x + 4, y);
    });
  };

  // The node under a point of the screen, or -1: the nearest within its mark.
  View.prototype.hit = function (px, py) {
    var best = -1, bestD = Infinity, m = this.m;
    for (var i = 0; i < m.n; i++) {
      if (!this.shown[i]) continue;
      var dx = this.sx(i) - px, dy = this.sy(i) - py, r = this.radius(i) + 3, d = dx * dx + dy * dy;
      if (d <= r * r && d < bestD) { best = i; bestD = d; }
    }
    return best;
  };

  View.prototype.zoomAt = function (px, py, factor) {
    var s = Math.max(this.fitScale * 0.5, Math.min(this.fitScale * 400, this.scale * factor));
    factor = s / this.scale;
    this.tx = px - (px - this.tx) * factor; this.ty = py - (py - this.ty) * factor; this.scale = s;
  };

  View.prototype.center = function (i, scale) {
    this.scale = Math.max(this.scale, scale);
    this.tx = this.w / 2 - this.m.x[i] * this.scale; this.ty = this.h / 2 - this.m.y[i] * this.scale * this.ay;
  };

  // -- the page ------------------------------------------------------------------------------
  function draw(container, vocab, g) {
    var m = model(vocab, g), f = m.f;
    var box = container.querySelector(".vb-graph-canvas");
    var form = document.querySelector("#vb-graph-filters");
    var status = document.querySelector("#vb-graph-status");
    var canvas = el("canvas", "vb-graph-paint");
    canvas.tabIndex = 0;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Đồ thị văn bản: dùng phím mũi tên để di chuyển, + và − để phóng to, thu nhỏ");
    box.appendChild(canvas);
    var tip = el("div", "vb-graph-tip"); tip.hidden = true; box.appendChild(tip);
    var tools = el("div", "vb-graph-zoom");   // for touch screens and mice without a wheel
    [["+", "Phóng to", 1.5], ["−", "Thu nhỏ", 1 / 1.5], ["⤢", "Xem toàn bộ", 0]].forEach(function (b) {
      var button = el("button", "md-button", b[0]);
      button.type = "button"; button.title = b[1]; button.setAttribute("aria-label", b[1]);
      button.addEventListener("click", function () {
        if (b[2]) view.zoomAt(view.w / 2, view.h / 2, b[2]); else view.fit();
        moved();
      });
      tools.appendChild(button);
    });
    box.appendChild(tools);
    var view = new View(canvas, m, vocab);
    var years = g.nodes.map(function (n) { return n[f.year]; }).filter(Boolean);
    var minYear = years.reduce(function (a, b) { return Math.min(a, b); }, 9999);
    var maxYear = years.reduce(function (a, b) { return Math.max(a, b); }, 0);
    form.elements.from.value = form.elements.from.value || (years.length ? minYear : "");
    form.elements.to.value = form.elements.to.value || (years.length ? maxYear : "");
    var topic = form.elements.topic;
    g.topics.forEach(function (t, i) { var o = el("option", null, t); o.value = String(i); topic.appendChild(o); });

    function checked(name) {
      return new Set(Array.from(form.querySelectorAll("input[name=" + name + "]:checked")).map(function (i) { return i.value; }));
    }

    // "Xem theo ngày" (vanban-ondate.js): documents issued after the day in the address are not drawn.
    var day = typeof window.vanbanDay === "function" ? window.vanbanDay() : null;
    function issuedBy(text) {   // "30/10/2016", "10/2016", "năm 2016": the first day it can be; unknown: true
      var m = /(?:(\d{1,2})\/)?(?:(\d{1,2})\/)?(\d{4})/.exec(text || "");
      if (!m) return true;
      var d = m[2] ? m[1] : null, mo = m[2] || m[1] || "1";
      var iso = m[3] + "-" + ("0" + mo).slice(-2) + "-" + ("0" + (d || "1")).slice(-2);
      return iso <= day;
    }

    function filter() {
      var types = checked("type"), levels = checked("level");
      var from = Number(form.elements.from.value) || minYear, to = Number(form.elements.to.value) || maxYear;
      var t = topic.value === "" ? null : Number(topic.value), count = 0;
      view.relations = checked("relation");
      for (var i = 0; i < m.n; i++) {
        var n = g.nodes[i], year = n[f.year];
        var on = types.has(n[f.type]) && levels.has(n[f.level]) && !(year && (year < from || year > to)) &&
          (t === null || n[f.topics].indexOf(t) >= 0) && (day === null || issuedBy(n[f.date]));
        view.shown[i] = on ? 1 : 0;
        count += on ? 1 : 0;
      }
      var edges = 0;
      for (var k = 0; k < m.edges.length; k++) if (view.edgeShown(k)) edges++;
      status.textContent = (day ? "Theo ngày " + day.split("-").reverse().join("/") + ": " : "") +
        count + " văn bản, " + edges + " quan hệ. Trục ngang là thời gian; trung ương ở trên, " +
        "địa phương ở dưới. Kéo để di chuyển; bấm vào đồ thị rồi cuộn để phóng to; rê chuột lên một văn bản để thấy các " +
        "văn bản nối với nó.";
      view.draw();
    }

    var settle = null;
    function moved() {   // while moving: the bitmap; when still: the drawing
      view.hover = -1; tip.hidden = true;
      view.present();
      clearTimeout(settle);
      settle = setTimeout(function () { view.draw(); }, SETTLE_MS);
    }

    function local(e) { var r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }

    // The wheel zooms once the graph has been clicked or focused (or with Ctrl): before that it scrolls the
    // page, which the graph, as high as the window, would otherwise trap.
    canvas.addEventListener("wheel", function (e) {
      if (document.activeElement !== canvas && !e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      var p = local(e);
      view.zoomAt(p[0], p[1], Math.exp(-e.deltaY * 0.0015));
      moved();
    }, { passive: false });

    var drag = null;
    canvas.addEventListener("pointerdown", function (e) {
      canvas.focus({ preventScroll: true });
      drag = { x: e.clientX, y: e.clientY, tx: view.tx, ty: view.ty, moved: false };
      canvas.setPointerCapture(e.pointerId);
    });
    canvas.addEventListener("pointermove", function (e) {
      if (drag) {
        var dx = e.clientX - drag.x, dy = e.clientY - drag.y;
        if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
        if (drag.moved) { view.tx = drag.tx + dx; view.ty = drag.ty + dy; moved(); }
        return;
      }
      var p = local(e), i = view.at && view.scale === view.at.scale && view.tx === view.at.tx ? view.hit(p[0], p[1]) : -1;
      if (i === view.hover) return;
      view.hover = i;
      canvas.style.cursor = i >= 0 ? "pointer" : "";
      view.present();
      if (i < 0) { tip.hidden = true; return; }
      var row = g.nodes[i];
      tip.textContent = "";
      tip.appendChild(el("strong", null, row[f.symbol]));
      tip.appendChild(el("span", null, " · " + row[f.date]));
      if (row[f.title]) tip.appendChild(el("div", null, row[f.title]));
      tip.style.left = (p[0] + 12) + "px"; tip.style.top = (p[1] + 12) + "px";
      tip.hidden = false;
    });
    canvas.addEventListener("pointerup", function (e) {
      var was = drag; drag = null;
      if (was && !was.moved) {
        var p = local(e), i = view.hit(p[0], p[1]);
        if (i >= 0) window.location.href = pageOf(g.nodes[i][f.id]);
      }
    });
    canvas.addEventListener("pointerleave", function () { if (!drag && view.hover >= 0) { view.hover = -1; tip.hidden = true; view.present(); } });
    canvas.addEventListener("keydown", function (e) {
      var step = 60, keys = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
      if (keys[e.key]) { view.tx += keys[e.key][0]; view.ty += keys[e.key][1]; }
      else if (e.key === "+" || e.key === "=") view.zoomAt(view.w / 2, view.h / 2, 1.4);
      else if (e.key === "-" || e.key === "−") view.zoomAt(view.w / 2, view.h / 2, 1 / 1.4);
      else if (e.key === "0") view.fit();
      else if (e.key === "Enter" && view.focus >= 0) { window.location.href = pageOf(g.nodes[view.focus][f.id]); return; }
      else return;
      e.preventDefault();
      moved();
    });

    function focus(query) {
      var q = query.trim().toLowerCase().replace(/\s+/g, "");
      if (!q) return;
      var i = g.nodes.findIndex(function (n) { return n[f.symbol].toLowerCase().replace(/\s+/g, "") === q || n[f.id] === q; });
      if (i < 0) { status.textContent = "Không thấy «" + query + "» trong đồ thị."; return; }
      var hit = g.nodes[i];
      if (!view.shown[i]) {  // filtered out: widen the filters to it
        form.querySelector("input[name=type][value='" + CSS.escape(hit[f.type]) + "']").checked = true;
        form.querySelector("input[name=level][value='" + CSS.escape(hit[f.level]) + "']").checked = true;
        topic.value = "";
        if (hit[f.year]) {
          form.elements.from.value = Math.min(Number(form.elements.from.value), hit[f.year]);
          form.elements.to.value = Math.max(Number(form.elements.to.value), hit[f.year]);
        }
        filter();
      }
      view.focus = i;
      view.center(i, view.fitScale * 8);
      view.draw();
      status.textContent = hit[f.symbol] + " (" + (hit[f.year] || "chưa rõ năm") + "): " + hit[f.title] +
        " — Enter trên đồ thị để mở trang của văn bản.";
    }

    form.addEventListener("change", function (e) { if (e.target.name !== "focus") filter(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); focus(form.elements.focus.value); });
    window.addEventListener("resize", function () { var s = view.scale / view.fitScale; view.size(); view.fit(); view.zoomAt(view.w / 2, view.h / 2, s); view.draw(); });

    view.size(); view.fit(); filter();
    window.VB_GRAPH.instances.global = {
      view: view,
      nodes: function () { return g.nodes.filter(function (_, i) { return view.shown[i]; }).map(function (n) { return n[f.id]; }); },
      edges: function () { return m.edges.filter(function (_, k) { return view.edgeShown(k); }).map(function (e) { return e[2]; }); },
      focused: function () { return view.focus >= 0 ? g.nodes[view.focus][f.id] : null; },
      labels: function () { return view.labelled.map(function (l) { return { id: g.nodes[l[0]][f.id], box: l.slice(1) }; }); },
      screen: function (id) { var i = m.byId.get(id); return [view.sx(i), view.sy(i)]; },
      card: function (id) { var row = g.nodes[m.byId.get(id)]; return { symbol: row[f.symbol], title: row[f.title] }; },
      // What a drag and a wheel step do (the benchmark moves the view this way, a frame at a time).
      move: function (dx, dy, factor) {
        view.tx += dx; view.ty += dy;
        if (factor !== 1) view.zoomAt(view.w / 2, view.h / 2, factor);
        moved();
      },
      redraw: function () { var t = performance.now(); view.draw(); return performance.now() - t; }
    };
    container.setAttribute("data-state", "ready");
    performance.mark("vb-graph-ready-global");
    var wanted = new URLSearchParams(location.search).get("focus");
    if (wanted) { form.elements.focus.value = wanted; focus(wanted); }
  }

  function fail(container, text) {
    container.setAttribute("data-state", "error");
    container.querySelector(".vb-graph-canvas").style.display = "none";
    var status = document.querySelector("#vb-graph-status");
    status.textContent = text;
    status.setAttribute("role", "alert");
  }

  function start(container) {
    if (typeof window.vanbanLoad === "undefined") {
      fail(container, "Không tải được assets/javascripts/vanban-loader.js. Hãy dựng lại trang web bằng lệnh " +
        "«python build_graph.py build».");
      return;
    }
    load("vocab.js").then(function (vocab) {
      return load("global.js").then(function (g) { draw(container, vocab, g); });
    }).catch(function (err) { fail(container, window.vanbanLoad.failure("đồ thị", err)); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.from(document.querySelectorAll(".vb-graph[data-graph=global]")).forEach(start);
  });
})();
