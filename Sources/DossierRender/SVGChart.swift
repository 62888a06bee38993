import DossierMarkdown
import DossierUtilities

/// Inline SVG charts drawn by Dossier itself: no library, no script. They scale with
/// their container (viewBox) and carry a title and a description for screen readers.
enum SVGChart {
    struct Series {
        var label: String
        /// A CSS class naming it in the theme (`series-a`, `series-b`).
        var cssClass: String
        var values: [Int]

        /// The colour written into the SVG itself, so a chart keeps its colours in a
        /// mail or with a theme that does not style it; a theme's CSS may override it.
        var colour: String { cssClass == "series-b" ? "#1a7f37" : "#0969da" }
    }

    static let width = 640.0
    static let height = 260.0
    static let left = 40.0
    static let right = 12.0
    static let top = 28.0
    static let bottom = 40.0

    /// Bars side by side per category (week), one colour per series.
    static func bars(title: String, description: String, categories: [String], series: [Series]) -> String {
        var (svg, scale, slot) = frame(title: title, description: description, categories: categories, series: series)
        let barWidth = max(1, (slot * 0.8) / Double(max(1, series.count)))
        for (s, serie) in series.enumerated() {
            svg += "<g class=\"\(serie.cssClass)\" fill=\"\(serie.colour)\">"
            for (i, value) in serie.values.enumerated() {
                let h = y(0, scale) - y(value, scale)
                let x = left + slot * Double(i) + slot * 0.1 + barWidth * Double(s)
                svg +=
                    "<rect x=\"\(f(x))\" y=\"\(f(y(value, scale)))\" width=\"\(f(barWidth))\" height=\"\(f(h))\" data-value=\"\(value)\">"
                svg += "<title>\(escape(categories[i])): \(escape(serie.label)) \(value)</title></rect>"
            }
            svg += "</g>"
        }
        svg += legend(series)
        return svg + "</svg>"
    }

    /// One line per series over the categories (weeks).
    static func lines(title: String, description: String, categories: [String], series: [Series]) -> String {
        var (svg, scale, slot) = frame(title: title, description: description, categories: categories, series: series)
        for serie in series {
            let points = serie.values.enumerated().map { i, value in
                "\(f(left + slot * (Double(i) + 0.5))),\(f(y(value, scale)))"
            }
            svg +=
                "<g class=\"\(serie.cssClass)\" fill=\"\(serie.colour)\" stroke=\"\(serie.colour)\"><polyline fill=\"none\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for (i, value) in serie.values.enumerated() {
                svg +=
                    "<circle cx=\"\(f(left + slot * (Double(i) + 0.5)))\" cy=\"\(f(y(value, scale)))\" r=\"3\" data-value=\"\(value)\">"
                svg += "<title>\(escape(categories[i])): \(value)</title></circle>"
            }
            svg += "</g>"
        }
        svg += legend(series)
        return svg + "</svg>"
    }

    /// The opening of a chart with its axes; the value scale and the width per category.
    private static func frame(title: String, description: String, categories: [String], series: [Series])
        -> (svg: String, scale: (top: Int, step: Int), slot: Double)
    {
        let scale = niceScale(max(1, series.flatMap(\.values).max() ?? 1))
        let svg = open(title: title, description: description) + axes(scale: scale, categories: categories)
        return (svg, scale, (width - left - right) / Double(max(1, categories.count)))
    }

    private static func open(title: String, description: String) -> String {
        "<svg class=\"chart-svg\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(escape(title))</title><desc>\(escape(description))</desc>"
    }

    /// The top of the value axis and its step: 1, 2 or 5 times a power of ten.
    static func niceScale(_ maxValue: Int) -> (top: Int, step: Int) {
        var step = 1
        while maxValue / step > 5 {
            if maxValue / (step * 2) <= 5 {
                step *= 2
                break
            }
            if maxValue / (step * 5) <= 5 {
                step *= 5
                break
            }
            step *= 10
        }
        let top = ((maxValue + step - 1) / step) * step
        return (top, step)
    }

    private static func y(_ value: Int, _ scale: (top: Int, step: Int)) -> Double {
        let plotHeight = height - top - bottom
        return top + plotHeight * (1 - Double(value) / Double(max(1, scale.top)))
    }

    private static func axes(scale: (top: Int, step: Int), categories: [String]) -> String {
        var svg = "<g class=\"axis\" stroke=\"#8c959f\" font-size=\"11\">"
        var value = 0
        while value <= scale.top {
            let yy = f(y(value, scale))
            svg +=
                "<line class=\"grid\" stroke-opacity=\"0.35\" x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(yy)\" y2=\"\(yy)\"/>"
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(yy)\" stroke=\"none\" text-anchor=\"end\" dominant-baseline=\"middle\">\(value)</text>"
            value += scale.step
        }
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(1, categories.count))
        // Label at most about 12 categories so they stay readable on a phone.
        let every = max(1, (categories.count + 11) / 12)
        for (i, category) in categories.enumerated() where i % every == 0 || i == categories.count - 1 {
            svg +=
                "<text x=\"\(f(left + slot * (Double(i) + 0.5)))\" y=\"\(f(height - bottom + 16))\" stroke=\"none\" text-anchor=\"middle\">\(escape(category))</text>"
        }
        svg += "<line x1=\"\(f(left))\" x2=\"\(f(width - right))\" y1=\"\(f(height - bottom))\" y2=\"\(f(height - bottom))\"/>"
        return svg + "</g>"
    }

    private static func legend(_ series: [Series]) -> String {
        var svg = "<g class=\"legend\" font-size=\"12\">"
        var x = left
        for serie in series {
            svg +=
                "<g class=\"\(serie.cssClass)\" fill=\"\(serie.colour)\"><rect x=\"\(f(x))\" y=\"6\" width=\"12\" height=\"12\"/></g>"
            svg += "<text x=\"\(f(x + 17))\" y=\"16\">\(escape(serie.label))</text>"
            // Wide (CJK) characters take about twice the width of Latin ones.
            let width = serie.label.unicodeScalars.reduce(0.0) { $0 + ($1.value > 0x2E80 ? 12 : 7) }
            x += 34 + width
        }
        return svg + "</g>"
    }

    private static func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func escape(_ text: String) -> String { HTMLText.escapeAttribute(text) }
}
