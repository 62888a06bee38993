"""Labels, badges and table headers keep their words whole on a phone.

Chinese may break between any two characters (CSS Text 3, line breaking: CJK text has a
break opportunity between each pair of letters), so a status badge squeezed into a
narrow table column reads 已/关/闭, one character a line. At 375 px no badge, chip, RAG
mark, form label or table header of the issue list, the dashboard and the milestones page
may have a line holding a single letter — in the Chinese build, and in the Russian one,
whose words are the longest. The tables still fit the phone: they scroll in their own box
(test_pages checks that no page is wider than the phone).
"""
import os

import pytest

import harness

# What reads as a label: a word or two that must not come apart.
LABELS = ".badge, .rag, .chip, label, th, .ms-badge, .tag, .legend li"

# For every label shown, its text and the letters of each line box: each character's
# rectangles from Range.getClientRects, grouped by their vertical middle.
LINES_SCRIPT = r"""
const found = [];
for (const element of document.querySelectorAll(arguments[0])) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
  const lines = new Map();
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i);
      const width = code > 0xFFFF ? 2 : 1;
      const character = text.slice(i, i + width);
      if (/[\p{L}\p{N}]/u.test(character)) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + width);
        for (const rect of range.getClientRects()) {
          if (rect.width === 0) continue;
          const middle = Math.round((rect.top + rect.bottom) / 2);
          let key = [...lines.keys()].find(k => Math.abs(k - middle) < rect.height / 2);
          if (key === undefined) { key = middle; lines.set(key, ''); }
          lines.set(key, lines.get(key) + character);
          break;
        }
      }
      i += width - 1;
    }
  }
  const letters = [...lines.values()];
  if (letters.join('').length > 1) {
    found.push({label: element.textContent.trim().replace(/\s+/g, ' '), tag: element.tagName.toLowerCase(),
                cls: element.className, lines: letters});
  }
}
return found;
"""


@pytest.mark.parametrize("language", ["zh", "ru"])
@pytest.mark.parametrize("name", ["issues", "dashboard", "milestones"])
def test_no_label_breaks_one_letter_a_line_on_a_phone(page, artifacts, language, name):
    page.viewport(harness.PHONE[0])
    assert page.open(language, harness.PAGE_PATHS[name]) == []
    page.screenshot(os.path.join(artifacts, "labels-%s-%s-375.png" % (name, language)))
    labels = page.driver.execute_script(LINES_SCRIPT, LABELS)
    # The check must have something to look at: the page's badges and headers.
    assert len(labels) >= 5, labels
    assert any(len(label["lines"]) == 1 for label in labels)
    broken = [label for label in labels if any(len(line) == 1 for line in label["lines"])]
    assert broken == [], "labels with a line of one letter at 375 px: %s" % broken[:10]
    # No page wider than the phone: the tables scroll in their own box.
    width = page.driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= harness.PHONE[0]
