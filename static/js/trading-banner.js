/* Site-wide risk-warning banner of the Trading Center.
 * The page itself carries only an empty slot, so cached pages stay the same for everyone; this script fetches the
 * warnings of the page's language (/<lang>/trading/banner.json, cached for a minute), shows those in effect now,
 * hides each at its end even while the page stays open, and remembers per visitor (localStorage, no cookie)
 * which warnings were dismissed. Without JavaScript the notice board still lists every warning. */
(function () {
  "use strict";
  var slot = document.getElementById("risk-banners");
  if (!slot || !window.fetch || !window.JSON) { return; }
  var STORE = "trading.dismissedWarnings";
  var timer = null;

  function dismissed() {
    try { return JSON.parse(window.localStorage.getItem(STORE) || "[]"); } catch (error) { return []; }
  }

  function dismiss(id) {
    var ids = dismissed().filter(function (known) { return known !== id; });
    ids.push(id);
    try { window.localStorage.setItem(STORE, JSON.stringify(ids.slice(-50))); } catch (error) { /* private mode */ }
  }

  function inEffect(warning, now) {
    return Date.parse(warning.from) <= now && (!warning.until || Date.parse(warning.until) > now);
  }

  function stylesheet() {
    if (document.getElementById("risk-banner-css") || !slot.dataset.css) { return; }
    var link = document.createElement("link");
    link.id = "risk-banner-css";
    link.rel = "stylesheet";
    link.href = slot.dataset.css;
    document.head.appendChild(link);
  }

  function banner(warning, warnings) {
    var box = document.createElement("div");
    box.className = "risk-banner";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", slot.dataset.label);
    box.dataset.notice = String(warning.id);
    var inner = document.createElement("div");
    inner.className = "risk-banner-inner";
    var label = document.createElement("strong");
    label.className = "risk-banner-label";
    label.textContent = slot.dataset.label;
    var link = document.createElement("a");
    link.href = warning.url;
    link.textContent = (warning.serial ? warning.serial + " " : "") + warning.title;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "risk-banner-dismiss";
    close.setAttribute("aria-label", slot.dataset.dismiss);
    close.title = slot.dataset.dismiss;
    close.textContent = "\u00d7";
    close.addEventListener("click", function () {
      dismiss(warning.id);
      render(warnings);
    });
    inner.appendChild(label);
    inner.appendChild(link);
    inner.appendChild(close);
    box.appendChild(inner);
    return box;
  }

  function render(warnings) {
    var now = Date.now();
    var hidden = dismissed();
    var shown = warnings.filter(function (w) { return inEffect(w, now) && hidden.indexOf(w.id) < 0; });
    slot.textContent = "";
    if (shown.length) { stylesheet(); }
    shown.forEach(function (warning) { slot.appendChild(banner(warning, warnings)); });
    slot.hidden = shown.length === 0;
    // Show or hide again at the next start or end of a warning while the page stays open.
    var next = Infinity;
    warnings.forEach(function (warning) {
      [warning.from, warning.until].forEach(function (moment) {
        var wait = moment ? Date.parse(moment) - now : NaN;
        if (wait > 0 && wait < next) { next = wait; }
      });
    });
    window.clearTimeout(timer);
    if (next < 2147483647) { timer = window.setTimeout(function () { render(warnings); }, next + 50); }
  }

  window.fetch(slot.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : { warnings: [] }; })
    .then(function (data) { render(data.warnings || []); })
    .catch(function () { /* no banner when the data cannot be fetched */ });
})();
