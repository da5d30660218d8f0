import LoanBook

/// Reads the positions of a book CSV (docs/scenario-format.md, "Book CSV"), checking every
/// field of every row and reporting all problems at once.
struct BookCSVReader {
    static let columns = ["id", "kind", "segment", "sector", "vintage", "balance", "annual_rate",
                          "remaining_months", "repayment", "status", "risk_class", "deferral_used_months"]

    let file: String

    func positions(from text: String, asOfYear: Int) throws(InputProblems) -> [Position] {
        let problems = ProblemList()
        let rows = CSVTable.rows(of: text, file: file, required: Self.columns, problems: problems)
        let hadShapeProblems = !problems.isEmpty
        var positions: [Position] = []
        var firstLineOfID: [String: Int] = [:]
        for row in rows {
            if let position = position(row, asOfYear: asOfYear) {
                if let first = firstLineOfID[position.id] {
                    row.report("id", "a unique id (already used on line \(first))")
                } else {
                    firstLineOfID[position.id] = row.record.line
                    positions.append(position)
                }
            }
        }
        if rows.isEmpty && !hadShapeProblems {
            problems.append(InputProblem(file: file, line: 2, expected: "at least one position (the book is empty)"))
        }
        try problems.throwIfAny()
        return positions
    }

    /// One row as a position, or nil after reporting what is wrong with it.
    private func position(_ row: CSVFields, asOfYear: Int) -> Position? {
        let id = row.nonEmpty("id")
        let kind = row.enumValue("kind", among: Kind.allCases)
        let segment = row.enumValue("segment", among: Segment.allCases)
        let sector = row.nonEmpty("sector")
        let vintage = row.int("vintage", in: 1990...min(2100, asOfYear))
        let balance = row.cents("balance")
        let rate = row.double("annual_rate", in: 0...0.25, "an annual rate from 0 to 0.25")
        let remaining = row.int("remaining_months", in: 0...600)
        let repayment = row.enumValue("repayment", among: Repayment.allCases)
        let status = statusValue(row)
        let riskClass = row.nonEmpty("risk_class")
        let deferral = row.int("deferral_used_months", in: 0...maximumDeferralMonths)
        guard let id, let kind, let segment, let sector, let vintage, let balance, let rate, let remaining,
              let repayment, let status, let riskClass, let deferral else { return nil }
        return Position(id: id, kind: kind, segment: segment, sector: sector, vintage: vintage,
                        balanceCents: balance, annualRate: rate, remainingMonths: remaining, repayment: repayment,
                        status: status, riskClass: riskClass, deferralUsedMonths: deferral)
    }

    /// `closed` is a status a run gives, never one a book holds; say so rather than "unknown".
    private func statusValue(_ row: CSVFields) -> Status? {
        if row.text("status") == Status.closed.rawValue {
            row.report("status", "a status a book may hold: " + Status.inBook.map(\.rawValue).joined(separator: ", ")
                       + " (closed positions are left out of a book)")
            return nil
        }
        return row.enumValue("status", among: Status.inBook)
    }
}
