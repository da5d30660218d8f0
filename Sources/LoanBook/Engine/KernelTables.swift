/// The path-independent tables the kernel reads (behaviour per kind, today's book's
/// schedules), held once at fixed addresses for the simulation's lifetime, so a path hands
/// the kernel plain pointers instead of pinning arrays on every call.
final class KernelTables: @unchecked Sendable {
    let behaviour: UnsafeMutableBufferPointer<MonthlyBehaviour>
    /// Today's book's schedules, the same on every path.
    let schedules: Schedules

    init(behaviour kinds: [MonthlyBehaviour], schedules: Schedules) {
        behaviour = .allocate(capacity: kinds.count)
        _ = behaviour.initialize(from: kinds)
        self.schedules = schedules
    }

    deinit {
        behaviour.deallocate()
    }
}
