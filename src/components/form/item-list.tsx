import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import {
  type Control,
  type FieldArray,
  type FieldArrayPath,
  type FieldPath,
  type FieldValues,
  useFieldArray,
  useWatch,
} from "react-hook-form";
import { useI18n } from "@/i18n/i18n";
import { FieldError } from "./field-shell";
import { useFieldError, useFormKit } from "./form-kit-context";
import "./item-list.css";

type TProps<V extends FieldValues, N extends FieldArrayPath<V>> = {
  control: Control<V>;
  /** The list's path in the form's values ("milestones"). */
  name: N;
  /** The list's heading, shown as an h3 (the form's sections are h2). */
  title: string;
  hint?: ReactNode;
  /** Each entry's name, used as its legend and in its buttons' names ("経緯 3"). */
  itemName: (index: number) => string;
  /**
   * A one-line summary of an entry ("2025年9月5日 協会へ文書で報告"). With it, the entries already in the
   * record start folded to that line, so a long record is read at a glance and opened where needed;
   * new entries and entries with an error are open.
   */
  summary?: (item: FieldArray<V, N>, index: number) => ReactNode;
  addLabel: string;
  /** What an empty list says (e.g. "none recorded"); a list may well be empty. */
  empty: ReactNode;
  newItem: () => FieldArray<V, N>;
  max?: number;
  /** The controls of one entry; their paths start with `at` (`milestones.2`). */
  children: (at: `${N}.${number}`, index: number) => ReactNode;
};

type TRemoved<T> = { index: number; item: T; name: string; open: boolean };
type TFocus = { index: number; target: "first" | "up" | "down" | "title" } | "add" | null;

/**
 * An entry's path. react-hook-form's path types cannot prove that a computed `${list}.${index}` is one
 * of V's paths; it is, by construction, and this is the one place that says so.
 */
const entryPath = <V extends FieldValues, N extends FieldArrayPath<V>>(name: N, index: number) =>
  `${name}.${index}` as `${N}.${number}` & FieldPath<V>;

/** One entry's own errors (a duplicate id, a whole-entry refusal), those no control inside owns. */
const ItemError = ({ path }: { path: string }) => {
  const { id, error } = useFieldError(path);
  return <FieldError id={`${id}-error`} error={error} path={path} />;
};

/** The folded line of one entry: it alone follows what is typed in the entry, not the whole list. */
const ItemSummary = <V extends FieldValues, N extends FieldArrayPath<V>>({
  control,
  path,
  index,
  summary,
}: {
  control: Control<V>;
  path: `${N}.${number}` & FieldPath<V>;
  index: number;
  summary: (item: FieldArray<V, N>, index: number) => ReactNode;
}) => {
  const item = useWatch({ control, name: path });
  return <>{summary(item as FieldArray<V, N>, index)}</>;
};

/**
 * A list of nested entries (milestones, statements, dated changes) that can be added, removed and
 * reordered with buttons, on react-hook-form's useFieldArray: every step is keyboard usable, focus
 * follows the entry that moved, and a removal can be undone at once. Paths follow the body
 * (`milestones.2.source.documentId`), so an error from the server lands next to the control it is about
 * (its entry opens to show it).
 */
export const ItemList = <V extends FieldValues, N extends FieldArrayPath<V>>({
  control,
  name,
  title,
  hint,
  itemName,
  summary,
  addLabel,
  empty,
  newItem,
  max,
  children,
}: TProps<V, N>) => {
  const { t } = useI18n();
  const kit = useFormKit();
  const list = useFieldError(name);
  const id = useId();
  // Each entry's key travels with it when it moves, so its inputs (and what is typed in them) do too.
  const { fields, append, insert, remove, swap } = useFieldArray({ control, name });
  const container = useRef<HTMLFieldSetElement>(null);
  const focusNext = useRef<TFocus>(null);
  // An entry (re)inserted at this index opens once it has its key.
  const openAt = useRef<number | null>(null);
  const [removed, setRemoved] = useState<TRemoved<FieldArray<V, N>> | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const collapsible = summary !== undefined;
  const errorPaths = Object.keys(kit.errors);
  const hasError = (itemPath: string) =>
    errorPaths.some((p) => p === itemPath || p.startsWith(`${itemPath}.`));
  const isOpen = (key: string, itemPath: string) => !collapsible || opened.has(key) || hasError(itemPath);

  // An entry opened to show an error stays open once the error is corrected (it must not fold mid-typing).
  useEffect(() => {
    const failed = Object.keys(kit.errors);
    const withErrors = fields
      .filter((_f, i) => failed.some((p) => p === `${name}.${i}` || p.startsWith(`${name}.${i}.`)))
      .map((f) => f.id);
    if (withErrors.some((key) => !opened.has(key))) setOpened((s) => new Set([...s, ...withErrors]));
  }, [kit.errors, fields, name, opened]);

  useEffect(() => {
    // The new entry's key may arrive a render after the insert: wait for it rather than forget the opening.
    const added = openAt.current !== null ? fields[openAt.current]?.id : undefined;
    if (added) {
      openAt.current = null;
      if (!opened.has(added)) {
        // The focus moves once the entry is open (its controls are drawn).
        setOpened((s) => new Set([...s, added]));
        return;
      }
    }
    const want = focusNext.current;
    if (!want || !container.current) return;
    focusNext.current = null;
    if (want === "add") {
      container.current.querySelector<HTMLElement>("[data-list-add]")?.focus();
      return;
    }
    const key = fields[want.index]?.id;
    const item = container.current.querySelector<HTMLElement>(`[data-item-key="${key}"]`);
    if (!item) return;
    if (want.target === "first") {
      item.querySelector<HTMLElement>("input, select, textarea")?.focus();
      return;
    }
    if (want.target === "title") {
      item.querySelector<HTMLElement>("[data-item-title]")?.focus();
      return;
    }
    // A move button that is now disabled (the entry reached the end) hands focus to its twin.
    const button =
      item.querySelector<HTMLButtonElement>(`[data-move="${want.target}"]:not(:disabled)`) ??
      item.querySelector<HTMLButtonElement>("[data-move]:not(:disabled)");
    button?.focus();
  });

  const toggle = (key: string, open: boolean) =>
    setOpened((s) => {
      const next = new Set(s);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const add = () => {
    setRemoved(null);
    openAt.current = fields.length;
    focusNext.current = { index: fields.length, target: "first" };
    append(newItem(), { shouldFocus: false });
  };

  const removeAt = (index: number) => {
    const key = fields[index]?.id ?? "";
    setRemoved({
      index,
      item: kit.valueAt(entryPath<V, N>(name, index)) as FieldArray<V, N>,
      name: itemName(index),
      open: opened.has(key),
    });
    focusNext.current =
      fields.length > 1 ? { index: Math.min(index, fields.length - 2), target: "title" } : "add";
    remove(index);
  };

  const undo = () => {
    if (!removed) return;
    const at = Math.min(removed.index, fields.length);
    if (removed.open) openAt.current = at;
    focusNext.current = { index: at, target: "title" };
    insert(at, removed.item, { shouldFocus: false });
    setRemoved(null);
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= fields.length) return;
    setRemoved(null);
    focusNext.current = { index: to, target: by < 0 ? "up" : "down" };
    swap(index, to);
  };

  const full = max !== undefined && fields.length >= max;
  const allOpen = fields.every((f, i) => isOpen(f.id, `${name}.${i}`));
  return (
    <fieldset className="item-list" ref={container}>
      <legend className="item-list-legend">
        <h3 id={`${id}-title`} className="item-list-title">
          {title}
          <span className="item-list-count">{t("editing.listCount", { n: fields.length })}</span>
        </h3>
      </legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={`${list.id}-error`} error={list.error} path={name} />
      {fields.length === 0 ? <p className="item-list-empty">{empty}</p> : null}
      {collapsible && fields.length > 1 ? (
        <p className="item-list-all">
          <button
            type="button"
            className="button-link"
            onClick={() => setOpened(allOpen ? new Set() : new Set(fields.map((f) => f.id)))}
          >
            {allOpen ? t("editing.listCollapseAll") : t("editing.listExpandAll")}
          </button>
        </p>
      ) : null}
      <ol className="item-list-entries">
        {fields.map((entry, index) => {
          const key = entry.id;
          const entryName = itemName(index);
          const at = entryPath<V, N>(name, index);
          const open = isOpen(key, at);
          const bodyId = `${kit.idFor(at)}-body`;
          return (
            <li key={key} className="item-list-entry" data-item-key={key}>
              <fieldset className={`item-list-item${open ? "" : " item-list-folded"}`}>
                <legend className="visually-hidden">{entryName}</legend>
                <div className="item-list-head">
                  {collapsible ? (
                    <button
                      type="button"
                      className="item-list-toggle"
                      data-item-title
                      aria-expanded={open}
                      aria-controls={open ? bodyId : undefined}
                      onClick={() => toggle(key, !open)}
                    >
                      <span className="item-list-chevron" aria-hidden="true">
                        {open ? "▾" : "▸"}
                      </span>
                      <span className="item-list-name">{entryName}</span>{" "}
                      <span className="item-list-summary">
                        <ItemSummary control={control} path={at} index={index} summary={summary} />
                      </span>
                    </button>
                  ) : (
                    <p className="item-list-name" data-item-title tabIndex={-1}>
                      {entryName}
                    </p>
                  )}
                  <div className="item-list-tools">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-move="up"
                      disabled={index === 0}
                      aria-label={t("editing.listMoveUpNamed", { item: entryName })}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑ </span>
                      {t("editing.listMoveUp")}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-move="down"
                      disabled={index === fields.length - 1}
                      aria-label={t("editing.listMoveDownNamed", { item: entryName })}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓ </span>
                      {t("editing.listMoveDown")}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small button-danger"
                      aria-label={t("editing.listRemoveNamed", { item: entryName })}
                      onClick={() => removeAt(index)}
                    >
                      {t("editing.listRemove")}
                    </button>
                  </div>
                </div>
                <ItemError path={at} />
                {open ? (
                  <div id={bodyId} className="item-list-body">
                    {children(at, index)}
                  </div>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="item-list-foot">
        <p className="item-list-status" aria-live="polite">
          {removed ? (
            <>
              {t("editing.listRemoved", { item: removed.name })}{" "}
              <button type="button" className="button-link" onClick={undo}>
                {t("editing.listUndo")}
              </button>
            </>
          ) : null}
        </p>
        <button type="button" className="button button-secondary" data-list-add disabled={full} onClick={add}>
          <span aria-hidden="true">+ </span>
          {addLabel}
        </button>
        {full ? <p className="field-hint">{t("editing.listFull", { n: max ?? 0 })}</p> : null}
      </div>
    </fieldset>
  );
};
