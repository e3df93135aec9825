import { readFile, stat } from "node:fs/promises";
import { extname, resolve, sep } from "node:path";
import type { Context, MiddlewareHandler } from "hono";
import { compress, type TEncoding } from "./http-util";

/*
 * Serves the built SPA: files under `root`, and index.html for client routes (paths without a file
 * extension), so that a deep link such as /incidents/inc-1 loads the app. Hashed files under /assets/
 * never change and are cached for a year; everything else is revalidated. Files are kept in memory with
 * their compressed forms, checked against the file's size and mtime on each request.
 */

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

const COMPRESSIBLE_EXT = new Set([
  ".html",
  ".js",
  ".mjs",
  ".css",
  ".json",
  ".map",
  ".svg",
  ".txt",
  ".xml",
  ".webmanifest",
]);

export const IMMUTABLE = "public, max-age=31536000, immutable";
export const REVALIDATE = "no-cache";

type TCached = {
  key: string;
  body: Buffer;
  etag: string;
  encoded: Partial<Record<TEncoding, Buffer>>;
};

const MAX_CACHED_FILE_BYTES = 8 * 1024 * 1024;

export type TStaticOptions = {
  root: string;
  /**
   * Makes the HTML of a client route for this request (index.html with the reader's data in it), or null
   * to serve index.html as it is. What it returns is private: never cached, never answered with a 304.
   */
  renderIndex?: (c: Context, html: string) => Promise<string | null>;
  /** Chooses the response encoding from the request (null = identity). */
  encodingFor: (acceptEncoding: string | undefined) => TEncoding | null;
};

export const staticFiles = ({ root, encodingFor, renderIndex }: TStaticOptions): MiddlewareHandler => {
  const base = resolve(root);
  const cache = new Map<string, TCached>();

  const load = async (file: string): Promise<TCached | null> => {
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const key = `${info.size}-${Math.trunc(info.mtimeMs)}`;
    const cached = cache.get(file);
    if (cached?.key === key) return cached;
    const body = await readFile(file);
    const entry: TCached = { key, body, etag: `W/"${key}"`, encoded: {} };
    if (body.byteLength <= MAX_CACHED_FILE_BYTES) cache.set(file, entry);
    return entry;
  };

  const send = async (
    file: string,
    entry: TCached,
    cacheControl: string,
    request: { method: string; ifNoneMatch: string | undefined; acceptEncoding: string | undefined },
  ) => {
    const ext = extname(file).toLowerCase();
    const headers = new Headers({
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "cache-control": cacheControl,
      etag: entry.etag,
    });
    const compressible = COMPRESSIBLE_EXT.has(ext) && entry.body.byteLength >= 1024;
    if (compressible) headers.set("vary", "Accept-Encoding");
    if (request.ifNoneMatch?.split(",").some((tag) => tag.trim() === entry.etag)) {
      return new Response(null, { status: 304, headers });
    }
    let body = entry.body;
    const encoding = compressible ? encodingFor(request.acceptEncoding) : null;
    if (encoding) {
      let encoded = entry.encoded[encoding];
      if (!encoded) {
        encoded = await compress(entry.body, encoding);
        entry.encoded[encoding] = encoded;
      }
      body = encoded;
      headers.set("content-encoding", encoding);
    }
    headers.set("content-length", String(body.byteLength));
    return new Response(request.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
  };

  /** index.html made for this request, or null when the static file serves. */
  const rendered = async (c: Context, entry: TCached, acceptEncoding: string | undefined) => {
    if (!renderIndex) return null;
    const html = await renderIndex(c, entry.body.toString("utf8"));
    if (html === null) return null;
    const headers = new Headers({
      "content-type": CONTENT_TYPES[".html"] as string,
      // The reader's own data: never stored, never shared, different for another cookie.
      "cache-control": "no-store",
      vary: "Cookie, Accept-Encoding",
    });
    let body: Buffer = Buffer.from(html, "utf8");
    const encoding = encodingFor(acceptEncoding);
    if (encoding) {
      body = await compress(body, encoding);
      headers.set("content-encoding", encoding);
    }
    headers.set("content-length", String(body.byteLength));
    return new Response(c.req.method === "HEAD" ? null : new Uint8Array(body), { status: 200, headers });
  };

  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      return next();
    }
    if (pathname.includes("\0")) return next();
    const request = {
      method: c.req.method,
      ifNoneMatch: c.req.header("if-none-match"),
      acceptEncoding: c.req.header("accept-encoding"),
    };
    const file = resolve(base, `.${pathname}`);
    if (file !== base && !file.startsWith(base + sep)) return next();
    if (!pathname.endsWith("/")) {
      const entry = await load(file);
      if (entry) {
        const isIndex = file === resolve(base, "index.html");
        if (isIndex) {
          const own = await rendered(c, entry, request.acceptEncoding);
          if (own) return own;
        }
        return send(
          file,
          entry,
          pathname.startsWith("/assets/") && !isIndex ? IMMUTABLE : REVALIDATE,
          request,
        );
      }
    }
    // A missing asset is a 404, not the app: a browser would otherwise run HTML as a script.
    if (pathname.startsWith("/assets/") || extname(pathname) !== "") return next();
    const index = resolve(base, "index.html");
    const entry = await load(index);
    if (!entry) return next();
    return (await rendered(c, entry, request.acceptEncoding)) ?? send(index, entry, REVALIDATE, request);
  };
};
