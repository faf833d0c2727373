// Corrects a consultation banner when the site was built before a change it could not know of
// (an opening or a closing since the last build). The page says the right thing without it.
(function () {
  "use strict";
  var banners = document.querySelectorAll(".consultation-banner[data-closes]");
  var now = Date.now();
  banners.forEach(function (banner) {
    var opens = Date.parse(banner.getAttribute("data-opens"));
    var closes = Date.parse(banner.getAttribute("data-closes"));
    if (isNaN(opens) || isNaN(closes)) return;
    var shown = banner.getAttribute("data-state");
    var state = now < opens ? "upcoming" : now < closes ? "open" : "closed";
    if (state === "closed" && (shown === "open" || shown === "upcoming")) {
      var label = banner.querySelector(".state-tag");
      var headline = banner.querySelector(".consultation-headline");
      if (label) label.textContent = "Closed consultation";
      if (headline) headline.textContent = "This consultation has closed. We are analysing your feedback.";
      banner.classList.remove("consultation-open", "consultation-upcoming");
      banner.classList.add("consultation-awaiting-outcome");
      document.querySelectorAll(".respond").forEach(function (list) { list.hidden = true; });
    } else if (state === "open" && shown === "upcoming") {
      var tag = banner.querySelector(".state-tag");
      if (tag) tag.textContent = "Open consultation";
      var line = banner.querySelector(".consultation-headline");
      if (line) line.textContent = "This consultation is now open.";
    }
  });
})();
