const BARS = "▁▂▃▄▅▆▇█";
/** A series without spread has no shape: draw it mid-height so it reads as neither low nor high. */
const FLAT = BARS[3]!;
/** Missing values (NaN, ±Infinity) leave a gap rather than bending the scale. */
const GAP = " ";

/** One bar per value, scaled to the series' own finite min and max. */
export function sparkline(values: readonly number[]): string {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return GAP.repeat(values.length);
  const min = Math.min(...finite);
  const span = Math.max(...finite) - min;
  return values
    .map((v) => {
      if (!Number.isFinite(v)) return GAP;
      if (span === 0) return FLAT;
      return BARS[Math.round(((v - min) / span) * (BARS.length - 1))]!;
    })
    .join("");
}
