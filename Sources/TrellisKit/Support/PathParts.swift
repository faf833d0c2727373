extension String {
    /// The parts of a path between its `/`s, found by bytes: `split(separator: "/")` compares
    /// Characters, which cost tens of thousands of instructions per path, and even the UTF-8
    /// view's generic `split` cost thousands; every page and link has paths split. Empty parts
    /// (from `//` or a `/` at either end) are left out unless `keepingEmpty`.
    func pathParts(keepingEmpty: Bool = false) -> [Substring] {
        let view = utf8
        var parts: [Substring] = []
        var start = view.startIndex
        var index = start
        while index != view.endIndex {
            if view[index] == UInt8(ascii: "/") {
                if keepingEmpty || index != start { parts.append(Substring(view[start..<index])) }
                start = view.index(after: index)
            }
            index = view.index(after: index)
        }
        if keepingEmpty || start != view.endIndex { parts.append(Substring(view[start..<view.endIndex])) }
        return parts
    }
}
