/* News Center: "recently viewed" kept in this browser only (localStorage, per language) and a view-count beacon.
   The server sends every anonymous visitor the same page, so pages stay cacheable; without JavaScript the
   block stays hidden and the article reads the same. */
(function () {
  "use strict";
  var MAX = 6;
  var box = document.getElementById("news-recent");
  var article = document.querySelector("[data-news-article]");
  var language = box ? box.getAttribute("data-language") : document.documentElement.lang;
  var key = "news:recent:" + language;

  function load() {
    try { return JSON.parse(window.localStorage.getItem(key)) || []; } catch (e) { return []; }
  }
  function save(items) {
    try { window.localStorage.setItem(key, JSON.stringify(items.slice(0, MAX))); } catch (e) { /* private mode */ }
  }

  var items = load();
  var current = null;
  if (article) {
    current = {id: article.getAttribute("data-news-article"), title: article.getAttribute("data-title"),
               url: article.getAttribute("data-url")};
    var seen = article.getAttribute("data-seen-url");
    if (seen && navigator.sendBeacon) { navigator.sendBeacon(seen); }
  }
  var shown = items.filter(function (item) {
    return item && typeof item.url === "string" && item.url.charAt(0) === "/" && item.url.charAt(1) !== "/" &&
      (!current || item.id !== current.id);
  });
  if (box && shown.length) {
    var list = box.querySelector("ol");
    shown.slice(0, MAX - 1).forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      li.appendChild(link);
      list.appendChild(li);
    });
    box.hidden = false;
  }
  if (current) { save([current].concat(shown)); }
})();
