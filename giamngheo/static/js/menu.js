// The portal's menu on a phone: folded behind its "Menu" button so the sections do
// not fill the first screen. Loaded without defer right after the menu, so the
// list is folded before the page paints (no jump); without JavaScript the list
// stays open. On wider screens the CSS hides the button and shows the list.
// The button is a real <button> with aria-expanded; Escape folds the list again
// and gives the focus back to the button.
"use strict";
(function () {
  const nav = document.querySelector(".main-menu");
  const button = nav && nav.querySelector(".menu-toggle");
  if (!button) return;
  nav.classList.add("is-foldable");
  button.hidden = false;
  function setOpen(open) {
    nav.classList.toggle("is-open", open);
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && nav.classList.contains("is-open")) {
      setOpen(false);
      button.focus();
    }
  });
})();
