/* Live updates: the notification count and the officer's queue refresh when the server says something
   changed. Only a convenience: every page works without it, and after a reconnect the page asks the
   notification center (the database) for the truth. Our own file, served by the app; no external code. */
(function () {
  "use strict";
  var countEl = document.getElementById("notif-count");
  var live = document.getElementById("live-region");
  var delay = 1000;

  function say(text) {
    if (live) { live.textContent = text; }
  }

  function refreshCount() {
    fetch("/api/v1/notifications/unread-count/", { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && countEl) { countEl.textContent = String(data.unread); } })
      .catch(function () {});
  }

  function refreshQueue() {
    var box = document.querySelector("[data-live-queue]");
    if (!box) { return; }
    // A selection for a bulk action is never wiped by a refresh: the officer reloads when done.
    if (box.querySelector("input[type=checkbox]:checked")) { return; }
    fetch(window.location.href, { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-live-queue]");
        if (fresh) {
          box.innerHTML = fresh.innerHTML;
          say(box.getAttribute("data-updated-text") || "Antrean diperbarui.");
        }
      })
      .catch(function () {});
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/notifications/");
    socket.onopen = function () { delay = 1000; refreshCount(); };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message.type === "notification") {
        if (countEl) { countEl.textContent = String((parseInt(countEl.textContent, 10) || 0) + 1); }
        say(document.documentElement.lang === "en" ? "New notification." : "Ada notifikasi baru.");
        refreshQueue();
      } else if (message.type === "queue.changed" || message.type === "access.changed") {
        refreshQueue();
      }
    };
    socket.onclose = function (event) {
      if (event.code === 4401) { return; }  // not signed in: nothing to follow
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }

  if ("WebSocket" in window) { connect(); }
})();
