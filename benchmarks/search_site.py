#!/usr/bin/env python3
"""Generates a large Dossier site for measuring search: OUT_DIR/content, ready to build.

Usage: search_site.py OUT_DIR

The mix of an expense-control rollout at a group that also runs 1C:ERP at its Russian
plants: 20,000 issues (13,000 Chinese FK-, 5,000 Russian ERP-, 2,000 English EX-),
2,000 handbook articles (1,300 zh, 500 ru, 200 en) and 100 weekly notes, over a year
of dates. Deterministic: the same files every run (one seeded generator, no clock).

Most of it is noise written from the vocabulary of the project (借款, 报销, 审批,
себестоимость, ведомость, согласование, reimbursement, receipt, ...), so that a query's
words are everywhere. Among it sit the planted pages of TARGET_ARTICLES and
TARGET_ISSUES: each is the one page that answers some query of
benchmarks/search-queries.json (site "large"). Their paths and ids never change; noise
never uses their distinctive words in a title, and mentions a few of them in passing
(the decoys), so ranking has to tell the answer from a mention.

`dossier check OUT_DIR` is clean and `dossier build OUT_DIR` succeeds.
"""
import json
import os
import random
import sys
from datetime import date, datetime, timedelta

SEED = 20261030
ZH_ISSUES, RU_ISSUES, EN_ISSUES = 13000, 5000, 2000
ZH_ARTICLES, RU_ARTICLES, EN_ARTICLES = 1300, 500, 200
WEEKS = 100
FIRST_DAY = date(2025, 11, 3)  # issues are opened over the year that follows
DAYS = 362
START = date(2024, 12, 2)  # project start; the weekly notes run from here

# --- people -------------------------------------------------------------------------
TEAM = [
    ("chenjianguo", "陈建国", "sponsor", "集团财务部"),
    ("wangfang", "王芳", "pm", "集团信息中心"),
    ("lina", "李娜", "internal-consultant", "集团信息中心"),
    ("zhaolei", "赵磊", "internal-consultant", "集团信息中心"),
    ("sunli", "孙丽", "internal-consultant", "集团信息中心"),
    ("gaojing", "高静", "internal-consultant", "集团信息中心"),
    ("liuyang", "刘洋", "vendor-consultant", "云帆软件有限公司"),
    ("zhoujie", "周杰", "vendor-consultant", "云帆软件有限公司"),
    ("wuhao", "吴昊", "vendor-consultant", "云帆软件有限公司"),
    ("zhangwei", "张伟", "key-user", "集团财务共享中心"),
    ("huangmin", "黄敏", "key-user", "华东一厂财务部"),
    ("xuqiang", "徐强", "key-user", "华东二厂财务部"),
    ("heyan", "何燕", "key-user", "苏州子公司财务部"),
    ("madan", "马丹", "key-user", "武汉分公司财务部"),
    ("luoping", "罗平", "key-user", "成都分公司财务部"),
    ("tangxue", "唐雪", "key-user", "天津工厂财务部"),
    ("ivanov", "Иванов Алексей", "internal-consultant", "ООО «Восток-Пром»"),
    ("petrova", "Петрова Мария", "key-user", "ООО «Восток-Пром»"),
    ("smirnov", "Смирнов Дмитрий", "vendor-consultant", "1С-Франчайзи «Альфа»"),
    ("kuznetsova", "Кузнецова Ольга", "key-user", "Бухгалтерия завода в Калуге"),
    ("sokolov", "Соколов Игорь", "vendor-consultant", "1С-Франчайзи «Альфа»"),
    ("fedorova", "Фёдорова Анна", "key-user", "Расчётный отдел"),
    ("orlov", "Орлов Павел", "internal-consultant", "ООО «Восток-Пром»"),
    ("elkina", "Ёлкина Наталья", "key-user", "Казначейство"),
    ("jsmith", "John Smith", "internal-consultant", "Group IT"),
    ("mgarcia", "Maria Garcia", "key-user", "Shared Services Centre"),
    ("tnguyen", "Tom Nguyen", "vendor-consultant", "Cloudsail Software"),
    ("akhan", "Aisha Khan", "key-user", "UK Sales Office"),
]
ZH_OWNERS = ["lina", "zhaolei", "sunli", "gaojing", "liuyang", "zhoujie", "wuhao", "zhangwei", "huangmin"]
ZH_REPORTERS = ["zhangwei", "huangmin", "xuqiang", "heyan", "madan", "luoping", "tangxue"]
RU_OWNERS = ["ivanov", "smirnov", "sokolov", "orlov", "petrova"]
RU_REPORTERS = ["petrova", "kuznetsova", "fedorova"]
EN_OWNERS = ["jsmith", "tnguyen", "mgarcia"]
EN_REPORTERS = ["mgarcia", "akhan"]

MILESTONES = [
    ("M1", "蓝图设计确认", "2025-12-19", "2025-12-19", "wangfang", "集团总部"),
    ("M2", "第一批上线（集团总部、华东一厂）", "2026-02-02", "2026-02-06", "wangfang", "集团总部"),
    ("M3", "SAP 凭证接口稳定运行", "2026-03-31", "2026-04-14", "zhaolei", "集团财务共享中心"),
    ("M4", "Запуск 1С:ERP на заводе в Калуге", "2026-04-30", "2026-05-12", "ivanov", "Калуга"),
    ("M5", "移动端与发票 OCR 全面推广", "2026-05-29", "2026-06-05", "liuyang", "全集团"),
    ("M6", "第二批上线（武汉、成都、天津）", "2026-07-06", "2026-07-06", "wangfang", "武汉、成都、天津"),
    ("M7", "Переход на учёт партий и расчёт себестоимости в 1С", "2026-08-31", "", "smirnov", "Калуга"),
    ("M8", "UK office expense rollout", "2026-09-30", "2026-10-02", "jsmith", "UK"),
    ("M9", "数电票全面接入", "2026-11-30", "", "zhoujie", "全集团"),
    ("M10", "项目验收与移交运维", "2027-01-29", "", "chenjianguo", "全集团"),
]
ZH_MILESTONES = ["M1", "M2", "M3", "M5", "M6", "M9", "M10"]
RU_MILESTONES = ["M4", "M7", "M10"]
EN_MILESTONES = ["M8", "M10"]

# --- Chinese vocabulary ---------------------------------------------------------------
ZH_DOCS = ["差旅报销单", "费用报销单", "借款单", "还款单", "费用申请单", "出差申请单", "付款申请单",
           "预算调整单", "对公付款单", "招待费申请单", "会议费报销单", "备用金申请单"]
ZH_FIELDS = ["住宿费", "交通费", "出差补助", "发票", "附件", "成本中心", "预算科目", "收款账号", "税额",
             "汇率", "凭证号", "审批意见", "费用类型", "报销金额", "借款余额", "项目号"]
ZH_ERRORS = ["预算不足", "未找到适用的审批流", "该发票已被使用", "成本中心已冻结", "记账期间未打开",
             "附件上传失败", "借款余额不足", "超出差旅标准", "员工未维护默认成本中心", "接口超时",
             "凭证推送失败", "发票查验超时"]
ZH_VERBS = ["提交", "审批", "撤回", "冲销", "导出", "打印", "过账", "查验", "关联", "删除", "修改", "复制"]
ZH_NODES = ["部门负责人", "财务审核", "分管副总", "总经理", "预算员", "出纳", "厂长"]
ZH_UNITS = ["集团总部", "华东一厂", "华东二厂", "苏州子公司", "武汉分公司", "成都分公司", "天津工厂", "研发中心"]
ZH_MODULES = ["差旅报销", "费用申请", "借款", "审批流", "预算控制", "发票管理", "接口", "主数据", "权限",
              "移动端", "月末关账", "系统登录", "报表"]
ZH_TAGS = ["差旅", "借款", "报销", "审批流", "预算", "发票", "SAP", "凭证", "OCR", "移动端", "主数据",
           "权限", "成本中心", "月结", "接口", "第二批", "培训", "UAT", "切换", "报表"]
ZH_TITLES = [
    "{doc}提交时提示“{err}”",
    "{unit}{doc}{field}显示错误",
    "{doc}审批卡在{node}节点",
    "如何{verb}已审批的{doc}",
    "{unit}员工无法{verb}{doc}",
    "{doc}的{field}无法{verb}",
    "{field}在{doc}中计算不正确",
    "{unit}{node}看不到{doc}",
    "{doc}{verb}后{field}没有更新",
    "希望{doc}支持批量{verb}",
    "{doc}打印格式缺少{field}",
    "{unit}{doc}凭证推送 SAP 失败",
]
ZH_SENTENCES = [
    "{unit}员工提交{doc}时系统提示“{err}”，无法继续。",
    "复现步骤：1. 新建{doc}；2. 填写{field}；3. 点击提交。",
    "{node}在手机 App 上审批{doc}时看不到{field}。",
    "员工有未还清的借款，报销时系统提醒先冲销借款。",
    "财务共享中心反映本月{doc}数量较多，审核时限紧张。",
    "该单据已关联出差申请，住宿费和交通费按差旅标准校验。",
    "预算员确认{unit}本月预算科目余额充足，但系统仍提示{err}。",
    "审批流中{node}节点按组织取人，组织架构调整后需同步修改。",
    "发票 OCR 识别结果需要逐张核对金额和税额。",
    "凭证推送 SAP 后回写凭证号，财务在 FB03 中核对。",
    "借款单审批通过后由资金系统付款，报销时在付款信息页签冲销借款。",
    "关键用户已在问题清单中提报，类别选{cat}。",
    "厂商顾问确认属于配置问题，已在测试环境验证。",
    "月末关账前需处理完过账失败的凭证。",
    "{unit}的{doc}审批人为{node}，审批意见必填。",
    "报销单退回后预算占用自动释放，重新提交时重新占用。",
    "差旅报销单的出差补助按自然日计算。",
    "员工询问{field}的填写口径，已按知识库说明答复。",
    "成本中心以 SAP 为准，每天 06:00 同步。",
    "附件单个不超过 10 MB，扫描件建议选择黑白 200 dpi。",
    "员工的借款逾期后，财务每月导出逾期借款清单催还。",
    "审批通过后邮件通知申请人，付款后短信通知。",
    "费用申请单审批通过后占用预算，90 天内未报销自动关闭。",
    "{unit}本月共提交{doc} {n} 张，其中退回 {m} 张。",
]
ZH_RESOLUTIONS = [
    "已在 `系统管理 > {field}设置` 中修正配置，{unit}员工重新提交后正常。",
    "属于操作问题，已指导员工按知识库步骤处理。",
    "厂商已发布补丁修复，回归测试通过。",
    "手工触发主数据同步后恢复。",
    "已调整审批流节点{node}的取值方式，并在测试环境验证。",
    "不予实施，按集团制度执行。",
    "已重新推送凭证，SAP 过账成功。",
]
ZH_ARTICLE_TITLES = [
    "{unit}{doc}操作说明", "{doc}常见问题", "{field}填写规范", "{doc}审批要点", "{module}配置说明",
    "{unit}上线操作手册：{module}", "{doc}与{field}", "{module}日常运维检查", "{field}核对指引",
    "{unit}{module}培训讲义",
]
ZH_SECTIONS = ["适用范围", "操作步骤", "注意事项", "常见问题", "相关规定", "处理流程", "附录"]

# --- Russian vocabulary ---------------------------------------------------------------
RU_DOCS = ["Реализация товаров и услуг", "Поступление товаров и услуг", "Перемещение товаров",
           "Списание товаров", "Платёжное поручение исходящее", "Приходный кассовый ордер",
           "Начисление зарплаты", "Заказ клиента", "Заказ поставщику", "Возврат товаров от клиента",
           "Выпуск продукции", "Распределение производственных затрат", "Акт выполненных работ"]
RU_PROBLEMS = ["не проводится", "проводится с ошибкой", "не заполняется реквизит «Склад»",
               "зависает при записи", "не печатается печатная форма", "дублирует движения по регистру",
               "неверно рассчитывает НДС", "не отображается в отчёте", "не подбирается в журнал",
               "выдаёт ошибку при открытии формы"]
RU_OBJECTS = ["регистр накопления «Товары на складах»", "оборотно-сальдовую ведомость",
              "карточку счёта 41", "справочник «Контрагенты»", "справочник «Номенклатура»",
              "план счетов", "учётную политику", "регламентный отчёт", "партии товаров",
              "журнал проводок", "анализ субконто"]
RU_UNITS = ["завод в Калуге", "склад в Подольске", "филиал в Казани", "головной офис", "торговый дом"]
RU_MODULES = ["Бухгалтерский учёт", "Зарплата и кадры", "Склад", "Продажи", "Закупки", "Казначейство",
              "Производство", "Регламентированная отчётность", "Администрирование"]
RU_TAGS = ["1С", "проведение", "НДС", "склад", "зарплата", "отчётность", "обновление", "права",
           "закрытие месяца", "обмен", "производство", "банк"]
RU_TITLES = [
    "Документ «{doc}» {problem}",
    "{unit}: документ «{doc}» {problem}",
    "Не сходится {obj} после проведения",
    "Ошибка в форме документа «{doc}»",
    "Нужна доработка печатной формы «{doc}»",
    "Неверные остатки: {obj}",
    "Пользователь не видит документ «{doc}»",
    "Долго формируется {obj}",
    "Расхождение данных: {obj}",
    "Вопрос по заполнению документа «{doc}»",
]
RU_SENTENCES = [
    "При проведении документа «{doc}» программа выдаёт сообщение об ошибке.",
    "После обновления конфигурации документ «{doc}» {problem}.",
    "Бухгалтер {unit_gen} сообщает, что документ «{doc}» {problem}.",
    "Проверили {obj}: расхождение на сумму {n} руб.",
    "Согласование заявки на расходование денежных средств прошло, но платёжное поручение не создано.",
    "В расчётной ведомости за прошлый месяц суммы совпадают.",
    "Себестоимость по партиям рассчитана, отклонений не выявлено.",
    "Заявку передали франчайзи, ожидаем ответа.",
    "Проведение документов выполнено в монопольном режиме.",
    "Ошибка воспроизводится на копии базы.",
    "Для анализа сформировали {obj} за квартал.",
    "Права пользователя проверены, роль назначена.",
    "Период закрыт, изменения в документах запрещены датой запрета редактирования.",
    "Обновление релиза планируется на выходные.",
    "Ведомость распечатана и передана в бухгалтерию.",
    "Выгрузка в банк выполнена, выписка пока не загружена.",
    "Счёт-фактура зарегистрирована, НДС к вычету отражён.",
    "Пользователь приложил скриншот ошибки и файл журнала регистрации.",
    "Закрытие месяца выполнено без ошибок, кроме расчёта курсовых разниц.",
    "Проблема повторяется у всех пользователей склада.",
    "Инвентаризационная опись по складу заполнена.",
    "Авансовый отчёт сотрудника проведён, остаток подотчётных сумм нулевой.",
]
RU_RESOLUTIONS = [
    "Исправлены настройки учётной политики, документ перепроведён.",
    "Установлено исправление от франчайзи, ошибка не воспроизводится.",
    "Пользователю добавлена роль, доступ появился.",
    "Проблема в данных: исправлен справочник, документы перепроведены.",
    "Консультация: пользователю объяснён порядок работы.",
    "Не будем делать: противоречит регламенту учёта.",
]
RU_ARTICLE_TITLES = [
    "Работа с документом «{doc}»", "Инструкция: {module}", "Часто задаваемые вопросы: {module}",
    "Регламент: {module} ({unit})", "Проверка данных: {obj_nom}", "Настройка раздела «{module}»",
    "Памятка пользователю: документ «{doc}»",
]
RU_OBJECTS_NOM = ["Оборотно-сальдовая ведомость по счёту 41", "Карточка счёта 60", "Анализ субконто",
                  "Остатки товаров на складах", "Журнал проводок", "Справочник номенклатуры"]
RU_SECTIONS = ["Назначение", "Порядок действий", "Типичные ошибки", "Проверка результата", "Ответственные",
               "Примечания"]
RU_UNIT_GEN = {"завод в Калуге": "завода в Калуге", "склад в Подольске": "склада в Подольске",
               "филиал в Казани": "филиала в Казани", "головной офис": "головного офиса",
               "торговый дом": "торгового дома"}

# --- English vocabulary ---------------------------------------------------------------
EN_DOCS = ["expense claim", "travel request", "cash advance", "purchase card statement", "mileage claim",
           "hospitality claim", "supplier invoice", "payment run"]
EN_PROBLEMS = ["cannot be submitted", "is stuck in approval", "shows the wrong total", "is missing the cost centre",
               "fails to post to SAP", "is rejected without a reason", "loses its attachments"]
EN_MODULES = ["Expenses", "Travel", "Approvals", "Payments", "Card Management", "Reporting", "Integration"]
EN_TAGS = ["expenses", "approvals", "receipts", "SAP", "mobile", "uk", "policy", "payments"]
EN_TITLES = [
    "The {doc} {problem}",
    "UK office: {doc} {problem}",
    "Question about the {doc} form",
    "Add a field to the {doc}",
    "Report on {doc}s is slow",
    "Manager cannot approve a {doc}",
]
EN_SENTENCES = [
    "The employee submitted a {doc} and it {problem}.",
    "Receipts were scanned and attached as PDF files.",
    "The approver is on leave; a delegate was set up last week.",
    "Reimbursement is paid in the weekly payment run on Thursday.",
    "The claim was returned to the claimant for a missing receipt.",
    "Finance reviewed the claim against the travel and expense policy.",
    "The cost centre was changed after the claim was submitted.",
    "Steps: open the {doc}, add a line, press Submit.",
    "The voucher was posted to SAP and the document number written back.",
    "Currency conversion uses the rate of the first working day of the month.",
    "The employee asks when the reimbursed amount will reach the bank account.",
    "Mobile app version 3.6 shows the same behaviour.",
]
EN_RESOLUTIONS = [
    "Configuration corrected; the claimant resubmitted successfully.",
    "Explained the policy to the user; no change needed.",
    "Fixed by the vendor in release 2026.10.",
    "Not planned: outside the scope of the rollout.",
]
EN_ARTICLE_TITLES = ["Working with the {doc}", "{module}: frequently asked questions", "{module} quick guide",
                     "Checklist for the {doc}", "{module} for approvers"]
EN_SECTIONS = ["Purpose", "Steps", "Common mistakes", "Who to contact", "Notes"]

CATEGORIES = ["operation", "config", "data", "permission", "bug", "requirement"]
ZH_CATEGORY_LABELS = {"operation": "操作咨询", "config": "配置", "data": "主数据", "permission": "权限",
                      "bug": "系统缺陷", "requirement": "需求变更"}
STATUSES = ["closed"] * 6 + ["resolved"] * 2 + ["open", "in-progress", "waiting", "rejected"]
PRIORITIES = ["low", "normal", "normal", "normal", "high", "high", "urgent"]
SLA_HOURS = {"operation": 4, "config": 1, "data": 1, "permission": 1, "bug": 72, "requirement": 336}

# --- the planted pages ----------------------------------------------------------------
# Articles: path under handbook/ (without .md) -> (title, tags, body). Each answers one
# question of search-queries.json; the noise never has these titles.
TARGET_ARTICLES = {
    "loan/overdue-loan-offset": ("逾期借款在报销时如何冲销", ["借款", "冲销"], """
## 什么是逾期借款

员工借款后超过预计还款日期 30 天仍未报销或还款的，系统标记为 **逾期借款**。逾期借款会出现在每月的逾期借款清单中，由财务共享中心催还。

## 报销时冲销

有逾期借款的员工提交任何报销单时，系统强制要求先冲销借款：

1. 打开报销单的 **付款信息** 页签；
2. 点击 **冲销借款**，系统列出本人全部未还借款，逾期的排在最前并标红；
3. 勾选逾期借款单，填写本次冲销金额，可以部分冲销；
4. 冲销后应付金额自动减少，差额为负数时员工需另行还款。

## 不报销时如何还款

没有可报销费用的，通过转账还款，在 `我的借款` 中点击 **登记还款** 上传转账凭证，财务确认后借款余额清零。
"""),
    "travel/hotel-over-standard": ("住宿费超标说明填写规范", ["差旅", "住宿费", "超标"], """
## 什么时候需要填写超标说明

差旅报销单中住宿费超过 **职级 × 城市等级** 对应的住宿标准时，系统弹出超标提示，必须填写超标说明才能提交。

## 怎么写

超标说明要写清三件事：

- 超标原因：会议指定酒店、展会期间房价上涨、标准内酒店满房等；
- 比价情况：同期标准内酒店的价格或满房截图；
- 谁同意的：出差前是否经部门负责人同意。

不要只写“出差需要”或“无”。部门负责人审批时会逐条确认，说明不清的会被退回。

## 超标部分由谁承担

部门负责人同意的超标部分可以报销；不同意的，超标部分由员工自行承担，财务审核时从报销金额中扣除。
"""),
    "invoice/wrong-invoice-title": ("发票抬头或税号开错了怎么办", ["发票"], """
## 现象

上传发票后查验通过，但财务审核退回，意见为“发票抬头不是本公司”或“纳税人识别号错误”。

## 处理方法

1. 抬头或税号错误的发票不能报销，请联系开票方 **作废或红冲后重开**；
2. 数电票由开票方开具红字确认单后重开，原票自动失效；
3. 重开后的发票在原报销单中替换上传，不需要重新提交整张单据。

## 各单位的开票信息

各单位的名称、纳税人识别号、地址电话和开户行在 `个人中心 > 开票信息` 中可以一键复制，也可以出示二维码让开票方扫码。
"""),
    "voucher/e-archive": ("电子凭证归档与会计档案管理", ["凭证", "归档"], """
## 归档范围

费控系统中已过账的报销单、借款单及其电子发票、附件、审批记录，每月关账后自动生成电子会计档案。

## 归档步骤

1. 月末关账完成后，档案管理员在 `档案管理 > 电子归档` 中选择期间；
2. 系统校验每张记账凭证是否都有对应的原始单据和发票文件；
3. 校验通过后生成归档包，推送到集团电子档案系统；
4. 纸质发票仍需按凭证号装订，保存期限 30 年。

## 调阅

审计或税务检查需要调阅时，按凭证号在电子档案系统中检索，无需再翻纸质凭证。
"""),
    "budget/budget-transfer": ("预算调剂申请流程", ["预算"], """
## 什么是预算调剂

在不增加部门年度预算总额的前提下，把一个预算科目或月份的余额调到另一个科目或月份。追加预算不属于调剂。

## 申请步骤

1. 部门预算员在 `预算管理 > 预算调整单` 中选择调整类型 **调剂**；
2. 填写调出科目、调入科目、月份和金额，调出金额不能超过调出科目的可用预算；
3. 提交后由部门负责人、财务预算管理员审批；
4. 审批通过后，预算管理员点击 **生效**，可用预算随即更新。

## 限制

刚性控制科目（招待费、会议费）只能调入不能调出；跨公司的调剂不允许。
"""),
    "travel/overseas-allowance": ("境外出差补助标准", ["差旅", "补助", "境外"], """
## 适用范围

员工因公出国（境）出差，按目的地国家或地区发放伙食补助和公杂费，住宿费按实际报销但不超过上限。

## 标准

| 地区 | 伙食补助（美元/天） | 公杂费（美元/天） | 住宿上限（美元/晚） |
| --- | --- | --- | --- |
| 香港、澳门 | 60 | 30 | 220 |
| 日本、韩国 | 70 | 35 | 200 |
| 欧洲 | 80 | 40 | 250 |
| 俄罗斯 | 60 | 30 | 180 |

## 报销

境外出差补助按出入境日期计算天数，以美元计，报销时按当月 1 日汇率折算人民币。需上传护照出入境记录页作为附件。
"""),
    "approval/approver-resigned": ("审批人离职后待办如何转交", ["审批流", "离职", "转交"], """
## 现象

审批人离职后账号被停用，已经到达他名下的单据停在“审批中”，申请人在流程跟踪中看到审批人显示为“已停用”。

## 处理

1. 关键用户提报“配置”类问题，写明离职人员、离职日期和继任者；
2. 系统管理员在 `系统管理 > 待办转交 > 按人员转交` 中，把离职人员的全部待办转给继任者；
3. 勾选“同时替换后续节点中的该人员”；
4. 在组织架构中把部门负责人改为继任者，避免新单据再卡住。

## 预防

审批流尽量按部门负责人或角色取人，不要直接指定个人。
"""),
    "mobile/sms-code-not-received": ("手机收不到短信验证码怎么登录", ["移动端", "登录"], """
## 原因

移动端 App 的验证码发送到 HR 系统登记的手机号。收不到验证码，多数是 HR 系统中登记的是座机号码、旧号码，或者短信被手机拦截。

## 怎么办

- 先检查手机的短信拦截和“骚扰短信”文件夹；
- 改用 **企业微信扫码登录**，不需要验证码；
- 联系 HR 更新手机号，次日同步后生效。
"""),
    "1c/cost-price-calculation": ("Расчёт себестоимости выпуска продукции", ["1С", "производство", "закрытие месяца"], """
## Когда рассчитывается себестоимость

Фактическая себестоимость выпуска рассчитывается при закрытии месяца, обработкой «Закрытие месяца», шаг «Расчёт себестоимости товаров». До этого выпуск оценивается по плановой себестоимости.

## Порядок расчёта

1. Проверьте, что все документы «Выпуск продукции» и «Распределение производственных затрат» за месяц проведены;
2. Выполните шаги закрытия месяца до шага «Расчёт себестоимости товаров»;
3. Сформируйте отчёт «Анализ себестоимости выпущенной продукции» и сравните фактическую себестоимость с плановой;
4. Отклонение больше 10 % разберите с экономистом до закрытия периода.

## Частые ошибки

- Не распределены косвенные расходы: проверьте базу распределения по статьям затрат;
- Отрицательные остатки материалов: себестоимость списания получается нулевой, сначала исправьте остатки;
- Документы введены задним числом после расчёта: расчёт нужно повторить.
"""),
    "1c/configuration-update": ("Обновление конфигурации 1С:ERP с сохранением доработок", ["1С", "обновление"], """
## Перед обновлением

- Сделайте резервную копию информационной базы (выгрузка в .dt и копия на уровне СУБД);
- Предупредите пользователей: на время обновления база будет в монопольном режиме;
- Проверьте, что версия платформы подходит для нового релиза.

## Как обновить конфигурацию

1. Откройте Конфигуратор, меню «Конфигурация — Поддержка — Обновить конфигурацию»;
2. Выберите файл поставки .cfu нового релиза; релизы ставятся по цепочке, пропускать нельзя;
3. В окне сравнения и объединения проверьте объекты с доработками: для них выберите «Объединить с приоритетом основной конфигурации» и сверьте код;
4. Примените изменения («Обновить конфигурацию базы данных»);
5. Запустите 1С:Предприятие и дождитесь окончания обработчиков обновления.

## После обновления

Проверьте печатные формы и отчёты с доработками, проведите тестовый документ реализации и сформируйте оборотно-сальдовую ведомость.
"""),
    "1c/payroll-statement": ("Расчётная ведомость и ведомость на выплату зарплаты", ["1С", "зарплата"], """
## Расчётная ведомость

Расчётная ведомость (форма Т-51 или собственная форма) показывает начисления, удержания и сумму к выплате по каждому сотруднику за месяц. Формируется в разделе «Зарплата — Отчёты по зарплате — Расчётная ведомость».

## Ведомость на выплату

Выплата оформляется документом «Ведомость в банк» или «Ведомость в кассу»:

1. Укажите месяц и способ выплаты (зарплата, аванс, межрасчёт);
2. Нажмите «Заполнить» — попадут все сотрудники с суммой к выплате;
3. Проведите ведомость и выгрузите файл для зарплатного проекта.

## Почему суммы не совпадают

Если сумма в ведомости на выплату отличается от расчётной ведомости, проверьте, не выплачен ли аванс отдельной ведомостью и не удержан ли НДФЛ при выплате.
"""),
    "1c/payment-request-approval": ("Согласование заявок на расходование денежных средств", ["1С", "казначейство"], """
## Маршрут согласования

Заявка на расходование денежных средств проходит согласование в таком порядке:

1. Инициатор — руководитель подразделения;
2. Финансовый контролёр — проверка лимита по статье ДДС;
3. Финансовый директор — для сумм свыше 500 000 руб.;
4. Казначейство — включение в платёжный календарь.

## Как согласовать заявку

Согласующий открывает задачу в списке «Мои задачи», проверяет основание и нажимает «Согласовать» или «Отклонить» с комментарием. Отклонённая заявка возвращается инициатору.

## Статусы заявки

«Не согласована», «На согласовании», «Согласована», «К оплате», «Оплачена». Платёжное поручение создаётся только по заявке в статусе «К оплате».
"""),
    "1c/advance-report": ("Авансовый отчёт по командировке", ["1С", "командировки"], """
## Когда сдавать

Авансовый отчёт сдаётся в течение трёх рабочих дней после возвращения из командировки или после истечения срока, на который выдан аванс.

## Как отчитаться за командировку

1. Создайте документ «Авансовый отчёт», укажите сотрудника и выданный аванс;
2. На вкладке «Прочее» внесите суточные, проживание и проезд;
3. Приложите сканы билетов, счетов гостиницы и посадочных талонов;
4. Передайте отчёт на утверждение руководителю.

Перерасход возмещается сотруднику, неизрасходованный остаток вносится в кассу.
"""),
    "1c/bank-statement-import": ("Загрузка банковской выписки из клиент-банка", ["1С", "банк", "обмен"], """
## Настройка обмена

В разделе «Банк и касса — Обмен с банком» укажите файл обмена 1CClientBankExchange и кодировку Windows.

## Загрузка выписки

1. Выгрузите выписку из клиент-банка за день;
2. Нажмите «Загрузить» и выберите файл;
3. Программа создаст документы «Поступление на расчётный счёт» и «Списание с расчётного счёта»;
4. Непознанные контрагенты подсвечиваются: сопоставьте их вручную по ИНН.

Если выписка загрузилась дважды, найдите дубли в журнале банковских документов и пометьте на удаление.
"""),
    "1c/access-rights": ("Настройка прав доступа пользователей 1С", ["1С", "права"], """
## Профили групп доступа

Права выдаются через профили групп доступа, а не отдельными ролями. Пользователь получает права всех групп, в которые входит.

## Как выдать права

1. «Администрирование — Пользователи и права — Группы доступа»;
2. Откройте группу (например, «Бухгалтеры склада») и добавьте пользователя;
3. Ограничения на уровне записей задаются по организациям и складам.

Новому сотруднику права выдаются по заявке руководителя через сервис-деск.
"""),
    "1c/inventory-count": ("Инвентаризация товаров на складе", ["1С", "склад"], """
## Подготовка

Перед инвентаризацией проведите все документы поступления и отгрузки и запретите движение по складу.

## Проведение инвентаризации

1. Создайте документ «Пересчёт товаров», заполните по остаткам склада;
2. Распечатайте инвентаризационную опись ИНВ-3 для комиссии;
3. Внесите фактические количества;
4. По результатам оформите «Оприходование излишков» и «Списание недостач».
"""),
    "en/password-reset": ("Resetting your password", ["login"], """
## Who can reset a password

Every employee can reset their own password from the sign-in page. Key users cannot see or set passwords.

## How to reset your password

1. On the sign-in page, choose **Forgot password?**;
2. Enter your work e-mail address;
3. Open the reset link in the e-mail within 30 minutes and choose a new password of at least 12 characters.

If the e-mail does not arrive, check the spam folder, then ask the service desk to confirm your e-mail address in the HR system.
"""),
    "en/bank-reconciliation": ("Bank reconciliation of employee payouts", ["payments", "finance"], """
## Why reconcile

Each payment run pays approved expense claims to employees' bank accounts. Finance reconciles the bank statement against the payment run so that every payout is matched to a claim.

## Steps

1. Import the bank statement into the Payments module;
2. Run **Match payouts**: lines are matched by amount and payment reference;
3. Investigate unmatched lines: returned payments usually mean a wrong bank account;
4. Close the reconciliation for the day once every line is matched or explained.
"""),
    "en/mileage-allowance": ("Mileage allowance for private cars", ["travel", "policy"], """
## Rates

Business journeys in a private car are paid per mile: 45p per mile for the first 10,000 miles in the tax year, 25p after that. Passengers add 5p per mile.

## Claiming

Add a **Mileage** line to your expense claim with the start and end postcodes and the purpose of the journey. Commuting between home and your usual office is not claimable.
"""),
    "en/per-diem-international": ("Per diem rates for international trips", ["travel", "policy"], """
## What the per diem covers

For trips abroad a daily allowance covers meals and incidental costs; hotels are claimed separately against receipts.

## Rates

Rates depend on the destination country and are listed in the travel policy appendix. Days are counted from departure to return, both included; a day with meals provided is paid at half rate.
"""),
    "en/corporate-card-import": ("Importing corporate card transactions", ["payments", "cards"], """
## How card transactions arrive

Transactions on corporate cards are imported every night from the card provider's file. Each transaction appears in the cardholder's wallet as an unassigned expense.

## What the cardholder does

Attach the receipt to each imported transaction, choose the expense type and submit the claim. Personal spending on the card must be marked as private and is deducted from salary.
"""),
    "en/reimbursement-overview": ("How reimbursement works", ["expenses", "payments"], """
## From claim to payment

1. You submit an expense claim with its receipts;
2. Your manager approves it;
3. Finance checks it against the policy;
4. The approved amount is paid in the next weekly payment run.

## How long reimbursement takes

Most claims are reimbursed within seven working days of submission. You can follow the status of your claim under **My claims**.
"""),
}

# Issues: id -> fields. Each is the one issue that answers its query.
TARGET_ISSUES = {
    "FK-04217": dict(title="借款未还清时无法再次申请出差借款", module="借款", tags="借款", category="operation",
                     description="员工上月的出差借款 5,000 元尚未报销，本次出差申请新的借款时系统提示“存在未还清借款，不能再次借款”。\n\n员工询问借款没还清还能不能再借。",
                     resolution="按借款规则，前一笔借款未还清不能申请新借款。请先报销上次出差费用冲销借款，或转账还款后再申请。"),
    "FK-07731": dict(title="金额超过十万元的付款申请跳过了财务总监审批", module="审批流", tags="审批流", category="config",
                     description="一张 128,000 元的对公付款申请审批到分管副总后直接结束，没有经过财务总监节点。",
                     resolution="条件表达式写成了 `报销金额 > 100000`，改为 `单据总金额 > 100000`，财务总监节点恢复。"),
    "FK-09102": dict(title="高铁票改签手续费无法选择费用类型", module="差旅报销", tags="差旅", category="bug",
                     description="报销高铁票改签手续费时，费用类型下拉中没有“退改签费”，只能选“交通费-火车”。",
                     resolution="版本升级时费用类型“交通费-退改签”被误停用，已重新启用。"),
    "FK-11876": dict(title="数电票重复报销未被查重拦截", module="发票管理", tags="发票;数电票", category="bug",
                     description="同一张数电票先后在两张报销单中上传，第二次没有提示“该发票已被使用”。\n\n第一次上传的是 PDF，第二次上传的是 OFD。",
                     resolution="查重按文件摘要而不是发票号码进行，已改为按发票号码查重，并补查了历史单据。"),
    "FK-02650": dict(title="手机 App 收不到验证码无法登录", module="移动端", tags="移动端;登录", category="operation",
                     description="武汉分公司多名员工首次登录 App 时点击获取验证码后一直收不到短信。",
                     resolution="HR 系统中登记的是座机号码。指导员工改用企业微信扫码登录，HR 更新手机号后次日生效。"),
    "ERP-0417": dict(title="Не проводятся документы реализации за закрытый период", module="Продажи", tags="проведение",
                     category="bug",
                     description="При попытке провести документ «Реализация товаров и услуг» от 28 февраля программа сообщает: «Дата запрета изменения данных: 31.03.2026».\n\nНужно провести исправление задним числом.",
                     resolution="Дата запрета редактирования сдвинута ответственным бухгалтером на время исправления, документы проведены, дата запрета возвращена."),
    "ERP-1288": dict(title="Сверка взаиморасчётов с контрагентом расходится с актом", module="Бухгалтерский учёт",
                     tags="взаиморасчёты", category="data",
                     description="Акт сверки с ООО «Техснаб» показывает долг 240 000 руб., у контрагента — 180 000 руб.",
                     resolution="Платёжное поручение на 60 000 руб. отнесено не к тому договору. Исправлен договор в документе списания, акт сверки совпал."),
    "ERP-2045": dict(title="Счёт-фактура полученный не попадает в книгу покупок", module="Регламентированная отчётность",
                     tags="НДС", category="bug",
                     description="Счёт-фактура от поставщика зарегистрирован, но в книге покупок за квартал его нет, НДС к вычету занижен.",
                     resolution="Не был проведён документ «Формирование записей книги покупок». После проведения счёт-фактура попала в книгу."),
    "ERP-3310": dict(title="После обновления платформы 1С медленно открывается журнал документов", module="Администрирование",
                     tags="обновление", category="bug",
                     description="После перехода на новую версию платформы журнал документов продаж открывается больше минуты, раньше — за пару секунд.",
                     resolution="Сброшены настройки списка пользователей и перестроены индексы СУБД; журнал открывается за 2 секунды."),
    "ERP-0950": dict(title="Ошибка при закрытии месяца: не распределены косвенные расходы", module="Производство",
                     tags="закрытие месяца", category="bug",
                     description="Шаг «Распределение расходов по направлениям деятельности» завершается с ошибкой: база распределения не заполнена.",
                     resolution="Для статьи затрат «Общепроизводственные расходы» указана база распределения «Выпуск продукции», шаг выполнен."),
    "ERP-0133": dict(title="Не формируется платёжный календарь на неделю", module="Казначейство", tags="казначейство",
                     category="bug", owner="elkina",
                     description="Отчёт «Платёжный календарь» за неделю пустой, хотя заявки к оплате есть.",
                     resolution="В отчёте был отбор по устаревшему счёту. Отбор снят."),
    "ERP-2761": dict(title="Лимит по статье ДДС превышен без предупреждения", module="Казначейство", tags="казначейство",
                     category="config", owner="elkina",
                     description="Заявка на оплату прошла сверх лимита по статье «Командировочные расходы».",
                     resolution="Контроль лимитов был выключен для организации. Включён."),
    "ERP-4402": dict(title="Дублируются выплаты поставщику в реестре платежей", module="Казначейство", tags="казначейство",
                     category="bug", owner="elkina",
                     description="В реестре платежей на 15 октября одна и та же оплата поставщику попала дважды.",
                     resolution="Заявку скопировали вместе с основанием. Лишняя строка удалена, добавлена проверка."),
    "ERP-1777": dict(title="Не отправляются акты в ЕГАИС при списании алкогольной продукции", module="Склад", tags="ЕГАИС;склад",
                     category="bug",
                     description="Акт списания алкогольной продукции не уходит в ЕГАИС, статус «Ошибка передачи».",
                     resolution="Обновлён транспортный модуль УТМ, акты переданы."),
    "ERP-3902": dict(title="Расхождение остатков алкогольной продукции с ЕГАИС", module="Склад", tags="ЕГАИС;склад",
                     category="data",
                     description="Остатки по регистру 2 в ЕГАИС больше остатков в 1С на 12 бутылок.",
                     resolution="Проведён акт постановки на баланс по результатам инвентаризации."),
    "EX-0815": dict(title="Reimbursed amount differs from the claim after currency conversion", module="Payments",
                    tags="payments", category="bug",
                    description="A claim for EUR 420.00 was reimbursed as GBP 352.10, while the claim showed GBP 361.20.",
                    resolution="The payment used the rate of the payment date instead of the claim date's rate. Fixed; the difference was paid."),
    "EX-1342": dict(title="Approver cannot see receipts attached to the claim", module="Approvals", tags="approvals;receipts",
                    category="permission",
                    description="Line managers in the UK office open a claim to approve and the receipts tab is empty.",
                    resolution="The approver role lacked the image viewing permission. Added."),
    "EX-1650": dict(title="Duplicate receipt was not flagged on submission", module="Expenses", tags="receipts",
                    category="bug",
                    description="The same hotel receipt was submitted on two claims a week apart and neither was flagged.",
                    resolution="The duplicate check now compares merchant, date and amount, not only the file."),
    "EX-0271": dict(title="Password reset email never arrives", module="Expenses", tags="login", category="operation",
                    description="A new starter clicks Forgot password but receives no e-mail.",
                    resolution="Their e-mail address was missing in the HR system. Added; the reset e-mail arrived."),
}

def rng_pick(rng, items):
    return items[rng.randrange(len(items))]


def fill(rng, template, lang):
    values = {}
    if lang == "zh":
        values = dict(doc=rng_pick(rng, ZH_DOCS), field=rng_pick(rng, ZH_FIELDS), err=rng_pick(rng, ZH_ERRORS),
                      verb=rng_pick(rng, ZH_VERBS), node=rng_pick(rng, ZH_NODES), unit=rng_pick(rng, ZH_UNITS),
                      module=rng_pick(rng, ZH_MODULES), cat=ZH_CATEGORY_LABELS[rng_pick(rng, CATEGORIES)],
                      n=rng.randrange(20, 400), m=rng.randrange(1, 20))
    elif lang == "ru":
        unit = rng_pick(rng, RU_UNITS)
        values = dict(doc=rng_pick(rng, RU_DOCS), problem=rng_pick(rng, RU_PROBLEMS), obj=rng_pick(rng, RU_OBJECTS),
                      unit=unit.capitalize(), unit_gen=RU_UNIT_GEN[unit], module=rng_pick(rng, RU_MODULES),
                      obj_nom=rng_pick(rng, RU_OBJECTS_NOM), n=f"{rng.randrange(1, 900)} {rng.randrange(100, 999)}")
    else:
        values = dict(doc=rng_pick(rng, EN_DOCS), problem=rng_pick(rng, EN_PROBLEMS), module=rng_pick(rng, EN_MODULES))
    return template.format(**values)


def paragraph(rng, lang, sentences):
    pool = {"zh": ZH_SENTENCES, "ru": RU_SENTENCES, "en": EN_SENTENCES}[lang]
    joiner = "" if lang == "zh" else " "
    return joiner.join(fill(rng, rng_pick(rng, pool), lang) for _ in range(sentences))


def csv_field(text):
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def stamp(moment):
    return moment.strftime("%Y-%m-%d %H:%M")


def issue_row(rng, issue_id, lang, index, count, target=None):
    day = FIRST_DAY + timedelta(days=index * DAYS // count)
    opened = datetime(day.year, day.month, day.day, rng.randrange(8, 18), rng.randrange(60))
    if lang == "zh":
        owners, reporters, modules, tags, milestones, titles = ZH_OWNERS, ZH_REPORTERS, ZH_MODULES, ZH_TAGS, ZH_MILESTONES, ZH_TITLES
        resolutions = ZH_RESOLUTIONS
    elif lang == "ru":
        owners, reporters, modules, tags, milestones, titles = RU_OWNERS, RU_REPORTERS, RU_MODULES, RU_TAGS, RU_MILESTONES, RU_TITLES
        resolutions = RU_RESOLUTIONS
    else:
        owners, reporters, modules, tags, milestones, titles = EN_OWNERS, EN_REPORTERS, EN_MODULES, EN_TAGS, EN_MILESTONES, EN_TITLES
        resolutions = EN_RESOLUTIONS
    status = rng_pick(rng, STATUSES)
    category = rng_pick(rng, CATEGORIES)
    row = dict(id=issue_id, title=fill(rng, rng_pick(rng, titles), lang), status=status,
               priority=rng_pick(rng, PRIORITIES), category=category, tier=str(rng.randrange(1, 4)),
               module=rng_pick(rng, modules), reporter=rng_pick(rng, reporters), owner=rng_pick(rng, owners),
               opened=stamp(opened), resolved="", due="",
               milestone=rng_pick(rng, milestones) if rng.random() < 0.4 else "",
               tags=";".join(sorted(set(rng_pick(rng, tags) for _ in range(rng.randrange(1, 4))))),
               description=paragraph(rng, lang, rng.randrange(2, 5)), resolution="")
    if lang == "zh" and rng.random() < 0.3:
        row["description"] += "\n\n复现步骤：\n\n1. 登录费控系统；\n2. " + fill(rng, "新建{doc}，填写{field}；", "zh") + "\n3. 点击提交。"
    if lang == "zh" and rng.random() < 0.05:
        row["description"] += f"\n\n类似问题见 [[FK-{rng.randrange(1, index + 2):05d}]]。"
    if target:
        row.update({k: v for k, v in target.items()})
        row["status"] = target.get("status", "closed")
    if row["status"] in ("resolved", "closed", "rejected"):
        hours = rng.choice([0.5, 0.8, 2, 3, 20, 60, 200])
        row["resolved"] = stamp(opened + timedelta(hours=hours))
        if not target:
            row["resolution"] = fill(rng, rng_pick(rng, resolutions), lang)
    elif target:
        row["resolution"] = ""
    if row["category"] == "requirement" and rng.random() < 0.2:
        row["due"] = (opened + timedelta(days=30)).strftime("%Y-%m-%d")
    return row


ISSUE_COLUMNS = ["id", "title", "status", "priority", "category", "tier", "module", "reporter", "owner", "opened",
                 "resolved", "due", "milestone", "tags", "description", "resolution"]


def write_issues(rng, content):
    rows = []
    for prefix, lang, count, width in [("FK", "zh", ZH_ISSUES, 5), ("ERP", "ru", RU_ISSUES, 4), ("EX", "en", EN_ISSUES, 4)]:
        for n in range(1, count + 1):
            issue_id = f"{prefix}-{n:0{width}d}"
            rows.append((issue_row(rng, issue_id, lang, n, count, TARGET_ISSUES.get(issue_id)), lang))
    # Decoys: noise issues that mention a planted page's words in passing.
    decoys = {
        "FK-00880": "出差途中高铁晚点，员工询问能否改签后再报销，已口头答复。",
        "FK-05120": "员工询问发票抬头在哪里查看，已告知在个人中心。",
        "FK-06600": "月末归档前财务提醒各部门尽快提交报销单。",
        "FK-08001": "员工借款未还，财务发出催还提醒。",
        "ERP-0700": "Себестоимостью занимается экономист, по этому вопросу к нему.",
        "ERP-2300": "Обновить конфигурацию планируем после закрытия квартала.",
        "ERP-3500": "Ведомостью на выплату займётся расчётный отдел, здесь вопрос по кадрам.",
        "EX-0400": "Mentioned in the reconciliation meeting; no change needed.",
        "EX-1200": "The employee asked about reimbursement of a parking fine; not claimable.",
    }
    with open(os.path.join(content, "issues.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(",".join(ISSUE_COLUMNS) + "\n")
        for row, lang in rows:
            if row["id"] in decoys:
                row["description"] += "\n\n" + decoys[row["id"]]
            f.write(",".join(csv_field(row[c]) for c in ISSUE_COLUMNS) + "\n")
    return [row["id"] for row, _ in rows]


def article_text(title, tags, body, owner, updated, issues=()):
    tag_list = ", ".join(tags)
    quoted = json.dumps(title, ensure_ascii=False)  # a YAML double-quoted scalar
    front = f"---\ntitle: {quoted}\ntags: [{tag_list}]\nowner: {owner}\nupdated: {updated}\n"
    if issues:
        front += "issues: [" + ", ".join(issues) + "]\n"
    return front + "---\n" + body.rstrip() + "\n"


def noise_article(rng, lang):
    if lang == "zh":
        title = fill(rng, rng_pick(rng, ZH_ARTICLE_TITLES), "zh")
        sections, tags, owner = ZH_SECTIONS, ZH_TAGS, rng_pick(rng, ZH_OWNERS)
    elif lang == "ru":
        title = fill(rng, rng_pick(rng, RU_ARTICLE_TITLES), "ru")
        sections, tags, owner = RU_SECTIONS, RU_TAGS, rng_pick(rng, RU_OWNERS)
    else:
        title = fill(rng, rng_pick(rng, EN_ARTICLE_TITLES), "en")
        sections, tags, owner = EN_SECTIONS, EN_TAGS, rng_pick(rng, EN_OWNERS)
    parts = [paragraph(rng, lang, 2), ""]
    for heading in rng.sample(sections, rng.randrange(2, 4)):
        parts += [f"## {heading}", "", paragraph(rng, lang, rng.randrange(2, 5)), ""]
        if rng.random() < 0.5:
            parts += [f"1. {paragraph(rng, lang, 1)}", f"2. {paragraph(rng, lang, 1)}", f"3. {paragraph(rng, lang, 1)}", ""]
    return title, sorted(set(rng_pick(rng, tags) for _ in range(rng.randrange(1, 3)))), "\n".join(parts), owner


def write_articles(rng, content):
    handbook = os.path.join(content, "handbook")
    zh_folders = ["expense", "travel", "loan", "invoice", "approval", "budget", "voucher", "mobile", "faq", "admin"]
    ru_folders = ["1c/buh", "1c/zup", "1c/sklad", "1c/kazna", "1c/proizvodstvo"]
    en_folders = ["en/guides", "en/faq"]
    written = 0
    for path, (title, tags, body) in TARGET_ARTICLES.items():
        lang = "ru" if path.startswith("1c/") else "en" if path.startswith("en/") else "zh"
        owner = {"zh": "lina", "ru": "ivanov", "en": "jsmith"}[lang]
        os.makedirs(os.path.dirname(os.path.join(handbook, path)), exist_ok=True)
        with open(os.path.join(handbook, path + ".md"), "w", encoding="utf-8") as f:
            f.write(article_text(title, tags, body, owner, "2026-10-15"))
        written += 1
    counts = {"zh": ZH_ARTICLES, "ru": RU_ARTICLES, "en": EN_ARTICLES}
    planted = {lang: sum(1 for p in TARGET_ARTICLES if (("ru" if p.startswith("1c/") else "en" if p.startswith("en/") else "zh") == lang))
               for lang in counts}
    for lang, folders in [("zh", zh_folders), ("ru", ru_folders), ("en", en_folders)]:
        for n in range(counts[lang] - planted[lang]):
            folder = folders[n % len(folders)]
            title, tags, body, owner = noise_article(rng, lang)
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            os.makedirs(os.path.join(handbook, folder), exist_ok=True)
            with open(os.path.join(handbook, folder, f"a{n:04d}.md"), "w", encoding="utf-8") as f:
                f.write(article_text(title, tags, body, owner, day.isoformat()))
            written += 1
    return written


def write_weekly(rng, content, issue_ids):
    weekly = os.path.join(content, "weekly")
    os.makedirs(weekly, exist_ok=True)
    monday = START
    for _ in range(WEEKS):
        year, week, _ = monday.isocalendar()
        done = [rng_pick(rng, issue_ids) for _ in range(3)]
        body = ("## 本周完成\n\n" + "".join(f"- {paragraph(rng, 'zh', 1)} 见 [[{i}]]\n" for i in done) +
                "\n## 下周计划\n\n- " + paragraph(rng, "zh", 2) + "\n- Калуга: " + paragraph(rng, "ru", 1) +
                "\n\n## 风险\n\n- " + paragraph(rng, "zh", 1) + "\n")
        with open(os.path.join(weekly, f"{year}-W{week:02d}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\nweek: {year}-W{week:02d}\nstatus: {rng.choice(['green', 'green', 'amber', 'red'])}\n"
                    f"completion: {min(100, 5 + _)}\nsummary: {json.dumps(paragraph(rng, 'zh', 1), ensure_ascii=False)}\n"
                    f"attendees: [wangfang, lina, ivanov]\n---\n\n{body}")
        monday += timedelta(days=7)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    out = sys.argv[1]
    content = os.path.join(out, "content")
    if os.path.exists(content):
        sys.exit(f"{content} exists; give a new folder")
    os.makedirs(content)
    rng = random.Random(SEED)
    with open(os.path.join(content, "project.yml"), "w", encoding="utf-8") as f:
        f.write("name: 集团费控与 1С:ERP 实施\nclient: 华东某制造集团有限公司\nlanguage: zh\ntimezone: Asia/Shanghai\n"
                f"start: {START.isoformat()}\n")
    with open(os.path.join(content, "team.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,role,org,email\n")
        for pid, name, role, org in TEAM:
            f.write(f"{pid},{name},{role},{csv_field(org)},{pid}@example.com\n")
    with open(os.path.join(content, "milestones.csv"), "w", encoding="utf-8") as f:
        f.write("id,title,due,done,owner,scope\n")
        for m in MILESTONES:
            f.write(",".join(csv_field(x) for x in m) + "\n")
    issue_ids = write_issues(rng, content)
    articles = write_articles(rng, content)
    write_weekly(rng, content, issue_ids)
    print(f"{len(issue_ids)} issues, {articles} articles, {WEEKS} weekly notes in {content}")


if __name__ == "__main__":
    main()
