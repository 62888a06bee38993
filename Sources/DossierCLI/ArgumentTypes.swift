import ArgumentParser
import DossierModel
import DossierScaffold
import DossierSite

// The library's own types read straight from the command line, so the library is handed
// typed values, never flag text. A value that is none of a type's is the parser's usage
// error (exit 2), which names the option and shows its help.

/// `--week 2022-W14`, as written: a value that is no ISO week is refused by the library
/// in the reader's language (the parser's own complaint would be English).
struct WeekOption: ExpressibleByArgument {
    var text: String
    init?(argument: String) { text = argument }

    /// The week, or `UsageFailure.badWeek`.
    func week() throws -> ISOWeek {
        guard let week = ISOWeek(text) else { throw UsageFailure.badWeek(text) }
        return week
    }
}

/// `--as-of 2022-04-29` or a datetime, as written: which instant it is depends on the
/// site's project.yml (`timezone`, `dates`), so the library reads it once the site is
/// loaded and says there what is wrong with it.
extension AsOf: ExpressibleByArgument {
    public init?(argument: String) { self = .written(argument) }
}

/// `init --language en|zh|ru`.
extension Starter.Language: ExpressibleByArgument {}

/// `check --format text|json|github`.
extension DiagnosticFormat: ExpressibleByArgument {}

/// `report weekly --format markdown|text|html|email|json`.
extension Dossier.ReportFormat: ExpressibleByArgument {}

/// `diff --format markdown|json`.
extension Dossier.DiffFormat: ExpressibleByArgument {}

/// `--lang en|zh|ru`: the language of every sentence printed for a person.
extension Language: ExpressibleByArgument {}
