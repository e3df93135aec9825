import { screen, within } from "@testing-library/react";
import type { TImpactTotal } from "@/shared/schemas/incident";
import type { TOutsideFigure } from "@/shared/schemas/stats";
import { renderWithProviders } from "@/test/render";
import { ImpactTotals } from "./impact-totals";

const SLOW = { timeout: 5000 };

const total = (over: Partial<TImpactTotal>): TImpactTotal => ({
  unit: "people",
  populationId: "members",
  value: 46,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
  ...over,
});

const press: TOutsideFigure = {
  incidentId: "inc-1",
  impactId: "imp-press",
  unit: "records",
  populationId: null,
  count: { status: "reported", value: 5000, source: { documentId: "ctx-kyodo", cites: [] } },
};

describe("ImpactTotals", () => {
  it("puts each unit and population on its own line and the outside figure apart, with its mark", async () => {
    renderWithProviders(
      <ImpactTotals
        totals={[
          total({}),
          total({ unit: "records", populationId: null, value: 120, complete: false, unreportedParts: 1 }),
        ]}
        outside={[press]}
      />,
    );
    const list = screen.getByRole("list");
    await within(list).findByText("会員", {}, SLOW);
    const lines = within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(lines).toEqual(["会員 46名", "120件以上", "記録外の数値(合計に含めない)", "5,000件記録外"]);
    expect(within(list).getByText("120件以上")).toHaveAttribute(
      "title",
      "内訳のうち1つが未報告のため、これより多い可能性があります",
    );
    expect(within(list).getByText("記録外")).toHaveClass("outside-mark");
  });

  it("says 未報告 where nothing is known, and 確認の結果なし apart from 0", async () => {
    const { unmount } = renderWithProviders(<ImpactTotals totals={[]} />);
    expect(screen.getByText("未報告")).toHaveClass("not-reported");
    unmount();
    renderWithProviders(
      <ImpactTotals
        totals={[total({ value: 0, confirmedNone: true }), total({ populationId: "x", value: 0 })]}
      />,
    );
    expect(await screen.findByText("確認の結果なし", {}, SLOW)).toHaveClass("figure-none");
    expect(screen.getByText("0名")).toBeInTheDocument();
  });
});
