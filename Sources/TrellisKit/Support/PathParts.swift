import Markdown

extension String {
    /// The parts of a path between its `/`s, found in the contiguous bytes: `split(separator: "/")`
    /// compares Characters, which cost tens of thousands of instructions per path, and even
    /// stepping through the UTF-8 view cost thousands; every page and link has paths split. Empty
    /// parts (from `//` or a `/` at either end) are left out unless `keepingEmpty`.
    func pathParts(keepingEmpty: Bool = false) -> [Substring] {
        let view = utf8
        return withUTF8Bytes { bytes in
            var parts: [Substring] = []
            parts.reserveCapacity(8)
            func add(_ start: Int, _ end: Int) {
                guard keepingEmpty || start != end else { return }
                parts.append(Substring(view[view.index(view.startIndex, offsetBy: start)..<view.index(view.startIndex, offsetBy: end)]))
            }
            var start = 0
            while let slash = bytes.offset(of: UInt8(ascii: "/"), from: start) {
                add(start, slash)
                start = slash + 1
            }
            add(start, bytes.count)
            return parts
        }
    }
}
