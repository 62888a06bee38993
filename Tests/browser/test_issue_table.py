"""The issue list sorts and filters in the page, with and without a filtered URL, on a phone too."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

import harness


def visible_rows(driver):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, "#issue-table tbody tr") if r.is_displayed()]


def column(driver, index):
    return [r.find_elements(By.TAG_NAME, "td")[index].get_attribute("data-sort") or
            r.find_elements(By.TAG_NAME, "td")[index].text for r in visible_rows(driver)]


def header(driver, index):
    return driver.find_elements(By.CSS_SELECTOR, "#issue-table thead th")[index]


def natural(key):
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", key)]


def counter(driver):
    return driver.find_element(By.CSS_SELECTOR, "[data-filter-count]").text


def test_sorting_by_id_status_and_opened(page):
    driver = page.driver
    assert page.open("en", "issues/index.html") == []
    ids = column(driver, 0)
    assert len(ids) == 72
    header(driver, 0).find_element(By.TAG_NAME, "button").click()
    assert header(driver, 0).get_attribute("aria-sort") == "ascending"
    assert column(driver, 0) == sorted(ids, key=natural)
    header(driver, 0).find_element(By.TAG_NAME, "button").click()
    assert header(driver, 0).get_attribute("aria-sort") == "descending"
    assert column(driver, 0) == sorted(ids, key=natural, reverse=True)

    order = "open in-progress waiting resolved closed rejected".split()
    header(driver, 2).find_element(By.TAG_NAME, "button").click()
    statuses = column(driver, 2)
    assert statuses == sorted(statuses, key=order.index)
    assert header(driver, 0).get_attribute("aria-sort") is None

    header(driver, 7).find_element(By.TAG_NAME, "button").click()
    opened = column(driver, 7)
    assert opened == sorted(opened)


def test_filters_narrow_the_rows_and_count_them(page):
    driver = page.driver
    assert page.open("zh", "issues/index.html") == []
    assert driver.find_element(By.CSS_SELECTOR, ".filters").is_displayed()
    assert counter(driver) == "72 / 72"

    Select(driver.find_element(By.ID, "filter-status")).select_by_value("resolved")
    rows = visible_rows(driver)
    assert rows and all(r.get_attribute("data-status") == "resolved" for r in rows)
    assert counter(driver) == f"{len(rows)} / 72"

    Select(driver.find_element(By.ID, "filter-tier")).select_by_value("3")
    both = visible_rows(driver)
    assert 0 < len(both) < len(rows)
    assert all(r.get_attribute("data-tier") == "3" for r in both)

    driver.find_element(By.CSS_SELECTOR, "[data-filter-reset]").click()
    assert counter(driver) == "72 / 72"

    driver.find_element(By.ID, "filter-open").click()
    open_rows = visible_rows(driver)
    assert all(r.get_attribute("data-open") == "true" for r in open_rows)

    driver.find_element(By.ID, "filter-text").send_keys("FK-07")
    texts = [r.find_element(By.TAG_NAME, "td").text for r in visible_rows(driver)]
    assert texts and all(t.startswith("FK-07") for t in texts)

    driver.find_element(By.ID, "filter-text").send_keys("zzzz")
    assert visible_rows(driver) == []
    assert driver.find_element(By.CSS_SELECTOR, "[data-filter-empty]").is_displayed()


def test_the_dashboard_open_count_opens_the_filtered_list(page):
    driver = page.driver
    page.open("ru", "index.html")
    link = driver.find_element(By.CSS_SELECTOR, "a[href$='issues/index.html?open=true']")
    count = link.text
    link.click()
    assert driver.find_element(By.ID, "filter-open").is_selected()
    assert counter(driver) == f"{count} / 72"


def test_phone_width_keeps_the_table_in_its_own_scroll_box(page):
    driver = page.driver
    page.viewport(harness.PHONE[0])
    page.open("zh", "issues/index.html")
    widths = driver.execute_script("""
        var box = document.querySelector('.table-scroll');
        return [document.documentElement.scrollWidth, window.innerWidth, box.scrollWidth, box.clientWidth];""")
    page_width, viewport, table_width, box_width = widths
    assert page_width <= viewport and box_width <= viewport < table_width
    Select(driver.find_element(By.ID, "filter-status")).select_by_value("open")
    assert visible_rows(driver)
