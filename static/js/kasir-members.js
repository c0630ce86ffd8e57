/* The member at the cashier screen: shows who is attached (name, number, kasbon left, dompet balance),
   finds a member by name or number (F3), detaches. Scanning a card is handled by kasir.js (the scan
   answers {member}); the sale sends member_id and the server applies member prices and checks tenders. */
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  function rupiah(n) { return "Rp " + String(Math.round(n || 0)).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
  var results = [], active = 0, timer = null, asked = 0, T = window.KASIR_TEXT || {};  // asked: queries sent
  function say(key, fallback, values) {  // the page's language (screen.html), Indonesian when absent
    var s = T[key] || fallback;
    Object.keys(values || {}).forEach(function (k) { s = s.replace("{" + k + "}", values[k]); });
    return s;
  }

  function render(cart) {
    var box = $("member-attached"), m = cart.member;
    if (!box) return;
    if (!m) { box.textContent = say("walkIn", "Pelanggan umum. Pindai kartu anggota atau cari:"); box.className = "lead small"; return; }
    var parts = [say("member", "Anggota: {name}", { name: m.name + " (" + m.number + ")" })];
    if (m.credit && m.credit.limit) parts.push(say("creditLeft", "sisa kasbon {amount}", { amount: rupiah(m.credit.available) }));
    if (m.wallet) parts.push(say("wallet", "dompet {amount}", { amount: rupiah(m.wallet.balance) }) +
      (m.wallet.remaining_today != null ? ", " + say("walletToday", "sisa batas hari ini {amount}",
        { amount: rupiah(m.wallet.remaining_today) }) : ""));
    box.textContent = parts.join(" · ") + " ";
    box.className = "member-on";
    var off = document.createElement("button");
    off.type = "button"; off.className = "link"; off.textContent = say("detach", "lepas");
    off.addEventListener("click", function () { var c = window.Kasir.cart(); c.member = null; window.Kasir.changed(); });
    box.appendChild(off);
  }
  function show() {
    var ul = $("member-results"); ul.innerHTML = "";
    results.forEach(function (m, i) {
      var li = document.createElement("li");
      li.textContent = m.number + " · " + m.name + " · " + m.kind_label;
      if (i === active) li.className = "active";
      li.addEventListener("click", function () { pick(i); });
      ul.appendChild(li);
    });
  }
  function pick(i) {
    var m = results[i];
    if (!m) return;
    var cart = window.Kasir.cart();
    cart.member = m; results = []; show(); $("member-search").value = ""; asked += 1;  // answers still on the way are old
    window.Kasir.message(say("member", "Anggota: {name}", { name: m.name })); window.Kasir.changed();
  }
  function wire() {
    var input = $("member-search");
    if (!input) return;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      // only the newest query's answer is shown (never one to an older text, nor to a cleared box):
      // Enter must attach the member the text names, not the one a slow answer listed first
      var query = input.value, mine = ++asked;
      if (!query.trim()) { results = []; show(); return; }
      timer = setTimeout(function () {
        window.Till.api("/kasir/api/anggota?q=" + encodeURIComponent(query))
          .then(function (res) { if (mine === asked) { results = res.d.members || []; active = 0; show(); } }, function () {});
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); show(); e.preventDefault(); }
      if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); show(); e.preventDefault(); }
      if (e.key === "Enter") { e.preventDefault(); pick(active); }
      if (e.key === "Escape") { results = []; show(); }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "F3") { e.preventDefault(); input.focus(); }
    });
  }
  window.KasirMembers = { render: render };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire); else wire();
})();
