/**
 * Character-level tokenizer of the built-in model. The vocabulary is fixed (it is part of every
 * checkpoint's meaning): four special tokens, newline, and printable ASCII. That covers the
 * synthetic arithmetic prompts and both answer styles — code traces ("```python\nx = 12 + 30\n
 * print(x)\n```"), language traces ("12 plus 30 is 42.") and "\boxed{42}" — as well as the prompt
 * templates. Anything else (tabs, non-ASCII) becomes UNK.
 */
export const PAD = 0;
export const BOS = 1;
export const EOS = 2;
export const UNK = 3;

const SPECIAL_COUNT = 4;
const CHARACTERS = "\n" + Array.from({ length: 126 - 32 + 1 }, (_, i) => String.fromCharCode(32 + i)).join("");
const ID_OF = new Map([...CHARACTERS].map((c, i) => [c, SPECIAL_COUNT + i]));

export const VOCAB_SIZE = SPECIAL_COUNT + CHARACTERS.length;

/** How UNK reads back: the Unicode replacement character, so a lost character stays visible. */
export const UNK_TEXT = "\uFFFD";

export interface EncodeOptions {
  /** Put BOS first (prompts). */
  readonly bos?: boolean;
  /** Put EOS last (complete training targets). */
  readonly eos?: boolean;
}

export function encode(text: string, options: EncodeOptions = {}): number[] {
  const ids: number[] = options.bos ? [BOS] : [];
  for (const c of text) ids.push(ID_OF.get(c) ?? UNK);
  if (options.eos) ids.push(EOS);
  return ids;
}

/** Text of the ids: PAD and BOS are skipped, decoding stops at the first EOS, UNK reads as U+FFFD. */
export function decode(ids: ArrayLike<number>): string {
  let text = "";
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === EOS) break;
    if (id === UNK) text += UNK_TEXT;
    else if (id >= SPECIAL_COUNT && id < VOCAB_SIZE) text += CHARACTERS[id - SPECIAL_COUNT];
  }
  return text;
}

/** The prompt the built-in model reads: BOS, the (templated) problem, a newline; its answer follows. */
export function promptTokens(text: string): number[] {
  return encode(`${text}\n`, { bos: true });
}
