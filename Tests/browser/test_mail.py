"""The weekly report's mail version looked at the way mail clients treat HTML: they drop
`<style>` elements and `class` (and often `id`) attributes, so a copy without them must
look exactly the same, and the look itself (table borders and padding, tinted code, the
quote's bar, an image no wider than the mail, no `#` heading links) must come from
inline styles.

The report fixture (Tests/DossierTests/Fixtures/report, week 2026-W46 as of 2026-11-15) is
built twice from copies: as it is, opened from `file://`, and with a `base_url` at a
local HTTP server serving that build, so the note's image is absolute and really loads.
In the second copy the fixture's 8-byte stand-in PNG is replaced by a real one, 1,400 px
wide, to see it held to the mail's width. Screenshots go to the artifacts folder's
`mail/`."""
import functools
import http.server
import os
import re
import shutil
import struct
import subprocess
import tempfile
import threading
import zlib

import pytest

import harness

FIXTURE = os.path.join(harness.REPO, "Tests", "DossierTests", "Fixtures", "report")
AS_OF = "2026-11-15"
MAIL = "weekly/2026-W46.email.html"
# The mail's own width (templates/weekly-email.mustache: a 600 px table).
MAIL_WIDTH = 600
WIDE_IMAGE = (1400, 240)
# Share of pixels allowed to differ between the mail and its copy without <style> and
# classes. The two are the same document to a browser unless the look depends on what
# the copy lacks, so no pixel is expected to differ; the allowance only absorbs
# antialiasing noise, and is a twentieth of a single line of text across the mail.
MAX_DIFFERENT_PIXELS = 0.0005


def png(width, height):
    """A PNG of horizontal stripes, made without an imaging library."""
    rows = b"".join(b"\x00" + bytes((40 + (y // 20) * 15 % 200, 120, 200)) * width for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def pixels(path):
    """(width, height, rows of bytes) of an 8-bit RGB or RGBA PNG, as Chromium writes them."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    offset, idat = 8, b""
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    size = 4 if colour == 6 else 3
    stride = width * size
    raw = zlib.decompress(idat)
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - size] if i >= size else 0
            up, corner = previous[i], previous[i - size] if i >= size else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, size, rows


def different_pixels(a, b):
    """How many pixels differ between two PNG files of the same size, and their count."""
    wa, ha, sa, ra = pixels(a)
    wb, hb, sb, rb = pixels(b)
    assert (wa, ha) == (wb, hb), f"sizes differ: {wa}x{ha} and {wb}x{hb}"
    differing = 0
    for row_a, row_b in zip(ra, rb):
        if row_a == row_b:
            continue
        for x in range(wa):
            if row_a[x * sa:x * sa + 3] != row_b[x * sb:x * sb + 3]:
                differing += 1
    return differing, wa * ha


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build(root, name, base_url=None, wide_image=False):
    site = os.path.join(root, name)
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("expected", "output"))
    if base_url:
        with open(os.path.join(site, "content", "project.yml"), "a", encoding="utf-8") as f:
            f.write('base_url: "%s"\n' % base_url)
    if wide_image:
        with open(os.path.join(site, "content", "handbook", "expense", "budget-setting.png"), "wb") as f:
            f.write(png(*WIDE_IMAGE))
    subprocess.run([harness.BINARY, "build", site, "--as-of", AS_OF], check=True, capture_output=True)
    return os.path.join(site, "output")


@pytest.fixture(scope="module")
def mails():
    """{"plain": URL of the mail without base_url, "linked": URL of the one with it}, and
    the output folders."""
    root = tempfile.mkdtemp(prefix="dossier-mail-")
    served = os.path.join(root, "linked", "output")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=served))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = "http://127.0.0.1:%d/" % server.server_address[1]
        outputs = {"plain": build(root, "plain"), "linked": build(root, "linked", base_url=base, wide_image=True)}
        assert outputs["linked"] == served
        yield {"plain": "file://" + os.path.join(outputs["plain"], MAIL), "linked": base + MAIL,
               "outputs": outputs, "base": base}
    finally:
        server.shutdown()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def mail_browser():
    driver = harness.new_driver()
    try:
        yield harness.Browser(driver, {})
    finally:
        driver.quit()


def strip_as_clients_do(html):
    """The mail without its <style> elements and class attributes; the count of each removed."""
    html, styles = re.subn(r"(?is)<style\b.*?</style\s*>", "", html)
    html, classes = re.subn(r"""(?i)\sclass\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", "", html)
    return html, styles, classes


def open_loaded(browser, url):
    browser.driver.get(url)
    browser.wait_for("Array.from(document.images).every(function (i) { return i.complete; })")


@pytest.mark.parametrize("kind", ["plain", "linked"])
def test_the_mail_looks_the_same_without_stylesheets_and_classes(mails, mail_browser, artifacts, kind):
    folder = os.path.join(artifacts, "mail")
    os.makedirs(folder, exist_ok=True)
    mail_browser.viewport(MAIL_WIDTH + 100)
    open_loaded(mail_browser, mails[kind])
    original = os.path.join(folder, f"{kind}.png")
    mail_browser.screenshot(original)

    with open(os.path.join(mails["outputs"][kind], MAIL), encoding="utf-8") as f:
        html = f.read()
    stripped, styles, classes = strip_as_clients_do(html)
    assert (styles, classes) == (0, 0), "the mail has <style> or class: its look may depend on them"
    copy = MAIL.replace(".email.html", ".stripped.email.html")
    with open(os.path.join(mails["outputs"][kind], copy), "w", encoding="utf-8") as f:
        f.write(stripped)
    open_loaded(mail_browser, mails[kind].replace(MAIL, copy))
    bare = os.path.join(folder, f"{kind}-stripped.png")
    mail_browser.screenshot(bare)

    differing, total = different_pixels(original, bare)
    assert differing <= total * MAX_DIFFERENT_PIXELS, f"{differing} of {total} pixels differ"


def test_the_checks_tell_a_look_that_needs_a_stylesheet(mail_browser, tmp_path, artifacts):
    """The comparison above fails for a page styled through a class: stripping it shows."""
    page = tmp_path / "styled.html"
    page.write_text('<!DOCTYPE html><html lang="en"><head><style>.b{border:4px solid red;padding:20px}</style></head>'
                    '<body><table><tr><td class="b">cell</td></tr></table></body></html>', encoding="utf-8")
    stripped, styles, classes = strip_as_clients_do(page.read_text(encoding="utf-8"))
    assert (styles, classes) == (1, 1)
    (tmp_path / "stripped.html").write_text(stripped, encoding="utf-8")
    mail_browser.viewport(400)
    shots = []
    for name in ["styled.html", "stripped.html"]:
        mail_browser.driver.get("file://" + str(tmp_path / name))
        shots.append(str(tmp_path / (name + ".png")))
        mail_browser.screenshot(shots[-1])
    differing, total = different_pixels(*shots)
    assert differing > total * MAX_DIFFERENT_PIXELS


LOOK = """
function px(v) { return parseFloat(v) || 0; }
function visible(e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }
var out = {cells: [], pre: [], quotes: [], images: [], hashes: [], headingLinks: 0};
var mail = document.querySelector('table[role=presentation]');
out.mailWidth = mail.getBoundingClientRect().width;
document.querySelectorAll('table:not([role=presentation]) th, table:not([role=presentation]) td').forEach(function (c) {
  var s = getComputedStyle(c), border = 0;
  ['Top', 'Right', 'Bottom', 'Left'].forEach(function (side) {
    if (s['border' + side + 'Style'] !== 'none' && px(s['border' + side + 'Width']) > 0 &&
        s['border' + side + 'Color'] !== 'rgba(0, 0, 0, 0)') border += 1;
  });
  out.cells.push({text: c.textContent.trim(), sides: border, padLeft: px(s.paddingLeft), padTop: px(s.paddingTop)});
});
document.querySelectorAll('pre').forEach(function (p) {
  var s = getComputedStyle(p);
  out.pre.push({background: s.backgroundColor, font: s.fontFamily, wrap: s.whiteSpace});
});
document.querySelectorAll('blockquote').forEach(function (q) {
  var s = getComputedStyle(q);
  out.quotes.push({width: px(s.borderLeftWidth), style: s.borderLeftStyle, colour: s.borderLeftColor});
});
document.querySelectorAll('img').forEach(function (i) {
  out.images.push({natural: i.naturalWidth, width: i.getBoundingClientRect().width, right: i.getBoundingClientRect().right});
});
document.querySelectorAll('body *').forEach(function (e) {
  if (visible(e) && e.children.length === 0 && e.textContent.trim() === '#') out.hashes.push(e.outerHTML);
});
out.headingLinks = document.querySelectorAll('h1 a, h2 a, h3 a, h4 a, h5 a, h6 a').length;
out.right = mail.getBoundingClientRect().right;
return out;"""


@pytest.mark.parametrize("kind", ["plain", "linked"])
@pytest.mark.parametrize("width", [MAIL_WIDTH + 100, harness.PHONE[0]])
def test_the_look_comes_from_inline_styles(mails, mail_browser, artifacts, kind, width):
    mail_browser.viewport(width)
    open_loaded(mail_browser, mails[kind])
    mail_browser.screenshot(os.path.join(artifacts, "mail", f"{kind}-{width}.png"))
    # Computed on the copy a client would keep: nothing of the look may depend on class or <style>.
    mail_browser.driver.execute_script("""
        document.querySelectorAll('style').forEach(function (s) { s.remove(); });
        document.querySelectorAll('[class]').forEach(function (e) { e.removeAttribute('class'); });""")
    look = mail_browser.driver.execute_script(LOOK)
    assert look["mailWidth"] <= MAIL_WIDTH
    note_cells = [c for c in look["cells"] if c["text"] in ("单位", "用户数", "集团总部", "120")]
    assert len(note_cells) == 4, look["cells"]
    for cell in look["cells"]:
        assert cell["sides"] >= 1 and cell["padLeft"] >= 6 and cell["padTop"] >= 6, cell
    for cell in note_cells:  # the note's own table: boxed on every side
        assert cell["sides"] == 4, cell
    assert look["pre"] and all(p["background"] not in ("rgba(0, 0, 0, 0)", "transparent") for p in look["pre"]), look["pre"]
    assert all("pre" in p["wrap"] for p in look["pre"])
    assert look["quotes"] and all(q["width"] >= 2 and q["style"] == "solid" for q in look["quotes"]), look["quotes"]
    assert look["hashes"] == [] and look["headingLinks"] == 0
    if kind == "linked":
        [image] = look["images"]
        assert image["natural"] == WIDE_IMAGE[0], "the note's image did not load"
        assert image["width"] <= MAIL_WIDTH and image["right"] <= look["right"], image
    else:
        assert look["images"] == []


def test_every_link_works_from_a_mail(mails, mail_browser):
    strings = harness.ui_strings()["zh"]
    for kind in ["plain", "linked"]:
        open_loaded(mail_browser, mails[kind])
        driver = mail_browser.driver
        hrefs = driver.execute_script("return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
        text = driver.execute_script("return document.body.innerText")
        if kind == "plain":
            assert hrefs == ["https://vendor.example.com/notice/2026-11"]
            assert strings["mail_no_links"] in text
        else:
            site = [h for h in hrefs if not h.startswith("https://vendor.example.com/")]
            assert site and all(h.startswith(mails["base"]) for h in site), hrefs
            assert strings["mail_no_links"] not in text and strings["mail_web_version"] in text
            # Every link to the site leads to a file of the build.
            for href in site:
                assert os.path.isfile(os.path.join(mails["outputs"][kind], href[len(mails["base"]):])), href


LONG_TOKENS = """
## 长内容

作业 `SYNC_SAP_COST_CENTER_MASTER_DATA_FROM_ERP_TO_EXPENSE_CONTROL_PLATFORM_NIGHTLY_JOB` 失败，日志见 https://sap.example.com/sap/bc/gui/sap/its/webgui?~transaction=SM37&jobname=SYNC_SAP_COST_CENTER_MASTER_DATA

| 模块 | Себестоимостьпроизводственногоподразделения | 作业 |
|---|---|---|
| 主数据 | Сопоставлениецентровзатратпредприятия | `SYNC_SAP_COST_CENTER_MASTER_DATA_NIGHTLY_JOB_WITH_A_VERY_LONG_NAME` |

```
2026-11-20 10:00:01 ERROR [SAP-RFC] BAPI_ACC_DOCUMENT_POST failed: company_code=1000 cost_center=SZ-01-0001 document_type=KR END_OF_LOG_LINE
```
"""


@pytest.mark.parametrize("width", [MAIL_WIDTH + 100, harness.PHONE[0]])
def test_long_words_urls_and_code_never_widen_the_mail(mail_browser, tmp_path, width):
    """A long identifier, URL, Russian compound or log line in the note wraps inside the
    mail's 600 px (a table as wide as its longest word would push the whole mail, and
    every figure table with it, off the screen), and nothing of it is lost."""
    site = str(tmp_path / "long")
    shutil.copytree(FIXTURE, site, ignore=shutil.ignore_patterns("expected", "output"))
    note = os.path.join(site, "content", "weekly", "2026-W46.md")
    with open(note, "a", encoding="utf-8") as f:
        f.write(LONG_TOKENS)
    subprocess.run([harness.BINARY, "build", site, "--as-of", AS_OF], check=True, capture_output=True)
    mail_browser.viewport(width)
    mail_browser.driver.get("file://" + os.path.join(site, "output", MAIL))
    widths = mail_browser.driver.execute_script("""
        return {page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth,
                mail: document.querySelector('table').getBoundingClientRect().width};""")
    assert widths["mail"] <= MAIL_WIDTH, widths
    assert widths["page"] <= widths["view"], widths
    text = mail_browser.driver.execute_script("return document.body.innerText;")
    for token in ["SYNC_SAP_COST_CENTER_MASTER_DATA_FROM_ERP_TO_EXPENSE_CONTROL_PLATFORM_NIGHTLY_JOB",
                  "Себестоимостьпроизводственногоподразделения", "END_OF_LOG_LINE"]:
        assert token in re.sub(r"\s+", "", text), token
