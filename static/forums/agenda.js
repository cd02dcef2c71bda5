/* Forums: "my agenda", the starred sessions (a list of static/js/stars.js, which must load first). The agenda page
   is rendered by the server from the ids in its address (?s=1,2,3) and kept in step; a personal calendar link's
   token is kept with the ids. Without JavaScript the stars stay hidden. */
(function () {
  "use strict";
  if (window.valleyAgenda || !window.valleyStars) { return; }
  var script = document.currentScript || document.querySelector("script[data-agenda-url]");
  var agendaUrl = script ? script.getAttribute("data-agenda-url") : "";

  var stars = window.valleyStars({
    key: "forums:agenda", field: "sessions", param: "s", first: true, button: "forum-star",
    attribute: "data-session-id", count: "data-agenda-count", agendaUrl: agendaUrl,
    syncUrl: script ? script.getAttribute("data-sync-url") : "", csrf: script ? script.getAttribute("data-csrf") : "",
    titleOn: script ? script.getAttribute("data-title-on") : "",
    titleOff: script ? script.getAttribute("data-title-off") : "",
    paint: function (stars) {
      document.querySelectorAll("input[data-agenda-ids]").forEach(function (input) {
        input.value = stars.state.ids.join(",");
      });
      document.querySelectorAll("input[data-agenda-token]").forEach(function (input) {
        if (!input.value) { input.value = stars.state.token || ""; }
      });
    },
    synced: function (stars, data) { if (data.token) { stars.state.token = data.token; } },
    agendaPage: function (stars) {
      var page = document.getElementById("forum-agenda");
      if (!page) { return; }
      var token = page.getAttribute("data-agenda-token");
      if (token) { stars.state.token = token; stars.save(); }  // a personal calendar link was just made for these ids
      var match = /[?&]s=([^&]*)/.exec(window.location.search);
      var shown = match ? decodeURIComponent(match[1]).split(",").filter(Boolean).map(Number) : [];
      var same = shown.length === stars.state.ids.length && shown.every(stars.starred);
      if (!same && !page.hasAttribute("data-agenda-fixed")) {
        window.location.replace(window.location.pathname + stars.withList(window.location.search, stars.ids()));
      }
    }
  });

  window.valleyAgenda = {ids: stars.ids, toggle: stars.toggle, url: agendaUrl};
}());
