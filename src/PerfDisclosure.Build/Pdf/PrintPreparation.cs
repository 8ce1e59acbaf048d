namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// What the printer does to a page before printing it. A table repeats only its &lt;thead&gt; across pages, and the
/// official forms' indicator header sits in the middle of one table; so, for print only, the indicator rows move
/// to a second table right below, whose &lt;thead&gt; is that header: it repeats on every page the rows run on. The
/// header is the row group <c>tbody.indicator-header</c> just before <c>tbody.indicators</c> (partial
/// indicator-table, one or two rows) or else the first row of <c>tbody.indicators</c> (the built-in templates).
/// A label cell merged over the header and all rows (绩效指标) moves down to the first row, keeping its merge.
/// </summary>
public static class PrintPreparation
{
    public const string Script = """
        async landscape => {
          document.querySelector('main')?.classList.toggle('landscape', landscape);
          for (const body of document.querySelectorAll('table.official-form > tbody.indicators')) {
            const table = body.parentElement;
            const group = body.previousElementSibling?.matches('tbody.indicator-header') ? body.previousElementSibling : null;
            const headers = group ? [...group.rows] : [body.rows[0]];
            const first = group ? body.rows[0] : body.rows[1];
            if (!headers[0] || !first) continue;
            const label = headers[0].cells[0];
            if (!group && label.rowSpan > 1) {
              label.rowSpan -= 1;
              headers[0].insertBefore(document.createElement('td'), label);
              first.insertBefore(label, first.firstChild);
            }
            const rest = document.createElement('table');
            rest.className = table.className + ' print-continued';
            const head = rest.createTHead();
            for (const row of headers) head.appendChild(row);
            group?.remove();
            let next = body;
            while (next) { const after = next.nextElementSibling; rest.appendChild(next); next = after; }
            table.after(rest);
          }
          // Load every font slice the text needs before laying it out (a main just taken is still hidden), and the
          // footer's glyphs (第页共 and digits), which are in no element. Bold text is what print.css sets bold;
          // anything missed here still loads when main is shown, before fonts.ready resolves.
          const main = document.querySelector('main');
          if (main) {
            const bold = [...main.querySelectorAll('th, h1, h2, h3, caption, strong, b, .grade')].map(e => e.textContent).join('');
            await Promise.all([
              document.fonts.load('400 9pt "Noto Serif SC"', main.textContent + '第页共 0123456789'),
              document.fonts.load('700 9pt "Noto Serif SC"', bold || ' '),
            ]);
            main.style.display = '';
          }
          await document.fonts.ready;
        }
        """;

    /// <summary>
    /// Chromium writes every link as an absolute URL, which for a page printed from the staging folder is a
    /// <c>file:///…/.site.staging-…/</c> path: useless to a reader and different in every build. Relative links are
    /// resolved against the page's public address (its canonical link, from base_url) or, when the site has no
    /// absolute base_url, left as plain text; links inside the document (#…) and absolute ones stay.
    /// </summary>
    public const string Links = """
        canonical => {
          const base = /^https?:\/\//i.test(canonical) ? canonical : null;
          for (const a of document.querySelectorAll('a[href]')) {
            const href = a.getAttribute('href');
            if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
            if (base) a.href = new URL(href, base).href; else a.removeAttribute('href');
          }
        }
        """;

    /// <summary>The distinct <c>href</c>s of the page's links, as written after <see cref="Links"/>.</summary>
    public const string LinkTargets = "() => [...new Set([...document.querySelectorAll('a[href], area[href]')].map(a => a.getAttribute('href')))]";

    /// <summary>Removes the <c>href</c> of every link whose target is in the list given: Chromium prints the link as its text.</summary>
    public const string Unlink = """
        refused => {
          for (const a of document.querySelectorAll('a[href], area[href]')) {
            if (refused.includes(a.getAttribute('href'))) a.removeAttribute('href');
          }
        }
        """;
}
