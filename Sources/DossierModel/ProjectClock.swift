import DossierDiagnostics
import Foundation

/// How a local wall-clock time fits the project's zone, around a change of its UTC offset
/// (daylight saving time). Offsets are seconds east of UTC.
public enum LocalTimeFit: Equatable, Sendable {
    /// The time exists once (or the text gave its own offset).
    case exact
    /// The clocks jump over the time by `gap` seconds (spring forward); it was read
    /// `gap` seconds later, at UTC`offset`.
    case skipped(gap: Int, offset: Int)
    /// The clocks pass the time twice (fall back); it was read as the first, at
    /// UTC`firstOffset`; the second is at UTC`secondOffset`.
    case repeated(firstOffset: Int, secondOffset: Int)
}

/// The project's time zone, which turns record dates into instants and instants into
/// days and weeks. Weeks run Monday 00:00 to the next Monday 00:00 local time.
public struct ProjectClock: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// Why a date written on its own cannot be read (see `read(_:order:)`).
    public enum DateProblem: Error, Equatable, Sendable {
        /// None of the forms, or a day the calendar lacks; `reason` says why when more
        /// can be said (`two-digit year: write the year in full (2026)`).
        case unreadable(reason: Message?)
        /// A slash or dash date that reads as two different days, and no order was given.
        case ambiguous(monthFirst: CivilDate, dayFirst: CivilDate)
    }

    /// Reads one date or datetime on its own (a command-line value, a test) in any form
    /// `WrittenTime` knows. A dotted date is day-first; a slash or dash date whose year is
    /// last is read the only way it can be when a number is above 12, else in `order`,
    /// and is `.ambiguous` without one (CSV columns decide theirs with `DateColumn`).
    ///
    /// Without an offset the time is the project's local time; a local time the zone
    /// skips or repeats is read as `instant(ofLocal:)` says.
    public func read(_ raw: String, order: DateOrder?) -> Result<RecordTime, DateProblem> {
        let written: WrittenTime
        switch WrittenTime.read(raw) {
        case .success(let value): written = value
        case .failure(let refusal): return .failure(.unreadable(reason: refusal.reason))
        }
        var chosen = DateOrder.dayFirst
        if !written.isDotted {
            if let proven = written.provenOrder {
                chosen = proven
            } else if let order {
                chosen = order
            } else if written.isAmbiguous, let monthFirst = written.date(.monthFirst), let dayFirst = written.date(.dayFirst) {
                return .failure(.ambiguous(monthFirst: monthFirst, dayFirst: dayFirst))
            }
        }
        switch written.civilDate(chosen) {
        case .success(let date): return .success(time(written, on: date).time)
        case .failure(let refusal): return .failure(.unreadable(reason: refusal.reason))
        }
    }

    /// As `read(_:order:)` with an order always given; nil when the text cannot be read.
    public func parse(_ raw: String, order: DateOrder = .monthFirst) -> RecordTime? {
        try? read(raw, order: order).get()
    }

    /// The record time of `written`, read as the day `date`, and how its local time fits
    /// the zone (`.exact` for a date alone or a time with an offset).
    func time(_ written: WrittenTime, on date: CivilDate) -> (time: RecordTime, fit: LocalTimeFit) {
        guard let second = written.secondOfDay else {
            return (RecordTime(instant: startOfDay(date), day: date, isDateOnly: true), .exact)
        }
        let local = date.daysSinceEpoch * 86400 + second
        var instant: Date
        var fit = LocalTimeFit.exact
        if let offset = written.offset {
            instant = Date(timeIntervalSince1970: TimeInterval(local - offset))
        } else {
            (instant, fit) = self.instant(ofLocal: local)
        }
        return (RecordTime(instant: instant, day: day(of: instant), isDateOnly: false), fit)
    }

    /// The instant of local wall-clock seconds since 1970 in the project's zone, and
    /// whether that wall-clock time exists once, never or twice there.
    ///
    /// A time the clocks skip is moved forward by the length of the gap, and a time they
    /// repeat is the first of the two, as java.time and Temporal's "compatible" choice
    /// do: both are the wall-clock time read with the UTC offset in force before the
    /// change.
    func instant(ofLocal local: Int) -> (instant: Date, fit: LocalTimeFit) {
        // Zones change their offset at most once in two days, so the offsets a day either
        // side bracket the one wanted.
        let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local - 86400)))
        let after = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + 86400)))
        let first = Date(timeIntervalSince1970: TimeInterval(local - before))
        if before == after { return (first, .exact) }
        let second = Date(timeIntervalSince1970: TimeInterval(local - after))
        let firstFits = timeZone.secondsFromGMT(for: first) == before
        let secondFits = timeZone.secondsFromGMT(for: second) == after
        switch (firstFits, secondFits) {
        case (true, true): return (first, .repeated(firstOffset: before, secondOffset: after))
        case (false, false): return (first, .skipped(gap: after - before, offset: after))
        case (true, false): return (first, .exact)
        case (false, true): return (second, .exact)
        }
    }

    /// The instant of local wall-clock seconds since 1970 in the project's zone.
    func localToInstant(_ local: Int) -> Date { instant(ofLocal: local).instant }

    /// 00:00 of `day` in the project's zone.
    public func startOfDay(_ day: CivilDate) -> Date { localToInstant(day.daysSinceEpoch * 86400) }

    /// The calendar day of `instant` in the project's zone.
    public func day(of instant: Date) -> CivilDate {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        return CivilDate(daysSinceEpoch: Int((Double(seconds) / 86400).rounded(.down)))
    }

    /// The local wall-clock time of `instant`, `09:05`.
    public func timeOfDay(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let minutes = ((seconds % 86400) + 86400) % 86400 / 60
        return (minutes / 60).zeroPadded(2) + ":" + (minutes % 60).zeroPadded(2)
    }

    /// A record time as written in the project's zone: `2022-04-05` or `2022-04-05 09:00`.
    public func describe(_ time: RecordTime) -> String {
        time.isDateOnly ? time.day.description : "\(time.day) \(timeOfDay(time.instant))"
    }

    /// The week holding `instant`.
    public func week(of instant: Date) -> ISOWeek { day(of: instant).isoWeek }

    /// Monday 00:00 of `week` up to, not including, the next Monday 00:00.
    public func interval(of week: ISOWeek) -> Range<Date> {
        startOfDay(week.monday)..<startOfDay(week.monday.adding(days: 7))
    }
}
