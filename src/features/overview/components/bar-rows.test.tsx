import { render } from "@testing-library/react";
import { BarRows, type TBarRow, tickHiddenBelow, wholeTicks } from "./bar-rows";

/*
 * The bar charts' drawing, read from its attributes: every position is a percentage of the plot (its
 * width for values, its height for rows), so what is drawn does not depend on a measured size. The charts
 * in a real browser (their words on their marks, the grid at the ticks, the ticks that fit) are in
 * e2e/ui.spec.ts.
 */

type TRow = { key: string; name: string; row: TBarRow };

const draw = (rows: TRow[], over: Partial<{ top: number; ticks: number[] }> = {}) =>
  render(
    <BarRows
      id="c1"
      data={rows}
      keyOf={(d) => d.key}
      axisWidth={120}
      label={(d) => <text>{d.name}</text>}
      right={40}
      top={over.top ?? 200}
      ticks={over.ticks ?? [0, 50, 100, 150, 200]}
      format={(v) => `${v}名`}
      fills={[{ id: "c1-a", fill: { color: "#0072b2", texture: "solid" } }]}
      bar={26}
      row={(d) => d.row}
    />,
  ).container;

const attrs = (elements: Iterable<Element>, ...names: string[]) =>
  [...elements].map((e) => names.map((n) => (n === "text" ? e.textContent : e.getAttribute(n))));

describe("BarRows", () => {
  it("draws each row's parts side by side in proportion to the axis, with their words centred and the row's after it", () => {
    const svg = draw([
      {
        key: "r1",
        name: "事故1",
        row: {
          parts: [
            { value: 100, fill: "url(#c1-a)", text: "100名" },
            { value: 50, fill: "url(#c1-b)", text: "" },
          ],
          after: { text: "150名", fontSize: 13 },
        },
      },
    ]).querySelector(".ov-bars-plot") as SVGElement;
    expect(attrs(svg.querySelectorAll(":scope > svg rect"), "x", "width", "fill", "y", "height")).toEqual([
      ["0%", "50%", "url(#c1-a)", "-13", "26"],
      ["50%", "25%", "url(#c1-b)", "-13", "26"],
    ]);
    // Centred in its part; the row's words 5 px after the row's end.
    expect(attrs(svg.querySelectorAll(":scope > svg text"), "text", "x", "dx", "text-anchor")).toEqual([
      ["100名", "25%", null, "middle"],
      ["150名", "75%", "5", "start"],
    ]);
  });

  it("places the rows at the middle of equal bands of the plot's height, and their labels beside them", () => {
    const container = draw(
      ["a", "b", "c", "d"].map((key) => ({ key, name: key.toUpperCase(), row: { parts: [] } })),
    );
    const rowsOf = (selector: string) =>
      [...(container.querySelector(selector) as SVGElement).children].filter((e) => e.tagName === "svg");
    expect(rowsOf(".ov-bars-plot").map((e) => e.getAttribute("y"))).toEqual([
      "12.5%",
      "37.5%",
      "62.5%",
      "87.5%",
    ]);
    expect(rowsOf(".ov-bars-labels").map((e) => [e.getAttribute("y"), e.textContent])).toEqual([
      ["12.5%", "A"],
      ["37.5%", "B"],
      ["62.5%", "C"],
      ["87.5%", "D"],
    ]);
  });

  it("draws nothing for an empty part, and a row with nothing drawn still gets its words", () => {
    const svg = draw([
      {
        key: "r1",
        name: "事故3",
        row: {
          parts: [{ value: 0, fill: "url(#c1-a)", text: "0名" }],
          after: { text: "未報告", fontSize: 13 },
        },
      },
    ]).querySelector(".ov-bars-plot") as SVGElement;
    expect(svg.querySelectorAll(":scope > svg rect")).toHaveLength(0);
    expect(attrs(svg.querySelectorAll(":scope > svg text"), "text", "x")).toEqual([["未報告", "0%"]]);
  });

  it("puts a grid line at each tick and at both ends, and each tick's words under its line", () => {
    const container = draw([], { top: 2000, ticks: [0, 500, 1000, 1500, 2000] });
    expect(attrs(container.querySelectorAll(".ov-bars-grid line"), "x1")).toEqual([
      ["0%"],
      ["25%"],
      ["50%"],
      ["75%"],
      ["100%"],
    ]);
    expect(attrs(container.querySelectorAll(".ov-bars-axis text"), "text", "x")).toEqual([
      ["0名", "0%"],
      ["500名", "25%"],
      ["1000名", "50%"],
      ["1500名", "75%"],
      ["2000名", "100%"],
    ]);
  });

  it("leaves out, by the axis's width, the ticks whose words would run into each other, never an end", () => {
    const container = draw([], { top: 2000, ticks: [0, 500, 1000, 1500, 2000] });
    const classes = attrs(container.querySelectorAll(".ov-bars-axis g"), "class").map(([c]) => c);
    const [quarter, half] = tickHiddenBelow([0, 500, 1000, 1500, 2000], (v) => `${v}名`).slice(1, 3);
    expect(classes).toEqual([null, `ov-tick-${quarter}`, `ov-tick-${half}`, `ov-tick-${quarter}`, null]);
    const style = container.querySelector("style")?.textContent ?? "";
    expect(style).toContain(`@container (max-width: ${(quarter ?? 0) - 1}px) { #c1-axis .ov-tick-${quarter}`);
    expect(style).toContain(`@container (max-width: ${(half ?? 0) - 1}px) { #c1-axis .ov-tick-${half}`);
    expect(container.querySelector(".ov-bars-axis")?.id).toBe("c1-axis");
  });
});

describe("tickHiddenBelow", () => {
  const percent = (v: number) => `${v}%`;

  it("keeps the ends always, every other tick down to half the room every tick needs", () => {
    const [first, quarter, half, threeQuarters, last] = tickHiddenBelow([0, 25, 50, 75, 100], percent);
    expect([first, last]).toEqual([0, 0]);
    expect(quarter).toBe(threeQuarters);
    // "100%" is about 30 px wide at 13 px, with 8 px between: 4 steps of ~38 px, or 2 of them.
    expect(quarter).toBeGreaterThan(140);
    expect(quarter).toBeLessThan(170);
    expect(half).toBe(Math.ceil((quarter as number) / 2));
  });

  it("never keeps two ticks side by side that a narrower axis would drop (six steps: 1, 2, 6, not 3)", () => {
    const hidden = tickHiddenBelow([0, 1, 2, 3, 4, 5, 6], String);
    // At any width, the ticks kept are every k-th for one k: 3 is dropped with 1 and 5, before 2 and 4.
    expect(hidden[3]).toBe(hidden[1]);
    expect(hidden[2]).toBe(hidden[4]);
    expect(hidden[2]).toBeLessThan(hidden[1] as number);
  });

  it("has nothing to leave out of an axis of one tick or two", () => {
    expect(tickHiddenBelow([0], String)).toEqual([0]);
    expect(tickHiddenBelow([0, 5], String)).toEqual([0, 0]);
  });
});

describe("wholeTicks", () => {
  it("counts one by one up to 10, and in whole quarters above", () => {
    expect(wholeTicks(3)).toEqual([0, 1, 2, 3]);
    expect(wholeTicks(2000)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(wholeTicks(30)).toEqual([0, 15, 30]);
    expect(wholeTicks(70)).toEqual([0, 35, 70]);
    expect(wholeTicks(5000)).toEqual([0, 1250, 2500, 3750, 5000]);
  });
});
