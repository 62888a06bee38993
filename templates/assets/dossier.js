/* Dossier theme: table sorting and filtering, "/" to search, heading anchors. Optional.
   A table paged over several files gets its cross-page list from pages.js (table.dossierPaged). */
(function () {
  'use strict';
  var doc = document;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var some = function (list, fn) { return Array.prototype.some.call(list, fn); };
  var collator = window.Intl ? new Intl.Collator(doc.documentElement.lang || undefined, { numeric: true, sensitivity: 'base' }) : null;
  var compare = function (a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  };

  /* table.sortable: each head cell (not data-nosort) gets a sort button. A cell's data-sort
     replaces its text as key; a head cell's data-sort-order="a b c" ranks keys in that order. */
  function sortKey(row, col, order) {
    var cell = row.cells[col] || row;
    var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    var i = order && key !== '' ? order.indexOf(key) : -2;
    return i === -2 ? key : i < 0 ? order.length : i;
  }

  function initSort(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body || !head.rows.length) return;
    var ths = head.rows[0].cells;
    each(ths, function (th, col) {
      if (th.hasAttribute('data-nosort') || th.colSpan > 1) return;
      var order = th.hasAttribute('data-sort-order') ? th.getAttribute('data-sort-order').split(/\s+/) : null;
      var button = doc.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) button.appendChild(th.firstChild);
      button.insertAdjacentHTML('beforeend', '<span class="sort-icon" aria-hidden="true"></span>');
      th.appendChild(button);
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        each(ths, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        var paged = table.dossierPaged;
        if (paged) return paged.sort({ col: col, order: order, dir: dir });
        var rows = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, key: sortKey(row, col, order), i: i };
        });
        sortRows(rows, dir).forEach(function (r) { body.appendChild(r.row); });
      });
    });
  }

  /* {key, i} items by key, dir 1 or -1, empty keys last, ties kept in order. */
  function sortRows(rows, dir) {
    return rows.sort(function (a, b) {
      var ea = a.key === '', eb = b.key === '';
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1;
      return dir * compare(a.key, b.key) || a.i - b.i;
    });
  }

  /* [data-filter-for=ID]: a control with data-filter=NAME keeps the rows (of a table, or the
     [data-filter-row] items of any other element) whose space-separated data-NAME holds its
     value (empty: all; checkbox: only when checked); NAME "text" keeps rows holding every
     typed word. A [data-filter-group] inside it hides when none of its rows is shown.
     Starting values come from the URL: ?status=open&open=true&text=sso */
  function initFilter(box) {
    var id = box.getAttribute('data-filter-for');
    var target = doc.getElementById(id);
    if (!target) return;
    var rows = Array.prototype.slice.call(
      target.tBodies && target.tBodies[0] ? target.tBodies[0].rows : target.querySelectorAll('[data-filter-row]'));
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var controls = box.querySelectorAll('[data-filter]');
    var counter = box.querySelector('[data-filter-count]');
    var empty = doc.querySelector('[data-filter-empty="' + id + '"]');
    var params = window.URLSearchParams ? new URLSearchParams(window.location.search) : null;

    function passes(row, c, text) {
      var name = c.getAttribute('data-filter'), v = c.value;
      if (name === 'text') return v.toLowerCase().split(/\s+/).every(function (w) { return text.indexOf(w) >= 0; });
      if (c.type === 'checkbox' ? !c.checked : v === '') return true;
      return (' ' + (row.getAttribute('data-' + name) || '') + ' ').indexOf(' ' + v + ' ') >= 0;
    }

    /* A paged table (pages.js) filters every page's rows once a control is set. */
    var paged = target.dossierPaged;
    function apply() {
      if (!paged) return filterHere();
      paged.filter(function (row, text) { return !some(controls, function (c) { return !passes(row, c, text); }); },
        some(controls, function (c) { return c.type === 'checkbox' ? c.checked : c.value !== ''; }), counter, empty, filterHere);
    }

    function filterHere() {
      var shown = 0;
      rows.forEach(function (row, i) {
        row.hidden = some(controls, function (c) { return !passes(row, c, texts[i]); });
        if (!row.hidden) shown++;
      });
      each(target.querySelectorAll('[data-filter-group]'), function (group) {
        group.hidden = !some(group.querySelectorAll('[data-filter-row]'), function (r) { return !r.hidden; });
      });
      if (counter) counter.textContent = shown + ' / ' + rows.length;
      if (empty) empty.hidden = shown > 0 || rows.length === 0;
    }

    each(controls, function (c) {
      var name = c.getAttribute('data-filter');
      var wanted = params && params.get(name);
      if (wanted != null) {
        if (c.type === 'checkbox') c.checked = wanted === c.value;
        else if (!c.options || some(c.options, function (o) { return o.value === wanted; })) c.value = wanted;
      }
      c.addEventListener(c.tagName === 'SELECT' || c.type === 'checkbox' ? 'change' : 'input', apply);
    });
    each(box.querySelectorAll('[data-filter-reset]'), function (b) {
      b.addEventListener('click', function () {
        each(controls, function (c) { if (c.type === 'checkbox') c.checked = false; else c.value = ''; });
        apply();
      });
    });
    box.hidden = false;
    apply();
  }

  /* "/" outside a text field focuses the search box. */
  doc.addEventListener('keydown', function (e) {
    var t = e.target || {}, box = doc.getElementById('search-input') || doc.getElementById('page:site-search-q');
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || !box ||
        t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)) return;
    e.preventDefault();
    box.focus();
    if (box.select) box.select();
  });

  /* A "#" link after each heading with an id inside .prose[data-anchor-label]. */
  function initAnchors(prose) {
    var label = prose.getAttribute('data-anchor-label') || '#';
    each(prose.querySelectorAll('h2[id], h3[id], h4[id]'), function (h) {
      if (some(h.querySelectorAll('a'), function (a) { return a.getAttribute('href') === '#' + h.id; })) return;
      var a = doc.createElement('a');
      a.className = 'heading-anchor';
      a.href = '#' + h.id;
      a.textContent = '#';
      a.setAttribute('aria-label', label + ': ' + h.textContent.trim());
      h.appendChild(a);
    });
  }

  window.dossierTable = { sortKey: sortKey, sortRows: sortRows }; /* for pages.js, run before init */

  function init() {
    each(doc.querySelectorAll('table.sortable'), initSort);
    each(doc.querySelectorAll('[data-filter-for]'), initFilter);
    each(doc.querySelectorAll('.prose[data-anchor-label]'), initAnchors);
  }
  if (doc.readyState === 'complete') init(); else doc.addEventListener('DOMContentLoaded', init);
}());
