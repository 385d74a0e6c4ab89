import CCairo

/// How the ends of open strokes look.
public enum LineCap: Sendable, Hashable {
    case butt, round, square

    init(_ value: cairo_line_cap_t) {
        switch value {
        case CAIRO_LINE_CAP_ROUND: self = .round
        case CAIRO_LINE_CAP_SQUARE: self = .square
        default: self = .butt
        }
    }

    var cairoValue: cairo_line_cap_t {
        switch self {
        case .butt: CAIRO_LINE_CAP_BUTT
        case .round: CAIRO_LINE_CAP_ROUND
        case .square: CAIRO_LINE_CAP_SQUARE
        }
    }
}

/// How stroke segments meet.
public enum LineJoin: Sendable, Hashable {
    case miter, round, bevel

    init(_ value: cairo_line_join_t) {
        switch value {
        case CAIRO_LINE_JOIN_ROUND: self = .round
        case CAIRO_LINE_JOIN_BEVEL: self = .bevel
        default: self = .miter
        }
    }

    var cairoValue: cairo_line_join_t {
        switch self {
        case .miter: CAIRO_LINE_JOIN_MITER
        case .round: CAIRO_LINE_JOIN_ROUND
        case .bevel: CAIRO_LINE_JOIN_BEVEL
        }
    }
}

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
