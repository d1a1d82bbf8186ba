import { readFileSync } from "node:fs";
import { writeFileAtomic } from "../../util/atomicWrite.js";

/**
 * Named Float32 arrays in one file: "RLXT", the header's byte length (uint32 LE), a JSON header
 * (names, shapes, offsets) padded to 4 bytes, then the raw little-endian floats. Exact: a saved
 * and reloaded array is bit-identical, which resuming a run needs.
 */
export interface NamedArray {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

const MAGIC = "RLXT";

export function writeTensorFile(file: string, arrays: Readonly<Record<string, NamedArray>>): void {
  let offset = 0;
  const entries = Object.keys(arrays)
    .sort()
    .map((name) => {
      const { shape, data } = arrays[name]!;
      const entry = { name, shape, offset, length: data.length };
      offset += data.length;
      return entry;
    });
  const json = Buffer.from(JSON.stringify(entries));
  const header = Buffer.alloc(8 + Math.ceil(json.length / 4) * 4, 0x20);
  header.write(MAGIC, 0, "latin1");
  header.writeUInt32LE(header.length - 8, 4);
  json.copy(header, 8);
  const body = Buffer.alloc(offset * 4);
  for (const e of entries) {
    const src = arrays[e.name]!.data;
    Buffer.from(src.buffer, src.byteOffset, src.byteLength).copy(body, e.offset * 4);
  }
  writeFileAtomic(file, Buffer.concat([header, body]));
}

export function readTensorFile(file: string): Record<string, NamedArray> {
  const bytes = readFileSync(file);
  if (bytes.length < 8 || bytes.toString("latin1", 0, 4) !== MAGIC) throw new Error(`${file} is not an rlx tensor file`);
  const headerEnd = 8 + bytes.readUInt32LE(4);
  const entries = JSON.parse(bytes.toString("utf8", 8, headerEnd)) as { name: string; shape: number[]; offset: number; length: number }[];
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset + headerEnd, bytes.byteOffset + bytes.length));
  const result: Record<string, NamedArray> = {};
  for (const e of entries) result[e.name] = { shape: e.shape, data: floats.slice(e.offset, e.offset + e.length) };
  return result;
}
