import DossierDiagnostics

/// The messages of the theme's templates, one constructor per kind of problem.
extension Diagnostic {
    /// A template that cannot be read for a reason Mustache gives; `error` in its words.
    static func templateUnreadable(_ file: String, error: any Error) -> Diagnostic {
        .error(.template, at: .start(of: file), "template.unreadable", ["problem": .value("\(error)")])
    }

    /// A parser error of Mustache's with no clearer message of our own.
    static func templateParserError(_ error: any Error, at location: SourceLocation) -> Diagnostic {
        .error(.template, at: location, "template.parser", ["problem": .value("\(error)")])
    }

    /// A tag Mustache found unclosed, where it stopped.
    static func templateTagNotClosed(at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(Message("template.tag-not-closed"), at: location)
    }

    /// A `{{=<% %>=}}` tag that does not set two delimiters.
    static func templateBadDelimiter(at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(Message("template.bad-delimiter"), at: location)
    }

    /// A `{{` with no `}}` before the end, the next line or the next tag; `inner` is what
    /// follows the `{{`, of which the first 30 characters are shown.
    static func templateTagUnclosed(_ inner: Substring, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(Message("template.tag-unclosed", ["tag": .value("{{\(inner.prefix(30))")]), at: location)
    }

    /// `{{/name}}` with no section open.
    static func templateSectionNeverOpened(_ name: String, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(Message("template.never-opened", ["name": .value(name)]), at: location)
    }

    /// `{{/name}}` while another section, opened at line `line` (1-based), is the one to close.
    static func templateSectionMismatch(_ name: String, open: String, line: Int, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(
            Message("template.mismatch", ["name": .value(name), "open": .value(open), "line": .number(line)]), at: location)
    }

    /// `{{#name}}` or `{{^name}}` never closed before the end of the template.
    static func templateSectionNeverClosed(_ name: String, at location: SourceLocation) -> Diagnostic {
        unreadableTemplate(Message("template.never-closed", ["name": .value(name)]), at: location)
    }

    /// A template of the site's that replaces no built-in one (`path` under templates/), with
    /// the built-in name it likely means.
    static func templateNeverUsed(_ path: String, name: String) -> Diagnostic {
        let hint = Suggestion.closest(to: name, in: Theme.templateNames).map { Suggestion.didYouMean("\($0).mustache") }
        return .warning(
            .template, at: .start(of: "templates/\(path)"), "template.never-used",
            ["name": .value(name), "hint": .optional(hint)])
    }

    /// A page template missing from the theme altogether.
    static func templateMissing(_ name: String) -> Diagnostic {
        .error(.template, at: .start(of: "templates/\(name).mustache"), "template.missing", ["name": .value("\(name).mustache")])
    }

    private static func unreadableTemplate(_ problem: Message, at location: SourceLocation) -> Diagnostic {
        .error(.template, at: location, "template.unreadable", ["problem": .message(problem)])
    }
}
