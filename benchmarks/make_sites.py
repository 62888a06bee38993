#!/usr/bin/env python3
"""Generates the benchmark sites: the same records as a Dossier site and as Hugo pages.

Usage: make_sites.py SIZE OUT_DIR     SIZE is S (2,000 issues, 500 articles of ~5 KB with
tables, lists, code and cross-references, 52 weekly notes) or L (50,000 issues, 5,000
articles, 260 weekly notes).

Writes OUT_DIR/dossier (a Dossier site), OUT_DIR/hugo (a Hugo site with a minimal layout:
the same articles, weekly notes and one page per issue) and OUT_DIR/all.md (all the
Markdown, for timing raw cmark-gfm). Deterministic: the same size gives the same files.
"""
import os
import random
import sys

SIZES = {"S": (2000, 500, 52), "L": (50000, 5000, 260)}
FOLDERS = ["expense", "approval", "budget", "invoice", "admin", "faq", "interface", "mobile", "travel", "reports"]
CATEGORIES = ["operation", "config", "data", "permission", "bug", "requirement"]
WORDS = ("approval budget invoice travel expense report cost centre voucher posting ledger workflow "
         "delegate manager finance receipt mileage allowance policy limit currency exchange tax vendor").split()


def paragraph(rng, n=60):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def article_body(rng, index, count, wiki):
    """About 5 KB of Markdown with headings, a table, lists, code and references."""
    other = rng.randrange(count)
    issue = rng.randrange(1, 2000) 
    ref = (f"[[{FOLDERS[other % len(FOLDERS)]}/a{other}]]" if wiki else f"[a{other}](../{FOLDERS[other % len(FOLDERS)]}/a{other}.md)")
    issue_ref = f"[[B-{issue}]]" if wiki else f"B-{issue}"
    parts = [f"# Article {index}", "", paragraph(rng), ""]
    for section in range(5):
        parts += [f"## Section {section} of article {index}", "", paragraph(rng, 90), "",
                  "| Step | Owner | Time |", "|---|---|---|"]
        parts += [f"| {rng.choice(WORDS)} | {rng.choice(WORDS)} | {rng.randrange(1, 9)}h |" for _ in range(4)]
        parts += ["", "- " + paragraph(rng, 12), "- " + paragraph(rng, 12), f"- see {ref} and {issue_ref}", "",
                  "```", f"config.{rng.choice(WORDS)} = {rng.randrange(100)}", "```", ""]
    return "\n".join(parts) + "\n"


def main():
    size, out = sys.argv[1], sys.argv[2]
    issues, articles, weeks = SIZES[size]
    rng = random.Random(42)
    dossier, hugo = os.path.join(out, "dossier", "content"), os.path.join(out, "hugo")
    for folder in FOLDERS:
        os.makedirs(os.path.join(dossier, "handbook", folder), exist_ok=True)
        os.makedirs(os.path.join(hugo, "content", "handbook", folder), exist_ok=True)
    os.makedirs(os.path.join(dossier, "weekly"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content", "weekly"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "content", "issues"), exist_ok=True)
    os.makedirs(os.path.join(hugo, "layouts", "_default"), exist_ok=True)
    all_md = []

    with open(os.path.join(dossier, "project.yml"), "w") as f:
        f.write(f"name: Benchmark {size}\ntimezone: Europe/Berlin\nstart: 2020-01-06\n")

    # Issues: 2020-01-06 onwards, a few each day.
    with open(os.path.join(dossier, "issues.csv"), "w") as f:
        f.write("id,title,status,opened,resolved,tier,category,priority,owner,description\n")
        for i in range(1, issues + 1):
            day = i * (weeks * 7) // issues
            opened = f"2020-01-06 09:00"
            y, d = 2020 + day // 364, day % 364
            opened = f"{y}-{(d // 28) % 12 + 1:02d}-{d % 28 + 1:02d} {rng.randrange(8, 18):02d}:{rng.randrange(60):02d}"
            status = rng.choice(["open", "in-progress", "resolved", "closed", "closed", "closed", "rejected"])
            resolved = opened[:11] + "18:30" if status in ("resolved", "closed", "rejected") else ""
            description = f"Steps:\n\n1. {paragraph(rng, 8)}\n2. {paragraph(rng, 8)}\n\nSee [[{FOLDERS[i % len(FOLDERS)]}/a{i % articles}]]."
            f.write(f'B-{i},Issue {i} {rng.choice(WORDS)},{status},{opened},{resolved},{rng.randrange(1, 4)},'
                    f'{rng.choice(CATEGORIES)},normal,owner{i % 30},"{description}"\n')
            page = description.replace(f"[[{FOLDERS[i % len(FOLDERS)]}/a{i % articles}]]", f"a{i % articles}")
            with open(os.path.join(hugo, "content", "issues", f"B-{i}.md"), "w") as p:
                p.write(f'---\ntitle: "Issue {i}"\n---\n\n{page}\n')
            all_md.append(page)

    for a in range(articles):
        folder = FOLDERS[a % len(FOLDERS)]
        body = article_body(rng, a, articles, wiki=True)
        with open(os.path.join(dossier, "handbook", folder, f"a{a}.md"), "w") as f:
            f.write(f"---\ntitle: Article {a}\ntags: [{rng.choice(WORDS)}]\nweight: {a % 7}\n---\n\n{body}")
        hugo_body = article_body(random.Random(a), a, articles, wiki=False)
        with open(os.path.join(hugo, "content", "handbook", folder, f"a{a}.md"), "w") as f:
            f.write(f'---\ntitle: "Article {a}"\n---\n\n{hugo_body}')
        all_md.append(body)

    for w in range(weeks):
        year, week = 2020 + w // 52, w % 52 + 1
        name = f"{year}-W{week:02d}"
        body = f"## Done\n\n- {paragraph(rng, 20)}\n- closed [[B-{w * 3 + 1}]]\n\n## Next week\n\n- {paragraph(rng, 20)}\n"
        with open(os.path.join(dossier, "weekly", f"{name}.md"), "w") as f:
            f.write(f"---\nstatus: {rng.choice(['green', 'amber', 'red'])}\ncompletion: {rng.randrange(40, 100)}\n"
                    f"summary: {paragraph(rng, 10)}\n---\n\n{body}")
        with open(os.path.join(hugo, "content", "weekly", f"{name}.md"), "w") as f:
            f.write(f'---\ntitle: "{name}"\n---\n\n{body.replace("[[", "").replace("]]", "")}')
        all_md.append(body)

    with open(os.path.join(hugo, "hugo.toml"), "w") as f:
        f.write('baseURL = "/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
                '[markup.goldmark.renderer]\nunsafe = false\n')
    minimal = "<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body>{{ block \"main\" . }}{{ end }}</body></html>"
    with open(os.path.join(hugo, "layouts", "_default", "baseof.html"), "w") as f:
        f.write(minimal)
    with open(os.path.join(hugo, "layouts", "_default", "single.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}')
    with open(os.path.join(hugo, "layouts", "_default", "list.html"), "w") as f:
        f.write('{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}')
    with open(os.path.join(out, "all.md"), "w") as f:
        f.write("\n\n".join(all_md))


if __name__ == "__main__":
    main()
