/* Load the search index (and start the search worker) when the reader first goes to
   search, not with every page.
   Material requests search/search_index.json (with fetch) as soon as a page loads, and on
   this site it is the largest file a page would load. Until the reader focuses the search
   box, clicks the search button or presses a search key, that request waits; then it goes
   out as usual and search works as before. Loaded before Material's bundle.
   It also makes search follow text put in the box without key presses (a paste from a
   phone's context menu, autofill, dictation): Material reads the query on the box's
   `keyup` (and on focus, and when the index is ready), never on `input`, so such text left
   "Type to start searching" or the last query's results. Each `input` of the box is
   passed on as a `keyup`; a typed key's own keyup reads the same value, which Material
   drops as unchanged. */
(function () {
  "use strict";
  document.addEventListener("input", function (e) {
    var box = e.target;
    if (box && box.matches && box.matches("input.md-search__input")) {
      box.dispatchEvent(new KeyboardEvent("keyup"));  // not bubbling: for the box alone
    }
  }, true);
  var realFetch = window.fetch.bind(window);
  var gate = null;
  function searchWanted() {
    if (gate) { return gate; }
    gate = new Promise(function (open) {
      function go() {
        document.removeEventListener("focusin", onFocus, true);
        document.removeEventListener("pointerdown", onPointer, true);
        document.removeEventListener("keydown", onKey, true);
        open();
      }
      function onFocus(e) { if (e.target.closest && e.target.closest(".md-search")) { go(); } }
      function onPointer(e) {
        if (e.target.closest && e.target.closest('.md-search, label[for="__search"]')) { go(); }
      }
      function onKey(e) { if (e.key === "/" || e.key === "s" || e.key === "f") { go(); } }
      document.addEventListener("focusin", onFocus, true);
      document.addEventListener("pointerdown", onPointer, true);
      document.addEventListener("keydown", onKey, true);
    });
    return gate;
  }
  // The search worker too: Material creates it when the page loads, and posts it nothing
  // until the index has arrived. It is created for real on its first message.
  var RealWorker = window.Worker;
  var WORKER = /\/workers\/search\.[\w]+\.min\.js(?:[?#]|$)/;
  window.Worker = function (url, options) {
    if (!WORKER.test(String(url))) { return new RealWorker(url, options); }
    var real = null, listeners = [], lazy = this;
    function worker() {
      if (!real) {
        real = new RealWorker(url, options);
        listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
        if (lazy.onmessage) { real.onmessage = lazy.onmessage; }
        if (lazy.onerror) { real.onerror = lazy.onerror; }
      }
      return real;
    }
    this.postMessage = function () { var w = worker(); return w.postMessage.apply(w, arguments); };
    this.addEventListener = function (type, fn, opts) {
      listeners.push([type, fn, opts]);
      if (real) { real.addEventListener(type, fn, opts); }
    };
    this.removeEventListener = function (type, fn, opts) {
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
      if (real) { real.removeEventListener(type, fn, opts); }
    };
    this.dispatchEvent = function (event) { return real ? real.dispatchEvent(event) : true; };
    this.terminate = function () { if (real) { real.terminate(); } };
  };
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  // Material asks for the index with XMLHttpRequest (its `to` helper); fetch is covered too.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.__rnnnotesIndex = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var xhr = this, args = arguments;
    if (!xhr.__rnnnotesIndex) { return send.apply(xhr, args); }
    searchWanted().then(function () { send.apply(xhr, args); });
  };
  window.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    if (INDEX.test(url)) {
      return searchWanted().then(function () { return realFetch(input, init); });
    }
    return realFetch(input, init);
  };
})();
