import CCurl
import Dispatch
import Foundation
import Synchronization

/// The one thread that drives curl's multi handle; every easy handle is touched only there.
///
/// Callers post commands to a locked inbox and wake the thread with `curl_multi_wakeup`. The thread adds,
/// cancels and resumes transfers, runs `curl_multi_perform`, collects finished transfers and sleeps in
/// `curl_multi_poll`. Connections live in the multi handle's cache, so keep-alive connections are reused
/// across requests; finished easy handles are reset and kept for the next request.
final class CurlLoop: @unchecked Sendable {
    // `@unchecked Sendable`: `running`, `idleHandles` and `readyHeads` belong to the curl thread; `inbox` is a Mutex.

    /// Work for the curl thread.
    enum Command {
        case add(Transfer)
        case cancel(Transfer)
        case resume(Transfer)
        case shutdown
    }

    private struct Inbox {
        var commands: [Command] = []
        var closed = false
    }

    private let multi: UnsafeMutableRawPointer?
    private let inbox = Mutex(Inbox())
    private let metrics: ClientMetrics
    private let stopped = DispatchSemaphore(value: 0)
    private let maxIdleHandles: Int
    private var running: [UnsafeMutableRawPointer: Transfer] = [:]
    private var idleHandles: [UnsafeMutableRawPointer] = []
    private var readyHeads: [Transfer] = []

    /// Creates the multi handle and starts the thread; with no multi handle every command is refused.
    init(maxIdleConnections: Int, metrics: ClientMetrics) {
        self.metrics = metrics
        maxIdleHandles = maxIdleConnections
        multi = CurlGlobal.initialized ? curl_multi_init() : nil
        guard let multi else {
            inbox.withLock { $0.closed = true }
            stopped.signal()
            return
        }
        _ = sb_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maxIdleConnections)
        let thread = Thread { [self] in
            if let multi = self.multi { run(multi) }
        }
        thread.name = "switchboard.curl"
        thread.start()
    }

    /// Posts a command and wakes the thread; false once the loop is shut down.
    @discardableResult
    func submit(_ command: Command) -> Bool {
        inbox.withLock { inbox in
            guard !inbox.closed, let multi else { return false }
            inbox.commands.append(command)
            curl_multi_wakeup(multi)
            return true
        }
    }

    /// Fails every transfer with `.shutdown`, frees curl's handles and waits for the thread to end.
    func shutdown() {
        let first = inbox.withLock { inbox in
            guard !inbox.closed, let multi else { return false }
            inbox.commands.append(.shutdown)
            inbox.closed = true
            curl_multi_wakeup(multi)
            return true
        }
        if first { stopped.wait() }
    }

    private func run(_ multi: UnsafeMutableRawPointer) {
        while drainInbox(multi) {
            var active: Int32 = 0
            curl_multi_perform(multi, &active)
            collectFinished(multi)
            deliverReadyHeads()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        tearDown(multi)
        stopped.signal()
    }

    /// Notes a transfer whose final head arrived (curl thread, from a callback).
    func headIsReady(_ transfer: Transfer) {
        readyHeads.append(transfer)
    }

    private func deliverReadyHeads() {
        guard !readyHeads.isEmpty else { return }
        for transfer in readyHeads { transfer.deliverHead() }
        readyHeads.removeAll(keepingCapacity: true)
    }

    /// Runs posted commands; false when the loop must stop.
    private func drainInbox(_ multi: UnsafeMutableRawPointer) -> Bool {
        var commands: [Command] = []
        inbox.withLock { swap(&commands, &$0.commands) }
        for command in commands {
            switch command {
            case .add(let transfer): add(transfer, to: multi)
            case .cancel(let transfer): cancel(transfer, in: multi)
            case .resume(let transfer):
                if transfer.phase == .running, let easy = transfer.easy { sb_curl_easy_unpause(easy) }
            case .shutdown: return false
            }
        }
        return true
    }

    private func add(_ transfer: Transfer, to multi: UnsafeMutableRawPointer) {
        guard !transfer.cancelRequested else {
            transfer.complete(code: nil, stopped: .cancelled)
            return
        }
        guard let easy = idleHandles.popLast() ?? curl_easy_init() else {
            transfer.complete(code: nil, stopped: .transferFailed("curl_easy_init failed"))
            return
        }
        if let error = transfer.configure(easy) {
            recycle(easy)
            transfer.complete(code: nil, stopped: error)
            return
        }
        guard curl_multi_add_handle(multi, easy) == CURLM_OK else {
            recycle(easy)
            transfer.complete(code: nil, stopped: .transferFailed("curl_multi_add_handle failed"))
            return
        }
        transfer.phase = .running
        running[easy] = transfer
        metrics.activeTransfers.add(1, ordering: .relaxed)
    }

    private func cancel(_ transfer: Transfer, in multi: UnsafeMutableRawPointer) {
        switch transfer.phase {
        case .created: transfer.cancelRequested = true
        case .running: if let easy = transfer.easy { finish(easy, in: multi, code: nil, stopped: .cancelled) }
        case .done: break
        }
    }

    private func collectFinished(_ multi: UnsafeMutableRawPointer) {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
            finish(easy, in: multi, code: message.pointee.data.result, stopped: nil)
        }
    }

    /// Removes a transfer from the multi handle, completes it and keeps its easy handle for reuse.
    private func finish(
        _ easy: UnsafeMutableRawPointer, in multi: UnsafeMutableRawPointer, code: CURLcode?, stopped: HTTPClientError?
    ) {
        guard let transfer = running.removeValue(forKey: easy) else { return }
        var connects = 0
        if sb_curl_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &connects) == CURLE_OK {
            metrics.connectionsOpened.add(connects, ordering: .relaxed)
        }
        curl_multi_remove_handle(multi, easy)
        metrics.activeTransfers.subtract(1, ordering: .relaxed)
        transfer.complete(code: code, stopped: stopped)
        transfer.easy = nil
        recycle(easy)
    }

    private func recycle(_ easy: UnsafeMutableRawPointer) {
        if idleHandles.count < maxIdleHandles {
            curl_easy_reset(easy)
            idleHandles.append(easy)
        } else {
            curl_easy_cleanup(easy)
        }
    }

    private func tearDown(_ multi: UnsafeMutableRawPointer) {
        let late: [Command] = inbox.withLock { inbox in
            inbox.closed = true
            defer { inbox.commands.removeAll() }
            return inbox.commands
        }
        for case .add(let transfer) in late { transfer.complete(code: nil, stopped: .shutdown) }
        for easy in Array(running.keys) { finish(easy, in: multi, code: nil, stopped: .shutdown) }
        readyHeads.removeAll()
        curl_multi_cleanup(multi)
        for easy in idleHandles { curl_easy_cleanup(easy) }
        idleHandles.removeAll()
    }
}
