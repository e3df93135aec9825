import { Link } from "react-router";
import { DataTable, type TColumn } from "@/components/data-table";
import { NotReported } from "@/components/not-reported";
import { SourceRef } from "@/components/source-ref";
import { useI18n } from "@/i18n/i18n";
import { writeCsv } from "@/shared/csv";
import type { TCommitmentView } from "@/shared/schemas/commitment";
import { NoDueDate, OverdueFlag } from "./commitment-flags";
import { CommitmentHistory } from "./commitment-history";
import { commitmentText, type TI18n } from "./commitment-model";
import type { TCommitmentNames } from "./use-commitment-names";

type TCsvColumn = Pick<TColumn<TCommitmentView>, "header" | "csv">;

/** One field per column, for spreadsheets: dates stay in the record's own precision (2025-08 stays a month). */
export const commitmentCsvColumns = (i18n: TI18n, names: TCommitmentNames): TCsvColumn[] => {
  const { t } = i18n;
  const text = commitmentText(i18n, names);
  return [
    { header: t("commitments.colKind"), csv: text.kind },
    { header: t("commitments.colText"), csv: text.text },
    { header: t("commitments.colQuote"), csv: (c) => c.quote ?? "" },
    { header: t("commitments.owedBy"), csv: text.owedBy },
    { header: t("commitments.incidents"), csv: text.incidents },
    { header: t("commitments.colMadeIn"), csv: text.madeIn },
    { header: t("commitments.madeOn"), csv: (c) => c.madeOn ?? t("common.dateUnknown") },
    { header: t("commitments.due"), csv: (c) => c.dueDate ?? text.due(c) },
    { header: t("commitments.colStatus"), csv: text.status },
    { header: t("commitments.colOverdue"), csv: text.overdue },
    { header: t("commitments.colReportedDone"), csv: (c) => c.reportedDoneDate ?? "" },
    { header: t("commitments.colVerified"), csv: (c) => c.verifiedDate ?? "" },
    { header: t("commitments.colHistory"), csv: text.history },
    { header: t("commitments.evidence"), csv: text.evidence },
    { header: t("common.source"), csv: text.source },
  ];
};

export const commitmentsCsv = (rows: TCommitmentView[], i18n: TI18n, names: TCommitmentNames) => {
  const columns = commitmentCsvColumns(i18n, names);
  return writeCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.csv(r)))], {
    bom: true,
  });
};

/** On screen, related fields share a cell (where and when; status with its dates) so the table fits a laptop. */
const screenColumns = (i18n: TI18n, names: TCommitmentNames): TColumn<TCommitmentView>[] => {
  const { t, tx } = i18n;
  const text = commitmentText(i18n, names);
  return [
    {
      key: "kind",
      header: t("commitments.colKind"),
      render: (c) => <span className="nowrap">{text.kind(c)}</span>,
      csv: text.kind,
    },
    {
      key: "text",
      header: t("commitments.colText"),
      render: (c) => (
        <>
          <span className="commitment-table-text">{tx(c.text)}</span>
          {c.quote ? (
            <q className="commitment-table-quote" lang="ja">
              {c.quote}
            </q>
          ) : null}
        </>
      ),
      csv: text.text,
    },
    { key: "owedBy", header: t("commitments.owedBy"), render: text.owedBy, csv: text.owedBy },
    {
      key: "made",
      header: t("commitments.colMade"),
      render: (c) => (
        <>
          <span className="cell-block">{text.madeIn(c)}</span>
          <span className="cell-block nowrap cell-soft">{text.madeOn(c)}</span>
        </>
      ),
      csv: text.madeIn,
    },
    {
      key: "due",
      header: t("commitments.due"),
      render: (c) =>
        c.dueDate ? <span className="nowrap">{text.due(c)}</span> : <NoDueDate className="nowrap" />,
      csv: (c) => c.dueDate ?? text.due(c),
    },
    {
      key: "status",
      header: t("commitments.colStatus"),
      render: (c) => (
        <>
          <span className={`status-chip commitment-status-${c.status}`}>{text.status(c)}</span>
          {c.overdue ? <OverdueFlag /> : null}
          {/* Every dated step, so a reopening says whether a report was refused or a check withdrawn. */}
          <CommitmentHistory commitment={c} compact />
        </>
      ),
      csv: (c) => [text.status(c), text.history(c)].filter(Boolean).join("\n"),
    },
    {
      key: "evidence",
      header: t("commitments.evidence"),
      render: (c) => (c.evidence ? tx(c.evidence) : <NotReported />),
      csv: text.evidence,
    },
    {
      key: "incidents",
      header: t("commitments.colIncidents"),
      render: (c) =>
        c.incidentIds.map((id) => (
          <span key={id} className="cell-block nowrap">
            <Link to={`/incidents/${id}`}>{names.incidentShort(id)}</Link>
          </span>
        )),
      csv: text.incidents,
    },
    {
      key: "source",
      header: t("common.source"),
      render: (c) => <SourceRef source={c.source} compact />,
      csv: text.source,
    },
  ];
};

export const CommitmentTable = ({
  rows,
  names,
  caption,
}: {
  rows: TCommitmentView[];
  names: TCommitmentNames;
  caption: string;
}) => {
  const i18n = useI18n();
  // The export button sits in the page's toolbar (it serves the cards too), so the table has none.
  return (
    <div className="commitment-table">
      <DataTable caption={caption} rows={rows} rowKey={(c) => c.id} columns={screenColumns(i18n, names)} />
    </div>
  );
};
