/* A starred list kept in this browser (localStorage), so the pages with stars stay the same HTML for everyone and
   cacheable. Signed-in visitors also keep it on their account: on load the server's list and the local one are
   merged, and every change is sent back, one request at a time. Links to the agenda page carry the list in its
   address parameter. Used by static/forums/agenda.js (sessions) and static/expo/bookmarks.js (exhibitors).

   window.valleyStars(options) -> {ids(), starred(id), toggle(id), save(), state, withList(search, ids)}
   options: key (localStorage), field (the JSON list of the sync view), param (the agenda address's parameter),
   first (put param first), button (CSS class of the star buttons), attribute (their id attribute), count (the
   attribute of the counters), titleOn and titleOff (the buttons' titles when they carry none), agendaUrl, syncUrl, csrf, limit, and the callbacks paint(stars) (the page's own
   parts), synced(stars, data) (the sync view's other fields) and agendaPage(stars) (run once the lists agree). */
(function () {
  "use strict";
  if (window.valleyStars) { return; }

  function clean(ids, limit) {
    var numbers = (Array.isArray(ids) ? ids : []).map(Number).filter(function (id) {
      return id > 0 && Math.floor(id) === id;
    });
    return numbers.filter(function (id, index) { return numbers.indexOf(id) === index; }).slice(0, limit);
  }

  window.valleyStars = function (o) {
    var limit = o.limit || 1000;
    var state;
    try { state = JSON.parse(window.localStorage.getItem(o.key)) || {}; } catch (e) { state = {}; }
    state.ids = clean(state.ids, limit);
    var stars = {state: state};

    stars.save = function () {
      try { window.localStorage.setItem(o.key, JSON.stringify(state)); } catch (e) { /* private mode */ }
    };
    stars.ids = function () { return state.ids.slice(); };
    stars.starred = function (id) { return state.ids.indexOf(id) !== -1; };
    // The query string with the parameter set to the list (or removed when it is empty), others kept.
    stars.withList = function (search, ids) {
      var parts = search.replace(/^\?/, "").split("&").filter(function (part) {
        return part && part.split("=")[0] !== o.param;
      });
      if (ids.length) { parts[o.first ? "unshift" : "push"](o.param + "=" + ids.join(",")); }
      return parts.length ? "?" + parts.join("&") : "";
    };

    function paint() {
      document.querySelectorAll("button." + o.button + "[" + o.attribute + "]").forEach(function (button) {
        var on = stars.starred(Number(button.getAttribute(o.attribute)));
        button.hidden = false;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.title = button.getAttribute(on ? "data-title-on" : "data-title-off") || (on ? o.titleOn : o.titleOff) ||
          button.title;
        var icon = button.querySelector("." + o.button + "__icon");
        if (icon) { icon.textContent = on ? "★" : "☆"; }
      });
      document.querySelectorAll("[" + o.count + "]").forEach(function (node) {
        node.textContent = String(state.ids.length);
      });
      document.querySelectorAll("a[href]").forEach(function (link) {
        if (o.agendaUrl && link.pathname === o.agendaUrl && link.origin === window.location.origin) {
          link.search = stars.withList(link.search, state.ids);
        }
      });
      if (o.paint) { o.paint(stars); }
    }

    var sending = Promise.resolve();

    function push() {  // one request at a time, each with the list as it is when it leaves
      if (!o.syncUrl || !window.fetch) { return Promise.resolve(); }
      sending = sending.then(function () {
        var body = {};
        body[o.field] = state.ids;
        return window.fetch(o.syncUrl, {method: "POST", credentials: "same-origin",
          headers: {"Content-Type": "application/json", "X-CSRFToken": o.csrf}, body: JSON.stringify(body)});
      }).catch(function () { /* sent again with the next change */ });
      return sending;
    }

    function agendaPage() { if (o.agendaPage) { o.agendaPage(stars); } }

    stars.toggle = function (id) {
      state.ids = stars.starred(id) ? state.ids.filter(function (x) { return x !== id; }) : state.ids.concat([id]);
      stars.save();
      paint();
      push().then(agendaPage);
    };

    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button." + o.button + "[" + o.attribute + "]");
      if (!button) { return; }
      event.preventDefault();
      stars.toggle(Number(button.getAttribute(o.attribute)));
    });

    // The account's list is read first, and every push waits for it: a star clicked before the answer would
    // otherwise send this browser's list alone, replacing what the account holds from other devices.
    function start() {
      paint();
      if (!o.syncUrl || !window.fetch) { agendaPage(); return; }
      var changed = false;
      sending = window.fetch(o.syncUrl, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (data) {
          var server = clean(data[o.field] || [], limit);
          var merged = clean(state.ids.concat(server), limit);
          changed = merged.length !== server.length;
          state.ids = merged;
          if (o.synced) { o.synced(stars, data); }
          stars.save();
          paint();
        })
        .catch(function () { /* this browser's list stands; the next change sends it */ });
      sending.then(function () { return changed ? push() : undefined; }).then(agendaPage);
    }

    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", start);
    } else {
      start();
    }
    return stars;
  };
}());
