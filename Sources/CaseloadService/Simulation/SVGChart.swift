import Foundation

/// Small self-contained SVG charts (no scripts, no web fonts) that print well.
enum SVGChart {
    struct Series {
        var name: String
        var values: [Double]
        var dashed: Bool
        var colour: String
    }

    /// A line chart of `series` over the weeks named by `labels` (the week each value is for);
    /// `breaks` marks holidays between two weeks (before the week at that index) with a shaded band.
    static func lines(
        title: String, unit: String, labels: [String], series: [Series], breaks: [Int: String] = [:],
        width: Double = 640, height: Double = 220
    ) -> String {
        let n = series.map(\.values.count).max() ?? 0
        let top = unit == "%" ? 1.0 : max(1, series.flatMap(\.values).max() ?? 1) * 1.1
        let (l, r, t, b) = (48.0, 16.0, 28.0, 36.0)
        func x(_ i: Int) -> Double { l + (width - l - r) * (n > 1 ? Double(i) / Double(n - 1) : 0.5) }
        func y(_ v: Double) -> Double { height - b - (height - t - b) * v / top }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"\(l)\" y=\"18\" class=\"t\">\(escape(title))</text>"
        for k in 0...4 {
            let v = top * Double(k) / 4
            svg +=
                "<line x1=\"\(l)\" x2=\"\(width - r)\" y1=\"\(f(y(v)))\" y2=\"\(f(y(v)))\" class=\"g\"/><text x=\"\(l - 6)\" y=\"\(f(y(v) + 4))\" class=\"a\" text-anchor=\"end\">\(label(v, unit))</text>"
        }
        for (i, name) in breaks.sorted(by: { $0.key < $1.key }) where i > 0 && i < n {
            let (x0, x1) = (x(i - 1) + 3, x(i) - 3)
            svg +=
                "<rect x=\"\(f(x0))\" y=\"\(t)\" width=\"\(f(max(1, x1 - x0)))\" height=\"\(f(height - t - b))\" class=\"h\" fill=\"#eee\"><title>\(escape(name))</title></rect>"
            svg += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(t + 10)\" class=\"a\" text-anchor=\"middle\">\(escape(String(name.prefix(18))))</text>"
        }
        let every = max(1, (n + 7) / 8)  // at most eight dates, so they never overlap
        for i in stride(from: 0, to: n, by: every) {
            let text = i < labels.count ? labels[i] : "\(i + 1)"
            svg += "<text x=\"\(f(x(i)))\" y=\"\(height - b + 16)\" class=\"a\" text-anchor=\"middle\">\(escape(text))</text>"
        }
        svg += "<text x=\"\(width / 2)\" y=\"\(height - 4)\" class=\"a\" text-anchor=\"middle\">week beginning</text>"
        for (k, s) in series.enumerated() {
            let points: String = s.values.enumerated().map { (i: Int, v: Double) -> String in f(x(i)) + "," + f(y(v)) }.joined(separator: " ")
            svg +=
                "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(s.colour)\" stroke-width=\"2\"\(s.dashed ? " stroke-dasharray=\"6 4\"" : "")/>"
            svg +=
                "<text x=\"\(width - r - 150)\" y=\"\(t + 14 * Double(k))\" class=\"a\" fill=\"\(s.colour)\">\(s.dashed ? "- - " : "—— ")\(escape(s.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars: per label, one bar per series.
    static func bars(title: String, labels: [String], series: [Series], width: Double = 640) -> String {
        let rowH = 14.0 * Double(max(1, series.count)) + 6
        let top = max(0.1, series.flatMap(\.values).max() ?? 1)
        let height = 36 + rowH * Double(labels.count)
        let l = 230.0
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">"
        svg += "<text x=\"4\" y=\"18\" class=\"t\">\(escape(title))</text>"
        for (i, name) in labels.enumerated() {
            let y0 = 30 + rowH * Double(i)
            svg += "<text x=\"\(l - 6)\" y=\"\(f(y0 + 11))\" class=\"a\" text-anchor=\"end\">\(escape(String(name.prefix(34))))</text>"
            for (k, s) in series.enumerated() where i < s.values.count {
                let w = (width - l - 60) * s.values[i] / top
                svg +=
                    "<rect x=\"\(l)\" y=\"\(f(y0 + 14 * Double(k)))\" width=\"\(f(w))\" height=\"12\" fill=\"\(s.colour)\"\(s.dashed ? " fill-opacity=\"0.45\"" : "")/>"
                svg += "<text x=\"\(f(l + w + 4))\" y=\"\(f(y0 + 14 * Double(k) + 10))\" class=\"a\">\(String(format: "%.1f", s.values[i]))</text>"
            }
        }
        return svg + "</svg>"
    }

    static func f(_ v: Double) -> String { String(format: "%.1f", v) }
    static func label(_ v: Double, _ unit: String) -> String { unit == "%" ? String(format: "%.0f%%", v * 100) : String(format: "%.0f", v) }
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
