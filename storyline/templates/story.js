(function () {
  "use strict";
  // Citation popovers: hover and keyboard focus show them through CSS; a click pins one
  // open (a tap on a phone), a second click, Escape or a click elsewhere closes it.
  // Without this script each marker is a plain link to its report in the sources list.
  var openWrap = null;

  function close() {
    if (openWrap) {
      openWrap.classList.remove("open");
      openWrap = null;
    }
  }

  function place(wrap) {
    // Keep the popover inside the window: flip it to open leftwards near the right edge.
    var pop = wrap.querySelector(".pop");
    if (!pop) return;
    wrap.classList.remove("flip");
    var box = pop.getBoundingClientRect();
    if (box.width && box.right > document.documentElement.clientWidth - 8) {
      wrap.classList.add("flip");
    }
  }

  function reveal(id) {
    // A source folded inside a closed <details> (a wire copy) must be opened to be seen.
    var el = id ? document.getElementById(id) : null;
    var d = el ? el.closest("details") : null;
    while (d) {
      d.open = true;
      d = d.parentElement ? d.parentElement.closest("details") : null;
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var marker = target.closest("a.cite");
    if (marker) {
      event.preventDefault();
      var wrap = marker.parentElement;
      if (openWrap === wrap) {
        close();
        return;
      }
      close();
      wrap.classList.remove("dismissed");
      wrap.classList.add("open");
      openWrap = wrap;
      place(wrap);
      return;
    }
    var jump = target.closest('a[href^="#src-"]');
    if (jump) {
      reveal(jump.getAttribute("href").slice(1));
      close();
    } else if (openWrap && !openWrap.contains(target)) {
      close();
    }
  });

  function placeFrom(event) {
    var wrap = event.target instanceof Element ? event.target.closest(".cite-wrap") : null;
    if (wrap) place(wrap);
  }
  document.addEventListener("mouseover", placeFrom);
  document.addEventListener("focusin", placeFrom);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    close();
    // Keyboard focus keeps a popover shown through CSS; hide it until focus moves on.
    var wrap = document.activeElement ? document.activeElement.closest(".cite-wrap") : null;
    if (wrap) wrap.classList.add("dismissed");
  });
  document.addEventListener("focusout", function (event) {
    var wrap = event.target instanceof Element ? event.target.closest(".cite-wrap") : null;
    if (wrap && !wrap.contains(event.relatedTarget)) wrap.classList.remove("dismissed");
  });

  window.addEventListener("hashchange", function () {
    reveal(location.hash.slice(1));
  });
  reveal(location.hash.slice(1));

  window.addEventListener("beforeprint", function () {
    close();
    document.querySelectorAll("details").forEach(function (d) {
      d.open = true;
    });
  });
})();
