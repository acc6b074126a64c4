// Counts one read of an article once its page has loaded. No cookie, no
// identifier: the server adds one to today's count and forgets the request.
(function () {
  "use strict";
  var article = document.querySelector("[data-read-beacon]");
  if (!article || !navigator.sendBeacon) {
    return;
  }
  window.addEventListener("load", function () {
    navigator.sendBeacon(article.getAttribute("data-read-beacon"));
  });
})();
