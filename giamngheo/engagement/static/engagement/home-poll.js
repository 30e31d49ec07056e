// The home page's poll, for this browser. The home page is cached for every
// anonymous visitor alike (docs/decisions/0005-anonymous-page-cache.md), so its
// poll block is neutral; this asks the server for this visitor's own block (a
// form that posts the answer at once, or the results once answered) and swaps
// it in. Without JavaScript the neutral form still works (the poll's page asks
// to confirm). An answer already picked and the keyboard focus are kept.
"use strict";
(function () {
  const holder = document.querySelector("[data-poll-live]");
  if (!holder || !window.fetch) return;
  function refresh() {
    fetch(holder.getAttribute("data-poll-live"), {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "text/html" },
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) return;
        const picked = holder.querySelector("input[type=radio]:checked");
        const focused = holder.contains(document.activeElement) ? document.activeElement.id : "";
        holder.innerHTML = html;
        if (picked) {
          const same = holder.querySelector('input[type=radio][value="' + picked.value + '"]');
          if (same) same.checked = true;
        }
        const again = focused && document.getElementById(focused);
        if (again) again.focus();
      })
      .catch(function () {
        /* Offline or the server is busy: the block stays as it is and still works. */
      });
  }
  refresh();
  // Back from the poll's page, the browser may show this page as it was left
  // (back/forward cache): ask again, the visitor has answered since.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) refresh();
  });
})();
