import { useMutation, useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useRef } from "react";
import { useNavigate } from "react-router";
import { BackLink } from "@/components/back-link";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { ConflictPanel, ConflictValue, type TConflictField } from "@/components/form/conflict-panel";
import { DateField } from "@/components/form/date-field";
import { FormActions } from "@/components/form/form-actions";
import { ItemList } from "@/components/form/item-list";
import { RecordForm } from "@/components/form/record-form";
import { MultiSelectField, RadioField, SelectField, type TOption } from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import { endpoint, useRecordForm } from "@/components/form/use-record-form";
import { NotFoundSection } from "@/components/not-found-section";
import { PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { message, useI18n } from "@/i18n/i18n";
import type { TErrorWords } from "@/lib/form-errors";
import { isNotFound } from "@/lib/not-found";
import { referenceQueries } from "@/lib/reference-queries";
import { useLeaveGuard } from "@/lib/use-leave-guard";
import { ZServiceDraft, ZServiceUpdate, ZVendorDraft, ZVendorUpdate } from "@/shared/schemas/edit";
import { type TService, ZServiceKind } from "@/shared/schemas/service";
import type { TVendor } from "@/shared/schemas/vendor";
import { vendorMutations, vendorQueries } from "../api/queries";
import "@/components/form/record-form.css";

/*
 * Vendors and the services they provide (an insurance scheme, a mailing job, a call centre, a system).
 * Each side lists the other; the server keeps both lists in step, so either form may add or remove a link
 * and the other record follows. A vendor may work for other vendors as their subcontractor (再委託先), at
 * any depth; the server refuses a chain that loops, and the form says which vendor closes the loop.
 */

type TText = { ja: string; en: string };
const emptyText = (): TText => ({ ja: "", en: "" });

export type TVendorValues = {
  version?: number;
  name: TText;
  shortName: TText;
  /** One of the organisation's vendor kinds; "" until chosen. */
  kindId: string;
  subcontractorOf: string[];
  serviceIds: string[];
};

export type TChangeValues = {
  effective: string;
  description: TText;
  source: { documentId: string; cites: string[] };
};

export type TServiceValues = {
  version?: number;
  name: TText;
  /** A service kind; "" until chosen. */
  kind: string;
  /** One of the organisation's populations; "" until chosen. */
  populationId: string;
  vendorIds: string[];
  changes: TChangeValues[];
};

/** A stored vendor (or the current one of a 409) as the form's values: what the page adds is dropped. */
export const valuesFromVendor = (vendor: TVendor & { regulatoryActions?: unknown }): TVendorValues => {
  const { id: _id, regulatoryActions: _r, ...rest } = vendor;
  return rest;
};

export const valuesFromService = (service: TService): TServiceValues => {
  const { id: _id, ...rest } = service;
  return rest;
};

const emptyChange = (): TChangeValues => ({
  effective: "",
  description: emptyText(),
  source: { documentId: "", cites: [] },
});

const useServiceOptions = (): TOption[] => {
  const { tx } = useI18n();
  const services = useQuery(referenceQueries.services());
  return (services.data?.items ?? []).map((p) => ({ value: p.id, label: tx(p.name) }));
};

const useVendorOptions = (): TOption[] => {
  const { tx } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  return (vendors.data?.items ?? []).map((v) => ({ value: v.id, label: tx(v.name) }));
};

/** The organisation's kinds of vendor and the populations it serves (its settings, not the catalog). */
const useOrganisationOptions = () => {
  const { t, tx } = useI18n();
  const organisation = useQuery(referenceQueries.organisation());
  const org = organisation.data;
  return {
    kinds: (org?.vendorKinds ?? []).map((k): TOption => ({ value: k.id, label: tx(k.name) })),
    populations: (org?.populations ?? []).map(
      (p): TOption => ({
        value: p.id,
        label: p.ofWhom ? t("vendors.populationOf", { name: tx(p.name), whom: tx(p.ofWhom) }) : tx(p.name),
      }),
    ),
  };
};

/** A list of ids as the names a reader knows, for the side-by-side view of a 409. */
const namesOf = (options: TOption[]) => (v: unknown) =>
  Array.isArray(v) && v.length > 0 ? (
    <ul className="conflict-list">
      {v.map((id) => (
        <li key={String(id)}>{options.find((o) => o.value === id)?.label ?? String(id)}</li>
      ))}
    </ul>
  ) : (
    <ConflictValue value={null} />
  );

/** The common frame of both forms: back link, title, the 409 panel, the form, save and cancel. */
const EditorFrame = ({
  backTo,
  backLabel,
  title,
  subject,
  version,
  conflict,
  form,
  submitLabel,
  onCancel,
}: {
  backTo: string;
  backLabel: string;
  title: string;
  subject: string | null;
  version: number | null;
  conflict: ReactNode;
  form: (footer: ReactNode) => ReactNode;
  submitLabel: string;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  return (
    <article className="record-editor">
      <BackLink to={backTo} label={backLabel} />
      <PageHeader
        title={title}
        lead={
          <>
            {subject ? <p className="record-editor-subject">{subject}</p> : null}
            <p>{t("records.formLead")}</p>
            {version !== null ? <p>{t("records.formVersion", { version })}</p> : null}
          </>
        }
      />
      <div className="record-editor-main">
        {conflict}
        {form(
          <div className="record-form-footer">
            <FormActions submitLabel={submitLabel} onCancel={onCancel} />
          </div>,
        )}
      </div>
    </article>
  );
};

// ---------------------------------------------------------------------------------------------------
// Vendors

/** /vendors/new and /vendors/:vendorId/edit — for editors (the route checks the role). */
export const VendorEditor = ({ vendorId }: { vendorId?: string }) => {
  const { t } = useI18n();
  const services = useQuery(referenceQueries.services());
  const vendors = useQuery(referenceQueries.vendors());
  const organisation = useQuery(referenceQueries.organisation());
  const detail = useQuery({ ...vendorQueries.detail(vendorId ?? ""), enabled: vendorId !== undefined });
  if (vendorId === undefined) {
    return (
      <QueryState query={organisation} waitFor={[services, vendors]} minHeight="24rem">
        {() => <VendorForm vendor={null} />}
      </QueryState>
    );
  }
  if (isNotFound(detail.error)) {
    return (
      <NotFoundSection
        title={t("vendors.notFoundTitle")}
        body={t("vendors.notFoundBody", { id: vendorId })}
        backTo="/vendors"
        backLabel={t("vendors.backToList")}
      />
    );
  }
  return (
    <QueryState query={detail} waitFor={[services, vendors, organisation]} minHeight="24rem">
      {(vendor) => <VendorForm vendor={vendor} />}
    </QueryState>
  );
};

const VendorForm = ({ vendor }: { vendor: TVendor | null }) => {
  const { t, tx } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const create = useMutation(vendorMutations.createVendor());
  const update = useMutation(vendorMutations.updateVendor());
  const release = useRef<() => void>(() => {});
  const services = useServiceOptions();
  // A vendor cannot work for itself; the others are offered by name, with their kind.
  const { kinds } = useOrganisationOptions();
  const allVendors = useQuery(referenceQueries.vendors()).data?.items ?? [];
  const contractors: TOption[] = allVendors
    .filter((v) => v.id !== vendor?.id)
    .map((v) => {
      const kind = kinds.find((k) => k.value === v.kindId)?.label;
      return { value: v.id, label: kind ? `${tx(v.name)}(${kind})` : tx(v.name) };
    });
  const vendorName = (vendorId: unknown) => {
    const v = allVendors.find((x) => x.id === vendorId);
    return v ? tx(v.name) : String(vendorId ?? "");
  };
  const words: TErrorWords = (error, path) =>
    path === "subcontractorOf" && error.code === "cycle"
      ? message("records.errSubcontractorCycle", { vendor: vendorName(error.params?.vendorId) })
      : undefined;
  const form = useRecordForm<TVendorValues, TVendor>({
    initial: () =>
      vendor
        ? valuesFromVendor(vendor)
        : { name: emptyText(), shortName: emptyText(), kindId: "", subcontractorOf: [], serviceIds: [] },
    endpoint: vendor
      ? endpoint(ZVendorUpdate, (body) => update.mutateAsync({ vendorId: vendor.id, body }))
      : endpoint(ZVendorDraft, (body) => create.mutateAsync(body)),
    onSuccess: (saved) => {
      release.current();
      navigate(`/vendors/${saved.id}`, { state: { saved: true } });
    },
    words,
  });
  const { control } = form;
  release.current = useLeaveGuard(form.dirty && !form.pending, t("records.leaveConfirm"));
  const conflictFields: TConflictField<TVendorValues>[] = [
    { path: "name", label: t("records.fVendorName") },
    { path: "shortName", label: t("records.fShortName") },
    {
      path: "kindId",
      label: t("records.fVendorKind"),
      render: (v) => {
        const kind = kinds.find((k) => k.value === v)?.label;
        return kind ?? <ConflictValue value={v} />;
      },
    },
    { path: "subcontractorOf", label: t("records.fSubcontractorOf"), render: namesOf(contractors) },
    { path: "serviceIds", label: t("records.fServices"), render: namesOf(services) },
  ];
  const backTo = vendor ? `/vendors/${vendor.id}` : "/vendors";
  const title = vendor
    ? t("records.vendorEditTitle", { name: tx(vendor.shortName) })
    : t("records.vendorNewTitle");
  return (
    <EditorFrame
      backTo={backTo}
      backLabel={vendor ? t("records.backToVendor") : t("vendors.backToList")}
      title={title}
      subject={vendor ? tx(vendor.name) : null}
      version={vendor?.version ?? null}
      conflict={
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(c) => valuesFromVendor(c as TVendor)}
        />
      }
      submitLabel={vendor ? t("records.save") : t("records.create")}
      onCancel={() => navigate(backTo)}
      form={(footer) => (
        <RecordForm form={form} className="record-form" aria-label={title}>
          <section className="panel record-form-section" aria-labelledby={`${id}-basic`}>
            <h2 id={`${id}-basic`}>{t("records.secBasic")}</h2>
            <BilingualTextField control={control} name="name" legend={t("records.fVendorName")} />
            <BilingualTextField control={control} name="shortName" legend={t("records.fShortName")} />
            <RadioField
              control={control}
              name="kindId"
              legend={t("records.fVendorKind")}
              hint={t("records.fVendorKindHint")}
              required
              options={kinds}
            />
            <MultiSelectField
              control={control}
              name="subcontractorOf"
              legend={t("records.fSubcontractorOf")}
              hint={t("records.fSubcontractorOfHint")}
              options={contractors}
            />
            <MultiSelectField
              control={control}
              name="serviceIds"
              legend={t("records.fServices")}
              hint={t("records.fServicesHint")}
              options={services}
            />
          </section>
          {footer}
        </RecordForm>
      )}
    />
  );
};

// ---------------------------------------------------------------------------------------------------
// Services

/** /services/new (optionally for a vendor) and /services/:serviceId/edit — for editors. */
export const ServiceEditor = ({ serviceId, forVendor }: { serviceId?: string; forVendor?: string }) => {
  const { t } = useI18n();
  const vendors = useQuery(referenceQueries.vendors());
  const documents = useQuery(referenceQueries.documents());
  const organisation = useQuery(referenceQueries.organisation());
  const detail = useQuery({ ...vendorQueries.service(serviceId ?? ""), enabled: serviceId !== undefined });
  if (serviceId === undefined) {
    return (
      <QueryState query={vendors} waitFor={[documents, organisation]} minHeight="24rem">
        {(list) => (
          <ServiceForm
            service={null}
            forVendor={list.items.some((v) => v.id === forVendor) ? (forVendor ?? null) : null}
          />
        )}
      </QueryState>
    );
  }
  if (isNotFound(detail.error)) {
    return (
      <NotFoundSection
        title={t("records.serviceNotFoundTitle")}
        body={t("records.serviceNotFoundBody", { id: serviceId })}
        backTo="/vendors"
        backLabel={t("vendors.backToList")}
      />
    );
  }
  return (
    <QueryState query={detail} waitFor={[vendors, documents, organisation]} minHeight="24rem">
      {(service) => <ServiceForm service={service} forVendor={null} />}
    </QueryState>
  );
};

const ServiceForm = ({ service, forVendor }: { service: TService | null; forVendor: string | null }) => {
  const { t, tx, f } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const create = useMutation(vendorMutations.createService());
  const update = useMutation(vendorMutations.updateService());
  const release = useRef<() => void>(() => {});
  const { populations } = useOrganisationOptions();
  // Back to the vendor page the user came from (or the service's first vendor), where services are listed.
  const home = forVendor ?? service?.vendorIds[0] ?? null;
  const backTo = home ? `/vendors/${home}` : "/vendors";
  const form = useRecordForm<TServiceValues, TService>({
    initial: () =>
      service
        ? valuesFromService(service)
        : {
            name: emptyText(),
            kind: "",
            // With one population there is nothing to choose; with several the secretariat picks.
            populationId: populations.length === 1 ? (populations[0]?.value ?? "") : "",
            vendorIds: forVendor ? [forVendor] : [],
            changes: [],
          },
    endpoint: service
      ? endpoint(ZServiceUpdate, (body) => update.mutateAsync({ serviceId: service.id, body }))
      : endpoint(ZServiceDraft, (body) => create.mutateAsync(body)),
    onSuccess: (saved) => {
      release.current();
      const to = home && saved.vendorIds.includes(home) ? home : saved.vendorIds[0];
      navigate(to ? `/vendors/${to}` : "/vendors", { state: { saved: true } });
    },
  });
  const { control } = form;
  release.current = useLeaveGuard(form.dirty && !form.pending, t("records.leaveConfirm"));
  const vendors = useVendorOptions();
  const kinds: TOption[] = ZServiceKind.options.map((k) => ({
    value: k,
    label: t(`domain.serviceKind.${k}`),
  }));
  const conflictFields: TConflictField<TServiceValues>[] = [
    { path: "name", label: t("records.fServiceName") },
    {
      path: "kind",
      label: t("records.fServiceKind"),
      render: (v) => kinds.find((k) => k.value === v)?.label ?? <ConflictValue value={v} />,
    },
    {
      path: "populationId",
      label: t("records.fServicePopulation"),
      render: (v) => populations.find((p) => p.value === v)?.label ?? <ConflictValue value={v} />,
    },
    { path: "vendorIds", label: t("records.fServiceVendors"), render: namesOf(vendors) },
    {
      path: "changes",
      label: t("records.changesTitle"),
      render: (v) =>
        Array.isArray(v) && v.length > 0 ? (
          <ul className="conflict-list">
            {(v as TChangeValues[]).map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of one version's list
              <li key={i}>
                {f.date(c.effective)} {tx(c.description)}
              </li>
            ))}
          </ul>
        ) : (
          <ConflictValue value={null} />
        ),
    },
  ];
  const title = service
    ? t("records.serviceEditTitle", { name: tx(service.name) })
    : t("records.serviceNewTitle");
  return (
    <EditorFrame
      backTo={backTo}
      backLabel={home ? t("records.backToVendor") : t("vendors.backToList")}
      title={title}
      subject={null}
      version={service?.version ?? null}
      conflict={
        <ConflictPanel
          form={form}
          fields={conflictFields}
          valuesFrom={(c) => valuesFromService(c as TService)}
        />
      }
      submitLabel={service ? t("records.save") : t("records.create")}
      onCancel={() => navigate(backTo)}
      form={(footer) => (
        <RecordForm form={form} className="record-form" aria-label={title}>
          <section className="panel record-form-section" aria-labelledby={`${id}-basic`}>
            <h2 id={`${id}-basic`}>{t("records.secBasic")}</h2>
            <BilingualTextField control={control} name="name" legend={t("records.fServiceName")} />
            <RadioField
              control={control}
              name="kind"
              legend={t("records.fServiceKind")}
              required
              options={kinds}
            />
            <SelectField
              control={control}
              name="populationId"
              label={t("records.fServicePopulation")}
              hint={t("records.fServicePopulationHint")}
              required
              options={populations}
            />
            <MultiSelectField
              control={control}
              name="vendorIds"
              legend={t("records.fServiceVendors")}
              hint={t("records.fServiceVendorsHint")}
              options={vendors}
            />
          </section>
          <section className="panel record-form-section" aria-labelledby={`${id}-changes`}>
            <h2 id={`${id}-changes`}>{t("records.secChanges")}</h2>
            <ItemList
              control={control}
              name="changes"
              title={t("records.changesTitle")}
              hint={t("records.changesHint")}
              itemName={(i) => t("records.changeItem", { n: i + 1 })}
              addLabel={t("records.changeAdd")}
              empty={t("records.noneYet")}
              newItem={emptyChange}
              summary={(c) => {
                const when = /^\d{4}-\d{2}(-\d{2})?$/.test(c.effective) ? f.date(c.effective) : c.effective;
                return [when, c.description.ja || c.description.en ? tx(c.description) : ""]
                  .filter(Boolean)
                  .join(" ");
              }}
            >
              {(at) => (
                <>
                  <DateField
                    control={control}
                    name={`${at}.effective`}
                    label={t("records.fEffective")}
                    required
                    partial
                  />
                  <BilingualTextField
                    control={control}
                    name={`${at}.description`}
                    legend={t("records.fDescription")}
                    multiline
                    rows={2}
                  />
                  <SourceRefField control={control} name={`${at}.source`} legend={t("records.sourceLabel")} />
                </>
              )}
            </ItemList>
          </section>
          {footer}
        </RecordForm>
      )}
    />
  );
};
