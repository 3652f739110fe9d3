import HTTPCore
import HTTPServer
import Store

/// The gateway's routes. The five API surfaces are added here as they are built.
enum GatewayRoutes {
    static func make(store: Database) -> Router {
        var router = RouterBuilder()
        router.get("/healthz") { _ in .json(#"{"status":"ok"}"#) }
        return router.build()
    }
}
