/* Forums: "my agenda". Starred session ids live in this browser (localStorage), so anonymous pages stay the same
   for everyone and cacheable. Signed-in visitors also keep them on their account: on load the server's list and the
   local one are merged, and every change is sent back. Without JavaScript the stars stay hidden. */
(function () {
  "use strict";
  if (window.valleyAgenda) { return; }
  var KEY = "forums:agenda";
  var script = document.currentScript || document.querySelector("script[data-agenda-url]");
  var agendaUrl = script ? script.getAttribute("data-agenda-url") : "";
  var syncUrl = script ? script.getAttribute("data-sync-url") : "";
  var csrf = script ? script.getAttribute("data-csrf") : "";

  function load() {
    var state;
    try { state = JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { state = {}; }
    var ids = (Array.isArray(state.ids) ? state.ids : []).map(Number).filter(function (id) {
      return id > 0 && Math.floor(id) === id;
    });
    return {ids: unique(ids), token: typeof state.token === "string" ? state.token : ""};
  }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }
  function unique(ids) {
    return ids.filter(function (id, index) { return ids.indexOf(id) === index; });
  }

  var state = load();

  function starred(id) { return state.ids.indexOf(id) !== -1; }

  function paint() {
    document.querySelectorAll("button.forum-star[data-session-id]").forEach(function (button) {
      var on = starred(Number(button.getAttribute("data-session-id")));
      button.hidden = false;
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.title = button.getAttribute(on ? "data-title-on" : "data-title-off") || button.title;
      var icon = button.querySelector(".forum-star__icon");
      if (icon) { icon.textContent = on ? "★" : "☆"; }
    });
    document.querySelectorAll("[data-agenda-count]").forEach(function (node) {
      node.textContent = String(state.ids.length);
    });
    document.querySelectorAll("a[href]").forEach(function (link) {  // links to the agenda carry the ids
      if (agendaUrl && link.pathname === agendaUrl && link.origin === window.location.origin) {
        link.search = state.ids.length ? "?s=" + state.ids.join(",") : "";
      }
    });
    document.querySelectorAll("input[data-agenda-ids]").forEach(function (input) {
      input.value = state.ids.join(",");
    });
    document.querySelectorAll("input[data-agenda-token]").forEach(function (input) {
      if (!input.value) { input.value = state.token; }
    });
  }

  var sending = Promise.resolve();

  function push() {  // one request at a time, each with the list as it is when it leaves
    if (!syncUrl || !window.fetch) { return Promise.resolve(); }
    sending = sending.then(function () {
      return window.fetch(syncUrl, {method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
        body: JSON.stringify({sessions: state.ids})});
    }).catch(function () { /* sent again with the next change */ });
    return sending;
  }

  function toggle(id) {
    state.ids = starred(id) ? state.ids.filter(function (x) { return x !== id; }) : state.ids.concat([id]);
    save();
    paint();
    push().then(agendaPage);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button.forum-star[data-session-id]");
    if (!button) { return; }
    event.preventDefault();
    toggle(Number(button.getAttribute("data-session-id")));
  });

  // The agenda page is rendered by the server from the ids in its address (?s=1,2,3): keep them in step.
  function agendaPage() {
    var page = document.getElementById("forum-agenda");
    if (!page) { return; }
    var token = page.getAttribute("data-agenda-token");
    if (token) { state.token = token; save(); }  // a personal calendar link was just made for these ids
    var match = /[?&]s=([^&]*)/.exec(window.location.search);
    var shown = match ? decodeURIComponent(match[1]).split(",").filter(Boolean).map(Number) : [];
    var same = shown.length === state.ids.length && shown.every(starred);
    if (!same && !page.hasAttribute("data-agenda-fixed")) {
      window.location.replace(window.location.pathname + (state.ids.length ? "?s=" + state.ids.join(",") : ""));
    }
  }

  function start() {
    paint();
    if (!syncUrl || !window.fetch) { agendaPage(); return; }
    window.fetch(syncUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {sessions: []}; })
      .then(function (data) {
        var server = (data.sessions || []).map(Number);
        var merged = unique(state.ids.concat(server));
        var changed = merged.length !== server.length;
        state.ids = merged;
        if (data.token) { state.token = data.token; }
        save();
        paint();
        (changed ? push() : Promise.resolve()).then(agendaPage);
      })
      .catch(function () { agendaPage(); });
  }

  window.valleyAgenda = {ids: function () { return state.ids.slice(); }, toggle: toggle, url: agendaUrl};
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
