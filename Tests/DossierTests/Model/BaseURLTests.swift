import DossierModel
import Testing

/// project.yml's `base_url`: what is an absolute http(s) URL (RFC 3986 §3), and the URI
/// written for it and for the pages under it (RFC 3987 §3.1).
@Suite struct BaseURLTests {
    @Test(arguments: [
        ("https://example.com/erp", "https://example.com/erp/"),
        ("https://example.com/erp/", "https://example.com/erp/"),
        ("https://example.com", "https://example.com/"),
        ("HTTP://Example.COM:8080/ERP", "http://example.com:8080/ERP/"),
        ("  https://example.com/erp  ", "https://example.com/erp/"),
        ("https://example.com/项目 A", "https://example.com/%E9%A1%B9%E7%9B%AE%20A/"),
        ("https://example.com/%E9%A1%B9%E7%9B%AE/", "https://example.com/%E9%A1%B9%E7%9B%AE/"),
        ("https://example.com/%e9%a1%b9", "https://example.com/%E9%A1%B9/"),
        ("https://example.com/100%", "https://example.com/100%25/"),
        ("https://example.com/a\"b<c>", "https://example.com/a%22b%3Cc%3E/"),
        ("https://example.com/вход/~me;v=1", "https://example.com/%D0%B2%D1%85%D0%BE%D0%B4/~me;v=1/"),
        ("https://例子.测试/erp", "https://%E4%BE%8B%E5%AD%90.%E6%B5%8B%E8%AF%95/erp/"),
        ("https://intranet.local:443/", "https://intranet.local:443/"),
        ("http://[::1]:8000/site", "http://[::1]:8000/site/"),
        ("http://localhost/", "http://localhost/"),
    ])
    func readsAndEncodes(_ written: String, _ uri: String) throws {
        let url = try BaseURL.parse(written).get()
        #expect(url.uri == uri)
        #expect(url.uri.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " })
    }

    @Test(arguments: [
        ("example.com/erp", BaseURL.Problem.noScheme, "https://example.com/erp/" as String?),
        ("/erp/", .noScheme, nil),
        ("//example.com/erp", .noScheme, "https://example.com/erp/"),
        ("www.example.com", .noScheme, "https://www.example.com/"),
        ("http:/example.com/erp", .noScheme, "https://example.com/erp/"),
        ("ftp://example.com/erp", .scheme("ftp"), "https://example.com/erp/"),
        ("file:///srv/erp", .scheme("file"), nil),
        ("https:///erp", .noHost, nil),
        ("https://:8080/erp", .noHost, nil),
        ("https://exa mple.com/", .badAuthority("exa mple.com"), nil),
        ("https://example.com:80a/", .badAuthority("example.com:80a"), nil),
        ("https://[::1/", .badAuthority("[::1"), nil),
        ("https://example.com/erp?lang=zh", .queryOrFragment, "https://example.com/erp/"),
        ("https://example.com/erp#top", .queryOrFragment, "https://example.com/erp/"),
        ("", .noScheme, nil),
        ("https://user:pw@example.com/erp/", .credentials, nil),
        ("https://example.com:99999/erp/", .port("99999"), nil),
        ("https://example.com/erp/index.html", .pagePath("index.html"), nil),
    ])
    func refusesWithAProblemAndACorrection(_ written: String, _ problem: BaseURL.Problem, _ corrected: String?) {
        #expect(throws: problem) { try BaseURL.parse(written).get() }
        #expect(BaseURL.suggestion(for: written) == corrected)
    }

    @Test func pagesUnderItAreURIs() throws {
        let base = try BaseURL.parse("https://example.com/项目").get()
        #expect(
            base.address(of: "handbook/付款/über uns.html")
                == "https://example.com/%E9%A1%B9%E7%9B%AE/handbook/%E4%BB%98%E6%AC%BE/%C3%BCber%20uns.html")
        #expect(base.address(of: "issues/A#1.html") == "https://example.com/%E9%A1%B9%E7%9B%AE/issues/A%231.html")
        #expect(
            base.address(of: "handbook/a.html", fragment: "вход-в-систему")
                == "https://example.com/%E9%A1%B9%E7%9B%AE/handbook/a.html#%D0%B2%D1%85%D0%BE%D0%B4-%D0%B2-%D1%81%D0%B8%D1%81%D1%82%D0%B5%D0%BC%D1%83"
        )
        #expect(
            LinkTarget.site(path: "issues/付款.html", fragment: nil).href(under: base)
                == "https://example.com/%E9%A1%B9%E7%9B%AE/issues/%E4%BB%98%E6%AC%BE.html")
        #expect(LinkTarget.external("https://other.example/x").href(under: base) == "https://other.example/x")
    }
}
