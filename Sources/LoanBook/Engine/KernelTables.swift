/// The path-independent tables the kernel reads (behaviour per kind, today's book's
/// schedules), copied once to memory at fixed addresses for the simulation's lifetime, so a
/// path hands the kernel plain pointers instead of pinning arrays on every call.
final class KernelTables: @unchecked Sendable {
    let behaviour: UnsafeMutableBufferPointer<MonthlyBehaviour>
    private let start: UnsafeMutableBufferPointer<Int32>
    private let end: UnsafeMutableBufferPointer<Int32>
    private let balance: UnsafeMutableBufferPointer<Int64>
    private let interest: UnsafeMutableBufferPointer<Int64>

    init(behaviour kinds: [MonthlyBehaviour], schedules: BookSchedules) {
        func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
            _ = buffer.initialize(from: array)
            return buffer
        }
        behaviour = copy(kinds)
        start = copy(schedules.start)
        end = copy(schedules.end)
        balance = copy(schedules.balance)
        interest = copy(schedules.interest)
    }

    /// Instalments held for today's book's schedules.
    var scheduleEntries: Int { balance.count }

    /// Today's book's schedules as the kernel reads them.
    var schedules: ScheduleView {
        ScheduleView(start: UnsafePointer(start.baseAddress!), end: UnsafePointer(end.baseAddress!),
                     balance: UnsafePointer(balance.baseAddress!), interest: UnsafePointer(interest.baseAddress!))
    }

    deinit {
        behaviour.deallocate()
        start.deallocate()
        end.deallocate()
        balance.deallocate()
        interest.deallocate()
    }
}
