import Foundation

// Shared by the escaping catalogue tests and the whole-build fuzzer (Fuzz/Sources/FuzzBuild links
// this file), so both judge "could this page run someone else's script" by the same rules.
// Foundation only: no XCTest, no TrellisKit.

/// Finds what in an HTML page could run code or breaks a strict Content-Security-Policy: inline
/// scripts and styles, event-handler attributes, script-capable URLs, and embedding elements.
enum HTMLAudit {
    /// One thing wrong with a page, with enough of the page to find it.
    struct Finding: Hashable, CustomStringConvertible {
        var rule: String
        var excerpt: String
        var description: String { "\(rule): \(excerpt)" }
    }

    /// Elements that load or run other documents or code, or change how every URL resolves.
    static let forbiddenElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "style", "foreignobject"]
    /// Attributes that hold a URL a browser may navigate to or load.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "cite", "srcset", "ping"]

    /// Every finding in `html`. `<link>` is allowed only as a stylesheet, icon, alternate or
    /// canonical link with an http(s) or relative address; `<script>` only with `src` or as JSON-LD,
    /// whose text must parse as JSON and never hold `</`.
    static func findings(in html: String) -> [Finding] {
        var findings: [Finding] = []
        let bytes = Array(html.utf8)
        var index = 0
        func excerpt(_ start: Int) -> String {
            String(decoding: bytes[start..<min(bytes.count, start + 120)], as: UTF8.self)
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let start = index
            if bytes[index...].starts(with: Array("<!--".utf8)) {
                index = find(Array("-->".utf8), in: bytes, from: index + 4).map { $0 + 3 } ?? bytes.count
                continue
            }
            var cursor = index + 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") || bytes[cursor] == UInt8(ascii: "!") || bytes[cursor] == UInt8(ascii: "?") {
                index = bytes[cursor...].firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
                continue
            }
            guard cursor < bytes.count, isLetter(bytes[cursor]) else { index += 1; continue }
            let nameStart = cursor
            while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: "/") { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var attributes: [(String, String)] = []
            while cursor < bytes.count {
                while cursor < bytes.count, isSpace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
                guard cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") else { break }
                let attributeStart = cursor
                while cursor < bytes.count, !isSpace(bytes[cursor]), ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[cursor]) { cursor += 1 }
                if cursor == attributeStart { cursor += 1; continue }
                let attribute = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                var value = ""
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                        let quote = bytes[cursor]
                        let end = bytes[(cursor + 1)...].firstIndex(of: quote) ?? bytes.count
                        value = String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self)
                        cursor = min(end + 1, bytes.count)
                    } else {
                        let valueStart = cursor
                        while cursor < bytes.count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                        value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                    }
                }
                attributes.append((attribute, decodeEntities(value)))
            }
            index = min(cursor + 1, bytes.count)
            findings += audit(element: name, attributes: attributes, excerpt: excerpt(start))
            if name == "script" || name == "style" || name == "textarea" || name == "title" {
                // Raw text up to the closing tag: JSON-LD is checked, nothing in it is a tag.
                let close = find(Array("</\(name)".utf8), in: bytes, from: index, caseInsensitive: true) ?? bytes.count
                let text = String(decoding: bytes[index..<close], as: UTF8.self)
                if name == "script", attributes.contains(where: { $0.0 == "type" && $0.1.lowercased() == "application/ld+json" }) {
                    findings += auditJSONLD(text)
                } else if name == "script", !text.allSatisfy(\.isWhitespace) {
                    findings.append(Finding(rule: "inline script text", excerpt: excerpt(start)))
                }
                index = close
            }
        }
        return findings
    }

    private static func audit(element: String, attributes: [(String, String)], excerpt: String) -> [Finding] {
        var findings: [Finding] = []
        if forbiddenElements.contains(element) {
            findings.append(Finding(rule: "element <\(element)>", excerpt: excerpt))
        }
        if element == "script" {
            let type = attributes.first { $0.0 == "type" }?.1.lowercased()
            if !attributes.contains(where: { $0.0 == "src" }), type != "application/ld+json" {
                findings.append(Finding(rule: "inline <script>", excerpt: excerpt))
            }
        }
        if element == "link" {
            let rel = Set((attributes.first { $0.0 == "rel" }?.1 ?? "").lowercased().split(separator: " ").map(String.init))
            if rel.isEmpty || !rel.isSubset(of: ["stylesheet", "icon", "alternate", "canonical", "preload", "license", "search"]) {
                findings.append(Finding(rule: "<link rel=\(rel.sorted())>", excerpt: excerpt))
            }
        }
        if element == "meta", attributes.contains(where: { $0.0 == "http-equiv" && $0.1.lowercased() == "refresh" }) {
            findings.append(Finding(rule: "<meta http-equiv=refresh>", excerpt: excerpt))
        }
        for (name, value) in attributes {
            if name.hasPrefix("on") { findings.append(Finding(rule: "event-handler attribute \(name)", excerpt: excerpt)) }
            if name == "style" { findings.append(Finding(rule: "inline style attribute", excerpt: excerpt)) }
            if urlAttributes.contains(name), let scheme = dangerousScheme(value) {
                findings.append(Finding(rule: "\(scheme) URL in \(name)", excerpt: excerpt))
            }
        }
        return findings
    }

    /// JSON-LD text must parse as JSON and must not be able to close its script element or open a comment.
    static func auditJSONLD(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        let short = String(text.prefix(120))
        if text.contains("</") || text.lowercased().contains("<!--") || text.contains("<script") {
            findings.append(Finding(rule: "raw </ or <!-- in JSON-LD", excerpt: short))
        }
        if (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil {
            findings.append(Finding(rule: "JSON-LD that does not parse", excerpt: short))
        }
        return findings
    }

    /// The forbidden scheme a URL starts with as a browser reads it (control characters and
    /// spaces dropped, any case), or nil.
    static func dangerousScheme(_ url: String) -> String? {
        let scheme = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).prefix(12)).lowercased()
        return ["javascript:", "vbscript:", "data:", "file:"].first { scheme.hasPrefix($0) }
    }

    /// Character references as a browser decodes them in an attribute: numeric ones, and the
    /// named ones that can spell a scheme or hide a separator.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":",
                                       "tab": "\t", "newline": "\n", "sol": "/", "lpar": "(", "rpar": ")"]
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let body = after.prefix { $0.isLetter || $0.isNumber || $0 == "#" }
            var decoded: String?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                decoded = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else if body.hasPrefix("#") {
                decoded = UInt32(body.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
            } else {
                decoded = named[body.lowercased()]
            }
            if let decoded, !body.isEmpty {
                out += decoded
                rest = after.dropFirst(body.count)
                if rest.first == ";" { rest = rest.dropFirst() }
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        func fold(_ byte: UInt8) -> UInt8 { caseInsensitive && byte >= 65 && byte <= 90 ? byte + 32 : byte }
        var index = start
        while index <= bytes.count - needle.count {
            var matched = true
            for offset in 0..<needle.count where fold(bytes[index + offset]) != fold(needle[offset]) {
                matched = false
                break
            }
            if matched { return index }
            index += 1
        }
        return nil
    }
}
