import Foundation

/// The OpenAPI 3.1 document served at `/v1/openapi.yaml`: `openapi.yaml` beside this file,
/// shipped as the target's resource and read once.
enum OpenAPIDocument {
    static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return "openapi: 3.1.0\ninfo:\n  title: Caseload API (document missing from the build)\n  version: 0.0.0\npaths: {}\n"
        }
        return text
    }()
}
