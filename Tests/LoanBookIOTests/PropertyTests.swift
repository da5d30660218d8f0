import Foundation
import LoanBook
import PropertyBased
import Testing
@testable import LoanBookIO

/// SplitMix64: a small seeded generator, so that a property's input is fixed by the seed
/// PropertyBased draws (and reports when a case fails).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random valid positions: every field over its whole documented range, and names holding
/// the characters CSV has to quote (`,`, `"`, `;`, line breaks) and inner spaces.
enum RandomBook {
    static let nameCharacters = Array("abcXYZ019_-. ,;\"\n\r\té€")

    static func name(_ g: inout SplitMix64) -> String {
        let length = Int.random(in: 1...8, using: &g)
        var text = String((0..<length).map { _ in nameCharacters.randomElement(using: &g)! })
        // The reader trims spaces and tabs around a field (hand-edited books); a name is
        // its text without them.
        text = text.trimmingSpaces
        return text.isEmpty ? "x" : text
    }

    static func positions(count: Int, seed: UInt64, asOfYear: Int = 2014) -> [Position] {
        var g = SplitMix64(seed: seed)
        return (0..<count).map { i in
            let rateChoice = Int.random(in: 0...3, using: &g)
            let rate: Double = switch rateChoice {
            case 0: 0
            case 1: 0.25
            case 2: Double(Int.random(in: 0...2500, using: &g)) / 10_000
            default: Double.random(in: 0...0.25, using: &g)
            }
            let balanceChoice = Int.random(in: 0...2, using: &g)
            let balance: Int64 = switch balanceChoice {
            case 0: 0
            case 1: Int64.random(in: 0...10_000_000, using: &g)
            default: Int64.random(in: 0...999_999_999_999_999_99, using: &g)
            }
            return Position(
                id: "\(i)-" + name(&g), kind: Kind.allCases.randomElement(using: &g)!,
                segment: Segment.allCases.randomElement(using: &g)!, sector: name(&g),
                vintage: Int.random(in: 1990...asOfYear, using: &g), balanceCents: balance, annualRate: rate,
                remainingMonths: Int.random(in: 0...600, using: &g), repayment: Repayment.allCases.randomElement(using: &g)!,
                status: Status.inBook.randomElement(using: &g)!, riskClass: name(&g),
                deferralUsedMonths: Int.random(in: 0...maximumDeferralMonths, using: &g))
        }
    }
}

@Suite struct BookCSVPropertyTests {
    /// BookCSVWriter -> BookCSV reader gives the positions back, field for field.
    @Test func writtenBookReadsBackTheSame() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...25), Gen.uint64()) { count, seed in
            let positions = RandomBook.positions(count: count, seed: seed)
            let text = BookCSVWriter.csv(Book(asOfYear: 2014, positions: positions))
            let read = problemsOrPositions(text)
            #expect(read.problems.isEmpty, "\(read.problems.prefix(3))\n\(text)")
            #expect(read.positions == positions)
        }
    }

    /// The same book saved by Dutch Excel (`;`, decimal commas) reads the same.
    @Test func dutchDialectReadsTheSame() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...25), Gen.uint64()) { count, seed in
            var positions = RandomBook.positions(count: count, seed: seed)
            // Names are left plain so the conversion below only touches separators and marks.
            for i in positions.indices {
                positions[i].id = "P\(i)"
                positions[i].sector = "s"
                positions[i].riskClass = "A"
            }
            let text = BookCSVWriter.csv(Book(asOfYear: 2014, positions: positions))
                .replacingOccurrences(of: ",", with: ";").replacingOccurrences(of: ".", with: ",")
            let read = problemsOrPositions(text)
            #expect(read.problems.isEmpty, "\(read.problems.prefix(3))")
            #expect(read.positions == positions)
        }
    }

    /// Any text at all: the reader returns positions or located problems, never traps, and
    /// every problem names the file and a line.
    @Test func arbitraryTextGivesPositionsOrLocatedProblems() async {
        let alphabet = Array("id,kind;\"\n\r 0123456789.-abcbkloperforming")
        await propertyCheck(count: 300, input: Gen.int(in: 0...200), Gen.uint64()) { length, seed in
            var g = SplitMix64(seed: seed)
            let body = String((0..<length).map { _ in alphabet.randomElement(using: &g)! })
            let read = problemsOrPositions(Fixture.header + "\n" + body)
            #expect(read.problems.isEmpty != read.positions.isEmpty)
            for problem in read.problems {
                #expect(problem.file == "b.csv")
                #expect(problem.line != nil, "\(problem)")
            }
        }
    }

    private func problemsOrPositions(_ text: String) -> (positions: [Position], problems: [InputProblem]) {
        do {
            return (try BookCSV.positions(from: text, file: "b.csv", asOfYear: 2014), [])
        } catch {
            return ([], error.problems)
        }
    }
}

@Suite struct ScenarioDecodePropertyTests {
    private func decode(_ text: String) -> (Scenario?, [InputProblem]) {
        do { return (try ScenarioYAML.decode(text, file: "s.yaml"), []) } catch { return (nil, error.problems) }
    }

    /// A probability decodes to itself inside [0, 1] and is one located problem outside.
    @Test func probabilitiesInsideDecodeOutsideAreLocated() async {
        await propertyCheck(count: 200, input: Gen.double(in: -2...3)) { p in
            let text = Fixture.scenario.replacingOccurrences(of: "prepay: 0.03", with: "prepay: \(p)")
            let (scenario, problems) = decode(text)
            if (0...1).contains(p) {
                #expect(problems.isEmpty, "\(problems)")
                #expect(scenario?.behaviour[.bk]?.performing.prepay == p)
            } else {
                #expect(problems.count == 1, "\(problems)")
                #expect(problems.first?.field == "behaviour.bk.performing.prepay")
                #expect(problems.first?.line == line(of: "prepay:", in: text))
                #expect(problems.first?.value == "\(p)")
            }
        }
    }

    /// Horizon and paths: in range they are taken as written, out of range they are one
    /// problem each, naming the field, its line and column and the value.
    @Test func horizonAndPathsRanges() async {
        await propertyCheck(count: 200, input: Gen.int(in: -5...60), Gen.int(in: -3...100_000_003)) { years, paths in
            let text = Fixture.scenario.replacingOccurrences(
                of: "name: test\n", with: "name: test\nhorizon_years: \(years)\npaths: \(paths)\n")
            let (scenario, problems) = decode(text)
            let yearsOK = (1...50).contains(years), pathsOK = (1...100_000_000).contains(paths)
            #expect(problems.count == (yearsOK ? 0 : 1) + (pathsOK ? 0 : 1), "\(problems)")
            if yearsOK && pathsOK {
                #expect(scenario?.horizonYears == years)
                #expect(scenario?.paths == paths)
            }
            for problem in problems {
                #expect(problem.line != nil && problem.column != nil)
                #expect(problem.field == "horizon_years" || problem.field == "paths")
            }
        }
    }

    /// A misspelt top-level key is one problem at its own line, suggesting the key it is
    /// one edit away from.
    @Test func misspeltKeysAreSuggested() async {
        let keys = ["description", "as_of_year", "horizon_years", "seed", "paths"]
        await propertyCheck(count: 100, input: Gen<String?>.element(of: keys), Gen.uint64()) { key, seed in
            guard let key else { return }
            var g = SplitMix64(seed: seed)
            var characters = Array(key)
            characters[Int.random(in: 0..<characters.count, using: &g)] = "q"
            let typo = String(characters)
            guard typo != key else { return }
            let text = Fixture.scenario + "\(typo): 1\n"
            let (_, problems) = decode(text)
            #expect(problems.count == 1, "\(problems)")
            #expect(problems.first?.line == line(of: "\(typo): 1", in: text))
            #expect(problems.first?.expected.contains("did you mean '\(key)'") == true, "\(problems)")
        }
    }
}
