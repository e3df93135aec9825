import { DataTable } from "@/components/data-table";
import { FigureValue, NumberValue } from "@/components/figure-value";
import { NotReported } from "@/components/not-reported";
import { OutsideMark } from "@/components/outside-mark";
import { SourceRef } from "@/components/source-ref";
import type { TMessageKey } from "@/i18n/catalog";
import { useI18n } from "@/i18n/i18n";
import { catalogText } from "@/lib/catalog-text";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TFigure, TSourcedText, TSourceRef } from "@/shared/schemas/common";
import { exactValue } from "@/shared/schemas/common";
import type { TIncident } from "@/shared/schemas/incident";
import { affectedTotal } from "./incident-model";

type TAffectedRow = {
  key: string;
  service: string;
  count: TFigure | null;
  total: number | null;
  source: TSourceRef | null;
};

/** Who and what is affected: members by service, the overall scope, the data involved, misuse, cause. */
export const IncidentImpact = ({ incident }: { incident: TIncident }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const total = affectedTotal(incident);
  const rows: TAffectedRow[] = [
    ...incident.affected.map((a) => ({
      key: a.serviceId,
      service: names.service(a.serviceId),
      count: a.count,
      total: null,
      source: a.count.source,
    })),
    { key: "__total", service: t("incidents.total"), count: null, total, source: null },
  ];
  // Data and misuse are questions about a leak; for a billing error their absence is "not applicable", not 未報告.
  const leak = incident.category === "unauthorized_access";
  const showData = leak || incident.dataCategories.length > 0;
  const showMisuse = leak || incident.misuse.status !== "not_reported";
  const inRecord = incident.scope.filter((s) => !s.outsideRecord);
  const outside = incident.scope.filter((s) => s.outsideRecord);
  return (
    <section className="panel incident-section" aria-labelledby="impact-title">
      <h2 id="impact-title">{t("incidents.sectionImpact")}</h2>
      <div className="impact-grid">
        <div>
          {incident.affected.length > 0 ? (
            <DataTable
              caption={t("incidents.affectedCaption")}
              rows={rows}
              rowKey={(r) => r.key}
              csvName={`${incident.id}-affected`}
              columns={[
                {
                  key: "service",
                  header: t("incidents.colService"),
                  render: (r) => (r.count ? r.service : <strong>{r.service}</strong>),
                  csv: (r) => r.service,
                },
                {
                  key: "count",
                  header: t("incidents.colMembers"),
                  align: "end",
                  render: (r) =>
                    r.count ? (
                      <FigureValue figure={r.count} unit="people" />
                    ) : (
                      <strong>
                        <NumberValue value={r.total} unit="people" />
                      </strong>
                    ),
                  csv: (r) =>
                    r.count
                      ? (exactValue(r.count) ?? t("common.notReported"))
                      : (r.total ?? t("common.notReported")),
                },
                {
                  key: "source",
                  header: t("common.source"),
                  render: (r) => (r.source ? <SourceRef source={r.source} compact /> : null),
                  csv: (r) => r.source?.documentId ?? "",
                },
              ]}
            />
          ) : (
            <p>
              {t("incidents.affectedCaption")}:{" "}
              <NotReported missing={catalogText("incidents.missingAffected")} />
            </p>
          )}
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
                  <strong>{t(`domain.misuse.${incident.misuse.status}` as TMessageKey)}</strong>
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
      {incident.scope.length > 0 ? (
        <div className="scope-block">
          <h3>{t("incidents.scopeTitle")}</h3>
          {inRecord.length > 0 && outside.length > 0 ? (
            <p className="scope-explainer">{t("incidents.scopeSideBySide")}</p>
          ) : null}
          <div className="scope-cards">
            {[...inRecord, ...outside].map((s) => (
              <div key={s.id} className={`scope-card${s.outsideRecord ? " scope-outside" : ""}`}>
                <p className="scope-card-kind">
                  {s.outsideRecord ? (
                    <>
                      {t("incidents.scopeOutside")} <OutsideMark />
                    </>
                  ) : (
                    t("incidents.scopeInRecord")
                  )}
                  <span className="scope-unit">
                    {" "}
                    ・ {t(s.unit === "records" ? "incidents.scopeUnitRecords" : "incidents.scopeUnitMembers")}
                  </span>
                </p>
                <p className="scope-value">
                  <FigureValue figure={s.count} unit={s.unit} />
                </p>
                {s.note ? <p className="scope-note">{tx(s.note)}</p> : null}
                <SourceRef source={s.count.source} />
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
};

const SourcedFact = ({
  label,
  fact,
  missing,
}: {
  label: string;
  fact: TSourcedText | null;
  missing: TMessageKey;
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
