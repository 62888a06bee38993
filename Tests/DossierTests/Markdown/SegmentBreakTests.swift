import Testing

@testable import DossierMarkdown

/// Soft breaks between characters written without spaces go (CSS Text 3, segment break
/// transformation rules); others stay a space.
@Suite struct SegmentBreakTests {
    /// A Redmine description written with hard-wrapped lines.
    @Test func chineseLinesJoinWithoutASpace() {
        let document = MarkdownDocument("用户反馈报销单提交后一直转圈，截图已附在工单中。\n厂商已复现，\n预计下周一发布补丁。\n")
        #expect(document.renderAsWritten() == "<p>用户反馈报销单提交后一直转圈，截图已附在工单中。厂商已复现，预计下周一发布补丁。</p>\n")
    }

    @Test func aBreakBesideLatinOrCyrillicStaysASpace() {
        let html = MarkdownDocument("升级到 SAP\n后仍报错。\nОтчёт готов\n已上线\nRelease 2.3\nis out\n").renderAsWritten()
        #expect(html == "<p>升级到 SAP\n后仍报错。\nОтчёт готов\n已上线\nRelease 2.3\nis out</p>\n")
    }

    /// Korean separates words with spaces; Japanese kana and fullwidth forms do not.
    @Test func hangulKeepsItsSpaceKanaAndFullwidthFormsDoNot() {
        #expect(MarkdownDocument("결재 요청이\n반려되었습니다\n").renderAsWritten() == "<p>결재 요청이\n반려되었습니다</p>\n")
        #expect(MarkdownDocument("中文\n한국어\n").renderAsWritten() == "<p>中文\n한국어</p>\n")
        #expect(MarkdownDocument("申請が\nエラーになります\n").renderAsWritten() == "<p>申請がエラーになります</p>\n")
        #expect(MarkdownDocument("金额（元）\n１２０\n").renderAsWritten() == "<p>金额（元）１２０</p>\n")
        // Ambiguous-width quotes and dashes beside a wide character, as Chinese text has them.
        #expect(MarkdownDocument("厂商回复：\n“已修复”——\n请验证\n").renderAsWritten() == "<p>厂商回复：“已修复”——请验证</p>\n")
        #expect(MarkdownDocument("He said\n“fixed”\n").renderAsWritten() == "<p>He said\n“fixed”</p>\n")
        // U+200B on either side removes the break whatever the other side is.
        #expect(MarkdownDocument("abc\u{200B}\ndef\n").renderAsWritten() == "<p>abc\u{200B}def</p>\n")
    }

    /// The characters that count are those a reader sees: through emphasis and links,
    /// not through an image.
    @Test func emphasisAndLinksAreLookedThrough() {
        let html = MarkdownDocument("请**务必**\n*先*保存，见[操作手册](a.md)\n再提交。\n![图](p.png)\n下一步\n").renderAsWritten()
        #expect(
            html
                == "<p>请<strong>务必</strong><em>先</em>保存，见<a href=\"a.md\">操作手册</a>再提交。\n<img src=\"p.png\" alt=\"图\" />\n下一步</p>\n"
        )
    }

    /// Hard breaks (two spaces, a backslash) are the writer's own and stay.
    @Test func hardBreaksStay() {
        #expect(MarkdownDocument("第一行\\\n第二行\n").renderAsWritten() == "<p>第一行<br />\n第二行</p>\n")
    }

    /// A heading written over two lines (setext) reads joined, with the anchor GitHub gives it.
    @Test func headingTextAndSearchTextJoin() {
        let document = MarkdownDocument("审批流\n配置说明\n========\n\n## 第二节\n\n说明文字分两行\n写成。\n")
        #expect(document.headings.map(\.text) == ["审批流配置说明", "第二节"])
        #expect(document.headings.map(\.anchor) == ["审批流配置说明", "第二节"])
        let sections = document.renderWithSections(destinations: []).sections
        #expect(sections?.last?.text == "第二节\n说明文字分两行写成。")
    }

    /// The chat renderings join the lines too: a chat program shows each newline.
    @Test func chatRenderingsJoinTheLines() {
        let document = MarkdownDocument("- 厂商已复现，\n  补丁下周发布。\n- Vendor\n  reproduced it\n")
        #expect(document.renderCommonMark(destinations: []) == "  - 厂商已复现，补丁下周发布。\n  - Vendor\n    reproduced it\n")
        #expect(document.renderPlainText(destinations: []) == "  - 厂商已复现，补丁下周发布。\n  - Vendor\n    reproduced it\n")
    }

    @Test func widthClasses() {
        #expect(SegmentBreak.isWideOrHalfwidth("中"))
        #expect(SegmentBreak.isWideOrHalfwidth("。"))
        #expect(SegmentBreak.isWideOrHalfwidth("ｶ"))  // halfwidth katakana: H
        #expect(SegmentBreak.isWideOrHalfwidth("\u{20000}"))
        #expect(!SegmentBreak.isWideOrHalfwidth("a"))
        #expect(!SegmentBreak.isWideOrHalfwidth("Ж"))
        #expect(!SegmentBreak.isWideOrHalfwidth("“"))  // ambiguous: A
        #expect(SegmentBreak.isHangul("한"))
        #expect(!SegmentBreak.isHangul("中"))
    }
}
