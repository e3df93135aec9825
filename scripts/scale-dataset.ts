import type { TCohort, TProgressEvent } from "@/shared/schemas/cohort";
import type { TCommitment } from "@/shared/schemas/commitment";
import type { TFigure, TSourceRef, TText } from "@/shared/schemas/common";
import { type TDataset, ZDataset } from "@/shared/schemas/dataset";
import type { TSourceDocument } from "@/shared/schemas/document";
import type { TIncident } from "@/shared/schemas/incident";
import type { TMeeting } from "@/shared/schemas/meeting";
import { DEFAULT_VENDOR_KINDS } from "@/shared/schemas/organisation";
import type { TService } from "@/shared/schemas/service";
import type { TVendor } from "@/shared/schemas/vendor";

/*
 * A synthetic record `factor` times the size of a year's case, for the benchmarks (npm run bench): per
 * unit, 1 case of 3 incidents with 50 remediation groups and 500 dated progress reports, 5 commitments, a
 * meeting and 10 documents, over a handful of vendors (some subcontracted) and services. 100× is the size
 * the issue measures at: 300 incidents, 5,000 groups, 50,000 progress events. Deterministic (no random).
 */

const t = (ja: string, en: string): TText => ({ ja, en });
const src = (documentId: string): TSourceRef => ({ documentId, cites: [] });
const reported = (value: number, documentId: string): TFigure => ({
  status: "reported",
  value,
  source: src(documentId),
});

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + (dayOfYear % 360))).toISOString().slice(0, 10);

export const scaleDataset = (factor: number): TDataset => {
  const vendors: TVendor[] = [];
  const vendorCount = Math.max(3, Math.ceil(factor / 5) + 2);
  for (let v = 0; v < vendorCount; v++) {
    vendors.push({
      id: `ven-${v + 1}`,
      name: t(`委託先${v + 1}株式会社`, `Vendor ${v + 1} Ltd`),
      shortName: t(`委託先${v + 1}`, `Vendor ${v + 1}`),
      kindId: (["insurer", "contractor", "printer", "call-centre", "system-provider"] as const)[
        v % 5
      ] as string,
      // Every third vendor works for the one before it.
      subcontractorOf: v > 0 && v % 3 === 2 ? [`ven-${v}`] : [],
      serviceIds: [`svc-${v + 1}`],
      version: 1,
    });
  }
  const services: TService[] = vendors.map((v, i) => ({
    id: `svc-${i + 1}`,
    name: t(`サービス${i + 1}`, `Service ${i + 1}`),
    kind: (["insurance_scheme", "outsourcing", "mailing", "call_centre", "system"] as const)[
      i % 5
    ] as TService["kind"],
    vendorIds: [v.id],
    populationId: i % 2 === 0 ? "members" : "customers",
    changes: [],
    version: 1,
  }));
  const documents: TSourceDocument[] = [];
  const incidents: TIncident[] = [];
  const cohorts: TCohort[] = [];
  const commitments: TCommitment[] = [];
  const meetings: TMeeting[] = [];
  const cases: TDataset["cases"] = [];
  let eventNo = 0;
  for (let u = 0; u < factor; u++) {
    const year = 2015 + (u % 11);
    const caseId = `case-${u + 1}`;
    cases.push({
      id: caseId,
      title: t(`事案${u + 1}`, `Case ${u + 1}`),
      summary: null,
      status: u % 4 === 0 ? "open" : "closed",
      version: 1,
    });
    for (let d = 0; d < 10; d++) {
      documents.push({
        id: `doc-${u + 1}-${d + 1}`,
        label: t(`資料${d + 1}`, `Document ${d + 1}`),
        title: t(`報告書${u + 1}-${d + 1}`, `Report ${u + 1}-${d + 1}`),
        kind: "report",
        issuerIds: [],
        publisher: null,
        date: day(year, 100 + d),
        url: null,
        outsideRecord: false,
        statements: [],
        version: 1,
      });
    }
    const doc = (d: number) => `doc-${u + 1}-${(d % 10) + 1}`;
    for (let k = 0; k < 3; k++) {
      const n = u * 3 + k + 1;
      const vendor = vendors[(u + k) % vendors.length] as TVendor;
      const chain =
        vendor.subcontractorOf.length > 0 ? [vendor.subcontractorOf[0] as string, vendor.id] : [vendor.id];
      const incidentId = `inc-${n}`;
      incidents.push({
        id: incidentId,
        number: n,
        caseId,
        title: t(`事故${n}`, `Incident ${n}`),
        category: (["misdelivery", "billing_error", "cyberattack"] as const)[k] as TIncident["category"],
        status: u % 4 === 0 ? "open" : "closed",
        fiscalYear: year,
        vendorIds: [vendor.id],
        chain,
        dataRole: k === 1 ? "none" : "entrusted_by_organisation",
        summary: t(`事故${n}の概要`, `Summary of incident ${n}`),
        system: null,
        cause: null,
        impact: [
          {
            id: `imp-${n}-people`,
            scope: "ours",
            serviceId: `svc-${((u + k) % vendors.length) + 1}`,
            populationId: (services[(u + k) % services.length] as TService).populationId,
            unit: "people",
            count: reported(100 + n, doc(k)),
            note: null,
            outsideRecord: false,
          },
          {
            id: `imp-${n}-records`,
            scope: "ours",
            serviceId: null,
            populationId: null,
            unit: "records",
            count: reported(1000 + n, doc(k)),
            note: null,
            outsideRecord: false,
          },
        ],
        dataCategories: [],
        misuse: { status: "not_reported", asOf: null, source: src(doc(0)) },
        milestones: [
          ["occurred", 100],
          ["detected", 103],
          ["reported_to_organisation", 110],
          ["reported_to_board", 130],
        ].map(([kind, at]) => ({
          id: `ms-${n}-${String(kind).replaceAll("_", "-")}`,
          kind: kind as TIncident["milestones"][number]["kind"],
          date: day(year, (at as number) + k),
          endDate: null,
          note: null,
          coversOurPeople: false,
          source: src(doc(k)),
          outsideRecord: false,
        })),
        contact: null,
        documentIds: [doc(k)],
        version: 1,
      });
      const groups = k === 0 ? 17 : 16 + (k === 1 ? 1 : 0);
      for (let g = 0; g < groups; g++) {
        const cohortId = `coh-${n}-${g + 1}`;
        const notification = g % 5 === 4;
        const people = 20 + g;
        const progress: TProgressEvent[] = [];
        for (let e = 0; e < 10; e++) {
          eventNo++;
          progress.push({
            id: `pe-${eventNo}`,
            cohortId,
            date: day(year, 140 + e * 7),
            doneCount: reported(Math.min(people, (e + 1) * 2), doc(e)),
            note: null,
            statusChange: null,
            source: src(doc(e)),
          });
        }
        cohorts.push({
          id: cohortId,
          incidentId,
          parentId: null,
          label: t(`対象グループ${g + 1}`, `Group ${g + 1}`),
          purpose: notification ? "notification" : "financial",
          populationId: "members",
          people: reported(people, doc(k)),
          amountPerPersonYen: notification ? null : reported(200 + g, doc(k)),
          methods: notification ? ["apology_letter"] : ["refund"],
          status: "in_progress",
          statusSource: src(doc(k)),
          progress,
          version: 1,
        });
      }
    }
    for (let c = 0; c < 5; c++) {
      commitments.push({
        id: `cmt-${u + 1}-${c + 1}`,
        kind: c % 2 === 0 ? "vendor_promise" : "board_demand",
        text: t(`約束${u + 1}-${c + 1}`, `Commitment ${u + 1}-${c + 1}`),
        quote: null,
        owedByIds: [(vendors[(u + c) % vendors.length] as TVendor).id],
        incidentIds: [`inc-${u * 3 + 1 + (c % 3)}`],
        madeInDocumentId: doc(c),
        madeAtMeetingId: null,
        madeOn: day(year, 150),
        dueDate: day(year, 200 + c * 30),
        reportedDoneDate: null,
        verifiedDate: null,
        evidence: null,
        status: "open",
        reopenedDate: null,
        reopenedReason: null,
        history: [],
        source: src(doc(c)),
        version: 1,
      });
    }
    meetings.push({
      id: `mtg-${u + 1}`,
      fiscalYear: year,
      number: 1,
      kind: "regular",
      title: t(`${year}年度第1回理事会(${u + 1})`, `Board meeting ${u + 1}`),
      date: day(year, 135),
      items: [
        {
          id: `item-${u + 1}`,
          title: t("委託先の事故", "Vendor incidents"),
          incidentIds: [`inc-${u * 3 + 1}`],
          documentIds: [doc(0)],
          presentedByIds: [],
          note: null,
        },
      ],
      vendorAttendees: [],
      resolutions: [],
      source: src(doc(0)),
      closed: null,
      version: 1,
    });
  }
  return ZDataset.parse({
    organisation: {
      id: "organisation",
      name: t("ベンチマーク用の組織", "Benchmark organisation"),
      shortName: t("本会", "Organisation"),
      boardName: t("理事会", "Board"),
      fiscalYearStartMonth: 4,
      legalForm: "general_incorporated_association",
      populations: [
        { id: "members", name: t("会員", "members"), ofWhom: null },
        { id: "customers", name: t("顧客", "customers"), ofWhom: null },
      ],
      vendorKinds: DEFAULT_VENDOR_KINDS,
      version: 1,
    },
    cases,
    vendors,
    services,
    documents,
    incidents,
    cohorts,
    commitments,
    meetings,
    regulatoryActions: [],
  });
};
