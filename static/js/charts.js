/* Draw every <canvas data-chart='{...}'> with the vendored Chart.js: bars of rupiah, no animation
   (old shop PCs), labels from the page's language. data-chart: {type, labels, series: [{label, data}], horizontal} */
(function () {
  "use strict";
  if (!window.Chart) return;
  var colours = ["#0b6e4f", "#e0a100", "#3b6fb6", "#b3261e"];
  function rupiah(n) { return "Rp " + String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  function short(n) { return n >= 1e6 ? (n / 1e6).toLocaleString("id-ID", { maximumFractionDigits: 1 }) + " jt" : n >= 1e3 ? Math.round(n / 1e3) + " rb" : String(n); }
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var spec = JSON.parse(canvas.dataset.chart), horizontal = !!spec.horizontal;
    var money = { ticks: { callback: function (v) { return short(v); } }, beginAtZero: true };
    new Chart(canvas, {
      type: spec.type || "bar",
      data: { labels: spec.labels, datasets: spec.series.map(function (s, i) {
        return { label: s.label, data: s.data, backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length] };
      }) },
      options: { animation: false, responsive: true, maintainAspectRatio: false, indexAxis: horizontal ? "y" : "x",
        scales: horizontal ? { x: money } : { y: money },
        plugins: { legend: { display: spec.series.length > 1 },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ": " + rupiah(horizontal ? c.parsed.x : c.parsed.y); } } } } }
    });
  });
})();
