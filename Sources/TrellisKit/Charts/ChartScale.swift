import Foundation

/// A value axis with "nice" ticks (steps of 1, 2, 2.5 or 5 times a power of ten) that cover
/// every value, mapped onto a span of the drawing.
struct ChartScale: Sendable {
    /// Tick values from bottom to top; the first and last are the axis's ends.
    let ticks: [Double]
    /// Decimal places the tick labels need ("5.4" needs 1).
    let decimals: Int

    /// A scale for `values`, with about `count` ticks. The axis starts at zero when every value is
    /// positive and the smallest is under half the largest; otherwise it hugs the data so a trend
    /// stays visible (the numbers are in the table beside the chart).
    init(values: [Double], count: Int = 5) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low >= 0 && low <= high / 2 { low = 0 }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            (low, high) = (low - pad, high + pad)
            if values.allSatisfy({ $0 >= 0 }) && low < 0 { low = 0 }
        }
        let step = Self.niceStep((high - low) / Double(max(1, count - 1)))
        let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
        decimals = (0...4).first { places in
            let scaled = step * pow(10, Double(places))
            return abs(scaled - scaled.rounded()) < 1e-6
        } ?? 4
    }

    /// 1, 2, 2.5 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let residual = rough / magnitude
        let factor: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10
        return factor * magnitude
    }

    /// Where `value` falls between `bottom` (the first tick) and `top` (the last), in drawing units.
    func position(_ value: Double, bottom: Double, top: Double) -> Double {
        guard let low = ticks.first, let high = ticks.last, high > low else { return (bottom + top) / 2 }
        return bottom + (value - low) / (high - low) * (top - bottom)
    }

    /// A tick's value as written with the decimals the step needs: "5.4", "10", "2.50".
    func written(_ value: Double) -> String {
        String(format: "%.\(decimals)f", abs(value) < 1e-12 ? 0 : value)
    }

    /// A coordinate for an SVG attribute: at most one decimal place, no trailing ".0".
    static func coordinate(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
