/* Expo: the company page's figures beacon. Once per page view it asks the beacon of the profile; a product counts
   as viewed when at least half of its card stays on screen for a second (or the page opens at it). The server
   counts each visitor once a day per company and per product; the page itself is the same for everyone. */
(function () {
  "use strict";
  if (!window.fetch) { return; }
  function send(url) {
    if (url) { window.fetch(url, {credentials: "omit", cache: "no-store", keepalive: true}).catch(function () {}); }
  }
  var page = document.querySelector("[data-figures-profile]");
  if (page) { send(page.getAttribute("data-figures-profile")); }
  var products = document.querySelectorAll("[data-figures-product]");
  if (!products.length || !window.IntersectionObserver) { return; }
  var timers = new Map();
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      var card = entry.target;
      if (entry.isIntersecting && entry.intersectionRatio >= 0.5) {
        if (!timers.has(card)) {
          timers.set(card, window.setTimeout(function () {
            observer.unobserve(card);
            send(card.getAttribute("data-figures-product"));
          }, 1000));
        }
      } else if (timers.has(card)) {
        window.clearTimeout(timers.get(card));
        timers.delete(card);
      }
    });
  }, {threshold: [0, 0.5]});
  products.forEach(function (card) { observer.observe(card); });
}());
