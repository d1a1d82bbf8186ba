/**
 * Column arithmetic, as a trace writes it out: one small sum, difference or product per column,
 * ones first. Written out so a small model can learn it (each column is a lookup in a tiny table
 * plus a copy), and so a systematic slip is visible where it happens.
 *
 * With `carry: false` the carries and borrows are forgotten, the commonest systematic slip: each
 * column is done on its own and the leading column keeps its overflow (37 + 45 → 7+5=12 3+4=7 → 72);
 * a subtraction takes the smaller digit from the larger (52 − 38 → 8-2=6 5-3=2 → 26). The slip is
 * wrong exactly when a carry or borrow was needed, so a style written this way is less accurate in
 * a way a model learns, and greedy decoding keeps.
 */
export interface ColumnWork {
  /** One entry per column, ones first, e.g. "7+5=12", "3+4+1=8", "12-1-8=3", "4*3+2=14". */
  readonly columns: readonly string[];
  readonly value: number;
}

const digitsOf = (n: number) => [...String(n)].reverse().map(Number);

export function columnAdd(a: number, b: number, carry: boolean): ColumnWork {
  const [da, db] = [digitsOf(a), digitsOf(b)];
  const width = Math.max(da.length, db.length);
  const columns: string[] = [];
  let value = 0;
  let incoming = 0;
  for (let i = 0, place = 1; i < width; i++, place *= 10) {
    const [x, y] = [da[i] ?? 0, db[i] ?? 0];
    const sum = x + y + incoming;
    columns.push(`${x}+${y}${incoming ? `+${incoming}` : ""}=${sum}`);
    const last = i === width - 1;
    value += (last ? sum : sum % 10) * place;
    incoming = carry && !last ? Math.floor(sum / 10) : 0;
  }
  return { columns, value };
}

/** a − b for a ≥ b ≥ 0. A borrowing column shows its ten: "12-8=4", then "5-1-3=1". */
export function columnSubtract(a: number, b: number, carry: boolean): ColumnWork {
  const [da, db] = [digitsOf(a), digitsOf(b)];
  const columns: string[] = [];
  let value = 0;
  let borrowed = 0;
  for (let i = 0, place = 1; i < da.length; i++, place *= 10) {
    const [x, y] = [da[i]!, db[i] ?? 0];
    let digit: number;
    if (carry) {
      const lend = x - borrowed < y ? 10 : 0;
      digit = x + lend - borrowed - y;
      columns.push(`${x + lend}${borrowed ? `-${borrowed}` : ""}-${y}=${digit}`);
      borrowed = lend / 10;
    } else {
      digit = Math.abs(x - y);
      columns.push(`${Math.max(x, y)}-${Math.min(x, y)}=${digit}`);
    }
    value += digit * place;
  }
  return { columns, value };
}

/** a × k for a ≥ 0 and a one-digit k. */
export function columnMultiply(a: number, k: number, carry: boolean): ColumnWork {
  const da = digitsOf(a);
  const columns: string[] = [];
  let value = 0;
  let incoming = 0;
  for (let i = 0, place = 1; i < da.length; i++, place *= 10) {
    const product = da[i]! * k + incoming;
    columns.push(`${da[i]}*${k}${incoming ? `+${incoming}` : ""}=${product}`);
    const last = i === da.length - 1;
    value += (last ? product : product % 10) * place;
    incoming = carry && !last ? Math.floor(product / 10) : 0;
  }
  return { columns, value };
}

/**
 * left op right with signs handled the way people do: the columns work on magnitudes
 * (a − b with a < b is −(b − a); a negative running value plus b is b − |a|).
 */
export function columnStep(left: number, op: string, right: number, carry: boolean): ColumnWork {
  const negate = (w: ColumnWork): ColumnWork => ({ columns: w.columns, value: 0 - w.value });
  const difference = (a: number, b: number) => (a >= b ? columnSubtract(a, b, carry) : negate(columnSubtract(b, a, carry)));
  if (op === "*") return left < 0 ? negate(columnMultiply(-left, right, carry)) : columnMultiply(left, right, carry);
  if (op === "+") return left < 0 ? difference(right, -left) : columnAdd(left, right, carry);
  return left < 0 ? negate(columnAdd(-left, right, carry)) : difference(left, right);
}
