import CCairo

/// How new paint combines with the canvas: the usual compositing and blend modes.
public enum BlendMode: Sendable, Hashable, CaseIterable {
    /// Paint over (the default).
    case normal
    /// Replace what is there, alpha included.
    case copy
    /// Add light: glows, sparks, lit windows.
    case add
    case multiply
    case screen
    case overlay
    case softLight
    case hardLight
    case darken
    case lighten
    case colorDodge
    /// Keep the canvas where the new paint is transparent only (cut out).
    case destinationOut

    init(_ value: cairo_operator_t) {
        self = Self.allCases.first { $0.cairoValue == value } ?? .normal
    }

    var cairoValue: cairo_operator_t {
        switch self {
        case .normal: CAIRO_OPERATOR_OVER
        case .copy: CAIRO_OPERATOR_SOURCE
        case .add: CAIRO_OPERATOR_ADD
        case .multiply: CAIRO_OPERATOR_MULTIPLY
        case .screen: CAIRO_OPERATOR_SCREEN
        case .overlay: CAIRO_OPERATOR_OVERLAY
        case .softLight: CAIRO_OPERATOR_SOFT_LIGHT
        case .hardLight: CAIRO_OPERATOR_HARD_LIGHT
        case .darken: CAIRO_OPERATOR_DARKEN
        case .lighten: CAIRO_OPERATOR_LIGHTEN
        case .colorDodge: CAIRO_OPERATOR_COLOR_DODGE
        case .destinationOut: CAIRO_OPERATOR_DEST_OUT
        }
    }
}
