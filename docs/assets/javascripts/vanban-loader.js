/* vanban: the one loader of the site's data files (search-data/, graph-data/).
 *
 * Data files are plain scripts that hand their payload to a callback, e.g.
 * `VB_GRAPH.local({...})` or `VB_SEARCH.bucket([...])`; that callback calls
 * `vanbanLoad.deliver(payload)`. Loading by <script> tag works from a web server and from a
 * folder opened with file:// alike (fetch() does not work from file://).
 *
 *   vanbanLoad(url) -> Promise       url: absolute, or relative to the site's root. One request
 *                                    per file and page; the promise resolves with the payload.
 *                                    It rejects with an Error carrying .file (the path from the
 *                                    site's root) and .reason: "missing" (the file did not load)
 *                                    or "empty" (it loaded but delivered nothing: broken or from
 *                                    another version). A failed file is tried again on the next call.
 *   vanbanLoad.deliver(payload)      for the data files' callbacks.
 *   vanbanLoad.failure(what, error)  the Vietnamese message a page shows in place of "loading".
 *   vanbanLoad.docPage(id)           the address of a document's page; vanbanLoad.el(tag, cls, text): an element.
 *
 * Include this file before the site's other scripts (search, previews, graphs). It may be included twice on
 * one page (graph pages carry it in their content, every page at its end); the second copy
 * does nothing.
 */
(function () {
  "use strict";

  if (window.vanbanLoad) return;

  var ROOT = new URL("../../", document.currentScript.src);   // this file sits in assets/javascripts/
  var files = new Map();          // absolute URL -> promise of its payload
  var delivered = new WeakMap();  // <script> element -> the payload it delivered

  function siteFile(url) {        // "graph-data/vocab.js" rather than a long file:///… address
    return url.indexOf(ROOT.href) === 0 ? decodeURIComponent(url.slice(ROOT.href.length)) : url;
  }

  function failed(url, reason) {
    var file = siteFile(url);
    var error = new Error((reason === "missing" ? "Không tải được tệp dữ liệu " : "Tệp dữ liệu hỏng: ") + file);
    error.file = file;
    error.url = url;
    error.reason = reason;
    return error;
  }

  function load(url) {
    var href = new URL(url, ROOT).href;
    if (files.has(href)) return files.get(href);
    var promise = new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = href;
      tag.async = true;
      // "load" is fired right after the script has run, so its payload is already delivered.
      tag.onload = function () {
        tag.remove();
        if (delivered.has(tag)) {
          resolve(delivered.get(tag));
        } else {
          files.delete(href);
          reject(failed(href, "empty"));
        }
      };
      tag.onerror = function () {
        tag.remove();
        files.delete(href);
        reject(failed(href, "missing"));
      };
      document.head.appendChild(tag);
    });
    files.set(href, promise);
    return promise;
  }

  load.deliver = function (payload) {
    var tag = document.currentScript;   // the data file being run
    if (tag) delivered.set(tag, payload);
  };

  var ADVICE = "Hãy dựng lại trang web bằng lệnh «python build_graph.py build», hoặc kiểm tra thư mục site/ " +
    "có đủ tệp (nếu mở trang từ một thư mục, hãy chép nguyên cả thư mục site/, giữ nguyên cấu trúc).";

  load.failure = function (what, error) {
    error = error || {};
    if (error.reason === "missing") return "Không tải được dữ liệu " + what + " (" + error.file + "). " + ADVICE;
    if (error.reason === "empty") {
      return "Tệp dữ liệu " + what + " " + error.file + " bị hỏng hoặc không cùng phiên bản với trang web. " + ADVICE;
    }
    // Not a file that failed to load: data that the page could not use.
    if (window.console) console.error(error);
    return "Không hiển thị được " + what + " (" + (error.message || String(error)) + "). " + ADVICE;
  };

  // Two helpers the site's scripts share (graphs, search, previews).
  // A document's page; ids are slugs (the build refuses others), encoded all the same, so that data never makes a URL.
  load.docPage = function (id) { return new URL("van-ban/" + encodeURIComponent(id) + ".html", ROOT).href; };
  load.el = function (tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  };

  load.root = ROOT.href;
  window.vanbanLoad = load;
})();
