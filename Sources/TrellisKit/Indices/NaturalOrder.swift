/// Orders codes as people read them: NI 102a < NI 102b < NI 112 < NI 117.
enum NaturalOrder {
    /// Whether `a` comes before `b`, comparing runs of digits as numbers, ignoring case.
    static func precedes(_ a: String, _ b: String) -> Bool {
        let left = chunks(a), right = chunks(b)
        for (x, y) in zip(left, right) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m < n
            case (.text(let s), .text(let t)): return s < t
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        if left.count != right.count { return left.count < right.count }
        return a < b
    }

    private enum Chunk: Equatable {
        case number(Double)
        case text(String)
    }

    private static func chunks(_ text: String) -> [Chunk] {
        var result: [Chunk] = []
        var current = ""
        var inDigits = false
        func flush() {
            guard !current.isEmpty else { return }
            result.append(inDigits ? .number(Double(current) ?? 0) : .text(current.lowercased()))
            current = ""
        }
        for character in text {
            let digit = character.isASCII && character.isNumber
            if digit != inDigits { flush(); inDigits = digit }
            current.append(character)
        }
        flush()
        return result
    }
}
