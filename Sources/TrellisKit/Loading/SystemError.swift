import Foundation

/// The C library's words for an `errno`, lower-cased to sit inside a sentence:
/// `no space left on device`, `permission denied`.
enum SystemError {
    static func text(_ code: Int32) -> String {
        guard let words = strerror(code).map({ String(cString: $0) }), !words.isEmpty else { return "error \(code)" }
        return words.prefix(1).lowercased() + words.dropFirst()
    }
}
