"""Every interface string in the site's language: no English left in the zh and ru pages,
`<html lang>` right, dates and numbers written as the language writes them."""
import re

import pytest
from selenium.webdriver.common.by import By

import harness

# Text a reader sees or hears: the rendered text, the page title and the accessible names
# and texts in attributes (aria-label, placeholder, title, alt, the search page's messages).
PAGE_TEXT = """
var parts = [document.title, document.body.innerText];
document.querySelectorAll('*').forEach(function (e) {
  ['aria-label', 'placeholder', 'title', 'alt'].forEach(function (a) { if (e.hasAttribute(a)) parts.push(e.getAttribute(a)); });
  if (e.id === 'search') for (var i = 0; i < e.attributes.length; i++)
    if (e.attributes[i].name.indexOf('data-') === 0) parts.push(e.attributes[i].value);
  if (e.tagName === 'title' || e.tagName === 'desc') parts.push(e.textContent);
});
return parts.join('\\n');"""


def english_phrases(language):
    """The English UI texts whose translation differs, as literal phrases worth looking for."""
    tables = harness.ui_strings()
    phrases = set()
    for key, english in tables["en"].items():
        if tables[language][key] == english:
            continue
        for part in re.split(r"\{\w+\}", english):
            part = part.strip(" :·,.()")
            if len(re.findall(r"[A-Za-z]", part)) >= 3:
                phrases.add(part)
    return phrases


def test_every_language_has_the_same_keys():
    tables = harness.ui_strings()
    assert set(tables) == set(harness.LANGUAGES)
    assert set(tables["zh"]) == set(tables["en"]) == set(tables["ru"])
    assert len(tables["en"]) > 150


@pytest.mark.parametrize("language", ["zh", "ru"])
def test_no_english_interface_text_in_other_languages(browser, language):
    phrases = english_phrases(language)
    found = {}
    for name, path in harness.PAGES:
        assert browser.open(language, path) == []
        text = browser.driver.execute_script(PAGE_TEXT)
        leaks = sorted(p for p in phrases if re.search(r"(?<![A-Za-z])" + re.escape(p) + r"(?![A-Za-z])", text))
        if leaks:
            found[name] = leaks
    assert found == {}


AS_OF = {"zh": "2026年11月20日", "en": "Nov 20, 2026", "ru": "20.11.2026"}
DURATION = {"zh": r"\d+(\.\d)? (分钟|小时|天)", "en": r"\d+(\.\d)? (min|h|d)", "ru": r"\d+(,\d)? (мин|ч|дн\.)"}
PERCENT = {"zh": "88%", "en": "88%", "ru": "88\u00a0%"}
WEEK_RANGE = {"zh": "11月16日 – 11月22日", "en": "Nov 16 – Nov 22", "ru": "16.11 – 22.11"}


@pytest.mark.parametrize("language", harness.LANGUAGES)
def test_dates_and_numbers_follow_the_language(browser, language):
    driver = browser.driver
    browser.open(language, "index.html")
    assert AS_OF[language] in driver.find_element(By.CSS_SELECTOR, ".site-footer").text
    sla = driver.find_element(By.CSS_SELECTOR, ".big-figure").get_attribute("textContent").strip()
    assert sla == PERCENT[language]
    durations = [td.get_attribute("textContent") for td in
                 driver.find_elements(By.CSS_SELECTOR, ".dash-service .card:nth-child(n+2) tbody td.num:nth-child(n+3)")]
    assert durations and all(re.fullmatch(DURATION[language], d) for d in durations), durations
    assert any("," in d or "." in d for d in durations)  # the sample has fractional medians

    browser.open(language, harness.PAGE_PATHS["weekly"])
    assert driver.find_element(By.CSS_SELECTOR, ".page-head .lede").text == WEEK_RANGE[language]
    completion = driver.find_element(By.CSS_SELECTOR, ".week-status .completion-text").get_attribute("textContent")
    assert completion.endswith("82" + PERCENT[language][2:])

    browser.open(language, "issues/index.html")
    lang = driver.execute_script("return document.documentElement.lang")
    assert lang == language
