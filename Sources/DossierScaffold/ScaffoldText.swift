/// The words `dossier new` writes into records, in the project's language (en, zh, ru).
struct ScaffoldText {
    let language: String

    /// The conventional `##` sections of a weekly note (SPEC §1.5).
    var sections: (done: String, next: String, risks: String, delays: String) {
        switch language {
        case "zh": return ("本周完成", "下周计划", "风险", "延期原因")
        case "ru": return ("Сделано", "План на следующую неделю", "Риски", "Задержки")
        default: return ("Done", "Next week", "Risks", "Delays")
        }
    }

    /// The prompt under Risks: the report lists the open issues past their target.
    var risksPrompt: String {
        switch language {
        case "zh": return "超时未解决的问题周报会自动列出。这里写数据看不出的风险：可能的影响、应对措施和需要谁支持。"
        case "ru":
            return
                "Просроченные проблемы отчёт покажет сам. Здесь — риски, которых не видно по цифрам: последствия, что делается, чья помощь нужна."
        default:
            return
                "The report lists the open issues past their target by itself. Write here the risks the figures cannot show: their impact, what is being done, whose help is needed."
        }
    }

    /// The prompt under Delays: the report lists the overdue milestones.
    var delaysPrompt: String {
        switch language {
        case "zh": return "已逾期的里程碑周报会自动列出。这里写延期的原因和新的计划日期。"
        case "ru": return "Просроченные вехи отчёт покажет сам. Здесь — причины задержек и новые сроки."
        default: return "The report lists the overdue milestones by itself. Write here why they slipped and their new dates."
        }
    }

    /// The first paragraph of a new article.
    var articleBody: String {
        switch language {
        case "zh": return "在这里写文章正文。"
        case "ru": return "Текст статьи."
        default: return "Write the article here."
        }
    }
}
