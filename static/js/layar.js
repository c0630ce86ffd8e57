/* The customer display: shows what the cashier screen of this browser publishes (BroadcastChannel
   "kasir", localStorage "kasir.layar" as the fallback and the state at load); the shop's name when idle. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var hasQris = document.body.dataset.qris === "1", idleTimer = null;
  function rupiah(n) {
    var s = String(Math.abs(Math.round(n || 0))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (n < 0 ? "-Rp " : "Rp ") + s;
  }
  function show(id, on) { $(id).hidden = !on; }
  function draw(s) {
    if (!s || s.type !== "display") return;
    var busy = s.phase !== "cart" || (s.lines && s.lines.length);
    show("layar-idle", !busy); show("layar-cart", !!busy);
    if (s.shop) { $("layar-shop").textContent = s.shop; $("layar-shop-small").textContent = s.shop; }
    if (!busy) return;
    var body = $("layar-lines"); body.innerHTML = "";
    (s.lines || []).forEach(function (l) {
      var tr = document.createElement("tr");
      tr.innerHTML = "<td></td><td class='num'></td><td class='num'></td>";
      tr.cells[0].textContent = l.name; tr.cells[1].textContent = "× " + l.qty; tr.cells[2].textContent = rupiah(l.total);
      body.appendChild(tr);
    });
    $("layar-count").textContent = s.count ? s.count + " \u00d7" : "";
    $("layar-total").textContent = rupiah(s.total);
    var paying = s.phase === "pay" || s.phase === "done";
    show("layar-due-row", s.phase === "pay" && s.due != null); $("layar-due").textContent = rupiah(s.due);
    show("layar-rounding-row", paying && !!s.rounding); $("layar-rounding").textContent = rupiah(s.rounding);
    show("layar-paid-row", paying && !!s.paid); $("layar-paid").textContent = rupiah(s.paid);
    show("layar-change-row", paying && s.paid > 0); $("layar-change").textContent = rupiah(s.change);
    show("layar-thanks", s.phase === "done");
    var qris = hasQris && s.phase === "pay" && s.qris;
    show("layar-qris", !!qris);
    if (qris) {
      var src = "/kasir/qris.svg?jumlah=" + s.qris;
      if ($("layar-qris-img").getAttribute("src") !== src) $("layar-qris-img").setAttribute("src", src);
      $("layar-qris-amount").textContent = rupiah(s.qris);
    }
    clearTimeout(idleTimer);  // after "thank you", back to the shop's name
    if (s.phase === "done") idleTimer = setTimeout(function () { draw({ type: "display", phase: "cart", lines: [] }); }, 15000);
  }
  try {  // the state at load, unless it is old (a display opened hours after the last sale)
    var last = JSON.parse(localStorage.getItem("kasir.layar"));
    if (last && Date.now() - (last.at || 0) < 600000) draw(last);
  } catch (e) { /* nothing yet */ }
  if (window.BroadcastChannel) new BroadcastChannel("kasir").onmessage = function (e) { draw(e.data); };
  else window.addEventListener("storage", function (e) { if (e.key === "kasir.layar") { try { draw(JSON.parse(e.newValue)); } catch (x) { /* ignore */ } } });
})();
