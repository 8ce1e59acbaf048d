// Compares PerfDisclosure search with Pagefind on one built site (docs/search.md has the method and figures).
//
//   node compare.mjs SITE_DIR [query ...]
//
// SITE_DIR is a site built by `perfdisclosure build` and indexed by Pagefind into SITE_DIR/pagefind (see
// run.sh). For each query, in a fresh headless Chromium context (empty cache), it records every byte each
// search transfers: ours = the search page's script, meta.json, shards and the documents of the results it
// shows (10); Pagefind = pagefind.js, its worker, wasm, metadata, index chunks and the data of the first 5
// results. It then computes, outside the browser, recall and precision against the truth: the forms whose
// page text (the text our index stores, folded) contains the query as a substring.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const search = require(join(here, '..', '..', 'templates', 'assets', 'search.js'));
const site = resolve(process.argv[2] ?? 'site');
const queries = process.argv.length > 3 ? process.argv.slice(3) : ['残疾人', '法律顾问', '宣传片', '保障金', '满意度', '招商', '培训', '公共服务', '投资促进', '数量指标', '展会', '外商投资'];

// ---- a static server on 127.0.0.1, counting bytes per request path ----
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.wasm': 'application/wasm' };
let log = [];
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const file = join(site, path.endsWith('/') ? path + 'index.html' : path);
  if (!file.startsWith(site) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  const body = readFileSync(file);
  log.push({ path, raw: body.length, gzip: gzipSync(body).length });
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

// A host page for Pagefind's JS API (not part of the site's CSP).
const hostPage = '<!doctype html><meta charset="utf-8"><script type="module">import * as pf from "./pagefind/pagefind.js"; window.pf = pf;</script>';

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

function sum(entries, filter) {
  const picked = entries.filter(filter);
  return { files: picked.length, raw: picked.reduce((a, e) => a + e.raw, 0), gzip: picked.reduce((a, e) => a + e.gzip, 0) };
}

async function ours(query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  log = [];
  const started = Date.now();
  await page.goto(base + 'search/index.html?q=' + encodeURIComponent(query));
  await page.waitForSelector('#search-app[data-searched]', { state: 'attached', timeout: 60000 });
  const ms = Date.now() - started;
  const shown = await page.$$eval('#search-results a', as => as.map(a => new URL(a.href).pathname));
  await context.close();
  return { ms, bytes: sum(log, e => e.path.startsWith('/search/') && !e.path.endsWith('.html') || e.path === '/assets/search.js'), shown };
}

async function pagefind(query) {
  const context = await browser.newContext();
  await context.route(base + 'pf-host.html', route => route.fulfill({ contentType: 'text/html', body: hostPage }));
  const page = await context.newPage();
  await page.goto(base + 'pf-host.html');
  await page.waitForFunction(() => window.pf !== undefined);
  log = [];
  const started = Date.now();
  const first = await page.evaluate(async q => {
    const r = await window.pf.search(q);
    const data = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
    return { count: r.results.length, urls: data.map(d => d.url) };
  }, query);
  const ms = Date.now() - started;
  const bytes = sum(log, e => e.path.startsWith('/pagefind/'));
  // All results' URLs, for recall: measured after the byte count.
  const all = await page.evaluate(async q => {
    const r = await window.pf.search(q);
    const data = await Promise.all(r.results.map(x => x.data()));
    return data.map(d => d.url);
  }, query);
  await context.close();
  return { ms, bytes, first, all };
}

// ---- truth and our full result set, from the files ----
const docsDir = join(site, 'search', 'docs');
const docs = readdirSync(docsDir).map(f => Number(f.replace('.json', ''))).sort((a, b) => a - b)
  .map(id => ({ id, ...JSON.parse(readFileSync(join(docsDir, id + '.json'), 'utf8')) }));
const folded = docs.map(d => search.fold(d.text));
const engine = search.createEngine(async (path, kind) => {
  const body = readFileSync(join(site, 'search', path));
  return kind === 'json' ? JSON.parse(body.toString('utf8')) : body.buffer.slice(body.byteOffset, body.byteOffset + body.length);
});

const rows = [];
for (const query of queries) {
  const q = search.fold(query);
  const truth = new Set(docs.filter((d, i) => folded[i].includes(q)).map(d => '/' + d.url));
  const result = await engine.search(query, {});
  const t0 = performance.now();
  await engine.search(query, {});
  const computeMs = performance.now() - t0;
  const candidates = result.hits.map(id => '/' + docs[id].url);
  const verified = result.hits.filter(id => search.verify(docs[id], query)).map(id => '/' + docs[id].url);
  const o = await ours(query);
  const p = await pagefind(query);
  const pfAll = new Set(p.all.map(u => u.replace(/index\.html$/, '')));
  const hitRate = (found, set) => set.size === 0 ? 1 : [...set].filter(u => found.has(u)).length / set.size;
  const precision = (found, set) => found.length === 0 ? 1 : found.filter(u => set.has(u)).length / found.length;
  rows.push({
    query, truth: truth.size,
    ours: { kB: +(o.bytes.raw / 1000).toFixed(1), kBgzip: +(o.bytes.gzip / 1000).toFixed(1), files: o.bytes.files, ms: o.ms, computeMs: +computeMs.toFixed(1), results: verified.length, recall: hitRate(new Set(verified), truth), candidatePrecision: +precision(candidates, truth).toFixed(3), shownPrecision: precision(o.shown.map(u => u.replace(/index\.html$/, '')), truth) },
    pagefind: { kB: +(p.bytes.raw / 1000).toFixed(1), files: p.bytes.files, ms: p.ms, results: p.first.count, recall: +hitRate(pfAll, truth).toFixed(3), precision: +precision([...pfAll], truth).toFixed(3), top5Precision: precision(p.first.urls.map(u => u.replace(/index\.html$/, '')), truth) },
  });
  console.error(JSON.stringify(rows[rows.length - 1]));
}

await browser.close();
server.close();
console.log(JSON.stringify(rows, null, 2));
