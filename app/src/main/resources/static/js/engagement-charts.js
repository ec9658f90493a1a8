// Draws each dashboard chart from the data table beside it, so the table (read by screen readers
// and printed) is the one source of the figures. Columns marked data-skip are not drawn.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof Chart === "undefined") {
    return;
  }
  var colours = ["#2563eb", "#d97706", "#dc2626", "#059669"];
  document.querySelectorAll("figure.chart[data-chart]").forEach(function (figure) {
    var canvas = figure.querySelector("canvas");
    var table = figure.querySelector("table");
    if (!canvas || !table) {
      return;
    }
    var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var columns = [];
    headers.forEach(function (th, i) {
      if (i > 0 && !th.hasAttribute("data-skip")) {
        columns.push({ index: i, label: th.textContent.trim() });
      }
    });
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var labels = rows.map(function (tr) { return tr.cells[0].textContent.trim(); });
    var kind = figure.getAttribute("data-chart");
    var datasets = columns.map(function (column, n) {
      return {
        label: column.label,
        data: rows.map(function (tr) { return Number(tr.cells[column.index].textContent.trim()) || 0; }),
        backgroundColor: colours[n % colours.length],
        borderColor: colours[n % colours.length],
        fill: false
      };
    });
    new Chart(canvas, {
      type: kind === "line" ? "line" : "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: kind === "stacked"
          ? { x: { stacked: true }, y: { stacked: true, beginAtZero: true } }
          : { y: { beginAtZero: true } }
      }
    });
  });
});
