/* The till's session, shared by the cashier screens: JSON calls that survive an ended session (log in
   again from the screen, then the call is retried) and the idle lock behind the cashier's PIN.
   window.Till.api(url, {method, body}) -> Promise<{ok, status, d}>; rejects only when the server is
   unreachable. Another cashier logging in reloads the page: carts are kept per cashier. */
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.content : "";
  var dialog = document.getElementById("session-dialog");
  var t = (window.TILL_TEXT || {});
  var waiting = [];   // calls to retry once the session is back
  var me = dialog ? { id: parseInt(dialog.dataset.user, 10), username: dialog.dataset.username } : {};

  function text(key, fallback) { return t[key] || fallback; }
  function raw(url, opts) {
    opts = opts || {};
    var headers = { Accept: "application/json" };
    if (opts.body !== undefined) { headers["Content-Type"] = "application/json"; headers["X-CSRFToken"] = csrf; }
    return fetch(url, { method: opts.method || (opts.body !== undefined ? "POST" : "GET"), headers: headers,
                        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
                        credentials: "same-origin", redirect: "manual" })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (d) {
          return { ok: r.ok && d.ok !== false, status: r.status, d: d };
        });
      });
  }
  function api(url, opts) {
    return raw(url, opts).then(function (res) {
      if (!dialog || !(res.status === 401 || res.status === 423 || res.status === 0)) return res;
      return new Promise(function (resolve, reject) {
        waiting.push(function () { raw(url, opts).then(resolve, reject); });
        ask(res.status === 423 ? "locked" : "login", res.d.error);
      });
    });
  }

  /* ---- the dialog: "locked" asks for the PIN, "login" for the password (also: another cashier) ---- */
  function ask(mode, why) {
    if (!dialog) return;
    dialog.dataset.mode = mode;
    document.getElementById("session-title").textContent = mode === "locked"
      ? text("locked", "Layar kasir terkunci") : text("ended", "Sesi berakhir: masuk lagi");
    document.getElementById("session-why").textContent = why || "";
    document.getElementById("session-pin-row").hidden = mode !== "locked";
    document.getElementById("session-login-row").hidden = mode === "locked";
    document.getElementById("session-error").textContent = "";
    document.getElementById("session-username").value = me.username || "";
    document.getElementById("session-password").value = "";
    document.getElementById("session-pin").value = "";
    document.querySelectorAll("dialog[open]").forEach(function (d) { if (d !== dialog) d.close(); });
    if (!dialog.open) dialog.showModal();
    (mode === "locked" ? document.getElementById("session-pin") : document.getElementById("session-password")).focus();
  }
  function done(d) {
    csrf = d.csrf || csrf;
    if (meta) meta.content = csrf;
    if (d.user_id && me.id && d.user_id !== me.id) { location.reload(); return; }  // another cashier
    dialog.close();
    var retry = waiting; waiting = [];
    retry.forEach(function (f) { f(); });
    document.dispatchEvent(new CustomEvent("till:resumed"));
  }
  function failed(res) {
    document.getElementById("session-error").textContent = (res && res.d && res.d.error) || text("offline", "Tidak tersambung ke server kasir.");
  }
  function submit(e) {
    e.preventDefault();
    if (dialog.dataset.mode === "locked") {
      raw("/kasir/api/buka", { body: { secret: document.getElementById("session-pin").value } })
        .then(function (res) { if (res.ok) done(res.d); else if (res.status === 401) ask("login", res.d.error); else failed(res); }, failed);
      return;
    }
    var body = { username: document.getElementById("session-username").value,
                 password: document.getElementById("session-password").value };
    // an ended session has no form token any more: take a fresh one first
    raw("/kasir/api/sesi").then(function (s) {
      csrf = s.d.csrf || csrf;
      return raw("/kasir/api/masuk", { body: body });
    }).then(function (res) { if (res.ok) done(res.d); else failed(res); }, failed);
  }

  if (dialog) {
    document.getElementById("session-form").addEventListener("submit", submit);
    dialog.addEventListener("cancel", function (e) { e.preventDefault(); });  // Esc does not get past it
    document.getElementById("session-switch").addEventListener("click", function () { ask("login", text("switch", "Masuk sebagai kasir lain; keranjang kasir ini menunggu.")); document.getElementById("session-username").value = ""; document.getElementById("session-username").focus(); });
  }

  /* ---- idle lock: N minutes without a key or a click lock the till (the server keeps the lock) ---- */
  var minutes = dialog ? parseInt(dialog.dataset.idle || "0", 10) : 0, last = Date.now();
  function activity() { last = Date.now(); }
  function lockNow() {
    if (dialog.open) return;
    raw("/kasir/api/kunci", { body: {} }).then(function (res) {
      if (res.ok) ask("locked", text("idle", "Terkunci karena tidak dipakai. Keranjang tetap tersimpan."));
      else if (res.status === 401) ask("login", res.d.error);
    }, function () {});
  }
  if (minutes > 0) {
    ["keydown", "mousedown", "touchstart", "wheel"].forEach(function (k) { document.addEventListener(k, activity, true); });
    setInterval(function () { if (Date.now() - last >= minutes * 60000) { lockNow(); last = Date.now(); } }, 5000);
  }
  if (dialog && dialog.dataset.locked === "1") ask("locked", "");

  window.Till = { api: api, ask: ask, lock: lockNow, csrf: function () { return csrf; } };
})();
