import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { OutsideMark } from "@/components/outside-mark";
import { useI18n } from "@/i18n/i18n";
import { useReferenceNames } from "@/lib/use-reference-names";
import type { TRegulatoryAction } from "@/shared/schemas/vendor";
import { inLast24Months } from "./scorecard-model";

/**
 * The source of a regulatory action. Regulatory actions are published facts, never part of the
 * organisation's record, so the mark is shown always, not only once the document list has loaded.
 */
const OutsideSource = ({ action }: { action: TRegulatoryAction }) => {
  const names = useReferenceNames("documents");
  const ids = [action.source.documentId, ...action.source.cites];
  return (
    <span className="source-ref source-outside">
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 ? "・" : null}
          <Link to={`/documents/${id}`}>{names.documentLabel(id)}</Link>
        </span>
      ))}
      <OutsideMark />
    </span>
  );
};

/** All vendors' published actions, newest first, with the 24-month window the scorecard counts. */
export const RegulatoryTable = ({ actions, asOf }: { actions: TRegulatoryAction[]; asOf: string }) => {
  const { t, tx, f } = useI18n();
  const names = useReferenceNames("vendors", "services");
  const within = (a: TRegulatoryAction) =>
    inLast24Months(a.date, asOf) ? t("vendors.within24Yes") : t("vendors.within24No");
  const columns: TColumn<TRegulatoryAction>[] = [
    {
      key: "date",
      header: t("vendors.colDate"),
      render: (a) => <span className="nowrap">{f.date(a.date)}</span>,
      csv: (a) => a.date,
    },
    {
      key: "vendor",
      header: t("vendors.colVendor"),
      render: (a) => <Link to={`/vendors/${a.vendorId}`}>{names.vendor(a.vendorId)}</Link>,
      csv: (a) => names.vendor(a.vendorId),
    },
    {
      key: "authority",
      header: t("vendors.colAuthority"),
      render: (a) => tx(a.authority),
      csv: (a) => tx(a.authority),
    },
    { key: "action", header: t("vendors.colAction"), render: (a) => tx(a.action), csv: (a) => tx(a.action) },
    {
      key: "amount",
      header: t("vendors.colAmount"),
      align: "end",
      render: (a) =>
        a.amountYen === null ? <span className="muted">{t("vendors.notGiven")}</span> : f.yen(a.amountYen),
      csv: (a) => a.amountYen ?? "",
    },
    {
      key: "planDue",
      header: t("vendors.colPlanDue"),
      render: (a) =>
        a.planDueDate ? (
          <span className="nowrap">{f.date(a.planDueDate)}</span>
        ) : (
          <span className="muted">{t("vendors.notGiven")}</span>
        ),
      csv: (a) => a.planDueDate ?? "",
    },
    { key: "within", header: t("vendors.colWithin24"), render: within, csv: within },
    {
      key: "source",
      header: t("vendors.colSource"),
      render: (a) => <OutsideSource action={a} />,
      csv: (a) => `${a.source.documentId} (${t("common.outsideRecord")})`,
    },
  ];
  return (
    <div className="regulatory-table">
      <DataTable
        caption={t("vendors.regulatoryCaption", { count: actions.length })}
        rows={actions}
        columns={columns}
        rowKey={(a) => a.id}
        csvName="regulatory-actions"
      />
    </div>
  );
};

/** One vendor's published record as a dated timeline, newest first. */
export const RegulatoryTimeline = ({ actions, asOf }: { actions: TRegulatoryAction[]; asOf: string }) => {
  const { t, tx, f } = useI18n();
  return (
    <ol className="reg-timeline">
      {actions.map((a) => (
        <li key={a.id} className="reg-event">
          <time dateTime={a.date} className="reg-date">
            {f.date(a.date)}
          </time>
          <div className="reg-body">
            <p className="reg-title">
              <span className="reg-authority">{tx(a.authority)}</span> {tx(a.action)}
            </p>
            <p className="reg-facts">
              {a.amountYen !== null ? (
                <span className="reg-amount">
                  {t("vendors.colAmount")}: {f.yen(a.amountYen)}
                </span>
              ) : null}
              {a.planDueDate ? <span>{t("vendors.planDue", { date: f.date(a.planDueDate) })}</span> : null}
              <span>
                {t("vendors.colWithin24")}:{" "}
                {inLast24Months(a.date, asOf) ? t("vendors.within24Yes") : t("vendors.within24No")}
              </span>
            </p>
            <p className="reg-source">
              {t("common.source")}: <OutsideSource action={a} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
};
