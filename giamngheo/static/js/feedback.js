// Citizens' feedback form: bring the error summary into view and focus, so a
// screen-reader or phone user learns at once what to correct. The form works
// without this file; only the ALTCHA widget needs JavaScript.
"use strict";
(function () {
  const summary = document.getElementById("form-errors");
  if (summary) summary.focus();
})();
