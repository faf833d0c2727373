extension String {
    /// The parts of a path between its `/`s, found by bytes: `split(separator: "/")` compares
    /// Characters, which cost tens of thousands of instructions per path, and every page and
    /// link has paths split. Empty parts (from `//` or a `/` at either end) are left out unless
    /// `keepingEmpty`.
    func pathParts(keepingEmpty: Bool = false) -> [Substring] {
        utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: !keepingEmpty).map { Substring($0) }
    }
}
