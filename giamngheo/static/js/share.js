// The share button of share.html: the phone's share sheet (Zalo, Messenger, …) where
// the browser has one (Web Share API), else copy the link to the clipboard, else show it
// to copy by hand. Without JavaScript the button stays hidden and the plain links remain.
(function () {
  "use strict";

  function say(button, text) {
    var status = button.closest(".share").querySelector(".share-status");
    if (status) status.textContent = text;
  }

  function copy(button, url) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { say(button, button.dataset.copied); },
        function () { window.prompt(button.dataset.copyPrompt, url); }
      );
    } else {
      window.prompt(button.dataset.copyPrompt, url);
    }
  }

  document.querySelectorAll("button[data-share-url]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = { title: button.dataset.shareTitle, url: button.dataset.shareUrl };
      if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
        navigator.share(data).catch(function (error) {
          // Closing the share sheet is no failure; anything else falls back to copying.
          if (error.name !== "AbortError") copy(button, data.url);
        });
      } else {
        copy(button, data.url);
      }
    });
  });
})();
