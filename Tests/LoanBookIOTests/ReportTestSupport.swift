import LoanBook
@testable import LoanBookIO

/// A run-like set of paths for the report: 2,000 paths over 6 years from 2014, filled from a
/// fixed generator so that every distribution has a body and tails.
func reportFixture(paths: Int = 2_000, years: Int = 6) -> PathResults {
    var r = PathResults(firstYear: 2014, years: years, paths: paths)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (Double(state >> 11) + 0.5) / Double(1 << 53)
    }
    /// A rough normal: the sum of 12 uniforms minus 6.
    func normal() -> Double { (0..<12).reduce(0) { acc, _ in acc + uniform() } - 6 }
    for p in 0..<paths {
        var bk = 3_200_000.0, lo = 2_900_000.0, bob = 950_000.0
        for y in 0..<years {
            bk *= 0.86 + 0.05 * normal()
            lo *= 0.90 + 0.03 * normal()
            bob *= 0.93 + 0.02 * normal()
            r[p, y, .balanceBK] = bk
            r[p, y, .balanceLO] = lo
            r[p, y, .balanceBOB] = bob
            r[p, y, .costAboveBudget] = 140_000 * normal() + 30_000 * Double(y) * uniform()
            r[p, y, .lastenBK] = 330_000 + 80_000 * normal()
            r[p, y, .batenBK] = 520_000 + 90_000 * normal()
            r[p, y, .interest] = 150_000 + 20_000 * normal()
            r[p, y, .recoveries] = 90_000 + 30_000 * normal()
            r[p, y, .writeOffs] = 260_000 + 70_000 * normal()
            if y < 4 {
                r[p, y, .normBaten] = 480_000 + 10_000 * Double(y)
                r[p, y, .bonusMalus] = r[p, y, .batenBK] - r[p, y, .normBaten]
            }
        }
        for metric in Metric.allCases {
            r[p, years, metric] = metric.isBalance
                ? r[p, years - 1, metric] : (0..<years).reduce(0) { $0 + r[p, $1, metric] }
        }
        r.collectedShare[p] = 0.6 + 0.04 * normal()
    }
    return r
}

func reportManifest(paths: Int = 2_000) -> Manifest {
    Manifest(engineVersion: "0.1.0", commandLine: ["loanbook", "run", "scenarios/base.yaml", "--paths", "\(paths)"],
             seed: 20_140_101, paths: paths,
             inputs: [.init(role: "scenario", path: "scenarios/base.yaml", sha256: String(repeating: "ab", count: 32)),
                      .init(role: "book", path: "scenarios/books/nijmegen-2014.csv",
                            sha256: String(repeating: "cd", count: 32))])
}

/// The attributes of every `<tag class="cls" ...>` in `text`, in order (exactly that class).
func elements(_ tag: String, class cls: String, in text: String) -> [[String: String]] {
    var out: [[String: String]] = []
    var rest = text[...]
    let prefix = "<\(tag) class=\"\(cls)\""
    while let start = rest.range(of: prefix) {
        guard let end = rest[start.upperBound...].firstIndex(of: ">") else { break }
        var attributes: [String: String] = [:]
        var s = rest[start.upperBound..<end]
        while let eq = s.range(of: "=\"") {
            let key = s[..<eq.lowerBound].split(separator: " ").last.map(String.init) ?? ""
            guard let close = s[eq.upperBound...].firstIndex(of: "\"") else { break }
            attributes[key] = String(s[eq.upperBound..<close])
            s = s[s.index(after: close)...]
        }
        out.append(attributes)
        rest = rest[end...]
    }
    return out
}

/// The text between the first `from` and the next `to` after it.
func slice(_ text: String, from: String, to: String) -> String? {
    guard let a = text.range(of: from), let b = text[a.upperBound...].range(of: to) else { return nil }
    return String(text[a.lowerBound..<b.upperBound])
}

/// |a - b| within `tolerance`.
func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool { abs(a - b) <= tolerance }
