import { correctionsChartCode, preloadChartsUnlessAdopting } from "./chart-code";

// Counts how often the progress chart's module is run (its code evaluated), not merely asked for.
const runs = vi.hoisted(() => ({ n: 0 }));
vi.mock("./corrections-chart", () => {
  runs.n += 1;
  return { default: () => null };
});

describe("the progress chart's code", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("is not run by the page's loader while the app adopts the server's page (which asked for it itself)", async () => {
    document.body.innerHTML = '<div id="root" aria-busy="true"></div>';
    preloadChartsUnlessAdopting();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs.n).toBe(0);
  });

  it("is loaded with the data on any other visit, and run once however often it is asked for", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    preloadChartsUnlessAdopting();
    await correctionsChartCode();
    preloadChartsUnlessAdopting();
    await correctionsChartCode();
    expect(runs.n).toBe(1);
  });
});
