/* vanban: search in the browser, over the index that vanban/site/search_index.py writes.
 *
 * Data files are plain scripts that call VB_SEARCH.meta / .bucket / .doc, so they load with a
 * <script> tag from a web server and from a folder opened with file:// alike. A query loads the
 * bucket of each of its tokens and one small file per result shown. The tokenizer must agree
 * with search_index.tokens(). Results are built as DOM nodes: nothing from data is parsed as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);          // this file sits in assets/javascripts/
  var DATA = new URL("search-data/", ROOT);
  var SHOWN = 20;

  // -- data files, loaded by vanban-loader.js (which must come first) ----------------------
  // The data files call these; the loader hands each payload to whoever asked for its file.
  function deliver(payload) { window.vanbanLoad.deliver(payload); }
  window.VB_SEARCH = {
    meta: deliver,
    bucket: function (b) { deliver(b[1]); },   // [bucket number, {token: postings}]
    doc: deliver
  };

  function load(path) { return window.vanbanLoad(new URL(path, DATA).href); }

  // -- folding and tokens: the same as search_index.tokens() ---------------------------------
  var TU = /\/\s*t\.?\s*ư(?![a-zà-ỹ])/gi;

  // Cyrillic letters that look Latin ("BТС" pasted for BTC): as citations/normalise.py reads them
  var LOOKALIKE = "АВСЕНКМОРТХаеорсух", LATIN = "abcehkmoptxaeopcyx";

  function foldChar(c) {
    if (c === "đ" || c === "Đ") return "d";
    var k = LOOKALIKE.indexOf(c);
    if (k >= 0) return LATIN.charAt(k);
    var base = c.normalize("NFD").charAt(0);
    if (/[A-Za-z]/.test(base) && base !== c) return base.toLowerCase();
    if (/\s/.test(c)) return " ";
    if (/[\u2010-\u2015\u2212]/.test(c)) return "-";
    if (/[\u2044\u2215\uff0f]/.test(c)) return "/";
    var low = c.toLowerCase();
    return low.length === 1 ? low : c;
  }

  function fold(text) {        // one character out for each character in: offsets stay valid
    var out = "";
    for (var i = 0; i < text.length; i++) out += foldChar(text.charAt(i));
    return out;
  }

  function tokens(text) {
    var folded = fold(text.normalize("NFC").replace(TU, "/TW")).replace(/\s*([-/])\s*/g, "$1");
    var symbols = folded.match(/\d{1,5}[a-z]?(?:[-/][a-z0-9&]{1,12}){1,4}/g) || [];
    var words = folded.match(/[a-z0-9]+/g) || [];
    return symbols.concat(words);
  }

  function fnv1a(token) {
    var bytes = new TextEncoder().encode(token), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
    return h >>> 0;
  }

  // -- ranking -----------------------------------------------------------------------------
  // Postings come as text (search_index.encode_postings): gap, score, gap, score, … each a number in
  // ALPHABET's characters, five bits each, lowest first; a character from place 32 on says more follow.
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var PLACE = {};
  for (var p = 0; p < ALPHABET.length; p++) PLACE[ALPHABET.charCodeAt(p)] = p;

  function decode(text) {
    var out = [], number = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var v = PLACE[text.charCodeAt(i)];
      if (v >= 32) { number += (v - 32) * Math.pow(2, shift); shift += 5; continue; }
      out.push(number + v * Math.pow(2, shift));
      number = 0; shift = 0;
    }
    return out;
  }

  function postings(token, meta) {
    var bucket = fnv1a(token) % meta.buckets;
    return load("t/" + bucket + ".js").then(function (data) {
      var coded = data[token];
      if (!coded) return null;
      var map = new Map(), index = 0, numbers = decode(coded);
      for (var i = 0; i < numbers.length; i += 2) { index += numbers[i]; map.set(index, numbers[i + 1]); }
      return map;
    });
  }

  function rank(lists, meta) {
    var found = lists.filter(Boolean);
    if (!found.length) return { hits: [], partial: false };
    var idf = found.map(function (m) { return Math.log(1 + meta.documents / m.size); });
    var smallest = found.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    var hits = [];
    smallest.forEach(function (_, doc) {
      if (found.every(function (m) { return m.has(doc); })) hits.push(doc);
    });
    var partial = !hits.length || found.length < lists.length;
    if (!hits.length) {      // no document has every word: the best partial matches
      var all = new Set();
      found.forEach(function (m) { m.forEach(function (_, doc) { all.add(doc); }); });
      hits = Array.from(all);
    }
    var score = new Map(hits.map(function (doc) {
      var s = 0;
      found.forEach(function (m, k) { if (m.has(doc)) s += m.get(doc) * idf[k]; });
      return [doc, s];
    }));
    hits.sort(function (a, b) { return score.get(b) - score.get(a) || b - a; });  // ties: the more important
    return { hits: hits, partial: partial };
  }

  function search(query) {
    var words = Array.from(new Set(tokens(query)));
    if (!words.length) return Promise.resolve({ hits: [], partial: false, words: [] });
    return load("meta.js").then(function (meta) {
      return Promise.all(words.map(function (w) { return postings(w, meta); })).then(function (lists) {
        var result = rank(lists, meta);
        result.words = words;
        return result;
      });
    });
  }

  // -- snippets ----------------------------------------------------------------------------
  function wordAt(folded, word, from) {
    var re = new RegExp("(^|[^a-z0-9])" + word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&") + "(?![a-z0-9])", "g");
    re.lastIndex = from || 0;
    var m = re.exec(folded);
    return m ? m.index + m[1].length : -1;
  }

  function marks(text, words) {            // [[start, end], …] of every query word in text
    var folded = fold(text), spans = [];
    words.forEach(function (w) {
      var at = wordAt(folded, w, 0);
      while (at >= 0) { spans.push([at, at + w.length]); at = wordAt(folded, w, at + w.length); }
    });
    return spans.sort(function (a, b) { return a[0] - b[0]; });
  }

  function snippet(doc, words) {
    var text = doc.text || "";
    var plain = words.filter(function (w) { return /^[a-z0-9]+$/.test(w); });
    var spans = marks(text, plain);
    if (!spans.length) return null;
    // The window where most query words stand together.
    var best = spans[0][0], bestCount = 0;
    spans.forEach(function (s) {
      var n = new Set(spans.filter(function (t) { return t[0] >= s[0] && t[0] < s[0] + 160; })
        .map(function (t) { return fold(text.slice(t[0], t[1])); })).size;
      if (n > bestCount) { best = s[0]; bestCount = n; }
    });
    var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, best - 60)) + 1);
    var end = Math.min(text.length, start + 220);
    return { text: text.slice(start, end), start: start, end: end, full: text.length };
  }

  function appendMarked(parent, text, words) {
    var spans = marks(text, words), pos = 0;
    spans.forEach(function (s) {
      if (s[0] < pos) return;
      parent.appendChild(document.createTextNode(text.slice(pos, s[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(s[0], s[1]);
      parent.appendChild(mark);
      pos = s[1];
    });
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  // -- the results page --------------------------------------------------------------------
  var el = window.vanbanLoad.el;

  function renderResult(doc, words) {
    var plain = words.filter(function (w) { return /^[a-z0-9]+$/.test(w); });
    var item = el("li", "vb-result");
    var link = el("a", "vb-r-link");
    link.href = window.vanbanLoad.docPage(doc.id);
    link.appendChild(el("span", "vb-r-type", doc.type + " "));
    link.appendChild(el("strong", "vb-r-symbol", doc.symbol));
    link.appendChild(el("span", "vb-r-year", " (" + (doc.year || "chưa rõ năm") + ")"));
    item.appendChild(link);
    if (doc.draft) {
      var mark = el("span", "vb-draft-mark", "nháp");
      mark.title = "Bản nháp nhập tự động, chưa được xem xét";
      item.appendChild(document.createTextNode(" "));
      item.appendChild(mark);
    }
    item.appendChild(el("div", "vb-r-meta", doc.date + " · " + doc.issuer));
    if (doc.status) item.appendChild(el("div", "vb-r-status", doc.status));
    if (doc.title) {
      var title = el("p", "vb-r-title");
      appendMarked(title, doc.title, plain);
      if (doc.unverified.indexOf("title") >= 0) title.appendChild(el("span", "vb-unverified", "chưa xác minh"));
      item.appendChild(title);
    }
    var cut = snippet(doc, words);
    if (cut) {
      var p = el("p", "vb-r-snippet");
      appendMarked(p, (cut.start > 0 ? "… " : "") + cut.text + (cut.end < cut.full ? " …" : ""), plain);
      item.appendChild(p);
    } else if (doc.aliases.length) {
      var a = el("p", "vb-r-snippet");
      appendMarked(a, "Tên gọi khác: " + doc.aliases.join("; "), plain);
      item.appendChild(a);
    }
    return item;
  }

  function runPage(page) {
    var input = page.querySelector("#vb-q"), status = page.querySelector("#vb-search-status");
    var list = page.querySelector("#vb-results"), more = page.querySelector("#vb-more");
    var form = page.querySelector("#vb-search-form");
    var current = 0, hits = [], words = [], shown = 0;

    function say(text) { status.textContent = text; }

    function show(count, generation) {
      var slice = hits.slice(shown, shown + count);
      shown += slice.length;
      more.style.display = shown >= hits.length ? "none" : "";  // Material's .md-button beats [hidden]
      return Promise.all(slice.map(function (i) { return load("d/" + i + ".js"); })).then(function (docs) {
        if (generation !== current) return;
        docs.forEach(function (doc) { list.appendChild(renderResult(doc, words)); });
      });
    }

    function run(query, push) {
      var generation = ++current;
      query = query.trim();
      if (push) {
        try { history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname); }
        catch { /* some browsers refuse it for file://; the search still runs */ }
      }
      list.textContent = "";
      more.style.display = "none";
      if (!query) {
        say("Gõ số ký hiệu, cách gọi tắt, tên gọi hoặc từ ngữ.");
        page.setAttribute("data-state", "done");
        return Promise.resolve();
      }
      performance.mark("vb-query-start");
      say("Đang tìm…");
      return search(query).then(function (result) {
        if (generation !== current) return;
        hits = result.hits; words = result.words; shown = 0;
        if (!hits.length) {
          say("Không tìm thấy văn bản nào cho «" + query + "».");
          page.setAttribute("data-state", "done");
          return;
        }
        say(hits.length + " văn bản" + (result.partial ? " (không văn bản nào chứa đủ mọi từ; đây là các kết quả gần nhất)" : "") + ".");
        return show(SHOWN, generation).then(function () {
          if (generation !== current) return;
          performance.mark("vb-first-result");
          page.setAttribute("data-state", "done");
        });
      }).catch(function (err) { failed(err, generation); });
    }

    function failed(err, generation) {     // in place of "Đang tìm…": which file, and what to do
      if (generation !== current) return;
      say(window.vanbanLoad.failure("tìm kiếm", err) + " Trong lúc đó, vẫn có thể duyệt văn bản theo loại, cơ quan hoặc năm.");
      page.setAttribute("data-state", "error");
    }

    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      page.setAttribute("data-state", "typing");
      timer = setTimeout(function () { run(input.value, true); }, 150);
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(input.value, true); });
    more.addEventListener("click", function () {
      var generation = current;
      show(SHOWN, generation).catch(function (err) { failed(err, generation); });
    });
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    run(q, false);
    input.focus();
  }

  // -- a search field in the header of every page ------------------------------------------
  function headerField() {
    var inner = document.querySelector(".md-header__inner");
    if (!inner || document.querySelector("#vb-search-page")) return;
    var form = el("form", "vb-header-search");
    form.action = new URL("tim-kiem.html", ROOT).href;
    form.method = "get";
    form.setAttribute("role", "search");
    var input = el("input");
    input.type = "search";
    input.name = "q";
    input.placeholder = "Tìm: 25-NQ/TW, dân vận…";
    input.setAttribute("aria-label", "Tìm văn bản");
    form.appendChild(input);
    inner.appendChild(form);
  }

  window.VB_SEARCH.tokens = tokens;   // for tests: the browser's tokens must equal Python's
  window.VB_SEARCH.decode = decode;   // and its postings numbers
  window.VB_SEARCH.fnv1a = fnv1a;     // the hash of search_index.fnv1a, which preview shards use too
  document.addEventListener("DOMContentLoaded", function () {
    var page = document.querySelector("#vb-search-page");
    if (page && !window.vanbanLoad) {
      page.querySelector("#vb-search-status").textContent = "Không tải được assets/javascripts/vanban-loader.js. " +
        "Hãy dựng lại trang web bằng lệnh «python build_graph.py build».";
      page.setAttribute("data-state", "error");
    } else if (page) {
      runPage(page);
    }
    headerField();
  });
})();
