import { render } from "@testing-library/react";
import type { BarShapeProps, DotItemDotProps } from "recharts";
import {
  dotWithWords,
  GRID_AT_X_TICKS,
  GRID_AT_Y_TICKS,
  stackedRow,
  ticksThatFit,
  valueTick,
} from "./chart-marks";

/*
 * The marks the overview's charts draw themselves (recharts places them): a row's stack and its words,
 * a line's dot and its words, the grid at the ticks, a value tick. Drawn here into an SVG, measured by
 * their attributes; the charts drawn by recharts in a real browser are in e2e/ui.spec.ts.
 */

const inSvg = (node: React.ReactNode) => render(<svg aria-hidden="true">{node}</svg>).container;

const bar = (over: Partial<BarShapeProps>) =>
  ({ x: 10, y: 20, width: 300, height: 28, payload: {}, ...over }) as BarShapeProps;

describe("stackedRow", () => {
  const row = stackedRow((d) => ({
    parts: [
      { value: Number(d.done), fill: "url(#done)", text: String(d.doneText) },
      { value: Number(d.left), fill: "url(#left)", text: "" },
      { value: Number(d.unknown), fill: "url(#unknown)", text: String(d.unknownText) },
    ],
    after: { text: String(d.total ?? ""), fontSize: 13 },
  }));

  it("draws the parts side by side in proportion, each with its words centred in it, and the words after", () => {
    const svg = inSvg(
      row(
        bar({
          payload: {
            done: 50,
            left: 25,
            unknown: 25,
            doneText: "6名",
            unknownText: "未報告 3名",
            total: "12名",
          },
        }),
      ),
    );
    const rects = [...svg.querySelectorAll("rect")].map((r) => [
      r.getAttribute("x"),
      r.getAttribute("width"),
      r.getAttribute("fill"),
    ]);
    expect(rects).toEqual([
      ["10", "150", "url(#done)"],
      ["160", "75", "url(#left)"],
      ["235", "75", "url(#unknown)"],
    ]);
    const words = [...svg.querySelectorAll("text")].map((t) => [
      t.textContent,
      t.getAttribute("x"),
      t.getAttribute("y"),
    ]);
    // Centred in their part (y: the middle of the bar), and the row's words 5 px after its end.
    expect(words).toEqual([
      ["6名", "85", "34"],
      ["未報告 3名", "272.5", "34"],
      ["12名", "315", "34"],
    ]);
    for (const t of svg.querySelectorAll("text")) expect(t.getAttribute("class")).toBe("ov-mark-words");
  });

  it("draws nothing for an empty part, and a row with nothing drawn still gets its words", () => {
    const svg = inSvg(
      row(bar({ width: 0.000_01, payload: { done: 0, left: 0, unknown: 0, total: "未報告" } })),
    );
    expect(svg.querySelectorAll("rect")).toHaveLength(0);
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["未報告"]);
  });
});

describe("dotWithWords", () => {
  it("draws the dot and its words just above it", () => {
    const dot = dotWithWords({ r: 4, fill: "#0072b2", stroke: "#fff", strokeWidth: 1 }, (d) => ({
      text: String(d.text),
      fontSize: 12,
    }));
    const svg = inSvg(dot({ cx: 40, cy: 60, index: 0, payload: { text: "1,854名" } } as DotItemDotProps));
    const circle = svg.querySelector("circle");
    expect([circle?.getAttribute("cx"), circle?.getAttribute("cy"), circle?.getAttribute("r")]).toEqual([
      "40",
      "60",
      "4",
    ]);
    const text = svg.querySelector("text");
    expect([text?.textContent, text?.getAttribute("x"), text?.getAttribute("y")]).toEqual([
      "1,854名",
      "40",
      "55",
    ]);
  });
});

describe("the grid at the ticks", () => {
  const scale = { map: (v: unknown) => 100 + Number(v) * 2 };
  const offset = { left: 100, top: 10, width: 200, height: 80 };

  it("puts a vertical line at each tick of the value axis and at both ends of the plot", () => {
    const lines = GRID_AT_X_TICKS.verticalCoordinatesGenerator?.(
      { xAxis: { ticks: [0, 25, 50], scale } as never, width: 400, height: 100, offset: offset as never },
      false,
    );
    expect(lines).toEqual([100, 150, 200, 300]);
    // No horizontal lines, and nothing measured for them.
    expect(GRID_AT_X_TICKS.horizontalCoordinatesGenerator()).toEqual([]);
  });

  it("takes the axis's own ticks when none are given, and places horizontal lines the same way", () => {
    const lines = GRID_AT_Y_TICKS.horizontalCoordinatesGenerator?.(
      { yAxis: { niceTicks: [0, 40], scale } as never, width: 400, height: 100, offset: offset as never },
      false,
    );
    expect(lines).toEqual([100, 180, 10, 90]);
    expect(GRID_AT_Y_TICKS.verticalCoordinatesGenerator()).toEqual([]);
  });
});

describe("valueTick", () => {
  it("writes the formatted value where recharts places the tick", () => {
    const svg = inSvg(valueTick((v) => `${v}%`)({ x: 204, y: 168, payload: { value: 25 } }));
    const text = svg.querySelector("text");
    expect([text?.textContent, text?.getAttribute("x"), text?.getAttribute("text-anchor")]).toEqual([
      "25%",
      "204",
      "middle",
    ]);
  });
});

describe("ticksThatFit", () => {
  const percent = (v: number) => `${v}%`;

  it("keeps every tick where their words fit side by side", () => {
    expect(ticksThatFit([0, 25, 50, 75, 100], percent, 346)).toEqual([0, 25, 50, 75, 100]);
  });

  it("keeps every other one, or only the ends, as the axis narrows, never dropping an end", () => {
    // "100%" is about 37 px wide at 16 px: 35 px between ticks is too little, 70 px enough.
    expect(ticksThatFit([0, 25, 50, 75, 100], percent, 140)).toEqual([0, 50, 100]);
    expect(ticksThatFit([0, 500, 1000, 1500, 2000], (v) => v.toLocaleString("en"), 90)).toEqual([0, 2000]);
    expect(ticksThatFit([0, 5, 10], String, 0)).toEqual([0, 5, 10]);
  });
});
