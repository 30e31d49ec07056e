/* The portal as an installable app: registers the service worker (/sw.js), whose
 * address the script tag gives in data-service-worker, and makes the offline
 * page's "try again" button reload. Loaded with defer on every portal page. */
(function () {
  "use strict";
  var script = document.currentScript;
  var worker = script && script.getAttribute("data-service-worker");
  if (worker && "serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(worker, { scope: "/" }).catch(function () {
        /* No worker (plain HTTP on an intranet, private mode): the site works as before. */
      });
    });
  }
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-reload]")) {
      window.location.reload();
    }
  });
})();
