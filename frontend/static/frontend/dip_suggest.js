/* Suggestions from the Daftar Informasi Publik while a request is typed (issue 18). Our own file, no external
   code. The filing form works without it: its "Cek DIP" button shows the same list. As the citizen types the
   requested information (or picks another agency), the page asks the server for the matching published items
   (a small HTML fragment, rate-limited) and puts it in the live region #dip-suggestions. */
(function () {
  "use strict";

  var box = document.querySelector("[data-dip-suggest]");
  var text = document.getElementById("id_information_requested");
  var agency = document.getElementById("id_agency");
  if (!box || !text || !agency || !window.fetch) { return; }
  var url = box.getAttribute("data-dip-suggest");
  var timer = null;
  var last = "";

  function ask() {
    var q = text.value.trim();
    var key = agency.value + "|" + q;
    if (key === last) { return; }
    last = key;
    if (!agency.value || q.length < 4) { box.innerHTML = ""; return; }
    var params = new URLSearchParams({ agency: agency.value, q: q });
    fetch(url + "?" + params.toString(), { headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html !== null && key === last) { box.innerHTML = html; }
      })
      .catch(function () { /* the "Cek DIP" button still works */ });
  }

  function later() {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(ask, 400);
  }

  text.addEventListener("input", later);
  agency.addEventListener("change", later);
})();
