/// A YAML node at a dotted path (`economy.persistence`, `new_business[0].segment`), with
/// typed accessors that report a located problem and return nil instead of throwing.
///
/// Returning nil rather than throwing is what lets a reader collect every problem in a
/// file: the caller substitutes a default and carries on, and the problems are thrown at
/// the end.
struct YAMLField {
    let node: YAMLNode
    let path: String
    let problems: ProblemList

    func child(_ name: String, _ node: YAMLNode) -> YAMLField {
        YAMLField(node: node, path: path.isEmpty ? name : "\(path).\(name)", problems: problems)
    }

    /// Records a problem at this node.
    func report(_ expected: String, value: String? = nil) {
        // The document itself has no field name; `file:1:1: got 'a list', ...` reads better
        // than an empty one.
        problems.append(InputProblem(file: node.file, line: node.line, column: node.column,
                                     field: path.isEmpty ? nil : path, value: value ?? node.shown, expected: expected))
    }

    // MARK: Structure

    /// This node as a mapping whose keys must be among `keys`; an unknown key is reported
    /// with the closest allowed one (most unknown keys are typos).
    func mapping(keys: [String]) -> YAMLMapping? {
        guard let map = anyMapping() else { return nil }
        for entry in map.entries where !keys.contains(entry.key) {
            var expected = "a known key: " + oneOf(keys, near: entry.key)
            if let guess = suggestion(for: entry.key, among: keys) {
                expected = "a known key; did you mean '\(guess)'? (allowed: \(keys.joined(separator: ", ")))"
            }
            problems.append(InputProblem(file: node.file, line: entry.keyLine, column: entry.keyColumn,
                                         field: path.isEmpty ? entry.key : "\(path).\(entry.key)",
                                         value: entry.key, expected: expected))
        }
        return map
    }

    /// This node as a mapping with free keys (a table by year or by name).
    func anyMapping() -> YAMLMapping? {
        guard case let .mapping(entries) = node.content else {
            report("a mapping (key: value lines)")
            return nil
        }
        return YAMLMapping(field: self, entries: entries)
    }

    func list() -> [YAMLField]? {
        guard case let .sequence(items) = node.content else {
            report("a list")
            return nil
        }
        return items.enumerated().map {
            YAMLField(node: $0.element, path: "\(path)[\($0.offset)]", problems: problems)
        }
    }

    // MARK: Scalars

    /// The scalar's text, or nil (reported) for a mapping, a list or a null.
    func scalar(_ expected: String) -> String? {
        guard case let .scalar(text, _) = node.content, !node.isNull else {
            report(expected)
            return nil
        }
        return text
    }

    /// A non-empty text; an empty one is reported (names and paths are never empty).
    func string() -> String? {
        guard let text = scalar("a text") else { return nil }
        if text.isEmpty {
            report("a non-empty text")
            return nil
        }
        return text
    }

    /// A finite number in `range`; YAML digit separators (`10_000`) are allowed.
    func double(in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude,
                _ expected: String? = nil) -> Double? {
        let what = expected ?? describe(range)
        guard let text = scalar(what) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            report(what)
            return nil
        }
        guard range.contains(value) else {
            report(what)
            return nil
        }
        return value
    }

    /// A probability in [0, 1].
    func probability() -> Double? { double(in: 0...1, "a probability from 0 to 1") }

    func int(in range: ClosedRange<Int>, _ expected: String? = nil) -> Int? {
        let what = expected ?? "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let text = scalar(what) else { return nil }
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
            report(what)
            return nil
        }
        return value
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        guard let text = scalar(oneOf(names, near: nil)) else { return nil }
        guard let value = E(rawValue: text) else {
            report(oneOf(names, near: text))
            return nil
        }
        return value
    }

    private func describe(_ range: ClosedRange<Double>) -> String {
        let low = range.lowerBound, high = range.upperBound
        switch (low == -Double.greatestFiniteMagnitude, high == Double.greatestFiniteMagnitude) {
        case (true, true): return "a number"
        case (false, true): return "a number >= \(format(low))"
        case (true, false): return "a number <= \(format(high))"
        case (false, false): return "a number from \(format(low)) to \(format(high))"
        }
    }
}

/// Formats a bound without a trailing `.0` (messages read `from 0 to 1`, not `0.0 to 1.0`).
func format(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}

/// The entries of a mapping, looked up by key.
struct YAMLMapping {
    let field: YAMLField
    let entries: [YAMLEntry]

    /// The value of `key`, or nil if absent (absent optional fields take their default).
    /// An explicit null counts as absent, so `key:` with nothing after it means "default".
    func optional(_ key: String) -> YAMLField? {
        guard let entry = entries.first(where: { $0.key == key }), !entry.value.isNull else { return nil }
        return field.child(key, entry.value)
    }

    /// The value of `key`; its absence is reported at the mapping.
    func required(_ key: String) -> YAMLField? {
        if let value = optional(key) { return value }
        field.problems.append(InputProblem(
            file: field.node.file, line: field.node.line, column: field.node.column,
            field: field.path.isEmpty ? key : "\(field.path).\(key)", expected: "a value for required key '\(key)'"))
        return nil
    }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    /// Every entry as a field named by its key, in file order.
    var children: [(key: String, field: YAMLField)] {
        entries.map { ($0.key, field.child($0.key, $0.value)) }
    }

    /// A table keyed by calendar year: `{2014: 0.549, 2015: 0.549}`.
    func yearTable(valueIn range: ClosedRange<Double>, _ expected: String? = nil) -> [Int: Double] {
        var table: [Int: Double] = [:]
        for entry in entries {
            guard let year = Int(entry.key), (1900...2200).contains(year) else {
                field.problems.append(InputProblem(
                    file: field.node.file, line: entry.keyLine, column: entry.keyColumn,
                    field: "\(field.path).\(entry.key)", value: entry.key, expected: "a calendar year as key"))
                continue
            }
            if let value = field.child(entry.key, entry.value).double(in: range, expected) { table[year] = value }
        }
        return table
    }
}
