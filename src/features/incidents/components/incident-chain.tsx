import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { NotReported } from "@/components/not-reported";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { referenceQueries } from "@/lib/reference-queries";
import type { TIncident } from "@/shared/schemas/incident";
import { incidentPopulation } from "./incident-model";
import { useOrganisationWords } from "./use-organisation-words";

/**
 * How the organisation is exposed: its own contractor, each subcontractor (再委託先) down to the vendor
 * where it happened, each with its kind from the organisation's list; the other vendors answerable for
 * it; and whose data it was, which decides whose duty it is to report and to tell the people.
 */
export const IncidentChain = ({ incident }: { incident: TIncident }) => {
  const { t, tx } = useI18n();
  const words = useOrganisationWords();
  const vendors = useQuery(referenceQueries.vendors());
  const byId = new Map((vendors.data?.items ?? []).map((v) => [v.id, v]));
  const name = (id: string) => {
    const v = byId.get(id);
    return v ? tx(v.name) : id;
  };
  const others = incident.vendorIds.filter((id) => !incident.chain.includes(id));
  // The duty concerns the incident's own people (its customers, its members…), named as the record names them.
  const population = incidentPopulation(incident);
  const people = population ? { people: words.population(population) } : undefined;
  const last = incident.chain.length - 1;
  return (
    <section className="panel incident-section" aria-labelledby="chain-title">
      <h2 id="chain-title">{t("incidents.sectionChain")}</h2>
      {incident.chain.length > 0 ? (
        <ol className="chain" aria-label={t("incidents.chainLabel")}>
          <li className="chain-link chain-org">
            <span className="chain-role">{t("incidents.chainOrganisation")}</span>
            <span className="chain-name">{words.orgName || t("incidents.chainOrganisationUnnamed")}</span>
          </li>
          {incident.chain.map((id, i) => (
            <li key={id} className={`chain-link${i === last ? " chain-here" : ""}`}>
              <span className="chain-role">
                {i === 0 ? t("incidents.chainContractor") : t("incidents.chainSubcontractor", { n: i })}
              </span>
              <Link className="chain-name" to={`/vendors/${id}`}>
                {name(id)}
              </Link>
              <span className="chain-kind">{words.vendorKind(byId.get(id))}</span>
              {i === last ? <span className="chain-mark">{t("incidents.chainWhereItHappened")}</span> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>
          <NotReported /> {t("incidents.chainNone")}
        </p>
      )}
      <dl className="fact-list chain-facts">
        {others.length > 0 ? (
          <div>
            <dt>{t("incidents.chainOthers")}</dt>
            <dd>
              {others.map((id, i) => (
                <span key={id}>
                  {i > 0 ? t("incidents.listSeparator") : null}
                  <Link to={`/vendors/${id}`}>{name(id)}</Link>
                  {byId.get(id) ? ` (${words.vendorKind(byId.get(id))})` : null}
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t("incidents.dataRole")}</dt>
          <dd>{t(`domain.dataRole.${incident.dataRole}`)}</dd>
        </div>
        <div>
          <dt>{t("incidents.duty")}</dt>
          <dd>{t(`incidents.duty_${incident.dataRole}` as TPlainKey, people)}</dd>
        </div>
      </dl>
    </section>
  );
};
