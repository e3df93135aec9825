import type { TFigure, TSourceRef } from "../schemas/common";
import { ZDataset } from "../schemas/dataset";
import { case2025 } from "./case-2025";

const exact = (f: TFigure) => (f.status === "reported" || f.status === "derived" ? f.value : null);

describe("the 2025 case dataset", () => {
  const data = ZDataset.parse(case2025);
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const incident = (id: string) => {
    const found = data.incidents.find((i) => i.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };
  const cohort = (id: string) => {
    const found = data.cohorts.find((c) => c.id === id);
    if (!found) throw new Error(`no ${id}`);
    return found;
  };

  it("has unique ids in every collection", () => {
    for (const list of [
      data.vendors,
      data.services,
      data.documents,
      data.incidents,
      data.cohorts,
      data.commitments,
      data.meetings,
      data.regulatoryActions,
      data.incidents.flatMap((i) => i.milestones),
      data.cohorts.flatMap((c) => c.progress),
    ]) {
      const ids = list.map((x) => x.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("ties every source to a document that exists, and marks outside-record facts consistently", () => {
    const refs: TSourceRef[] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if (typeof o.documentId === "string" && Array.isArray(o.cites)) refs.push(o as TSourceRef);
        Object.values(o).forEach(collect);
      }
    };
    collect(data);
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) {
      expect(docs.has(ref.documentId), ref.documentId).toBe(true);
      for (const c of ref.cites) expect(docs.has(c), c).toBe(true);
    }
    for (const m of data.incidents.flatMap((i) => i.milestones)) {
      expect(m.outsideRecord, m.id).toBe(docs.get(m.source.documentId)?.outsideRecord);
    }
  });

  it("refers only to parties, services, incidents and meetings that exist", () => {
    const vendorIds = new Set(data.vendors.map((v) => v.id));
    const parties = new Set([...vendorIds, data.organisation.id]);
    const serviceIds = new Set(data.services.map((p) => p.id));
    const incidentIds = new Set(data.incidents.map((i) => i.id));
    const meetingIds = new Set(data.meetings.map((m) => m.id));
    const commitmentIds = new Set(data.commitments.map((c) => c.id));
    for (const d of data.documents) for (const p of d.issuerIds) expect(parties.has(p)).toBe(true);
    for (const i of data.incidents) {
      for (const v of i.vendorIds) expect(vendorIds.has(v)).toBe(true);
      for (const a of i.impact) if (a.serviceId !== null) expect(serviceIds.has(a.serviceId)).toBe(true);
      for (const d of i.documentIds) expect(docs.has(d)).toBe(true);
    }
    for (const c of data.cohorts) {
      expect(incidentIds.has(c.incidentId)).toBe(true);
      for (const p of c.progress) expect(p.cohortId).toBe(c.id);
    }
    for (const c of data.commitments) {
      for (const v of c.owedByIds) expect(vendorIds.has(v)).toBe(true);
      for (const i of c.incidentIds) expect(incidentIds.has(i)).toBe(true);
      if (c.madeAtMeetingId) expect(meetingIds.has(c.madeAtMeetingId)).toBe(true);
    }
    for (const m of data.meetings)
      for (const r of m.resolutions) for (const c of r.commitmentIds) expect(commitmentIds.has(c)).toBe(true);
  });

  it("holds every figure of the notice exactly", () => {
    const inc1 = incident("inc-1");
    const ours = (i: typeof inc1) => i.impact.filter((a) => a.scope === "ours");
    expect(ours(inc1).map((a) => exact(a.count))).toEqual([44, 1, 1]);
    expect(ours(inc1).every((a) => a.unit === "people")).toBe(true);
    expect(inc1.impact.find((a) => a.scope === "vendor_wide")?.count).toMatchObject({
      status: "approximate",
      label: { ja: "数百万件" },
    });
    expect(inc1.misuse).toMatchObject({ status: "none_known", asOf: "2025-08-23" });
    expect(inc1.contact?.phone).toBe("0120-688-083");
    expect(inc1.milestones.find((m) => m.kind === "reported_to_organisation")?.date).toBe("2025-08-18");
    expect(inc1.milestones.find((m) => m.kind === "reported_to_officers")?.date).toBe("2025-06-20");
    expect(inc1.milestones.find((m) => m.kind === "organisation_notice")?.date).toBe("2025-06-14");

    expect(exact(ours(incident("inc-2"))[0]?.count as TFigure)).toBe(1860);
    expect(incident("inc-2").system?.text.ja).toContain("広域団体システム");
    expect(exact(ours(incident("inc-3"))[0]?.count as TFigure)).toBe(3);

    expect(exact(cohort("coh-2-failed").people)).toBe(6);
    expect(cohort("coh-2-failed").progress[0]).toMatchObject({ date: "2025-08-15" });
    expect(exact(cohort("coh-2-corrected").people)).toBe(1854);
    expect(cohort("coh-2-corrected").progress[0]).toMatchObject({ date: "2025-07-25" });
    expect(cohort("coh-2-before-close").people.status).toBe("not_reported");
    expect(cohort("coh-2-offset").people.status).toBe("not_reported");
    expect(cohort("coh-3-refund").amountPerPersonYen?.status).toBe("not_reported");
    expect(cohort("coh-3-refund").progress).toEqual([]);
    expect(cohort("coh-1-letters").progress).toEqual([]);
    // 200 yen over-billed × 1,860 = 372,000 yen at most (derived, not stated).
    expect(exact(cohort("coh-2-failed").amountPerPersonYen as TFigure)).toBe(200);

    expect(data.documents.filter((d) => /^doc-\d$/.test(d.id)).map((d) => [d.label.ja, d.date])).toEqual([
      ["資料1", "2025-06-12"],
      ["資料2", "2025-08-18"],
      ["資料3", "2025-08"],
      ["資料4", "2025-08-23"],
      ["資料5", "2025-09-05"],
    ]);
    const meeting = data.meetings[0];
    expect(meeting).toMatchObject({ date: "2025-08-23", fiscalYear: 2025, number: 3 });
    expect(exact(meeting?.vendorAttendees[0]?.people as TFigure)).toBe(3);
    expect(meeting?.resolutions.map((r) => r.kind)).toEqual(["warning", "demand", "policy", "review"]);
  });

  it("never writes 0 for something unknown", () => {
    const zeros: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if ((o.status === "reported" || o.status === "derived") && o.value === 0) zeros.push(path);
        for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
      }
    };
    walk(data, "$");
    expect(zeros).toEqual([]);
  });
});
