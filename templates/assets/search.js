/* Dossier search: offline full-text search over the chunked index in search/ (see
   Sources/DossierSearch/SearchIndex.swift). The index files are scripts that call
   window.dossierSearch, since browsers refuse fetch() from file://; a query loads only the
   term chunks of its terms, and the text of the results it shows. Terms are made exactly
   as the index makes them: CJK ideographs in pairs, other words whole, lower-cased, ё as
   е, Russian endings (the index's list, in search/meta.js) removed; the last word of a
   query also matches as a prefix. Every term must occur; title matches rank first. */
(function () {
  'use strict';
  var doc = document;
  var box = doc.getElementById('search');
  var input = doc.getElementById('search-input');
  var list = doc.getElementById('search-results');
  var status = doc.getElementById('search-status');
  if (!box || !input || !list || !status) return;
  var MAX = 50, SPAN = 120, LEAD = 40;
  var data = box.dataset;
  var root = data.root || '';
  var api = window.dossierSearch = window.dossierSearch || {};
  var meta = api.loadedMeta || null, termChunks = {}, textChunks = {}, waiting = {};
  api.meta = function (m) { meta = m; };
  api.terms = function (i, t) { termChunks[i] = t; arrived('terms-' + i); };
  api.text = function (i, t) { textChunks[i] = t; arrived('text-' + i); };
  if (!meta) { status.textContent = data.noIndex || ''; return; }

  function arrived(name) {
    var callbacks = waiting[name] || [];
    waiting[name] = null;
    callbacks.forEach(function (cb) { cb(); });
  }
  /* Loads search/NAME.js once; calls back when it has run. */
  function load(name, loaded, cb) {
    if (loaded) { cb(); return; }
    if (waiting[name]) { waiting[name].push(cb); return; }
    waiting[name] = [cb];
    var script = doc.createElement('script');
    script.src = root + 'search/' + name + '.js';
    script.onerror = function () { arrived(name); };
    doc.head.appendChild(script);
  }
  function loadAll(names, isLoaded, done) {
    var left = names.length;
    if (!left) { done(); return; }
    names.forEach(function (n) { load(n, isLoaded(n), function () { if (--left === 0) done(); }); });
  }

  var lower = function (s) { return String(s == null ? '' : s).toLowerCase(); };
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/, WORD = /[\p{L}\p{N}]/u, CYRILLIC = /[\u0400-\u04ff]/;
  /* The Russian endings, longest first, come with the index (SearchIndex.cyrillicEndings). */
  function stem(w) {
    if (!CYRILLIC.test(w)) return w;
    var endings = meta.endings || [];
    for (var i = 0; i < endings.length; i++) {
      var e = endings[i];
      if (w.length - e.length >= 3 && w.slice(-e.length) === e) return w.slice(0, -e.length);
    }
    return w;
  }
  /* The terms of a query, as the index makes them; each with the text to highlight. */
  function terms(q) {
    var out = [], cjk = '', word = '';
    function flushCjk() {
      if (cjk.length === 1) out.push(cjk);
      for (var i = 0; i + 1 < cjk.length; i++) out.push(cjk.slice(i, i + 2));
      cjk = '';
    }
    function flushWord() { if (word) out.push(stem(word)); word = ''; }
    Array.from(lower(q).replace(/ё/g, 'е')).forEach(function (c) {
      if (CJK.test(c)) { flushWord(); cjk += c; }
      else if (WORD.test(c)) { flushCjk(); word += c; }
      else { flushCjk(); flushWord(); }
    });
    flushCjk();
    flushWord();
    var seen = {};
    return out.filter(function (t) { return !seen[t] && (seen[t] = true); });
  }
  function chunkOf(term) { return term.codePointAt(0) % meta.termChunks; }

  /* Documents holding every term; the last also as a prefix. Calls back with [{id, inTitle}]. */
  function find(q, done) {
    var ts = terms(q);
    if (!ts.length) { done(ts, []); return; }
    var names = ts.map(function (t) { return 'terms-' + chunkOf(t); })
      .filter(function (n, i, a) { return a.indexOf(n) === i; });
    loadAll(names, function (n) { return termChunks[+n.slice(6)] != null; }, function () {
      var sets = ts.map(function (t, i) {
        var chunk = termChunks[chunkOf(t)] || {}, ids = {};
        (chunk[t] || []).forEach(function (id) { ids[id] = true; });
        if (i === ts.length - 1) {
          Object.keys(chunk).forEach(function (k) {
            if (k.length > t.length && k.indexOf(t) === 0) chunk[k].forEach(function (id) { ids[id] = true; });
          });
        }
        return ids;
      });
      var hits = Object.keys(sets[0]).map(Number).filter(function (id) {
        return sets.every(function (s) { return s[id]; });
      }).map(function (id) {
        var title = lower(meta.docs[id][1]);
        return { id: id, inTitle: ts.filter(function (t) { return title.indexOf(t) >= 0; }).length };
      });
      hits.sort(function (a, b) { return b.inTitle - a.inTitle || a.id - b.id; });
      done(ts, hits);
    });
  }

  /* Appends `text` to `parent`, wrapping every occurrence of a term in <mark>. */
  function highlight(parent, text, terms) {
    var low = lower(text);
    if (low.length !== text.length) text = low; /* keep offsets aligned */
    var marks = [];
    terms.forEach(function (w) {
      for (var p = low.indexOf(w); p >= 0; p = low.indexOf(w, p + w.length)) marks.push([p, p + w.length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var at = 0;
    marks.forEach(function (m) {
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

  /* The section that matches best (the whole query, else the most terms, else the
     first): its heading and a snippet around the match. */
  function snippet(id, ts, q) {
    var chunk = textChunks[Math.floor(id / meta.textChunkSize)] || {};
    var sections = chunk[id] || [];
    var whole = lower(q).replace(/ё/g, 'е').trim(), best = null, bestScore = 0;
    sections.forEach(function (s) {
      var low = lower(s[1] + ' ' + s[2]).replace(/ё/g, 'е'), at = -1, score = 0;
      ts.forEach(function (t) {
        var p = low.indexOf(t);
        if (p >= 0) { score++; if (at < 0 || p < at) at = p; }
      });
      if (whole && low.indexOf(whole) >= 0) { score += 100; at = low.indexOf(whole); }
      at -= s[1].length + 1; /* offsets in the text, not the heading */
      if (score > bestScore) { bestScore = score; best = { anchor: s[0], heading: s[1], text: s[2], at: Math.max(0, at) }; }
    });
    if (!best && sections.length) best = { anchor: sections[0][0], heading: sections[0][1], text: sections[0][2], at: 0 };
    if (!best) return null;
    /* A section's text opens with its own heading, which the snippet already shows. */
    if (best.heading && best.text.indexOf(best.heading) === 0) {
      best.text = best.text.slice(best.heading.length).replace(/^\s+/, '');
      best.at = Math.max(0, best.at - best.heading.length - 1);
    }
    var start = best.at > LEAD ? best.at - LEAD : 0;
    var end = Math.min(best.text.length, start + SPAN);
    if (end - start < SPAN) start = Math.max(0, end - SPAN);
    var p = doc.createElement('p');
    p.className = 'result-snippet';
    if (best.heading) {
      var section = doc.createElement('span');
      section.className = 'result-section';
      section.textContent = best.heading + ' · ';
      p.appendChild(section);
    }
    highlight(p, (start > 0 ? '…' : '') + best.text.slice(start, end).replace(/\s+/g, ' ') + (end < best.text.length ? '…' : ''), ts);
    return { p: p, anchor: best.anchor };
  }

  var generation = 0;
  function render(q) {
    var mine = ++generation;
    find(q, function (ts, hits) {
      if (mine !== generation) return; /* a newer query is on its way */
      list.textContent = '';
      if (!ts.length) { status.textContent = data.prompt || ''; return; }
      if (!hits.length) { status.textContent = data.noResults || ''; return; }
      var shown = hits.slice(0, MAX);
      var names = shown.map(function (h) { return 'text-' + Math.floor(h.id / meta.textChunkSize); })
        .filter(function (n, i, a) { return a.indexOf(n) === i; });
      loadAll(names, function (n) { return textChunks[+n.slice(5)] != null; }, function () {
        if (mine !== generation) return;
        /* every {n} and {shown}: a site's word may say the number twice */
        status.textContent = (hits.length > MAX ? data.more || '' : data.count || '')
          .split('{n}').join(hits.length).split('{shown}').join(shown.length);
        var frag = doc.createDocumentFragment();
        shown.forEach(function (h) {
          var d = meta.docs[h.id];
          var li = doc.createElement('li');
          var a = doc.createElement('a');
          var kind = doc.createElement('span');
          var snip = snippet(h.id, ts, input.value);
          a.href = root + d[0] + (snip && snip.anchor ? '#' + snip.anchor : '');
          highlight(a, d[1] || d[0], ts);
          kind.className = 'badge result-kind kind-' + d[2];
          kind.textContent = data['kind' + d[2].charAt(0).toUpperCase() + d[2].slice(1)] || d[2];
          li.appendChild(a);
          li.appendChild(doc.createTextNode(' '));
          li.appendChild(kind);
          if (snip) li.appendChild(snip.p);
          frag.appendChild(li);
        });
        list.appendChild(frag);
      });
    });
  }

  var timer = 0;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      render(input.value);
      try {
        var url = input.value ? '?q=' + encodeURIComponent(input.value) : window.location.pathname;
        window.history.replaceState(null, '', url);
      } catch (e) { /* file:// in some browsers */ }
    }, 80);
  }

  input.addEventListener('input', update);
  var form = input.form;
  if (form) form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); render(input.value); });

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
  try { q = new URLSearchParams(window.location.search).get('q') || ''; } catch (e) { /* ignore */ }
  input.value = q;
  render(q);
  if (!q) input.focus();
}());
