// Which table cells are numbers, so their column is right-aligned (`class="num"`).

enum NumericCell {
    /// True when the whole cell (spaces around it ignored) is a number as tables write them:
    ///
    ///     [sign] [currency] [sign] number [suffix]
    ///
    /// - sign: `+`, `-` or `−` (U+2212), at most one, before or after the currency symbol;
    /// - currency: `£`, `$` or `€`;
    /// - number: digits, either plain (`1234`) or grouped in threes by commas (`1,234,567`),
    ///   with an optional decimal part (`3.5`), or a bare decimal part (`.5`);
    /// - suffix: `%`, or a magnitude `k`, `m` or `bn` (any case), so `52%`, `£10m`, `$1.2bn`.
    ///
    /// Anything else (`n/a`, `2019-20`, `10 people`, `1,23`) is text.
    static func isNumeric(_ cell: String) -> Bool {
        var trimmed = cell.trimmingWhitespace()
        return trimmed.withUTF8(isNumeric(trimmed:))
    }

    /// The rule over a trimmed cell's UTF-8, scalar by scalar: the signs and currencies beyond
    /// ASCII are matched as their whole byte sequences, so bytes stand for scalars exactly (a
    /// table has thousands of cells, and walking Unicode scalars cost thousands of instructions each).
    private static func isNumeric(trimmed bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        /// Skips a sign (`+`, `-`, `−`) at `index`, if there is one.
        func takeSign() -> Bool {
            switch byte(0) ?? 0 {
            case UInt8(ascii: "+"), UInt8(ascii: "-"): index += 1
            case 0xE2 where byte(1) == 0x88 && byte(2) == 0x92: index += 3  // − U+2212
            default: return false
            }
            return true
        }
        let sawSign = takeSign()
        switch byte(0) ?? 0 {
        case UInt8(ascii: "$"): index += 1
        case 0xC2 where byte(1) == 0xA3: index += 2  // £ U+00A3
        case 0xE2 where byte(1) == 0x82 && byte(2) == 0xAC: index += 3  // € U+20AC
        default: break
        }
        if !sawSign { _ = takeSign() }

        func isDigit(_ index: Int) -> Bool { index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        // The integer part: a first group, then either more digits or comma-separated threes.
        var integerDigits = 0
        var groupLength = 0
        var grouped = false
        while index < bytes.count {
            if isDigit(index) {
                integerDigits += 1
                groupLength += 1
                index += 1
            } else if bytes[index] == UInt8(ascii: ","), integerDigits > 0, grouped ? groupLength == 3 : groupLength <= 3 {
                grouped = true
                groupLength = 0
                index += 1
            } else {
                break
            }
        }
        if grouped, groupLength != 3 { return false }
        var fractionDigits = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(index + 1) {
            index += 1
            while isDigit(index) {
                fractionDigits += 1
                index += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        let suffix = UnsafeBufferPointer(rebasing: bytes[index...])
        guard suffix.allSatisfy({ $0 < 0x80 }) else {
            // Lower-cased by Unicode's rules, as the KELVIN SIGN becomes `k`.
            return ["", "%", "k", "m", "bn"].contains(String(decoding: suffix, as: UTF8.self).lowercased())
        }
        switch suffix.count {
        case 0: return true
        case 1: return suffix[0] == UInt8(ascii: "%") || suffix[0] | 0x20 == UInt8(ascii: "k") || suffix[0] | 0x20 == UInt8(ascii: "m")
        case 2: return suffix[0] | 0x20 == UInt8(ascii: "b") && suffix[1] | 0x20 == UInt8(ascii: "n")
        default: return false
        }
    }
}
