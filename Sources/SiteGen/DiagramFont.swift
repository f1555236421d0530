/// How wide text is in the font table diagrams are drawn with, for the diagrams Schema Scribe lays out itself
/// (`NeighbourhoodLayout`).
///
/// DejaVu Sans: graphviz asks fontconfig for "Helvetica" and on Debian gets DejaVu Sans, so boxes measured here are
/// the size `dot` makes them; it is also the widest of the fonts a browser shows for `Helvetica,sans-Serif`
/// (Helvetica, Arial, Liberation Sans), so text fits its box wherever the page is opened. The widths are a table
/// in the source (`DiagramFont+Widths.swift`, from scripts/diagram-font-metrics), not read from the machine: the
/// same catalog draws the same diagram on every machine.
enum DiagramFont {
    /// The width of `text` set at `size` points: the larger of its advances summed as drawn (a browser, a PDF) and
    /// as pango measures them for graphviz, each rounded to a whole pixel at 96 dpi (hinting), so that a box is
    /// never narrower than `dot` would make it nor than its text. Without kerning, which only narrows text.
    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        let tables = bold ? Self.bold : Self.book
        let pixelsPerUnit = size * 96 / 72 / 2048
        var units = 0
        var pixels = 0.0
        for scalar in text.unicodeScalars {
            let advance = advance(scalar.value, tables: tables, bold: bold)
            units += advance
            pixels += (Double(advance) * pixelsPerUnit).rounded()
        }
        return max(Double(units) * size / 2048, pixels * 72 / 96)
    }

    /// One scalar's advance in 1/2048 em. Outside the tables: a full em for the wide scripts of East Asia (what their
    /// fonts give them), an em and a quarter for emoji and other pictographs, zero for combining marks, and for the
    /// rest an em's 0.7 (0.75 bold), wider than DejaVu's average letter, so that text in a script the tables lack
    /// still fits.
    private static func advance(_ value: UInt32, tables: [[UInt16]], bold: Bool) -> Int {
        for (index, range) in ranges.enumerated() where range.contains(value) {
            let width = Int(tables[index][Int(value - range.lowerBound)])
            if width > 0 || (0x300...0x36F).contains(value) { return width }
            break
        }
        if value < 0x20 || (0xFE00...0xFE0F).contains(value) || (0x200B...0x200F).contains(value) { return 0 }
        if isWide(value) { return 2048 }
        // Emoji and pictographs: browsers draw them from a colour font, wider than an em.
        if (0x2300...0x2BFF).contains(value) || (0x1F000...0x1FAFF).contains(value) { return 2560 }
        return bold ? 1536 : 1434
    }

    /// East Asian wide and fullwidth characters: Hangul Jamo, CJK, Hiragana to Yi, Hangul syllables, compatibility
    /// ideographs, fullwidth forms, and the supplementary ideographic planes.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }
}
