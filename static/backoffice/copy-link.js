// Copy buttons of the back office: <button data-copy-from="ID"> copies the value of the
// field with that id. A file, not inline code, so that the admin's Content-Security-Policy
// needs no exception. Without JavaScript the button stays hidden and the field is
// there to select by hand.
(function () {
  "use strict";

  function say(button, text) {
    var status = button.parentNode.querySelector("[role=status]");
    if (status) {
      status.textContent = text;
    }
  }

  function copy(button) {
    var field = document.getElementById(button.getAttribute("data-copy-from"));
    if (!field) {
      return;
    }
    var done = function () { say(button, button.getAttribute("data-copied")); };
    var fallback = function () {
      field.focus();
      field.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      say(button, button.getAttribute(copied ? "data-copied" : "data-failed"));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(field.value).then(done, fallback);
    } else {
      fallback();
    }
  }

  function init() {
    var buttons = document.querySelectorAll("button[data-copy-from]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
