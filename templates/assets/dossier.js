/* Dossier theme: sortable and filterable tables, "/" to search, heading anchors.
   Plain JavaScript; every page stays complete without it. */
(function () {
  'use strict';
  var doc = document;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var collator = window.Intl ? new Intl.Collator(doc.documentElement.lang || undefined, { numeric: true, sensitivity: 'base' }) : null;
  var compare = function (a, b) {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
  };
  doc.documentElement.classList.add('js');

  /* table.sortable: every header cell of the first head row becomes a sort button,
     unless it has data-nosort. A cell's data-sort overrides its text as the key;
     a header's data-sort-order="a b c" ranks keys in that order. */
  function sortKey(row, col, order) {
    var cell = row.cells[col];
    if (!cell) return '';
    var key = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim();
    if (order && key !== '') {
      var i = order.indexOf(key);
      return i < 0 ? order.length : i;
    }
    return key;
  }

  function initSort(table) {
    var head = table.tHead, body = table.tBodies[0];
    if (!head || !body || !head.rows.length) return;
    var ths = head.rows[0].cells;
    each(ths, function (th, col) {
      if (th.hasAttribute('data-nosort') || th.colSpan > 1) return;
      var order = th.hasAttribute('data-sort-order') ? th.getAttribute('data-sort-order').split(/\s+/) : null;
      var button = doc.createElement('button');
      var icon = doc.createElement('span');
      button.type = 'button';
      button.className = 'sort-button';
      while (th.firstChild) button.appendChild(th.firstChild);
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.appendChild(icon);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        each(ths, function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
        var rows = Array.prototype.map.call(body.rows, function (row, i) {
          return { row: row, key: sortKey(row, col, order), i: i };
        });
        rows.sort(function (a, b) {
          var ea = a.key === '', eb = b.key === '';
          if (ea || eb) return ea === eb ? a.i - b.i : (ea ? 1 : -1); /* empty keys last */
          return dir * compare(a.key, b.key) || a.i - b.i;
        });
        var frag = doc.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r.row); });
        body.appendChild(frag);
      });
    });
  }

  /* [data-filter-for=TABLE-ID]: controls with data-filter=NAME keep the rows whose
     data-NAME equals the chosen value (empty value: all rows; a checkbox filters only
     when checked). data-filter="text" keeps rows containing every typed word.
     Starting values come from the page URL (?status=open&open=true&text=sso). */
  function initFilter(box) {
    var id = box.getAttribute('data-filter-for');
    var table = doc.getElementById(id);
    if (!table || !table.tBodies[0]) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var controls = box.querySelectorAll('[data-filter]');
    var counter = box.querySelector('[data-filter-count]');
    var empty = doc.querySelector('[data-filter-empty="' + id + '"]');
    var params = null;
    try { params = new URLSearchParams(window.location.search); } catch (e) { /* very old browser */ }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = true;
        each(controls, function (c) {
          if (!visible) return;
          var name = c.getAttribute('data-filter');
          if (name === 'text') {
            var text = row.textContent.toLowerCase();
            visible = c.value.toLowerCase().split(/\s+/).every(function (w) { return !w || text.indexOf(w) >= 0; });
          } else if (c.type === 'checkbox') {
            visible = !c.checked || row.getAttribute('data-' + name) === c.value;
          } else {
            visible = c.value === '' || row.getAttribute('data-' + name) === c.value;
          }
        });
        row.hidden = !visible;
        if (visible) shown++;
      });
      if (counter) counter.textContent = shown + ' / ' + rows.length;
      if (empty) empty.hidden = shown > 0 || rows.length === 0;
    }

    each(controls, function (c) {
      var name = c.getAttribute('data-filter');
      var wanted = params && params.get(name);
      if (wanted !== null && wanted !== undefined) {
        if (c.type === 'checkbox') c.checked = wanted === c.value;
        else if (!c.options || Array.prototype.some.call(c.options, function (o) { return o.value === wanted; })) c.value = wanted;
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

  /* "/" anywhere (outside a text field) focuses the search box. */
  doc.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var box = doc.getElementById('search-input') || doc.getElementById('site-search-q');
    if (!box) return;
    e.preventDefault();
    box.focus();
    if (box.select) box.select();
  });

  /* A "#" link after each heading that has an id, inside .prose[data-anchor-label]. */
  function initAnchors(prose) {
    var label = prose.getAttribute('data-anchor-label') || '#';
    each(prose.querySelectorAll('h2[id], h3[id], h4[id]'), function (h) {
      var own = Array.prototype.some.call(h.querySelectorAll('a'), function (a) { return a.getAttribute('href') === '#' + h.id; });
      if (own) return;
      var a = doc.createElement('a');
      a.className = 'heading-anchor';
      a.href = '#' + h.id;
      a.textContent = '#';
      a.setAttribute('aria-label', label + ': ' + h.textContent.trim());
      h.appendChild(a);
    });
  }

  each(doc.querySelectorAll('table.sortable'), initSort);
  each(doc.querySelectorAll('[data-filter-for]'), initFilter);
  each(doc.querySelectorAll('.prose[data-anchor-label]'), initAnchors);
}());
