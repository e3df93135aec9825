import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { gzipBytes } from "./bundle-stats";

/*
 * What a built chunk is made of, by package: each character of the minified file is given to the source
 * its source map names for it, and each package's characters are gzipped together. Per-package gzip sizes
 * are an estimate (gzip of the whole file is less than the sum of its parts); raw bytes are exact.
 */

export type TSourceMap = { version: number; sources: string[]; sourceRoot?: string; mappings: string };

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

const decodeVlq = (text: string): number[] => {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = B64_INDEX.get(char);
    if (digit === undefined) throw new Error(`Bad base64 digit ${JSON.stringify(char)} in a source map`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
};

/** Per generated line, the [column, sourceIndex | -1] where each mapped run starts, in column order. */
export const decodeMappings = (mappings: string): [number, number][][] => {
  let source = 0;
  return mappings.split(";").map((line) => {
    let column = 0;
    const runs: [number, number][] = [];
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        runs.push([column, source]);
      } else {
        runs.push([column, -1]);
      }
      // Names (fields[4]) do not matter here; source line and column neither.
    }
    return runs.sort((a, b) => a[0] - b[0]);
  });
};

export const UNMAPPED = "(not mapped: bundler runtime, glue)";

/** The generated text of `code`, split by the source each piece came from (source index → text). */
export const splitBySource = (code: string, map: TSourceMap): Map<number, string> => {
  const pieces = new Map<number, string[]>();
  const add = (source: number, text: string) => {
    if (!text) return;
    const list = pieces.get(source) ?? [];
    list.push(text);
    pieces.set(source, list);
  };
  const lines = code.split("\n");
  const mapped = decodeMappings(map.mappings);
  lines.forEach((line, i) => {
    const runs = mapped[i] ?? [];
    add(-1, line.slice(0, runs[0]?.[0] ?? line.length));
    runs.forEach(([column, source], j) => {
      add(source, line.slice(column, runs[j + 1]?.[0] ?? line.length));
    });
    if (i < lines.length - 1) add(-1, "\n");
  });
  return new Map([...pieces].map(([source, list]) => [source, list.join("")]));
};

/** "react-dom", "@tanstack/query-core", or the app's own folder ("src/features/overview"). */
export const packageOf = (source: string, mapFile: string, map: TSourceMap, repoRoot: string): string => {
  const absolute = resolve(dirname(mapFile), map.sourceRoot ?? "", source);
  const path = relative(repoRoot, absolute).split(sep).join("/");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const parts = path.slice(nm + "node_modules/".length).split("/");
    return parts[0]?.startsWith("@") ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
  }
  if (path.startsWith("src/")) {
    const parts = path.split("/");
    const depth = parts[1] === "features" ? 3 : 2;
    return parts.length > depth ? parts.slice(0, depth).join("/") : path;
  }
  // Virtual modules of the bundler (preload helper, polyfills) have no file.
  return source.replace(/^\0/, "").replace(/^(\.\.\/)+/, "") || UNMAPPED;
};

export type TPackageSize = { name: string; bytes: number; gzipBytes: number };

/** Sizes by package of one built file, from its source map (`<file>.map`). */
export const packageSizes = async (file: string, repoRoot: string): Promise<TPackageSize[]> => {
  const code = await readFile(file, "utf8");
  const mapFile = `${file}.map`;
  let map: TSourceMap;
  try {
    map = JSON.parse(await readFile(mapFile, "utf8")) as TSourceMap;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    // The bundler writes no map for a chunk with no source of its own (e.g. its runtime helpers).
    map = { version: 3, sources: [], mappings: "" };
  }
  const byPackage = new Map<string, string[]>();
  for (const [source, text] of splitBySource(code, map)) {
    const name = source < 0 ? UNMAPPED : packageOf(map.sources[source] ?? "", mapFile, map, repoRoot);
    const list = byPackage.get(name) ?? [];
    list.push(text);
    byPackage.set(name, list);
  }
  return [...byPackage]
    .map(([name, list]) => {
      const text = list.join("");
      return { name, bytes: Buffer.byteLength(text), gzipBytes: gzipBytes(text) };
    })
    .sort((a, b) => b.bytes - a.bytes);
};
