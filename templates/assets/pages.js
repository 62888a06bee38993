/* Dossier theme: a table paged over several files, sorted and filtered across all of them.
   table[data-pages] is one of data-pages pages; data-rows-first is page 1's rows script and
   data-rows-pattern page N's with {n} for N (each calls window.dossierPage with its page's
   HTML); data-page is this page's number, data-page-size its rows. The first
   sort or filter loads every page, one after another, takes the rows of the table with the
   same id, makes their links absolute, and from then on shows the matching rows
   data-page-size at a time, with Previous and Next in [data-pager-for=ID]. Until then, and
   if a page cannot be loaded, the page's own rows. Once every page is in, the first h1 and
   the document's title become [data-pager-for]'s data-list-title. Needs dossier.js first. */
(function () {
  'use strict';
  var doc = document, shared = window.dossierTable;
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  if (!shared || !window.URL || !window.DOMParser) return;

  each(doc.querySelectorAll('table[data-pages]'), function (table) {
    var count = +table.getAttribute('data-pages'), scripts = [table.getAttribute('data-rows-first')];
    var pattern = table.getAttribute('data-rows-pattern') || '';
    for (var n = 2; n <= count; n++) scripts.push(pattern.split('{n}').join(n));
    var body = table.tBodies[0];
    if (count < 2 || !scripts[0] || !body) return;
    var own = +table.getAttribute('data-page') - 1;
    var size = +table.getAttribute('data-page-size') || 1000;
    var nav = doc.querySelector('[data-pager-for="' + table.id + '"]');
    var list = { rows: null, texts: null, shown: [], offset: 0, sort: null, failed: false };
    var filter = null, waiting = null;

    function say(name, values) {
      var text = (nav && nav.getAttribute('data-label-' + name)) || '';
      Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
      return text;
    }

    function status(text) {
      var line = nav && nav.querySelector('[data-pager-rows]');
      if (line) line.textContent = text;
    }

    function load(done) {
      if (waiting) return waiting.push(done);
      waiting = [done];
      var pages = [], i = 0;
      table.setAttribute('aria-busy', 'true');
      status(say('loading', { total: table.getAttribute('data-total') }));
      function finish(ok) {
        table.removeAttribute('aria-busy');
        window.dossierPage = undefined;
        if (ok) {
          list.rows = [].concat.apply([], pages);
          list.texts = list.rows.map(function (r) { return r.textContent.toLowerCase(); });
          /* The page now shows the whole list, not page N: its heading and title say so. */
          var title = nav && nav.getAttribute('data-list-title'), h1 = doc.querySelector('h1');
          if (title && h1) {
            doc.title = doc.title.split(h1.textContent).join(title);
            h1.textContent = title;
          }
        } else {
          list.failed = true;
          status(say('failed'));
        }
        var callbacks = waiting;
        waiting = null;
        callbacks.forEach(function (f) { f(); });
      }
      function next() {
        if (i === scripts.length) return finish(true);
        if (i === own) { pages.push(Array.prototype.slice.call(body.rows)); i++; return next(); }
        var script = doc.createElement('script'), got = null;
        window.dossierPage = function (html) {
          var page = new DOMParser().parseFromString(html, 'text/html').getElementById(table.id);
          if (!page || !page.tBodies[0]) return;
          got = Array.prototype.map.call(page.tBodies[0].rows, function (row) {
            /* Written for its own page: resolved from the script, which lies beside it. */
            each(row.querySelectorAll('[href], [src]'), function (e) {
              var name = e.hasAttribute('href') ? 'href' : 'src';
              e.setAttribute(name, new URL(e.getAttribute(name), script.src).href);
            });
            return doc.importNode(row, true);
          });
        };
        script.onload = function () {
          script.parentNode.removeChild(script);
          if (!got) return finish(false);
          pages.push(got);
          i++;
          next();
        };
        script.onerror = function () { finish(false); };
        script.src = scripts[i];
        doc.head.appendChild(script);
      }
      next();
    }

    /* Filters and sorts every row (loading them first), then shows the first page of them. */
    function update() {
      if (list.failed) return filter && filter.here();
      if (!list.rows) return load(update);
      var shown = list.rows.filter(function (row, i) { return !filter || filter.keeps(row, list.texts[i]); });
      var s = list.sort;
      if (s) {
        shown = shared.sortRows(shown.map(function (row, i) {
          return { row: row, key: shared.sortKey(row, s.col, s.order), i: i };
        }), s.dir).map(function (r) { return r.row; });
      }
      list.shown = shown;
      list.offset = 0;
      show();
      if (filter && filter.counter) filter.counter.textContent = shown.length + ' / ' + list.rows.length;
      if (filter && filter.empty) filter.empty.hidden = shown.length > 0;
    }

    function show() {
      var shown = list.shown, first = list.offset, last = Math.min(shown.length, first + size);
      var part = doc.createDocumentFragment();
      for (var i = first; i < last; i++) { shown[i].hidden = false; part.appendChild(shown[i]); }
      while (body.firstChild) body.removeChild(body.firstChild);
      body.appendChild(part);
      status(shown.length ? say('rows', { first: first + 1, last: last, total: shown.length }) : '');
      var links = nav && nav.querySelector('[data-pager-links]');
      if (!links) return;
      while (links.firstChild) links.removeChild(links.firstChild);
      if (shown.length <= size) return;
      [['previous', first - size, first > 0], ['next', first + size, last < shown.length]].forEach(function (b) {
        var li = doc.createElement('li'), button = doc.createElement('button');
        button.type = 'button';
        button.textContent = b[0] === 'previous' ? '\u2190 ' + say('previous') : say('next') + ' \u2192';
        button.disabled = !b[2];
        button.addEventListener('click', function () {
          list.offset = b[1];
          show();
          /* As after following a page link: at the top of the new rows, focus there too. */
          var region = table.closest('[tabindex]') || table;
          if (region === table) table.tabIndex = -1;
          region.focus();
          if (region.scrollIntoView) region.scrollIntoView();
        });
        li.appendChild(button);
        links.appendChild(li);
      });
    }

    table.dossierPaged = {
      list: list,
      /* From dossier.js's sort buttons: {col, order, dir}. */
      sort: function (how) { list.sort = how; update(); },
      /* From its filter box, on every change: keeps(row, text), whether any control is set. */
      filter: function (keeps, active, counter, empty, here) {
        filter = { keeps: keeps, counter: counter, empty: empty, here: here };
        if (list.rows || list.failed || active) update();
      }
    };
  });
}());
