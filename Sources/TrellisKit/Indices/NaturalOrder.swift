import Markdown

/// Orders codes as people read them: NI 102a < NI 102b < NI 112 < NI 117.
enum NaturalOrder {
    /// Whether `a` comes before `b`, comparing runs of digits as numbers, ignoring case.
    static func precedes(_ a: String, _ b: String) -> Bool {
        if let answer = a.withUTF8Bytes({ x in b.withUTF8Bytes { y in asciiPrecedes(x, y) } }) { return answer }
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

    /// `precedes` for ASCII, read in place: no String or Double for each chunk, since measures'
    /// periods are sorted for every chart, table and dataset. Nil when either is not ASCII or has
    /// a run of more than 15 digits (a Double may round it), which `chunks` orders.
    private static func asciiPrecedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard !x.contains(where: { $0 >= 0x80 }), !y.contains(where: { $0 >= 0x80 }) else { return nil }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func lower(_ byte: UInt8) -> UInt8 { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte }
        func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var end = start + 1
            while end < bytes.count, isDigit(bytes[end]) == isDigit(bytes[start]) { end += 1 }
            return end
        }
        var i = 0, j = 0
        while i < x.count, j < y.count {
            let xEnd = runEnd(x, from: i), yEnd = runEnd(y, from: j)
            switch (isDigit(x[i]), isDigit(y[j])) {
            case (true, true):
                guard xEnd - i <= 15, yEnd - j <= 15 else { return nil }
                let m = x[i..<xEnd].reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
                let n = y[j..<yEnd].reduce(0) { $0 * 10 + UInt64($1 - UInt8(ascii: "0")) }
                if m != n { return m < n }
            case (false, false):
                let left = x[i..<xEnd].lazy.map(lower), right = y[j..<yEnd].lazy.map(lower)
                if !left.elementsEqual(right) { return left.lexicographicallyPrecedes(right) }
            case (let xDigit, _):
                return xDigit
            }
            (i, j) = (xEnd, yEnd)
        }
        // Every chunk of the shorter matched: fewer chunks first, then the codes as written.
        if i < x.count || j < y.count { return j < y.count }
        return x.lexicographicallyPrecedes(y)
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
