/// "Did you mean …?" for a value that is not one of the known ones.
public enum Suggestion {
    /// The known value closest to `value` by edit distance, when it is close enough to be
    /// a likely typo (at most a third of its length, at least 2 edits allowed).
    public static func closest(to value: String, in candidates: [String]) -> String? {
        let folded = value.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(folded, candidate.lowercased())
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let allowed = max(2, candidate.count / 3)
        return distance <= allowed && distance < max(folded.count, candidate.count) ? candidate : nil
    }

    /// `; did you mean "x"?` (the catalogue's `hint.did-you-mean`), or nothing.
    public static func hint(for value: String, in candidates: [String]) -> Message.Argument {
        .optional(closest(to: value, in: candidates).map(didYouMean))
    }

    /// `; did you mean "x"?` for `candidate`, a value as the user would write it.
    public static func didYouMean(_ candidate: String) -> Message {
        Message("hint.did-you-mean", ["value": .value(candidate)])
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
