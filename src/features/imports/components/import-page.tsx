import { useMutation, useQuery } from "@tanstack/react-query";
import { type ChangeEvent, useId, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { message, useI18n } from "@/i18n/i18n";
import type { TMessage } from "@/i18n/message-types";
import { ApiError } from "@/lib/api-client";
import { referenceQueries } from "@/lib/reference-queries";
import type { TFieldError } from "@/shared/schemas/problem";
import {
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_CHARS,
  type TImportFormat,
  type TProgressImportResult,
} from "@/shared/schemas/progress-import";
import { importMutations, importQueries } from "../api/queries";
import { ImportErrors, ImportRows } from "./import-result";
import { ImportTemplate, useVendorGroups } from "./import-template";
import { readFile, type TReadFile } from "./read-file";
import "./imports.css";

type TChosenFile = TReadFile & { name: string };

type TOutcome =
  | { step: "idle" }
  | { step: "checked"; result: TProgressImportResult }
  | { step: "imported"; result: TProgressImportResult }
  | { step: "rejected"; errors: TFieldError[] }
  | { step: "failed"; message: TMessage };

const tooLarge = message("imports.fileTooLarge", { max: MAX_IMPORT_CHARS });

/** What a refused request means here: the rows' problems (422), or one message for the whole attempt. */
const outcomeOfError = (error: unknown): TOutcome => {
  if (error instanceof ApiError) {
    if (error.status === 422 && error.problem?.errors)
      return { step: "rejected", errors: error.problem.errors };
    if (
      error.status === 413 ||
      (error.status === 400 && error.problem?.errors?.some((e) => e.field === "content"))
    ) {
      return { step: "failed", message: tooLarge };
    }
    if (error.status === 403) return { step: "failed", message: message("imports.errForbidden") };
  }
  return { step: "failed", message: message("imports.errGeneric") };
};

type TProps = {
  /** Where a new document is registered, when the app has that page. */
  newDocumentHref?: string;
};

/**
 * /import: the secretariat hands a vendor the template of its own groups (step 1), then records the
 * vendor's progress report from the file it sends back (step 2). "Check" is a dry run that shows every
 * row of the file with every column (or every problem at once) and stores nothing; "Import" then applies
 * the same file. The vendor and the report are in the address (`?vendor=`, `?document=`).
 */
export const ImportPage = ({ newDocumentHref }: TProps) => {
  const { t, tp, tm, tx, f } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const documentId = params.get("document") ?? "";
  const vendorId = params.get("vendor") ?? "";
  const documents = useQuery(referenceQueries.documents());
  const cohorts = useQuery(importQueries.cohorts());
  const vendorGroups = useVendorGroups(vendorId);
  const mutation = useMutation(importMutations.progress());
  const [file, setFile] = useState<TChosenFile | null>(null);
  const [format, setFormat] = useState<TImportFormat>("csv");
  const [outcome, setOutcome] = useState<TOutcome>({ step: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const show = (next: TOutcome) => {
    setOutcome(next);
    // The keyboard and screen readers move to what the check or the import found.
    requestAnimationFrame(() => resultHeading.current?.focus());
  };

  const setParam = (name: "document" | "vendor", next: string) =>
    setParams(
      (p) => {
        const copy = new URLSearchParams(p);
        if (next) copy.set(name, next);
        else copy.delete(name);
        return copy;
      },
      { replace: true },
    );

  const chooseDocument = (next: string) => {
    setOutcome({ step: "idle" });
    setParam("document", next);
  };

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    setOutcome({ step: "idle" });
    const chosen = event.target.files?.[0];
    if (!chosen) {
      setFile(null);
      return;
    }
    try {
      const read = await readFile(chosen);
      setFile({ ...read, name: chosen.name });
      setFormat(read.format);
    } catch {
      setFile(null);
      show({ step: "failed", message: message("imports.fileUnreadable") });
    }
  };

  const send = (dryRun: boolean) => {
    if (!file || !documentId) {
      show({ step: "failed", message: message("imports.chooseBoth") });
      return;
    }
    const body = { format, content: file.text, documentId, dryRun };
    if (
      file.text.length > MAX_IMPORT_CHARS ||
      new Blob([JSON.stringify(body)]).size > MAX_IMPORT_BODY_BYTES
    ) {
      show({ step: "failed", message: tooLarge });
      return;
    }
    mutation.mutate(body, {
      onSuccess: (result) => {
        // Imported figures change the overview, the incidents, the scorecards: every page reads again
        // (src/lib/query-client.ts; not after a check, which stores nothing).
        show({ step: dryRun ? "checked" : "imported", result });
      },
      onError: (error) => show(outcomeOfError(error)),
    });
  };

  const startOver = () => {
    setFile(null);
    setOutcome({ step: "idle" });
    if (fileInput.current) fileInput.current.value = "";
    fileInput.current?.focus();
  };

  const cohortLabels = new Map((cohorts.data?.items ?? []).map((c) => [c.id, tx(c.label)]));
  // Rows of another vendor's groups are marked in the preview (the file may still name them).
  const vendorCohorts =
    vendorId !== "" && vendorGroups.incidents.isSuccess
      ? new Set(vendorGroups.groups.map((g) => g.cohort.id))
      : null;
  const busy = mutation.isPending;
  const pendingDryRun = busy && mutation.variables?.dryRun === true;

  return (
    <div className="import-page">
      <PageHeader title={t("imports.title")} lead={<p>{t("imports.lead")}</p>} />

      <ImportTemplate vendorId={vendorId} onVendor={(next) => setParam("vendor", next)} />

      <section className="panel" aria-labelledby={`${id}-file`}>
        <h2 id={`${id}-file`}>{t("imports.stepFile")}</h2>
        <form
          className="import-form"
          onSubmit={(e) => {
            e.preventDefault();
            send(true);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-doc`}>{t("imports.documentLabel")}</label>
            <QueryState query={documents} minHeight="2.75rem">
              {(list) => (
                <select
                  id={`${id}-doc`}
                  value={documentId}
                  aria-describedby={`${id}-doc-hint`}
                  onChange={(e) => chooseDocument(e.target.value)}
                >
                  <option value="">{t("imports.documentChoose")}</option>
                  {list.items
                    .filter((d) => !d.outsideRecord)
                    .map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.date
                          ? t("imports.documentOption", {
                              label: tx(d.label),
                              title: tx(d.title),
                              date: f.date(d.date),
                            })
                          : t("imports.documentOptionUndated", { label: tx(d.label), title: tx(d.title) })}
                      </option>
                    ))}
                </select>
              )}
            </QueryState>
            <p className="field-hint" id={`${id}-doc-hint`}>
              {t("imports.documentHint")}
              {newDocumentHref ? (
                <>
                  {" "}
                  <Link to={newDocumentHref}>{t("imports.newDocument")}</Link>
                </>
              ) : null}
            </p>
          </div>

          <div className="field">
            <label htmlFor={`${id}-upload`}>{t("imports.fileLabel")}</label>
            <input
              ref={fileInput}
              id={`${id}-upload`}
              type="file"
              accept=".csv,.json,.txt,text/csv,application/json"
              aria-describedby={`${id}-upload-hint`}
              onChange={(e) => void chooseFile(e)}
            />
            <p className="field-hint" id={`${id}-upload-hint`}>
              {t("imports.fileHint")}
            </p>
            {file?.encoding === "shift_jis" ? (
              <p className="import-notice">{t("imports.readAsShiftJis")}</p>
            ) : null}
          </div>

          <fieldset className="field import-format">
            <legend>{t("imports.formatLabel")}</legend>
            {(["csv", "json"] as const).map((value) => (
              <label key={value} className="import-format-choice">
                <input
                  type="radio"
                  name={`${id}-format`}
                  value={value}
                  checked={format === value}
                  onChange={() => {
                    setFormat(value);
                    setOutcome({ step: "idle" });
                  }}
                />{" "}
                {t(`imports.format_${value}`)}
              </label>
            ))}
          </fieldset>

          <div className="import-actions">
            <button type="submit" className="button" disabled={busy}>
              {pendingDryRun ? t("imports.checking") : t("imports.check")}
            </button>
          </div>
        </form>
      </section>

      <div className="import-outcome">
        {outcome.step === "failed" ? (
          <section className="panel" aria-labelledby={`${id}-outcome`}>
            <h2 id={`${id}-outcome`} ref={resultHeading} tabIndex={-1} className="form-error">
              {tm(outcome.message)}
            </h2>
          </section>
        ) : null}

        {outcome.step === "rejected" ? (
          <section className="panel import-rejected" aria-labelledby={`${id}-outcome`}>
            <h2 id={`${id}-outcome`} ref={resultHeading} tabIndex={-1}>
              {t("imports.rejectedTitle")}
            </h2>
            <p>{tp("imports.rejectedSummary", outcome.errors.length)}</p>
            <ImportErrors errors={outcome.errors} format={format} />
          </section>
        ) : null}

        {outcome.step === "checked" ? (
          <section className="panel import-preview" aria-labelledby={`${id}-outcome`}>
            <h2 id={`${id}-outcome`} ref={resultHeading} tabIndex={-1}>
              {t("imports.previewTitle")}
            </h2>
            <p className="import-counts">{t("imports.countsSummary", countsOf(outcome.result, f.number))}</p>
            <p>{t("imports.previewLead")}</p>
            {outcome.result.counts.added + outcome.result.counts.updated === 0 ? (
              <p>{t("imports.nothingToChange")}</p>
            ) : (
              <div className="import-actions">
                <button type="button" className="button" disabled={busy} onClick={() => send(false)}>
                  {busy ? t("imports.importing") : t("imports.importNow")}
                </button>
              </div>
            )}
            <ImportRows
              result={outcome.result}
              format={format}
              cohortLabels={cohortLabels}
              vendorCohorts={vendorCohorts}
            />
          </section>
        ) : null}

        {outcome.step === "imported" ? (
          <section className="panel import-done" aria-labelledby={`${id}-outcome`}>
            <div className="form-success">
              <h2 id={`${id}-outcome`} ref={resultHeading} tabIndex={-1}>
                {t("imports.importedTitle")}
              </h2>
              <p className="import-counts">
                {t("imports.countsSummary", countsOf(outcome.result, f.number))}
              </p>
              <p>{t("imports.importedBody")}</p>
            </div>
            <div className="import-actions">
              <button type="button" className="button button-secondary" onClick={startOver}>
                {t("imports.startOver")}
              </button>
            </div>
            <ImportRows
              result={outcome.result}
              format={format}
              cohortLabels={cohortLabels}
              vendorCohorts={vendorCohorts}
            />
          </section>
        ) : null}
      </div>
    </div>
  );
};

const countsOf = (result: TProgressImportResult, n: (value: number) => string) => ({
  added: n(result.counts.added),
  updated: n(result.counts.updated),
  unchanged: n(result.counts.unchanged),
});
