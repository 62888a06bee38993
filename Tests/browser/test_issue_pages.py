"""A paged issue list (`issues.page_size: 10` on the 72-issue sample, so eight pages) read
as people read it: from page to page by its links without JavaScript, and sorted and
filtered across every page with it, from file:// as a built site is opened. Expected
values come from the same sample built on one page (the harness's sites)."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import harness

SIZE = 10


@pytest.fixture(scope="module")
def paged():
    """{language: output} of the sample built in zh and en with ten issues a page."""
    root = tempfile.mkdtemp(prefix="dossier-paged-")
    try:
        outputs = {}
        for language in ["zh", "en"]:
            site = os.path.join(root, language)
            shutil.copytree(harness.SAMPLE, os.path.join(site, "content"))
            project = os.path.join(site, "content", "project.yml")
            with open(project, encoding="utf-8") as f:
                text = re.sub(r"(?m)^language:.*$", "language: " + language, f.read())
            with open(project, "w", encoding="utf-8") as f:
                f.write(text + "\nissues:\n  page_size: %d\n" % SIZE)
            subprocess.run([harness.BINARY, "build", site, "--as-of", harness.AS_OF], check=True, capture_output=True)
            outputs[language] = os.path.join(site, "output")
        yield outputs
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pages(page, paged):
    """The session's browser, opening the paged builds."""
    whole = page.outputs
    page.outputs, page.whole = paged, whole
    try:
        yield page
    finally:
        page.outputs = whole
        page.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def ids(driver):
    return [r.find_element(By.TAG_NAME, "a").text
            for r in driver.find_elements(By.CSS_SELECTOR, "#issue-table tbody tr") if r.is_displayed()]


def whole_list(browser, language, query=""):
    """The ids the one-page list of the same sample shows for `query`, in its order."""
    browser.driver.get("file://" + os.path.join(browser.whole[language], "issues/index.html") + query)
    return ids(browser.driver)


def loaded(browser):
    browser.wait_for("!document.getElementById('issue-table').hasAttribute('aria-busy') && "
                     "document.getElementById('issue-table').dossierPaged.list.rows")


def every_page_shown(driver):
    """Clicks Next until it is disabled; the ids of every page of the result, in order."""
    seen = ids(driver)
    while True:
        buttons = driver.find_elements(By.CSS_SELECTOR, "[data-pager-links] button")
        if not buttons or not buttons[-1].is_enabled():
            return seen
        buttons[-1].click()
        seen += ids(driver)


def test_without_javascript_the_page_links_walk_the_whole_list(pages):
    every = whole_list(pages, "zh")
    assert len(every) == 72
    driver = pages.driver
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    pages.open("zh", "issues/index.html")
    assert not driver.find_element(By.CSS_SELECTOR, ".filters").is_displayed()
    seen = []
    for number in range(1, 9):
        assert driver.find_element(By.CSS_SELECTOR, "[data-pager-rows]").text == \
            "第 %d–%d 条，共 72 条" % ((number - 1) * SIZE + 1, min(72, number * SIZE))
        assert driver.find_element(By.CSS_SELECTOR, ".page-links [aria-current=page]").text == str(number)
        seen += ids(driver)
        following = driver.find_elements(By.CSS_SELECTOR, ".page-links a[rel=next]")
        if number == 8:
            assert following == []
            break
        following[0].click()
        assert driver.current_url.endswith("issues/page/%d/index.html" % (number + 1))
    assert seen == every
    # The last page's link to page 1 goes back to issues/index.html.
    driver.find_element(By.XPATH, "//nav[@class='page-links']//a[text()='1']").click()
    assert driver.current_url.endswith("issues/index.html")
    assert ids(driver) == every[:SIZE]


def test_a_filter_on_any_page_covers_every_issue(pages):
    expected = whole_list(pages, "zh", "?status=open")
    assert 0 < len(expected) < 72
    driver = pages.driver
    assert pages.open("zh", "issues/page/3/index.html") == []
    assert ids(driver)[0] == "FK-021"
    assert driver.find_element(By.TAG_NAME, "h1").text == "问题清单（第 3 页，共 8 页）"
    Select(driver.find_element(By.ID, "filter-status")).select_by_value("open")
    loaded(pages)
    # The page shows the whole list now, not page 3: its heading and title say so.
    assert driver.find_element(By.TAG_NAME, "h1").text == "问题清单"
    assert driver.title.startswith("问题清单 · ")
    assert driver.find_element(By.CSS_SELECTOR, "[data-filter-count]").text == "%d / 72" % len(expected)
    assert every_page_shown(driver) == expected
    assert pages.console_errors() == []
    # A row from another page links to its issue from here.
    link = driver.find_element(By.CSS_SELECTOR, "#issue-table tbody a")
    target = link.text
    link.click()
    assert driver.current_url.endswith("issues/%s.html" % target)
    assert target in driver.title


def test_a_sort_on_any_page_orders_every_issue_and_pages_the_result(pages):
    every = whole_list(pages, "en")
    open_ids = whole_list(pages, "en", "?open=true")
    driver = pages.driver
    pages.open("en", "issues/index.html")
    head = driver.find_elements(By.CSS_SELECTOR, "#issue-table thead th")[0].find_element(By.TAG_NAME, "button")
    head.click()
    head.click()  # descending
    loaded(pages)
    natural = lambda key: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", key)]
    assert ids(driver) == sorted(every, key=natural, reverse=True)[:SIZE]
    assert driver.find_element(By.CSS_SELECTOR, "[data-pager-rows]").text == "Issues 1–10 of 72"
    previous, following = driver.find_elements(By.CSS_SELECTOR, "[data-pager-links] button")
    assert not previous.is_enabled() and following.text == "Next →"
    following.click()
    assert driver.find_element(By.CSS_SELECTOR, "[data-pager-rows]").text == "Issues 11–20 of 72"
    # The focus goes to the top of the new rows, as after following a page link.
    assert driver.execute_script("return document.activeElement.classList.contains('table-scroll')")
    assert ids(driver) == sorted(every, key=natural, reverse=True)[SIZE:2 * SIZE]
    # A filter keeps the sort and starts from the first matching row.
    driver.find_element(By.ID, "filter-open").click()
    assert every_page_shown(driver) == sorted(open_ids, key=natural, reverse=True)


def test_a_filtered_address_opens_filtered_across_pages(pages):
    expected = whole_list(pages, "en", "?open=true&text=approval")
    driver = pages.driver
    pages.open("en", "issues/page/8/index.html?open=true&text=approval")
    loaded(pages)
    assert every_page_shown(driver) == expected
    count = driver.find_element(By.CSS_SELECTOR, "[data-filter-count]").text
    assert count == "%d / 72" % len(expected)


def test_a_page_that_cannot_be_loaded_leaves_this_page_filtered_and_says_so(pages, paged, tmp_path):
    copy = os.path.join(tmp_path, "site")
    shutil.copytree(paged["en"], copy)
    os.remove(os.path.join(copy, "issues", "page", "5", "rows.js"))
    driver = pages.driver
    driver.get("file://" + os.path.join(copy, "issues/page/2/index.html"))
    own = ids(driver)
    Select(driver.find_element(By.ID, "filter-status")).select_by_value("closed")
    pages.wait_for("document.querySelector('[data-pager-rows]').textContent.indexOf('Not every page') === 0")
    shown = ids(driver)
    assert shown and set(shown) <= set(own)
    assert driver.find_element(By.CSS_SELECTOR, "[data-filter-count]").text == "%d / %d" % (len(shown), SIZE)


def test_the_pager_is_accessible_and_looks_right(pages, artifacts):
    driver = pages.driver
    for language, path in [("zh", "issues/page/3/index.html"), ("en", "issues/index.html")]:
        pages.open(language, path)
        violations = pages.axe()
        assert violations == [], harness.describe(violations)
        pages.screenshot(os.path.join(artifacts, "issues-paged-%s.png" % language))
    Select(driver.find_element(By.ID, "filter-priority")).select_by_value("high")
    loaded(pages)
    violations = pages.axe()
    assert violations == [], harness.describe(violations)
    pages.screenshot(os.path.join(artifacts, "issues-paged-filtered.png"))
    pages.viewport(375)
    pages.open("zh", "issues/page/3/index.html")
    # On a phone the page links wrap inside the page: nothing is wider than the screen.
    width = driver.execute_script("return document.documentElement.scrollWidth")
    assert width <= 375
    pages.screenshot(os.path.join(artifacts, "issues-paged-phone.png"))
