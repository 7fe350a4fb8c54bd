import zlib from 'node:zlib';
import { PDFFlateStream } from 'pdf-lib';

/**
 * pdf-lib deflates every content stream with pako, a JavaScript port of zlib; on a statement
 * that is a fifth of the CPU and much of the garbage. Node's native zlib produces the same
 * FlateDecode format several times faster, so flate streams use it (the bytes differ from
 * pako's but decode to the same content, and the same input still gives the same bytes).
 */
const cache = new WeakMap<object, Uint8Array>();
type FlateStream = PDFFlateStream & { encode: boolean; getUnencodedContents(): Uint8Array };

const proto = PDFFlateStream.prototype as unknown as {
  getContents(this: FlateStream): Uint8Array;
  getContentsSize(this: FlateStream): number;
};

function contentsOf(stream: FlateStream): Uint8Array {
  let bytes = cache.get(stream);
  if (!bytes) {
    const raw = stream.getUnencodedContents();
    bytes = stream.encode ? zlib.deflateSync(raw, { level: 6 }) : raw;
    cache.set(stream, bytes);
  }
  return bytes;
}

proto.getContents = function getContents() {
  return contentsOf(this);
};
proto.getContentsSize = function getContentsSize() {
  return contentsOf(this).length;
};
