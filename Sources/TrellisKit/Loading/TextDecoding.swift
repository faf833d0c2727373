import Foundation
import Markdown

/// Turns a file's bytes into text an editor's line and column numbers agree with.
enum TextDecoding {
    /// UTF-8 text without a BOM and with LF line endings, or an error naming the first bad byte's line and column.
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(.error(.notUTF8, "the file is UTF-16 text, not UTF-8; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)", at: SourceLocation(file: path, line: 1, column: 1)))
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        // Searched and validated through the contiguous buffer (memchr, and the standard
        // library's validation over a buffer): a generic loop over the slice costs several times more.
        let (nul, hasCR, text) = bytes.withUnsafeBufferPointer { buffer in
            (buffer.offset(of: 0).map { bytes.startIndex + $0 }, buffer.offset(of: 0x0D) != nil, String(validating: buffer, as: UTF8.self))
        }
        if let nul {
            let (line, column) = position(of: nul, in: bytes)
            return .failure(.error(.notUTF8, "the file holds a NUL byte, so it is not a text file; remove it (or re-save the file as UTF-8 text)", at: SourceLocation(file: path, line: line, column: column)))
        }
        guard let text else {
            let bad = firstInvalidByte(bytes)
            let (line, column) = position(of: bad, in: bytes)
            return .failure(.error(.notUTF8, "the file is not UTF-8 text; save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)", at: SourceLocation(file: path, line: line, column: column)))
        }
        if !hasCR { return .success(text) }
        return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
    }

    /// The index of the first byte that does not start or continue a valid UTF-8 sequence.
    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.endIndex { return index }
            if String(validating: bytes[index..<index + length], as: UTF8.self) == nil { return index }
            index += length
        }
        return bytes.endIndex
    }

    /// 1-based line and column (in characters of the valid text before it) of a byte, counting
    /// CRLF, LF and a lone CR each as one line break, as the decoded text does.
    private static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1
        var lineStart = bytes.startIndex
        var offset = bytes.startIndex
        while offset < index {
            let byte = bytes[offset]
            if byte == 0x0A || (byte == 0x0D && (offset + 1 == index || bytes[offset + 1] != 0x0A)) {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }
        let column = String(decoding: bytes[lineStart..<index], as: UTF8.self).count + 1
        return (line, column)
    }
}
