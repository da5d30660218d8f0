/// One path's net cost over the horizon (minus the municipal net result, summed over years),
/// split by kind of claim, in euro cents. The four parts add up exactly to `totalCents`.
///
/// Each kind carries its own cash (baten - lasten), the state's share of it and, for bk, the
/// payments to the state. The budget U and the top-up AU belong to no kind: each year they
/// are spread over bk and established entrepreneurs' lo pro rata to the positive parts of
/// their TLG components; when neither is positive, pro rata to their lasten; when both are
/// zero, to bk (see docs/settlement.md).
public struct CostByKind: Sendable, Hashable {
    public var bkCents: Int64
    public var loCents: Int64
    public var bobCents: Int64
    public var otherCents: Int64

    public init(bkCents: Int64 = 0, loCents: Int64 = 0, bobCents: Int64 = 0, otherCents: Int64 = 0) {
        self.bkCents = bkCents
        self.loCents = loCents
        self.bobCents = bobCents
        self.otherCents = otherCents
    }

    public var totalCents: Int64 { bkCents + loCents + bobCents + otherCents }

    public subscript(kind: Kind) -> Int64 {
        switch kind {
        case .bk: bkCents
        case .lo: loCents
        case .bob: bobCents
        case .other: otherCents
        }
    }

    /// The cost of one kind in EUR.
    public func euros(_ kind: Kind) -> Double { Double(self[kind]) / 100 }
}
