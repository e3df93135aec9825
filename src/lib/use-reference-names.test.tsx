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
    expect(result.current.vendorRole("sompo")).toBe("");
    expect(result.current.vendors).toEqual([]);
    await waitFor(() => expect(result.current.vendor("sompo")).toBe("損保ジャパン"));
    expect(result.current.vendorFull("sompo")).toBe("損害保険ジャパン株式会社");
    expect(result.current.vendorRole("partners")).toBe("保険代理店");
    expect(result.current.vendors.map((v) => v.id)).toEqual(["sompo", "partners"]);
    await waitFor(() => expect(result.current.service("prod-oyako")).toBe("親子のちから"));
    // An id the list does not know stays visible as itself.
    expect(result.current.vendor("unknown-vendor")).toBe("unknown-vendor");
  });

  it("names documents and parties (the association or a vendor)", async () => {
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
    for (const query of [
      referenceQueries.services(),
      referenceQueries.documents(),
      referenceQueries.organisation(),
    ]) {
      expect(queryClient.getQueryState(query.queryKey)?.fetchStatus ?? "idle").toBe("idle");
      expect(queryClient.getQueryData(query.queryKey)).toBeUndefined();
    }
    expect(result.current.service("prod-oyako")).toBe("prod-oyako");
  });
});
