import { useQuery } from "@tanstack/react-query";
import { Fragment, useId, useState } from "react";
import { Link } from "react-router";
import { FilterBar, FilterSelect } from "@/components/filter-bar";
import { QueryState } from "@/components/query-state";
import { formatMoment } from "@/i18n/format";
import { useI18n } from "@/i18n/i18n";
import {
  actionLabel,
  actorName,
  changedFields,
  entityTypeLabel,
  recordName,
  recordPath,
} from "@/lib/audit-text";
import { CSV_TYPE, downloadText } from "@/lib/download";
import { useUrlParams } from "@/lib/use-url-filters";
import { canonicalJson } from "@/shared/canonical-json";
import { writeCsv } from "@/shared/csv";
import type { TAuditEntityType, TAuditEntry } from "@/shared/schemas/audit";
import { auditQueries, fetchWholeLog, PAGE_SIZE } from "../api/queries";
import { AuditDiff } from "./audit-diff";

/** The kinds of record the log names (ZAuditEntityType), in the order the navigation shows them. */
const ENTITY_TYPES = [
  "case",
  "incident",
  "cohort",
  "commitment",
  "vendor",
  "service",
  "meeting",
  "document",
  "organisation",
  "settings",
  "user",
  // Written before products became services (migration 007): still in the log, never rewritten.
  "product",
] as const satisfies readonly TAuditEntityType[];

const parseType = (raw: string | null): TAuditEntityType | undefined =>
  ENTITY_TYPES.find((type) => type === raw);

const parsePage = (raw: string | null) => (raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1);

/** The log, newest first, a page at a time, filtered by kind of record (`?type=…&page=…` in the address). */
export const AuditLog = () => {
  const i18n = useI18n();
  const { t } = i18n;
  const id = useId();
  const { params, update } = useUrlParams();
  const entityType = parseType(params.get("type"));
  const page = parsePage(params.get("page"));
  const query = useQuery(auditQueries.log({ entityType, page }));
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const [exporting, setExporting] = useState<"idle" | "busy" | "failed">("idle");

  const toggle = (seq: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  const exportCsv = async () => {
    setExporting("busy");
    try {
      const entries = await fetchWholeLog(entityType);
      const header = [
        t("audit.csvSeq"),
        t("audit.csvAt"),
        t("audit.csvActorUsername"),
        t("audit.csvActorName"),
        t("audit.csvAction"),
        t("audit.csvEntityType"),
        t("audit.csvEntityId"),
        t("audit.csvChanged"),
        t("audit.csvBefore"),
        t("audit.csvAfter"),
        t("audit.csvPrevHash"),
        t("audit.csvHash"),
      ];
      // Raw values (ids, canonical JSON, hashes): with them the chain can be checked again outside the app.
      const rows = entries.map((e) => [
        e.seq,
        e.at,
        e.actor.username,
        e.actor.displayName,
        e.action,
        e.entityType,
        e.entityId,
        changedFields(e)
          .map((c) => c.field)
          .join(" "),
        e.before === null ? null : canonicalJson(e.before),
        e.after === null ? null : canonicalJson(e.after),
        e.prevHash,
        e.hash,
      ]);
      downloadText(
        `audit-log${entityType ? `-${entityType}` : ""}.csv`,
        writeCsv([header, ...rows], { bom: true }),
        CSV_TYPE,
      );
      setExporting("idle");
    } catch {
      setExporting("failed");
    }
  };

  return (
    <section className="panel audit-log" aria-labelledby={id}>
      <div className="audit-section-head">
        <h2 id={id}>{t("audit.logTitle")}</h2>
        <div className="audit-export no-print">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => void exportCsv()}
            disabled={exporting === "busy"}
          >
            {exporting === "busy" ? t("audit.exporting") : t("audit.exportCsv")}
          </button>
          {exporting === "failed" ? (
            <p className="form-error" role="alert">
              {t("audit.exportFailed")}
            </p>
          ) : null}
        </div>
      </div>
      <FilterBar
        label={t("common.filter")}
        className="audit-filters"
        active={entityType !== undefined}
        onClear={() => update({ type: null, page: null })}
      >
        <FilterSelect
          label={t("audit.filterType")}
          value={entityType ?? ""}
          allLabel={t("audit.filterAll")}
          options={ENTITY_TYPES.map((type) => ({ value: type, label: entityTypeLabel(i18n, type) }))}
          onChange={(value) => {
            setOpen(new Set());
            update({ type: value || null, page: null });
          }}
        />
      </FilterBar>
      <QueryState
        query={query}
        minHeight="16rem"
        isEmpty={(data) => data.items.length === 0}
        empty={<p>{t("audit.logEmpty")}</p>}
      >
        {(data) => (
          <>
            <section
              className="table-scroll"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a box that scrolls sideways must be reachable by keyboard
              tabIndex={0}
              aria-label={t("audit.logCaption", { total: data.total })}
            >
              <table className="audit-table">
                <caption className="visually-hidden">{t("audit.logCaption", { total: data.total })}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      {t("audit.colSeq")}
                    </th>
                    <th scope="col">{t("audit.colWhen")}</th>
                    <th scope="col">{t("audit.colWho")}</th>
                    <th scope="col">{t("audit.colAction")}</th>
                    <th scope="col">{t("audit.colRecord")}</th>
                    <th scope="col">{t("audit.colChanges")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <LogRow
                      key={entry.seq}
                      entry={entry}
                      open={open.has(entry.seq)}
                      onToggle={() => toggle(entry.seq)}
                    />
                  ))}
                </tbody>
              </table>
            </section>
            <Pager
              page={page}
              total={data.total}
              shown={data.items.length}
              onPage={(next) => {
                setOpen(new Set());
                update({ page: next === 1 ? null : String(next) });
              }}
            />
          </>
        )}
      </QueryState>
    </section>
  );
};

const LogRow = ({ entry, open, onToggle }: { entry: TAuditEntry; open: boolean; onToggle: () => void }) => {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const path = recordPath(entry);
  const name = recordName(i18n, entry);
  const changes = changedFields(entry).length;
  const diffId = `audit-diff-${entry.seq}`;
  return (
    <Fragment>
      <tr className={open ? "audit-row-open" : undefined}>
        <td className="num">#{entry.seq}</td>
        <td>
          <AuditTime at={entry.at} lang={lang} />
        </td>
        <td>
          {actorName(i18n, entry.actor)}
          {entry.actor.id === "system" ? null : (
            <span className="audit-username">{entry.actor.username}</span>
          )}
        </td>
        <td>{actionLabel(i18n, entry.action)}</td>
        <td>
          <span className="audit-entity-type">{entityTypeLabel(i18n, entry.entityType)}</span>{" "}
          {path ? <Link to={path}>{name}</Link> : name}
        </td>
        <td>
          <button
            type="button"
            className="button button-secondary audit-toggle"
            aria-expanded={open}
            aria-controls={open ? diffId : undefined}
            aria-label={t("audit.showChangesLabel", { seq: entry.seq })}
            onClick={onToggle}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"} </span>
            {i18n.tp("audit.showChanges", changes)}
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="audit-diff-row">
          <td colSpan={6} id={diffId}>
            <AuditDiff entry={entry} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
};

/** Date and time, each kept whole, so that a narrow column breaks between them and nowhere else. */
const AuditTime = ({ at, lang }: { at: string; lang: "ja" | "en" }) => {
  const text = formatMoment(at, lang);
  const split = text.lastIndexOf(" ");
  return (
    <time dateTime={at} className="audit-time">
      <span>{text.slice(0, split).replace(/,$/, "")}</span> <span>{text.slice(split + 1)}</span>
    </time>
  );
};

const Pager = ({
  page,
  total,
  shown,
  onPage,
}: {
  page: number;
  total: number;
  shown: number;
  onPage: (page: number) => void;
}) => {
  const { t, f } = useI18n();
  const from = (page - 1) * PAGE_SIZE + 1;
  const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <nav className="audit-pager no-print" aria-label={t("audit.pagination")}>
      <button
        type="button"
        className="button button-secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        {t("audit.pagePrev")}
      </button>
      <p className="audit-pager-status" aria-live="polite">
        {t("audit.pageStatus", {
          from: f.number(from),
          to: f.number(from + shown - 1),
          total: f.number(total),
        })}
      </p>
      <button
        type="button"
        className="button button-secondary"
        disabled={page >= last}
        onClick={() => onPage(page + 1)}
      >
        {t("audit.pageNext")}
      </button>
    </nav>
  );
};
