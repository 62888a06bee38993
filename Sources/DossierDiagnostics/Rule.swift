/// Every check Dossier makes, by the id printed after each diagnostic (`[issue-status]`).
///
/// docs/diagnostics.md lists them with examples; each has an invalid fixture site in the
/// tests that must produce it.
public enum Rule: String, Sendable, CaseIterable, Codable {
    // Files
    case fileUnreadable = "file-unreadable"
    case fileEncoding = "file-encoding"
    case fileBinary = "file-binary"
    case fileEmpty = "file-empty"
    case fileTooLarge = "file-too-large"
    case fileMissing = "file-missing"
    // CSV structure
    case csvSyntax = "csv-syntax"
    case csvRowLength = "csv-row-length"
    case csvHeader = "csv-header"
    case csvDelimiter = "csv-delimiter"
    // YAML and front matter
    case yamlSyntax = "yaml-syntax"
    case frontMatter = "front-matter"
    // project.yml
    case projectKey = "project-key"
    case projectValue = "project-value"
    case slaFormat = "sla-format"
    // dates in any CSV file
    case dateOrder = "date-order"
    case dateDST = "date-dst"
    // team.csv
    case teamMember = "team-member"
    // issues.csv
    case issueId = "issue-id"
    case issueDuplicate = "issue-duplicate"
    case issueRequired = "issue-required"
    case issueStatus = "issue-status"
    case issuePriority = "issue-priority"
    case issueTier = "issue-tier"
    case issueCategory = "issue-category"
    case issueDate = "issue-date"
    case issueResolved = "issue-resolved"
    case issueMilestone = "issue-milestone"
    case unknownPerson = "unknown-person"
    // milestones.csv
    case milestone = "milestone"
    // weekly notes
    case weekName = "week-name"
    case weekField = "week-field"
    // handbook
    case articleField = "article-field"
    case slugCollision = "slug-collision"
    // references and links
    case brokenReference = "broken-reference"
    case ambiguousReference = "ambiguous-reference"
    case brokenLink = "broken-link"
    case brokenAnchor = "broken-anchor"
    case unsafeLink = "unsafe-link"
    // Markdown text
    case cjkEmphasis = "cjk-emphasis"
    // templates
    case template = "template"
    /// The theme's words: a site's templates/strings/<language>.yml.
    case themeWords = "theme-words"
}
