document.querySelectorAll("table.sortable").forEach(function (table) {
  table.querySelectorAll("thead th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var column = Array.prototype.indexOf.call(button.closest("tr").children, button.closest("th"));
      var numeric = button.dataset.numeric === "1";
      var descending = button.dataset.order !== "desc";
      button.dataset.order = descending ? "desc" : "asc";
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.children[column].textContent.trim(), y = b.children[column].textContent.trim();
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        return descending ? -order : order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
// Printing shows every session's exercises: closed sessions are opened for the print and
// closed again after it (browsers without ::details-content in CSS need this).
var openedForPrint = [];
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details.chip:not([open])").forEach(function (session) {
    session.open = true;
    openedForPrint.push(session);
  });
});
window.addEventListener("afterprint", function () {
  openedForPrint.forEach(function (session) { session.open = false; });
  openedForPrint = [];
});
