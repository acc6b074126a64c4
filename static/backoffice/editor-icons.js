/* The rich-text editor's toolbar icons as inline SVG (issue 15).

   django-prose-editor draws most toolbar buttons as Material Icons ligatures: the
   button's text is "format_bold" and an icon font turns it into a picture. Where the
   font is missing, blocked or still loading, staff see the word or a missing-glyph
   box instead. This script swaps each such ligature for the same icon drawn as an
   SVG path, whenever the editor creates a button or changes its text (the block-type
   picker shows the current block's icon). The button keeps its title and aria-label.

   The paths are Google's Material Icons (Apache License 2.0), the set the editor's
   font carries, on their 24x24 grid. A ligature missing here keeps the font. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var ICONS = {
    notes: "M3 18h12v-2H3v2zM3 6v2h18V6H3zm0 7h18v-2H3v2z",
    title: "M5 4v3h5.5v12h3V7H19V4z",
    format_bold:
      "M15.6 10.79c.97-.67 1.65-1.77 1.65-2.79 0-2.26-1.75-4-4-4H7v14h7.04c2.09 0 " +
      "3.71-1.7 3.71-3.79 0-1.52-.86-2.82-2.15-3.42zM10 6.5h3c.83 0 1.5.67 1.5 " +
      "1.5s-.67 1.5-1.5 1.5h-3v-3zm3.5 9H10v-3h3.5c.83 0 1.5.67 1.5 1.5s-.67 1.5-1.5 1.5z",
    format_italic: "M10 4v3h2.21l-3.42 8H6v3h8v-3h-2.21l3.42-8H18V4z",
    format_list_bulleted:
      "M4 10.5c-.83 0-1.5.67-1.5 1.5s.67 1.5 1.5 1.5 1.5-.67 1.5-1.5-.67-1.5-1.5-1.5z" +
      "m0-6c-.83 0-1.5.67-1.5 1.5S3.17 7.5 4 7.5 5.5 6.83 5.5 6 4.83 4.5 4 4.5zm0 " +
      "12c-.83 0-1.5.68-1.5 1.5s.68 1.5 1.5 1.5 1.5-.68 1.5-1.5-.67-1.5-1.5-1.5zM7 " +
      "19h14v-2H7v2zm0-6h14v-2H7v2zm0-8v2h14V5H7z",
    format_list_numbered:
      "M2 17h2v.5H3v1h1v.5H2v1h3v-4H2v1zm1-9h1V4H2v1h1v3zm-1 3h1.8L2 13.1v.9h3v-1H3.2L5 " +
      "10.9V10H2v1zm5-6v2h14V5H7zm0 14h14v-2H7v2zm0-6h14v-2H7v2z",
    format_quote: "M6 17h3l2-4V7H5v6h3zm8 0h3l2-4V7h-6v6h3z",
    insert_link:
      "M3.9 12c0-1.71 1.39-3.1 3.1-3.1h4V7H7c-2.76 0-5 2.24-5 5s2.24 5 5 5h4v-1.9H7c-1.71 " +
      "0-3.1-1.39-3.1-3.1zM8 13h8v-2H8v2zm9-6h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1s-1.39 " +
      "3.1-3.1 3.1h-4V17h4c2.76 0 5-2.24 5-5s-2.24-5-5-5z",
    link_off:
      "M17 7h-4v1.9h4c1.71 0 3.1 1.39 3.1 3.1 0 1.43-.98 2.63-2.31 2.98l1.46 1.46C20.88 " +
      "15.61 22 13.95 22 12c0-2.76-2.24-5-5-5zm-1 4h-2.19l2 2H16zM2 4.27l3.11 3.11C3.29 " +
      "8.12 2 9.91 2 12c0 2.76 2.24 5 5 5h4v-1.9H7c-1.71 0-3.1-1.39-3.1-3.1 0-1.59 " +
      "1.21-2.9 2.76-3.07L8.73 11H8v2h2.73L13 15.27V17h1.73l4.01 4L20 19.74 3.27 3 2 4.27z",
    grid_on:
      "M20 2H4c-1.1 0-2 .9-2 2v16c0 1.1.9 2 2 2h16c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM8 " +
      "20H4v-4h4v4zm0-6H4v-4h4v4zm0-6H4V4h4v4zm6 12h-4v-4h4v4zm0-6h-4v-4h4v4zm0-6h-4V4h4v4z" +
      "m6 12h-4v-4h4v4zm0-6h-4v-4h4v4zm0-6h-4V4h4v4z",
    tune:
      "M3 17v2h6v-2H3zM3 5v2h10V5H3zm10 16v-2h8v-2h-8v-2h-2v6h2zM7 9v2H3v2h4v2h2V9H7z" +
      "m14 4v-2H11v2h10zm-6-4h2V7h4V5h-4V3h-2v6z",
    call_merge:
      "M17 20.41L18.41 19 15 15.59 13.59 17 17 20.41zM7.5 8H11v5.59L5.59 19 7 20.41l6-6V8h3.5" +
      "L12 3.5 7.5 8z",
    call_split:
      "M14 4l2.29 2.29-2.88 2.88 1.42 1.42 2.88-2.88L20 10V4zm-4 0H4v6l2.29-2.29 4.71 " +
      "4.7V20h2v-8.41l-5.29-5.3z",
    undo:
      "M12.5 8c-2.65 0-5.05.99-6.9 2.6L2 7v9h9l-3.62-3.62c1.39-1.16 3.16-1.88 5.12-1.88 " +
      "3.54 0 6.55 2.31 7.6 5.5l2.37-.78C21.08 11.03 17.15 8 12.5 8z",
    redo:
      "M18.4 10.6C16.55 8.99 14.15 8 11.5 8c-4.65 0-8.58 3.03-9.96 7.22L3.9 16c1.05-3.19 " +
      "4.05-5.5 7.6-5.5 1.95 0 3.73.72 5.12 1.88L13 16h9V7l-3.6 3.6z",
  };

  function icon(path) {
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("width", "20");
    svg.setAttribute("height", "20");
    svg.setAttribute("fill", "currentColor");
    // The button's aria-label names it; the picture is decoration.
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    svg.setAttribute("class", "editor-icon");
    var shape = document.createElementNS(SVG_NS, "path");
    shape.setAttribute("d", path);
    svg.appendChild(shape);
    return svg;
  }

  function draw(button) {
    var name = button.textContent.trim();
    if (!Object.prototype.hasOwnProperty.call(ICONS, name)) {
      return;
    }
    if (!button.getAttribute("aria-label")) {
      button.setAttribute("aria-label", button.title || name.replace(/_/g, " "));
    }
    button.dataset.icon = name;
    button.classList.remove("material-icons");
    button.replaceChildren(icon(ICONS[name]));
  }

  function drawAll(root) {
    if (root.matches && root.matches(".prose-menubar__button")) {
      draw(root);
    }
    if (root.querySelectorAll) {
      root.querySelectorAll(".prose-menubar__button").forEach(draw);
    }
  }

  // Editors start after this script and rebuild buttons as the selection moves: every
  // added node and changed text is looked at (the callback runs before the next paint,
  // so the ligature's word is never seen).
  new MutationObserver(function (mutations) {
    mutations.forEach(function (mutation) {
      var target = mutation.target.nodeType === 1 ? mutation.target : mutation.target.parentNode;
      if (target && target.closest && target.closest(".prose-menubar__button")) {
        draw(target.closest(".prose-menubar__button"));
      }
      mutation.addedNodes.forEach(drawAll);
    });
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });

  drawAll(document);
})();
