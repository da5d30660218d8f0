import Foundation

/// A kind's annual transition probabilities turned into monthly ones, in the order the
/// single uniform of a month is compared against them (MODEL.md section 4, step 1).
@frozen
public struct MonthlyRow: Sendable {
    /// Multiplier on the default hazard in this status.
    public var pdMultiplier: Double
    /// Cumulative monthly thresholds after the default hazard: prepay, then to deferred,
    /// to arrears, cure, remission. U < h_d + prepay means prepay, and so on.
    public var prepay: Double
    public var toDeferred: Double
    public var toArrears: Double
    public var cure: Double
    public var remission: Double

    /// Monthly probability equivalent to an annual one: 1 - (1 - q)^(1/12).
    @inlinable
    public static func monthly(_ annual: Double) -> Double {
        annual <= 0 ? 0 : -expm1(log1p(-min(annual, 1 - 1e-12)) / 12)
    }

    public init(_ row: StatusRow) {
        pdMultiplier = row.pdMultiplier
        prepay = Self.monthly(row.prepay)
        toDeferred = prepay + Self.monthly(row.toDeferred)
        toArrears = toDeferred + Self.monthly(row.toArrears)
        cure = toArrears + Self.monthly(row.cure)
        remission = cure + Self.monthly(row.remission)
    }
}

/// Per-kind behaviour in the engine's units.
@frozen
public struct MonthlyBehaviour: Sendable {
    public var performing: MonthlyRow
    public var deferred: MonthlyRow
    public var arrears: MonthlyRow
    public var recoveryMean: Double
    public var recoverySD: Double
    public var recoveryLag: Int
    public var remissionFraction: Double

    public init(_ behaviour: KindBehaviour, recoveryMeanShift: Double) {
        performing = MonthlyRow(behaviour.performing)
        deferred = MonthlyRow(behaviour.deferred)
        arrears = MonthlyRow(behaviour.arrears)
        recoveryMean = behaviour.recoveryMean + recoveryMeanShift
        recoverySD = behaviour.recoverySD
        recoveryLag = max(1, behaviour.recoveryLagMonths)
        remissionFraction = behaviour.remissionFraction
    }
}
