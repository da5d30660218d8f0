/// Levenshtein distance, for "did you mean" suggestions on misspelt keys and names.
///
/// O(|a| |b|) time and O(|b|) memory; keys are short.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The closest candidate if it is close enough to be a plausible typo (at most a third of
/// the word's letters wrong, fewer than all of them), or one that starts with the word
/// (`reform` for `reform2020`); else nil.
func suggestion(for word: String, among candidates: [String]) -> String? {
    guard !word.isEmpty else { return nil }
    let scored = candidates.map { ($0, editDistance(word, $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let limit = max(1, word.count / 3)
    if best.1 <= limit && best.1 < word.count { return best.0 }
    return candidates.first { word.count >= 3 && $0.lowercased().hasPrefix(word.lowercased()) }
}

/// "one of a, b, c" with a "did you mean" when one of them is close to `word`.
func oneOf(_ candidates: [String], near word: String?) -> String {
    var text = "one of " + candidates.joined(separator: ", ")
    if let word, let guess = suggestion(for: word, among: candidates) {
        text += " (did you mean '\(guess)'?)"
    }
    return text
}
