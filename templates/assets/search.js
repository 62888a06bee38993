/* Dossier search: offline full-text search over the index in search/ (made and described
   by Sources/DossierSearch/SearchIndex.swift). The index files are scripts that call
   window.dossierSearch, since browsers refuse fetch() from file://. A query loads the
   term chunks that hold its terms (chunks are ranges of sorted terms, named in
   search/meta.js), then the document groups of the results it shows, ten at a time.

   Terms are made as the index makes them: lower-cased, ё as е, CJK ideographs in pairs,
   other words whole, Russian and English words by their Snowball stem (assets/snowball.js);
   ids as #letters+number (FK012 = FK-012 = fk 12). Each query term counts with its
   postings' BM25 scores: exactly, else as a prefix, else (words of five letters and more)
   one edit away, each worth less. A page's score is the sum, times the share of the
   query (weighted by rarity) that it covers squared, so a question finds the page that
   answers most of it. The page of an issue whose id is the query comes first, then pages
   whose whole title is the query; equal scores keep the index's order (recent issues
   first). */
(function () {
  'use strict';
  var doc = document;
  var box = doc.getElementById('search');
  var input = doc.getElementById('search-input');
  var list = doc.getElementById('search-results');
  var status = doc.getElementById('search-status');
  if (!box || !input || !list || !status) return;
  var kindFilter = doc.getElementById('search-kind');
  var statusFilter = doc.getElementById('search-issue-status');
  var moreButton = doc.getElementById('search-more');
  var PAGE = 10, SPAN = 160, LEAD = 50, EXPANSIONS = 64;
  var PREFIX = 0.55, TYPO = 0.35, FLOOR = 0.3;
  var data = box.dataset;
  var root = data.root || '';
  var api = window.dossierSearch = window.dossierSearch || {};
  var meta = api.loadedMeta || null, termChunks = {}, groups = {}, waiting = {};
  var snowball = window.dossierSnowball || { english: function (w) { return w; }, russian: function (w) { return w; } };
  api.terms = function (i, t) { termChunks[i] = t; arrived('terms-' + i); };
  api.docs = function (i, d) { groups[i] = d; arrived('docs-' + i); };
  if (!meta || meta.version !== 2) { status.textContent = data.noIndex || ''; return; }

  /* Varint64 (SearchIndex.swift): five bits a character, a character of the second half
     of the alphabet says more follow. */
  var DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
  var DIGIT = {};
  for (var di = 0; di < 64; di++) DIGIT[DIGITS.charAt(di)] = di;
  function numbers(text) {
    var out = [], current = 0;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charAt(i)];
      current = current * 32 + (d & 31);
      if (d < 32) { out.push(current); current = 0; }
    }
    return out;
  }
  /* The first document of each group, and each document's kind. */
  var starts = [0];
  numbers(meta.groups).forEach(function (n) { starts.push(starts[starts.length - 1] + n); });
  var kindRuns = [];
  for (var ki = 0, at = 0; ki < meta.kinds.length; ki += 2) {
    kindRuns.push({ kind: meta.kinds[ki], from: at, to: at + meta.kinds[ki + 1] });
    at += meta.kinds[ki + 1];
  }
  function kindOf(id) {
    for (var i = 0; i < kindRuns.length; i++) if (id >= kindRuns[i].from && id < kindRuns[i].to) return kindRuns[i].kind;
    return '';
  }
  function groupOf(id) {
    var lo = 0, hi = starts.length - 1;
    while (lo + 1 < hi) { var mid = (lo + hi) >> 1; if (starts[mid] <= id) lo = mid; else hi = mid; }
    return lo;
  }
  /* The chunk whose range holds `term`: how many chunk boundaries sort at or before it. */
  function chunkOf(term) {
    var b = meta.chunks, lo = 0, hi = b.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (b[mid] <= term) lo = mid + 1; else hi = mid; }
    return lo;
  }

  function arrived(name) {
    var callbacks = waiting[name] || [];
    waiting[name] = null;
    callbacks.forEach(function (cb) { cb(); });
  }
  /* Loads search/NAME.js once; calls back when it has run (or failed). */
  function load(name, loaded, cb) {
    if (loaded) { cb(); return; }
    if (waiting[name]) { waiting[name].push(cb); return; }
    waiting[name] = [cb];
    var script = doc.createElement('script');
    script.src = root + 'search/' + name + '.js';
    script.onerror = function () { arrived(name); };
    doc.head.appendChild(script);
  }
  function loadChunks(ids, done) {
    var left = ids.length;
    if (!left) { done(); return; }
    ids.forEach(function (i) { load('terms-' + i, termChunks[i] != null, function () { if (--left === 0) done(); }); });
  }

  /* ---- Terms, as SearchIndex makes them ---- */
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/, WORD = /[\p{L}\p{N}]/u;
  var LATIN = /^[a-z]+$/, CYRILLIC = /^[\u0430-\u044f]+$/;
  function normal(s) { return String(s == null ? '' : s).toLowerCase().replace(/ё/g, 'е'); }
  function stem(word) {
    if (Array.from(word).length > 40) return word;
    if (LATIN.test(word)) return snowball.english(word);
    if (CYRILLIC.test(word)) return snowball.russian(word);
    return word;
  }
  /* Runs of CJK ideographs and of other letters and digits in normalised text, with their
     offsets: [{cjk, text, from, to}]. */
  function runs(text) {
    var out = [], kind = 0, from = 0, i = 0;
    function close(to) { if (kind) out.push({ cjk: kind === 2, text: text.slice(from, to), from: from, to: to }); kind = 0; }
    while (i < text.length) {
      var c = String.fromCodePoint(text.codePointAt(i)), next = i + c.length;
      var k = CJK.test(c) ? 2 : WORD.test(c) ? 1 : 0;
      if (k !== kind) { close(i); if (k) { kind = k; from = i; } }
      i = next;
    }
    close(i);
    return out;
  }
  function idTerms(text, spaced) {
    var out = [];
    var re = spaced ? /(^|[^a-z0-9])([a-z]{1,12})[-_ ]?0*(\d{1,9})(?![a-z0-9])/g : /(^|[^a-z0-9])([a-z]{1,12})[-_]?0*(\d{1,9})(?![a-z0-9])/g;
    var m;
    while ((m = re.exec(text))) { out.push(m[2] + String(+m[3] || 0)); re.lastIndex = m.index + m[0].length; }
    return out;
  }

  /* Words that ask rather than say: a question's "how", "怎么办", "почему" count for a
     tenth of a word and are not marked, unless the query has nothing else. English and
     Russian from Snowball's stop word lists (snowballstem.org, the common part); Chinese
     as the pairs of question words and particles. */
  var STOP = 0.1;
  var STOPWORDS = {};
  ('a an the is are was were be been am do does did i my me we our you your it its to of in on at for with by from and or ' +
   'not no what which who how why when where can could should would will this that these those there as if so than then ' +
   'about into after before any some get ' +
   '\u0438 \u0432 \u0432\u043e \u043d\u0435 \u0447\u0442\u043e \u043d\u0430 \u044f \u0441 \u0441\u043e \u043a\u0430\u043a \u0430 \u0442\u043e \u043d\u043e \u0434\u0430 \u043a \u0443 \u0436\u0435 \u0437\u0430 \u0431\u044b \u043f\u043e \u043e\u0442 \u043e \u043e\u0431 \u0438\u0437 \u0434\u043e \u0434\u043b\u044f \u043b\u0438 \u0438\u043b\u0438 \u0435\u0441\u043b\u0438 \u0433\u0434\u0435 \u043a\u043e\u0433\u0434\u0430 \u043f\u043e\u0447\u0435\u043c\u0443 \u0437\u0430\u0447\u0435\u043c \u0447\u0435\u043c \u043a\u0442\u043e \u043c\u043e\u0436\u043d\u043e \u043d\u0443\u0436\u043d\u043e \u043d\u0430\u0434\u043e \u0435\u0441\u0442\u044c \u043f\u0440\u0438 \u043f\u0440\u043e \u0447\u0435\u0440\u0435\u0437 \u043f\u043e\u0441\u043b\u0435 \u0431\u0435\u0437 \u043c\u044b \u0432\u044b \u043e\u043d \u043e\u043d\u0430 \u043e\u043d\u0438 ' +
   '\u600e\u4e48 \u4e48\u529e \u5982\u4f55 \u4ec0\u4e48 \u4e3a\u4ec0 \u662f\u5426 \u600e\u6837 \u4e48\u6837 \u80fd\u5426 \u54ea\u91cc \u4e3a\u4f55'
  ).split(' ').forEach(function (w) { STOPWORDS[w] = true; });
  /* A pair holding a particle (了 吗 呢 吧 的) or half a question word (怎 么) asks too. */
  var PARTICLE = /[\u4e86\u5417\u5462\u5427\u7684\u600e\u4e48]/;

  /* The query's units: each a term that counts once, with how it may match. */
  function analyse(q) {
    var text = normal(q), units = [], seen = {};
    function unit(u) { if (!seen[u.term]) { seen[u.term] = true; units.push(u); } }
    var parts = runs(text), last = parts.length - 1;
    parts.forEach(function (r, index) {
      if (r.cjk) {
        var chars = Array.from(r.text);
        if (chars.length === 1) unit({ term: chars[0], prefix: true, cjk: true });
        for (var i = 0; i + 1 < chars.length; i++) {
          var pair = chars[i] + chars[i + 1];
          unit({ term: pair, cjk: true, stop: STOPWORDS[pair] || PARTICLE.test(pair) });
        }
      } else {
        var s = stem(r.text), n = Array.from(s).length;
        var typing = index === last && /[\p{L}\p{N}]$/u.test(text);
        var stop = STOPWORDS[r.text] || false;
        unit({ term: s, raw: r.text, prefix: (n >= 3 && !stop) || typing, typo: !stop && n >= 5 && Array.from(r.text).length >= 6,
          stop: stop, asWord: n >= 3 || typing });
      }
    });
    /* A query of nothing but question words is taken at its word. */
    if (units.every(function (u) { return u.stop; })) units.forEach(function (u) { u.stop = false; u.prefix = u.prefix || u.asWord || false; });
    idTerms(text, true).forEach(function (id) { unit({ term: '#' + id }); });
    var title = parts.map(function (r) { return r.text; }).join('');
    return {
      units: units,
      own: idTerms(text, true).map(function (id) { return '##' + id; }),
      title: title ? '=' + title : ''
    };
  }

  function chunkRange(from, to) {
    var out = [];
    for (var i = chunkOf(from); i <= chunkOf(to); i++) out.push(i);
    return out;
  }
  /* The chunks a unit needs first: its term's and its prefix range. */
  function chunksFor(u) {
    var ids = [chunkOf(u.term)];
    if (u.prefix) ids = ids.concat(chunkRange(u.term, u.term + '\uffff'));
    if (u.raw && u.raw !== u.term && u.prefix) ids = ids.concat(chunkRange(u.raw, u.raw + '\uffff'));
    return ids;
  }
  /* The stems of the words one edit (Damerau: a letter deleted, swapped with the next,
     replaced or inserted) from the typed word, keeping its first two letters: a typo in an
     ending the stemmer removes ("себестоимсть") still meets the stem of the right word. */
  var LETTERS = { latin: 'abcdefghijklmnopqrstuvwxyz', cyrillic: '\u0430\u0431\u0432\u0433\u0434\u0435\u0436\u0437\u0438\u0439\u043a\u043b\u043c\u043d\u043e\u043f\u0440\u0441\u0442\u0443\u0444\u0445\u0446\u0447\u0448\u0449\u044a\u044b\u044c\u044d\u044e\u044f' };
  function typoStems(u) {
    var raw = u.raw || u.term, out = {};
    var letters = LATIN.test(raw) ? LETTERS.latin : CYRILLIC.test(raw) ? LETTERS.cyrillic : '';
    function add(w) { var s = stem(w); if (s !== u.term && s.length >= 4) out[s] = true; }
    for (var i = 2; i <= raw.length; i++) {
      var head = raw.slice(0, i), rest = raw.slice(i);
      if (rest) add(head + rest.slice(1));
      if (rest.length > 1) add(head + rest.charAt(1) + rest.charAt(0) + rest.slice(2));
      for (var j = 0; j < letters.length; j++) {
        var c = letters.charAt(j);
        if (rest && c !== rest.charAt(0)) add(head + c + rest.slice(1));
        add(head + c + rest);
      }
    }
    return Object.keys(out);
  }
  /* The chunks of a unit's typo stems, the nearest four to its own. */
  function typoChunks(u) {
    var own = chunkOf(u.term), seen = {}, ids = [];
    u.variants.forEach(function (s) { var i = chunkOf(s); if (!seen[i]) { seen[i] = true; ids.push(i); } });
    ids.sort(function (a, b) { return Math.abs(a - own) - Math.abs(b - own); });
    return ids.slice(0, 4);
  }
  function get(term) { var c = termChunks[chunkOf(term)]; return c && c.hasOwnProperty(term) ? c[term] : null; }
  function idf(df) { return Math.log(1 + (meta.documents - df + 0.5) / (df + 0.5)); }

  /* The terms of the index that a unit matches, each with its weight. */
  function matches(u) {
    var out = [], found = {};
    if (get(u.term) != null) { out.push({ term: u.term, weight: 1 }); found[u.term] = true; }
    var keys = [];
    function collect(prefix) {
      chunkRange(prefix, prefix + '\uffff').forEach(function (i) {
        var c = termChunks[i] || {};
        for (var k in c) if (c.hasOwnProperty(k) && !found[k] && k.lastIndexOf(prefix, 0) === 0) { found[k] = true; keys.push(k); }
      });
    }
    if (u.prefix) { collect(u.term); if (u.raw && u.raw !== u.term) collect(u.raw); }
    keys.sort(function (a, b) { return a.length - b.length; });
    keys.slice(0, EXPANSIONS).forEach(function (k) {
      out.push({ term: k, weight: PREFIX + (1 - PREFIX) * 0.5 * Math.min(1, u.term.length / k.length) });
    });
    (u.variants || []).forEach(function (k) {
      if (!found[k] && get(k) != null) { found[k] = true; out.push({ term: k, weight: TYPO }); }
    });
    return out;
  }

  /* Scores every page the query touches. Calls back with the ranked [{id, score}] and
     the terms each unit matched (for highlighting). */
  function find(q, filters, done) {
    var query = analyse(q);
    if (!query.units.length) { done(query, [], []); return; }
    var need = {};
    query.units.forEach(function (u) { chunksFor(u).forEach(function (i) { need[i] = true; }); });
    query.own.forEach(function (t) { need[chunkOf(t)] = true; });
    if (query.title) need[chunkOf(query.title)] = true;
    if (filters.status) need[chunkOf('~' + filters.status)] = true;
    /* A typo is looked for only where a long word met nothing exact or as a prefix. */
    function typos(next) {
      var more = {};
      query.units.forEach(function (u) {
        if (!u.typo || matches(u).length) return;
        u.variants = typoStems(u);
        typoChunks(u).forEach(function (i) { more[i] = true; });
      });
      loadChunks(Object.keys(more).map(Number), next);
    }
    loadChunks(Object.keys(need).map(Number), function () { typos(scoreAll); });
    function scoreAll() {
      var score = {}, cover = {}, total = 0, matched = [];
      query.units.forEach(function (u) {
        var best = {}, bestCover = {}, unitMax = 0;
        matches(u).forEach(function (m) {
          var list = numbers(get(m.term)), weight = m.weight * (u.stop ? STOP : 1), share = weight * idf(list.length / 2);
          unitMax = Math.max(unitMax, share);
          if (!u.stop) matched.push(m.term);
          for (var i = 0, id = 0; i < list.length; i += 2) {
            id += list[i];
            var s = list[i + 1] * weight;
            if (!(best[id] >= s)) best[id] = s;
            if (!(bestCover[id] >= share)) bestCover[id] = share;
          }
        });
        total += unitMax;
        for (var id in best) {
          score[id] = (score[id] || 0) + best[id];
          cover[id] = (cover[id] || 0) + bestCover[id];
        }
      });
      var first = {};
      function tier(term, rank) {
        var list = get(term);
        if (list == null) return;
        list = numbers(list);
        for (var i = 0, id = 0; i < list.length; i += 2) { id += list[i]; first[id] = Math.max(first[id] || 0, rank); }
      }
      if (query.title) tier(query.title, 1);
      query.own.forEach(function (t) { tier(t, 2); });
      var allowed = null;
      /* A status is an issue's: with another kind chosen it filters nothing. */
      if (filters.status && (!filters.kind || filters.kind === 'issue')) {
        allowed = {};
        var sl = numbers(get('~' + filters.status) || '');
        for (var i = 0, id = 0; i < sl.length; i += 2) { id += sl[i]; allowed[id] = true; }
      }
      var hits = [], bestCover = 0;
      Object.keys(score).forEach(function (key) {
        var id = +key;
        if (filters.kind && kindOf(id) !== filters.kind) return;
        if (allowed && !allowed[id]) return;
        var c = total > 0 ? cover[id] / total : 0;
        bestCover = Math.max(bestCover, c);
        hits.push({ id: id, cover: c, score: score[id] * c * c + (first[id] || 0) * 1e9 });
      });
      hits = hits.filter(function (h) { return h.cover >= bestCover * FLOOR || first[h.id]; });
      hits.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
      done(query, hits, matched);
    }
  }

  /* ---- Showing results ---- */
  /* Offsets in `text` to mark: whole words whose term was matched, and the matched CJK
     pairs (and a lone character) wherever they occur. */
  function marksIn(text, terms) {
    var low = normal(text), marks = [];
    if (low.length !== text.length) return [];
    runs(low).forEach(function (r) {
      if (r.cjk) {
        terms.cjk.forEach(function (t) {
          for (var p = r.text.indexOf(t); p >= 0; p = r.text.indexOf(t, p + 1)) marks.push([r.from + p, r.from + p + t.length]);
        });
      } else if (terms.words[stem(r.text)] || terms.words[r.text]) {
        marks.push([r.from, r.to]);
      }
    });
    if (terms.ids.length) {
      var re = /(^|[^a-z0-9])([a-z]{1,12})[-_]?0*(\d{1,9})(?![a-z0-9])/g, m;
      while ((m = re.exec(low))) {
        if (terms.ids.indexOf('#' + m[2] + String(+m[3] || 0)) >= 0) marks.push([m.index + m[1].length, m.index + m[0].length]);
        re.lastIndex = m.index + m[0].length;
      }
    }
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    /* Overlapping and touching marks (the pairs of a Chinese phrase) become one. */
    var merged = [];
    marks.forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]);
      else merged.push([m[0], m[1]]);
    });
    return merged;
  }
  /* Appends `text` to `parent`, each mark in <mark>. */
  function highlight(parent, text, terms) {
    var at = 0;
    marksIn(text, terms).forEach(function (m) {
      if (m[1] <= at) return;
      var from = Math.max(m[0], at);
      if (from > at) parent.appendChild(doc.createTextNode(text.slice(at, from)));
      var mark = doc.createElement('mark');
      mark.textContent = text.slice(from, m[1]);
      parent.appendChild(mark);
      at = m[1];
    });
    if (at < text.length) parent.appendChild(doc.createTextNode(text.slice(at)));
  }
  /* The number of the query's terms that occur in `text`: CJK pairs anywhere, words
     whole (by stem). */
  function termsIn(text, terms) {
    var low = normal(text), n = 0, seen = {};
    terms.cjk.forEach(function (t) { if (low.indexOf(t) >= 0) n++; });
    runs(low).forEach(function (r) {
      if (r.cjk) return;
      var k = stem(r.text);
      if (!seen[k] && (terms.words[k] || terms.words[r.text])) { seen[k] = true; n++; }
    });
    return n;
  }
  /* The section that matches best (the whole query, else the most of its terms with a
     heading's counting twice, else the first): its heading and a snippet around the
     first match. */
  function snippet(d, terms, q) {
    var sections = d[4] || [], whole = normal(q).trim(), best = null, bestScore = -1;
    sections.forEach(function (s) {
      var text = s[2];
      /* A section's text opens with its own heading, which the snippet shows apart. */
      if (s[1] && text.indexOf(s[1]) === 0) text = text.slice(s[1].length).replace(/^\s+/, '');
      var marks = marksIn(text, terms);
      /* How many of the query's terms the section holds; a heading names what the section
         is about, so its terms count twice ("手机收不到验证码" for 收不到验证码怎么办). */
      var score = termsIn(text, terms) + 2 * termsIn(s[1] || '', terms);
      var at = marks.length ? marks[0][0] : 0, p = whole ? normal(text).indexOf(whole) : -1;
      if (p >= 0) { score += 100; at = p; }
      if (score > bestScore) { bestScore = score; best = { anchor: s[0], heading: s[1], text: text, at: at }; }
    });
    if (!best) return null;
    var start = best.at > LEAD ? best.at - LEAD : 0;
    var end = Math.min(best.text.length, start + SPAN);
    if (end - start < SPAN) start = Math.max(0, end - SPAN);
    /* Never cut a word: widen to its edges. */
    while (start > 0 && WORD.test(best.text.charAt(start - 1)) && !CJK.test(best.text.charAt(start - 1)) && best.at - start < LEAD + 20) start--;
    while (end < best.text.length && WORD.test(best.text.charAt(end)) && !CJK.test(best.text.charAt(end)) && end - start < SPAN + 20) end++;
    var p = doc.createElement('p');
    p.className = 'result-snippet';
    if (best.heading) {
      var section = doc.createElement('span');
      section.className = 'result-section';
      section.textContent = best.heading + ' · ';
      p.appendChild(section);
    }
    highlight(p, (start > 0 ? '…' : '') + best.text.slice(start, end).replace(/\s+/g, ' ') + (end < best.text.length ? '…' : ''), terms);
    return { p: p, anchor: best.anchor };
  }

  function statusLabel(value) {
    if (!statusFilter) return value;
    for (var i = 0; i < statusFilter.options.length; i++) if (statusFilter.options[i].value === value) return statusFilter.options[i].text;
    return value;
  }
  function item(d, terms, q) {
    var li = doc.createElement('li');
    var a = doc.createElement('a');
    var kind = doc.createElement('span');
    var snip = snippet(d, terms, q);
    a.href = root + d[0] + (snip && snip.anchor ? '#' + snip.anchor : '');
    highlight(a, d[1] || d[0], terms);
    kind.className = 'badge result-kind kind-' + d[2];
    kind.textContent = data['kind' + d[2].charAt(0).toUpperCase() + d[2].slice(1)] || d[2];
    li.appendChild(a);
    li.appendChild(doc.createTextNode(' '));
    li.appendChild(kind);
    if (d[3]) {
      var badge = doc.createElement('span');
      badge.className = 'badge status-' + d[3];
      badge.textContent = statusLabel(d[3]);
      li.appendChild(doc.createTextNode(' '));
      li.appendChild(badge);
    }
    if (snip) li.appendChild(snip.p);
    return li;
  }

  var generation = 0, current = null;
  function filters() {
    return { kind: kindFilter ? kindFilter.value : '', status: statusFilter ? statusFilter.value : '' };
  }
  /* Shows the next PAGE results of the current search, each as soon as the documents
     before it and its own have arrived. */
  function showMore(mine) {
    var c = current, from = c.shown, slice = c.hits.slice(from, from + PAGE), next = 0, ready = {};
    if (c.busy) return;
    c.busy = true;
    if (moreButton) moreButton.hidden = true;
    function flush() {
      if (mine !== generation) return;
      var frag = doc.createDocumentFragment();
      for (; next < slice.length; next++) {
        var g = groupOf(slice[next].id);
        if (!ready[g]) break;
        var d = (groups[g] || [])[slice[next].id - starts[g]];
        if (d) frag.appendChild(item(d, c.terms, c.q));
      }
      list.appendChild(frag);
      if (next < slice.length) return;
      c.shown = from + slice.length;
      c.busy = false;
      var n = c.hits.length;
      /* every {n} and {shown}: a site's word may say the number twice */
      status.textContent = (n > c.shown ? data.more || '' : data.count || '').split('{n}').join(n).split('{shown}').join(c.shown);
      if (moreButton) moreButton.hidden = n <= c.shown;
    }
    slice.map(function (h) { return groupOf(h.id); }).forEach(function (g) {
      load('docs-' + g, groups[g] != null, function () { ready[g] = true; flush(); });
    });
    if (!slice.length) flush();
  }
  function render(q) {
    var mine = ++generation;
    find(q, filters(), function (query, hits, matched) {
      if (mine !== generation) return; /* a newer query is on its way */
      list.textContent = '';
      if (moreButton) moreButton.hidden = true;
      if (!query.units.length) { status.textContent = data.prompt || ''; return; }
      if (!hits.length) { status.textContent = data.noResults || ''; return; }
      var terms = { words: {}, cjk: [], ids: [] };
      matched.forEach(function (t) {
        if (CJK.test(t.charAt(0))) { if (terms.cjk.indexOf(t) < 0) terms.cjk.push(t); }
        else if (/^#[a-z]/.test(t)) terms.ids.push(t);
        else if (/^[^#=~]/.test(t)) terms.words[t] = true;
      });
      query.units.forEach(function (u) { if (u.cjk && terms.cjk.indexOf(u.term) < 0 && u.term.length === 1) terms.cjk.push(u.term); });
      current = { q: q, hits: hits, terms: terms, shown: 0 };
      showMore(mine);
    });
  }

  function syncURL() {
    try {
      var f = filters(), params = [];
      if (input.value) params.push('q=' + encodeURIComponent(input.value));
      if (f.kind) params.push('kind=' + encodeURIComponent(f.kind));
      if (f.status) params.push('status=' + encodeURIComponent(f.status));
      window.history.replaceState(null, '', params.length ? '?' + params.join('&') : window.location.pathname);
    } catch (e) { /* file:// in some browsers */ }
  }
  var timer = 0;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () { render(input.value); syncURL(); }, 80);
  }

  input.addEventListener('input', update);
  [kindFilter, statusFilter].forEach(function (f) { if (f) f.addEventListener('change', update); });
  if (moreButton) moreButton.addEventListener('click', function () { if (current) showMore(generation); });
  var form = input.form;
  if (form) form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); render(input.value); syncURL(); });

  /* Arrow keys: from the box into the results and between them. */
  function links() { return Array.prototype.slice.call(list.querySelectorAll('a')); }
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown') {
      var l = links();
      if (l.length) { e.preventDefault(); l[0].focus(); }
    }
  });
  list.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    var l = links(), i = l.indexOf(doc.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === 'ArrowDown') l[Math.min(i + 1, l.length - 1)].focus();
    else if (i === 0) input.focus();
    else l[i - 1].focus();
  });

  var q = '';
  try {
    var params = new URLSearchParams(window.location.search);
    q = params.get('q') || '';
    if (kindFilter && params.get('kind')) kindFilter.value = params.get('kind');
    if (statusFilter && params.get('status')) statusFilter.value = params.get('status');
  } catch (e) { /* ignore */ }
  input.value = q;
  render(q);
  if (!q) input.focus();
}());
