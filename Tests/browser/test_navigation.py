"""The site's links lead where they say: main navigation, list to record and back,
weekly pager, table of contents, tags, and the header's search box."""
from selenium.webdriver.common.by import By

import harness


def test_main_navigation_reaches_every_section(page):
    driver = page.driver
    page.open("zh", "index.html")
    labels = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".site-nav a")]
    assert len(labels) == 6
    for label in labels:
        driver.find_element(By.LINK_TEXT, label).click()
        assert page.console_errors() == []
        current = driver.find_elements(By.CSS_SELECTOR, ".site-nav a[aria-current=page]")
        assert [a.text for a in current] == [label]
        assert driver.find_element(By.TAG_NAME, "h1").text


def test_from_the_list_to_an_issue_and_back(page):
    driver = page.driver
    page.open("en", "issues/index.html")
    first = driver.find_element(By.CSS_SELECTOR, "#issue-table tbody tr td a")
    issue_id = first.text
    first.click()
    assert driver.current_url.endswith(f"issues/{issue_id}.html")
    assert issue_id in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.CSS_SELECTOR, ".breadcrumbs a").click()
    assert driver.current_url.endswith("issues/index.html")


def test_weekly_pager_and_article_links(page):
    driver = page.driver
    page.open("zh", harness.PAGE_PATHS["weekly"])
    driver.find_element(By.CSS_SELECTOR, "a[rel=prev]").click()
    assert driver.current_url.endswith("weekly/2026-W46.html")
    driver.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    assert driver.current_url.endswith("weekly/2026-W47.html")
    driver.find_element(By.CSS_SELECTOR, ".card-links a").click()
    assert driver.current_url.endswith("weekly/2026-W47.email.html")

    page.open("zh", harness.PAGE_PATHS["article"])
    toc = driver.find_element(By.CSS_SELECTOR, ".toc a")
    anchor = toc.get_attribute("href").split("#")[1]
    toc.click()
    assert driver.current_url.endswith("#" + anchor)
    driver.find_element(By.CSS_SELECTOR, ".article-head .tags a").click()
    assert "/handbook/tags/" in driver.current_url
    driver.find_element(By.CSS_SELECTOR, ".article-list a, main a[href$='.html']").click()
    assert "/handbook/" in driver.current_url and page.console_errors() == []


def test_the_header_search_box_finds_pages(page):
    driver = page.driver
    page.open("ru", "index.html")
    box = driver.find_element(By.ID, "page:site-search-q")
    box.send_keys("报销")
    box.submit()
    page.wait_for("document.querySelector('#search-results li')")
    assert "search.html?q=" in driver.current_url
    assert page.console_errors() == []
