import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/data-table";
import { FigureValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { QueryState } from "@/components/query-state";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { catalogText } from "@/lib/catalog-text";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TFigure, TSourcedText } from "@/shared/schemas/common";
import type { TImpact, TImpactTotal, TIncident } from "@/shared/schemas/incident";
import { incidentQueries } from "../api/queries";
import { ImpactTotalValue, useTotalLabel, useTotalText } from "./impact-total";
import { useOrganisationWords } from "./use-organisation-words";

type TRow =
  | { kind: "entry"; key: string; who: string; service: string; entry: TImpact }
  | { kind: "total"; key: string; who: string; total: TImpactTotal };

const keyOf = (e: Pick<TImpact, "unit" | "populationId">) => `${e.unit}:${e.populationId ?? ""}`;

/**
 * The table's rows: each entry, grouped by unit and population in the API's order of totals, and the API's
 * total of a group where its entries are parts to add.
 */
const rowsOf = (
  entries: readonly TImpact[],
  totals: readonly TImpactTotal[],
  label: (t: Pick<TImpactTotal, "unit" | "populationId">) => string,
  service: (id: string | null) => string,
): TRow[] => {
  const rows: TRow[] = [];
  // The API orders totals (people first, populations in the organisation's order); entries follow them.
  const order = totals.map((t) => keyOf(t));
  const groups = [...new Set([...order, ...entries.map(keyOf)])];
  for (const group of groups) {
    const parts = entries.filter((e) => keyOf(e) === group);
    for (const entry of parts) {
      rows.push({
        kind: "entry",
        key: entry.id,
        who: label(entry),
        service: service(entry.serviceId),
        entry,
      });
    }
    const total = totals.find((t) => keyOf(t) === group);
    // A total helps only where parts are added: several per-service entries and no whole given.
    if (total && parts.length > 1 && parts.every((e) => e.serviceId !== null)) {
      rows.push({ kind: "total", key: `total-${group}`, who: label(total), total });
    }
  }
  return rows;
};

/**
 * Who and what was affected. The organisation's own people and records per population and unit (per
 * service where the source gives it), with the API's totals; figures from outside the record beside them
 * with their mark, never in a total; the vendor-wide extent (all its clients) apart, for context; then the
 * data involved, misuse, cause and system.
 */
export const IncidentImpact = ({ incident }: { incident: TIncident }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("services");
  const words = useOrganisationWords();
  const label = useTotalLabel(words.population);
  const totalText = useTotalText();
  const affected = useQuery(incidentQueries.affected(incident.id));
  const service = (id: string | null) => (id ? names.service(id) : t("incidents.acrossServices"));
  const ours = incident.impact.filter((e) => e.scope === "ours" && !e.outsideRecord);
  const oursOutside = incident.impact.filter((e) => e.scope === "ours" && e.outsideRecord);
  const vendorWide = incident.impact.filter((e) => e.scope === "vendor_wide");
  const personal = incident.dataRole !== "none";
  const showData = personal || incident.dataCategories.length > 0;
  const showMisuse = personal || incident.misuse.status !== "not_reported";
  const unitOf = (e: Pick<TImpact, "unit">) => (e.unit === "records" ? "records" : "people");
  const figureText = (figure: TFigure, unit: "people" | "records") => {
    switch (figure.status) {
      case "not_reported":
        return t("common.notReported");
      case "confirmed_none":
        return t("common.confirmedNone");
      case "approximate":
        return tx(figure.label);
      default:
        return unit === "people" ? f.people(figure.value) : f.records(figure.value);
    }
  };
  return (
    <section className="panel incident-section" aria-labelledby="impact-title">
      <h2 id="impact-title">{t("incidents.sectionImpact")}</h2>
      <div className="impact-grid">
        <div>
          {ours.length > 0 ? (
            <QueryState query={affected} minHeight={`${4 + ours.length * 2.6}rem`}>
              {(data) => {
                const totals = data.incidents.find((i) => i.incidentId === incident.id)?.totals ?? [];
                const rows = rowsOf(ours, totals, label, service);
                return (
                  <DataTable<TRow>
                    caption={t("incidents.affectedCaption")}
                    rows={rows}
                    rowKey={(r) => r.key}
                    csvName={`${incident.id}-affected`}
                    columns={[
                      {
                        key: "who",
                        header: t("incidents.colWho"),
                        render: (r) =>
                          r.kind === "total" ? (
                            <strong className="impact-who">{r.who}</strong>
                          ) : (
                            <span className="impact-who">{r.who}</span>
                          ),
                        csv: (r) => r.who,
                      },
                      {
                        key: "service",
                        header: t("incidents.colService"),
                        render: (r) =>
                          r.kind === "total" ? <strong>{t("incidents.total")}</strong> : r.service,
                        csv: (r) => (r.kind === "total" ? t("incidents.total") : r.service),
                      },
                      {
                        key: "count",
                        header: t("incidents.colCount"),
                        align: "end",
                        render: (r) =>
                          r.kind === "total" ? (
                            <strong>
                              <ImpactTotalValue total={r.total} />
                            </strong>
                          ) : (
                            <FigureValue figure={r.entry.count} unit={unitOf(r.entry)} />
                          ),
                        csv: (r) =>
                          r.kind === "total"
                            ? totalText(r.total)
                            : figureText(r.entry.count, unitOf(r.entry)),
                      },
                      {
                        key: "source",
                        header: t("common.source"),
                        render: (r) =>
                          r.kind === "entry" ? (
                            <>
                              <SourceRef source={r.entry.count.source} compact />
                              {r.entry.note ? <span className="impact-note">{tx(r.entry.note)}</span> : null}
                            </>
                          ) : null,
                        csv: (r) => (r.kind === "entry" ? r.entry.count.source.documentId : ""),
                      },
                    ]}
                  />
                );
              }}
            </QueryState>
          ) : (
            <p>
              {t("incidents.affectedCaption")}:{" "}
              <NotReported missing={catalogText("incidents.missingAffected")} />
            </p>
          )}
          {oursOutside.length > 0 ? (
            <div className="scope-block">
              <h3>{t("incidents.outsideTitle")}</h3>
              <p className="scope-explainer">{t("incidents.outsideExplainer")}</p>
              <div className="scope-cards">
                {oursOutside.map((e) => (
                  <ImpactCard key={e.id} entry={e} what={label(e)} service={service(e.serviceId)} />
                ))}
              </div>
            </div>
          ) : null}
        </div>
        <dl className="fact-list">
          {showData ? (
            <div>
              <dt>{t("incidents.dataCategories")}</dt>
              <dd>
                {incident.dataCategories.length > 0 ? (
                  <ul className="plain-list">
                    {incident.dataCategories.map((d) => (
                      <li key={d.text.ja}>
                        {tx(d.text)} <SourceRef source={d.source} compact />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <NotReported missing={catalogText("incidents.missingDataCategories")} />
                )}
              </dd>
            </div>
          ) : null}
          {showMisuse ? (
            <div>
              <dt>{t("incidents.misuse")}</dt>
              <dd>
                {incident.misuse.status === "not_reported" ? (
                  <NotReported missing={catalogText("incidents.missingMisuse")} />
                ) : (
                  <strong>{t(`domain.misuse.${incident.misuse.status}`)}</strong>
                )}
                {incident.misuse.asOf
                  ? ` (${t("common.asOf", { date: f.date(incident.misuse.asOf) })})`
                  : null}{" "}
                <SourceRef source={incident.misuse.source} compact />
              </dd>
            </div>
          ) : null}
          <SourcedFact label={t("incidents.cause")} fact={incident.cause} missing="incidents.missingCause" />
          <SourcedFact
            label={t("incidents.system")}
            fact={incident.system}
            missing="incidents.missingSystem"
          />
        </dl>
      </div>
      {vendorWide.length > 0 ? (
        <div className="scope-block">
          <h3>{t("incidents.scopeTitle")}</h3>
          <p className="scope-explainer">
            {t("incidents.scopeExplainer")}
            {vendorWide.some((s) => s.outsideRecord) && vendorWide.some((s) => !s.outsideRecord)
              ? ` ${t("incidents.scopeSideBySide")}`
              : null}
          </p>
          <div className="scope-cards">
            {[
              ...vendorWide.filter((s) => !s.outsideRecord),
              ...vendorWide.filter((s) => s.outsideRecord),
            ].map((s) => (
              <ImpactCard
                key={s.id}
                entry={s}
                what={t(s.unit === "records" ? "incidents.scopeUnitRecords" : "incidents.scopeUnitPeople")}
                service={s.serviceId ? service(s.serviceId) : null}
              />
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
};

/** A figure shown for context, beside the organisation's own: in the record, or outside it (marked). */
const ImpactCard = ({ entry, what, service }: { entry: TImpact; what: string; service: string | null }) => {
  const { t, tx } = useI18n();
  return (
    <div className={`scope-card${entry.outsideRecord ? " scope-outside" : ""}`}>
      <p className="scope-card-kind">
        {entry.outsideRecord ? (
          <>
            {t("incidents.scopeOutside")} <OutsideMark />
          </>
        ) : (
          t("incidents.scopeInRecord")
        )}
        <span className="scope-unit">
          {" "}
          ・ {what}
          {service ? ` ・ ${service}` : null}
        </span>
      </p>
      <p className="scope-value">
        <FigureValue figure={entry.count} unit={entry.unit === "records" ? "records" : "people"} />
      </p>
      {entry.note ? <p className="scope-note">{tx(entry.note)}</p> : null}
      <SourceRef source={entry.count.source} />
    </div>
  );
};

const SourcedFact = ({
  label,
  fact,
  missing,
}: {
  label: string;
  fact: TSourcedText | null;
  missing: TPlainKey;
}) => {
  const { tx } = useI18n();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {fact ? (
          <>
            {tx(fact.text)} <SourceRef source={fact.source} compact />
          </>
        ) : (
          <NotReported missing={catalogText(missing)} />
        )}
      </dd>
    </div>
  );
};
