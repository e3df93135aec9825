import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

/** Small HTTP helpers for the server: content negotiation and compression. */

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export type TEncoding = "br" | "gzip";

/** Below this many bytes compression costs more than it saves. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|javascript|manifest\+json|xml)|image\/svg\+xml)/i;

export const isCompressible = (contentType: string | null | undefined) =>
  !!contentType && COMPRESSIBLE.test(contentType);

/** The best encoding the client accepts (brotli, then gzip), honouring q=0. */
export const pickEncoding = (acceptEncoding: string | null | undefined): TEncoding | null => {
  if (!acceptEncoding) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const weight = q ? Number(q.slice(2)) : 1;
    accepted.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
};

export const compress = (data: Uint8Array, encoding: TEncoding): Promise<Buffer> =>
  encoding === "br"
    ? brotli(data, {
        params: {
          // A middle quality: most of brotli's gain at a fraction of its top-quality cost.
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
        },
      })
    : gzipAsync(data, { level: 6 });

/** Adds a token to a comma-separated header value once. */
export const appendVary = (current: string | null, token: string) => {
  if (!current) return token;
  const tokens = current.split(",").map((t) => t.trim().toLowerCase());
  return tokens.includes(token.toLowerCase()) || tokens.includes("*") ? current : `${current}, ${token}`;
};
