/* The Snowball stemmers of English (Porter2) and Russian as Snowball 3.1 has them (the
   algorithms described on snowballstem.org), with the same steps as
   Sources/DossierSearch/Snowball.swift, so that a query's terms are the terms of the index.
   Tests/browser/test_snowball.py checks both against PyPI's snowballstemmer 3.1.1. */
(function () {
  'use strict';

  // Endings "ending/tag/replacement", tag and replacement optional (0 and '').
  function table(spec) {
    var t = { map: Object.create(null), max: 0 };
    spec.split(' ').forEach(function (item) {
      var p = item.split('/');
      t.map[p[0]] = [+p[1] || 0, p[2] || ''];
      t.max = Math.max(t.max, p[0].length);
    });
    return t;
  }
  // The longest ending of w (an array of characters) in t that starts at floor or later:
  // [start, tag, replacement], or null.
  function longest(w, floor, t) {
    for (var k = Math.min(t.max, w.length - floor); k > 0; k--) {
      var e = t.map[w.slice(w.length - k).join('')];
      if (e) return [w.length - k, e[0], e[1]];
    }
    return null;
  }
  function replace(w, m) {
    w.length = m[0];
    w.push.apply(w, m[2].split(''));
  }
  function is(set, c) {
    return c !== undefined && set.indexOf(c) >= 0;
  }
  function any(w, from, to, set) {
    for (; from < to; from++) if (is(set, w[from])) return true;
    return false;
  }
  // Where the region after the first non-vowel that follows a vowel at or after i starts.
  function region(w, i, vowels) {
    while (i < w.length && !is(vowels, w[i])) i++;
    while (i < w.length && is(vowels, w[i])) i++;
    return i < w.length ? i + 1 : w.length;
  }
  // Characters as Snowball counts them: Unicode scalars.
  function chars(s) {
    return s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g) || [];
  }

  // English.
  var V = 'aeiouy';
  var EXCEPTIONS = table('andes atlas bias cosmos howe news sky skis/1/ski skies/1/sky idly/1/idl ' +
    'gently/1/gentl ugly/1/ugli early/1/earli only/1/onli singly/1/singl');
  var PREFIXES = 'arsen commun emerg gener inter later organ past univers'.split(' ');
  var APOSTROPHE = table("' 's 's'");
  var STEP1A = table('sses/1 ied/2 ies/2 s/3 ss us');
  var STEP1B = table('eed/1 eedly/1 ed/2 edly/2 ingly/2 ing/3');
  var STEP1B_TIDY = table('at/1 bl/1 iz/1 bb/2 dd/2 ff/2 gg/2 mm/2 nn/2 pp/2 rr/2 tt/2');
  var STEP2 = table('tional/0/tion enci/0/ence anci/0/ance abli/0/able entli/0/ent izer/0/ize ' +
    'ization/0/ize ational/0/ate ation/0/ate ator/0/ate alism/0/al aliti/0/al alli/0/al ' +
    'fulness/0/ful fulli/0/ful ousli/0/ous ousness/0/ous iveness/0/ive iviti/0/ive biliti/0/ble ' +
    'bli/0/ble ogist/0/og ogi/1/og lessli/0/less li/2');
  var STEP3 = table('tional/0/tion ational/0/ate alize/0/al icate/0/ic iciti/0/ic ical/0/ic ful ness ative/1');
  var STEP4 = table('al ance ence er ic able ible ant ement ment ent ism ate iti ous ive ize ion/1');

  // A short syllable ends w[..e]: consonant, vowel, consonant but w, x, Y; or a whole vowel and
  // consonant; or "past".
  function shortSyllable(w, e) {
    return e >= 3 && !is('aeiouywxY', w[e - 1]) && is(V, w[e - 2]) && !is(V, w[e - 3]) ||
      e === 2 && !is(V, w[1]) && is(V, w[0]) ||
      e >= 4 && w.slice(e - 4, e).join('') === 'past';
  }

  function step1b(w, p1) {
    var m = longest(w, 0, STEP1B), before, d;
    if (!m) return;
    before = w.slice(0, m[0]).join('');
    if (m[1] === 1) {
      if (m[0] >= p1 && !/^(succ|proc|exc)$/.test(before)) w.length = m[0] + 2;
      return;
    }
    if (m[1] === 3) {
      if (/^(even|cann|inn|earr|herr|out)$/.test(before)) return;
      if (m[0] === 2 && w[1] === 'y' && !is(V, w[0])) {
        w.length = 1;
        w.push('i', 'e');
        return;
      }
    }
    if (!any(w, 0, m[0], V)) return;
    w.length = m[0];
    if ((d = longest(w, 0, STEP1B_TIDY))) {
      if (d[1] === 1) w.push('e');
      else if (!(w.length === 3 && is('aeo', w[0]))) w.length--;
    } else if (w.length === p1 && shortSyllable(w, w.length)) {
      w.push('e');
    }
  }

  function english(word) {
    var x = EXCEPTIONS.map[word];
    if (x) return x[0] ? x[1] : word;
    var w = chars(word), hasY = false, p1 = -1, p2, m, i;
    if (w.length < 3) return word;
    if (w[0] === "'") w.shift();
    for (i = 0; i < w.length; i++) {
      if (w[i] === 'y' && (i === 0 || is(V, w[i - 1]))) {
        w[i] = 'Y';
        hasY = true;
      }
    }
    for (i = 0; i < PREFIXES.length; i++) {
      if (w.slice(0, PREFIXES[i].length).join('') === PREFIXES[i]) p1 = PREFIXES[i].length;
    }
    if (p1 < 0) p1 = region(w, 0, V);
    p2 = region(w, p1, V);
    // Step 1a.
    if ((m = longest(w, 0, APOSTROPHE))) w.length = m[0];
    if ((m = longest(w, 0, STEP1A))) {
      if (m[1] === 1) w.length -= 2;
      else if (m[1] === 2) w.length = m[0] + (m[0] >= 2 ? 1 : 2);
      else if (m[1] === 3 && any(w, 0, m[0] - 1, V)) w.length = m[0];
    }
    step1b(w, p1);
    // Step 1c.
    i = w.length - 1;
    if (i >= 2 && (w[i] === 'y' || w[i] === 'Y') && !is(V, w[i - 1])) w[i] = 'i';
    // Steps 2, 3 and 4.
    m = longest(w, 0, STEP2);
    if (m && m[0] >= p1 && (m[1] === 0 || (m[1] === 1 ? w[m[0] - 1] === 'l' : is('cdeghkmnrt', w[m[0] - 1])))) {
      replace(w, m);
    }
    m = longest(w, 0, STEP3);
    if (m && m[0] >= p1 && (m[1] === 0 || m[0] >= p2)) replace(w, m);
    m = longest(w, 0, STEP4);
    if (m && m[0] >= p2 && (m[1] === 0 || is('st', w[m[0] - 1]))) w.length = m[0];
    // Step 5.
    i = w.length - 1;
    if (w[i] === 'e' ? i >= p2 || i >= p1 && !shortSyllable(w, i) : w[i] === 'l' && i >= p2 && w[i - 1] === 'l') {
      w.length = i;
    }
    word = w.join('');
    return hasY ? word.replace(/Y/g, 'y') : word;
  }

  // Russian. Endings tagged 1 go only after "а" or "я", which stay; all are looked for in RV.
  var RU_V = 'аеиоуыэюя';
  var GERUND = table('в/1 вши/1 вшись/1 ив ыв ивши ывши ившись ывшись');
  var ADJECTIVE = table('ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею');
  var PARTICIPLE = table('ем/1 нн/1 вш/1 ющ/1 щ/1 ивш ывш ующ');
  var REFLEXIVE = table('ся сь');
  var VERB = table('ла/1 на/1 ете/1 йте/1 ли/1 й/1 л/1 ем/1 н/1 ло/1 но/1 ет/1 ют/1 ны/1 ть/1 ешь/1 нно/1 ' +
    'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ить ыть ишь ую ю');
  var NOUN = table('а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ' +
    'ию ью ю ия ья я');
  var DERIVATIONAL = table('ост ость');
  var TIDY_UP = table('ейш/1 ейше/1 н/2 ь/3');

  function remove(w, t, rv) {
    var m = longest(w, rv, t);
    if (!m || m[1] === 1 && !(m[0] > rv && is('ая', w[m[0] - 1]))) return false;
    w.length = m[0];
    return true;
  }

  function russian(word) {
    var w = chars(word.replace(/ё/g, 'е')), rv = w.length, r2 = region(w, region(w, 0, RU_V), RU_V), m, i;
    for (i = 0; i < w.length; i++) {
      if (is(RU_V, w[i])) {
        rv = i + 1;
        break;
      }
    }
    if (!remove(w, GERUND, rv)) {
      remove(w, REFLEXIVE, rv);
      if (remove(w, ADJECTIVE, rv)) remove(w, PARTICIPLE, rv);
      else if (!remove(w, VERB, rv)) remove(w, NOUN, rv);
    }
    if (w.length > rv && w[w.length - 1] === 'и') w.length--;
    if ((m = longest(w, rv, DERIVATIONAL)) && m[0] >= r2) w.length = m[0];
    if ((m = longest(w, rv, TIDY_UP))) {
      if (m[1] === 1) {
        w.length = m[0];
        if (w.length - 2 >= rv && w[w.length - 1] === 'н' && w[w.length - 2] === 'н') w.length--;
      } else if (m[1] === 3 || m[0] > rv && w[m[0] - 1] === 'н') {
        w.length = m[0];
      }
    }
    return w.join('');
  }

  window.dossierSnowball = { english: english, russian: russian };
})();
