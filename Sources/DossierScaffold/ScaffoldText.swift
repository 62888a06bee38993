import DossierDiagnostics

/// The words `dossier new` writes into records, in the project's language: the message
/// catalogue's `scaffold.*` (templates/strings/<language>.yml). YAML keys and values
/// (`status:`, `green`) stay as they are, being read by Dossier; only what explains them
/// is worded.
struct ScaffoldText {
    let language: Language

    /// The conventional `##` sections of a weekly note (SPEC §1.5).
    var sections: (done: String, next: String, risks: String, delays: String) {
        (
            say("scaffold.section-done"), say("scaffold.section-next"), say("scaffold.section-risks"),
            say("scaffold.section-delays")
        )
    }

    /// The prompt under Risks: the report lists the open issues past their target.
    var risksPrompt: String { say("scaffold.prompt-risks") }

    /// The prompt under Delays: the report lists the overdue milestones.
    var delaysPrompt: String { say("scaffold.prompt-delays") }

    /// What a weekly note's commented-out `status:` may say.
    var statusComment: String { say("scaffold.weekly-status") }

    /// What a weekly note's commented-out `completion:` means.
    var completionComment: String { say("scaffold.weekly-completion") }

    /// What a weekly note's `summary:` is for.
    var summaryComment: String { say("scaffold.weekly-summary") }

    /// What an article's commented-out `owner:` names.
    var ownerComment: String { say("scaffold.article-owner", ["who": .message(Message("expected.person"))]) }

    /// An article's commented-out `weight:`, an example value and what it does.
    var weightComment: String { say("scaffold.article-weight") }

    /// An article's commented-out `draft:`, its value and what it does.
    var draftComment: String { say("scaffold.article-draft") }

    /// The first paragraph of a new article.
    var articleBody: String { say("scaffold.article-body") }

    private func say(_ key: String, _ arguments: [String: Message.Argument] = [:]) -> String {
        Message(key, arguments).text(in: language)
    }
}
