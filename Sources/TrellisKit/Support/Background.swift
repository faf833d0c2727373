import Foundation

/// Work started on another thread and waited for where its result is needed: what one stage can
/// work out while the cores are busy with another (git's history while content is read; the
/// relations and the theme while Markdown renders).
final class Pending<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once, before `group` is left; read only after waiting on it.
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: group) { self.value = work() }
    }

    /// A result there already, for a caller that waits all the same.
    init(ready value: Value) {
        self.value = value
    }

    func wait() -> Value {
        group.wait()
        return value!
    }
}

/// Lets go of `value` on another thread: freeing a large site's documents and pages (hundreds
/// of thousands of objects) takes a core for a tenth of a second, which the build need not wait
/// for. The caller hands over its own reference (`consume`), so this one is the last.
func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let box = ReleaseBox(value)
    DispatchQueue.global(qos: .utility).async { box.release() }
}

private final class ReleaseBox<Value: Sendable>: @unchecked Sendable {
    private var value: Value?

    init(_ value: consuming Value) {
        self.value = value
    }

    func release() {
        value = nil
    }
}
