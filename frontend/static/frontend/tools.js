/* Small page tools, each an enhancement of a page that works without it. Our own file, no external code.
   - [data-copy]: copy a text (data-copy-text) to the clipboard and say so in the live region.
   - [data-print]: print the page.
   - [data-geolocate]: fill the latitude and longitude fields from the browser's geolocation (no map service);
     when it is refused or unavailable, say so and leave the fields for typing. */
(function () {
  "use strict";

  function say(el, text) {
    var target = (el && el.getAttribute("data-status") && document.querySelector(el.getAttribute("data-status")))
      || document.getElementById("live-region");
    if (target) { target.textContent = text; }
  }

  function copyFallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy-text") || "";
      var done = function () { say(button, button.getAttribute("data-done")); };
      var failed = function () {
        if (copyFallback(text)) { done(); } else { say(button, button.getAttribute("data-failed")); }
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
  });

  if (typeof window.print === "function") {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.querySelectorAll("[data-geolocate]").forEach(function (button) {
    if (!("geolocation" in navigator)) { return; }
    var lat = document.getElementById(button.getAttribute("data-latitude"));
    var lon = document.getElementById(button.getAttribute("data-longitude"));
    if (!lat || !lon) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      button.disabled = true;
      say(button, button.getAttribute("data-busy"));
      navigator.geolocation.getCurrentPosition(function (position) {
        lat.value = position.coords.latitude.toFixed(6);
        lon.value = position.coords.longitude.toFixed(6);
        button.disabled = false;
        say(button, button.getAttribute("data-done"));
      }, function (error) {
        button.disabled = false;
        say(button, button.getAttribute(error && error.code === 1 ? "data-denied" : "data-failed"));
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  });
})();
