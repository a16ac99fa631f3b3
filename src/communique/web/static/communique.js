// Communique's document page, in plain JavaScript (no library, nothing from a CDN):
// - clicking a fact (li.fact with data-start/data-end) marks its evidence in #document-text as
//   <mark class="evidence"> and scrolls it into view;
// - selecting words in the text fills the start/end fields of the "add a fact" forms.
// Offsets are the record's: Python string indices, i.e. code points, counted over the text the
// server rendered verbatim (carriage returns kept as &#13;), so they are counted here by code
// point too, never by UTF-16 unit.
(function () {
  "use strict";

  const article = document.getElementById("document-text");
  if (!article) {
    return;
  }
  const original = article.innerHTML;

  // The DOM position `offset` code points into the article's text: before that character when
  // `before` (a span's start), after the one before it otherwise (a span's end).
  function domPoint(offset, before) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let seen = 0;
    let node = walker.nextNode();
    while (node) {
      const text = node.data;
      let unit = 0;
      while (unit < text.length) {
        if (before && seen === offset) {
          return [node, unit];
        }
        unit += text.codePointAt(unit) > 0xffff ? 2 : 1;
        seen += 1;
        if (!before && seen === offset) {
          return [node, unit];
        }
      }
      node = walker.nextNode();
    }
    return null;
  }

  // A range boundary at a text position; at the very start or end of a mention, the boundary
  // goes outside the mention's element, so the evidence mark wraps it whole instead of
  // splitting it in two.
  function setBoundary(range, point, isStart) {
    const [node, unit] = point;
    let element = node;
    if (isStart && unit === 0) {
      while (element.parentNode !== article && element.parentNode.firstChild === element) {
        element = element.parentNode;
      }
      if (element !== node) {
        range.setStartBefore(element);
        return;
      }
    }
    if (!isStart && unit === node.data.length) {
      while (element.parentNode !== article && element.parentNode.lastChild === element) {
        element = element.parentNode;
      }
      if (element !== node) {
        range.setEndAfter(element);
        return;
      }
    }
    if (isStart) {
      range.setStart(node, unit);
    } else {
      range.setEnd(node, unit);
    }
  }

  function showEvidence(fact, scrollFact) {
    article.innerHTML = original; // drop the previous evidence mark
    document.querySelectorAll(".fact.selected").forEach(function (other) {
      other.classList.remove("selected");
    });
    fact.classList.add("selected");
    if (scrollFact) {
      fact.scrollIntoView({ block: "nearest" });
    }
    if (fact.dataset.start === undefined || fact.dataset.end === undefined) {
      return; // a fact with no span in the text (an actor added by hand)
    }
    const start = Number(fact.dataset.start);
    const end = Number(fact.dataset.end);
    const first = domPoint(start, true);
    const last = domPoint(end, false);
    if (!first || !last || end <= start) {
      return;
    }
    const range = document.createRange();
    setBoundary(range, first, true);
    setBoundary(range, last, false);
    const mark = document.createElement("mark");
    mark.className = "evidence";
    mark.appendChild(range.extractContents());
    range.insertNode(mark);
    mark.scrollIntoView({ block: "center" });
  }

  // Clicks on the fact's own controls (its review form, links) are theirs, not a selection.
  const CONTROLS = "a, button, input, select, textarea, label, form";

  document.addEventListener("click", function (event) {
    const fact = event.target.closest(".fact");
    if (fact && !event.target.closest(CONTROLS)) {
      showEvidence(fact, false);
    }
  });

  document.addEventListener("keydown", function (event) {
    const fact = event.target.closest ? event.target.closest(".fact") : null;
    if (fact && event.target === fact && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      showEvidence(fact, false);
    }
  });

  // After a review the server sends the browser back to #fact-<kind>-<id>: show that fact.
  function showFactOfHash() {
    if (!location.hash.startsWith("#fact-")) {
      return;
    }
    const fact = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (fact && fact.classList.contains("fact")) {
      showEvidence(fact, true);
    }
  }
  window.addEventListener("hashchange", showFactOfHash);
  showFactOfHash();

  // Filling a correction field of a review form means correcting: the action follows, so a
  // change is never sent as a plain "confirm" (the server would ignore its fields).
  document.addEventListener("change", function (event) {
    const field = event.target;
    if (!field.name || !field.name.startsWith("changes-") || !field.value) {
      return;
    }
    const action = field.form ? field.form.querySelector("select[name=action]") : null;
    if (action && action.value === "confirm") {
      action.value = "correct";
    }
  });

  // Code points of the article's text before a DOM position.
  function offsetOf(container, unit) {
    const range = document.createRange();
    range.setStart(article, 0);
    range.setEnd(container, unit);
    return Array.from(range.toString()).length;
  }

  article.addEventListener("mouseup", function () {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      return;
    }
    const range = selection.getRangeAt(0);
    if (!article.contains(range.startContainer) || !article.contains(range.endContainer)) {
      return;
    }
    const start = offsetOf(range.startContainer, range.startOffset);
    const end = offsetOf(range.endContainer, range.endOffset);
    document.querySelectorAll(".add-form").forEach(function (form) {
      form.querySelector(".selection-start").value = String(start);
      form.querySelector(".selection-end").value = String(end);
      const preview = form.querySelector(".selection-preview");
      if (preview) {
        preview.textContent = "Selected: «" + selection.toString().slice(0, 200) + "»";
      }
    });
  });
})();
