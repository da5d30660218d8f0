import Foundation

/// Repayment schedules (MODEL.md section 4, step 3), in euro cents.
///
/// Interest and instalments are rounded to the cent, half up, each month; the last
/// instalment takes whatever principal is left, so a schedule always ends at zero.
public enum Schedule {
    /// A non-negative amount of cents rounded half up. Truncation after adding one half is
    /// a single instruction, where `rounded()` is a call into libm on baseline x86-64.
    @inlinable @inline(__always)
    public static func cents(_ x: Double) -> Int64 { Int64(x + 0.5) }

    /// Interest for one month on `balance` cents at monthly rate `r`.
    @inlinable @inline(__always)
    public static func interest(balance: Int64, monthlyRate r: Double) -> Int64 {
        cents(Double(balance) * r)
    }

    /// The level annuity instalment A = B r / (1 - (1 + r)^-n), or B / n when r = 0.
    public static func annuityInstalment(balance: Int64, monthlyRate r: Double, months n: Int) -> Int64 {
        // Only a positive term and rate need the denominator, and pow costs.
        let denominator = n > 0 && r != 0 ? annuityDenominator(monthlyRate: r, months: n) : 1
        return annuityInstalment(balance: balance, monthlyRate: r, months: n, denominator: denominator)
    }

    /// 1 - (1 + r)^-n, the annuity's denominator: it depends on the rate and term only, so
    /// a caller lending many loans on a few terms computes it once per term.
    public static func annuityDenominator(monthlyRate r: Double, months n: Int) -> Double {
        1 - pow(1 + r, -Double(n))
    }

    /// `annuityInstalment` with `denominator` = `annuityDenominator(monthlyRate: r, months: n)`.
    @inlinable
    public static func annuityInstalment(balance: Int64, monthlyRate r: Double, months n: Int,
                                         denominator: Double) -> Int64 {
        guard n > 0 else { return balance }
        let b = Double(balance)
        if r == 0 { return cents(b / Double(n)) }
        return cents(b * r / denominator)
    }

    /// One regular month of a performing position (MODEL.md section 4, step 3): interest and
    /// principal in cents. Annuity pays its instalment less interest, linear B/n, bullet nothing
    /// until the last month; the last month (n <= 1) takes the whole balance. This is the
    /// engine's own arithmetic, which the schedule tables below and the tests use too.
    @inlinable @inline(__always)
    public static func payment(balance b: Int64, months n: Int, monthlyRate r: Double, instalment: Int64,
                               repayment: Repayment) -> (interest: Int64, principal: Int64) {
        let i = interest(balance: b, monthlyRate: r)
        if n <= 1 { return (i, b) }
        switch repayment {
        case .annuity: return (i, min(b, max(0, instalment - i)))
        case .linear: return (i, min(b, cents(Double(b) / Double(n))))
        case .bullet: return (i, 0)
        }
    }

    /// The balance of an interest-free annuity of `balance` cents with `months` to run, after
    /// `j` instalments (`j` >= 0): `payment` at rate 0 charges no interest, so it repays
    /// min(balance, instalment) a month until the month with one left (or none) takes the rest.
    @inlinable @inline(__always)
    public static func interestFreeBalance(balance: Int64, instalment: Int64, months n: Int, after j: Int) -> Int64 {
        j >= max(n, 1) ? 0 : max(0, balance - Int64(j) * instalment)
    }

    /// One row of a schedule table, for reports and tests.
    public struct Row: Sendable, Hashable {
        public var month: Int
        public var payment: Int64
        public var interest: Int64
        public var principal: Int64
        public var balance: Int64
    }

    /// The whole schedule of a performing loan that never defaults, prepays or defers.
    public static func table(balance: Int64, annualRate: Double, months: Int, repayment: Repayment) -> [Row] {
        let r = annualRate / 12
        let instalment = annuityInstalment(balance: balance, monthlyRate: r, months: months)
        var rows: [Row] = []
        var b = balance
        var n = months
        var month = 0
        while b > 0 && n > 0 {
            month += 1
            let (i, p) = payment(balance: b, months: n, monthlyRate: r, instalment: instalment, repayment: repayment)
            b -= p
            n -= 1
            rows.append(Row(month: month, payment: p + i, interest: i, principal: p, balance: b))
        }
        return rows
    }
}
