/* The province dashboard's two charts (Chart.js, served by the hub itself). Data: #dashboard-data. */
(function () {
  "use strict";
  var source = document.getElementById("dashboard-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var rupiah = function (value) { return "Rp " + Number(value).toLocaleString("id-ID"); };
  var money = { ticks: { callback: rupiah } };
  var tip = function (axis) {
    return { callbacks: { label: function (c) { return c.dataset.label + ": " + rupiah(c.parsed[axis]); } } };
  };
  Chart.defaults.animation = false;  // old PCs: draw once, no motion
  new Chart(document.getElementById("chart-samsat"), {
    type: "bar",
    data: { labels: data.days, datasets: [
      { label: "PKB + opsen", data: data.pkb_opsen, backgroundColor: "#0b6e4f" },
      { label: "SWDKLLJ", data: data.swdkllj, backgroundColor: "#f0a202" },
      { label: "Biaya koperasi", data: data.fee, backgroundColor: "#5c6bc0" }] },
    options: { responsive: true, scales: { x: { stacked: true }, y: Object.assign({ stacked: true }, money) },
               plugins: { tooltip: tip("y") } }
  });
  new Chart(document.getElementById("chart-products"), {
    type: "bar",
    data: { labels: data.products, datasets: [{ label: "Nilai penjualan", data: data.product_amounts, backgroundColor: "#0b6e4f" }] },
    options: { indexAxis: "y", responsive: true, scales: { x: money }, plugins: { legend: { display: false }, tooltip: tip("x") } }
  });
}());
