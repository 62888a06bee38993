"""Every page type of the sample, in zh, en and ru, as readers see it in Chromium: no script
errors, one h1, landmarks, axe-core clean in light and dark colours, usable 375 px wide,
nothing loaded from another host. Screenshots of each go to the artifacts folder
($DOSSIER_ARTIFACTS, else dossier-browser in the temp directory)."""
import os

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import harness

CASES = [(language, name) for language in harness.LANGUAGES for name, _ in harness.PAGES]


def no_horizontal_scroll(driver):
    """True when the page itself is no wider than the viewport (wide tables scroll in their box)."""
    return driver.execute_script(
        "return document.documentElement.scrollWidth <= window.innerWidth")


def tables_sticking_out(driver):
    """Tables wider than the box they are in, other than those that scroll in their own box."""
    return driver.execute_script("""
        return Array.prototype.filter.call(document.querySelectorAll('table'), function (t) {
          var box = t.parentElement, style = getComputedStyle(box);
          if (t.closest('.table-scroll') || getComputedStyle(t).overflowX === 'auto') return false;
          var right = box.getBoundingClientRect().right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
          return t.getBoundingClientRect().right > right + 1;
        }).map(function (t) { return (t.querySelector('caption') || t).textContent.trim().slice(0, 40); });""")


@pytest.mark.parametrize("language,name", CASES, ids=[f"{l}-{n}" for l, n in CASES])
def test_page_type(page, artifacts, language, name):
    driver = page.driver
    assert page.open(language, harness.PAGE_PATHS[name]) == [], "console errors"
    assert driver.execute_script("return document.documentElement.lang") == language
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    if name != "weekly-email":  # the mail page is one table to paste, with a role="main" box
        for landmark in ["body > header", "body > main", "header nav", "body > footer"]:
            assert len(driver.find_elements(By.CSS_SELECTOR, landmark)) == 1, landmark

    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [r for r in resources if not r.startswith("file://")] == []

    # Tables have header cells; charts say what they show in text.
    for table in driver.find_elements(By.CSS_SELECTOR, "table:not([role=presentation])"):
        assert table.find_elements(By.TAG_NAME, "th"), table.get_attribute("outerHTML")[:200]
    for chart in driver.find_elements(By.CSS_SELECTOR, "figure.chart"):
        assert chart.find_element(By.CSS_SELECTOR, "svg[role=img] > title").get_attribute("textContent").strip()
        assert chart.find_element(By.CSS_SELECTOR, "svg[role=img] > desc").get_attribute("textContent").strip()
        assert chart.find_element(By.TAG_NAME, "figcaption").text.strip()
    # A RAG state or a badge always carries its word, not only its colour.
    for badge in driver.find_elements(By.CSS_SELECTOR, ".rag, .badge"):
        assert badge.get_attribute("textContent").strip(), badge.get_attribute("outerHTML")

    assert tables_sticking_out(driver) == []
    violations = page.axe()
    assert violations == [], "axe, light:\n" + harness.describe(violations)
    page.screenshot(os.path.join(artifacts, f"{language}-{name}-1280.png"))

    page.color_scheme("dark")
    violations = page.axe(["color-contrast", "link-in-text-block"])
    assert violations == [], "axe, dark:\n" + harness.describe(violations)
    if language == "zh":
        page.screenshot(os.path.join(artifacts, f"{language}-{name}-1280-dark.png"))

    page.viewport(harness.PHONE[0])
    assert no_horizontal_scroll(driver), "the page is wider than a 375 px phone"
    assert tables_sticking_out(driver) == []
    violations = page.axe(["color-contrast", "target-size", "scrollable-region-focusable"])
    assert violations == [], "axe, phone, dark:\n" + harness.describe(violations)
    page.screenshot(os.path.join(artifacts, f"{language}-{name}-375-dark.png"))
    page.color_scheme("light")
    page.screenshot(os.path.join(artifacts, f"{language}-{name}-375.png"))


@pytest.mark.parametrize("width", [1024, 768, 360])
def test_no_page_or_table_spills_over_at_other_common_widths(page, width):
    """Between the laptop and the phone, where grids change their number of columns."""
    page.viewport(width)
    spilling = {}
    for language in harness.LANGUAGES:
        for name, path in harness.PAGES:
            if name == "weekly-email":  # a 600 px mail layout, checked at 375 px above
                continue
            page.open(language, path)
            problems = tables_sticking_out(page.driver) + ([] if no_horizontal_scroll(page.driver) else ["page"])
            if problems:
                spilling[f"{language} {name}"] = problems
    assert spilling == {}


def test_every_page_of_the_sample_opens_without_script_errors(browser):
    """All pages of the zh sample, not only one of each type."""
    output = browser.outputs["zh"]
    failures = {}
    for path in harness.html_files(output):
        errors = browser.open("zh", path)
        headings = browser.driver.execute_script("return document.querySelectorAll('h1').length")
        if errors or headings != 1:
            failures[path] = (errors, headings)
    assert failures == {}


def focus_ring(driver):
    """The focused element's outline width in px (0 when it has none) and whether it is on screen."""
    return driver.execute_script("""
        var e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
        return [s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth), r.top >= 0 && r.left >= 0 && r.width > 0,
                e.tagName + '.' + e.className];""")


@pytest.mark.parametrize("name", ["dashboard", "issues", "article"])
def test_keyboard_focus_is_visible(page, name):
    driver = page.driver
    page.open("en", harness.PAGE_PATHS[name])
    body = driver.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    width, visible, what = focus_ring(driver)
    assert "skip-link" in what and visible and width >= 2, (width, visible, what)
    seen = []
    for _ in range(25):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        width, visible, what = focus_ring(driver)
        seen.append(what)
        assert width >= 2, f"no visible focus on {what}"
    if name == "issues":
        assert any("sort-button" in s for s in seen) or any("SELECT" in s for s in seen), seen


def test_skip_link_moves_to_the_main_content(page):
    driver = page.driver
    page.open("zh", "issues/index.html")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "page:main"


def test_screenshots_for_the_readme(page, artifacts):
    """The few screenshots docs/ keeps: one screen of each (not the whole page).

    They go to the artifacts folder's `kept/`, or to $DOSSIER_SCREENSHOTS when set
    (`scripts/screenshots` sets it to docs/screenshots)."""
    folder = os.environ.get("DOSSIER_SCREENSHOTS") or os.path.join(artifacts, "kept")
    os.makedirs(folder, exist_ok=True)
    for language, name, width, scheme in harness.KEPT_SCREENSHOTS:
        page.viewport(width)
        page.color_scheme(scheme)
        assert page.open(language, harness.PAGE_PATHS[name]) == []
        path = os.path.join(folder, f"{name}-{language}-{width}{'-dark' if scheme == 'dark' else ''}.png")
        page.screenshot(path, full_page=False)
        assert os.path.getsize(path) > 10_000
