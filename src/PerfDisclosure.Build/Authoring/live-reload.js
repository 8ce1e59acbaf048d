// Injected by `perfdisclosure serve` only (never published): reloads the page when the site was rebuilt.
// A file, not an inline script, so the site's Content-Security-Policy (script-src 'self') stays as it is.
// `version?after=N` is answered when build N+1 is done (or after 20 s): the page reloads as soon as it is rebuilt.
(function () {
  var seen = null;
  function poll() {
    fetch('/__perfdisclosure/version' + (seen === null ? '' : '?after=' + encodeURIComponent(seen)), { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(poll, 0);
      })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
