import CaseloadConfig
import CaseloadCore
import CaseloadStore
import Foundation
import Hummingbird

/// `/health` (public), `/metrics`, `/v1/openapi.yaml` and `/v1/config`.
struct SystemController {
    let state: ServerState

    struct HealthDTO: ResponseEncodable { var status: String, database: String }

    func registerPublic(_ router: Router<AppContext>) {
        router.get("health") { _, context in
            if let problem = self.state.db.problem() {
                context.logger.error("health: \(problem)")
                throw Problem(.serviceUnavailable, problem)
            }
            return HealthDTO(status: "ok", database: (try? self.state.db.journalMode()) ?? "unavailable")
        }
    }

    func register(_ router: Router<AppContext>, _ v1: RouterGroup<AppContext>) {
        router.group("metrics").add(middleware: AuthMiddleware(db: state.db)).get { _, context in
            _ = try context.caller(may: .readMetrics)
            return try text(self.metrics(), type: "text/plain; version=0.0.4; charset=utf-8")
        }
        v1.get("openapi.yaml") { _, _ in text(OpenAPIDocument.yaml, type: "application/yaml") }
        v1.get("config") { _, context in
            _ = try context.caller(may: .readSettings)
            return text(self.state.configText, type: "application/yaml")
        }
        v1.put("config") { request, context in
            let caller = try context.caller()
            let buffer = try await request.body.collect(upTo: context.maxUploadSize)
            let yaml = try TrustConfigFile.text(Data(buffer: buffer), what: "body")
            let config = try self.state.replaceConfig(yaml, by: caller, stamp: Stamp(actor: caller.actor))
            return text("updated: \(config.services.map(\.code).joined(separator: ", "))\n", type: "text/plain")
        }
    }

    func metrics() throws -> String {
        state.metrics.text(waiting: try state.db.waitingCounts())
    }
}

func text(_ body: String, type: String) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = type
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
}
