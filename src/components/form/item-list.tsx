import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/i18n/i18n";
import { FieldError } from "./field-shell";
import { useField, useFormContext } from "./form-context";
import "./item-list.css";

type TProps = {
  /** The list's path in the form's values ("milestones"). */
  path: string;
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
  summary?: (item: unknown, index: number) => ReactNode;
  addLabel: string;
  /** What an empty list says (e.g. "none recorded"); a list may well be empty. */
  empty: ReactNode;
  newItem: () => unknown;
  max?: number;
  /** The controls of one entry; their paths start with `itemPath`. */
  children: (itemPath: string, index: number) => ReactNode;
};

type TRemoved = { index: number; item: unknown; key: string; name: string };
type TFocus = { key: string; target: "first" | "up" | "down" | "title" } | "add" | null;

let nextKey = 0;
const freshKey = () => `item-${++nextKey}`;

/** One entry's own errors (a duplicate id, a whole-entry refusal), those no control inside owns. */
const ItemError = ({ path }: { path: string }) => {
  const { id, error } = useField(path);
  return <FieldError id={`${id}-error`} error={error} />;
};

/**
 * A list of nested entries (milestones, statements, dated changes) that can be added, removed and
 * reordered with buttons: every step is keyboard usable, focus follows the entry that moved, and a
 * removal can be undone at once. Paths follow the body (`milestones.2.source.documentId`), so an error
 * from the server lands next to the control it is about (its entry opens to show it).
 */
export const ItemList = ({
  path,
  title,
  hint,
  itemName,
  summary,
  addLabel,
  empty,
  newItem,
  max,
  children,
}: TProps) => {
  const { t } = useI18n();
  const form = useFormContext();
  const list = useField(path);
  const id = useId();
  const items = Array.isArray(list.value) ? (list.value as unknown[]) : [];
  // Stable keys, so an entry's inputs (and what is typed in them) travel with it when it moves.
  const keys = useRef<string[]>([]);
  if (keys.current.length !== items.length) keys.current = items.map(() => freshKey());
  const container = useRef<HTMLFieldSetElement>(null);
  const focusNext = useRef<TFocus>(null);
  const [removed, setRemoved] = useState<TRemoved | null>(null);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set());
  const collapsible = summary !== undefined;
  const errorPaths = Object.keys(form.errors);
  const hasError = (itemPath: string) =>
    errorPaths.some((p) => p === itemPath || p.startsWith(`${itemPath}.`));
  const isOpen = (key: string, itemPath: string) => !collapsible || opened.has(key) || hasError(itemPath);

  // An entry opened to show an error stays open once the error is corrected (it must not fold mid-typing).
  useEffect(() => {
    const failed = Object.keys(form.errors);
    const withErrors = keys.current.filter((_key, i) =>
      failed.some((p) => p === `${path}.${i}` || p.startsWith(`${path}.${i}.`)),
    );
    if (withErrors.some((key) => !opened.has(key))) setOpened((s) => new Set([...s, ...withErrors]));
  }, [form.errors, path, opened]);

  useEffect(() => {
    const want = focusNext.current;
    if (!want || !container.current) return;
    focusNext.current = null;
    if (want === "add") {
      container.current.querySelector<HTMLElement>("[data-list-add]")?.focus();
      return;
    }
    const item = container.current.querySelector<HTMLElement>(`[data-item-key="${want.key}"]`);
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

  const setList = (next: unknown[], nextKeys: string[]) => {
    keys.current = nextKeys;
    list.set(next);
  };

  const toggle = (key: string, open: boolean) =>
    setOpened((s) => {
      const next = new Set(s);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });

  const add = () => {
    const key = freshKey();
    setRemoved(null);
    toggle(key, true);
    focusNext.current = { key, target: "first" };
    setList([...items, newItem()], [...keys.current, key]);
  };

  const remove = (index: number) => {
    const key = keys.current[index] as string;
    setRemoved({ index, item: items[index], key, name: itemName(index) });
    const nextKeys = keys.current.filter((_, i) => i !== index);
    const after = nextKeys[Math.min(index, nextKeys.length - 1)];
    focusNext.current = after ? { key: after, target: "title" } : "add";
    setList(
      items.filter((_, i) => i !== index),
      nextKeys,
    );
  };

  const undo = () => {
    if (!removed) return;
    const at = Math.min(removed.index, items.length);
    focusNext.current = { key: removed.key, target: "title" };
    setList(
      [...items.slice(0, at), removed.item, ...items.slice(at)],
      [...keys.current.slice(0, at), removed.key, ...keys.current.slice(at)],
    );
    setRemoved(null);
  };

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= items.length) return;
    const swap = <T,>(xs: T[]) => {
      const copy = [...xs];
      [copy[index], copy[to]] = [copy[to] as T, copy[index] as T];
      return copy;
    };
    setRemoved(null);
    focusNext.current = { key: keys.current[index] as string, target: by < 0 ? "up" : "down" };
    setList(swap(items), swap(keys.current));
  };

  const full = max !== undefined && items.length >= max;
  const allOpen = items.every((_, i) => isOpen(keys.current[i] as string, `${path}.${i}`));
  return (
    <fieldset className="item-list" ref={container}>
      <legend className="item-list-legend">
        <h3 id={`${id}-title`} className="item-list-title">
          {title}
          <span className="item-list-count">{t("editing.listCount", { n: items.length })}</span>
        </h3>
      </legend>
      {hint ? <p className="field-hint">{hint}</p> : null}
      <FieldError id={`${list.id}-error`} error={list.error} />
      {items.length === 0 ? <p className="item-list-empty">{empty}</p> : null}
      {collapsible && items.length > 1 ? (
        <p className="item-list-all">
          <button
            type="button"
            className="button-link"
            onClick={() => setOpened(allOpen ? new Set() : new Set(keys.current))}
          >
            {allOpen ? t("editing.listCollapseAll") : t("editing.listExpandAll")}
          </button>
        </p>
      ) : null}
      <ol className="item-list-entries">
        {items.map((item, index) => {
          const key = keys.current[index] as string;
          const name = itemName(index);
          const itemPath = `${path}.${index}`;
          const open = isOpen(key, itemPath);
          const bodyId = `${form.idFor(itemPath)}-body`;
          return (
            <li key={key} className="item-list-entry" data-item-key={key}>
              <fieldset className={`item-list-item${open ? "" : " item-list-folded"}`}>
                <legend className="visually-hidden">{name}</legend>
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
                      <span className="item-list-name">{name}</span>{" "}
                      <span className="item-list-summary">{summary(item, index)}</span>
                    </button>
                  ) : (
                    <p className="item-list-name" data-item-title tabIndex={-1}>
                      {name}
                    </p>
                  )}
                  <div className="item-list-tools">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-move="up"
                      disabled={index === 0}
                      aria-label={t("editing.listMoveUpNamed", { item: name })}
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden="true">↑ </span>
                      {t("editing.listMoveUp")}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      data-move="down"
                      disabled={index === items.length - 1}
                      aria-label={t("editing.listMoveDownNamed", { item: name })}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden="true">↓ </span>
                      {t("editing.listMoveDown")}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small button-danger"
                      aria-label={t("editing.listRemoveNamed", { item: name })}
                      onClick={() => remove(index)}
                    >
                      {t("editing.listRemove")}
                    </button>
                  </div>
                </div>
                <ItemError path={itemPath} />
                {open ? (
                  <div id={bodyId} className="item-list-body">
                    {children(itemPath, index)}
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
