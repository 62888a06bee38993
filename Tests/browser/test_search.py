"""Search and keyboard use of a built site in headless Chromium, opened from file://.

Builds Tests/DossierTests/Fixtures/search with the debug `dossier` binary (run
`swift build` first; scripts/test does) and drives Debian's chromium through
chromium-driver with Selenium.
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

os.environ.setdefault("SE_OFFLINE", "true")
from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(REPO, ".build", "debug", "dossier")
FIXTURE = os.path.join(REPO, "Tests", "DossierTests", "Fixtures", "search")


class SearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dossier-search-")
        site = os.path.join(cls.tmp, "site")
        shutil.copytree(FIXTURE, site)
        subprocess.run([BINARY, "build", site, "--as-of", "2026-03-12"], check=True, capture_output=True)
        cls.output = os.path.join(site, "output")
        options = Options()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(options=options)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open(self, page):
        self.driver.get("file://" + os.path.join(self.output, page))

    def results(self, query):
        """The result links' texts and targets for ?q=query, once they are shown."""
        self.open("search.html?q=" + query)
        deadline = time.time() + 5
        while time.time() < deadline:
            links = self.driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")
            status = self.driver.find_element(By.ID, "search-status").text
            if links or "No " in status:
                return [(a.text, a.get_attribute("href").split("/output/")[1]) for a in links]
            time.sleep(0.05)
        return []

    def assert_first(self, query, page):
        found = self.results(query)
        self.assertTrue(found, f"{query!r} found nothing")
        self.assertTrue(found[0][1].startswith(page), f"{query!r} first found {found[0]}, not {page}")

    def test_two_chinese_characters(self):
        self.assert_first("离职", "handbook/zh/approver.html")

    def test_part_of_a_chinese_title(self):
        self.assert_first("审批人离职", "handbook/zh/approver.html")

    def test_a_russian_word_in_another_form(self):
        # The article says "согласование" and "согласования"; the query asks "согласованию".
        self.assert_first("согласованию", "handbook/ru/approval.html")
        # ё and е are one letter for search; the issue title has "Отчёт".
        self.assertIn("issues/SR-9.html", [href for _, href in self.results("отчет")])

    def test_an_english_word(self):
        self.assert_first("password", "handbook/en/password.html")

    def test_an_issue_id(self):
        self.assert_first("SR-7", "issues/SR-7.html")

    def marks(self, query):
        """The marked words of the first result, its title's and its snippet's."""
        self.results(query)
        item = self.driver.find_element(By.CSS_SELECTOR, "#search-results li")
        return [m.text for m in item.find_elements(By.TAG_NAME, "mark")]

    def test_a_question_finds_the_page_that_answers_most_of_it(self):
        # Not every character pair of a question occurs on the page that answers it.
        self.assert_first("审批人离职了怎么办", "handbook/zh/approver.html")
        self.assert_first("收不到验证码怎么办", "handbook/zh/sms-code.html")
        self.assert_first("附件大小限制", "handbook/zh/attachment.html")
        # "住宿超标" is not in "住宿费超标无法提交" as a whole, but both its ends are.
        self.assert_first("住宿超标", "issues/SR-10.html")

    def test_an_id_however_it_is_written(self):
        for query in ["FK-012", "FK012", "fk 12", "fk_12", "FK-12"]:
            self.assert_first(query, "issues/FK-012.html")
            self.assertEqual(self.marks(query)[0], "FK-012", query)

    def test_russian_word_forms_by_their_snowball_stem(self):
        # обновить and обновление share no stem; the prefix "обнов" of the typed stem meets it.
        self.assert_first("обновить конфигурацию", "handbook/ru/update.html")
        # The instrumental -ью forms ("себестоимостью", "ведомостью").
        self.assert_first("себестоимостью", "handbook/ru/cost.html")
        self.assert_first("ведомостью", "handbook/ru/cost.html")
        self.assertIn("себестоимости", self.marks("себестоимостью"))

    def test_yo_is_ye_in_the_title_boost_and_the_highlights(self):
        self.assert_first("отчет не согласуется руководителем", "issues/SR-9.html")
        # Every marked word is a form of отчёт, written with ё, whichever page comes first.
        marks = self.marks("отчет")
        self.assertTrue(marks)
        self.assertTrue(all(m.lower().replace("ё", "е").startswith("отчет") for m in marks), marks)
        self.assertTrue(any("ё" in m for m in marks), marks)

    def test_highlights_mark_whole_words(self):
        # The stem of "заявка" is "заявк"; the mark still covers the word as written.
        marked = self.marks("заявка")
        self.assertIn("Заявки", marked)
        self.assertNotIn("Заявк", marked)

    def test_english_word_forms_typos_and_prefixes_of_every_word(self):
        self.assert_first("reimbursed", "handbook/en/reimbursement.html")
        self.assertEqual(self.marks("reimbursed")[0], "Reimbursement")
        self.assert_first("reconcilation", "handbook/en/reconciliation.html")
        self.assert_first("reset pass", "handbook/en/password.html")

    def test_issue_fields_are_searched(self):
        self.assert_first("王芳", "issues/SR-10.html")
        self.assert_first("差旅", "issues/SR-10.html")
        self.assert_first("Ivan Petrov", "issues/FK-012.html")

    def test_filters_by_kind_and_status_from_the_address(self):
        articles = self.results("打印&kind=article")
        self.assertEqual(articles, [])
        issues = self.results("打印&kind=issue")
        self.assertTrue(issues)
        self.assertTrue(all(href.startswith("issues/") for _, href in issues), issues)
        self.assertEqual(self.driver.find_element(By.ID, "search-kind").get_attribute("value"), "issue")
        self.assertEqual([href for _, href in self.results("night&status=resolved")], ["issues/FK-012.html"])
        self.assertEqual(self.results("night&status=open"), [])

    def test_ten_results_then_more_on_request(self):
        shown = self.results("打印")
        self.assertEqual(len(shown), 10)
        more = self.driver.find_element(By.ID, "search-more")
        self.assertTrue(more.is_displayed())
        more.click()
        deadline = time.time() + 5
        while time.time() < deadline and len(self.driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")) < 12:
            time.sleep(0.05)
        links = [a.get_attribute("href") for a in self.driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
        self.assertEqual(len(links), 12)
        self.assertEqual(len(set(links)), 12)
        self.assertFalse(more.is_displayed())

    def test_a_heading_that_names_the_question_is_the_section_linked(self):
        # The FAQ's body says 找不到 in another section; its heading 手机收不到验证码
        # names the question, so the result goes there.
        found = dict((href.split("#")[0], href) for _, href in self.results("收不到验证码怎么办"))
        self.assertIn("handbook/zh/faq.html", found, found)
        self.assertTrue(found["handbook/zh/faq.html"].endswith("#手机收不到验证码")
                        or found["handbook/zh/faq.html"].endswith("#%E6%89%8B%E6%9C%BA%E6%94%B6%E4%B8%8D%E5%88%B0%E9%AA%8C%E8%AF%81%E7%A0%81"),
                        found["handbook/zh/faq.html"])

    def test_a_status_filters_only_issues(self):
        # Articles have no status: with kind=article a status filters nothing.
        self.assertEqual([href.split("#")[0] for _, href in self.results("验证码&kind=article&status=open")][:2],
                         [href.split("#")[0] for _, href in self.results("验证码&kind=article")][:2])
        self.assertTrue(self.results("验证码&kind=article&status=open"))

    def test_snippet_marks_the_match_and_links_the_section(self):
        self.results("заместителя")
        item = self.driver.find_element(By.CSS_SELECTOR, "#search-results li")
        # The stem is marked: "заместител" of "заместителя".
        marked = item.find_element(By.TAG_NAME, "mark").text.lower()
        self.assertTrue(len(marked) >= 5 and "заместителя".startswith(marked), marked)
        href = item.find_element(By.TAG_NAME, "a").get_attribute("href")
        self.assertIn("#", href)  # the section's anchor

    def test_nothing_found_says_so(self):
        self.assertEqual(self.results("qqqzzz"), [])
        self.assertTrue(self.driver.find_element(By.ID, "search-status").text)

    def test_slash_focuses_search_and_arrows_move_through_results(self):
        self.open("handbook/index.html")
        self.driver.find_element(By.TAG_NAME, "body").send_keys("/")
        active = self.driver.switch_to.active_element
        self.assertEqual(active.get_attribute("name"), "q")
        self.results("password")
        box = self.driver.find_element(By.ID, "search-input")
        box.send_keys(Keys.ARROW_DOWN)
        first = self.driver.find_elements(By.CSS_SELECTOR, "#search-results a")[0]
        self.assertEqual(self.driver.switch_to.active_element, first)

    def test_no_console_errors(self):
        for page in ["index.html", "search.html?q=审批", "handbook/index.html", "issues/index.html"]:
            self.open(page)
        errors = [e for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
