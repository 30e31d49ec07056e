// Trend charts of the KPI dashboard. The data comes from a JSON script tag
// (no inline script, so the Content-Security-Policy stays strict); the same
// figures are in the table under the chart.
(function () {
  "use strict";
  var source = document.getElementById("kpi-chart-data");
  var canvas = document.getElementById("kpi-chart");
  if (!source || !canvas || typeof window.Chart === "undefined") { return; }
  var series = JSON.parse(source.textContent);
  var codes = Object.keys(series);
  if (!codes.length) { return; }
  var colours = ["#1f5c99", "#a3111b", "#2e7d32", "#6a1b9a"];
  var datasets = codes.map(function (code, index) {
    return {
      label: series[code].label,
      data: series[code].values.map(function (value, i) {
        var target = series[code].targets[i];
        // Plot attainment (value / target) so indicators of different units share an axis.
        return value === null || !target ? null : Math.round((1000 * value) / target) / 10;
      }),
      borderColor: colours[index % colours.length],
      backgroundColor: colours[index % colours.length],
      spanGaps: true
    };
  });
  // The legend is HTML under the chart, not drawn in the canvas: on a phone the
  // indicators' long names wrap there instead of being cut or squeezing the plot.
  var box = canvas.parentNode;
  var legend = document.createElement("ul");
  legend.className = "chart-legend";
  datasets.forEach(function (dataset) {
    var item = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.setAttribute("aria-hidden", "true");
    swatch.style.background = dataset.borderColor;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(dataset.label));
    legend.appendChild(item);
  });
  box.parentNode.insertBefore(legend, box.nextSibling);
  var narrow = window.matchMedia && window.matchMedia("(max-width: 40rem)").matches;
  new window.Chart(canvas, {
    type: "line",
    data: { labels: series[codes[0]].years, datasets: datasets },
    options: {
      animation: false,
      // Taller on a phone, where the plot is narrow.
      aspectRatio: narrow ? 1.2 : 2,
      scales: { y: { beginAtZero: true, title: { display: true, text: canvas.dataset.axis || "%" } } },
      plugins: { legend: { display: false } }
    }
  });
})();
