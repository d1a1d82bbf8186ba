/**
 * An analysis of a run, or why it cannot be made from what the run directory holds (a missing
 * file, a run that stopped before its first evaluation): the report prints the reason in its place.
 */
export type Analysis<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

export const available = <T>(value: T): Analysis<T> => ({ ok: true, value });

export const unavailable = <T = never>(reason: string): Analysis<T> => ({ ok: false, reason });
