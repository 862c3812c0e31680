/* Serta merta information, live: an item published while the page is open appears at the top of the page (the
   banner of frontend/dip/_live.html, announced through aria-live) and at the top of the page's list, without a
   reload. Only a convenience: the page works without it and the register holds every item. The socket carries
   ids, titles, agency names and public page addresses only. Our own file, served by the app; no external code. */
(function () {
  "use strict";
  var banner = document.getElementById("serta-merta-live");
  if (!banner || !("WebSocket" in window)) { return; }
  var delay = 1000;
  var shown = {};

  function link(item) {
    var url = String(item.url || "");
    // Only a page of this site: never a scheme a hint could smuggle in.
    if (url.charAt(0) !== "/" || url.charAt(1) === "/") { return document.createTextNode(String(item.title)); }
    var a = document.createElement("a");
    a.href = url;
    a.textContent = String(item.title);
    return a;
  }

  function show(item) {
    if (!item || shown[item.id]) { return; }
    shown[item.id] = true;
    banner.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = banner.getAttribute("data-heading") + ": ";
    banner.appendChild(strong);
    banner.appendChild(link(item));
    banner.appendChild(document.createTextNode(" (" + String(item.agency || "") + ")"));
    banner.hidden = false;
    var list = banner.getAttribute("data-list") && document.getElementById(banner.getAttribute("data-list"));
    if (list) {
      // An item the page already lists (a revision published again) moves to the top instead of appearing twice.
      var id = String(parseInt(item.id, 10));
      var listed = list.querySelector('li[data-item-id="' + id + '"]');
      if (listed) { list.removeChild(listed); }
      var li = document.createElement("li");
      li.setAttribute("data-item-id", id);
      li.appendChild(link(item));
      li.appendChild(document.createTextNode(" — " + String(item.agency || "")));
      list.insertBefore(li, list.firstChild);
      list.hidden = false;
      var empty = document.getElementById(list.id + "-empty");
      if (empty) { empty.hidden = true; }
    }
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + "/ws/informasi/");
    socket.onopen = function () { delay = 1000; };
    socket.onmessage = function (event) {
      var message;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message && message.type === "register.serta_merta") { show(message.item); }
    };
    socket.onclose = function () {
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    };
  }

  connect();
})();
