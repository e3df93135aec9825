import { render } from "@testing-library/react";
import type { DotItemDotProps } from "recharts";
import { dotWithWords, GRID_AT_Y_TICKS, valueTick } from "./chart-marks";

/*
 * The marks the progress chart draws itself (recharts places them): a line's dot and its words, the grid
 * at the ticks, a value tick. Drawn here into an SVG, measured by their attributes; the chart drawn by
 * recharts in a real browser is in e2e/ui.spec.ts.
 */

const inSvg = (node: React.ReactNode) => render(<svg aria-hidden="true">{node}</svg>).container;

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

  it("puts a horizontal line at each of the axis's own ticks and at both ends of the plot", () => {
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
