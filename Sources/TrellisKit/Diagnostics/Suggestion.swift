/// "Did you mean" for ids, keys and kinds: the nearest candidate by edit distance, if near enough.
enum Suggestion {
    /// The candidate closest to `word`, when it is within a third of the word's length (at least 2 edits).
    /// Words longer than `longestWord` (in Unicode scalars) get no suggestion: editors do not
    /// mistype them, and comparing two long words costs the product of their lengths.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= 4 * longestWord else { return nil }
        let length = word.unicodeScalars.count
        guard length <= longestWord else { return nil }
        let limit = max(2, word.count / 3)
        var best: (String, Int)?
        // A candidate of more UTF-8 bytes than this has more scalars than `length + limit`.
        let longestCandidate = 4 * (length + limit)
        for candidate in candidates where candidate.utf8.count <= longestCandidate {
            let distance = editDistance(word, candidate, limit: limit)
            if distance <= limit, best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// The longest word that gets a suggestion.
    static let longestWord = 100

    /// " (did you mean 'x'?)", or "" when nothing is near.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        nearest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`.
    static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = Swift.min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return a.isEmpty ? b.count : (b.isEmpty ? a.count : previous[b.count])
    }
}

/// "Did you mean" for the problems of one stage until a number of comparisons is spent, and
/// none after: each suggestion compares a word with every candidate, so 50,000 broken links to
/// a page of 50,000 headings would otherwise take 50,000 x 50,000 comparisons. A site of a
/// thousand documents with a few dozen typos stays well inside the budget.
struct SuggestionBudget {
    /// How many comparisons are left.
    private(set) var remaining: Int

    /// A budget of `comparisons` word-to-candidate comparisons.
    init(comparisons: Int = 100_000) { remaining = comparisons }

    /// `Suggestion.nearest` while the budget lasts, then nil (without making the candidates).
    mutating func nearest<Candidates: Sequence<String>>(to word: String, in candidates: @autoclosure () -> Candidates) -> String? {
        guard remaining > 0 else { return nil }
        let all = Array(candidates())
        remaining -= max(all.count, 1)
        return Suggestion.nearest(to: word, in: all)
    }

    /// `Suggestion.didYouMean` while the budget lasts, then "".
    mutating func didYouMean<Candidates: Sequence<String>>(_ word: String, in candidates: @autoclosure () -> Candidates) -> String {
        nearest(to: word, in: candidates()).map { " (did you mean '\($0)'?)" } ?? ""
    }
}
