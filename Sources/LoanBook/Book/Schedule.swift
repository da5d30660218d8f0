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
        guard n > 0 else { return balance }
        let b = Double(balance)
        if r == 0 { return cents(b / Double(n)) }
        return cents(b * r / (1 - pow(1 + r, -Double(n))))
    }

    /// The principal part of this month's payment for a performing position.
    ///
    /// - Parameters:
    ///   - instalment: the annuity instalment (ignored for linear and bullet).
    /// - Returns: principal in cents, never more than the balance.
    @inlinable @inline(__always)
    public static func principal(repayment: Repayment, balance: Int64, interest: Int64,
                                 instalment: Int64, months n: Int) -> Int64 {
        if n <= 1 { return balance }
        switch repayment {
        case .annuity:
            return min(balance, max(0, instalment - interest))
        case .linear:
            return min(balance, cents(Double(balance) / Double(n)))
        case .bullet:
            return 0
        }
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
            let i = interest(balance: b, monthlyRate: r)
            let p = principal(repayment: repayment, balance: b, interest: i, instalment: instalment, months: n)
            b -= p
            n -= 1
            rows.append(Row(month: month, payment: p + i, interest: i, principal: p, balance: b))
        }
        return rows
    }
}
