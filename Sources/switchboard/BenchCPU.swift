import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The CPU time (user and system) a server's processes have used, from `/proc/<pid>/stat` (proc(5): fields 14
/// and 15, in clock ticks). Divided by the requests of a run, it is a figure the load generator's share of the
/// cores disturbs much less than requests per second.
struct BenchCPU: Sendable {
    /// The process and, when `withChildren`, its direct children (nginx's workers under its master).
    let pid: pid_t
    let withChildren: Bool

    /// Seconds of CPU used so far by the process (all its threads) and, if asked, its children.
    func seconds() -> Double {
        let pids = [pid] + (withChildren ? Self.children(of: pid) : [])
        let ticks = pids.compactMap(Self.ticks).reduce(0, +)
        return Double(ticks) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// utime + stime of one process, or nil when it is gone.
    static func ticks(_ pid: pid_t) -> Int? {
        guard let fields = statFields(pid), fields.count > 12, let user = Int(fields[11]), let system = Int(fields[12])
        else { return nil }
        return user + system
    }

    /// The processes whose parent is `pid`.
    static func children(of pid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { child in
            statFields(child).flatMap { $0.count > 1 ? Int($0[1]) : nil } == Int(pid)
        }
    }

    /// The fields of `/proc/<pid>/stat` after the command name (which may hold spaces): state is the first.
    private static func statFields(_ pid: pid_t) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        return text[text.index(after: close)...].split(separator: " ")
    }
}
