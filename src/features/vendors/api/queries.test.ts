import { MutationObserver, type MutationObserverOptions, type QueryClient } from "@tanstack/react-query";
import { ApiError, apiGet } from "@/lib/api-client";
import { signInMock } from "@/mocks/auth-state";
import { createTestQueryClient } from "@/test/render";
import { vendorMutations } from "./queries";

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

const vendorDraft = async (vendorId: string) => {
  const {
    id: _id,
    regulatoryActions: _r,
    version,
    ...rest
  } = await apiGet("getVendor", { params: { vendorId } });
  return { draft: rest, version };
};
const serviceDraft = async (serviceId: string) => {
  const { id: _id, version, ...rest } = await apiGet("getService", { params: { serviceId } });
  return { draft: rest, version };
};

describe("vendor and service mutations", () => {
  it("adds a vendor with a service, links the service back, and refreshes every query", async () => {
    const qc = client();
    qc.setQueryData(["overview", "probe"], 1);
    const created = await run(qc, vendorMutations.createVendor(), {
      name: { ja: "新しい代理店株式会社", en: "New Agency Ltd." },
      shortName: { ja: "新代理店", en: "New Agency" },
      kindId: "agency",
      subcontractorOf: [],
      serviceIds: ["prod-oyako"],
    });
    expect(created).toMatchObject({ kindId: "agency", serviceIds: ["prod-oyako"], version: 1 });
    const service = await apiGet("getService", { params: { serviceId: "prod-oyako" } });
    expect(service.vendorIds).toEqual(["sompo", created.id]);
    expect(qc.getQueryState(["overview", "probe"])?.isInvalidated).toBe(true);
  });

  it("updates a vendor at its version", async () => {
    const { draft, version } = await vendorDraft("partners");
    const updated = await run(client(), vendorMutations.updateVendor(), {
      vendorId: "partners",
      body: { ...draft, shortName: { ja: "パートナーズ", en: "Partners" }, version },
    });
    expect(updated).toMatchObject({ shortName: { ja: "パートナーズ" }, version: version + 1 });
  });

  it("adds a service with a dated change and removes a vendor link on both sides", async () => {
    const qc = client();
    const created = await run(qc, vendorMutations.createService(), {
      name: { ja: "新サービス", en: "New service" },
      kind: "mailing",
      populationId: "members",
      vendorIds: ["sompo"],
      changes: [
        {
          effective: "2025-10",
          description: { ja: "新設", en: "Introduced" },
          source: { documentId: "doc-5", cites: [] },
        },
      ],
    });
    expect((await apiGet("getVendor", { params: { vendorId: "sompo" } })).serviceIds).toContain(created.id);

    const { draft, version } = await serviceDraft("prod-liability-topup");
    const updated = await run(qc, vendorMutations.updateService(), {
      serviceId: "prod-liability-topup",
      body: { ...draft, vendorIds: ["sompo"], version },
    });
    expect(updated.vendorIds).toEqual(["sompo"]);
    expect((await apiGet("getVendor", { params: { vendorId: "partners" } })).serviceIds).not.toContain(
      "prod-liability-topup",
    );
  });

  it("refuses a stale service version (409 with the current record)", async () => {
    const qc = client();
    const { draft, version } = await serviceDraft("prod-medical");
    await run(qc, vendorMutations.updateService(), {
      serviceId: "prod-medical",
      body: { ...draft, name: { ja: "先に保存", en: "Saved first" }, version },
    });
    const error = await refusal(
      run(qc, vendorMutations.updateService(), {
        serviceId: "prod-medical",
        body: { ...draft, name: { ja: "古い版から", en: "From a stale copy" }, version },
      }),
    );
    expect(error.status).toBe(409);
    expect(error.problem?.current).toMatchObject({ version: version + 1, name: { ja: "先に保存" } });
  });

  it("names an unknown service in a vendor's list (422)", async () => {
    const { draft, version } = await vendorDraft("sompo");
    const error = await refusal(
      run(client(), vendorMutations.updateVendor(), {
        vendorId: "sompo",
        body: { ...draft, serviceIds: [...draft.serviceIds, "prod-missing"], version },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem?.errors).toContainEqual(
      expect.objectContaining({ field: "serviceIds.3", code: "unknown_reference" }),
    );
  });

  it("refuses a chain of subcontracting that loops, naming the vendor that closes it (422)", async () => {
    const qc = client();
    const { draft, version } = await vendorDraft("partners");
    await run(qc, vendorMutations.updateVendor(), {
      vendorId: "partners",
      body: { ...draft, subcontractorOf: ["sompo"], version },
    });
    const sompo = await vendorDraft("sompo");
    const error = await refusal(
      run(qc, vendorMutations.updateVendor(), {
        vendorId: "sompo",
        body: { ...sompo.draft, subcontractorOf: ["partners"], version: sompo.version },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem?.errors).toContainEqual(
      expect.objectContaining({
        field: "subcontractorOf.0",
        code: "cycle",
        params: { vendorId: "partners" },
      }),
    );
  });

  it("refuses a kind the organisation does not have (422)", async () => {
    const { draft, version } = await vendorDraft("sompo");
    const error = await refusal(
      run(client(), vendorMutations.updateVendor(), {
        vendorId: "sompo",
        body: { ...draft, kindId: "no-such-kind", version },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem?.errors).toContainEqual(
      expect.objectContaining({ field: "kindId", code: "unknown_reference" }),
    );
  });

  it("refuses a viewer (403)", async () => {
    signInMock("viewer");
    const { draft, version } = await vendorDraft("sompo");
    const error = await refusal(
      run(client(), vendorMutations.updateVendor(), { vendorId: "sompo", body: { ...draft, version } }),
    );
    expect(error.status).toBe(403);
  });
});
