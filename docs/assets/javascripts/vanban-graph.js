/* vanban: link graphs with cytoscape (installed from npm, copied into the site by the build).
 *
 * Containers say what to draw:
 *   <div class="vb-graph" data-graph="local" data-doc="ID">   a document and its neighbours
 *   <div class="vb-graph" data-graph="impl" data-doc="ID">    the layered implementation view
 *   <div class="vb-graph" data-graph="global">                 the whole corpus, filtered
 * Data comes from graph-data/*.js (vanban/site/graph_data.py), loaded by vanban-loader.js (which
 * must come first) with <script> tags so that it works from file:// too. Layouts of the global
 * graph are computed in Python (preset).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var DATA = new URL("graph-data/", ROOT);
  var MAX_GLOBAL = 800;    // measured: 800 nodes pan and zoom at 30-60 fps in Chromium without a GPU; 1,500 at 15

  // The data files call these; the loader hands each payload to whoever asked for its file.
  function deliver(payload) { window.vanbanLoad.deliver(payload); }
  window.VB_GRAPH = { vocab: deliver, local: deliver, global: deliver, instances: {} };

  function load(path) { return window.vanbanLoad(new URL(path, DATA).href); }

  // Ids are slugs (the build refuses others); encoded all the same, so that data never makes a URL.
  function pageOf(id) { return new URL("van-ban/" + encodeURIComponent(id) + ".html", ROOT).href; }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  // -- styles from the vocabulary ------------------------------------------------------------
  function style(vocab, options) {
    var s = [
      { selector: "node", style: {
        "background-color": function (n) { return (vocab.types[n.data("type")] || {}).colour || "#777"; },
        "shape": function (n) { return (vocab.levels[n.data("level")] || {}).shape || "ellipse"; },
        "label": "data(label)", "font-size": options.small ? 9 : 11, "text-valign": "bottom",
        "text-margin-y": 3, "color": "#222", "text-outline-color": "#fff", "text-outline-width": 2,
        "width": options.small ? 26 : 22, "height": options.small ? 26 : 22,
        "min-zoomed-font-size": options.small ? 8 : 0 } },
      { selector: "node.root", style: { "border-width": 4, "border-color": "#000", "width": 30, "height": 30,
        "font-weight": "bold" } },
      { selector: "node.focus", style: { "border-width": 5, "border-color": "#ffb300", "width": 34, "height": 34 } },
      { selector: "edge", style: {
        "curve-style": options.small ? "haystack" : "bezier", "width": options.small ? 1 : 1.6,
        "line-color": function (e) { return (vocab.relations[e.data("type")] || {}).colour || "#999"; },
        "target-arrow-color": function (e) { return (vocab.relations[e.data("type")] || {}).colour || "#999"; },
        "line-style": function (e) { return (vocab.relations[e.data("type")] || {}).line || "solid"; },
        "target-arrow-shape": options.small ? "none" : "triangle", "arrow-scale": 0.9,
        "label": "", "font-size": 8, "color": "#444",
        "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.8,
        "text-background-padding": 1 } },
      { selector: "edge.labelled", style: { "label": "data(label)" } },
      { selector: "edge.hover, edge:selected", style: { "label": "data(label)", "width": 3 } }
    ];
    return s;
  }

  function tooltip(container) {
    var tip = el("div", "vb-graph-tip");
    tip.hidden = true;
    container.appendChild(tip);
    return function (node, at) {
      if (!node) { tip.hidden = true; return; }
      tip.textContent = "";
      tip.appendChild(el("strong", null, node.data("symbol")));
      tip.appendChild(el("span", null, " · " + node.data("date")));
      if (node.data("title")) tip.appendChild(el("div", null, node.data("title")));
      tip.style.left = (at.x + 12) + "px";
      tip.style.top = (at.y + 12) + "px";
      tip.hidden = false;
    };
  }

  function wire(cy, container) {
    var show = tooltip(container);
    cy.on("mouseover", "node", function (e) { show(e.target, e.renderedPosition); });
    cy.on("mouseout", "node", function () { show(null); });
    cy.on("mouseover", "edge", function (e) { e.target.addClass("hover"); });
    cy.on("mouseout", "edge", function (e) { e.target.removeClass("hover"); });
    cy.on("tap", "node", function (e) { window.location.href = pageOf(e.target.id()); });
  }

  function nodeData(row, fields) {
    var d = {};
    fields.forEach(function (f, i) { d[f] = row[i]; });
    d.label = d.symbol + (d.year ? " (" + d.year + ")" : "");
    return d;
  }

  function ready(container, cy, name) {
    container.setAttribute("data-state", "ready");
    window.VB_GRAPH.instances[name] = cy;
    performance.mark("vb-graph-ready-" + name);
  }

  // -- a document and its neighbours ---------------------------------------------------------
  function drawLocal(container, vocab, data) {
    var fields = data.fields, box = container.querySelector(".vb-graph-canvas");
    var select = container.querySelector("select[name=depth]");
    var cy = cytoscape({ container: box, style: style(vocab, { edgeLabels: true }),
                         minZoom: 0.2, maxZoom: 3 });
    wire(cy, box);
    var note = container.querySelector(".vb-graph-note");
    function render() {
      var depth = Number(select.value);
      var keep = data.nodes.filter(function (r) { return r[7] !== null && r[7] <= depth; });
      var ids = new Set(keep.map(function (r) { return r[0]; }));
      var elements = keep.map(function (r) {
        return { data: nodeData(r, fields), classes: r[7] === 0 ? "root" : "" };
      });
      data.edges.forEach(function (e, i) {
        var s = data.nodes[e[0]][0], t = data.nodes[e[1]][0];
        if (ids.has(s) && ids.has(t)) {
          var rel = vocab.relations[e[2]] || {};
          elements.push({ data: { id: "e" + i, source: s, target: t, type: e[2], label: rel.label || e[2] } });
        }
      });
      cy.elements().remove();
      cy.add(elements);
      // Rings by depth seed a force layout, which then untangles the rings.
      cy.layout({ name: "concentric", concentric: function (n) { return 10 - (n.data("depth") || 0); },
                  levelWidth: function () { return 1; }, minNodeSpacing: 60, animate: false }).run();
      cy.layout({ name: "cose", randomize: false, animate: false, idealEdgeLength: function () { return 110; },
                  nodeRepulsion: function () { return 600000; }, nodeOverlap: 40, padding: 24,
                  numIter: 600 }).run();
      cy.edges().toggleClass("labelled", cy.edges().length <= 12);
      note.textContent = keep.length + " văn bản trong đồ thị" + (data.cut ?
        " (văn bản này có " + data.neighbours + " văn bản liên quan trực tiếp; đồ thị chỉ hiện những văn bản gần nhất " +
        "và có nhiều quan hệ nhất — danh sách đầy đủ ở mục Quan hệ)" : "") + ".";
    }
    select.addEventListener("change", render);
    render();
    ready(container, cy, "local");
  }

  // -- the implementation view: layers by step, days elapsed on each edge --------------------
  function drawImpl(container, vocab, data) {
    var fields = data.fields, box = container.querySelector(".vb-graph-canvas");
    var root = data.nodes[0];
    var elements = [{ data: nodeData(root, fields), classes: "root" }];
    data.impl.edges.forEach(function (e, i) {
      var child = data.nodes[e[0]], parent = data.nodes[e[1]];
      var d = nodeData(child, fields);
      d.label = d.symbol + "\n" + d.date;
      elements.push({ data: d });
      var rel = (vocab.relations[e[2]] || {}).label || e[2];
      elements.push({ data: { id: "i" + i, source: child[0], target: parent[0], type: e[2],
                              label: (e[3] != null ? e[3] + " ngày · " : "") + rel.toLowerCase() } });
    });
    elements[0].data.label = root[1] + "\n" + root[5];
    var cy = cytoscape({ container: box, elements: elements, minZoom: 0.2, maxZoom: 3,
                         style: style(vocab, { edgeLabels: true }).concat([
                           { selector: "node", style: { "text-wrap": "wrap" } }]) });
    cy.layout({ name: "breadthfirst", roots: [root[0]], directed: false, spacingFactor: 1.1, animate: false }).run();
    cy.edges().addClass("labelled");   // the days between steps are the point of this view
    wire(cy, box);
    ready(container, cy, "impl");
  }

  // -- the whole corpus ----------------------------------------------------------------------
  function drawGlobal(container, vocab, g) {
    var f = {}; g.fields.forEach(function (k, i) { f[k] = i; });
    var box = container.querySelector(".vb-graph-canvas");
    var form = document.querySelector("#vb-graph-filters");
    var status = document.querySelector("#vb-graph-status");
    var years = g.nodes.map(function (n) { return n[f.year]; }).filter(Boolean);
    var minYear = Math.min.apply(null, years), maxYear = Math.max.apply(null, years);
    form.elements.from.value = form.elements.from.value || minYear;
    form.elements.to.value = form.elements.to.value || maxYear;
    var topic = form.elements.topic;
    g.topics.forEach(function (t, i) { var o = el("option", null, t); o.value = String(i); topic.appendChild(o); });
    if (g.nodes.length > MAX_GLOBAL) {   // a big corpus opens on its central documents
      Array.from(form.querySelectorAll("input[name=level]")).forEach(function (box) {
        box.checked = box.value === "trung-uong";
      });
    }
    var cy = cytoscape({ container: box, style: style(vocab, { small: true }), minZoom: 0.02, maxZoom: 4,
                         textureOnViewport: true, hideEdgesOnViewport: true,
                         pixelRatio: 1, motionBlur: false });
    wire(cy, box);

    function checked(name) {
      return new Set(Array.from(form.querySelectorAll("input[name=" + name + "]:checked")).map(function (i) { return i.value; }));
    }

    function render() {
      var types = checked("type"), levels = checked("level"), rels = checked("relation");
      var from = Number(form.elements.from.value) || minYear, to = Number(form.elements.to.value) || maxYear;
      var t = topic.value === "" ? null : Number(topic.value);
      var shown = [], index = new Map();
      for (var i = 0; i < g.nodes.length; i++) {   // nodes come most connected first
        var n = g.nodes[i];
        var year = n[f.year];
        if (!types.has(n[f.type]) || !levels.has(n[f.level])) continue;
        if (year && (year < from || year > to)) continue;
        if (t !== null && n[f.topics].indexOf(t) < 0) continue;
        index.set(i, shown.length);
        shown.push(n);
      }
      var total = shown.length, cut = total > MAX_GLOBAL;
      if (cut) { shown = shown.slice(0, MAX_GLOBAL); }
      var elements = shown.map(function (n) {
        return { data: { id: n[f.id], symbol: n[f.symbol], type: n[f.type], level: n[f.level], year: n[f.year],
                         date: n[f.date], title: n[f.title], label: n[f.symbol] },
                 position: { x: n[f.x], y: n[f.y] } };
      });
      var ids = new Set(shown.map(function (n) { return n[f.id]; }));
      g.edges.forEach(function (e, k) {
        var s = g.nodes[e[0]][f.id], d = g.nodes[e[1]][f.id];
        if (rels.has(e[2]) && ids.has(s) && ids.has(d)) {
          elements.push({ data: { id: "g" + k, source: s, target: d, type: e[2], label: (vocab.relations[e[2]] || {}).label } });
        }
      });
      cy.startBatch();
      cy.elements().remove();
      cy.add(elements);
      cy.style(style(vocab, { small: shown.length > 200 }));   // labels and arrows while they stay legible
      cy.endBatch();
      cy.layout({ name: "preset", fit: true, padding: 20 }).run();
      status.textContent = (cut ? "Đang hiện " + MAX_GLOBAL + " trong " + total + " văn bản khớp bộ lọc (những văn bản có " +
        "nhiều quan hệ nhất). Thu hẹp năm, chủ đề, loại hoặc cấp để xem đủ." : total + " văn bản") +
        ", " + (cy.edges().length) + " quan hệ. Trục ngang là thời gian; trung ương ở trên, địa phương ở dưới.";
    }

    function focus(query) {
      var q = query.trim().toLowerCase().replace(/\s+/g, "");
      if (!q) return;
      var hit = g.nodes.find(function (n) { return n[f.symbol].toLowerCase().replace(/\s+/g, "") === q || n[f.id] === q; });
      if (!hit) { status.textContent = "Không thấy «" + query + "» trong đồ thị."; return; }
      var node = cy.getElementById(hit[f.id]);
      if (node.empty()) {  // filtered out: widen the filters to it, then draw again
        form.querySelector("input[name=type][value='" + CSS.escape(hit[f.type]) + "']").checked = true;
        form.querySelector("input[name=level][value='" + CSS.escape(hit[f.level]) + "']").checked = true;
        topic.value = "";
        if (hit[f.year]) {
          form.elements.from.value = Math.min(Number(form.elements.from.value), hit[f.year]);
          form.elements.to.value = Math.max(Number(form.elements.to.value), hit[f.year]);
        }
        render();
        node = cy.getElementById(hit[f.id]);
      }
      cy.nodes(".focus").removeClass("focus");
      node.addClass("focus");
      cy.animate({ center: { eles: node }, zoom: 1.5 }, { duration: 300 });
      status.textContent = hit[f.symbol] + " (" + (hit[f.year] || "chưa rõ năm") + "): " + hit[f.title];
    }

    form.addEventListener("change", function (e) { if (e.target.name !== "focus") render(); });
    form.addEventListener("submit", function (e) { e.preventDefault(); focus(form.elements.focus.value); });
    render();
    ready(container, cy, "global");
    var wanted = new URLSearchParams(location.search).get("focus");
    if (wanted) { form.elements.focus.value = wanted; focus(wanted); }
  }

  // In place of "loading": what went wrong and what to do. Nothing is drawn: the canvas and its help go.
  function fail(container, text) {
    container.setAttribute("data-state", "error");
    Array.from(container.querySelectorAll(".vb-graph-canvas, .vb-graph-help")).forEach(function (part) {
      part.style.display = "none";
    });
    var depth = container.querySelector("select[name=depth]");
    if (depth) depth.disabled = true;
    // The global page says "loading" in its status line, above the filters.
    var status = container.getAttribute("data-graph") === "global" && document.querySelector("#vb-graph-status");
    var note = status || container.querySelector(".vb-graph-note");
    if (!note) {
      note = el("p", "vb-graph-note");
      container.insertBefore(note, container.firstChild);
    }
    note.textContent = text;
    note.setAttribute("role", "alert");
  }

  function start(container) {
    if (typeof cytoscape === "undefined") {
      fail(container, "Không tải được thư viện vẽ đồ thị (assets/vendor/cytoscape.min.js); danh sách quan hệ vẫn đầy đủ. " +
        "Hãy dựng lại trang web bằng lệnh «python build_graph.py build» (cần chạy «npm ci» trước).");
      return;
    }
    if (typeof window.vanbanLoad === "undefined") {
      fail(container, "Không tải được assets/javascripts/vanban-loader.js; danh sách quan hệ vẫn đầy đủ. " +
        "Hãy dựng lại trang web bằng lệnh «python build_graph.py build».");
      return;
    }
    var kind = container.getAttribute("data-graph"), doc = container.getAttribute("data-doc");
    load("vocab.js").then(function (vocab) {
      if (kind === "global") return load("global.js").then(function (g) { drawGlobal(container, vocab, g); });
      return load("local/" + encodeURIComponent(doc) + ".js").then(function (data) {
        (kind === "impl" ? drawImpl : drawLocal)(container, vocab, data);
      });
    }).catch(function (err) {
      fail(container, window.vanbanLoad.failure("đồ thị", err));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.from(document.querySelectorAll(".vb-graph")).forEach(start);
  });
})();
