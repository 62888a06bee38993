/// Built-in aliases that let a team's own headers and values stand for Dossier's fields.
///
/// Keys are folded with `FieldAliases.fold(_:)` (trimmed, lower-cased, inner runs of
/// white space collapsed to one space); values are canonical names.
///
/// Redmine strings are quoted from the locale files of redmine/redmine
/// (`config/locales/en.yml`, `zh.yml`, `zh-TW.yml`, `ru.yml`); each comment names the
/// locale and key the string came from. Redmine's CSV export uses the `field_*` labels
/// as column headers (`#` for the id) and the `default_*` names as cell values of a
/// freshly installed tracker. The other entries are the headers of a Jira CSV export
/// and the words teams type by hand in an Excel sheet.
///
/// Left out on purpose (kept as extra columns): Redmine's Tracker and Project, Updated
/// (`field_updated_on`: see `updatedHeaders`), Start date, Parent task, Estimated time
/// and % Done, and headers whose meaning differs between sources (see the notes inline).
public enum FieldAliases {
    /// Folds a header or a value for lookup: trims, lower-cases, collapses white space.
    ///
    /// Any Unicode white space (including U+00A0 and the ideographic space U+3000)
    /// counts; a byte-order mark or zero-width space is dropped.
    public static func fold(_ text: String) -> String {
        // Most cells are already folded: lower-case ASCII without spaces at the ends.
        if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) { return text }
        var folded = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character == "\u{FEFF}" || character == "\u{200B}" {
                continue
            }
            if character.isWhitespace {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(" ")
                pendingSpace = false
            }
            folded.append(character)
        }
        return folded
    }

    /// Issue CSV headers → canonical field name (`id`, `title`, …).
    ///
    /// Not included, because one word means different fields in different sources:
    /// `完成日期` (zh-TW `field_due_date`, but "date completed" when written by hand) and
    /// `版本` (zh-TW `field_fixed_version`, but often a software version), read as Redmine
    /// means them only in a Redmine zh-TW export (`redmineTraditionalChineseHeaders`); `序号` and `№`
    /// (row numbers that often sit beside a real id column), `Updated`/`更新于`/`Обновлено`.
    public static let issueHeaders: [String: String] = [
        // MARK: canonical names
        "id": "id",
        "title": "title",
        "status": "status",
        "opened": "opened",
        "resolved": "resolved",  // also Jira "Resolved"
        "tier": "tier",
        "category": "category",  // also en field_category: Category
        "priority": "priority",  // also en field_priority: Priority
        "module": "module",
        "reporter": "reporter",  // also Jira "Reporter"
        "owner": "owner",
        "due": "due",
        "milestone": "milestone",
        "tags": "tags",
        "description": "description",  // also en field_description: Description
        "resolution": "resolution",  // also Jira "Resolution"

        // MARK: Redmine, English (en.yml)
        "#": "id",  // the id column of every Redmine CSV export
        "subject": "title",  // en field_subject: Subject
        "created": "opened",  // en field_created_on: Created; also Jira "Created"
        "closed": "resolved",  // en field_closed_on: Closed
        "due date": "due",  // en field_due_date: Due date; also Jira "Due date"
        "assignee": "owner",  // en field_assigned_to: Assignee; also Jira "Assignee"
        "assigned to": "owner",  // en field_assigned_to (older releases): Assigned to
        "author": "reporter",  // en field_author: Author
        "target version": "milestone",  // en field_fixed_version: Target version

        // MARK: Jira CSV export
        "issue key": "id",
        "summary": "title",
        "labels": "tags",
        "component/s": "module",
        "fix version/s": "milestone",

        // MARK: English, by hand
        "key": "id",
        "issue no": "id",
        "issue no.": "id",
        "issue number": "id",
        "state": "status",
        "opened on": "opened",
        "open date": "opened",
        "date opened": "opened",
        "created on": "opened",
        "created at": "opened",
        "date created": "opened",
        "reported on": "opened",
        "resolved on": "resolved",
        "resolved at": "resolved",
        "date resolved": "resolved",
        "resolution date": "resolved",
        "closed on": "resolved",
        "closed at": "resolved",
        "date closed": "resolved",
        "support tier": "tier",
        "support level": "tier",
        "support line": "tier",
        "component": "module",
        "area": "module",
        "reported by": "reporter",
        "requester": "reporter",
        "assigned": "owner",
        "handler": "owner",
        "deadline": "due",
        "due on": "due",
        "fix version": "milestone",
        "tag": "tags",
        "label": "tags",
        "details": "description",
        "solution": "resolution",

        // MARK: Redmine, Simplified Chinese (zh.yml)
        "主题": "title",  // zh field_subject: 主题
        "标题": "title",  // zh field_title: 标题
        "状态": "status",  // zh field_status: 状态
        "优先级": "priority",  // zh field_priority: 优先级
        "类别": "category",  // zh field_category: 类别
        "指派给": "owner",  // zh field_assigned_to: 指派给
        "作者": "reporter",  // zh field_author: 作者; also zh-TW field_author: 作者
        "创建于": "opened",  // zh field_created_on: 创建于
        "结束日期": "resolved",  // zh field_closed_on: 结束日期
        "计划完成日期": "due",  // zh field_due_date: 计划完成日期
        "目标版本": "milestone",  // zh field_fixed_version: 目标版本
        "描述": "description",  // zh field_description: 描述

        // MARK: Redmine, Traditional Chinese (zh-TW.yml)
        "主旨": "title",  // zh-TW field_subject: 主旨
        "標題": "title",  // zh-TW field_title: 標題
        "狀態": "status",  // zh-TW field_status: 狀態
        "優先權": "priority",  // zh-TW field_priority: 優先權
        "分類": "category",  // zh-TW field_category: 分類
        "被分派者": "owner",  // zh-TW field_assigned_to: 被分派者
        "建立日期": "opened",  // zh-TW field_created_on: 建立日期
        "結束日期": "resolved",  // zh-TW field_closed_on: 結束日期
        "目標版本": "milestone",  // zh-TW label_issue_fixed_version_updated: 目標版本已更新
        "概述": "description",  // zh-TW field_description: 概述

        // MARK: Chinese, by hand
        "编号": "id",
        "问题编号": "id",
        "问题号": "id",
        "单号": "id",
        "问题标题": "title",
        "问题描述": "description",
        "详细描述": "description",
        "问题状态": "status",
        "处理状态": "status",
        "优先等级": "priority",
        "问题类别": "category",
        "问题类型": "category",
        "问题分类": "category",
        "分类": "category",
        "支持层级": "tier",
        "支持级别": "tier",
        "层级": "tier",
        "处理层级": "tier",
        "模块": "module",
        "功能模块": "module",
        "业务模块": "module",
        "提出人": "reporter",
        "报告人": "reporter",
        "提交人": "reporter",
        "反馈人": "reporter",
        "负责人": "owner",
        "处理人": "owner",
        "责任人": "owner",
        "提出日期": "opened",
        "提出时间": "opened",
        "创建日期": "opened",
        "创建时间": "opened",
        "提交日期": "opened",
        "提交时间": "opened",
        "解决日期": "resolved",
        "解决时间": "resolved",
        "关闭日期": "resolved",
        "关闭时间": "resolved",
        "截止日期": "due",
        "截止时间": "due",
        "要求完成日期": "due",
        "里程碑": "milestone",
        "标签": "tags",
        "解决方案": "resolution",
        "处理结果": "resolution",
        "解决办法": "resolution",

        // MARK: Redmine, Russian (ru.yml)
        "тема": "title",  // ru field_subject: Тема
        "заголовок": "title",  // ru field_title: Заголовок
        "статус": "status",  // ru field_status: Статус
        "приоритет": "priority",  // ru field_priority: Приоритет
        "категория": "category",  // ru field_category: Категория
        "назначена": "owner",  // ru field_assigned_to: Назначена
        "автор": "reporter",  // ru field_author: Автор
        "создано": "opened",  // ru field_created_on: Создано
        "закрыта": "resolved",  // ru field_closed_on: Закрыта
        "дата выполнения": "due",  // ru field_due_date: Дата выполнения
        "версия": "milestone",  // ru field_fixed_version: Версия
        "описание": "description",  // ru field_description: Описание

        // MARK: Russian, by hand
        "номер": "id",
        "номер задачи": "id",
        "номер заявки": "id",
        "название": "title",
        "статус задачи": "status",
        "тип": "category",
        "тип задачи": "category",
        "линия поддержки": "tier",
        "уровень": "tier",
        "уровень поддержки": "tier",
        "модуль": "module",
        "инициатор": "reporter",
        "заявитель": "reporter",
        "ответственный": "owner",
        "исполнитель": "owner",
        "назначено": "owner",
        "дата создания": "opened",
        "создана": "opened",
        "дата регистрации": "opened",
        "дата решения": "resolved",
        "решено": "resolved",
        "закрыто": "resolved",
        "дата закрытия": "resolved",
        "срок": "due",
        "срок завершения": "due",
        "срок исполнения": "due",
        "крайний срок": "due",
        "веха": "milestone",
        "этап": "milestone",
        "метки": "tags",
        "теги": "tags",
        "решение": "resolution",
    ]

    /// milestones.csv headers → canonical field name (`id`, `title`, `due`, `done`,
    /// `owner`, `scope`, `description`).
    ///
    /// Redmine keeps milestones as versions, whose fields are Name (`field_name`), Date
    /// (`field_effective_date`: 日期, Дата) and Description. A function or territory
    /// column (функция, территория, 职能, 区域) is not `scope`: it stays an extra column,
    /// which `milestones.group_by` can name.
    public static let milestoneHeaders: [String: String] = [
        // MARK: canonical names and English
        "id": "id", "key": "id", "code": "id", "milestone id": "id",
        "title": "title", "name": "title", "milestone": "title", "version": "title", "milestone name": "title",
        "due": "due", "due date": "due", "date": "due", "target date": "due", "planned date": "due", "deadline": "due",
        "done": "done", "reached": "done", "reached on": "done", "completed": "done", "completed on": "done",
        "done on": "done", "actual date": "done", "actual": "done",
        "owner": "owner", "assignee": "owner", "responsible": "owner",
        "scope": "scope",
        "description": "description", "notes": "description",
        // MARK: Chinese
        "编号": "id", "代码": "id", "里程碑编号": "id",
        "里程碑": "title", "名称": "title", "标题": "title", "里程碑名称": "title", "版本": "title",
        "日期": "due", "计划日期": "due", "计划完成日期": "due", "截止日期": "due", "到期日": "due", "计划完成时间": "due",
        "完成日期": "done", "实际完成日期": "done", "达成日期": "done", "实际日期": "done", "实际完成时间": "done",
        "负责人": "owner", "责任人": "owner",
        "范围": "scope", "适用范围": "scope",
        "描述": "description", "说明": "description", "备注": "description",
        // MARK: Russian
        "код": "id", "номер": "id",
        "веха": "title", "имя": "title", "название": "title", "наименование": "title", "контрольная точка": "title",
        "версия": "title",
        "срок": "due", "дата": "due", "плановая дата": "due", "дата выполнения": "due", "крайний срок": "due",
        "факт": "done", "фактическая дата": "done", "дата достижения": "done", "дата завершения": "done", "достигнута": "done",
        "ответственный": "owner", "владелец": "owner",
        "область": "scope", "охват": "scope",
        "описание": "description", "примечание": "description",
    ]

    /// team.csv headers → canonical field name (`id`, `name`, `role`, `org`, `email`).
    ///
    /// Redmine's user list names a person by Login (`field_login`: 登录名, Пользователь)
    /// and gives Email (`field_mail`: 邮件地址, Email).
    public static let teamHeaders: [String: String] = [
        // MARK: canonical names and English
        "id": "id", "login": "id", "user": "id", "username": "id", "user id": "id", "code": "id", "identifier": "id",
        "employee id": "id",
        "name": "name", "full name": "name", "display name": "name",
        "role": "role",
        "org": "org", "organisation": "org", "organization": "org", "company": "org", "department": "org",
        "email": "email", "e-mail": "email", "mail": "email", "email address": "email",
        // MARK: Chinese
        "编号": "id", "代码": "id", "登录名": "id", "账号": "id", "帐号": "id", "用户名": "id", "工号": "id",
        "姓名": "name", "名字": "name",
        "角色": "role", "职责": "role",
        "单位": "org", "公司": "org", "部门": "org", "组织": "org",
        "邮件地址": "email", "邮箱": "email", "电子邮件": "email",
        // MARK: Russian
        "код": "id", "идентификатор": "id", "логин": "id", "пользователь": "id", "табельный номер": "id",
        "имя": "name", "фио": "name", "сотрудник": "name",
        "роль": "role",
        "организация": "org", "компания": "org", "подразделение": "org",
        "почта": "email", "эл. почта": "email", "электронная почта": "email",
    ]

    /// team.csv role values → canonical role (`key-user`, `internal-consultant`,
    /// `vendor-consultant`, `pm`, `sponsor`).
    public static let roles: [String: String] = [
        "key-user": "key-user", "key user": "key-user", "关键用户": "key-user", "ключевой пользователь": "key-user",
        "internal-consultant": "internal-consultant", "internal consultant": "internal-consultant",
        "内部顾问": "internal-consultant", "внутренний консультант": "internal-consultant",
        "vendor-consultant": "vendor-consultant", "vendor consultant": "vendor-consultant",
        "厂商顾问": "vendor-consultant", "实施顾问": "vendor-consultant",
        "консультант вендора": "vendor-consultant", "консультант подрядчика": "vendor-consultant",
        "консультант поставщика": "vendor-consultant",  // the theme's ru role_vendor-consultant
        "pm": "pm", "project manager": "pm", "项目经理": "pm", "руководитель проекта": "pm",
        "sponsor": "sponsor", "项目发起人": "sponsor", "发起人": "sponsor", "спонсор": "sponsor",
        "спонсор проекта": "sponsor",
    ]

    /// True when `header`, as written, is the column of an issue's last change: a header
    /// `columns` (project.yml's `issues.columns`, folded header → field) maps to
    /// `updated`, or one of `updatedHeaders` it does not map.
    public static func isUpdatedHeader(_ header: String, columns: [String: String]) -> Bool {
        let folded = fold(header)
        return columns[folded] == "updated" || (columns[folded] == nil && updatedHeaders.contains(folded))
    }

    /// Headers of the column a tracker writes the time of an issue's last change in.
    ///
    /// Not a field of the problem list: the column stays an extra column, and its time
    /// stands in for a resolved date a tracker left empty (Redmine fills Closed only for
    /// statuses marked closed, so a Resolved issue has none).
    public static let updatedHeaders: Set<String> = [
        "updated",  // en field_updated_on: Updated; also Jira "Updated"
        "updated on", "updated at", "last updated", "last modified", "modified",
        "更新于",  // zh field_updated_on: 更新于
        "更新日期",  // zh-TW field_updated_on: 更新日期
        "更新时间", "最后更新", "最后更新时间", "修改时间",
        "обновлено",  // ru field_updated_on: Обновлено
        "дата обновления", "дата изменения", "изменено",
    ]

    /// Headers that mean a field only in a Redmine Traditional Chinese export, and are
    /// read so only in a file that is one (see `isRedmineTraditionalChinese`): written by
    /// hand, `完成日期` is the day work was completed and `版本` a software version.
    public static let redmineTraditionalChineseHeaders: [String: String] = [
        "完成日期": "due",  // zh-TW field_due_date: 完成日期
        "版本": "milestone",  // zh-TW field_fixed_version: 版本
    ]

    /// True for the header row of a Redmine export in Traditional Chinese: it has
    /// Redmine's own words for Subject or Assignee (主旨, 被分派者).
    public static func isRedmineTraditionalChinese(_ headers: [String]) -> Bool {
        headers.contains { ["主旨", "被分派者"].contains(fold($0)) }
    }

    /// Status values → canonical status.
    public static let statuses: [String: String] = [
        // MARK: canonical names
        "open": "open",  // also Jira "Open"
        "in-progress": "in-progress",
        "in progress": "in-progress",  // en default_issue_status_in_progress: In Progress
        "waiting": "waiting",
        "resolved": "resolved",  // en default_issue_status_resolved: Resolved
        "closed": "closed",  // en default_issue_status_closed: Closed
        "rejected": "rejected",  // en default_issue_status_rejected: Rejected

        // MARK: Redmine, English (en.yml)
        "new": "open",  // en default_issue_status_new: New
        "feedback": "waiting",  // en default_issue_status_feedback: Feedback

        // MARK: English, by hand and Jira
        "opened": "open",
        "reopened": "open",
        "to do": "open",
        "todo": "open",
        "backlog": "open",
        "in_progress": "in-progress",
        "inprogress": "in-progress",
        "in work": "in-progress",
        "wait": "waiting",
        "on hold": "waiting",
        "on-hold": "waiting",
        "pending": "waiting",
        "blocked": "waiting",
        "waiting for feedback": "waiting",
        "waiting for customer": "waiting",
        "done": "resolved",
        "fixed": "resolved",
        "solved": "resolved",
        "complete": "resolved",
        "completed": "resolved",
        "won't fix": "rejected",
        "won’t fix": "rejected",
        "wont fix": "rejected",
        "won't do": "rejected",
        "won’t do": "rejected",
        "declined": "rejected",
        "cancelled": "rejected",
        "canceled": "rejected",

        // MARK: Redmine, Simplified Chinese (zh.yml); also written by hand
        "新建": "open",  // zh default_issue_status_new: 新建
        "进行中": "in-progress",  // zh default_issue_status_in_progress: 进行中
        "反馈": "waiting",  // zh default_issue_status_feedback: 反馈
        "已解决": "resolved",  // zh default_issue_status_resolved: 已解决
        "已关闭": "closed",  // zh default_issue_status_closed: 已关闭
        "已拒绝": "rejected",  // zh default_issue_status_rejected: 已拒绝
        "打开": "open",  // zh version_status_open: 打开
        "关闭": "closed",  // zh version_status_closed: 关闭

        // MARK: Redmine, Traditional Chinese (zh-TW.yml)
        "新建立": "open",  // zh-TW default_issue_status_new: 新建立
        "實作中": "in-progress",  // zh-TW default_issue_status_in_progress: 實作中
        "已回應": "waiting",  // zh-TW default_issue_status_feedback: 已回應
        "已解決": "resolved",  // zh-TW default_issue_status_resolved: 已解決
        "已結束": "closed",  // zh-TW default_issue_status_closed: 已結束
        "已拒絕": "rejected",  // zh-TW default_issue_status_rejected: 已拒絕

        // MARK: Chinese, by hand
        "新": "open",
        "待处理": "open",
        "未处理": "open",
        "重新打开": "open",
        "处理中": "in-progress",
        "等待反馈": "waiting",
        "待反馈": "waiting",
        "挂起": "waiting",
        "暂停": "waiting",
        "已完成": "resolved",
        "已处理": "resolved",
        "拒绝": "rejected",
        "不处理": "rejected",
        "已取消": "rejected",

        // MARK: Redmine, Russian (ru.yml)
        "новая": "open",  // ru default_issue_status_new: Новая
        "в работе": "in-progress",  // ru default_issue_status_in_progress: В работе
        "обратная связь": "waiting",  // ru default_issue_status_feedback before Redmine 4.0
        "нужен отклик": "waiting",  // ru Feedback, as later Redmine releases name it
        "решена": "resolved",  // ru default_issue_status_resolved: Решена
        "закрыта": "closed",  // ru default_issue_status_closed: Закрыта
        "отклонена": "rejected",  // ru default_issue_status_rejected: Отклонена

        // MARK: Russian, by hand
        "новый": "open",
        "новое": "open",
        "открыт": "open",
        "открыта": "open",
        "открыто": "open",
        "в работе (ответ)": "in-progress",
        "в процессе": "in-progress",
        "ожидание": "waiting",
        "ожидание ответа": "waiting",
        "приостановлена": "waiting",
        "решён": "resolved",
        "решен": "resolved",
        "решено": "resolved",
        "выполнена": "resolved",
        "закрыт": "closed",
        "закрыто": "closed",
        "отклонён": "rejected",
        "отклонен": "rejected",
        "отклонено": "rejected",
    ]

    /// Priority values → canonical priority.
    public static let priorities: [String: String] = [
        // MARK: canonical names; Redmine, English (en.yml); Jira
        "low": "low",  // en default_priority_low: Low; also Jira "Low"
        "normal": "normal",  // en default_priority_normal: Normal
        "high": "high",  // en default_priority_high: High; also Jira "High"
        "urgent": "urgent",  // en default_priority_urgent: Urgent
        "immediate": "urgent",  // en default_priority_immediate: Immediate
        "lowest": "low",
        "trivial": "low",
        "minor": "low",
        "medium": "normal",
        "major": "high",
        "highest": "urgent",
        "critical": "urgent",
        "blocker": "urgent",

        // MARK: Redmine, Simplified Chinese (zh.yml); also written by hand
        "低": "low",  // zh default_priority_low: 低; also zh-TW default_priority_low: 低
        "普通": "normal",  // zh default_priority_normal: 普通
        "高": "high",  // zh default_priority_high: 高; also zh-TW default_priority_high: 高
        "紧急": "urgent",  // zh default_priority_urgent: 紧急
        "立刻": "urgent",  // zh default_priority_immediate: 立刻

        // MARK: Redmine, Traditional Chinese (zh-TW.yml)
        "正常": "normal",  // zh-TW default_priority_normal: 正常
        "速": "urgent",  // zh-TW default_priority_urgent: 速
        "急": "urgent",  // zh-TW default_priority_immediate: 急

        // MARK: Chinese, by hand
        "中": "normal",
        "一般": "normal",
        "较低": "low",
        "较高": "high",
        "非常紧急": "urgent",
        "特急": "urgent",

        // MARK: Redmine, Russian (ru.yml)
        "низкий": "low",  // ru default_priority_low: Низкий
        "нормальный": "normal",  // ru default_priority_normal: Нормальный
        "высокий": "high",  // ru default_priority_high: Высокий
        "срочный": "urgent",  // ru default_priority_urgent: Срочный
        "немедленный": "urgent",  // ru default_priority_immediate: Немедленный

        // MARK: Russian, by hand
        "обычный": "normal",
        "средний": "normal",
        "критический": "urgent",
    ]

    /// Tier values → "1", "2" or "3".
    ///
    /// Tier 1 is the key user, 2 the internal consultant, 3 the vendor consultant; the
    /// team.csv role ids (`key-user`, …) are accepted too.
    public static let tiers: [String: String] = [
        // MARK: tier 1 — key user
        "1": "1",
        "l1": "1",
        "tier 1": "1",
        "line 1": "1",
        "一线": "1",
        "一级": "1",
        "关键用户": "1",
        "key user": "1",
        "key-user": "1",
        "1-я линия": "1",
        "первая линия": "1",

        // MARK: tier 2 — internal consultant
        "2": "2",
        "l2": "2",
        "tier 2": "2",
        "line 2": "2",
        "二线": "2",
        "二级": "2",
        "内部顾问": "2",
        "internal consultant": "2",
        "internal-consultant": "2",
        "2-я линия": "2",
        "вторая линия": "2",

        // MARK: tier 3 — vendor consultant
        "3": "3",
        "l3": "3",
        "tier 3": "3",
        "line 3": "3",
        "三线": "3",
        "三级": "3",
        "厂商顾问": "3",
        "vendor consultant": "3",
        "vendor-consultant": "3",
        "3-я линия": "3",
        "третья линия": "3",
    ]
}
