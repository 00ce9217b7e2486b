/**
 * The tabulated control-chart constants for moving ranges of two, exactly as qicharts2 uses them
 * (docs/spc.md: "do not use 2.66 or more digits").
 */
export const D2 = 1.128;
export const D4 = 3.267;
