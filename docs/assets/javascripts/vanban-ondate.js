/* vanban: "Xem theo ngày", the knowledge base as it stood on a chosen day.
 *
 * The day is in the address (?ngay=2017-06-30), so that the view can be shared, and links to the site's
 * pages keep it. Pages mark what happened on a day with data-date (vanban/site/html.day_attr): relations to
 * documents issued later, events of the timeline, the lines of the "replaced" banner (from the day the
 * replacement took effect); those after the chosen day are hidden, and a note says so. The global graph reads
 * the same address (vanban-globalgraph.js). Without a day, nothing changes.
 */
(function () {
  "use strict";

  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  function chosen() {
    var day = new URLSearchParams(location.search).get("ngay");
    return day && DAY.test(day) && !isNaN(Date.parse(day)) ? day : null;
  }
  window.vanbanDay = chosen;

  function shown(day) {   // 2017-06-30 → 30/06/2017
    var p = day.split("-");
    return p[2] + "/" + p[1] + "/" + p[0];
  }

  function withDay(url, day) {
    var u = new URL(url, location.href);
    if (day) u.searchParams.set("ngay", day); else u.searchParams.delete("ngay");
    return u.href;
  }

  function apply(day) {
    var article = document.querySelector("article") || document.body;
    var hidden = 0;
    Array.from(article.querySelectorAll("[data-date]")).forEach(function (node) {
      var later = node.getAttribute("data-date") > day;
      node.classList.toggle("vb-later", later);
      if (later && node.closest(".vb-rel")) hidden++;
    });
    // The "replaced" banner, when none of its lines had happened yet: the document was in force.
    Array.from(article.querySelectorAll(".vb-banner-replaced")).forEach(function (banner) {
      var lines = banner.querySelectorAll("[data-date]");
      var none = lines.length > 0 && Array.from(lines).every(function (l) { return l.classList.contains("vb-later"); });
      banner.classList.toggle("vb-later", none);
    });
    var issued = article.querySelector("[data-issued]");
    var note = document.createElement("div");
    note.className = "admonition note vb-ondate-note";
    note.setAttribute("role", "status");
    var title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = "Đang xem theo ngày " + shown(day);
    note.appendChild(title);
    var text = document.createElement("p");
    text.textContent = (issued && issued.getAttribute("data-issued") > day ? "Văn bản này ban hành sau ngày đó. " : "") +
      (hidden ? hidden + " văn bản liên quan ban hành sau ngày đó được ẩn; " : "") +
      "tình trạng hiệu lực và dòng thời gian tính đến ngày đó. ";
    var back = document.createElement("a");
    back.href = withDay(location.href, null);
    back.textContent = "Xem như hôm nay";
    text.appendChild(back);
    note.appendChild(text);
    var h1 = article.querySelector("h1");
    if (h1) h1.insertAdjacentElement("afterend", note); else article.insertBefore(note, article.firstChild);
    // Links to the site's pages keep the day.
    Array.from(document.querySelectorAll("a[href]")).forEach(function (a) {
      var u = new URL(a.href, location.href);
      if (u.origin === location.origin && /\.html$/.test(u.pathname) && !a.closest(".vb-ondate-note")) {
        a.href = withDay(a.href, day);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var day = chosen();
    Array.from(document.querySelectorAll("form.vb-ondate")).forEach(function (form) {
      if (day) form.elements.ngay.value = day;
      form.addEventListener("submit", function (e) {
        e.preventDefault();
        var value = form.elements.ngay.value;
        if (DAY.test(value)) location.href = withDay(location.href, value);
      });
      form.querySelector(".vb-ondate-clear").addEventListener("click", function () {
        location.href = withDay(location.href, null);
      });
    });
    if (day) apply(day);
  });
})();
