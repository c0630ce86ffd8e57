/* The cashier screen: cart in the browser (state + localStorage), one JSON POST to complete.
   The server re-prices everything; the totals here are only what the cashier sees meanwhile. */
(function () {
  "use strict";
  var root = document.getElementById("kasir");
  if (!root) return;
  var config = JSON.parse(root.dataset.config);
  var KEY = "kasir.cart." + root.dataset.user, HELD = "kasir.held." + root.dataset.user;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var $ = function (id) { return document.getElementById(id); };
  var barcode = $("barcode"), cache = {}, cart = load(KEY) || newCart(), busy = false, lastSale = null;

  function uuid4() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function newCart() { return { uuid: uuid4(), member: null, lines: [] }; }  // member: attached by kasir-members.js
  function load(key) { try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; } }
  function save() { localStorage.setItem(KEY, JSON.stringify(cart)); }
  function rupiah(n) {
    var s = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (n < 0 ? "-Rp " : "Rp ") + s;
  }
  function digits(text) { var s = String(text || "").replace(/[^\d]/g, ""); return s ? parseInt(s, 10) : 0; }

  function unitPrice(line) {
    if (line.price != null) return line.price;
    return cart.member && line.member_price != null ? line.member_price : line.list_price;
  }
  function lineDiscount(line, gross) {
    var d = String(line.discount || "").trim();
    if (!d) return 0;
    if (d.slice(-1) === "%") return Math.round(gross * parseFloat(d.replace(",", ".")) / 100) || 0;
    return digits(d);
  }
  function totals() {
    var t = { subtotal: 0, discount: 0 };
    cart.lines.forEach(function (l) { var g = unitPrice(l) * l.qty; t.subtotal += g; t.discount += lineDiscount(l, g); });
    t.total = t.subtotal - t.discount;
    return t;
  }

  function message(text, bad) {
    var m = $("scan-msg");
    m.textContent = text || ""; m.className = "scan-msg" + (bad ? " bad" : "");
    if (bad) { barcode.classList.remove("flash-bad"); void barcode.offsetWidth; barcode.classList.add("flash-bad"); }
  }

  function render() {
    var body = document.querySelector("#cart tbody");
    body.innerHTML = "";
    cart.lines.forEach(function (l, i) {
      var gross = unitPrice(l) * l.qty, tr = document.createElement("tr");
      tr.innerHTML = "<td></td><td class='num'><input data-f='price' aria-label='Harga'></td>" +
        "<td class='num'><input data-f='qty' aria-label='Jumlah' inputmode='numeric'></td>" +
        "<td class='num'><input data-f='discount' aria-label='Diskon' placeholder='0 / 10%'></td>" +
        "<td class='num line-total'></td><td><button type='button' class='link' aria-label='Hapus'>×</button></td>";
      tr.cells[0].textContent = l.name + (l.warn ? " ⚠ " + l.warn : "");
      tr.querySelector("[data-f=price]").value = unitPrice(l);
      tr.querySelector("[data-f=qty]").value = l.qty;
      tr.querySelector("[data-f=discount]").value = l.discount || "";
      tr.cells[4].textContent = rupiah(gross - lineDiscount(l, gross));
      tr.querySelectorAll("input").forEach(function (inp) { inp.addEventListener("change", function () { edit(i, inp); }); });
      tr.querySelector("button").addEventListener("click", function () { cart.lines.splice(i, 1); changed(); });
      body.appendChild(tr);
    });
    var t = totals();
    $("t-subtotal").textContent = rupiah(t.subtotal);
    $("t-discount").textContent = rupiah(t.discount);
    $("t-total").textContent = rupiah(t.total);
    if (window.KasirMembers) window.KasirMembers.render(cart);
    $("cart-empty").hidden = cart.lines.length > 0;
  }
  function changed() { save(); render(); barcode.focus(); }

  function edit(i, input) {
    var l = cart.lines[i], f = input.dataset.f;
    if (f === "qty") {
      var q = digits(input.value);
      if (q < 1 || q > 9999) { message("Jumlah harus 1–9999.", true); render(); return; }
      l.qty = q;
    } else if (f === "price") {
      var p = digits(input.value);
      l.price = p && p !== (cart.member && l.member_price != null ? l.member_price : l.list_price) ? p : null;
      if (l.price) message("Harga diganti: perlu PIN manajer saat bayar.");
    } else {
      l.discount = input.value.trim();
    }
    changed();
  }

  function addProduct(p, qty) {
    var l = cart.lines.find(function (x) { return x.product_id === p.id && x.price == null && !x.discount; });
    if (l) l.qty += qty;
    else cart.lines.push({ product_id: p.id, name: p.name, list_price: p.price, member_price: p.member_price,
                           qty: qty, discount: "", price: null });
    l = l || cart.lines[cart.lines.length - 1];
    l.warn = p.on_hand - l.qty < 0 ? "stok " + (p.on_hand - l.qty) : "";
    message(p.name + " × " + l.qty);
    changed();
  }

  function scan(text) {
    var m = /^(\d{1,4})\*(.+)$/.exec(text), qty = m ? parseInt(m[1], 10) : 1, code = (m ? m[2] : text).trim();
    if (!code) return;
    if (qty < 1 || qty > 9999) { message("Jumlah harus 1–9999.", true); return; }
    if (cache[code]) { addProduct(cache[code], qty); return; }
    fetch("/kasir/api/scan/" + encodeURIComponent(code), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        if (!res.ok) { message(res.d.error || "Barcode tidak dikenal.", true); return; }
        if (res.d.member) { cart.member = res.d.member; message("Anggota: " + res.d.member.name); changed(); return; }
        cache[code] = res.d; addProduct(res.d, qty);
      })
      .catch(function () { message("Tidak tersambung ke server kasir.", true); });
  }

  barcode.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); var v = barcode.value; barcode.value = ""; scan(v); }
  });
  $("btn-clear").addEventListener("click", function () { if (confirm("Kosongkan keranjang?")) { cart = newCart(); changed(); } });

  /* ---- dialogs ---- */
  function openDialog(d) { document.querySelectorAll("dialog[open]").forEach(function (x) { x.close(); }); d.showModal(); }
  document.querySelectorAll("dialog").forEach(function (d) {
    d.addEventListener("close", function () { barcode.focus(); });
    d.querySelectorAll("[data-close]").forEach(function (b) { b.addEventListener("click", function () { d.close(); }); });
  });

  // Search by name or SKU: arrows choose, Enter adds.
  var results = [], active = 0, searchTimer = null;
  function openSearch() { openDialog($("search-dialog")); $("search-input").value = ""; $("search-results").innerHTML = ""; $("search-input").focus(); }
  function showResults() {
    var ul = $("search-results"); ul.innerHTML = "";
    results.forEach(function (p, i) {
      var li = document.createElement("li");
      li.textContent = p.name + " · " + p.sku + " · " + rupiah(p.price) + " · stok " + p.on_hand;
      if (i === active) li.className = "active";
      li.addEventListener("click", function () { pick(i); });
      ul.appendChild(li);
    });
  }
  function pick(i) { if (results[i]) { $("search-dialog").close(); addProduct(results[i], 1); } }
  $("search-input").addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      fetch("/kasir/api/cari?q=" + encodeURIComponent($("search-input").value), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); }).then(function (d) { results = d.products || []; active = 0; showResults(); });
    }, 150);
  });
  $("search-input").addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); showResults(); e.preventDefault(); }
    if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); showResults(); e.preventDefault(); }
    if (e.key === "Enter") { e.preventDefault(); pick(active); }
  });

  // Hold and resume: held carts live in localStorage (per till, survive a reload).
  function held() { return load(HELD) || []; }
  function hold() {
    if (!cart.lines.length) { showHeld(); return; }
    var list = held(); list.push(cart); localStorage.setItem(HELD, JSON.stringify(list));
    cart = newCart(); changed(); message("Transaksi ditahan (" + list.length + "). F4 untuk melanjutkan.");
  }
  function showHeld() {
    var ol = $("held-list"), list = held(); ol.innerHTML = "";
    if (!list.length) { message("Tidak ada transaksi ditahan."); return; }
    list.forEach(function (c, i) {
      var li = document.createElement("li"), n = c.lines.reduce(function (a, l) { return a + l.qty; }, 0);
      li.textContent = (i + 1) + ". " + c.lines[0].name + (c.lines.length > 1 ? " +" + (c.lines.length - 1) : "") + " · " + n + " barang";
      li.addEventListener("click", function () { resume(i); });
      ol.appendChild(li);
    });
    openDialog($("hold-dialog"));
  }
  function resume(i) {
    var list = held(), c = list.splice(i, 1)[0];
    if (cart.lines.length) list.push(cart);
    localStorage.setItem(HELD, JSON.stringify(list));
    $("hold-dialog").close(); cart = c; changed();
  }
  $("hold-dialog").addEventListener("keydown", function (e) {
    var n = parseInt(e.key, 10);
    if (n >= 1 && n <= 9) { e.preventDefault(); resume(n - 1); }
    if (e.key === "F4") { e.preventDefault(); $("hold-dialog").close(); hold(); }
  });

  /* ---- payment ---- */
  function openPay() {
    if (!cart.lines.length) { message("Keranjang masih kosong.", true); return; }
    openDialog($("pay-dialog"));
    $("pay-total").textContent = rupiah(totals().total);
    $("tendered").value = ""; $("pay-error").textContent = ""; $("noncash").innerHTML = "";
    $("change").textContent = rupiah(0); $("tendered").focus();
  }
  function nonCashRows() {
    return Array.prototype.map.call(document.querySelectorAll(".noncash-row"), function (row) {
      return { method: row.querySelector("select").value, amount: digits(row.querySelector(".amt").value),
               reference: row.querySelector(".ref").value.trim() };
    });
  }
  function updateChange() {
    var other = nonCashRows().reduce(function (a, p) { return a + p.amount; }, 0);
    var cash = digits($("tendered").value), due = totals().total - other;
    $("change").textContent = rupiah(cash > due && due >= 0 ? cash - due : 0);
  }
  $("tendered").addEventListener("input", updateChange);
  $("add-noncash").addEventListener("click", function () {
    var row = document.createElement("div"), other = nonCashRows().reduce(function (a, p) { return a + p.amount; }, 0);
    row.className = "noncash-row";
    row.innerHTML = "<select aria-label='Metode'></select><input class='amt' aria-label='Jumlah' inputmode='numeric'>" +
      "<input class='ref' aria-label='No. referensi' placeholder='No. referensi'><button type='button' class='link'>×</button>";
    Object.keys(config.methods).forEach(function (m) {
      if (m !== "cash") { var o = document.createElement("option"); o.value = m; o.textContent = config.methods[m]; row.querySelector("select").appendChild(o); }
    });
    row.querySelector(".amt").value = Math.max(totals().total - other - digits($("tendered").value), 0);
    row.querySelector("button").addEventListener("click", function () { row.remove(); updateChange(); });
    row.querySelector(".amt").addEventListener("input", updateChange);
    $("noncash").appendChild(row); row.querySelector("select").focus(); updateChange();
  });

  function payload() {
    var payments = nonCashRows(), cash = digits($("tendered").value);
    if (cash) payments.push({ method: "cash", amount: cash, reference: "" });
    var body = { uuid: cart.uuid, member_id: cart.member ? cart.member.id : null, payments: payments,
      lines: cart.lines.map(function (l) {
        var line = { product_id: l.product_id, qty: l.qty, discount: l.discount || null };
        if (l.price != null) line.price = l.price;
        return line;
      }) };
    if (!$("approval").hidden) { body.approver = $("approver").value; body.pin = $("pin").value; }
    return body;
  }
  $("pay-form").addEventListener("submit", function (e) {
    e.preventDefault();
    if (busy) return;  // a double Enter sends one request; the UUID covers retries anyway
    busy = true; $("pay-submit").disabled = true; $("pay-error").textContent = "";
    postJSON("/kasir/api/jual", payload()).then(function (res) {
      if (res.ok) { finished(res.d); return; }
      if (res.d.needs_approval) { $("approval").hidden = false; $("pin").value = ""; $("pin").focus(); }
      $("pay-error").textContent = res.d.error || "Transaksi gagal.";
    }).catch(function () {
      $("pay-error").textContent = "Tidak tersambung ke server. Tekan Enter untuk mencoba lagi (tidak akan tercatat dua kali).";
    }).then(function () { busy = false; $("pay-submit").disabled = false; });
  });
  function postJSON(url, body) {
    return fetch(url, { method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf } })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok && d.ok !== false, d: d }; }); });
  }

  function finished(d) {
    lastSale = d; cart = newCart(); save(); render();
    $("approval").hidden = true;
    openDialog($("done-dialog"));
    $("receipt-no").textContent = d.receipt_no;
    $("done-change").textContent = rupiah(d.change);
    $("done-total").textContent = "Total " + rupiah(d.total) + " · dibayar " + rupiah(d.tendered);
    var w = $("done-warnings"); w.innerHTML = "";
    d.warnings.forEach(function (t) { var li = document.createElement("li"); li.textContent = t; w.appendChild(li); });
    showPrint(d.print);
    $("btn-new").focus();
  }
  function showPrint(p) {
    var ok = p && p.ok;
    $("print-status").textContent = p == null ? "" : !ok ? "Struk belum tercetak: " + p.error :
      p.skipped ? "Printer belum diatur: struk tersedia sebagai PDF di Riwayat." : "Struk dicetak.";
    $("print-status").className = ok ? "" : "error";
    $("btn-reprint").hidden = !p || ok;
  }
  $("btn-reprint").addEventListener("click", function () {
    postJSON("/kasir/api/cetak/" + encodeURIComponent(lastSale.receipt_no), {}).then(function (res) { showPrint(res.d.print || { ok: false, error: res.d.error }); });
  });
  $("btn-new").addEventListener("click", function () { $("done-dialog").close(); });

  /* ---- keys: F2 search, F4 hold/resume, F8 pay; Esc closes dialogs (the browser does that) ---- */
  document.addEventListener("keydown", function (e) {
    if (e.key === "F2") { e.preventDefault(); openSearch(); }
    else if (e.key === "F4" && !$("hold-dialog").open) { e.preventDefault(); if (cart.lines.length) hold(); else showHeld(); }
    else if (e.key === "F8") { e.preventDefault(); if (!$("pay-dialog").open) openPay(); }
  });
  $("btn-search").addEventListener("click", openSearch);
  $("btn-hold").addEventListener("click", function () { if (cart.lines.length) hold(); else showHeld(); });
  $("btn-pay").addEventListener("click", openPay);
  // The barcode field keeps focus: a click elsewhere on the page brings it back.
  document.addEventListener("click", function (e) {
    if (!document.querySelector("dialog[open]") && !e.target.closest("input,select,button,a,label")) barcode.focus();
  });

  // what kasir-members.js needs: the cart, a redraw after it changed, the message line
  window.Kasir = { cart: function () { return cart; }, changed: changed, message: message };
  render();
  barcode.focus();
})();
