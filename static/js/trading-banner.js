/* Site-wide risk-warning banner of the Trading Center.
 * The server renders the warnings in effect into every page (the same HTML for every visitor, so pages stay
 * cacheable). This script is loaded right after them, without defer, so it runs before the rest of the page is
 * parsed: it hides the warnings this visitor dismissed (remembered in localStorage, no cookie), shows the dismiss
 * buttons (useless without it), and hides each warning at its end while the page stays open. Without JavaScript
 * every warning in effect shows. */
(function () {
  "use strict";
  var slot = document.getElementById("risk-banners");
  if (!slot) { return; }
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

  function boxes() {
    return Array.prototype.slice.call(slot.querySelectorAll(".risk-banner"));
  }

  function refresh() {
    var now = Date.now();
    var hidden = dismissed();
    var next = Infinity;
    var shown = 0;
    boxes().forEach(function (box) {
      var until = box.dataset.until ? Date.parse(box.dataset.until) : NaN;
      box.hidden = hidden.indexOf(Number(box.dataset.notice)) >= 0 || until <= now;
      if (!box.hidden) {
        shown += 1;
        if (until - now < next) { next = until - now; }
      }
    });
    slot.hidden = shown === 0;
    window.clearTimeout(timer);
    if (next < 2147483647) { timer = window.setTimeout(refresh, next + 50); }
  }

  boxes().forEach(function (box) {
    var button = box.querySelector(".risk-banner-dismiss");
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      dismiss(Number(box.dataset.notice));
      refresh();
    });
  });
  refresh();
})();
