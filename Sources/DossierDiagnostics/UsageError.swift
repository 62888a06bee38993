/// Why a command cannot run at all, as opposed to problems found in the records: the
/// command line prints the description after `dossier: ` and exits with status 2.
///
/// Each layer throws its own typed failure, with cases that carry values; its
/// `description` is the one place that words them.
public protocol UsageError: Error, CustomStringConvertible {}
