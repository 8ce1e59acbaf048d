// Sortable tables: an enhancement only. Every table is already in a meaningful order from the server;
// this turns the column headers of table.sortable into buttons that re-sort the rows.
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-CN", { numeric: true });

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) { return null; }
    var key = cell.getAttribute("data-sort");
    if (key !== null) { return key === "" ? null : Number(key); }
    var text = cell.textContent.trim();
    return text === "" ? null : text;
  }

  function compare(a, b) {
    if (a === null && b === null) { return 0; }
    if (a === null) { return 1; }   // blanks last, whichever direction
    if (b === null) { return -1; }
    if (typeof a === "number" && typeof b === "number") { return a - b; }
    return collator.compare(String(a), String(b));
  }

  function sort(table, header, index) {
    var descending = header.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("thead th[aria-sort]").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var a = cellValue(x, index), b = cellValue(y, index);
      if (a === null || b === null) { return compare(a, b); }
      return descending ? compare(b, a) : compare(a, b);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead || table.tBodies.length !== 1) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (header.firstChild) { button.appendChild(header.firstChild); }
      header.appendChild(button);
      button.addEventListener("click", function () { sort(table, header, index); });
    });
  });

  // Filtering: an input[data-filter-table] (hidden until this script shows it) keeps the rows whose text holds
  // every word typed, and says how many are shown in its status element.
  document.querySelectorAll("input[data-filter-table]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filter-table"));
    if (!table || table.tBodies.length !== 1) { return; }
    var status = document.getElementById(input.getAttribute("data-filter-status") || "");
    var template = input.getAttribute("data-filter-count") || "";
    var timer = null;
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(function (w) { return w !== ""; });
      var rows = table.tBodies[0].rows, shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var text = row.textContent.toLowerCase();
        var keep = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !keep;
        if (keep) { shown++; }
      });
      if (status) { status.textContent = words.length === 0 ? "" : template.replace("{shown}", shown).replace("{total}", rows.length); }
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 150); });
    var holder = input.closest("[hidden]");
    if (holder) { holder.hidden = false; }
  });
})();
