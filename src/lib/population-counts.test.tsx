import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import type { TLang } from "@/i18n/catalog";
import { I18nProvider, useI18n } from "@/i18n/i18n";
import { mockStore } from "@/mocks/handlers";
import type { TImpactTotal } from "@/shared/schemas/incident";
import { createTestQueryClient } from "@/test/render";
import { impactTotalText, populationLabel, totalState, usePopulations } from "./population-counts";

const wrapperIn =
  (lang: TLang) =>
  ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={createTestQueryClient()}>
      <I18nProvider initialLang={lang}>{children}</I18nProvider>
    </QueryClientProvider>
  );

const i18nIn = (lang: TLang) => renderHook(() => useI18n(), { wrapper: wrapperIn(lang) }).result.current;

const populations = [
  { id: "members", name: { ja: "会員", en: "members" }, ofWhom: null },
  { id: "customers-a", name: { ja: "顧客", en: "customers" }, ofWhom: { ja: "甲社", en: "Kō Inc." } },
];

const total = (over: Partial<TImpactTotal>): TImpactTotal => ({
  unit: "people",
  populationId: "members",
  value: 46,
  complete: true,
  unreportedParts: 0,
  confirmedNone: false,
  ...over,
});

describe("counts of people and records, per population", () => {
  it("names a population by its own words, and whose people they are", () => {
    const ja = i18nIn("ja");
    const en = i18nIn("en");
    expect(populationLabel(ja, populations[0] as never)).toBe("会員");
    expect(populationLabel(ja, populations[1] as never)).toBe("甲社の顧客");
    expect(populationLabel(en, populations[1] as never)).toBe("customers of Kō Inc.");
  });

  it("says each state of a total in its own words: exact, a floor, not reported, none after checking", () => {
    const ja = i18nIn("ja");
    const en = i18nIn("en");
    expect(impactTotalText(ja, populations, total({}))).toBe("会員 46名");
    expect(impactTotalText(en, populations, total({}))).toBe("members: 46 people");
    expect(impactTotalText(en, populations, total({ value: 1 }))).toBe("members: 1 person");
    const records = total({ unit: "records", populationId: "customers-a", value: 3200 });
    expect(impactTotalText(ja, populations, records)).toBe("甲社の顧客 3,200件");
    expect(impactTotalText(en, populations, records)).toBe("customers of Kō Inc.: 3,200 records");
    // Records of no population: the count alone.
    expect(impactTotalText(ja, populations, total({ unit: "records", populationId: null }))).toBe("46件");
    const floor = total({ complete: false, unreportedParts: 1 });
    expect(totalState(floor)).toBe("at_least");
    expect(impactTotalText(ja, populations, floor)).toBe("会員 46名以上");
    // Nothing exact known is 未報告, never 0.
    const unknown = total({ value: 0, complete: false, unreportedParts: 2 });
    expect(totalState(unknown)).toBe("not_reported");
    expect(impactTotalText(ja, populations, unknown)).toBe("会員 未報告");
    const none = total({ value: 0, confirmedNone: true });
    expect(totalState(none)).toBe("confirmed_none");
    expect(impactTotalText(ja, populations, none)).toBe("会員 確認の結果なし");
    expect(impactTotalText(en, populations, none)).toBe("members: None, after checking");
    // A reported 0 is a 0.
    expect(impactTotalText(ja, populations, total({ value: 0 }))).toBe("会員 0名");
    // A population the organisation no longer lists keeps its id, still unambiguous.
    expect(impactTotalText(ja, populations, total({ populationId: "gone" }))).toBe("gone 46名");
  });

  it("reads the organisation's populations from its settings", async () => {
    mockStore.data = {
      ...mockStore.data,
      organisation: { ...mockStore.data.organisation, populations },
    };
    const { result } = renderHook(() => usePopulations(useI18n()), { wrapper: wrapperIn("ja") });
    await waitFor(() => expect(result.current.label("customers-a")).toBe("甲社の顧客"));
    expect(result.current.count(3200, "records", "customers-a")).toBe("甲社の顧客 3,200件");
    expect(result.current.total(total({}))).toBe("会員 46名");
    expect(result.current.label(null)).toBeNull();
  });
});
