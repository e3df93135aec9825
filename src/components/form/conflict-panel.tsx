import { type ReactNode, useEffect, useId, useRef } from "react";
import type { FieldPath, FieldValues } from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { getIn } from "@/lib/form-errors";
import { sameJson } from "@/shared/canonical-json";
import type { TFigure, TSourceRef } from "@/shared/schemas/common";
import { FigureValue, type TUnit } from "../figure-value";
import { SourceRef } from "../source-ref";
import type { TRecordForm } from "./use-record-form";

type TConflictFieldBase = {
  label: string;
  /** How to show a value of this field (enum labels, names for ids); a sensible default otherwise. */
  render?: (value: unknown) => ReactNode;
  /** The unit of a figure's number (members, yen), as the record's pages show it. */
  unit?: TUnit;
  /** Where the current record has it, when not at `path` (the cohort answered for a progress event sent). */
  pickCurrent?: (current: Record<string, unknown>) => unknown;
};

/**
 * One row of the side-by-side view: a path of the form's values (checked against them), or, for what the
 * form does not hold under that name (the status a step leads to), the record's path with `pickMine`.
 */
export type TConflictField<V extends FieldValues> = TConflictFieldBase &
  (
    | { path: FieldPath<V>; pickMine?: (mine: unknown) => unknown }
    | { path: string; pickMine: (mine: unknown) => unknown }
  );

/** Null members dropped: a missing and a null value are the same "nothing" to a reader. */
const withoutNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
};

/** Equal as data: key order and a missing vs. null value do not make two versions differ. */
const sameValue = (a: unknown, b: unknown) => sameJson(withoutNulls(a), withoutNulls(b));

const isText = (v: unknown): v is { ja: string; en: string } =>
  v !== null && typeof v === "object" && typeof (v as { ja?: unknown }).ja === "string";
const isFigure = (v: unknown): v is TFigure =>
  v !== null &&
  typeof v === "object" &&
  typeof (v as { status?: unknown }).status === "string" &&
  "source" in (v as object);
const isSource = (v: unknown): v is TSourceRef =>
  v !== null && typeof v === "object" && typeof (v as { documentId?: unknown }).documentId === "string";

/** A value as a reader would want to see it: words for texts, 未報告 for a figure never reported. */
export const ConflictValue = ({ value, unit }: { value: unknown; unit?: TUnit }) => {
  const { t, tx, f } = useI18n();
  if (value === null || value === undefined || value === "") {
    return <span className="conflict-empty">{t("editing.conflictEmpty")}</span>;
  }
  if (isFigure(value)) return <FigureValue figure={value} unit={unit} />;
  if (isText(value)) return <>{tx(value)}</>;
  if (isSource(value)) return <SourceRef source={value} compact />;
  if (typeof value === "string" && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) return <>{f.date(value)}</>;
  if (typeof value === "boolean") return <>{value ? t("editing.yes") : t("editing.no")}</>;
  if (typeof value === "number") return <>{f.number(value)}</>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="conflict-empty">{t("editing.conflictEmpty")}</span>;
    return (
      <ul className="conflict-list">
        {value.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of a list that never reorders
          <li key={i}>
            <ConflictValue value={item} />
          </li>
        ))}
      </ul>
    );
  }
  if (typeof value === "object") return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
};

type TProps<V extends FieldValues> = {
  form: TRecordForm<V>;
  fields: readonly TConflictField<V>[];
  /** Builds the form's values from the current record (the caller knows the shape): "discard mine" takes
   * them as they are, "apply mine" takes them with the user's changed fields on top. */
  valuesFrom: (current: Record<string, unknown>) => V;
  /** Called after "discard mine" (e.g. to close the form when it was a one-step action). */
  onDiscarded?: () => void;
};

/**
 * A 409 for a stale version: someone saved this record after this user opened it. Both versions side
 * by side, the fields that differ marked in words and colour; the user either applies the fields they
 * changed over the current version (the other editor's other changes stay) or drops theirs.
 */
export const ConflictPanel = <V extends FieldValues>({
  form,
  fields,
  valuesFrom,
  onDiscarded,
}: TProps<V>) => {
  const { t, tp } = useI18n();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const conflict = form.conflict;
  useEffect(() => {
    if (conflict) heading.current?.focus();
  }, [conflict]);
  if (!conflict) return null;
  const version = getIn(conflict.current, "version");
  const currentValues = valuesFrom(conflict.current);
  const baseline = form.baseline();
  const values = form.getValues();
  const rows = fields.map((field) => {
    const mine = field.pickMine ? field.pickMine(conflict.mine) : getIn(conflict.mine, field.path);
    const current = field.pickCurrent
      ? field.pickCurrent(conflict.current)
      : getIn(conflict.current, field.path);
    // Who changed it since the form opened: what "apply mine" will keep from each side.
    const plain = !field.pickMine && !field.pickCurrent;
    const start = getIn(baseline, field.path);
    const byMe = plain && !sameValue(start, getIn(values, field.path));
    const byThem = plain && !sameValue(start, getIn(currentValues, field.path));
    const badge = !plain
      ? "editing.conflictDiffers"
      : byMe && byThem
        ? "editing.conflictChangedBoth"
        : byMe
          ? "editing.conflictChangedByMe"
          : "editing.conflictChangedByThem";
    return { field, mine, current, changed: !sameValue(mine, current), badge } as const;
  });
  const changedCount = rows.filter((r) => r.changed).length;
  return (
    <section className="conflict-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t("editing.conflictTitle")}
      </h3>
      <p>{t("editing.conflictLead", { version: typeof version === "number" ? version : "?" })}</p>
      <p className="conflict-count">
        {changedCount > 0
          ? tp("editing.conflictChangedCount", changedCount)
          : t("editing.conflictNoDifference")}
      </p>
      <div className="table-scroll">
        <table className="conflict-table">
          <caption className="visually-hidden">{t("editing.conflictCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("editing.conflictField")}</th>
              <th scope="col">{t("editing.conflictMine")}</th>
              <th scope="col">{t("editing.conflictCurrent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ field, mine, current, changed, badge }) => (
              <tr key={field.path} className={changed ? "conflict-changed" : undefined}>
                <th scope="row">
                  {field.label}
                  {changed ? <span className="conflict-badge">{t(badge)}</span> : null}
                </th>
                <td>
                  {field.render ? field.render(mine) : <ConflictValue value={mine} unit={field.unit} />}
                </td>
                <td>
                  {field.render ? field.render(current) : <ConflictValue value={current} unit={field.unit} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="conflict-help">{t("editing.conflictHelp")}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={form.pending}
          onClick={() => void form.reapply(valuesFrom(conflict.current))}
        >
          {form.pending ? t("editing.saving") : t("editing.conflictReapply")}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={form.pending}
          onClick={() => {
            form.discardMine(valuesFrom(conflict.current));
            onDiscarded?.();
          }}
        >
          {t("editing.conflictDiscard")}
        </button>
      </div>
    </section>
  );
};
