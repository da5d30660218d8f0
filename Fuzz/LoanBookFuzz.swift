// libFuzzer entry point for the input loaders (issue 9). Not part of the package: it is
// compiled by scripts/fuzz.sh together with the LoanBookIO sources, with
// `-sanitize=fuzzer,address`, so that the loaders are instrumented and internal types are
// reachable. `swift build` never sees this file.
//
// LOANBOOK_FUZZ_TARGET selects the loader: `csv` (book and history readers, and the writer's
// round trip on every book that reads) or `yaml` (scenario and batch decoders).
import Foundation
import LoanBook

private let target: String = ProcessInfo.processInfo.environment["LOANBOOK_FUZZ_TARGET"] ?? "csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // The loaders refuse text that is not UTF-8 before parsing (InputFile.readText).
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    switch target {
    case "yaml": fuzzYAML(text)
    default: fuzzCSV(text)
    }
    return 0
}

private func fuzzCSV(_ text: String) {
    if let positions = try? BookCSVReader(file: "fuzz.csv").positions(from: text, asOfYear: 2014) {
        // A book that reads must survive the writer and read back the same.
        let written = BookCSVWriter.csv(Book(asOfYear: 2014, positions: positions))
        guard let again = try? BookCSVReader(file: "again.csv").positions(from: written, asOfYear: 2014),
              again == positions else {
            fatalError("book round trip changed the positions:\n\(text)\n---\n\(written)")
        }
    }
    _ = try? LendingHistoryReader(file: "fuzz.history.csv").history(from: text, asOfYear: 2014)
}

private func fuzzYAML(_ text: String) {
    // A directory that does not exist, so a `base:` never reads a real file.
    _ = try? ScenarioYAML.decode(text, file: "/nonexistent-loanbook-fuzz/fuzz.yaml")
    _ = try? BatchYAML.decode(text, file: "/nonexistent-loanbook-fuzz/batch.yaml")
}
