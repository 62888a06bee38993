"""The browser's stemmers against the Snowball project's own, in headless Chromium.

Tests/DossierTests/Fixtures/snowball/<language>.tsv holds `word<TAB>stem` lines that
scripts/snowball-oracle made with PyPI's snowballstemmer; the Swift stemmers are checked
against them by SnowballTests. Here the files are checked against snowballstemmer again (so
nobody edits a stem by hand to make a test pass), and templates/assets/snowball.js, loaded
into a blank page, must give every stem of them.
"""
import os
import unittest

import snowballstemmer

import harness

FOLDER = os.path.join(harness.REPO, "Tests", "DossierTests", "Fixtures", "snowball")
SCRIPT = os.path.join(harness.REPO, "templates", "assets", "snowball.js")
LANGUAGES = ["english", "russian"]

# Stems every line in one call and gives the lines that differ, as [word, expected, got].
CHECK = """
var language = arguments[0], lines = arguments[1], wrong = [];
for (var i = 0; i < lines.length; i++) {
  var got = window.dossierSnowball[language](lines[i][0]);
  if (got !== lines[i][1]) wrong.push([lines[i][0], lines[i][1], got]);
}
return wrong;
"""


def oracle(language):
    """The [word, stem] lines of the language's file."""
    with open(os.path.join(FOLDER, language + ".tsv"), encoding="utf-8") as file:
        return [line.rstrip("\n").split("\t") for line in file]


class SnowballTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.driver = harness.new_driver()
        cls.driver.get("about:blank")
        with open(SCRIPT, encoding="utf-8") as file:
            cls.driver.execute_script(file.read())

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def test_files_are_snowballs_stems(self):
        for language in LANGUAGES:
            lines = oracle(language)
            self.assertGreater(len(lines), 5000, language)
            words = [word for word, _ in lines]
            self.assertEqual(words, sorted(set(words)), f"{language}.tsv is sorted and has each word once")
            stemmer = snowballstemmer.stemmer(language)
            wrong = [(word, stem) for word, stem in lines if stemmer.stemWord(word) != stem]
            self.assertEqual(wrong, [], f"{language}.tsv: run scripts/snowball-oracle")

    def test_script_gives_every_stem(self):
        for language in LANGUAGES:
            wrong = self.driver.execute_script(CHECK, language, oracle(language))
            self.assertEqual(wrong, [], f"snowball.js {language}: [word, Snowball's stem, the script's]")

    def test_script_keeps_what_it_does_not_stem(self):
        stems = self.driver.execute_script(
            "var s = window.dossierSnowball;"
            "return [s.english(''), s.english('by'), s.english('2026'), s.russian(''), s.russian('sla')];")
        self.assertEqual(stems, ["", "by", "2026", "", "sla"])


if __name__ == "__main__":
    unittest.main()
