import DossierUtilities
import Foundation
import Testing

/// The digest is kept in files (the output's marker, the page cache): its values are
/// fixed. `value` is the published FNV-1a 64 of the bytes.
@Suite struct DigestTests {
    func digest(_ text: String) -> Digest {
        var digest = Digest()
        digest.update(text)
        return digest
    }

    @Test func knownValues() {
        #expect(Digest().value == 0xcbf2_9ce4_8422_2325)
        #expect(Digest().second == 0x6c62_272e_07bb_0142)
        #expect(digest("a").value == 0xaf63_dc4c_8601_ec8c)
        #expect(digest("a").second == 0x6a5d_e16e_e802_0bdf)
        #expect(digest("foobar").value == 0x8594_4171_f739_67e8)
        #expect(digest("foobar").second == 0x9831_ea36_4a14_33d1)
        #expect(digest("foobar").hex == "85944171f73967e8")
        // UTF-8 bytes, whatever the script.
        #expect(digest("согласование 中文 🎉").value == 0xe625_fdda_ab8b_879b)
        #expect(digest("согласование 中文 🎉").second == 0x8fdc_8ae5_63a1_7012)
    }

    @Test func piecesAndWholeAgree() {
        var pieces = Digest()
        pieces.update("foo")
        pieces.update(Data("bar".utf8))
        #expect(pieces == digest("foobar"))
        #expect(digest("ab") != digest("ba"))
    }
}
