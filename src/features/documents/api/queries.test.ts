import { MutationObserver, type MutationObserverOptions, type QueryClient } from "@tanstack/react-query";
import { ApiError, apiGet } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import type { TDocumentDraft } from "@/shared/schemas/edit";
import { createTestQueryClient } from "@/test/render";
import { documentMutations } from "./queries";

/** The app's client (as the tests' renders use it): a write refreshes what it does in the app. */
const client = createTestQueryClient;

/** Runs one mutation as a component would (its onSuccess included) and returns its answer. */
const run = <D, V>(qc: QueryClient, options: MutationObserverOptions<D, Error, V>, vars: V) =>
  new MutationObserver(qc, options).mutate(vars);

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

const draft: TDocumentDraft = {
  label: { ja: "資料6", en: "Document 6" },
  title: { ja: "返金完了のご報告", en: "Report on the completed refunds" },
  kind: "report",
  issuerIds: ["sompo", "partners"],
  publisher: null,
  date: "2025-10",
  url: "https://example.org/reports/2025-10.pdf",
  outsideRecord: false,
  statements: [{ ja: "3名への返金を完了した。", en: "The refunds to the 3 are complete." }],
};

const readDraft = async (documentId: string) => {
  const { id: _id, citedBy: _c, version, ...rest } = await apiGet("getDocument", { params: { documentId } });
  return { draft: rest satisfies TDocumentDraft, version };
};

describe("document mutations", () => {
  it("registers a month-dated document and refreshes every query", async () => {
    const qc = client();
    qc.setQueryData(["incidents", "probe"], 1);
    const created = await run(qc, documentMutations.create(), draft);
    expect(created).toMatchObject({ ...draft, version: 1 });
    expect((await apiGet("getDocument", { params: { documentId: created.id } })).date).toBe("2025-10");
    expect(qc.getQueryState(["incidents", "probe"])?.isInvalidated).toBe(true);
  });

  it("changes a document to undated and answers the next version", async () => {
    const { draft: current, version } = await readDraft("doc-5");
    const updated = await run(client(), documentMutations.update(), {
      documentId: "doc-5",
      body: { ...current, date: null, version },
    });
    expect(updated.date).toBeNull();
    expect(updated.version).toBe(version + 1);
  });

  it("refuses a stale version (409 with the current record) and keeps the newer change", async () => {
    const qc = client();
    const { draft: read, version } = await readDraft("doc-5");
    await run(qc, documentMutations.update(), {
      documentId: "doc-5",
      body: { ...read, title: { ja: "先に保存された題名", en: "Saved first" }, version },
    });
    const error = await refusal(
      run(qc, documentMutations.update(), {
        documentId: "doc-5",
        body: { ...read, title: { ja: "古い版からの題名", en: "From a stale copy" }, version },
      }),
    );
    expect(error.status).toBe(409);
    expect(error.problem?.current).toMatchObject({
      version: version + 1,
      title: { ja: "先に保存された題名" },
    });
    expect((await apiGet("getDocument", { params: { documentId: "doc-5" } })).title.ja).toBe(
      "先に保存された題名",
    );
  });

  it("names an unknown issuer and a future date field by field (422)", async () => {
    const error = await refusal(
      run(client(), documentMutations.create(), {
        ...draft,
        issuerIds: ["sompo", "nobody"],
        date: "2999-01-01",
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem?.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "issuerIds.1", code: "unknown_reference" }),
        expect.objectContaining({ field: "date", code: "in_future", params: { date: "2999-01-01" } }),
      ]),
    );
  });

  it("keeps a document's URL, and refuses one that is not an http(s) address, on its field", async () => {
    const qc = client();
    const created = await run(qc, documentMutations.create(), { ...draft, kind: "minutes" });
    expect((await apiGet("getDocument", { params: { documentId: created.id } })).url).toBe(
      "https://example.org/reports/2025-10.pdf",
    );
    const error = await refusal(
      run(qc, documentMutations.create(), { ...draft, url: "javascript:alert(1)" }),
    );
    expect(error.problem?.errors).toEqual([expect.objectContaining({ field: "url" })]);
  });

  it("refuses a viewer (403)", async () => {
    signInMock("viewer");
    expect((await refusal(run(client(), documentMutations.create(), draft))).status).toBe(403);
  });
});
