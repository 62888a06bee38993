import DossierModel
import Testing

/// A link's `href`: a path's space, `#`, `?`, `%` and `"` percent-encoded, a fragment's
/// space, `#`, `%` and `"`; letters of every script and everything else as written.
@Suite struct LinkTargetTests {
    @Test(arguments: [
        ("handbook/expense/budget-check.html", "handbook/expense/budget-check.html"),
        ("handbook/faq/что-делать?.html", "handbook/faq/что-делать%3F.html"),
        ("handbook/a b#c%d\"e.html", "handbook/a%20b%23c%25d%22e.html"),
        ("handbook/报销/差旅.html", "handbook/报销/差旅.html"),
        ("", ""),
    ])
    func aPathIsEncodedOnlyWhereItMustBe(path: String, encoded: String) {
        #expect(LinkTarget.percentEncodePath(path) == encoded)
    }

    @Test(arguments: [
        ("budget-check", "budget-check"),
        ("步骤-1", "步骤-1"),
        ("why?", "why?"),
        ("50% off", "50%25%20off"),
        ("a\"b#c", "a%22b%23c"),
    ])
    func aFragmentIsEncodedOnlyWhereItMustBe(fragment: String, encoded: String) {
        #expect(LinkTarget.percentEncodeFragment(fragment) == encoded)
    }

    @Test func anHrefJoinsTheRootThePathAndTheFragment() {
        #expect(LinkTarget.site(path: "a b.html", fragment: "c d").href(fromRoot: "../") == "../a%20b.html#c%20d")
        #expect(LinkTarget.site(path: "issues/FK-001.html", fragment: nil).href(fromRoot: "../../") == "../../issues/FK-001.html")
        #expect(LinkTarget.fragment("top").href(fromRoot: "../") == "#top")
    }
}
