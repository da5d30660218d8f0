/// Named random streams: the third counter word says what a draw is for, so that the
/// draws of one purpose never overlap those of another.
///
/// Counter layout: (path, entity, (stream << 24) | step, extra). `entity` is a book
/// position's index, a new-business slot's identity or a sector; `step` is an event number,
/// a month, a year or a draw number (under 2^24).
public enum Stream: UInt32, Sendable {
    /// A position's events: one call per event gives the exponential clock and the event's uniform.
    case status = 1
    /// Recovery fraction at default (Beta sampling needs a variable number of words).
    case recovery = 2
    /// Economy innovations e(s, y).
    case economy = 3
    /// New-business counts per product and year.
    case newCount = 4
    /// New-business loan attributes per slot (amount, month, term, class, sector).
    case newLoan = 5
}

/// A sequential source of uniforms on one counter, for samplers that use a variable number
/// of draws (Beta by rejection). Deterministic: the i-th draw is always the same word.
public struct CounterStream {
    @usableFromInline let philox: Philox4x32
    @usableFromInline let c0: UInt32, c1: UInt32, c2: UInt32
    @usableFromInline var next: UInt32 = 0
    @usableFromInline var buffer: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
    @usableFromInline var used = 4

    @inlinable
    public init(philox: Philox4x32, path: UInt32, entity: UInt32, stream: Stream, step: UInt32) {
        self.philox = philox
        c0 = path
        c1 = entity
        c2 = (stream.rawValue << 24) | (step & 0x00FF_FFFF)
    }

    /// The next uniform in (0, 1), with 53 bits.
    @inlinable
    public mutating func uniform() -> Double {
        if used >= 4 {
            buffer = philox.block(c0, c1, c2, next)
            next &+= 1
            used = 0
        }
        let value: Double
        if used == 0 { value = Uniform.open53(buffer.0, buffer.1) } else { value = Uniform.open53(buffer.2, buffer.3) }
        used += 2
        return value
    }
}
