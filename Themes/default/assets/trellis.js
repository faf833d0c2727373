// Corrects consultation banners on a page built before a change it could not know of: an opening,
// a closing, or a "days left" count ticking over at midnight in the site's time zone. Pages are
// right without it when the site is rebuilt at build.json's next_change; until then this only
// swaps text and class names (no new boxes, so nothing below moves), and the banner's label stays
// its accessible name. Nothing is done before the element's data-next-change.
(function () {
  "use strict";
  var now = Date.now();

  function data(el, name) { return el.getAttribute("data-" + name) || ""; }

  // Days since 1970-01-01 of the local date at the start of "2011-01-31T23:59:00+00:00".
  function dayOf(iso) { return Date.UTC(+iso.slice(0, 4), iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5; }

  // Days since 1970-01-01 of today in the site's zone (NaN if the browser cannot tell).
  function today(zone) {
    try {
      var parts = {};
      new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })
        .formatToParts(now).forEach(function (part) { parts[part.type] = part.value; });
      return Date.UTC(+parts.year, parts.month - 1, +parts.day) / 864e5;
    } catch (e) {
      return NaN;
    }
  }

  // "Closing today", "Closing tomorrow", "20 days left", or "" if unknown.
  function countdown(el) {
    var left = dayOf(data(el, "closes-shown")) - today(data(el, "time-zone"));
    return isNaN(left) ? "" : left <= 0 ? "Closing today" : left === 1 ? "Closing tomorrow" : left + " days left";
  }

  function element(name, attribute, value, text) {
    var node = document.createElement(name);
    if (attribute) node.setAttribute(attribute, value);
    node.textContent = text;
    return node;
  }

  function setText(node, text) {
    if (node && text && node.textContent !== text) node.textContent = text;
  }

  // Moves the element (and its tag) from one state's class names to another's, and relabels it.
  function restate(el, from, to, label) {
    var tag = el.querySelector(".state-tag");
    [el, tag].forEach(function (node) {
      if (node) node.className = node.className.replace(new RegExp("\\b(consultation|tag)-" + from + "\\b", "g"), "$1-" + to);
    });
    setText(tag, label);
    el.setAttribute("data-state", to);
  }

  document.querySelectorAll("[data-closes][data-next-change]").forEach(function (el) {
    var next = Date.parse(data(el, "next-change"));
    var opens = Date.parse(data(el, "opens"));
    var closes = Date.parse(data(el, "closes"));
    if (!(now >= next) || isNaN(opens) || isNaN(closes)) return;
    var shown = data(el, "state");
    var headline = el.querySelector(".consultation-headline");
    var words = headline && (headline.querySelector(".consultation-now") || headline);
    var count = el.querySelector(".countdown");
    var siteBanner = el.classList.contains("consultation-item");
    if (now >= closes && (shown === "open" || shown === "upcoming")) {
      if (siteBanner) return setText(count, "(now closed)");
      restate(el, shown, "awaiting-outcome", "Closed consultation");
      if (count) count.textContent = "";
      if (words) {
        words.replaceChildren("We are analysing your feedback. This consultation ran from ",
          element("time", "datetime", data(el, "opens"), data(headline, "opens-text")), " to ",
          element("time", "datetime", data(el, "closes-shown"), data(headline, "closes-text")));
      }
      if (el.classList.contains("consultation-banner")) {
        document.querySelectorAll(".consultation-respond").forEach(function (ways) {
          ways.classList.add("consultation-respond-closed");
        });
      }
    } else if (now >= opens && now < closes) {
      var left = countdown(el);
      if (shown === "upcoming") {
        restate(el, shown, "open", "Open consultation");
        if (words) {
          words.replaceChildren("This consultation closes at ",
            element("time", "datetime", data(el, "closes-shown"), data(headline, "closes-text")));
          if (left) words.append(" ", element("strong", "class", "countdown", left));
        }
      } else {
        setText(count, left && siteBanner ? "(" + left + ")" : left);
      }
    }
  });
})();
