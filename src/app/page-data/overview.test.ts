import type { LoaderFunctionArgs } from "react-router";
import { correctionsChartCode } from "@/features/overview/components/chart-code";
import { createTestQueryClient } from "@/test/render";
import { overviewPage } from "./overview";

// Counts how often the progress chart's module is run (its code evaluated), not merely asked for.
const runs = vi.hoisted(() => ({ n: 0 }));
vi.mock("@/features/overview/components/corrections-chart", () => {
  runs.n += 1;
  return { default: () => null };
});

const load = () => {
  const queryClient = createTestQueryClient();
  overviewPage(queryClient, { request: new Request("http://localhost/") } as LoaderFunctionArgs);
  return queryClient;
};

describe("the overview's loader and the progress chart's code", () => {
  afterEach(() => {
    document.body.innerHTML = "";
  });

  it("does not run it while the app adopts the server's page (which asked for it itself)", async () => {
    document.body.innerHTML = '<div id="root" aria-busy="true"></div>';
    const queryClient = load();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(runs.n).toBe(0);
    await queryClient.cancelQueries();
  });

  it("loads it with the data on any other visit, and runs it once however often it is asked for", async () => {
    document.body.innerHTML = '<div id="root"></div>';
    const first = load();
    await correctionsChartCode();
    const second = load();
    await correctionsChartCode();
    expect(runs.n).toBe(1);
    await Promise.all([first.cancelQueries(), second.cancelQueries()]);
  });
});
