/* Expo: starred exhibitors (a list of static/js/stars.js, which must load first), kept like the forums' starred
   sessions of static/forums/agenda.js. Links to "My agenda" carry the list (?e=1,2,3) and the agenda page, rendered
   by the server from it, is kept in step. Without JavaScript the stars stay hidden. */
(function () {
  "use strict";
  if (window.valleyBookmarks || !window.valleyStars) { return; }
  var script = document.currentScript || document.querySelector("script[src*='expo/bookmarks']");
  var agendaUrl = script ? script.getAttribute("data-agenda-url") : "";

  var stars = window.valleyStars({
    key: "expo:bookmarks", field: "companies", param: "e", button: "expo-star", attribute: "data-company-id",
    count: "data-bookmarks-count", agendaUrl: agendaUrl, limit: 200,
    syncUrl: script ? script.getAttribute("data-sync-url") : "", csrf: script ? script.getAttribute("data-csrf") : "",
    paint: function () {
      document.querySelectorAll("[data-bookmarks-agenda]").forEach(function (node) { node.hidden = false; });
    },
    // On "My agenda" the server listed the exhibitors of the address (or of the account): reload it with this
    // browser's list when the two differ.
    agendaPage: function (stars) {
      var section = document.querySelector("[data-bookmarks-shown]");
      if (!section || !agendaUrl || window.location.pathname !== agendaUrl) { return; }
      var shown = section.getAttribute("data-bookmarks-shown").split(",").filter(Boolean).map(Number);
      var same = shown.length === stars.state.ids.length && shown.every(stars.starred);
      if (!same) {
        window.location.replace(window.location.pathname + stars.withList(window.location.search, stars.ids()) +
                                window.location.hash);
      }
    }
  });

  window.valleyBookmarks = {ids: stars.ids, toggle: stars.toggle};
}());
