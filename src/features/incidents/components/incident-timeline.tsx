import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { sourceColumn } from "@/components/source-column";
import { useI18n } from "@/i18n/i18n";
import { sortMilestones } from "@/lib/milestones";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TIncident, TMilestone } from "@/shared/schemas/incident";
import type { TMilestoneInterval } from "@/shared/schemas/stats";
import { incidentQueries } from "../api/queries";
import {
  incidentPopulation,
  isVendorNotice,
  milestoneActor,
  missingMilestones,
  missingMilestoneText,
} from "./incident-model";
import { useOrganisationWords } from "./use-organisation-words";

/** The dated course of the incident, the days between its steps, and the expected steps nobody dated. */
export const IncidentTimeline = ({ incident }: { incident: TIncident }) => {
  const { t, tx, f } = useI18n();
  const intervals = useQuery(incidentQueries.intervals(incident.id));
  const milestones = sortMilestones(incident.milestones);
  const missing = missingMilestones(incident.milestones);
  const kind = (k: TMilestone["kind"]) => t(`domain.milestone.${k}`);
  const when = (m: TMilestone) =>
    m.endDate ? t("incidents.dateRange", { from: f.date(m.date), to: f.date(m.endDate) }) : f.date(m.date);
  const whenCsv = (m: TMilestone) => (m.endDate ? `${m.date}/${m.endDate}` : m.date);
  const names = useReferenceNames("vendors");
  const words = useOrganisationWords();
  // Who acted, from the record: the organisation's own steps, a vendor named where the record says which.
  const actor = (m: TMilestone) => {
    const who = milestoneActor(incident, m.kind);
    if (!who) return "";
    if (who.kind === "organisation") return words.orgName || t("incidents.chainOrganisationUnnamed");
    return who.vendorId ? names.vendor(who.vendorId) : t("incidents.actorSomeVendor");
  };
  // A vendor's notice stands for the organisation's own only when it reached the organisation's people
  // (the incident's own population, as the record names it).
  const population = incidentPopulation(incident);
  const people = population ? { people: words.population(population) } : undefined;
  const reach = (m: TMilestone) =>
    !isVendorNotice(m.kind)
      ? null
      : m.coversOurPeople
        ? t("incidents.noticeCovers", people)
        : t("incidents.noticeNotCovers", people);

  return (
    <section className="panel incident-section timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t("incidents.sectionTimeline")}</h2>
      <QueryState
        query={intervals}
        // Rows are known before the spans: one per milestone, and the undated ones listed below the table.
        minHeight={`calc(var(--inc-timeline-base) + ${milestones.length + missing.length} * var(--inc-timeline-row))`}
      >
        {(data) => {
          const stepTo = new Map(data.steps.map((s) => [s.toMilestoneId, s]));
          const since = (m: TMilestone) => stepTo.get(m.id)?.days ?? null;
          return (
            <>
              <DataTable
                caption={t("incidents.timelineCaption")}
                rows={milestones}
                rowKey={(m) => m.id}
                csvName={`${incident.id}-timeline`}
                columns={[
                  {
                    key: "date",
                    header: t("incidents.colDate"),
                    render: (m) => <span className="timeline-date">{when(m)}</span>,
                    csv: whenCsv,
                  },
                  {
                    key: "kind",
                    header: t("incidents.colMilestone"),
                    render: (m) => (
                      <>
                        <span className="timeline-kind">{kind(m.kind)}</span>
                        {m.outsideRecord ? (
                          <>
                            {" "}
                            <OutsideMark />
                          </>
                        ) : null}
                      </>
                    ),
                    csv: (m) =>
                      m.outsideRecord ? `${kind(m.kind)} (${t("common.outsideRecordShort")})` : kind(m.kind),
                  },
                  {
                    key: "actor",
                    header: t("incidents.colActor"),
                    render: (m) => <span className="timeline-actor">{actor(m)}</span>,
                    csv: actor,
                  },
                  {
                    key: "note",
                    header: t("incidents.colNote"),
                    render: (m) => {
                      const r = reach(m);
                      return (
                        <>
                          {m.note ? tx(m.note) : null}
                          {r ? (
                            <span className={`notice-reach${m.coversOurPeople ? " notice-covers" : ""}`}>
                              {r}
                            </span>
                          ) : null}
                        </>
                      );
                    },
                    csv: (m) => [m.note ? tx(m.note) : "", reach(m) ?? ""].filter(Boolean).join(" "),
                  },
                  {
                    key: "since",
                    header: t("incidents.colSincePrevious"),
                    align: "end",
                    render: (m) => {
                      const d = since(m);
                      return d === null ? <span aria-hidden="true">—</span> : `+${f.days(d)}`;
                    },
                    csv: (m) => since(m) ?? "",
                  },
                  sourceColumn(t("common.source"), (m: TMilestone) => m.source),
                ]}
              />
              {missing.length > 0 ? (
                <div className="missing-milestones">
                  <h3>{t("incidents.missingMilestones")}</h3>
                  <ul className="plain-list">
                    {missing.map((k) => (
                      <li key={k}>
                        <span className="timeline-kind">{kind(k)}</span>:{" "}
                        <NotReported missing={missingMilestoneText(k)} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p className="timeline-footnote">
                {t("incidents.timelineFootnote")}
                {milestones.some((m) => m.outsideRecord) ? ` ${t("incidents.timelineOutsideNote")}` : null}
              </p>
              <Spans spans={data.spans} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
};

const Spans = ({ spans }: { spans: TMilestoneInterval[] }) => {
  const { t, f } = useI18n();
  const kind = (k: TMilestoneInterval["fromKind"]) => t(`domain.milestone.${k}`);
  if (spans.length === 0) {
    return (
      <div className="spans">
        <h3>{t("incidents.spansTitle")}</h3>
        <p>{t("incidents.spansNone")}</p>
      </div>
    );
  }
  return (
    <div className="spans">
      <h3>{t("incidents.spansTitle")}</h3>
      <DataTable
        caption={t("incidents.spansCaption")}
        captionHidden
        rows={spans}
        rowKey={(s) => `${s.fromMilestoneId}-${s.toMilestoneId}`}
        csvName={`${spans[0]?.incidentId ?? "incident"}-spans`}
        columns={[
          {
            key: "from",
            header: t("incidents.colFrom"),
            render: (s) => t("incidents.kindOnDate", { kind: kind(s.fromKind), date: f.date(s.fromDate) }),
            csv: (s) => `${kind(s.fromKind)} ${s.fromDate}`,
          },
          {
            key: "to",
            header: t("incidents.colTo"),
            render: (s) => t("incidents.kindOnDate", { kind: kind(s.toKind), date: f.date(s.toDate) }),
            csv: (s) => `${kind(s.toKind)} ${s.toDate}`,
          },
          {
            key: "days",
            header: t("incidents.colDays"),
            align: "end",
            render: (s) => <strong className="figure">{f.days(s.days)}</strong>,
            csv: (s) => s.days,
          },
          {
            key: "outside",
            header: t("incidents.colBasis"),
            render: (s) => (s.outsideRecord ? <OutsideMark /> : t("incidents.basisRecord")),
            csv: (s) => (s.outsideRecord ? t("common.outsideRecord") : t("incidents.basisRecord")),
          },
        ]}
      />
    </div>
  );
};
