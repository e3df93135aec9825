import { MutationObserver, type MutationObserverOptions, type QueryClient } from "@tanstack/react-query";
import { ApiError, apiGet } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import type { TIncidentDraft } from "@/shared/schemas/edit";
import type { TIncident } from "@/shared/schemas/incident";
import { createTestQueryClient } from "@/test/render";
import { incidentMutations } from "./queries";

/** The app's client (as the tests' renders use it): a write refreshes what it does in the app. */
const client = createTestQueryClient;

/** Runs one mutation as a component would (its onSuccess included) and returns its answer. */
const run = <D, V>(qc: QueryClient, options: MutationObserverOptions<D, Error, V>, vars: V) =>
  new MutationObserver(qc, options).mutate(vars);

const draftOf = ({ id: _id, version: _v, milestones, impact, ...rest }: TIncident): TIncidentDraft => ({
  ...rest,
  impact: impact.map(({ outsideRecord: _o, ...e }) => e),
  milestones: milestones.map(({ outsideRecord: _o, ...m }) => m),
});

const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe("incident mutations", () => {
  it("creates an incident with the next number and refreshes every query", async () => {
    const qc = client();
    qc.setQueryData(["overview", "probe"], 1);
    const base = draftOf(await apiGet("getIncident", { params: { incidentId: "inc-3" } }));
    // A copy: its nested items are new ones (their ids belong to inc-3).
    const { number: _n, ...copy } = base;
    const draft = {
      ...copy,
      impact: copy.impact.map(({ id: _id, ...e }) => e),
      milestones: copy.milestones.map(({ id: _id, ...m }) => m),
    };
    const created = await run(qc, incidentMutations.create(), {
      ...draft,
      title: { ja: "新しい事故", en: "A new incident" },
    });
    expect(created.number).toBe(4);
    expect(created.version).toBe(1);
    expect((await apiGet("getIncident", { params: { incidentId: created.id } })).title.ja).toBe("新しい事故");
    expect(qc.getQueryState(["overview", "probe"])?.isInvalidated).toBe(true);
  });

  it("updates at the version read and answers the next version", async () => {
    const qc = client();
    qc.setQueryData(["vendors", "probe"], 1);
    const current = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    const updated = await run(qc, incidentMutations.update(), {
      incidentId: "inc-3",
      body: { ...draftOf(current), status: "closed", version: current.version },
    });
    expect(updated.status).toBe("closed");
    expect(updated.version).toBe(current.version + 1);
    expect(qc.getQueryState(["vendors", "probe"])?.isInvalidated).toBe(true);
  });

  it("refuses a stale version with the record as it is now, and stores nothing of it", async () => {
    const qc = client();
    const read = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    const body = { ...draftOf(read), version: read.version };
    await run(qc, incidentMutations.update(), { incidentId: "inc-3", body: { ...body, status: "closed" } });
    const error = await refusal(
      run(qc, incidentMutations.update(), {
        incidentId: "inc-3",
        body: { ...body, title: { ja: "古い版からの変更", en: "Change from a stale copy" } },
      }),
    );
    expect(error.status).toBe(409);
    expect(error.problem?.current?.version).toBe(read.version + 1);
    const now = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    expect(now.title.ja).toBe(read.title.ja);
    expect(now.status).toBe("closed");
  });

  it("names the nested field of an unknown reference (422) and does not refresh anything", async () => {
    const qc = client();
    qc.setQueryData(["overview", "probe"], 1);
    const read = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    const draft = draftOf(read);
    const milestones = draft.milestones.map((m, i) =>
      i === 1 ? { ...m, source: { documentId: "doc-missing", cites: [] } } : m,
    );
    const error = await refusal(
      run(qc, incidentMutations.update(), {
        incidentId: "inc-3",
        body: { ...draft, milestones, version: read.version },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem?.errors).toContainEqual(
      expect.objectContaining({
        field: "milestones.1.source.documentId",
        code: "unknown_reference",
        params: { kind: "document", id: "doc-missing" },
      }),
    );
    expect(qc.getQueryState(["overview", "probe"])?.isInvalidated).toBe(false);
  });

  it("refuses a viewer (403)", async () => {
    signInMock("viewer");
    const read = await apiGet("getIncident", { params: { incidentId: "inc-3" } });
    const error = await refusal(
      run(client(), incidentMutations.update(), {
        incidentId: "inc-3",
        body: { ...draftOf(read), status: "closed", version: read.version },
      }),
    );
    expect(error.status).toBe(403);
  });
});
