import { expect, test } from "@playwright/test";
import { crawlJs, httpReader, initialAssets, RECHARTS_MARKER } from "../scripts/bundle-stats";

/*
 * The bundle budget, measured on what the real server serves (the production build of this run): the
 * JavaScript the first page needs before any route chunk, gzip level 9, each file on its own. Static
 * analysis of the served files, so no timing is involved.
 */

const INITIAL_JS_BUDGET = 120 * 1024;

const listing = (files: { path: string; gzipBytes: number }[]) =>
  files.map((f) => `  ${f.path}: ${f.gzipBytes} B gzip`).join("\n");

test("the initial JavaScript stays within 120 KiB gzip", async ({ baseURL }) => {
  const initial = await initialAssets(httpReader(baseURL as string));
  expect(initial.js.files.length).toBeGreaterThan(0);
  expect(
    initial.js.gzipBytes,
    `initial JavaScript: ${initial.js.gzipBytes} B gzip > ${INITIAL_JS_BUDGET} B\n${listing(initial.js.files)}`,
  ).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
});

test("recharts stays out of the initial JavaScript, so the headline figures paint before the charts", async ({
  baseURL,
}) => {
  const read = httpReader(baseURL as string);
  const initial = await initialAssets(read);
  const initialPaths = initial.js.files.map((f) => f.path);
  const decoder = new TextDecoder();
  const all = await crawlJs(read, initialPaths, { followDynamic: true });

  const withRecharts = [...all]
    .filter(([, data]) => RECHARTS_MARKER.test(decoder.decode(data)))
    .map(([p]) => p);
  // The marker must be the right one: recharts does ship, in some lazily loaded chunk.
  expect(
    withRecharts.length,
    "no served chunk holds recharts code: is RECHARTS_MARKER still right?",
  ).toBeGreaterThan(0);
  expect(
    withRecharts.filter((p) => initialPaths.includes(p)),
    "initial chunks holding recharts code",
  ).toEqual([]);
});
