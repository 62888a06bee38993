import DossierSite
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A build's stage on one line of a terminal, rewritten in place and cleared at the
/// end; nothing at all when standard error is not a terminal (CI logs, pipes).
final class ProgressLine: Sendable {
    private struct State {
        var last: ContinuousClock.Instant?
        var shown = false
    }

    private let state = Mutex(State())
    let enabled: Bool
    /// The language of the stage names.
    let language: Language

    init(language: Language = .en, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.language = language
        self.enabled = enabled
    }

    /// The callback to hand to a build, or nil when there is no terminal.
    var callback: (@Sendable (Dossier.Progress) -> Void)? {
        guard enabled else { return nil }
        return { [self] progress in show(progress) }
    }

    static func text(_ progress: Dossier.Progress, in language: Language) -> String {
        let message: Message
        switch progress {
        case .loading: message = Message("progress.loading")
        case .rendering(let done, let total):
            message = Message(
                "progress.rendering",
                ["done": .number(done), "total": .number(total), "percent": .number(total == 0 ? 100 : done * 100 / total)])
        case .indexing: message = Message("progress.indexing")
        case .checkingLinks: message = Message("progress.checking-links")
        case .swapping: message = Message("progress.swapping")
        }
        return message.text(in: language)
    }

    func show(_ progress: Dossier.Progress) {
        let now = ContinuousClock.now
        let due = state.withLock { state -> Bool in
            // Page counts at most ten times a second; stage changes always.
            if case .rendering(let done, _) = progress, done > 0, let last = state.last, now - last < .milliseconds(100) {
                return false
            }
            state.last = now
            state.shown = true
            return true
        }
        if due { printError("\r\u{1B}[2K\(Self.text(progress, in: language))") }
    }

    /// Clears the line, before the command prints its result.
    func clear() {
        let shown = state.withLock { state in
            defer { state.shown = false }
            return state.shown
        }
        if shown { printError("\r\u{1B}[2K") }
    }
}
