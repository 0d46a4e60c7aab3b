/* vanban: a card for every link to a document, anywhere in the site: type, symbol, date, issuer, status and
 * title, from preview/*.js (vanban/site/previews.py), loaded by vanban-loader.js, so offline and from
 * file:// too. A mouse shows it on hover, the keyboard on focus; on a touch screen a small handle after
 * the link opens it (a tap on the link itself follows the link, as it always did). Escape closes it.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var ROOT = new URL("../../", script.src);
  var DATA = new URL("preview/", ROOT);
  var DOCS = new URL("van-ban/", ROOT).href;
  var SHOW_AFTER_MS = 250;     // a link merely crossed by the mouse shows nothing
  var HIDE_AFTER_MS = 300;     // time to move from the link onto its card
  var MAX_HANDLES = 400;       // touch handles added per page

  function deliver(payload) { window.vanbanLoad.deliver(payload); }
  window.VB_PREVIEW = { meta: deliver, shard: deliver };

  var meta = null, shards = new Map();
  function cardOf(id) {
    meta = meta || window.vanbanLoad(new URL("meta.js", DATA).href);
    return meta.then(function (m) {
      var n = window.VB_SEARCH.fnv1a(id) % m.shards;   // vanban-search.js, loaded before this file
      if (!shards.has(n)) shards.set(n, window.vanbanLoad(new URL(n + ".js", DATA).href));
      return shards.get(n);
    }).then(function (cards) { return cards[id] || null; });
  }

  // The document a link leads to: a page of van-ban/ in this site, or null.
  function docOf(link) {
    if (!link.href || link.href.indexOf(DOCS) !== 0) return null;
    var rest = link.href.slice(DOCS.length).split(/[?#]/)[0];
    if (!/^[^/]+\.html$/.test(rest)) return null;
    var id = decodeURIComponent(rest.slice(0, -5));
    return location.href.split(/[?#]/)[0] === link.href.split(/[?#]/)[0] ? null : id;   // not the page itself
  }

  var el = window.vanbanLoad.el;

  var card = el("div", "vb-peek");
  card.id = "vb-peek";
  card.setAttribute("role", "tooltip");
  card.hidden = true;
  var shownFor = null, timer = null;

  function fill(c) {
    card.textContent = "";
    var head = el("div", "vb-peek-head");
    head.appendChild(el("span", "vb-peek-type", c[0]));
    head.appendChild(el("strong", "vb-peek-symbol", " " + c[1]));
    card.appendChild(head);
    card.appendChild(el("div", "vb-peek-meta", c[2] + " · " + c[3]));
    if (c[4]) card.appendChild(el("div", "vb-peek-status", c[4]));
    if (c[5]) card.appendChild(el("div", "vb-peek-title", c[5]));
    if (c[6]) card.appendChild(el("div", "vb-peek-unverified", "Có thông tin chưa xác minh"));
  }

  function place(anchor) {
    var r = anchor.getBoundingClientRect();
    var top = r.bottom + window.scrollY + 6, left = Math.max(8, Math.min(r.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    if (r.bottom + card.offsetHeight + 12 > window.innerHeight && r.top > card.offsetHeight + 12) {
      top = r.top + window.scrollY - card.offsetHeight - 6;   // above, when there is no room below
    }
    card.style.top = top + "px";
    card.style.left = left + "px";
  }

  function show(link, anchor, id) {
    shownFor = link;
    cardOf(id).then(function (c) {
      if (shownFor !== link || !c) return;
      fill(c);
      card.hidden = false;
      place(anchor || link);
      link.setAttribute("aria-describedby", "vb-peek");
    }).catch(function () { /* no card: the link still works */ });
  }

  function hide() {
    clearTimeout(timer);
    if (shownFor) shownFor.removeAttribute("aria-describedby");
    shownFor = null;
    card.hidden = true;
  }

  function linkFrom(target) {
    var link = target && target.closest ? target.closest("a[href]") : null;
    return link && !link.closest(".vb-peek") ? link : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (typeof window.vanbanLoad === "undefined") return;
    document.body.appendChild(card);
    document.addEventListener("mouseover", function (e) {
      var link = linkFrom(e.target), id = link && docOf(link);
      if (link === shownFor) clearTimeout(leaving);
      if (!id || link === shownFor) return;
      clearTimeout(timer);
      timer = setTimeout(function () { show(link, null, id); }, SHOW_AFTER_MS);
    });
    // Leaving the link for the card keeps it (WCAG 1.4.13: the card can be hovered); leaving both hides it.
    var leaving = null;
    function later() { clearTimeout(leaving); leaving = setTimeout(hide, HIDE_AFTER_MS); }
    document.addEventListener("mouseout", function (e) {
      var link = linkFrom(e.target);
      if (link && link === shownFor && !link.contains(e.relatedTarget)) later();
      else if (e.target.closest && e.target.closest(".vb-peek") && !card.contains(e.relatedTarget)) later();
      else if (link && !link.contains(e.relatedTarget)) clearTimeout(timer);
    });
    card.addEventListener("mouseover", function () { clearTimeout(leaving); });
    document.addEventListener("focusin", function (e) {
      var link = linkFrom(e.target), id = link && docOf(link);
      if (id) show(link, null, id); else if (!e.target.closest || !e.target.closest(".vb-peek-handle")) hide();
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
    document.addEventListener("scroll", function () { if (shownFor && !shownFor.matches(":focus")) hide(); }, { passive: true });
    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) handles();
  });

  // Touch screens: a handle after each link to a document (in the content) opens or closes its card.
  function handles() {
    var links = Array.from(document.querySelectorAll(".md-content a[href]")).filter(docOf).slice(0, MAX_HANDLES);
    links.forEach(function (link) {
      var button = el("button", "vb-peek-handle", "i");
      button.type = "button";
      button.setAttribute("aria-label", "Xem nhanh văn bản này");
      button.addEventListener("click", function (e) {
        e.preventDefault();
        if (shownFor === link) hide(); else show(link, button, docOf(link));
      });
      link.insertAdjacentElement("afterend", button);
    });
  }
})();
