/* vanban: link graphs with cytoscape (installed from npm, copied into the site by the build).
 *
 * Containers say what to draw:
 *   <div class="vb-graph" data-graph="local" data-doc="ID">   a document and its neighbours
 *   <div class="vb-graph" data-graph="impl" data-doc="ID">    the layered implementation view
 * Data comes from graph-data/*.js (vanban/site/graph_data.py), loaded by vanban-loader.js (which
 * must come first) with <script> tags so that it works from file:// too. The global graph draws itself
 * (vanban-globalgraph.js).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var DATA = new URL("graph-data/", ROOT);

  // The data files call these; the loader hands each payload to whoever asked for its file.
  function deliver(payload) { window.vanbanLoad.deliver(payload); }
  window.VB_GRAPH = { vocab: deliver, local: deliver, instances: {} };

  function load(path) { return window.vanbanLoad(new URL(path, DATA).href); }

  var pageOf = window.vanbanLoad.docPage;

  var el = window.vanbanLoad.el;

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

  // In place of "loading": what went wrong and what to do. Nothing is drawn: the canvas and its help go.
  function fail(container, text) {
    container.setAttribute("data-state", "error");
    Array.from(container.querySelectorAll(".vb-graph-canvas, .vb-graph-help")).forEach(function (part) {
      part.style.display = "none";
    });
    var depth = container.querySelector("select[name=depth]");
    if (depth) depth.disabled = true;
    var note = container.querySelector(".vb-graph-note");
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
      return load("local/" + encodeURIComponent(doc) + ".js").then(function (data) {
        (kind === "impl" ? drawImpl : drawLocal)(container, vocab, data);
      });
    }).catch(function (err) {
      fail(container, window.vanbanLoad.failure("đồ thị", err));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.from(document.querySelectorAll(".vb-graph:not([data-graph=global])")).forEach(start);
  });
})();
