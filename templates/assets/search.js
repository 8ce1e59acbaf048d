// PerfDisclosure search. Plain JavaScript, no framework, no third-party request.
// The tokenizer below mirrors src/PerfDisclosure.Build/Search/SearchTokenizer.cs exactly; a test runs both on
// the same strings. The index format is described in docs/search.md.
(function () {
  'use strict';

  // ---- Tokenizer (mirror of SearchTokenizer.cs) ----

  function foldChar(c) {
    if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;
    } else if (c === 0x3000) {
      return 0x20;
    }
    return c >= 0x41 && c <= 0x5A ? c + 32 : c;
  }

  function fold(text) {
    var out = '';
    for (var i = 0; i < text.length; i++) {
      out += String.fromCharCode(foldChar(text.charCodeAt(i)));
    }
    return out;
  }

  function isCjk(c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) || c === 0x3007;
  }

  function isWord(c) {
    return (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39);
  }

  function runs(text) {
    var folded = fold(text);
    var result = [];
    var i = 0;
    while (i < folded.length) {
      var c = folded.charCodeAt(i);
      var kind = isCjk(c) ? 1 : isWord(c) ? 2 : 0;
      var start = i++;
      if (kind === 0) {
        continue;
      }
      while (i < folded.length && (kind === 1 ? isCjk(folded.charCodeAt(i)) : isWord(folded.charCodeAt(i)))) {
        i++;
      }
      result.push(folded.substring(start, i));
    }
    return result;
  }

  function tokens(text) {
    var result = [];
    runs(text).forEach(function (run) {
      if (!isCjk(run.charCodeAt(0))) {
        result.push(run);
        return;
      }
      for (var i = 0; i < run.length; i++) {
        result.push(run[i]);
        if (i + 1 < run.length) {
          result.push(run.substring(i, i + 2));
        }
      }
    });
    return result;
  }

  function queryTerms(query) {
    var result = [];
    runs(query).forEach(function (run) {
      if (!isCjk(run.charCodeAt(0)) || run.length === 1) {
        result.push(run);
        return;
      }
      for (var i = 0; i + 1 < run.length; i++) {
        result.push(run.substring(i, i + 2));
      }
    });
    return result.filter(function (t, i) { return result.indexOf(t) === i; });
  }

  function hash(term) {
    var h = 2166136261;
    for (var i = 0; i < term.length; i++) {
      h = Math.imul(h ^ term.charCodeAt(i), 16777619) >>> 0;
    }
    return h;
  }

  // ---- Index (format written by SearchIndexFiles.cs / ShardFile.cs) ----

  var utf8 = new TextDecoder('utf-8');

  function readVarint(bytes, state) {
    var value = 0;
    var scale = 1;
    for (;;) {
      var b = bytes[state.at++];
      value += (b & 0x7F) * scale;
      if (b < 0x80) {
        return value;
      }
      scale *= 128;
    }
  }

  // Term -> {count, from, to} over the shard's bytes; postings are decoded only for the terms asked for.
  function parseShard(buffer) {
    var bytes = new Uint8Array(buffer);
    var terms = new Map();
    var state = { at: 0 };
    while (state.at < bytes.length) {
      var length = readVarint(bytes, state);
      var term = utf8.decode(bytes.subarray(state.at, state.at + length));
      state.at += length;
      var count = readVarint(bytes, state);
      var size = readVarint(bytes, state);
      terms.set(term, { bytes: bytes, count: count, from: state.at, to: state.at + size });
      state.at += size;
    }
    return terms;
  }

  function decodePostings(entry) {
    var docs = new Int32Array(entry.count);
    var weights = new Uint8Array(entry.count);
    var state = { at: entry.from };
    var previous = -1;
    for (var i = 0; i < entry.count; i++) {
      var value = readVarint(entry.bytes, state);
      previous += Math.floor(value / 32);
      docs[i] = previous;
      weights[i] = value & 31;
    }
    return { docs: docs, weights: weights };
  }

  function expandFacets(meta) {
    return meta.facets.map(function (facet) {
      var perDoc = new Int32Array(meta.count);
      var at = 0;
      for (var r = 0; r < facet.runs.length; r += 2) {
        perDoc.fill(facet.runs[r], at, at + facet.runs[r + 1]);
        at += facet.runs[r + 1];
      }
      return { key: facet.key, label: facet.label, values: facet.values, perDoc: perDoc };
    });
  }

  // load(path, kind) -> Promise of an ArrayBuffer ('bytes') or parsed JSON ('json'), path relative to the index.
  function createEngine(load) {
    var meta = null;
    var facets = null;
    var years = null;
    var shards = new Map();
    var docs = new Map();

    function ready() {
      if (!meta) {
        meta = load('meta.json', 'json').then(function (m) {
          facets = expandFacets(m);
          var year = facets.filter(function (f) { return f.key === 'year'; })[0];
          years = year ? Array.prototype.map.call(year.perDoc, function (v) { return parseInt(year.values[v], 10) || 0; }) : null;
          return m;
        });
      }
      return meta;
    }

    function shard(n) {
      if (!shards.has(n)) {
        shards.set(n, load('shards/' + n + '.bin', 'bytes').then(parseShard));
      }
      return shards.get(n);
    }

    // Every form holding all the query's terms, ranked BM25-style, with filter counts.
    function search(query, filters) {
      var terms = queryTerms(query);
      return ready().then(function (m) {
        if (terms.length === 0) {
          return { terms: terms, hits: [], counts: counts([]), facets: facets };
        }
        return Promise.all(terms.map(function (t) { return shard(hash(t) % m.shards); })).then(function (loaded) {
          var matched = new Uint8Array(m.count);
          var score = new Float64Array(m.count);
          for (var i = 0; i < terms.length; i++) {
            var entry = loaded[i].get(terms[i]);
            if (!entry) {
              return { terms: terms, hits: [], counts: counts([]), facets: facets };
            }
            var postings = decodePostings(entry);
            var idf = Math.log(1 + (m.count - entry.count + 0.5) / (entry.count + 0.5));
            for (var p = 0; p < postings.docs.length; p++) {
              var d = postings.docs[p];
              if (matched[d] === i) {
                matched[d] = i + 1;
                var w = postings.weights[p];
                // Weight holds the quantised term-frequency part (bits 1-4) and the heading flag (bit 0).
                score[d] += idf * ((w >> 1) / 15) * (m.k1 + 1) * ((w & 1) ? 2 : 1);
              }
            }
          }
          var all = [];
          for (var doc = 0; doc < m.count; doc++) {
            if (matched[doc] === terms.length) {
              all.push(doc);
            }
          }
          var hits = all.filter(function (doc) { return passes(doc, filters); });
          hits.sort(function (a, b) {
            return (score[b] - score[a]) || (years ? years[b] - years[a] : 0) || (a - b);
          });
          return { terms: terms, hits: hits, counts: counts(all, filters), facets: facets, score: score };
        });
      });
    }

    function passes(doc, filters) {
      for (var f = 0; f < facets.length; f++) {
        var facet = facets[f];
        var wanted = filters && filters[facet.key];
        if (wanted && facet.values[facet.perDoc[doc]] !== wanted) {
          return false;
        }
      }
      return true;
    }

    // For each filter, how many hits each of its values would give with the other filters kept: a form failing
    // no filter counts for every facet, a form failing exactly one counts for that one only.
    function counts(all, filters) {
      var result = facets.map(function (facet) { return new Array(facet.values.length).fill(0); });
      // -1: no filter on this facet; -2: a value no form has (a stale link), which nothing matches.
      var wanted = facets.map(function (facet) {
        var at = filters && filters[facet.key] ? facet.values.indexOf(filters[facet.key]) : -1;
        return filters && filters[facet.key] && at < 0 ? -2 : at;
      });
      for (var i = 0; i < all.length; i++) {
        var doc = all[i];
        var failed = -1;
        var failures = 0;
        for (var f = 0; f < facets.length && failures < 2; f++) {
          if (wanted[f] !== -1 && facets[f].perDoc[doc] !== wanted[f]) {
            failed = f;
            failures++;
          }
        }
        for (var g = 0; g < facets.length; g++) {
          if (failures === 0 || (failures === 1 && g === failed)) {
            result[g][facets[g].perDoc[doc]]++;
          }
        }
      }
      return result;
    }

    function documentOf(id) {
      if (!docs.has(id)) {
        docs.set(id, load('docs/' + id + '.json', 'json'));
      }
      return docs.get(id);
    }

    return { search: search, document: documentOf, ready: ready };
  }

  // The phrases a result must contain: bigrams can all occur in a form without the phrase, so each CJK run of
  // three or more characters is checked against the form's text before the form is shown.
  function verify(doc, query) {
    var text = fold(doc.text + ' ' + doc.title + ' ' + doc.organisation);
    return runs(query).every(function (run) {
      return run.length < 3 || !isCjk(run.charCodeAt(0)) || text.indexOf(run) >= 0;
    });
  }

  // ---- Search page ----

  var PAGE = 10;

  // Opened from the file system (file://), a browser fetches no index file: the page says that search needs
  // `serve` or a web server, and shows the browse links it carries, instead of an error.
  function offline() {
    document.getElementById('search-form').hidden = true;
    document.getElementById('search-offline').hidden = false;
  }

  function start(app) {
    if (location.protocol === 'file:') {
      offline();
      return;
    }
    var root = app.getAttribute('data-root');
    var base = app.getAttribute('data-index');
    var engine = createEngine(function (path, kind) {
      return fetch(base + path).then(function (r) {
        if (!r.ok) {
          throw new Error(path + ': ' + r.status);
        }
        return kind === 'json' ? r.json() : r.arrayBuffer();
      });
    });
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var filtersBox = document.getElementById('search-filters');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    var more = document.getElementById('search-more');
    var current = null;
    var generation = 0;

    function stateFromUrl() {
      var params = new URLSearchParams(location.search);
      var filters = {};
      params.forEach(function (value, key) {
        if (key !== 'q' && value) {
          filters[key] = value;
        }
      });
      return { q: params.get('q') || '', filters: filters };
    }

    function urlOf(state) {
      var params = new URLSearchParams();
      if (state.q) {
        params.set('q', state.q);
      }
      Object.keys(state.filters).sort().forEach(function (key) {
        if (state.filters[key]) {
          params.set(key, state.filters[key]);
        }
      });
      var query = params.toString();
      return location.pathname + (query ? '?' + query : '');
    }

    function readFilters() {
      var filters = {};
      filtersBox.querySelectorAll('select').forEach(function (select) {
        if (select.value) {
          filters[select.name] = select.value;
        }
      });
      return filters;
    }

    // typing: while the reader types, the address follows without adding a history entry per key.
    function navigate(typing) {
      var state = { q: input.value.trim(), filters: readFilters() };
      if (typing === true) {
        history.replaceState(null, '', urlOf(state));
      } else {
        history.pushState(null, '', urlOf(state));
      }
      run(state);
    }

    function run(state) {
      var mine = ++generation;
      // Set again when this search's results are all on the page (tests and scripts can wait for it).
      app.removeAttribute('data-searched');
      if (input.value.trim() !== state.q) {
        input.value = state.q;
      }
      if (!state.q) {
        list.textContent = '';
        more.hidden = true;
        filtersBox.hidden = true;
        status.textContent = input.value === '' ? '请输入要搜索的文字。' : '';
        return;
      }
      status.textContent = '正在搜索…';
      engine.search(state.q, state.filters).then(function (result) {
        if (mine !== generation) {
          return;
        }
        current = { state: state, result: result, shown: 0, total: result.hits.length, next: 0 };
        list.textContent = '';
        renderFilters(result, state.filters);
        return showMore(mine);
      }).catch(function (e) {
        status.textContent = '搜索出错：' + e.message;
      });
    }

    // Loads the next results, checks each against the query's phrases, and shows up to PAGE of them.
    function showMore(mine) {
      var c = current;
      var wanted = c.shown + PAGE;
      function step() {
        if (mine !== generation) {
          return null;
        }
        if (c.shown >= wanted || c.next >= c.result.hits.length) {
          more.hidden = c.next >= c.result.hits.length;
          announce(c);
          return null;
        }
        var batch = c.result.hits.slice(c.next, c.next + wanted - c.shown);
        c.next += batch.length;
        return Promise.all(batch.map(engine.document)).then(function (docs) {
          if (mine !== generation) {
            return null;
          }
          docs.forEach(function (doc) {
            if (!verify(doc, c.state.q)) {
              c.total--;
              return;
            }
            list.appendChild(item(doc, c.state.q));
            c.shown++;
          });
          return step();
        });
      }
      return step();
    }

    function announce(c) {
      app.setAttribute('data-searched', c.state.q);
      status.textContent = c.total === 0
        ? '没有找到包含“' + c.state.q + '”的表单。'
        : '找到 ' + c.total + ' 张表单' + (c.shown < c.total ? '，显示前 ' + c.shown + ' 张' : '') + '。';
    }

    function item(doc, query) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + doc.url + 'index.html';
      a.textContent = doc.title;
      var heading = document.createElement('h2');
      heading.appendChild(a);
      li.appendChild(heading);
      var facts = document.createElement('p');
      facts.className = 'search-facts';
      facts.textContent = [doc.organisation, doc.year + '年度', doc.kind, doc.amount ? doc.amount + ' ' + (doc.amount_unit || '万元') : '', doc.grade ? '评分等级 ' + doc.grade : '']
        .filter(Boolean).join(' · ');
      li.appendChild(facts);
      li.appendChild(snippet(doc.text, query));
      return li;
    }

    function snippet(text, query) {
      var folded = fold(text);
      var needles = runs(query).sort(function (a, b) { return b.length - a.length; });
      var first = -1;
      needles.forEach(function (n) {
        var at = folded.indexOf(n);
        if (at >= 0 && (first < 0 || at < first)) {
          first = at;
        }
      });
      var from = Math.max(0, first - 30);
      var to = Math.min(text.length, (first < 0 ? 0 : first) + 90);
      var p = document.createElement('p');
      p.className = 'search-snippet';
      if (from > 0) {
        p.appendChild(document.createTextNode('…'));
      }
      var at = from;
      while (at < to) {
        var hit = -1;
        var length = 0;
        needles.forEach(function (n) {
          var i = folded.indexOf(n, at);
          if (i >= 0 && i < to && (hit < 0 || i < hit)) {
            hit = i;
            length = n.length;
          }
        });
        if (hit < 0) {
          p.appendChild(document.createTextNode(text.substring(at, to)));
          break;
        }
        p.appendChild(document.createTextNode(text.substring(at, hit)));
        var mark = document.createElement('mark');
        mark.textContent = text.substring(hit, hit + length);
        p.appendChild(mark);
        at = hit + length;
      }
      if (to < text.length) {
        p.appendChild(document.createTextNode('…'));
      }
      return p;
    }

    function renderFilters(result, filters) {
      filtersBox.textContent = '';
      result.facets.forEach(function (facet, f) {
        var offered = facet.values.map(function (v, i) { return { value: v, count: result.counts[f][i] }; })
          .filter(function (o) { return o.value && (o.count > 0 || o.value === filters[facet.key]); });
        if (offered.length === 0) {
          return;
        }
        var id = 'search-filter-' + facet.key;
        var wrap = document.createElement('div');
        var label = document.createElement('label');
        label.htmlFor = id;
        label.textContent = facet.label;
        var select = document.createElement('select');
        select.id = id;
        select.name = facet.key;
        var all = document.createElement('option');
        all.value = '';
        all.textContent = '全部';
        select.appendChild(all);
        offered.forEach(function (o) {
          var option = document.createElement('option');
          option.value = o.value;
          option.textContent = o.value + '（' + o.count + '）';
          option.selected = o.value === filters[facet.key];
          select.appendChild(option);
        });
        select.addEventListener('change', navigate);
        wrap.appendChild(label);
        wrap.appendChild(select);
        filtersBox.appendChild(wrap);
      });
      filtersBox.hidden = false;
    }

    var typed = null;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      clearTimeout(typed);
      navigate();
    });
    // Results as the reader types, once typing pauses (the index shards a query needs are fetched once and kept).
    input.addEventListener('input', function () {
      clearTimeout(typed);
      typed = setTimeout(function () {
        if (input.value.trim() !== stateFromUrl().q) {
          navigate(true);
        }
      }, 250);
    });
    more.addEventListener('click', function () {
      if (current) {
        showMore(generation);
      }
    });
    window.addEventListener('popstate', function () { run(stateFromUrl()); });
    run(stateFromUrl());
  }

  var api = { fold: fold, runs: runs, tokens: tokens, queryTerms: queryTerms, hash: hash, parseShard: parseShard, decodePostings: decodePostings, createEngine: createEngine, verify: verify };
  if (typeof module !== 'undefined' && module.exports) {
    module.exports = api;
  } else if (typeof document !== 'undefined') {
    var app = document.getElementById('search-app');
    if (app) {
      start(app);
    }
  }
}());
