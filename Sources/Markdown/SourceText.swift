// The body as UTF-8 lines, so positions cmark reports (1-based lines, 1-based byte columns)
// can be checked against the text and turned into the character columns editors see.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The body's bytes, split into lines once.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; line N (from 1) starts at `lineStarts[N - 1]`.
    private let lineStarts: [Int]
    /// Whether each line is all ASCII, where character columns are byte columns.
    private let lineIsASCII: [Bool]
    /// Each line's first byte column after leading spaces, tabs and `>`s (container markers).
    private let lineContentStart: [Int]

    init(_ text: String) {
        // Copied whole from the String's storage: `Array(text.utf8)`, and even `Array` of a
        // buffer, went byte by byte.
        let bytes = text.utf8.withContiguousStorageIfAvailable { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { target, count in
                if let from = source.baseAddress, let to = target.baseAddress { to.initialize(from: from, count: source.count) }
                count = source.count
            }
        } ?? Array(text.utf8)
        var starts = [0], ascii: [Bool] = [], contentStarts: [Int] = []
        // Room for lines of 64 bytes on average, so the three arrays seldom grow line by line.
        let expectedLines = bytes.count / 64 + 2
        starts.reserveCapacity(expectedLines)
        ascii.reserveCapacity(expectedLines)
        contentStarts.reserveCapacity(expectedLines)
        // Line by line: memchr finds each line's end, and a line is checked for bytes beyond
        // ASCII eight at a time (a byte loop was most of this; an enumerated() iterator was a
        // fifth of the time to render a 20 MB body in a debug build).
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var start = 0
            while true {
                let end = buffer.offset(of: UInt8(ascii: "\n"), from: start) ?? count
                var prefix = start
                while prefix < end, base[prefix] == UInt8(ascii: " ") || base[prefix] == UInt8(ascii: "\t") || base[prefix] == UInt8(ascii: ">") {
                    prefix += 1
                }
                contentStarts.append(1 + prefix - start)
                ascii.append(Self.isASCII(base + start, end - start))
                guard end < count else { break }
                start = end + 1
                starts.append(start)
            }
        }
        if ascii.isEmpty { (ascii, contentStarts) = ([true], [1]) }
        self.bytes = bytes
        lineStarts = starts
        lineIsASCII = ascii
        lineContentStart = contentStarts
    }

    /// Whether `count` bytes from `start` are all ASCII.
    private static func isASCII(_ start: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var offset = 0
        let raw = UnsafeRawPointer(start)
        while offset + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < count {
            if start[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// The bytes of a line (from 1), without its line ending; empty outside the body.
    func line(_ number: Int) -> ArraySlice<UInt8> {
        guard number >= 1, number <= lineStarts.count else { return [] }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// Whether `byte` is on any of `lines` (from 1; those outside the body are empty), found
    /// with one memchr over them all rather than line by line.
    func contains(_ byte: UInt8, lines: ClosedRange<Int>) -> Bool {
        let first = max(lines.lowerBound, 1), last = min(lines.upperBound, lineStarts.count)
        guard first <= last else { return false }
        let start = lineStarts[first - 1]
        let end = last < lineStarts.count ? lineStarts[last] : bytes.count
        return bytes.withUnsafeBufferPointer { UnsafeBufferPointer(rebasing: $0[start..<end]).offset(of: byte) != nil }
    }

    /// A 1-based byte column of a line as a 1-based column counted in Unicode characters
    /// (code points), as editors and YAML count them.
    ///
    /// `ColumnCounter` does the same, remembering where it got to on a long non-ASCII line.
    func characterColumn(line number: Int, byteColumn: Int) -> Int {
        var counter = ColumnCounter()
        return counter.characterColumn(in: self, line: number, byteColumn: byteColumn)
    }

    /// Counts character columns from the last place asked for on the same line, so asking
    /// for the links of one long line in order is linear, not quadratic.
    struct ColumnCounter {
        private var last = (line: 0, byteColumn: 1, column: 1)

        mutating func characterColumn(in source: SourceText, line number: Int, byteColumn: Int) -> Int {
            guard number >= 1, number <= source.lineStarts.count, byteColumn >= 1 else { return max(byteColumn, 1) }
            if source.lineIsASCII[number - 1] { return byteColumn }
            let bytes = source.line(number)
            if last.line != number || last.byteColumn > byteColumn { last = (number, 1, 1) }
            let from = bytes.startIndex + min(last.byteColumn - 1, bytes.count)
            let to = bytes.startIndex + min(byteColumn - 1, bytes.count)
            var column = last.column
            for byte in bytes[from..<to] where byte & 0xC0 != 0x80 { column += 1 }
            last = (number, byteColumn, column)
            return column
        }
    }

    /// The byte column where an inline starts.
    ///
    /// cmark 0.30 gives inlines a source position, but on a paragraph's second and later lines
    /// it counts columns from the block's start column over the line with its leading
    /// whitespace (and container markers) stripped, so `"\n    x [l](u)"` reports the link at
    /// column 3. This recomputes the column from the line's first content byte and keeps it if
    /// the byte there is what the inline starts with (`[`, `<` or `!`); otherwise cmark's.
    func inlineByteColumn(line number: Int, reported: Int, blockLine: Int, blockColumn: Int,
                          startsWith expected: [UInt8]) -> Int {
        guard number != blockLine, number >= 1, number <= lineStarts.count else { return reported }
        let bytes = line(number)
        func starts(at column: Int) -> Bool {
            column >= 1 && column <= bytes.count && expected.contains(bytes[bytes.startIndex + column - 1])
        }
        let recomputed = lineContentStart[number - 1] + (reported - blockColumn)
        if starts(at: recomputed) { return recomputed }
        return reported
    }
}
