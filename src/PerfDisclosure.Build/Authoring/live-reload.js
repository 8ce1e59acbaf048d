// Injected by `perfdisclosure serve` only (never published): reloads the page when the site was rebuilt.
// A file, not an inline script, so the site's Content-Security-Policy (script-src 'self') stays as it is.
(function () {
  var seen = null;
  function poll() {
    fetch('/__perfdisclosure/version', { cache: 'no-store' })
      .then(function (r) { return r.text(); })
      .then(function (v) {
        if (seen !== null && v !== seen) { location.reload(); return; }
        seen = v;
        setTimeout(poll, 500);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  poll();
})();
