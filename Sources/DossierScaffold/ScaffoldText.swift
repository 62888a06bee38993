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

    /// The week's figures as one sentence, for the PM to keep or rewrite.
    func figures(opened: Int, resolved: Int, openAtEnd: Int, slaMet: Int, slaBreached: Int) -> String {
        switch language {
        case "zh":
            return "本周新增问题 \(opened) 个，解决 \(resolved) 个，周末未关闭 \(openAtEnd) 个；按时解决 \(slaMet) 个，超时解决 \(slaBreached) 个。"
        case "ru":
            return
                "За неделю открыто проблем: \(opened), решено: \(resolved), открыто на конец недели: \(openAtEnd); решено в срок SLA: \(slaMet), с нарушением: \(slaBreached)."
        default:
            return
                "Issues opened this week: \(opened), resolved: \(resolved), open at the week's end: \(openAtEnd); resolved within SLA: \(slaMet), late: \(slaBreached)."
        }
    }

    /// A line of the Risks section for an issue open past its target.
    var pastTarget: String {
        switch language {
        case "zh": return "已超过目标时间"
        case "ru": return "просрочена"
        default: return "past its target"
        }
    }

    /// A line of the Delays section for an overdue milestone.
    var overdue: String {
        switch language {
        case "zh": return "已逾期"
        case "ru": return "просрочен"
        default: return "overdue"
        }
    }

    /// The milestone-reached line of the Done section.
    var reached: String {
        switch language {
        case "zh": return "已达成"
        case "ru": return "достигнут"
        default: return "reached"
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
