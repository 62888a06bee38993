"""The weekly report and an article printed to PDF by headless Chromium, as a PM prints them:
A4 pages, no navigation or controls, tables whole. The PDFs, and PNGs of their pages made
with pdftoppm, go to the artifacts folder's `print/`."""
import os
import re
import subprocess

import pytest
from selenium.webdriver.common.by import By

import harness

PRINTED = [("zh", "weekly"), ("zh", "article"), ("en", "weekly"), ("ru", "article")]

# A4 at 96 CSS px per inch, less the @page margins of dossier.css (12 mm each side).
A4_CONTENT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)


def print_to_pdf(url, pdf):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, url], check=True, capture_output=True, timeout=120)


@pytest.mark.parametrize("language,name", PRINTED, ids=[f"{l}-{n}" for l, n in PRINTED])
def test_prints_on_a4_without_navigation(outputs, artifacts, language, name):
    folder = os.path.join(artifacts, "print")
    os.makedirs(folder, exist_ok=True)
    pdf = os.path.join(folder, f"{language}-{name}.pdf")
    print_to_pdf("file://" + os.path.join(outputs[language], harness.PAGE_PATHS[name]), pdf)

    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 6

    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    strings = harness.ui_strings()[language]
    for key in ["skip_to_content", "search_placeholder", "filter_reset", "all_articles", "email_version"]:
        assert strings[key] not in text, f"{strings[key]!r} ({key}) is printed"
    nav = " ".join(strings[k] for k in ["nav_dashboard", "nav_issues", "nav_weekly"])
    assert nav not in re.sub(r"\s+", " ", text), "the navigation is printed"
    h1 = strings["weekly_report"] if name == "weekly" else ""
    assert h1 in text

    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(folder, f"{language}-{name}")], check=True)


@pytest.mark.parametrize("name", ["weekly", "article", "issue", "dashboard"])
def test_print_layout_keeps_tables_within_the_page_width(page, name):
    """In print media at the A4 text width, no table runs past the right edge and the
    navigation, search and filters are gone."""
    driver = page.driver
    page.open("zh", harness.PAGE_PATHS[name])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        page.viewport(A4_CONTENT_WIDTH)
        for hidden in [".site-nav", ".site-search", ".skip-link", ".filters", ".pager"]:
            for element in driver.find_elements(By.CSS_SELECTOR, hidden):
                assert not element.is_displayed(), hidden
        overflowing = driver.execute_script("""
            var w = document.documentElement.clientWidth;
            return Array.prototype.filter.call(document.querySelectorAll('table'), function (t) {
              return t.getBoundingClientRect().right > w + 1;
            }).map(function (t) { return t.className + ' ' + Math.round(t.getBoundingClientRect().right); });""")
        assert overflowing == []
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
