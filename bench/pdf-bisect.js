// Where the PDF print's CPU goes, one variable at a time (docs/pdf.md, Speed).
//
// Prints one document — the forms of one organisation and year of a built site, one after another as a compilation
// prints them — once per variant, REPS times, the variants alternated so that every variant sees the same minutes of
// a shared machine. Reports the median CPU (ms) of loading + preparing the page and of the print call, per printed
// page, counted by a cgroup (cpuacct) that holds this process, the Playwright code in it and every Chromium process.
// Needs root (the cgroup), /usr/bin/chromium, and the playwright-core that the Microsoft.Playwright NuGet package ships
// (no npm install); the page scripts are read from src/PerfDisclosure.Build/Pdf/PrintPreparation.cs, as the build runs them.
//
//   dotnet run --project src/PerfDisclosure.Cli -c Release -- build --no-pdf --output /tmp/site
//   node bench/pdf-bisect.js /tmp/site sh-foreign-investment-promotion/2023 [REPS]
const fs = require('fs');
const os = require('os');
const path = require('path');

const repo = path.resolve(__dirname, '..');
const [site, orgYear, repsArg] = process.argv.slice(2);
if (!site || !orgYear) {
  console.error('usage: node bench/pdf-bisect.js SITE_DIR ORG/YEAR [REPS]');
  process.exit(2);
}
const reps = Number(repsArg ?? 5);

const nuget = path.join(os.homedir(), '.nuget/packages/microsoft.playwright');
const version = fs.readdirSync(nuget).sort().at(-1);
const { chromium } = require(path.join(nuget, version, '.playwright/package'));

// The build's own page scripts (C# raw string literals), so the bench prints exactly what the build prints.
const scripts = fs.readFileSync(path.join(repo, 'src/PerfDisclosure.Build/Pdf/PrintPreparation.cs'), 'utf8').split('"""');
const prepare = eval(scripts[1]);
const links = eval(scripts[3]);

const group = `/sys/fs/cgroup/cpuacct/pdf-bisect-${process.pid}`;
fs.mkdirSync(group);
fs.writeFileSync(`${group}/cgroup.procs`, String(process.pid));
process.on('exit', () => {
  fs.writeFileSync('/sys/fs/cgroup/cpuacct/cgroup.procs', String(process.pid));
  fs.rmdirSync(group);
});
const cpu = () => Number(fs.readFileSync(`${group}/cpuacct.usage`, 'utf8')) / 1e6;
const median = a => [...a].sort((x, y) => x - y)[(a.length - 1) >> 1];

// The document: the org-year page's head and shell, its <main> replaced by every form's <main>, each a print-form section.
const dir = path.join(site, orgYear);
const landscape = new Set(fs.readdirSync(path.join(repo, 'templates/layouts/forms'))
  .filter(f => f.endsWith('.yaml') && /^landscape:\s*true/m.test(fs.readFileSync(path.join(repo, 'templates/layouts/forms', f), 'utf8')))
  .map(f => f.replace(/\.yaml$/, '')));
const inner = html => html.slice(html.indexOf('>', html.indexOf('<main')) + 1, html.lastIndexOf('</main>'));
const forms = fs.readdirSync(dir).filter(d => fs.existsSync(path.join(dir, d, 'index.html'))).sort().map(d => {
  const html = fs.readFileSync(path.join(dir, d, 'index.html'), 'utf8');
  const layout = /class="official-form layout-([a-z0-9-]+)/.exec(html)?.[1];
  return `<section class="print-form${landscape.has(layout) ? ' landscape' : ''}">${inner(html)}</section>`;
});
const shell = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
const documentHtml = shell.slice(0, shell.indexOf('>', shell.indexOf('<main')) + 1) + forms.join('\n') + shell.slice(shell.lastIndexOf('</main>'));

const oneFont = 'body, .official-form, caption, h1, h2, th, td { font-family: "Noto Serif CJK SC" !important; } @page { @bottom-center { font-family: "Noto Serif CJK SC" !important; } }';
const build = { media: 'print', viewport: { width: 703, height: 16 } };
const variants = [
  { name: 'as the build prints (print media, 703×16 viewport)', ...build },
  { name: 'screen media at load, 1280×720 viewport (before)', media: null, viewport: { width: 1280, height: 720 } },
  { name: 'no page-margin box (no 第 X 页 共 Y 页)', ...build, css: '@page { @bottom-center { content: none; } }' },
  { name: 'margin box with counter(page) only', ...build, css: '@page { @bottom-center { content: "第 " counter(page) " 页"; } }' },
  { name: 'rows may split (no break-inside: avoid)', ...build, css: 'tr, th, td { break-inside: auto !important; } table.print-continued > tbody > tr:first-child { break-before: auto !important; }' },
  { name: 'header rows not repeated', ...build, css: 'thead { display: table-row-group !important; }' },
  { name: 'no print preparation (one table)', ...build, prepare: false },
  { name: 'no named pages (all portrait)', ...build, css: '.print-form.landscape, main.landscape { page: auto !important; }' },
  { name: 'untagged', ...build, pdf: { tagged: false } },
  { name: 'no outline', ...build, pdf: { outline: false } },
  { name: 'PreferCSSPageSize false, format A4', ...build, pdf: { preferCSSPageSize: false, format: 'A4' } },
  { name: 'PrintBackground true', ...build, pdf: { printBackground: true } },
  { name: 'scale 0.8', ...build, pdf: { scale: 0.8 } },
  { name: 'without site.css', ...build, html: s => s.replace(/<link rel="stylesheet" href="[^"]*site\.css">/, '') },
  { name: 'without scripts', ...build, html: s => s.replace(/<script[^>]*><\/script>/g, '') },
  { name: 'text-rendering: optimizeSpeed, no kerning', ...build, css: '* { text-rendering: optimizeSpeed !important; font-kerning: none !important; font-variant-ligatures: none !important; }' },
  { name: 'system font (Noto Serif CJK .ttc), no web fonts', ...build, html: s => s.replace(/<link rel="stylesheet" href="[^"]*noto-serif-sc\.css">/, ''), css: oneFont },
  { name: 'one line of text instead of the forms (the cost of a print call)', ...build, html: s => s.slice(0, s.indexOf('>', s.indexOf('<main')) + 1) + '<p>第 1 页</p>' + s.slice(s.lastIndexOf('</main>')) },
  { name: '--font-render-hinting=none', ...build, args: ['--font-render-hinting=none'] },
  { name: '--disable-skia-runtime-opts', ...build, args: ['--disable-skia-runtime-opts'] },
  { name: '--in-process-gpu', ...build, args: ['--in-process-gpu'] },
];

(async () => {
  const base = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions', '--disable-dev-shm-usage'];
  const browsers = new Map();
  for (const args of new Set(variants.map(v => JSON.stringify(v.args ?? [])))) {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...base, ...JSON.parse(args)] });
    // bypassCSP: the site's Content-Security-Policy forbids the <style> a variant adds.
    browsers.set(args, { browser, page: await (await browser.newContext({ bypassCSP: true })).newPage() });
  }

  const source = path.join(dir, `.pdf-bisect-${process.pid}.html`);
  const results = variants.map(() => ({ load: [], print: [], pages: 0, bytes: 0 }));
  console.log(`${os.cpus().length} cores, ${version}, ${forms.length} forms of ${orgYear}, ${reps} runs; load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  try {
    for (let run = -1; run < reps; run++) {
      for (const [i, v] of variants.entries()) {
        const { page } = browsers.get(JSON.stringify(v.args ?? []));
        let html = v.html ? v.html(documentHtml) : documentHtml;
        if (v.css) html = html.replace('</head>', `<style>${v.css}</style></head>`);
        fs.writeFileSync(source, html);
        await page.emulateMedia({ media: v.media });
        await page.setViewportSize(v.viewport);
        const start = cpu();
        await page.goto('file://' + source, { waitUntil: 'load' });
        if (v.prepare !== false) {
          await page.evaluate(prepare, false);
          await page.evaluate(links, '');
        }
        const loaded = cpu();
        const pdf = await page.pdf({ preferCSSPageSize: true, tagged: true, outline: true, printBackground: false, ...v.pdf });
        const printed = cpu();
        if (run >= 0) { // run -1 warms the browsers up
          results[i].load.push(loaded - start);
          results[i].print.push(printed - loaded);
          results[i].pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
          results[i].bytes = pdf.length;
        }
      }
    }
  } finally {
    fs.rmSync(source, { force: true });
  }

  console.log('| variant | pages | load+prepare ms | print ms | CPU ms per page | kB |');
  console.log('|---|---|---|---|---|---|');
  for (const [i, v] of variants.entries()) {
    const r = results[i];
    const load = median(r.load), print = median(r.print);
    console.log(`| ${v.name} | ${r.pages} | ${load.toFixed(0)} | ${print.toFixed(0)} | ${((load + print) / r.pages).toFixed(1)} | ${(r.bytes / 1024).toFixed(0)} |`);
  }
  console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  for (const { browser } of browsers.values()) await browser.close();
})().catch(e => { console.error(e); process.exitCode = 1; });
