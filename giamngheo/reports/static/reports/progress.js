// Refreshes the progress of the reports still being made, from their JSON status,
// every few seconds; reloads the page once one is finished (its links appear).
(function () {
  "use strict";
  var table = document.querySelector("[data-report-status-url]");
  if (!table) return;
  var template = table.getAttribute("data-report-status-url");
  function pending() {
    return table.querySelectorAll('tr[data-report-id][data-finished="0"]');
  }
  function refresh() {
    var rows = pending();
    if (!rows.length) return;
    var requests = Array.prototype.map.call(rows, function (row) {
      var url = template.replace("/0/", "/" + row.getAttribute("data-report-id") + "/");
      return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) {
          if (!data) return false;
          row.querySelector('[data-role="status"]').textContent = data.status_label;
          row.querySelector('[data-role="progress"]').value = data.progress;
          row.querySelector('[data-role="step"]').textContent = data.finished ? "" : data.step;
          return data.finished;
        })
        .catch(function () { return false; });
    });
    Promise.all(requests).then(function (finished) {
      if (finished.some(Boolean)) {
        window.location.reload();
      } else {
        window.setTimeout(refresh, 3000);
      }
    });
  }
  window.setTimeout(refresh, 2000);
})();
