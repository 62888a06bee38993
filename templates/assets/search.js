/* Dossier search: offline full-text search over window.dossierSearchIndex
   ([{u: url from the site root, t: title, k: "article"|"issue"|"weekly", x: text}]).
   Every word of the query must occur (case-insensitive substring), so Chinese,
   Russian and English all match; title matches rank first. */
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
  var raw = window.dossierSearchIndex;
  if (!Array.isArray(raw)) { status.textContent = data.noIndex || ''; return; }
  var lower = function (s) { return String(s == null ? '' : s).toLowerCase(); };
  var docs = raw.map(function (e) {
    var t = String(e.t || ''), x = String(e.x || '');
    return { u: String(e.u || ''), t: t, k: String(e.k || ''), x: x, tl: lower(t), xl: lower(x) };
  });

  function words(q) {
    var seen = {};
    return lower(q).split(/\s+/).filter(function (w) { return w && !seen[w] && (seen[w] = true); });
  }

  function find(terms) {
    var hits = [];
    docs.forEach(function (d, i) {
      var inTitle = 0;
      for (var j = 0; j < terms.length; j++) {
        if (d.tl.indexOf(terms[j]) >= 0) inTitle++;
        else if (d.xl.indexOf(terms[j]) < 0) return;
      }
      hits.push({ d: d, score: inTitle === terms.length ? terms.length + 1 : inTitle, i: i });
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
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

  function snippet(d, terms) {
    var first = -1;
    terms.forEach(function (w) {
      var p = d.xl.indexOf(w);
      if (p >= 0 && (first < 0 || p < first)) first = p;
    });
    var start = first > LEAD ? first - LEAD : 0;
    var end = Math.min(d.x.length, start + SPAN);
    if (end - start < SPAN) start = Math.max(0, end - SPAN);
    var p = doc.createElement('p');
    p.className = 'result-snippet';
    highlight(p, (start > 0 ? '…' : '') + d.x.slice(start, end).replace(/\s+/g, ' ') + (end < d.x.length ? '…' : ''), terms);
    return p;
  }

  function render(q) {
    var terms = words(q);
    list.textContent = '';
    if (!terms.length) { status.textContent = data.prompt || ''; return; }
    var hits = find(terms);
    if (!hits.length) { status.textContent = data.noResults || ''; return; }
    var shown = hits.slice(0, MAX);
    status.textContent = (hits.length > MAX ? data.more || '' : data.count || '')
      .replace('{n}', hits.length).replace('{shown}', shown.length);
    var frag = doc.createDocumentFragment();
    shown.forEach(function (h) {
      var li = doc.createElement('li');
      var a = doc.createElement('a');
      var kind = doc.createElement('span');
      a.href = root + h.d.u;
      highlight(a, h.d.t || h.d.u, terms);
      kind.className = 'badge result-kind kind-' + h.d.k;
      kind.textContent = data['kind' + h.d.k.charAt(0).toUpperCase() + h.d.k.slice(1)] || h.d.k;
      li.appendChild(a);
      li.appendChild(doc.createTextNode(' '));
      li.appendChild(kind);
      if (h.d.x) li.appendChild(snippet(h.d, terms));
      frag.appendChild(li);
    });
    list.appendChild(frag);
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
