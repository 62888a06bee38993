"""`dossier serve` in headless Chromium: an open page reloads by itself after a save,
shows the diagnostics while the records are broken, and the site again once fixed.

Uses the debug `dossier` binary (scripts/test builds it) on a copy of
Tests/DossierTests/Fixtures/valid.
"""
import os
import shutil
import subprocess
import tempfile
import time
import unittest

import harness

FIXTURE = os.path.join(harness.REPO, "Tests", "DossierTests", "Fixtures", "valid")


class ServeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="dossier-serve-")
        cls.site = os.path.join(cls.tmp, "site")
        shutil.copytree(FIXTURE, cls.site)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1773306000")
        cls.server = subprocess.Popen(
            [harness.BINARY, "serve", cls.site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
        line = cls.server.stdout.readline()
        cls.url = line.split()[1]
        cls.driver = harness.new_driver()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.server.terminate()
        cls.server.wait()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def wait_for(self, predicate, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            if predicate():
                return True
            time.sleep(0.1)
        return False

    def reloaded(self):
        """True once the page was loaded anew (the marker set on the old one is gone)."""
        return self.driver.execute_script("return window.dossierTestMarker === undefined && document.readyState === 'complete'")

    def edit(self, relative, change):
        path = os.path.join(self.site, relative)
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(change(text))
        return text

    def test_an_open_page_follows_the_records(self):
        self.driver.get(self.url + "handbook/setup/login.html")
        self.assertNotIn("Saved while the page was open.", self.driver.page_source)

        self.driver.execute_script("window.dossierTestMarker = 1")
        self.edit("content/handbook/setup/login.md", lambda text: text + "\nSaved while the page was open.\n")
        self.assertTrue(self.wait_for(self.reloaded), "the page did not reload after the save")
        self.assertTrue(self.wait_for(lambda: "Saved while the page was open." in self.driver.page_source))

        # Broken records: the open page turns into the diagnostics, with the place.
        self.driver.execute_script("window.dossierTestMarker = 1")
        good = self.edit("content/issues.csv", lambda text: text.replace(",In Progress,", ",Doing,", 1))
        self.assertTrue(self.wait_for(lambda: "content/issues.csv:7:34" in self.driver.page_source))
        self.assertIn("The records have errors", self.driver.title)

        # Fixed: the page comes back by itself.
        self.edit("content/issues.csv", lambda text: good)
        self.assertTrue(self.wait_for(lambda: "Saved while the page was open." in self.driver.page_source))
        errors = [entry for entry in self.driver.get_log("browser") if entry["level"] == "SEVERE"
                  and "favicon" not in entry["message"] and "500" not in entry["message"]]
        self.assertEqual(errors, [])


if __name__ == "__main__":
    unittest.main()
