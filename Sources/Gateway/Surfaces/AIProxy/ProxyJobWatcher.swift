import Crypto
import Foundation
import HTTPClient
import JSONSchema

/// Follows asynchronous jobs that asked for a callback (`callback_url`, endpoints with `callback_mode`
/// "webhook"): polls the service's status endpoint until the job completes or fails, then hands a signed
/// callback to the platform outbox, which retries it and survives restarts.
///
/// Callback body: `{"event": "job.completed" | "job.failed", "job_id", "service", "upstream_id", "status",
/// "result"}`; `X-Webhook-Signature` is the hex HMAC-SHA256 of the body with the organization's callback
/// secret (`POST /admin/organizations/{org}/callback-secret`), `X-Webhook-Event` the event, and
/// `X-Webhook-Delivery` a delivery id stable across retries.
final class ProxyJobWatcher: Sendable {
    let platform: Platform
    let catalog: ProxyCatalog
    let jobs: ProxyJobs
    let interval: Duration

    init(platform: Platform, catalog: ProxyCatalog, jobs: ProxyJobs, interval: Duration) {
        self.platform = platform
        self.catalog = catalog
        self.jobs = jobs
        self.interval = interval
    }

    /// Runs until the task is cancelled.
    func run() async {
        while !Task.isCancelled {
            await pollOnce()
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass over the jobs still waiting for a callback.
    func pollOnce() async {
        let waiting = (try? await jobs.repository.awaitingCallback(limit: 50)) ?? []
        for job in waiting { try? await advance(job) }
    }

    private func advance(_ job: ProxyJob) async throws {
        let jobID = job.id, orgID = job.organizationID
        var status = job.status
        var result = job.result ?? .null
        if !Self.isFinal(status) {
            guard let polled = try await poll(job) else { return }
            status = polled["data"]?["status"]?.stringValue ?? status
            result = polled
        }
        guard Self.isFinal(status) else { return }
        try await deliver(jobID: jobID, organizationID: orgID, job: job, status: status, result: result)
    }

    /// Calls the service's status endpoint for the job, as invoke would.
    private func poll(_ job: ProxyJob) async throws -> JSONValue? {
        let orgID = job.organizationID, upstreamID = job.upstreamID
        guard let service = try await catalog.service(job.service),
              let endpoint = service.endpoints.first(where: { $0.jobRole == "status" }),
              let organization = try await platform.identity.organization(orgID) else { return nil }
        let invoker = AIProxyInvoker(platform: platform, catalog: catalog, jobs: jobs)
        var input = try InvokeRequest([:])
        input.query = [("video_id", upstreamID)]
        let key = try await invoker.credential(for: service, organization: organization)
        let request = try invoker.buildRequest(service: service, endpoint: endpoint, input: input, key: key)
        let response = try await platform.upstream.send(request, provider: service.provider, context: UsageContext(
            organizationID: orgID, surface: "ai-proxy", operation: "\(service.slug).\(endpoint.slug)"))
        guard response.status.code < 300, let value = try? JSONValue(parsing: try await response.collect(upTo: 1 << 20)) else {
            return nil
        }
        _ = try await jobs.observe(value, context: JobContext(organizationID: orgID, service: service.slug, endpoint: endpoint,
                                                              callbackURL: nil, query: input.query))
        return value
    }

    private func deliver(jobID: String, organizationID: String, job: ProxyJob, status: String, result: JSONValue)
        async throws {
        guard let url = job.callbackURL else { return }
        let event = status == "completed" ? "job.completed" : "job.failed"
        let body: JSONValue = ["event": .string(event), "job_id": .string(jobID), "service": .string(job.service),
                               "upstream_id": .string(job.upstreamID), "status": .string(status),
                               "result": result]
        let bytes = body.serializedBytes()
        let secret = try await CallbackSecrets.secret(for: organizationID, platform: platform)
        let deliveryID = "dlv_" + SecureRandom.hexToken(bytes: 12)
        let signature = Hex.encode(HMACSHA256.authenticationCode(for: bytes, key: Array(secret.utf8)))
        try await platform.outbox.enqueue(OutboxMessage(
            organizationID: organizationID, kind: event, subject: jobID, url: url,
            headers: [("X-Webhook-Signature", signature), ("X-Webhook-Event", event), ("X-Webhook-Delivery", deliveryID)],
            body: bytes), id: deliveryID)
        try await jobs.repository.markCallbackDelivered(id: jobID)
    }

    static func isFinal(_ status: String) -> Bool { status == "completed" || status == "failed" }
}

/// Each organization's secret for signing job callbacks, sealed in settings.
enum CallbackSecrets {
    static func name(_ organizationID: String) -> String { "callback_secret:\(organizationID)" }

    /// The current secret, made on first use.
    static func secret(for organizationID: String, platform: Platform) async throws -> String {
        if let sealed = try await platform.identity.setting(name(organizationID)) {
            return String(decoding: try platform.vault.openSetting(sealed, name: name(organizationID)), as: UTF8.self)
        }
        return try await rotate(organizationID, platform: platform)
    }

    /// A new secret, replacing the old one; returned so the admin can configure receivers.
    static func rotate(_ organizationID: String, platform: Platform) async throws -> String {
        let secret = "whsec_" + SecureRandom.hexToken(bytes: 24)
        try await platform.identity.setSetting(name(organizationID),
                                               value: try platform.vault.sealSetting(Array(secret.utf8), name: name(organizationID)))
        return secret
    }
}
