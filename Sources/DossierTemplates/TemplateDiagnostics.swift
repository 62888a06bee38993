import DossierDiagnostics

/// The messages of the theme's templates, one constructor per kind of problem.
extension Diagnostic {
    /// A template that cannot be read for a reason Mustache gives; `error` in its words.
    static func templateUnreadable(_ file: String, error: any Error) -> Diagnostic {
        .error(.template, at: .start(of: file), "template cannot be read: \(error)")
    }

    /// A parser error of Mustache's with no clearer message of our own.
    static func templateParserError(_ error: any Error, at location: SourceLocation) -> Diagnostic {
        .error(.template, at: location, "template cannot be read (\(error))")
    }

    /// A tag Mustache found unclosed, where it stopped.
    static func templateTagNotClosed(at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("a tag is not closed with }}", at: location)
    }

    /// A `{{=<% %>=}}` tag that does not set two delimiters.
    static func templateBadDelimiter(at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("a {{=<% %>=}} delimiter tag is malformed", at: location)
    }

    /// A `{{` with no `}}` before the end, the next line or the next tag; `inner` is what
    /// follows the `{{`, of which the first 30 characters are shown.
    static func templateTagUnclosed(_ inner: Substring, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("tag {{\(inner.prefix(30)) is not closed with }}", at: location)
    }

    /// `{{/name}}` with no section open.
    static func templateSectionNeverOpened(_ name: String, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("{{/\(name)}} closes a section that was never opened", at: location)
    }

    /// `{{/name}}` while another section, opened at line `line` (1-based), is the one to close.
    static func templateSectionMismatch(_ name: String, open: String, line: Int, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("{{/\(name)}} does not close the section {{#\(open)}} opened at line \(line)", at: location)
    }

    /// `{{#name}}` or `{{^name}}` never closed before the end of the template.
    static func templateSectionNeverClosed(_ name: String, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate("section {{#\(name)}} is never closed; end it with {{/\(name)}}", at: location)
    }

    /// A template of the site's that replaces no built-in one (`path` under templates/), with
    /// the built-in name it likely means.
    static func templateNeverUsed(_ path: String, name: String) -> Diagnostic {
        let hint = Suggestion.closest(to: name, in: Theme.templateNames).map { "; did you mean \"\($0).mustache\"?" } ?? ""
        return .warning(
            .template, at: .start(of: "templates/\(path)"),
            "no built-in template is named \"\(name)\", so this file is never used\(hint)")
    }

    /// A page template missing from the theme altogether.
    static func templateMissing(_ name: String) -> Diagnostic {
        .error(.template, at: .start(of: "templates/\(name).mustache"), "the theme has no \(name).mustache")
    }

    private static func unreadableTemplate(_ problem: String, at location: SourceLocation) -> Diagnostic {
        .error(.template, at: location, "template cannot be read: \(problem)")
    }
}
