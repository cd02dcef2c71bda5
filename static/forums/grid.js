/* Forums: the day x room grid. The page carries each cell's place as data attributes (data-column, data-row-start,
   data-row-end; data-row for time labels) because the Content-Security-Policy allows no inline style attributes;
   this script sets them through the CSSOM, which the policy does not restrict, and marks the grid placed. Without
   JavaScript the grid reads as a list in time order, as it does on phones. */
(function () {
  "use strict";
  var grid = document.querySelector(".forum-grid[data-rooms]");
  if (!grid) { return; }

  function number(element, name) {
    var value = parseInt(element.getAttribute(name), 10);
    return value > 0 ? value : null;
  }

  grid.style.setProperty("--grid-rooms", String(number(grid, "data-rooms") || 1));
  grid.style.setProperty("--grid-rows", String(number(grid, "data-rows") || 1));
  Array.prototype.forEach.call(grid.querySelectorAll("[data-column], [data-row]"), function (cell) {
    var column = number(cell, "data-column");
    var start = number(cell, "data-row-start") || number(cell, "data-row");
    var end = number(cell, "data-row-end");
    if (column) { cell.style.gridColumn = String(column); }
    if (start) { cell.style.gridRow = start + " / " + (end || "span 6"); }
  });
  grid.classList.add("is-placed");
})();
