/* The cashier screen: the cart lives in this tab (sessionStorage, per cashier), one JSON POST completes it.
   The server re-prices everything; the totals here are only what the cashier sees meanwhile.
   Events for other features: "kasir:unknown-code" (cancelable; detail.code) when a scanned code is
   not a product — e.g. a member card — and "kasir:sale-done" (detail: the server's answer). */
(function () {
  "use strict";
  var root = document.getElementById("kasir");
  if (!root) return;
  var config = JSON.parse(root.dataset.config), T = window.KASIR_TEXT || {};
  var user = root.dataset.user, KEY = "kasir.cart." + user, HELD = "kasir.held." + user;
  var $ = function (id) { return document.getElementById(id); };
  var barcode = $("barcode"), cache = {}, busy = false, lastSale = null, phase = "cart";
  // a product scanned again within a minute is not asked for again; after that its price and stock are
  // read anew (the manager may have changed the price: the total shown must be the one the server charges)
  var CACHE_MS = 60000;
  var channel = window.BroadcastChannel ? new BroadcastChannel("kasir") : null;
  var cart = loadCart();

  function say(key, fallback, values) {
    var s = T[key] || fallback;
    Object.keys(values || {}).forEach(function (k) { s = s.replace("{" + k + "}", values[k]); });
    return s;
  }
  /* A sale's UUID is made here (a retried payment is recorded once): a UUIDv7 like the server's own, so the
     hub's indexes grow at one end. 48 bits of milliseconds, version 7, variant 10, random bits. */
  function uuid7() {
    var b = crypto.getRandomValues(new Uint8Array(16)), ms = Date.now();
    for (var i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
    b[6] = (b[6] & 15) | 112; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function newCart() { return { uuid: uuid7(), member: null, lines: [] }; }  // member: attached by kasir-members.js
  function parse(text) { try { return JSON.parse(text); } catch (e) { return null; } }
  /* One cart per tab: a second tab starts its own. A cart left in localStorage by an older version is
     adopted by the first tab that opens (and removed there, so no other tab takes it too). */
  function loadCart() {
    var mine = parse(sessionStorage.getItem(KEY));
    if (mine) return mine;
    var old = parse(localStorage.getItem(KEY));
    if (old) { localStorage.removeItem(KEY); return old; }
    return newCart();
  }
  function save() { sessionStorage.setItem(KEY, JSON.stringify(cart)); }
  // A duplicated tab copies sessionStorage: the newcomer asks, and takes a new sale ID if another tab has it.
  if (channel) {
    channel.onmessage = function (e) {
      var m = e.data || {};
      if (m.type === "hello" && m.uuid === cart.uuid && m.user === user) channel.postMessage({ type: "taken", uuid: cart.uuid, user: user });
      if (m.type === "taken" && m.uuid === cart.uuid && m.user === user) { cart.uuid = uuid7(); save(); }
    };
    channel.postMessage({ type: "hello", uuid: cart.uuid, user: user });
  }

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
    var t = { subtotal: 0, discount: 0, count: 0 };
    cart.lines.forEach(function (l) { var g = unitPrice(l) * l.qty; t.subtotal += g; t.discount += lineDiscount(l, g); t.count += l.qty; });
    t.total = t.subtotal - t.discount;
    return t;
  }
  function cashRounding(due) { return config.roundTo && due > 0 ? due % config.roundTo : 0; }

  function message(text, bad) {
    var m = $("scan-msg");
    m.textContent = text || ""; m.className = "scan-msg" + (bad ? " bad" : "");
    if (bad) { barcode.classList.remove("flash-bad"); void barcode.offsetWidth; barcode.classList.add("flash-bad"); }
  }
  function flashAdded(line) {  // big and clear: the cashier sees from a step away that the scan counted
    var f = $("scan-flash");
    f.querySelector(".what").textContent = line.name;
    f.querySelector(".how").textContent = "× " + line.qty + " · " + rupiah(unitPrice(line) * line.qty);
    f.hidden = false; f.classList.remove("show"); void f.offsetWidth; f.classList.add("show");
    clearTimeout(flashAdded.timer);
    flashAdded.timer = setTimeout(function () { f.hidden = true; }, 1400);
  }

  function render() {
    var body = document.querySelector("#cart tbody");
    body.innerHTML = "";
    cart.lines.forEach(function (l, i) {
      var gross = unitPrice(l) * l.qty, tr = document.createElement("tr");
      tr.innerHTML = "<td></td><td class='num'><input data-f='price' class='money'></td>" +
        "<td class='num'><input data-f='qty' inputmode='numeric' class='qty'></td>" +
        "<td class='num'><input data-f='discount' placeholder='0 / 10%'></td>" +
        "<td class='num line-total'></td><td><button type='button' class='link remove'>×</button></td>";
      tr.cells[0].textContent = l.name + (l.warn ? " ⚠ " + l.warn : "");
      var price = tr.querySelector("[data-f=price]");
      price.value = rupiah(unitPrice(l));
      price.setAttribute("aria-label", say("price", "Harga"));
      price.addEventListener("focus", function () { price.value = unitPrice(l); price.select(); });
      tr.querySelector("[data-f=qty]").value = l.qty;
      tr.querySelector("[data-f=qty]").setAttribute("aria-label", say("qty", "Jumlah"));
      tr.querySelector("[data-f=discount]").value = l.discount || "";
      tr.querySelector("[data-f=discount]").setAttribute("aria-label", say("discount", "Diskon"));
      tr.cells[4].textContent = rupiah(gross - lineDiscount(l, gross));
      tr.querySelector("button").setAttribute("aria-label", say("remove", "Hapus"));
      tr.querySelectorAll("input").forEach(function (inp) { inp.addEventListener("change", function () { edit(i, inp); }); });
      tr.querySelector("button").addEventListener("click", function () { cart.lines.splice(i, 1); changed(); });
      body.appendChild(tr);
    });
    var t = totals();
    $("t-count").textContent = say("count", "{n} barang · {lines} baris", { n: t.count, lines: cart.lines.length });
    $("t-subtotal").textContent = rupiah(t.subtotal);
    $("t-discount").textContent = rupiah(t.discount);
    $("t-total").textContent = rupiah(t.total);
    if (window.KasirMembers) window.KasirMembers.render(cart);
    $("cart-empty").hidden = cart.lines.length > 0;
    publish();
  }
  function changed() { save(); render(); barcode.focus(); }

  function edit(i, input) {
    var l = cart.lines[i], f = input.dataset.f, value = input.value.trim();
    if (f === "qty") {
      if (!/^\d{1,4}$/.test(value) || parseInt(value, 10) < 1) {  // "-3" is refused, not read as 3
        message(say("qtyBad", "Jumlah harus angka 1–9999 (tidak boleh minus)."), true); render(); return;
      }
      l.qty = parseInt(value, 10);
    } else if (f === "price") {
      var p = digits(value);
      l.price = p && p !== (cart.member && l.member_price != null ? l.member_price : l.list_price) ? p : null;
      if (l.price) message(say("priceChanged", "Harga diganti: perlu PIN manajer saat bayar."));
    } else {
      l.discount = value;
    }
    changed();
  }

  function addProduct(p, qty) {
    var l = cart.lines.find(function (x) { return x.product_id === p.id && x.price == null && !x.discount; });
    if (l) { l.qty += qty; l.list_price = p.price; l.member_price = p.member_price; }  // the price read last
    else cart.lines.push({ product_id: p.id, name: p.name, list_price: p.price, member_price: p.member_price,
                           qty: qty, discount: "", price: null });
    l = l || cart.lines[cart.lines.length - 1];
    l.warn = p.on_hand - l.qty < 0 ? say("stock", "stok") + " " + (p.on_hand - l.qty) : "";
    message(p.name + " × " + l.qty);
    changed();
    flashAdded(l);
  }

  function scan(text) {
    var m = /^(\d{1,4})\*(.+)$/.exec(text), qty = m ? parseInt(m[1], 10) : 1, code = (m ? m[2] : text).trim();
    if (!code) return;
    if (/^-/.test(text.trim()) && /\*/.test(text)) { message(say("qtyBad", "Jumlah harus angka 1–9999 (tidak boleh minus)."), true); return; }
    if (qty < 1 || qty > 9999) { message(say("qtyBad", "Jumlah harus angka 1–9999 (tidak boleh minus)."), true); return; }
    var known = cache[code] && Date.now() - cache[code].at < CACHE_MS ? cache[code].product : null;
    var lookup = known ? Promise.resolve({ ok: true, d: known })
                       : Till.api("/kasir/api/scan/" + encodeURIComponent(code)).then(function (res) {
                           if (res.ok && !res.d.member) cache[code] = { product: res.d, at: Date.now() };
                           return res;
                         });
    // Lookups run at once, but their products join the cart in scan order: a quick scanner's lines
    // must not swap places because one answer came back before another.
    scanned = scanned.then(function () { return lookup.then(function (res) { applyScan(res, code, qty); }, offline); })
                     .catch(function (err) { console.error(err); });  // one bad answer must not stop the next scans
  }
  var scanned = Promise.resolve();

  function applyScan(res, code, qty) {
    if (res.ok && res.d.member) { cart.member = res.d.member; message("Anggota: " + res.d.member.name); changed(); return; }
    if (res.ok) { addProduct(res.d, qty); return; }
    if (res.d.unknown) {
      var hook = new CustomEvent("kasir:unknown-code", { detail: { code: code, qty: qty }, cancelable: true });
      if (!root.dispatchEvent(hook)) return;  // another feature took it
    }
    message(res.d.error || say("unknown", "Barcode tidak dikenal."), true);
  }

  function offline() { message(say("offline", "Tidak tersambung ke server kasir. Periksa kabel jaringan lalu coba lagi."), true); }

  barcode.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { e.preventDefault(); var v = barcode.value; barcode.value = ""; scan(v); }
  });
  $("btn-clear").addEventListener("click", function () { if (confirm(say("confirmClear", "Kosongkan keranjang?"))) { cart = newCart(); changed(); } });

  /* ---- dialogs ---- */
  function openDialog(d) { document.querySelectorAll("dialog[open]").forEach(function (x) { x.close(); }); d.showModal(); }
  document.querySelectorAll("dialog").forEach(function (d) {
    d.addEventListener("close", function () { if (d.id === "pay-dialog" && phase === "pay") { phase = "cart"; publish(); } barcode.focus(); });
    d.querySelectorAll("[data-close]").forEach(function (b) { b.addEventListener("click", function () { d.close(); }); });
  });

  // Search by name or SKU: arrows choose, Enter adds.
  var results = [], active = 0, searchTimer = null;
  function openSearch() { openDialog($("search-dialog")); $("search-input").value = ""; $("search-results").innerHTML = ""; $("search-input").focus(); }
  function showResults() {
    var ul = $("search-results"); ul.innerHTML = "";
    results.forEach(function (p, i) {
      var li = document.createElement("li");
      li.textContent = p.name + " · " + p.sku + " · " + rupiah(p.price) + " · " + say("stock", "stok") + " " + p.on_hand;
      if (i === active) li.className = "active";
      li.addEventListener("click", function () { pick(i); });
      ul.appendChild(li);
    });
  }
  function pick(i) { if (results[i]) { $("search-dialog").close(); addProduct(results[i], 1); } }
  var searchAsked = 0;
  $("search-input").addEventListener("input", function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () {
      var asked = ++searchAsked;  // only the newest query's answer is shown: Enter must add what the text says
      Till.api("/kasir/api/cari?q=" + encodeURIComponent($("search-input").value.slice(0, 60)))
        .then(function (res) { if (asked === searchAsked) { results = res.d.products || []; active = 0; showResults(); } },
              function () {});
    }, 120);
  });
  $("search-input").addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { active = Math.min(active + 1, results.length - 1); showResults(); e.preventDefault(); }
    if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); showResults(); e.preventDefault(); }
    if (e.key === "Enter") { e.preventDefault(); pick(active); }
  });

  // Hold and resume: held carts live in localStorage (per cashier, survive a reload, any tab may resume).
  function held() { return parse(localStorage.getItem(HELD)) || []; }
  function hold() { scanned.then(holdNow); }  // a scan still on its way belongs to the cart being held
  function holdNow() {
    if (!cart.lines.length) { showHeld(); return; }
    var list = held(); list.push(cart); localStorage.setItem(HELD, JSON.stringify(list));
    cart = newCart(); changed(); message(say("held", "Transaksi ditahan ({n}). F4 untuk melanjutkan.", { n: list.length }));
  }
  function showHeld() {
    var ol = $("held-list"), list = held(); ol.innerHTML = "";
    if (!list.length) { message(say("noneHeld", "Tidak ada transaksi ditahan.")); return; }
    list.forEach(function (c, i) {
      var li = document.createElement("li"), n = c.lines.reduce(function (a, l) { return a + l.qty; }, 0);
      li.textContent = (i + 1) + ". " + c.lines[0].name + (c.lines.length > 1 ? " +" + (c.lines.length - 1) : "") + " · " + say("items", "{n} barang", { n: n });
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
  function nonCashRows() {
    return Array.prototype.map.call(document.querySelectorAll(".noncash-row"), function (row) {
      return { method: row.querySelector("select").value, amount: digits(row.querySelector(".amt").value),
               reference: row.querySelector(".ref").value.trim() };
    });
  }
  function due() {  // what is left for cash, its rounding (borne by the koperasi) and the cash asked for
    var other = nonCashRows().reduce(function (a, p) { return a + p.amount; }, 0);
    var left = Math.max(totals().total - other, 0), r = cashRounding(left);
    return { left: left, rounding: r, cash: left - r, other: other };
  }
  function quickCash() {  // uang pas and the next notes a customer is likely to hand over
    var box = $("quick-cash"), d = due(), seen = {}, amounts = [d.cash];
    [5000, 10000, 20000, 50000, 100000].forEach(function (note) {
      var a = Math.ceil(d.cash / note) * note;
      if (a > d.cash) amounts.push(a);
    });
    box.innerHTML = "";
    amounts.filter(function (a) { if (seen[a] || a <= 0) return false; seen[a] = true; return true; })
      .sort(function (a, b) { return a - b; }).slice(0, 4).forEach(function (a, i) {
        var b = document.createElement("button");
        b.type = "button"; b.className = "quick" + (i === 0 ? " exact" : "");
        b.textContent = i === 0 ? say("exact", "Uang pas") + " " + rupiah(a) : rupiah(a);
        b.addEventListener("click", function () { $("tendered").value = a.toLocaleString("id-ID"); updateChange(); $("tendered").focus(); });
        box.appendChild(b);
      });
  }
  function updateChange() {
    var d = due(), cash = digits($("tendered").value);
    $("change").textContent = rupiah(cash > d.cash ? cash - d.cash : 0);
    $("pay-due").textContent = rupiah(d.cash);
    $("pay-rounding").hidden = !(d.rounding && d.cash >= 0);
    $("pay-rounding-amount").textContent = rupiah(d.rounding);
    showQris();
    publish();
  }
  function showQris() {  // the QRIS with this amount, when a QRIS row is being paid
    var box = $("pay-qris"), row = nonCashRows().filter(function (p) { return p.method === "qris" && p.amount > 0; })[0];
    if (!config.qris || !row) { box.hidden = true; return; }
    var src = "/kasir/qris.svg?jumlah=" + row.amount;
    if (box.querySelector("img").getAttribute("src") !== src) box.querySelector("img").setAttribute("src", src);
    $("pay-qris-amount").textContent = rupiah(row.amount);
    box.hidden = false;
  }
  function openPay() {
    // F8 right after the last scan: its product joins the cart first, so the total asked is the one paid
    scanned.then(openPayNow);
  }
  function openPayNow() {
    if ($("pay-dialog").open) return;
    if (!cart.lines.length) { message(say("empty", "Keranjang masih kosong."), true); return; }
    openDialog($("pay-dialog"));
    phase = "pay";
    $("pay-total").textContent = rupiah(totals().total);
    $("tendered").value = ""; $("pay-error").textContent = ""; $("noncash").innerHTML = "";
    updateChange(); quickCash(); $("tendered").focus();
  }
  $("tendered").addEventListener("input", updateChange);
  function addNonCash(method) {
    var row = document.createElement("div"), d = due();
    row.className = "noncash-row";
    row.innerHTML = "<select></select><input class='amt' inputmode='numeric'>" +
      "<input class='ref'><button type='button' class='link'>×</button>";
    row.querySelector("select").setAttribute("aria-label", say("method", "Metode"));
    row.querySelector(".amt").setAttribute("aria-label", say("amount", "Jumlah"));
    row.querySelector(".ref").setAttribute("aria-label", say("reference", "No. referensi"));
    row.querySelector(".ref").placeholder = say("reference", "No. referensi");
    Object.keys(config.methods).forEach(function (m) {  // QRIS first when the shop has its QRIS
      if (m !== "cash") { var o = document.createElement("option"); o.value = m; o.textContent = config.methods[m]; row.querySelector("select").appendChild(o); }
    });
    if (method) row.querySelector("select").value = method;
    row.querySelector(".amt").value = Math.max(d.left - digits($("tendered").value), 0);
    row.querySelector("button").addEventListener("click", function () { row.remove(); updateChange(); quickCash(); });
    row.querySelectorAll("input,select").forEach(function (x) { x.addEventListener("input", function () { updateChange(); quickCash(); }); });
    $("noncash").appendChild(row); updateChange(); quickCash(); row.querySelector(".ref").focus();
  }
  $("add-noncash").addEventListener("click", function () { addNonCash(null); });
  if ($("pay-by-qris")) $("pay-by-qris").addEventListener("click", function () { $("tendered").value = ""; addNonCash("qris"); });

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
  function pay(retried) {
    busy = true; $("pay-submit").disabled = true; $("pay-error").textContent = "";
    Till.api("/kasir/api/jual", { body: payload() }).then(function (res) {
      if (res.ok) { finished(res.d); return; }
      if (res.status === 409 && res.d.field === "uuid" && !retried) {
        // this sale ID was used for another cart (a copied tab): this cart takes a new one, once
        cart.uuid = uuid7(); save(); busy = false; pay(true); return;
      }
      if (res.d.needs_approval) { $("approval").hidden = false; $("pin").value = ""; $("pin").focus(); }
      $("pay-error").textContent = res.d.error || say("failed", "Transaksi gagal.");
    }, function () {
      $("pay-error").textContent = say("payOffline", "Tidak tersambung ke server. Tekan Enter untuk mencoba lagi (tidak akan tercatat dua kali).");
    }).then(function () { busy = false; $("pay-submit").disabled = false; });
  }
  $("pay-form").addEventListener("submit", function (e) {
    e.preventDefault();
    if (!busy) pay(false);  // a double Enter sends one request; the UUID covers retries anyway
  });

  function finished(d) {
    lastSale = d; cart = newCart(); save(); phase = "done";
    $("approval").hidden = true;
    openDialog($("done-dialog"));
    phase = "done";
    render();
    $("receipt-no").textContent = d.receipt_no;
    $("done-change").textContent = rupiah(d.change);
    $("done-total").textContent = say("paidLine", "Total {total} · diterima {paid}", { total: rupiah(d.total), paid: rupiah(d.tendered) });
    $("done-rounding").hidden = !d.rounding;
    $("done-rounding").textContent = say("roundingLine", "Dibulatkan {amount} (ditanggung koperasi)", { amount: rupiah(d.rounding) });
    var w = $("done-warnings"); w.innerHTML = "";
    d.warnings.forEach(function (t) { var li = document.createElement("li"); li.textContent = t; w.appendChild(li); });
    showPrint(d.print);
    $("btn-new").focus();
    root.dispatchEvent(new CustomEvent("kasir:sale-done", { detail: d }));
  }
  function showPrint(p) {
    var ok = p && p.ok;
    $("print-status").textContent = p == null ? "" : !ok ? say("notPrinted", "Struk belum tercetak:") + " " + p.error :
      p.skipped ? say("noPrinter", "Printer belum diatur: struk tersedia sebagai PDF di Riwayat.") : say("printed", "Struk dicetak.");
    $("print-status").className = ok ? "" : "error";
    $("btn-reprint").hidden = !p || !!ok;  // only after a failed print
  }
  $("btn-reprint").addEventListener("click", function () {
    Till.api("/kasir/api/cetak/" + encodeURIComponent(lastSale.receipt_no), { body: {} })
      .then(function (res) { showPrint(res.d.print || { ok: false, error: res.d.error }); }, function () {});
  });
  $("btn-new").addEventListener("click", function () { $("done-dialog").close(); });
  $("done-dialog").addEventListener("close", function () { phase = "cart"; publish(); });

  /* ---- the customer display (a second window of this browser): lines, totals, paid, change ---- */
  function publish() {
    if (document.visibilityState === "hidden") return;
    var t = totals(), d = phase === "pay" ? due() : null, state = { type: "display", at: Date.now(), phase: phase,
      shop: config.shopName, lines: cart.lines.slice(-8).map(function (l) {
        var g = unitPrice(l) * l.qty; return { name: l.name, qty: l.qty, total: g - lineDiscount(l, g) };
      }), count: t.count, total: t.total };
    if (d) {
      var cash = digits($("tendered").value), qris = nonCashRows().filter(function (p) { return p.method === "qris" && p.amount > 0; })[0];
      state.due = d.cash; state.rounding = d.rounding; state.paid = cash; state.change = cash > d.cash ? cash - d.cash : 0;
      state.qris = config.qris && qris ? qris.amount : null;
    }
    if (phase === "done" && lastSale) {
      state.total = lastSale.total; state.paid = lastSale.tendered; state.change = lastSale.change; state.rounding = lastSale.rounding;
    }
    if (channel) channel.postMessage(state);
    try { localStorage.setItem("kasir.layar", JSON.stringify(state)); } catch (e) { /* full: the channel still works */ }
  }
  document.addEventListener("visibilitychange", publish);
  window.addEventListener("focus", publish);

  /* ---- keys: F2 search, F4 hold/resume, F8 pay; Esc closes dialogs (the browser does that) ---- */
  document.addEventListener("keydown", function (e) {
    // A scan while "Transaksi selesai" is open belongs to the next customer: close it, keep the keys.
    if ($("done-dialog").open && e.key.length === 1 && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      $("done-dialog").close();
      barcode.value += e.key;
      barcode.focus();
      return;
    }
    if (e.key === "F2") { e.preventDefault(); openSearch(); }
    else if (e.key === "F4" && !$("hold-dialog").open) { e.preventDefault(); if (cart.lines.length) hold(); else showHeld(); }
    else if (e.key === "F8") { e.preventDefault(); if (!$("pay-dialog").open) openPay(); }
  }, true);
  $("btn-search").addEventListener("click", openSearch);
  $("btn-hold").addEventListener("click", function () { if (cart.lines.length) hold(); else showHeld(); });
  $("btn-pay").addEventListener("click", openPay);
  // The barcode field keeps focus: a click elsewhere on the page brings it back.
  document.addEventListener("click", function (e) {
    if (!document.querySelector("dialog[open]") && !e.target.closest("input,select,button,a,label")) barcode.focus();
  });
  document.addEventListener("till:resumed", function () { barcode.focus(); });

  // what kasir-members.js needs: the cart, a redraw after it changed, the message line
  window.Kasir = { cart: function () { return cart; }, changed: changed, message: message };
  render();
  barcode.focus();
})();
