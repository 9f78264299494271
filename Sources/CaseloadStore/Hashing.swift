import Crypto
import Foundation

/// Hashes of secrets (API tokens, calendar addresses) and of the settings text, with
/// apple/swift-crypto's SHA-256: a secret is stored only as its hash.
public enum Hashing {
    /// The SHA-256 digest of `text`'s UTF-8 bytes as 64 lowercase hex digits.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// `bytes` random bytes from the system's secure generator, as lower-case hex (secrets and
    /// form tokens).
    public static func randomHex(bytes: Int) -> String {
        var rng = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
    }
}
