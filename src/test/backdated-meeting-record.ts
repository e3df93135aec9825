import { onTestFinished } from "vitest";
import { setTerms } from "@/i18n/i18n";
import { createHandlers } from "@/mocks/handlers";
import { server } from "@/mocks/node";
import { createMockStore, type TMockStore } from "@/mocks/store";
import type { TText } from "@/shared/schemas/common";
import { type TDataset, type TDatasetInput, ZDataset } from "@/shared/schemas/dataset";
import { DEFAULT_VENDOR_KINDS } from "@/shared/schemas/organisation";

/*
 * A record unlike the demo, made up for the tests (never shipped): a company (取締役会, its customers
 * counted in 件) whose direct-mail contractor's subcontractor, a printing house, was hit by ransomware in
 * June 2024. The customers' data was entrusted by the company, so the PPC filings and the notice are the
 * company's own duty. The secretariat entered it all after the fact, in 2026:
 *
 *   - a board meeting of 2024-07-25 that heard of it (mtg-2024: one agenda item names the incident, a
 *     resolution is made under it, another for the whole meeting), not closed yet;
 *   - what came later: the company's notice (2024-08-01), the letters completed (2025-03-01), the
 *     contractor's report of completion (2024-08-30) that the company did not accept (reopened
 *     2024-09-15, never verified), a demand verified in 2025, and a 2026 meeting (mtg-2026).
 *
 * As of 2024-07-25 the record held: 1 incident with 4 of its 5 milestones, 12,000 records, 3,000 of
 * 12,000 customers told, 2 commitments (no step yet), 2 documents. Dated later: 1 milestone, 1 progress
 * report, 4 commitment steps, 3 documents, 1 meeting.
 */

const t = (ja: string, en: string): TText => ({ ja, en });
const src = (documentId: string) => ({ documentId, cites: [] });

const input: TDatasetInput = {
  organisation: {
    id: "org",
    name: t("架空ホールディングス株式会社", "Kaku Holdings Co., Ltd."),
    shortName: t("当社", "the Company"),
    boardName: t("取締役会", "Board of Directors"),
    fiscalYearStartMonth: 4,
    legalForm: "stock_company",
    populations: [{ id: "customers", name: t("顧客", "customers"), ofWhom: null }],
    vendorKinds: DEFAULT_VENDOR_KINDS,
  },
  cases: [
    {
      id: "case-dm",
      title: t("DM発送の再委託先でのランサムウェア被害", "Ransomware at the mailing subcontractor"),
      summary: null,
      status: "open",
    },
  ],
  vendors: [
    {
      id: "bpo",
      name: t("架空ビジネスサービス株式会社", "Kaku Business Services Inc."),
      shortName: t("架空BPO", "Kaku BPO"),
      kindId: "contractor",
      subcontractorOf: [],
      serviceIds: ["svc-dm"],
    },
    {
      id: "printer",
      name: t("架空印刷株式会社", "Kaku Printing Co."),
      shortName: t("架空印刷", "Kaku Printing"),
      kindId: "printer",
      subcontractorOf: ["bpo"],
      serviceIds: ["svc-dm"],
    },
  ],
  services: [
    {
      id: "svc-dm",
      name: t("DM発送業務", "Direct-mail service"),
      kind: "mailing",
      vendorIds: ["bpo", "printer"],
      populationId: "customers",
      changes: [],
    },
  ],
  documents: [
    {
      id: "doc-a",
      label: t("第一報", "First report"),
      title: t("委託先からの第一報", "The contractor's first report"),
      kind: "report",
      issuerIds: ["bpo"],
      publisher: null,
      date: "2024-06-20",
      outsideRecord: false,
      statements: [],
    },
    {
      id: "doc-m",
      label: t("議事録", "Minutes"),
      title: t("2024年7月の取締役会 議事録", "Minutes of the July 2024 board meeting"),
      kind: "minutes",
      issuerIds: ["org"],
      publisher: null,
      date: "2024-07-25",
      url: "https://files.example.org/minutes/2024-07.pdf",
      outsideRecord: false,
      statements: [],
    },
    {
      id: "doc-b",
      label: t("第2報", "Second report"),
      title: t("委託先の報告書(第2報)", "The contractor's second report"),
      kind: "report",
      issuerIds: ["bpo"],
      publisher: null,
      date: "2024-09-10",
      outsideRecord: false,
      statements: [],
    },
    {
      id: "doc-c",
      label: t("進捗報告", "Progress report"),
      title: t("通知の完了報告", "Report on the completed notices"),
      kind: "report",
      issuerIds: ["bpo"],
      publisher: null,
      date: "2025-03-15",
      outsideRecord: false,
      statements: [],
    },
    {
      id: "doc-d",
      label: t("再発防止策", "Measures"),
      title: t("再発防止策の完了報告", "Report on the preventive measures"),
      kind: "report",
      issuerIds: ["bpo"],
      publisher: null,
      date: "2025-11-01",
      outsideRecord: false,
      statements: [],
    },
  ],
  incidents: [
    {
      id: "inc-dm",
      number: 1,
      caseId: "case-dm",
      title: t("再委託先の印刷会社へのランサムウェア攻撃", "Ransomware at the printing subcontractor"),
      category: "cyberattack",
      status: "open",
      fiscalYear: 2024,
      vendorIds: ["bpo", "printer"],
      chain: ["bpo", "printer"],
      dataRole: "entrusted_by_organisation",
      summary: t("DM発送用の顧客の氏名・住所が暗号化され、一部が流出した。", "Customers' names leaked."),
      system: null,
      cause: null,
      impact: [
        {
          id: "imp-records",
          scope: "ours",
          serviceId: "svc-dm",
          populationId: "customers",
          unit: "records",
          count: { status: "reported", value: 12000, source: src("doc-a") },
          note: null,
          outsideRecord: false,
        },
      ],
      dataCategories: [],
      misuse: { status: "none_known", asOf: null, source: src("doc-a") },
      milestones: [
        {
          id: "m-occ",
          kind: "occurred",
          date: "2024-06-10",
          endDate: null,
          note: null,
          source: src("doc-a"),
          outsideRecord: false,
        },
        {
          id: "m-det",
          kind: "detected",
          date: "2024-06-12",
          endDate: null,
          note: null,
          source: src("doc-a"),
          outsideRecord: false,
        },
        {
          id: "m-rep",
          kind: "reported_to_organisation",
          date: "2024-06-18",
          endDate: null,
          note: null,
          source: src("doc-a"),
          outsideRecord: false,
        },
        {
          id: "m-ppc",
          kind: "organisation_regulator_preliminary_report",
          date: "2024-06-21",
          endDate: null,
          note: null,
          source: src("doc-a"),
          outsideRecord: false,
        },
        {
          id: "m-not",
          kind: "organisation_notice",
          date: "2024-08-01",
          endDate: null,
          note: null,
          source: src("doc-b"),
          outsideRecord: false,
        },
      ],
      contact: null,
      documentIds: ["doc-a", "doc-b", "doc-c"],
    },
  ],
  cohorts: [
    {
      id: "coh-letters",
      incidentId: "inc-dm",
      parentId: null,
      label: t("顧客へのお知らせの送付", "Letters to the customers"),
      purpose: "notification",
      populationId: "customers",
      people: { status: "reported", value: 12000, source: src("doc-a") },
      amountPerPersonYen: null,
      methods: ["individual_notice"],
      status: "completed",
      statusSource: src("doc-c"),
      progress: [
        {
          id: "pe-1",
          cohortId: "coh-letters",
          date: "2024-07-01",
          doneCount: { status: "reported", value: 3000, source: src("doc-a") },
          note: null,
          statusChange: { from: "not_started", to: "in_progress" },
          source: src("doc-a"),
        },
        {
          id: "pe-2",
          cohortId: "coh-letters",
          date: "2025-03-01",
          doneCount: { status: "reported", value: 12000, source: src("doc-c") },
          note: null,
          statusChange: { from: "in_progress", to: "completed" },
          source: src("doc-c"),
        },
      ],
    },
  ],
  commitments: [
    {
      id: "cmt-notice",
      kind: "vendor_promise",
      text: t("全顧客へのお知らせの送付を完了する", "Send the letters to every customer"),
      quote: null,
      owedByIds: ["bpo", "printer"],
      incidentIds: ["inc-dm"],
      madeInDocumentId: "doc-a",
      madeAtMeetingId: null,
      madeOn: "2024-06-20",
      dueDate: "2024-08-31",
      reportedDoneDate: "2024-08-30",
      verifiedDate: null,
      evidence: t("発送完了の報告", "Report that every letter was sent"),
      status: "reopened",
      reopenedDate: "2024-09-15",
      reopenedReason: t("宛先不明で戻った分が未対応", "Letters returned as undeliverable were not re-sent"),
      history: [
        {
          step: "reported_done",
          date: "2024-08-30",
          text: t("発送完了の報告", "Report that every letter was sent"),
        },
        {
          step: "reopened",
          date: "2024-09-15",
          text: t("宛先不明で戻った分が未対応", "Letters returned as undeliverable were not re-sent"),
        },
      ],
      source: src("doc-a"),
    },
    {
      id: "cmt-measures",
      kind: "board_demand",
      text: t("再発防止策を報告する", "Report the preventive measures"),
      quote: null,
      owedByIds: ["bpo"],
      incidentIds: ["inc-dm"],
      madeInDocumentId: null,
      madeAtMeetingId: "mtg-2024",
      madeOn: "2024-07-25",
      dueDate: "2025-10-31",
      reportedDoneDate: "2025-10-20",
      verifiedDate: "2025-11-05",
      evidence: t("再発防止策の完了報告", "Report on the measures"),
      status: "verified",
      history: [
        {
          step: "reported_done",
          date: "2025-10-20",
          text: t("再発防止策の完了報告", "Report on the measures"),
        },
        { step: "verified", date: "2025-11-05", text: null },
      ],
      source: src("doc-m"),
    },
  ],
  meetings: [
    {
      id: "mtg-2024",
      fiscalYear: 2024,
      number: 2,
      kind: "regular",
      title: t("2024年度第2回取締役会", "2nd Board meeting of FY2024"),
      date: "2024-07-25",
      items: [
        {
          id: "item-dm",
          title: t("DM委託先の事故の報告", "The mailing contractor's incident"),
          incidentIds: ["inc-dm"],
          documentIds: ["doc-a"],
          presentedByIds: ["bpo"],
          note: null,
        },
        {
          id: "item-other",
          title: t("委託先管理の方針", "How vendors are overseen"),
          incidentIds: [],
          documentIds: [],
          presentedByIds: ["org"],
          note: null,
        },
      ],
      vendorAttendees: [
        { vendorId: "bpo", people: { status: "reported", value: 2, source: src("doc-m") }, role: null },
      ],
      resolutions: [
        {
          id: "res-measures",
          kind: "demand",
          text: t("再発防止策の報告を求める", "Demand a report on preventive measures"),
          quote: null,
          itemId: "item-dm",
          targetVendorIds: ["bpo"],
          commitmentIds: ["cmt-measures"],
          note: null,
          source: src("doc-m"),
        },
        {
          id: "res-policy",
          kind: "policy",
          text: t("委託先の管理体制を見直す", "Review how vendors are overseen"),
          quote: null,
          itemId: null,
          targetVendorIds: [],
          commitmentIds: [],
          note: null,
          source: src("doc-m"),
        },
      ],
      source: src("doc-m"),
    },
    {
      id: "mtg-2026",
      fiscalYear: 2025,
      number: 4,
      kind: "regular",
      title: t("2025年度第4回取締役会", "4th Board meeting of FY2025"),
      date: "2026-01-20",
      items: [
        {
          id: "item-2026",
          title: t("DM委託先の事故のその後", "The mailing incident since"),
          incidentIds: ["inc-dm"],
          documentIds: [],
          presentedByIds: [],
          note: null,
        },
      ],
      vendorAttendees: [],
      resolutions: [],
      source: src("doc-d"),
    },
  ],
  regulatoryActions: [],
};

/** Parsed once: every record carries its defaults (version 1, not closed). */
export const backdatedRecord: TDataset = ZDataset.parse(input);

/** The day the 2024 meeting was held: everything the tests check "as of" it. */
export const MEETING_2024 = "2024-07-25";

/**
 * Serves a record (this one by default) for the rest of the test, through the app's own mock handlers
 * over a store of its own, and speaks its organisation's words ({org}, {board}, {people}) as the app
 * shell would once the organisation loads. Both end with the test.
 */
export const serveRecord = (data: TDataset = backdatedRecord): TMockStore => {
  const store = createMockStore(data);
  server.use(...createHandlers(store));
  speakFor(data);
  return store;
};

/**
 * Until the test ends, texts name a record's organisation ({org}, {board}, {people}) as the app shell
 * makes them once the organisation loads: a component rendered alone otherwise speaks the neutral words.
 */
export const speakFor = (data: Pick<TDataset, "organisation">) => {
  const o = data.organisation;
  const people = o.populations[0]?.name ?? { ja: "", en: "" };
  setTerms({
    ja: { org: o.shortName.ja, board: o.boardName.ja, people: people.ja },
    en: { org: o.shortName.en, board: o.boardName.en, people: people.en },
  });
  onTestFinished(() => setTerms(null));
};
