import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useRef } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { CheckField } from "@/components/form/check-field";
import { ConflictPanel, ConflictValue, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { ItemList } from "@/components/form/item-list";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, SelectField, type TOption } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { NotFoundSection } from "@/components/not-found-section";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { message, useI18n } from "@/i18n/i18n";
import type { TErrorWords } from "@/lib/form-errors";
import { textOrNull } from "@/lib/form-values";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useLeaveGuard } from "@/lib/use-leave-guard";
import { type TSourceDocument, ZDocumentKind } from "@/shared/schemas/document";
import { ZDocumentDraft, ZDocumentUpdate } from "@/shared/schemas/edit";
import { documentMutations, documentQueries } from "../api/queries";
import "@/components/form/record-form.css";
import { enumLabel } from "@/lib/enum-label";

type TText = { ja: string; en: string };

/** The form's values: the request body, except an optional publisher being typed is an empty pair. */
export type TDocumentValues = {
  version?: number;
  label: TText;
  title: TText;
  kind: string;
  issuerIds: string[];
  publisher: TText | null;
  date: string | null;
  /** Where it can be read; blank is none. */
  url: string | null;
  outsideRecord: boolean;
  statements: TText[];
};

const emptyText = (): TText => ({ ja: "", en: "" });

export const emptyDocument = (): TDocumentValues => ({
  label: emptyText(),
  title: emptyText(),
  kind: "",
  issuerIds: [],
  publisher: null,
  date: null,
  url: null,
  outsideRecord: false,
  statements: [],
});

/** A stored document (or the current one of a 409) as the form's values: what the page adds is dropped. */
export const valuesFromDocument = (doc: TSourceDocument & { citedBy?: unknown }): TDocumentValues => {
  const { id: _id, citedBy: _c, ...rest } = doc;
  return rest;
};

/** The body to send: a publisher or URL left blank is none; the endpoint's schema checks the rest. */
export const toDocumentBody = (values: TDocumentValues) => ({
  ...values,
  publisher: textOrNull(values.publisher),
  url: values.url === null || values.url.trim() === "" ? null : values.url.trim(),
});

/** A URL the schema refuses (not http(s), or not an address at all) is said as such, not as "invalid". */
const documentWords: TErrorWords = (error, path) =>
  path === "url" && (error.code === "custom" || error.code === "invalid_format")
    ? message("records.errUrl")
    : undefined;

/** /documents/new and /documents/:documentId/edit — for editors (the route checks the role). */
export const DocumentEditor = ({ documentId }: { documentId?: string }) => {
  const { t } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());
  const detail = useQuery({ ...documentQueries.detail(documentId ?? ""), enabled: documentId !== undefined });
  if (documentId === undefined) {
    return (
      <QueryState query={vendors} waitFor={[organisation]} minHeight="30rem">
        {() => <DocumentForm doc={null} />}
      </QueryState>
    );
  }
  if (isNotFound(detail.error)) {
    return (
      <NotFoundSection
        title={t("documents.notFoundTitle")}
        body={t("documents.notFoundBody", { id: documentId })}
        backTo="/documents"
        backLabel={t("documents.backToList")}
      />
    );
  }
  return (
    <QueryState query={detail} waitFor={[organisation, vendors]} minHeight="30rem">
      {(doc) => <DocumentForm doc={doc} />}
    </QueryState>
  );
};

const useIssuerOptions = (): TOption[] => {
  const { tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const vendors = useQuery(referenceQueries.vendors());
  return [
    ...(organisation.data ? [{ value: organisation.data.id, label: tx(organisation.data.name) }] : []),
    ...(vendors.data?.items ?? []).map((v) => ({ value: v.id, label: tx(v.name) })),
  ];
};

const DocumentForm = ({ doc }: { doc: TSourceDocument | null }) => {
  const { t, tx } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const create = useMutation(documentMutations.create());
  const update = useMutation(documentMutations.update());
  const release = useRef<() => void>(() => {});
  const form = useRecordForm({
    initial: () => (doc ? valuesFromDocument(doc) : emptyDocument()),
    toBody: toDocumentBody,
    endpoint: doc
      ? endpoint(ZDocumentUpdate, (body) => update.mutateAsync({ documentId: doc.id, body }))
      : endpoint(ZDocumentDraft, (body) => create.mutateAsync(body)),
    onSuccess: (saved) => {
      release.current();
      navigate(`/documents/${saved.id}`, { state: { saved: true } });
    },
    words: documentWords,
  });
  const { control } = form;
  release.current = useLeaveGuard(form.dirty && !form.pending, t("records.leaveConfirm"));
  const kinds = ZDocumentKind.options.map((k) => ({
    value: k,
    label: t(`domain.documentKind.${k}`),
  }));
  const issuers = useIssuerOptions();
  const conflictFields = useConflictFields(issuers);
  const backTo = doc ? `/documents/${doc.id}` : "/documents";
  const title = doc
    ? t("records.documentEditTitle", { label: tx(doc.label) })
    : t("records.documentNewTitle");
  return (
    <article className="record-editor">
      <BackLink to={backTo} label={doc ? t("records.backToDocument") : t("documents.backToList")} />
      <PageHeader
        title={title}
        lead={
          <>
            {doc ? <p className="record-editor-subject">{tx(doc.title)}</p> : null}
            <p>{t("records.formLead")}</p>
            {doc ? <p>{t("records.formVersion", { version: doc.version })}</p> : null}
          </>
        }
      />
      <div className="record-editor-main">
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(c) => valuesFromDocument(c as TSourceDocument)}
        />
        <RecordForm form={form} className="record-form" aria-label={title}>
          <section className="panel record-form-section" aria-labelledby={`${id}-about`}>
            <h2 id={`${id}-about`}>{t("documents.metaTitle")}</h2>
            <BilingualTextField
              control={control}
              name="label"
              legend={t("records.fLabel")}
              hint={t("records.fLabelHint")}
            />
            <BilingualTextField control={control} name="title" legend={t("records.fDocTitle")} />
            <SelectField
              control={control}
              name="kind"
              label={t("records.fDocKind")}
              required
              options={kinds}
            />
            <MultiSelectField
              control={control}
              name="issuerIds"
              legend={t("records.fIssuers")}
              hint={t("records.fIssuersHint")}
              options={issuers}
            />
            <BilingualTextField
              control={control}
              name="publisher"
              legend={t("records.fPublisher")}
              required={false}
            />
            <DateField
              control={control}
              name="date"
              label={t("records.fDocDate")}
              hint={t("records.fDocDateHint")}
              partial
              nullable
            />
            <TextField
              control={control}
              name="url"
              nullable
              label={t("records.fUrl")}
              hint={t("records.fUrlHint")}
              placeholder="https://"
              spellCheck={false}
              autoCapitalize="none"
            />
            <CheckField
              control={control}
              name="outsideRecord"
              label={t("records.fDocOutsideRecord")}
              hint={t("records.fDocOutsideRecordHint")}
            />
          </section>
          <section className="panel record-form-section" aria-labelledby={`${id}-statements`}>
            <h2 id={`${id}-statements`}>{t("documents.statementsTitle")}</h2>
            <ItemList
              control={control}
              name="statements"
              title={t("records.statementsTitle")}
              hint={t("records.statementsHint")}
              itemName={(i) => t("records.statementItem", { n: i + 1 })}
              addLabel={t("records.statementAdd")}
              empty={t("records.noneYet")}
              newItem={emptyText}
              max={200}
              summary={(text) => (text.ja || text.en ? tx(text) : "")}
            >
              {(at) => (
                <BilingualTextField
                  control={control}
                  name={at}
                  legend={t("records.sourcedTextLabel")}
                  multiline
                  rows={3}
                />
              )}
            </ItemList>
          </section>
          <div className="record-form-footer">
            <FormActions
              submitLabel={doc ? t("records.save") : t("records.create")}
              onCancel={() => navigate(backTo)}
            />
          </div>
        </RecordForm>
      </div>
    </article>
  );
};

const isText = (v: unknown): v is TText =>
  v !== null && typeof v === "object" && typeof (v as { ja?: unknown }).ja === "string";

const useConflictFields = (issuers: TOption[]): TConflictField<TDocumentValues>[] => {
  const { t, tx } = useI18n();
  const issuerName = (v: unknown) => issuers.find((o) => o.value === v)?.label ?? String(v);
  const list = (render: (item: unknown) => ReactNode) => (v: unknown) =>
    Array.isArray(v) && v.length > 0 ? (
      <ul className="conflict-list">
        {v.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of one version's list
          <li key={i}>{render(item)}</li>
        ))}
      </ul>
    ) : (
      <ConflictValue value={null} />
    );
  return [
    { path: "label", label: t("records.fLabel") },
    { path: "title", label: t("records.fDocTitle") },
    {
      path: "kind",
      label: t("records.fDocKind"),
      render: (v) =>
        enumLabel(t, ZDocumentKind.options, (k) => `domain.documentKind.${k}`)(v) ?? (
          <ConflictValue value={v} />
        ),
    },
    { path: "issuerIds", label: t("records.fIssuers"), render: list(issuerName) },
    { path: "publisher", label: t("records.fPublisher") },
    { path: "date", label: t("records.fDocDate") },
    { path: "url", label: t("records.fUrl") },
    { path: "outsideRecord", label: t("records.fDocOutsideRecord") },
    {
      path: "statements",
      label: t("records.statementsTitle"),
      render: list((s) => (isText(s) ? tx(s) : "")),
    },
  ];
};
