import { QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { I18nProvider } from "@/i18n/i18n";
import { createTestQueryClient } from "@/test/render";
import { referenceQueries } from "./reference-queries";
import { type TReferenceList, useReferenceNames } from "./use-reference-names";

const renderNames = (lists: TReferenceList[]) => {
  const queryClient = createTestQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nProvider initialLang="ja">{children}</I18nProvider>
    </QueryClientProvider>
  );
  return { queryClient, ...renderHook(() => useReferenceNames(...lists), { wrapper }) };
};

describe("useReferenceNames", () => {
  it("shows the ids until the lists arrive, then the names", async () => {
    const { result } = renderNames(["vendors", "services"]);
    expect(result.current.vendor("sompo")).toBe("sompo");
    expect(result.current.vendorKind("sompo")).toBe("");
    expect(result.current.vendors).toEqual([]);
    await waitFor(() => expect(result.current.vendor("sompo")).toBe("損保ジャパン"));
    expect(result.current.vendorFull("sompo")).toBe("損害保険ジャパン株式会社");
    // The kind as the organisation's own list names it.
    await waitFor(() => expect(result.current.vendorKind("partners")).toBe("保険代理店"));
    expect(result.current.vendorKind("sompo")).toBe("保険会社");
    expect(result.current.vendors.map((v) => v.id)).toEqual(["sompo", "partners"]);
    await waitFor(() => expect(result.current.service("prod-oyako")).toBe("親子のちから"));
    // An id the list does not know stays visible as itself.
    expect(result.current.vendor("unknown-vendor")).toBe("unknown-vendor");
  });

  it("names cases, and shows the id of one it does not know", async () => {
    const { result } = renderNames(["cases"]);
    expect(result.current.caseTitle("case-2025-insurance")).toBe("case-2025-insurance");
    await waitFor(() =>
      expect(result.current.caseTitle("case-2025-insurance")).toBe(
        "団体保険制度の委託先における一連の事案(2025年)",
      ),
    );
    expect(result.current.cases.map((c) => c.id)).toEqual(["case-2025-insurance"]);
    expect(result.current.caseTitle("no-such-case")).toBe("no-such-case");
  });

  it("names documents and parties (the organisation or a vendor)", async () => {
    const { result } = renderNames(["organisation", "vendors", "documents"]);
    await waitFor(() => expect(result.current.documentLabel("doc-1")).toBe("資料1"));
    expect(result.current.document("doc-1")?.outsideRecord).toBe(false);
    expect(result.current.document("no-such-doc")).toBeUndefined();
    await waitFor(() => expect(result.current.party("association")).toBe("協会"));
    await waitFor(() => expect(result.current.party("partners")).toBe("損保ジャパンパートナーズ"));
  });

  it("fetches only the lists it is asked for", async () => {
    const { result, queryClient } = renderNames(["vendors"]);
    await waitFor(() => expect(result.current.vendor("sompo")).toBe("損保ジャパン"));
    // The organisation comes with the vendors (it names their kinds); the app shell has it anyway.
    for (const query of [
      referenceQueries.services(),
      referenceQueries.documents(),
      referenceQueries.cases(),
    ]) {
      expect(queryClient.getQueryState(query.queryKey)?.fetchStatus ?? "idle").toBe("idle");
      expect(queryClient.getQueryData(query.queryKey)).toBeUndefined();
    }
    expect(result.current.service("prod-oyako")).toBe("prod-oyako");
  });
});
