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
    static let french =
        "id,title,status,opened\nFR-1,Le menu français ne s'affiche pas,open,2026-11-04 10:00\nFR-2,Clé de licence refusée,open,2026-11-05 09:30\n"
    static let german = "id,title,status,opened\nDE-1,Größe der Übersicht für Müller,open,2026-11-04 10:00\n"
    static let spanish =
        "id,title,status,opened\nES-1,¿Por qué falla la conexión?,open,2026-11-04 10:00\nES-2,Año fiscal erróneo,open,2026-11-05 09:30\n"

    @Test func iconvBytesMatchPythonsCodecs() throws {
        // python3 -c "print(list('Ошибка входа'.encode('cp1251')))" and likewise.
        #expect(
            [UInt8](try bytes("Ошибка входа", .windows1251)) == [
                0xCE, 0xF8, 0xE8, 0xE1, 0xEA, 0xE0, 0x20, 0xE2, 0xF5, 0xEE, 0xE4, 0xE0,
            ])
        #expect(
            [UInt8](try bytes("Ошибка входа", .koi8R)) == [
                0xEF, 0xDB, 0xC9, 0xC2, 0xCB, 0xC1, 0x20, 0xD7, 0xC8, 0xCF, 0xC4, 0xC1,
            ])
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
            #expect(
                EncodingGuess.guess(data, language: language) == .one(encoding, sample: sample),
                "\(encoding) with language \(language ?? "none")")
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
        case .several(let readings):
            #expect(readings.contains(EncodingGuess.Reading(encoding, word)), "\(word): named \(readings)")
        case .none(let mixed):
            #expect(!mixed)  // no suggestion is never a wrong one
        }
    }

    @Test func aLoneCyrillicLetterAmongLatinWordsIsNotRussian() throws {
        // `à la carte`: 0xE0 is `à` in Windows-1252, the word `а` in Windows-1251 and `Ю`
        // in KOI8-R; a Russian one-letter word alone among French ones is not Russian, so
        // even a ru project is told Windows-1252.
        let data = try bytes("id,title\n1,à la carte\n", .windows1252)
        for language in [nil, "en", "zh", "ru"] {
            #expect(EncodingGuess.guess(data, language: language) == .one(.windows1252, sample: "à la carte"))
        }
        // Beside other Russian words it is one: `Ошибка в SAP и в Excel`.
        #expect(EncodingGuess.plausibility("Ошибка в SAP и в Excel", as: .windows1251) == 1)
    }

    @Test func theProjectsLanguageOrdersEquallyPlausibleReadingsAndDropsNone() throws {
        // python3: 'Ёж'.encode('cp1251') == b'\xa8\xe6': a capitalised Russian word, and
        // `冽`, a frequent Big5 character (GB18030 reads `ㄦ`, a bopomofo letter Chinese
        // text does not use). Two bytes cannot tell them apart: both are named, the one
        // the project's language favours first.
        let data = Data(Array("id,title\n1,".utf8) + [0xA8, 0xE6, 0x0A])
        #expect(TextDecoder.convertExactly([UInt8](data), from: .gb18030)?.contains("ㄦ") == true)
        let both = [EncodingGuess.Reading(.big5, "冽"), EncodingGuess.Reading(.windows1251, "Ёж")]
        #expect(EncodingGuess.guess(data, language: nil) == .several(both))
        #expect(EncodingGuess.guess(data, language: "zh") == .several(both))
        #expect(EncodingGuess.guess(data, language: "ru") == .several(both.reversed()))
    }

    @Test func anAllCapsRussianWordIsNamedBothWays() throws {
        // Case cannot tell Windows-1251 from KOI8-R when all letters are capitals: both
        // readings are named, with what each shows, for the user to choose by looking.
        let data = try bytes("id,title\n1,ОТКРЫТ\n", .windows1251)
        #expect(EncodingGuess.guess(data, language: "ru") == .several([.init(.windows1251, "ОТКРЫТ"), .init(.koi8R, "нрйпшр")]))
    }

    @Test func allCapsRussianIsNeverToldGB18030Alone() throws {
        // python3: 'ОШИБКА ПЕЧАТИ'.encode('cp1251'). GB18030 reads common characters,
        // `呜攘世 吓桌胰`, but split at the space where Windows-1251 reads two words:
        // Chinese puts no space there. A zh project still sees the GB18030 reading, last.
        let data = Data(
            Array("id,title,status,opened\nT-1,".utf8) + [206, 216, 200, 193, 202, 192, 32, 207, 197, 215, 192, 210, 200]
                + Array(",open,2026-11-04\n".utf8))
        let russian = [EncodingGuess.Reading(.windows1251, "ОШИБКА ПЕЧАТИ"), .init(.koi8R, "ньхайю оевюрх")]
        #expect(EncodingGuess.guess(data, language: "zh") == .several(russian + [.init(.gb18030, "呜攘世 吓桌胰")]))
        #expect(EncodingGuess.guess(data, language: "en") == .several(russian))
        #expect(EncodingGuess.guess(data, language: "ru") == .several(russian))
        #expect(EncodingGuess.guess(data, language: nil) == .several(russian))
    }

    @Test func shortBig5IsNotToldWindows1252() {
        // python3: '問題'.encode('big5') == b'\xb0\xdd\xc3D'. Windows-1252 reads `°ÝÃD`:
        // accented capitals beside no small letter are no word.
        let data = Data(Array("id,title\n1,".utf8) + [176, 221, 195, 68, 10])
        for language in [nil, "en", "zh", "ru"] {
            #expect(EncodingGuess.guess(data, language: language) == .one(.big5, sample: "問題"))
        }
    }

    @Test func gb18030FourByteCharactersAreRead() {
        // python3: '扩展 𠀀 汉字'.encode('gb18030'): U+20000, CJK Extension B, is a
        // four-byte sequence only GB18030 has. The spaces split nothing another reading
        // makes words of.
        let data = Data(Array("id,title\n1,".utf8) + [192, 169, 213, 185, 32, 149, 50, 130, 54, 32, 186, 186, 215, 214, 10])
        for language in [nil, "en", "zh", "ru"] {
            #expect(EncodingGuess.guess(data, language: language) == .one(.gb18030, sample: "扩展 𠀀 汉字"))
        }
    }

    @Test func shiftJISWithNECCharactersIsRead() {
        // python3: '①'.encode('cp932') == b'\x87@'; GB18030 reads the rare `嘆`.
        let data = Data(Array("id,title\n1,".utf8) + [135, 64, 10])
        #expect(EncodingGuess.guess(data, language: nil) == .one(.shiftJIS, sample: "①"))
        #expect(EncodingGuess.guess(data, language: "zh") == .one(.shiftJIS, sample: "①"))
    }

    @Test func chineseExcelsEuroSignIsToldGBK() throws {
        // Code page 936 (Chinese Excel's "CSV"): python3's gbk codec, with `€` as the byte
        // 0x80, which GB18030 lacks.
        let text = "编号,标题,状态,提出日期\r\nFK-1,欧洲差旅报销 500EURO 无法提交,新建,2026/11/4 10:00\r\n"
        let encoded = try bytes(text, .gbk)
        let data = Data(replacing([UInt8](encoded), Array("EURO".utf8), with: [0x80]))
        #expect(TextDecoder.convertExactly([UInt8](data), from: .gb18030) == nil)
        for language in [nil, "en", "zh", "ru"] {
            #expect(EncodingGuess.guess(data, language: language) == .one(.gbk, sample: "编号"))
        }
        // Without the euro sign both read it alike, and GB18030 is named.
        #expect(EncodingGuess.guess(encoded, language: "zh") == .one(.gb18030, sample: "编号"))
    }

    @Test func windows1252QuotesAndEuroAreWindows1252() {
        // python3: 'Invoice “total” wrong by 5 €'.encode('cp1252'); Windows-1251 reads the
        // euro sign as `Ђ`, a Serbian capital alone among English words.
        let data = Data(
            Array("id,title\n1,Invoice ".utf8) + [147, 116, 111, 116, 97, 108, 148, 32] + Array("wrong by 5 ".utf8) + [128, 10])
        #expect(EncodingGuess.guess(data, language: "ru") == .one(.windows1252, sample: "Invoice “total” wrong by…"))
    }

    func replacing(_ bytes: [UInt8], _ pattern: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index...].starts(with: pattern) {
                result += replacement
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    @Test func twoCommonIdeographReadingsAreBothNamed() throws {
        // `库存` in GBK reads as the common traditional characters `踱湔` in Big5.
        let data = try bytes("id,title\n1,库存\n", .gb18030)
        #expect(EncodingGuess.guess(data, language: "zh") == .several([.init(.gb18030, "库存"), .init(.big5, "踱湔")]))
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

    @Test func shortGBKWithPairsThatAreUTF8IsStillGBK() throws {
        // In GBK `系统` is CF B5 CD B3 and `登录` has C2 BC: as many valid UTF-8 pairs as
        // stray bytes, yet GB18030 reads every byte as common characters.
        let data = try bytes("id,title\n1,ERP 系统 登录 失败\n", .gb18030)
        #expect(UTF8Census([UInt8](data)).multibyteSequences >= UTF8Census([UInt8](data)).invalidBytes)
        #expect(EncodingGuess.guess(data, language: "zh") == .one(.gb18030, sample: "ERP 系统 登录 失败"))
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
