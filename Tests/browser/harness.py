"""The browser harness: the sample site built in three languages, a headless Chromium, and
helpers to look at pages as readers do (phone width, dark mode, console, axe-core).

The sample project in content/ is Chinese; the harness builds it as it is and twice more
with `language: en` and `language: ru` in project.yml, so every page type is seen with
each language's interface strings, dates and numbers. The ru build is also given a
`base_url` with a space and Cyrillic in its path (BASE_URLS), so one build has a sitemap
and absolute feed and mail links, and two have none.
"""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import yaml

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("DOSSIER_BINARY", os.path.join(REPO, ".build", "debug", "dossier"))
SAMPLE = os.path.join(REPO, "content")
AS_OF = "2026-11-20"
LANGUAGES = ["zh", "en", "ru"]
# project.yml's base_url per language build, as written; the others have none.
BASE_URLS = {"ru": "https://example.com/внедрение ERP/"}

# One page of every type the site has, as (name, path from the output folder).
PAGES = [
    ("dashboard", "index.html"),
    ("issues", "issues/index.html"),
    ("issue", "issues/FK-072.html"),
    ("weekly-index", "weekly/index.html"),
    ("weekly", "weekly/2026-W47.html"),
    ("weekly-email", "weekly/2026-W47.email.html"),
    ("handbook-index", "handbook/index.html"),
    ("article", "handbook/admin/sap-voucher-interface.html"),
    ("tag", "handbook/tags/sap.html"),
    ("milestones", "milestones/index.html"),
    ("search", "search.html?q=%E5%AE%A1%E6%89%B9"),  # 审批
]
PAGE_PATHS = dict(PAGES)

# Viewport widths the site is checked at: a laptop and a phone.
DESKTOP = (1280, 900)
PHONE = (375, 812)

# The screenshots kept in docs/screenshots for the README, as
# (language, page, width, scheme); `scripts/screenshots` writes them.
KEPT_SCREENSHOTS = [
    ("zh", "dashboard", 1280, "light"),
    ("en", "issues", 1280, "light"),
    ("en", "weekly", 1280, "dark"),
    ("zh", "article", 1280, "light"),
    ("zh", "dashboard", 375, "light"),
    ("ru", "weekly", 375, "dark"),
]


def build_sites(root):
    """Builds the sample in every language under `root`; returns {language: output folder}."""
    outputs = {}
    for language in LANGUAGES:
        site = os.path.join(root, language)
        shutil.copytree(SAMPLE, os.path.join(site, "content"))
        project = os.path.join(site, "content", "project.yml")
        with open(project, encoding="utf-8") as f:
            text = f.read()
        text, changed = re.subn(r"(?m)^language:.*$", "language: " + language, text)
        assert changed == 1, "content/project.yml has no language line"
        if language in BASE_URLS:
            assert not re.search(r"(?m)^base_url:", text), "content/project.yml already has a base_url"
            text += '\nbase_url: "%s"\n' % BASE_URLS[language]
        with open(project, "w", encoding="utf-8") as f:
            f.write(text)
        subprocess.run([BINARY, "build", site, "--as-of", AS_OF], check=True, capture_output=True)
        outputs[language] = os.path.join(site, "output")
        if language == "zh":
            # The sample's client view, beside it (see client_output): the Nu validator
            # walks it with the rest.
            subprocess.run([BINARY, "build", site, "--as-of", AS_OF, "--view", "client"], check=True, capture_output=True)
    return outputs


def client_output(outputs):
    """The folder of the sample's client view (`build --view client`, in Chinese)."""
    return os.path.join(os.path.dirname(outputs["zh"]), "output-client")


def html_files(output):
    """Every .html file under `output`, sorted, as paths relative to it."""
    found = []
    for folder, _, files in os.walk(output):
        found += [os.path.relpath(os.path.join(folder, f), output) for f in files if f.endswith(".html")]
    return sorted(found)


def ui_strings():
    """The theme's words from templates/strings/<language>.yml: {language: {key: text}}.

    A word said with a count (a map of CLDR plural forms) is given as its `other` form,
    which every language has, so every language has the same keys.
    """
    tables = {}
    folder = os.path.join(REPO, "templates", "strings")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yml"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            words = yaml.safe_load(f)["words"]
        tables[name[:-4]] = {key: value["other"] if isinstance(value, dict) else value for key, value in words.items()}
    return tables


def artifacts_folder():
    """Where screenshots and PDFs go: $DOSSIER_ARTIFACTS, else a folder in the temp directory."""
    folder = os.environ.get("DOSSIER_ARTIFACTS") or os.path.join(tempfile.gettempdir(), "dossier-browser")
    os.makedirs(folder, exist_ok=True)
    return folder


def new_driver():
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--force-device-scale-factor=1", "--window-size=%d,%d" % DESKTOP]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options)
    driver.set_script_timeout(30)
    return driver


class Browser:
    """A Chromium session with the viewport and colour scheme under the test's control."""

    def __init__(self, driver, outputs):
        self.driver = driver
        self.outputs = outputs
        self.width, self.scheme = DESKTOP[0], "light"

    def url(self, language, path):
        return "file://" + os.path.join(self.outputs[language], path)

    def open(self, language, path):
        """Opens a page and returns the console errors it logged (severe entries)."""
        self.driver.get_log("browser")  # drop what earlier pages logged
        self.driver.get(self.url(language, path))
        if path.startswith("search.html?q="):
            self.wait_for("document.querySelector('#search-results li') || "
                          "document.getElementById('search-status').textContent")
        return self.console_errors()

    def console_errors(self):
        return [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def wait_for(self, script, timeout=5):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.driver.execute_script("return !!(" + script + ")"):
                return True
            time.sleep(0.05)
        raise AssertionError("timed out waiting for " + script)

    def viewport(self, width, height=None):
        """A real `width`-pixel layout viewport; phones get mobile emulation."""
        height = height or (PHONE[1] if width <= PHONE[0] else DESKTOP[1])
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width <= PHONE[0]})
        self.width = width

    def color_scheme(self, scheme):
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
            "features": [{"name": "prefers-color-scheme", "value": scheme}]})
        self.scheme = scheme

    def reset(self):
        self.viewport(DESKTOP[0])
        self.color_scheme("light")

    def screenshot(self, path, full_page=True, max_height=6000):
        """Saves a PNG of the page at the current width, the whole page tall (up to max_height)."""
        if full_page:
            height = self.driver.execute_script("return document.documentElement.scrollHeight")
            self.viewport(self.width, min(max(height, 200), max_height))
        try:
            self.driver.save_screenshot(path)
        finally:
            if full_page:
                self.viewport(self.width)

    def axe(self, rules=None):
        """Runs axe-core on the page; returns its violations. `rules` limits it to those rule ids."""
        from selenium_axe_python import Axe
        axe = Axe(self.driver)
        axe.inject()
        options = {"resultTypes": ["violations"]}
        if rules:
            options["runOnly"] = {"type": "rule", "values": rules}
        return axe.run(options=json.dumps(options))["violations"]


def describe(violations):
    """The violations as short readable lines for an assertion message."""
    lines = []
    for v in violations:
        targets = [", ".join(n["target"]) for n in v["nodes"][:3]]
        summary = v["nodes"][0].get("failureSummary", "").replace("\n", " ") if v["nodes"] else ""
        lines.append(f'{v["impact"]}: {v["id"]} ({len(v["nodes"])}x) {targets} {summary[:200]}')
    return "\n".join(lines)
