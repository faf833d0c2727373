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
        var scalars = Substring(cell.trimmingWhitespace()).unicodeScalars[...]
        var sawSign = false
        func takeSign() {
            if !sawSign, let first = scalars.first, first == "+" || first == "-" || first == "\u{2212}" {
                scalars.removeFirst()
                sawSign = true
            }
        }
        takeSign()
        if let first = scalars.first, first == "£" || first == "$" || first == "€" { scalars.removeFirst() }
        takeSign()

        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }
        // The integer part: a first group, then either more digits or comma-separated threes.
        var integerDigits = 0
        var groupLength = 0
        var grouped = false
        while let scalar = scalars.first {
            if isDigit(scalar) {
                integerDigits += 1
                groupLength += 1
                scalars.removeFirst()
            } else if scalar == ",", integerDigits > 0, grouped ? groupLength == 3 : groupLength <= 3 {
                grouped = true
                groupLength = 0
                scalars.removeFirst()
            } else {
                break
            }
        }
        if grouped, groupLength != 3 { return false }
        var fractionDigits = 0
        if scalars.first == ".", scalars.dropFirst().first.map(isDigit) == true {
            scalars.removeFirst()
            while let scalar = scalars.first, isDigit(scalar) {
                fractionDigits += 1
                scalars.removeFirst()
            }
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        let suffix = String(Substring(scalars)).lowercased()
        return ["", "%", "k", "m", "bn"].contains(suffix)
    }
}
