// Online contests. Optional: every page works without this file.
// - An error summary comes into view and focus, for screen readers and phones.
// - On an attempt, a countdown shows the time left. The server keeps the real
//   time (it alone decides what counts); at zero the form is submitted so the
//   answers chosen so far reach it within its few seconds of grace.
"use strict";
(function () {
  const summary = document.querySelector(".form-errors[tabindex]");
  if (summary) summary.focus();

  const box = document.querySelector(".countdown[data-seconds-left]");
  const finish = document.getElementById("finish");
  if (!box || !finish) return;
  const live = box.querySelector(".countdown-live");
  const out = document.getElementById("time-left");
  const end = Date.now() + Number(box.dataset.secondsLeft) * 1000;
  let sent = false;
  function tick() {
    const left = Math.max(0, Math.round((end - Date.now()) / 1000));
    out.textContent = Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0");
    if (left === 0 && !sent) {
      sent = true;
      finish.form.requestSubmit(finish);
      return;
    }
    if (left > 0) window.setTimeout(tick, 1000);
  }
  live.hidden = false;
  tick();
})();
