// Limits shared by the board and its SVG export.

/** A name longer than this many lines (at full detail) ends with an ellipsis and a tooltip. */
export const MAX_NAME_LINES = 6;
