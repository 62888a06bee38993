import Foundation
import Testing

@testable import DossierRecords

/// The hint for a file that is not UTF-8 names the encoding real text in it reads right
/// in, and never one that would misread it. The bytes are real words written by iconv
/// (`TextEncoder`), checked against Python's codecs for one word of each encoding.
@Suite struct EncodingGuessTests {
    func bytes(_ text: String, _ encoding: TextEncoding) throws -> Data {
        try #require(TextEncoder.encode(text, as: encoding))
    }

    /// A three-row issue list as Excel in that language writes it.
    static let russian = """
        id;Тема;Статус;Создано
        RU-1;Ошибка входа в систему;Новая;04.11.2026 10:00
        RU-2;Не печатается счёт-фактура;В работе;05.11.2026 09:30
        RU-3;Неверный остаток на складе;Новая;06.11.2026 14:00

        """
    static let simplified = """
        编号,标题,状态,提出日期
        ZH-1,登录失败，无法打开报表,新建,2026/11/04 10:00
        ZH-2,采购订单审批流程卡住,处理中,2026/11/05 09:30

        """
    static let traditional = """
        編號,標題,狀態,提出日期
        TW-1,登錄失敗，無法打開報表,新建,2026/11/04 10:00
        TW-2,採購訂單審批流程卡住,處理中,2026/11/05 09:30

        """
    static let japanese = """
        番号,件名,状態,起票日
        JP-1,ログインできません。,新規,2026/11/04 10:00
        JP-2,請求書の印刷が失敗する,対応中,2026/11/05 09:30

        """
    static let french = "id,title,status,opened\nFR-1,Le menu français ne s'affiche pas,open,2026-11-04 10:00\nFR-2,Clé de licence refusée,open,2026-11-05 09:30\n"
    static let german = "id,title,status,opened\nDE-1,Größe der Übersicht für Müller,open,2026-11-04 10:00\n"
    static let spanish = "id,title,status,opened\nES-1,¿Por qué falla la conexión?,open,2026-11-04 10:00\nES-2,Año fiscal erróneo,open,2026-11-05 09:30\n"

    @Test func iconvBytesMatchPythonsCodecs() throws {
        // python3 -c "print(list('Ошибка входа'.encode('cp1251')))" and likewise.
        #expect([UInt8](try bytes("Ошибка входа", .windows1251)) == [0xCE, 0xF8, 0xE8, 0xE1, 0xEA, 0xE0, 0x20, 0xE2, 0xF5, 0xEE, 0xE4, 0xE0])
        #expect([UInt8](try bytes("Ошибка входа", .koi8R)) == [0xEF, 0xDB, 0xC9, 0xC2, 0xCB, 0xC1, 0x20, 0xD7, 0xC8, 0xCF, 0xC4, 0xC1])
        #expect([UInt8](try bytes("登录失败", .gb18030)) == [0xB5, 0xC7, 0xC2, 0xBC, 0xCA, 0xA7, 0xB0, 0xDC])
        #expect([UInt8](try bytes("登錄失敗", .big5)) == [0xB5, 0x6E, 0xBF, 0xFD, 0xA5, 0xA2, 0xB1, 0xD1])
        #expect([UInt8](try bytes("ログイン", .shiftJIS)) == [0x83, 0x8D, 0x83, 0x4F, 0x83, 0x43, 0x83, 0x93])
        #expect([UInt8](try bytes("français", .windows1252)) == [0x66, 0x72, 0x61, 0x6E, 0xE7, 0x61, 0x69, 0x73])
    }

    @Test(arguments: [
        (russian, TextEncoding.windows1251, "Тема"), (russian, .koi8R, "Тема"),
        (simplified, .gb18030, "编号"), (traditional, .big5, "編號"), (japanese, .shiftJIS, "番号"),
        (french, .windows1252, "Le menu français ne s'af…"), (german, .windows1252, "Größe der Übersicht für…"),
        (spanish, .windows1252, "¿Por qué falla la conexi…"),
    ])
    func aThreeRowListIsToldItsEncoding(_ text: String, _ encoding: TextEncoding, _ sample: String) throws {
        let data = try bytes(text, encoding)
        // Whatever the project's language: the text alone decides.
        for language in [nil, "en", "zh", "ru"] {
            #expect(EncodingGuess.guess(data, language: language) == .one(encoding, sample: sample), "\(encoding) with language \(language ?? "none")")
        }
    }

    @Test(arguments: [
        ("Ошибка", TextEncoding.windows1251), ("Ошибка", .koi8R), ("Счёт", .windows1251), ("Счёт", .koi8R),
        ("СЧЁТ-ФАКТУРА", .windows1251), ("Ёлка", .koi8R),
        ("登录失败", .gb18030), ("库存", .gb18030), ("登錄失敗", .big5), ("報表", .big5), ("請求書", .shiftJIS),
        ("ログイン", .shiftJIS), ("français", .windows1252), ("Müller", .windows1252), ("niño", .windows1252),
    ])
    func aSingleWordIsToldItsEncodingOrNothingWrong(_ word: String, _ encoding: TextEncoding) throws {
        let data = try bytes("id,title\n1,\(word)\n", encoding)
        switch EncodingGuess.guess(data, language: nil) {
        case .one(let guessed, let sample):
            #expect(guessed == encoding)
            #expect(sample == word)
        case .two(let first, _, let second, _):
            #expect(first == encoding || second == encoding, "\(word): named \(first) and \(second)")
        case .none(let mixed):
            #expect(!mixed)  // no suggestion is never a wrong one
        }
    }

    @Test func theProjectsLanguageDecidesBetweenEquallyPlausibleReadings() throws {
        // `à la carte`: 0xE0 is `à` in Windows-1252, the word `а` in Windows-1251 and `Ю`
        // in KOI8-R, each a plausible one-letter word.
        let data = try bytes("id,title\n1,à la carte\n", .windows1252)
        #expect(EncodingGuess.guess(data, language: "en") == .one(.windows1252, sample: "à la carte"))
        #expect(EncodingGuess.guess(data, language: "ru") == .two(.windows1251, "а la carte", .koi8R, "Ю la carte"))
        #expect(EncodingGuess.guess(data, language: nil) == .two(.windows1251, "а la carte", .koi8R, "Ю la carte"))
    }

    @Test func anAllCapsRussianWordIsNamedBothWays() throws {
        // Case cannot tell Windows-1251 from KOI8-R when all letters are capitals: both
        // readings are named, with what each shows, for the user to choose by looking.
        let data = try bytes("id,title\n1,ОТКРЫТ\n", .windows1251)
        #expect(EncodingGuess.guess(data, language: "ru") == .two(.windows1251, "ОТКРЫТ", .koi8R, "нрйпшр"))
    }

    @Test func twoCommonIdeographReadingsAreBothNamed() throws {
        // `库存` in GBK reads as the common traditional characters `踱湔` in Big5.
        let data = try bytes("id,title\n1,库存\n", .gb18030)
        #expect(EncodingGuess.guess(data, language: "zh") == .two(.gb18030, "库存", .big5, "踱湔"))
    }

    @Test func latin1FrenchIsNeverToldGB18030() throws {
        // The old hint told this file to say gb18030, which reads `fran鏰is`.
        // ISO-8859-1 and Windows-1252 write these letters alike.
        let data = try bytes("id,title\n1,Le système français\n", .windows1252)
        #expect(TextDecoder.convertExactly([UInt8](data), from: .gb18030)?.contains("鏰") == true)
        #expect(EncodingGuess.guess(data, language: "zh") == .one(.windows1252, sample: "Le système français"))
    }

    @Test func utf8WithAStrayByteIsNotSentToALegacyEncoding() {
        let data = Data(Array("id,title\n1,Café ".utf8) + [0xE9] + Array(" menu\n".utf8))
        #expect(EncodingGuess.guess(data, language: "en") == .none(mixedWithUTF8: true))
    }

    @Test func macRomanIsNotSentToWindows1252() {
        // Excel for Mac's "CSV (Macintosh)" is Mac Roman, which Dossier does not read:
        // python3 -c "print(list('Le café'.encode('mac_roman')))". Windows-1252 reads `cafŽ`.
        let data = Data(Array("id,title\n1,".utf8) + [76, 101, 32, 99, 97, 102, 142, 10])
        #expect(EncodingGuess.guess(data, language: "en") == .none(mixedWithUTF8: false))
    }

    @Test func bytesNoEncodingReadsRightGetNoSuggestion() {
        // Invalid in GB18030, Big5, Shift_JIS and Windows-1251 (0x98 before a line end, 0x98
        // as a lead byte, no 0x98 in Windows-1251); box drawing in KOI8-R (`┘└┘`); `˜€˜`
        // in Windows-1252.
        let data = Data(Array("id,title\n1,".utf8) + [0x98, 0x80, 0x98, 0x0A])
        #expect(EncodingGuess.guess(data, language: nil) == .none(mixedWithUTF8: false))
    }

    @Test func caseFlipsInsideAWordAreImplausible() {
        #expect(EncodingGuess.plausibility("Ошибка входа", as: .windows1251) == 1)
        #expect(EncodingGuess.plausibility("нЬХАЙЮ пЕЬЕМЮ", as: .koi8R) == 0)
        // ALL CAPS is a way of writing, so it cannot tell the two apart.
        #expect(EncodingGuess.plausibility("БУНДЮ", as: .koi8R) == 1)
        #expect(EncodingGuess.plausibility("Îøèáêà", as: .windows1252) == 0)
    }

    @Test func theCommonIdeographTablesAreTheEncodingsOwn() {
        #expect(CommonIdeographs.gb2312Level1.count == 3755)
        #expect(CommonIdeographs.big5Frequent.count == 5401)
        #expect(CommonIdeographs.jisLevel1.count == 2965)
        #expect(CommonIdeographs.gb2312Level1.contains("录") && !CommonIdeographs.gb2312Level1.contains("錄"))
    }
}
