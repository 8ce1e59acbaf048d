// The 404 page (inlined into 404.html, allowed by its hash in the page's Content-Security-Policy). Its links are
// written from the base URL's path (data-root), which a web server serving the site at that path resolves at any
// depth. Opened from the file system, 404.html is the site folder's own file, so the links become relative to it;
// served under another path (serve, a server at the host's root), they start from the host's root.
document.addEventListener('DOMContentLoaded', function () {
  var root = document.documentElement.getAttribute('data-root');
  var to = location.protocol === 'file:' ? '' : location.pathname.indexOf(root) === 0 ? root : '/';
  if (to === root) {
    return;
  }
  document.querySelectorAll('[href], form[action]').forEach(function (element) {
    var name = element.hasAttribute('href') ? 'href' : 'action';
    var value = element.getAttribute(name);
    if (value.indexOf(root) === 0) {
      element.setAttribute(name, to + value.slice(root.length));
    }
  });
});
