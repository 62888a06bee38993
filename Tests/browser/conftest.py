"""Fixtures of the browser harness: the sample built in every language, and one Chromium."""
import shutil
import tempfile

import pytest

import harness


@pytest.fixture(scope="session")
def outputs():
    """{language: output folder} of the sample site built in zh, en and ru."""
    root = tempfile.mkdtemp(prefix="dossier-sample-")
    try:
        yield harness.build_sites(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def browser(outputs):
    driver = harness.new_driver()
    try:
        yield harness.Browser(driver, outputs)
    finally:
        driver.quit()


@pytest.fixture
def page(browser):
    """The browser, back at desktop width and light colours after the test."""
    yield browser
    browser.reset()


@pytest.fixture(scope="session")
def artifacts():
    return harness.artifacts_folder()
