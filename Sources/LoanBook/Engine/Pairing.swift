/// Whether two scenarios can be compared path by path on common random numbers.
///
/// Every draw is keyed by (seed, path, entity): the economy by (path, sector, year), today's
/// positions by their row in the book, new loans by (product index, year, slot). Path i of two
/// runs on one seed therefore shares all of these, as long as both runs mean the same thing by
/// "sector 2", "position 17", "year 3". What breaks that is a *refusal*; what keeps the pairing
/// but changes what the difference means is a *warning*.
///
/// Refused: a different book (positions or lending history), as-of year, horizon, or list of
/// sectors (names and order). Warned: other economy settings (correlation, persistence, stress:
/// the innovations are still shared, the difference then includes the economy's effect), and a
/// different list of new-business products (names or order; loans are keyed by product index).
public enum Pairing {
    public struct Report: Sendable, Equatable {
        /// Reasons the comparison is refused; empty if it may run.
        public var refusals: [String] = []
        /// Differences that keep the pairing but that the reader should know about.
        public var warnings: [String] = []
    }

    public static func check(a: Scenario, bookA: Book, b: Scenario, bookB: Book) -> Report {
        var report = Report()
        if bookA != bookB {
            report.refusals.append("the two scenarios use different books (positions or lending history); "
                + "a paired comparison needs the same book")
        }
        if a.asOfYear != b.asOfYear || bookA.asOfYear != bookB.asOfYear {
            report.refusals.append("as_of_year differs: \(a.asOfYear) and \(b.asOfYear)")
        }
        if a.horizonYears != b.horizonYears {
            report.refusals.append("horizon_years differs: \(a.horizonYears) and \(b.horizonYears)")
        }
        if a.economy.sectors != b.economy.sectors {
            report.refusals.append("economy.sectors differ (names or order): \(a.economy.sectors) and "
                + "\(b.economy.sectors); the economy's draws are keyed by sector index")
        }
        var economyA = a.economy, economyB = b.economy
        economyA.sectors = []; economyB.sectors = []
        if economyA != economyB && a.economy.sectors == b.economy.sectors {
            report.warnings.append("the economies differ besides their sectors; the innovations are shared, "
                + "so the difference includes the effect of the economy")
        }
        if a.newBusiness.map(\.name) != b.newBusiness.map(\.name) {
            report.warnings.append("new_business products differ in names or order ("
                + "\(a.newBusiness.map(\.name)) and \(b.newBusiness.map(\.name))); new loans are keyed by "
                + "product index, so products in different places do not share their loans")
        }
        return report
    }
}
