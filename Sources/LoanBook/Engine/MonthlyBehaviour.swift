import Foundation

/// A kind's annual transition probabilities out of one status turned into monthly ones.
///
/// Only transitions that change something count as events: staying deferred is a quiet month
/// for a deferred position, as is staying in arrears for one in arrears, or a "cure" for a
/// performing one.
@frozen
public struct MonthlyRow: Sendable {
    /// Multiplier on the default hazard in this status.
    public var pdMultiplier: Double
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

    /// - Parameter status: the status the row leaves; its self-transition is dropped.
    public init(_ row: StatusRow, from status: Status) {
        pdMultiplier = row.pdMultiplier
        prepay = Self.monthly(row.prepay)
        toDeferred = status == .deferred ? 0 : Self.monthly(row.toDeferred)
        toArrears = status == .arrears ? 0 : Self.monthly(row.toArrears)
        cure = status == .performing ? 0 : Self.monthly(row.cure)
        remission = Self.monthly(row.remission)
    }

    /// The monthly probability of an event other than default (deferral counted only while allowed).
    @inlinable @inline(__always)
    public func others(deferralAllowed: Bool) -> Double {
        prepay + (deferralAllowed ? toDeferred : 0) + toArrears + cure + remission
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
        performing = MonthlyRow(behaviour.performing, from: .performing)
        deferred = MonthlyRow(behaviour.deferred, from: .deferred)
        arrears = MonthlyRow(behaviour.arrears, from: .arrears)
        recoveryMean = behaviour.recoveryMean + recoveryMeanShift
        recoverySD = behaviour.recoverySD
        recoveryLag = max(1, behaviour.recoveryLagMonths)
        remissionFraction = behaviour.remissionFraction
    }

    @inlinable @inline(__always)
    public func row(_ status: UInt8) -> MonthlyRow {
        status == PathKernel.performing ? performing : (status == PathKernel.deferred ? deferred : arrears)
    }
}
