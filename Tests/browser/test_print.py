"""The weekly report and an article printed to PDF by headless Chromium, as a PM prints them:
A4 pages, no navigation or controls, tables whole. The PDFs, and PNGs of their pages made
with pdftoppm, go to the artifacts folder's `print/`."""
import os
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

import harness

PRINTED = [("zh", "weekly"), ("zh", "article"), ("en", "weekly"), ("ru", "article")]

# A4 at 96 CSS px per inch, less the @page margins of dossier.css (12 mm each side).
A4_CONTENT_WIDTH = round((210 - 2 * 12) / 25.4 * 96)


def print_to_pdf(url, pdf):
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    "--print-to-pdf=" + pdf, url], check=True, capture_output=True, timeout=120)


@pytest.mark.parametrize("language,name", PRINTED, ids=[f"{l}-{n}" for l, n in PRINTED])
def test_prints_on_a4_without_navigation(outputs, artifacts, language, name):
    folder = os.path.join(artifacts, "print")
    os.makedirs(folder, exist_ok=True)
    pdf = os.path.join(folder, f"{language}-{name}.pdf")
    print_to_pdf("file://" + os.path.join(outputs[language], harness.PAGE_PATHS[name]), pdf)

    info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
    assert re.search(r"Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)", info), info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 1 <= pages <= 6

    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    strings = harness.ui_strings()[language]
    for key in ["skip_to_content", "search_placeholder", "filter_reset", "all_articles", "email_version"]:
        assert strings[key] not in text, f"{strings[key]!r} ({key}) is printed"
    nav = " ".join(strings[k] for k in ["nav_dashboard", "nav_issues", "nav_weekly"])
    assert nav not in re.sub(r"\s+", " ", text), "the navigation is printed"
    h1 = strings["weekly_report"] if name == "weekly" else ""
    assert h1 in text

    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(folder, f"{language}-{name}")], check=True)


@pytest.mark.parametrize("name", ["weekly", "article", "issue", "dashboard"])
def test_print_layout_keeps_tables_within_the_page_width(page, name):
    """In print media at the A4 text width, no table runs past the right edge and the
    navigation, search and filters are gone."""
    driver = page.driver
    page.open("zh", harness.PAGE_PATHS[name])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        page.viewport(A4_CONTENT_WIDTH)
        for hidden in [".site-nav", ".site-search", ".skip-link", ".filters", ".pager"]:
            for element in driver.find_elements(By.CSS_SELECTOR, hidden):
                assert not element.is_displayed(), hidden
        overflowing = driver.execute_script("""
            var w = document.documentElement.clientWidth;
            return Array.prototype.filter.call(document.querySelectorAll('table'), function (t) {
              return t.getBoundingClientRect().right > w + 1;
            }).map(function (t) { return t.className + ' ' + Math.round(t.getBoundingClientRect().right); });""")
        assert overflowing == []
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


# An article whose table has eleven columns of long Russian words, a long URL and a code,
# and one in Chinese: the widths that cut the last columns off an A4 page.
WIDE_ARTICLES = {
    "wide/matrix-ru.md": """---
title: Матрица полномочий
---

## Матрица

| Роль | Авансовый отчёт | Командировка | Подотчётные суммы | Бюджетирование | Согласование | Себестоимость | Номенклатура | Регламентные операции | Сверка счетов-фактур | Отчётность |
|---|---|---|---|---|---|---|---|---|---|---|
| Ключевой пользователь | Создание | Создание | Создание | Просмотр | Просмотр | Просмотр | Нет | Нет | Загрузка | Подразделение |
| Внутренний консультант | Настройка | Настройка | Настройка | Настройка | Настройка | Сопровождение | Мониторинг | Закрытие месяца | Проверка | Предприятие |
| Консультант поставщика | Исправление | Исправление | Исправление | Исправление | Исправление | Нет | Сопоставление | Поддержка | Распознавание | [портал](https://support.vendor.example.com/knowledge-base/articles/2026/expense-control/escalation-matrix) |
""",
    "wide/matrix-zh.md": """---
title: 权限矩阵
---

## 矩阵

| 角色 | 报销单 | 差旅申请 | 借款单 | 预算控制 | 审批流配置 | 成本中心主数据 | SAP 凭证接口 | 月结 | 发票查验 | 报表 |
|---|---|---|---|---|---|---|---|---|---|---|
| 关键用户 | 创建、提交 | 创建、提交 | 创建、提交 | 查看 | 查看 | 查看 | 无 | 无 | 上传 | 本单位 |
| 内部顾问 | 配置 | 配置 | 配置 | 配置阈值 | 配置节点 | 维护 | 监控 `ZFI_VOUCHER_POST_INTERFACE_MONITOR` | 执行检查表 | 查验 | 集团 |
| 厂商顾问 | 修复缺陷 | 修复缺陷 | 修复缺陷 | 修复缺陷 | 修复缺陷 | 无 | 修复映射 | 支持 | 优化 OCR 模型 | 无 |
""",
}


@pytest.fixture(scope="module")
def wide_site():
    """The sample (in Chinese) with the two wide articles; yields its output folder."""
    root = tempfile.mkdtemp(prefix="dossier-wide-")
    try:
        shutil.copytree(harness.SAMPLE, os.path.join(root, "content"))
        for path, text in WIDE_ARTICLES.items():
            target = os.path.join(root, "content", "handbook", path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
        subprocess.run([harness.BINARY, "build", root, "--as-of", harness.AS_OF], check=True, capture_output=True)
        yield os.path.join(root, "output")
    finally:
        shutil.rmtree(root, ignore_errors=True)


LOG_LINE = ("2026-11-20 10:00:01 ERROR [SAP-RFC] BAPI_ACC_DOCUMENT_POST failed: company_code=1000 "
            "cost_center=SZ-01-0001 document_type=KR reference=FK-072-REVERSAL-VOUCHER END_OF_LOG_LINE")


def test_printed_code_wraps_rather_than_being_cut(page, outputs, artifacts, tmp_path):
    """A log line wider than the page, in a code block, is printed whole: it wraps."""
    site = str(tmp_path / "code")
    shutil.copytree(harness.SAMPLE, os.path.join(site, "content"))
    with open(os.path.join(site, "content", "handbook", "admin", "log.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: 接口日志\n---\n\n## 日志\n\n```\n" + LOG_LINE + "\n```\n")
    subprocess.run([harness.BINARY, "build", site, "--as-of", harness.AS_OF], check=True, capture_output=True)
    pdf = os.path.join(artifacts, "print", "code.pdf")
    os.makedirs(os.path.dirname(pdf), exist_ok=True)
    print_to_pdf("file://" + os.path.join(site, "output", "handbook", "admin", "log.html"), pdf)
    printed = squeezed(subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True,
                                      text=True).stdout)
    assert squeezed(LOG_LINE) in printed


def widest_sample_article():
    """The sample's handbook article with the most table columns, as a page path."""
    best, columns = None, 0
    for folder, _, files in os.walk(os.path.join(harness.SAMPLE, "handbook")):
        for name in files:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                widths = [line.strip().strip("|").count("|") + 1 for line in f if line.lstrip().startswith("|")]
            if widths and max(widths) > columns:
                path = os.path.relpath(os.path.join(folder, name), os.path.join(harness.SAMPLE))
                best, columns = path[:-3] + ".html", max(widths)
    return best


# Each table's rows as printed: cell texts without what only a screen reader hears.
CELL_TEXTS = """
return Array.prototype.map.call(document.querySelectorAll('main table'), function (table) {
  return Array.prototype.map.call(table.rows, function (row) {
    return Array.prototype.map.call(row.cells, function (cell) {
      var copy = cell.cloneNode(true);
      copy.querySelectorAll('.visually-hidden').forEach(function (e) { e.remove(); });
      return copy.textContent;
    });
  });
});"""


def squeezed(text):
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("which,path", [
    ("wide", "handbook/wide/matrix-ru.html"), ("wide", "handbook/wide/matrix-zh.html"),
    ("wide", "issues/index.html"), ("en", "issues/index.html"), ("ru", "issues/index.html"),
    ("zh", "sample-widest"), ("zh", "weekly/2026-W47.html"), ("ru", "index.html"),
])
def test_printed_tables_keep_every_cell(page, outputs, wide_site, artifacts, which, path):
    """Printed by Chromium to PDF, every cell of every table — header cells first among
    them — is read back from the PDF's text in order: no column is cut at the page edge
    and no word is cut short ("Breach" for "Breached")."""
    if path == "sample-widest":
        path = widest_sample_article()
    output = wide_site if which == "wide" else outputs[which]
    url = "file://" + os.path.join(output, path)
    page.driver.get(url)
    tables = page.driver.execute_script(CELL_TEXTS)
    assert tables, f"{path} has no table"
    folder = os.path.join(artifacts, "print")
    os.makedirs(folder, exist_ok=True)
    pdf = os.path.join(folder, "tables-%s-%s.pdf" % (which, re.sub(r"\W+", "-", path)))
    print_to_pdf(url, pdf)
    printed = squeezed(subprocess.run(["pdftotext", "-raw", pdf, "-"], check=True, capture_output=True,
                                      text=True).stdout)
    at = 0
    for table in tables:
        for row in table:
            for cell in row:
                cell = squeezed(cell)
                if not cell:
                    continue
                found = printed.find(cell, at)
                assert found >= 0, f"{path}: the cell {cell!r} is not in the PDF after offset {at}"
                at = found + len(cell)
    if max(len(row) for table in tables for row in table) >= 8:
        sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", pdf], check=True, capture_output=True,
                               text=True).stdout
        assert re.search(r"size:\s+84[12]\.\d+ x 59[45]\.\d+ pts", sizes), "a wide table gets a landscape page"
