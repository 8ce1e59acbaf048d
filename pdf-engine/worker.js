// PerfDisclosure's PDF engine (docs/pdf.md): one long-lived process per core, started by the build
// (src/PerfDisclosure.Build/Pdf/TypstPrinter.cs). It reads one JSON request per line on stdin,
//   {"id": 7, "source": "<a Typst document>", "date": <seconds since 1970>}
// typesets it with Typst and answers one JSON line on stdout,
//   {"id": 7, "pdf": "<base64>", "pages": 3}   or   {"id": 7, "error": "<one line>"}
// Any warning of Typst (a layout that did not converge, an unknown font) fails that document: the build
// reports it instead of publishing a PDF that may be wrong.
'use strict';

const path = require('path');
const fs = require('fs');
const readline = require('readline');

// Only the packaged fonts: fonts.conf names no system font directory, so the same input gives the same PDF on every
// machine. Set before the compiler starts, which is when it reads the font configuration.
process.env.FONTCONFIG_FILE = path.join(__dirname, 'fonts.conf');

const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');

// The fonts: fonts.json names their package and files; the build reads the same list to warn of a character none of
// them prints (src/PerfDisclosure.Build/Pdf/FontCoverage.cs, PD0811).
const fontList = JSON.parse(fs.readFileSync(path.join(__dirname, 'fonts.json'), 'utf8'));
const fontPackage = path.dirname(require.resolve(fontList.package + '/package.json'));
const fonts = fontList.files.map(file => fs.readFileSync(path.join(fontPackage, file)));
// A document reads no file: its text is in its source, the fonts are given as bytes. Typst reads files only under its
// root (a path with .. past it is refused, an absolute path is taken inside it), so the root is a folder that does
// not exist and is never created: whatever a document names, nothing is read, wherever the engine was started.
const root = path.join(__dirname, 'no-files');
const compiler = NodeCompiler.create({ workspace: root, fontArgs: [{ fontBlobs: fonts }] });

// Typst memoises every layout it computes in one global cache, and an entry's age grows by one per eviction only: with
// evictCache(10) every 10 documents an entry lived for 100 documents, a compilation's whole layout among them, and a
// worker grew past 1 GiB on a 1,000-form corpus. Documents share little worth keeping (each form's table is its own;
// the fonts are loaded once, outside the cache), so the cache is emptied after every document: the peak is then what
// the largest one document takes (docs/pdf.md, "Memory"), at no measurable cost in time.
const KEEP_AGE = 0;

function messages(error) {
  const diagnostics = error ? error.shortDiagnostics || [] : [];
  return diagnostics.map(d => (d.message || String(d)).replace(/\s+/g, ' ')).join('; ');
}

function typeset(request) {
  const result = compiler.compile({ mainFileContent: request.source });
  const error = result.takeError();
  if (error) {
    return { id: request.id, error: messages(error) || error.compilationStatus };
  }

  const warnings = messages(result.takeWarnings());
  if (warnings) {
    return { id: request.id, error: warnings };
  }

  const document = result.result;
  const pdf = compiler.pdf(document, { creationTimestamp: request.date });
  return { id: request.id, pdf: pdf.toString('base64'), pages: document.numOfPages };
}

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', line => {
  if (!line.trim()) {
    return;
  }

  let request = { id: null };
  let answer;
  try {
    request = JSON.parse(line);
    answer = typeset(request);
  } catch (e) {
    answer = { id: request.id, error: String(e && e.message || e).split('\n')[0] };
  }

  process.stdout.write(JSON.stringify(answer) + '\n');
  compiler.evictCache(KEEP_AGE);
});
lines.on('close', () => process.exit(0));
