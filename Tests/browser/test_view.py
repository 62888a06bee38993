"""The sample's client view (`build --view client`) as the client's project team reads
it: the internal and vendor articles and the notes' 内部备注 section nowhere in any file,
owners shown as their organisation, links to left-out pages as text, and the pages as
clean in Chromium and axe-core as the whole site's (the Nu validator checks them with
the rest, in test_static)."""
import os
import re

import harness


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    return dict(re.findall(r"(?m)^(\w+): *(.*)$", match.group(1))) if match else {}, text


def hidden_articles():
    """(path under handbook/ without .md, title) of the sample's internal and vendor
    articles (but drafts, which no build without --drafts shows)."""
    found = []
    root = os.path.join(harness.SAMPLE, "handbook")
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith(".md"):
                continue
            meta, _ = front_matter(os.path.join(folder, name))
            if meta.get("audience") in ("internal", "vendor") and meta.get("draft") != "true":
                found.append((os.path.relpath(os.path.join(folder, name), root)[:-3], meta["title"].strip("'\"")))
    return found


def every_file(output):
    for folder, _, files in os.walk(output):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as f:
                yield os.path.relpath(path, output), f.read().decode("utf-8", "replace")


def test_nothing_the_view_hides_is_in_any_file(outputs):
    client = harness.client_output(outputs)
    articles = hidden_articles()
    assert len(articles) >= 2, "the sample has internal articles to hide"
    with open(os.path.join(harness.SAMPLE, "weekly", "2026-W47.md"), encoding="utf-8") as f:
        note = f.read()
    remarks = [line[2:] for line in note.split("## 内部备注", 1)[1].strip().splitlines()]
    # Everywhere: the section, its lines, the hidden articles' file names. The titles only
    # where articles are listed (handbook pages, page titles): the notes' prose names
    # some of these articles in words, and a view does not edit prose.
    markers = ["内部备注"] + remarks + [path.split("/")[-1] for path, _ in articles]
    titles = [title for _, title in articles]

    def found(files):
        everywhere = [(m, p) for m in markers for p, text in files.items() if m in text or m in p]
        def lists(path, text):
            """What of a page lists articles: the handbook index and tag pages whole, the
            navigation (the folder tree) and title of any other page."""
            if path == "handbook/index.html" or path.startswith("handbook/tags/"):
                return text
            return "".join(re.findall(r"<nav\b.*?</nav>|<title>.*?</title>", text, re.S))

        listed = [(t, p) for t in titles for p, text in files.items() if p.endswith(".html") and t in lists(p, text)]
        return everywhere + listed

    files = dict(every_file(client))
    assert found(files) == []
    # The whole site has them all, so the search above would see a leak.
    whole = found(dict(every_file(outputs["zh"])))
    for marker in markers + titles:
        assert any(m == marker for m, _ in whole), marker
    # Owners as their organisation: no team name in the issue list.
    with open(os.path.join(harness.SAMPLE, "team.csv"), encoding="utf-8") as f:
        names = [line.split(",")[1] for line in f.read().splitlines()[1:]]
    assert [n for n in names if n in files["issues/index.html"]] == []
    assert "集团信息中心" in files["issues/index.html"]


def test_the_client_pages_read_well_in_chromium(page, artifacts):
    client = harness.client_output(page.outputs)
    driver = page.driver
    for path in ["index.html", "issues/index.html", "weekly/2026-W47.html", "handbook/index.html",
                 "issues/FK-070.html"]:
        driver.get_log("browser")
        driver.get("file://" + os.path.join(client, path))
        assert page.console_errors() == [], path
        assert driver.execute_script("return document.documentElement.lang") == "zh"
        violations = page.axe()
        assert violations == [], path + ":\n" + harness.describe(violations)
        page.screenshot(os.path.join(artifacts, "client-" + path.replace("/", "-").replace(".html", "") + "-1280.png"))
        assert "视图：client" in driver.find_element("css selector", "body > footer").text, path
    # The dashboard says how it counts; the note's link to an internal article is text.
    driver.get("file://" + os.path.join(client, "index.html"))
    assert "统计数字按项目全部" in driver.find_element("css selector", ".view-figures").text
    driver.get("file://" + os.path.join(client, "weekly/2026-W47.html"))
    main = driver.find_element("css selector", "main")
    assert "本视图未收录的页面" in main.text
    hidden = [path for path, _ in hidden_articles()]
    assert not [a for a in main.find_elements("css selector", "a")
                if any(path in (a.get_attribute("href") or "") for path in hidden)]
    assert [a for a in main.find_elements("css selector", "a") if "admin/month-end-closing" in a.get_attribute("href")]
