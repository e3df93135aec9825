import { useQuery } from "@tanstack/react-query";
import { type Control, useController, useWatch } from "react-hook-form";
import { BilingualTextField } from "@/components/form/bilingual-text-field";
import { CheckField } from "@/components/form/check-field";
import { DateField } from "@/components/form/date-field";
import { FieldGroup } from "@/components/form/field-shell";
import { FigureField } from "@/components/form/figure-field";
import { useFieldError } from "@/components/form/form-kit-context";
import { ItemList } from "@/components/form/item-list";
import {
  MultiSelectField,
  RadioField,
  SelectField,
  SelectInput,
  type TOption,
} from "@/components/form/select-field";
import { SourceRefField } from "@/components/form/source-ref-field";
import type { TRecordForm } from "@/components/form/use-record-form";
import { useI18n } from "@/i18n/i18n";
import type { TPlainKey } from "@/i18n/message-types";
import { referenceQueries } from "@/lib/reference-queries";
import { ZDataRole, ZImpactScope, ZImpactUnit, ZMilestoneKind } from "@/shared/schemas/incident";
import { emptyImpact, emptyMilestone, emptySourcedText, type TIncidentValues } from "./incident-form-model";
import { isVendorNotice } from "./incident-model";
import { useOrganisationWords } from "./use-organisation-words";

/*
 * The incident form's lists and composite parts: the chain of vendors, who answers for it and whose data
 * it was; who and what was affected; the dated course of events.
 */

type TForm = TRecordForm<TIncidentValues>;
type TControl = Control<TIncidentValues>;

/** The most links a chain may have (the schema's limit). */
const MAX_CHAIN = 10;

const useEnumOptions = <V extends string>(values: readonly V[], key: (v: V) => TPlainKey): TOption[] => {
  const { t } = useI18n();
  return values.map((v) => ({ value: v, label: t(key(v)) }));
};

const useVendors = () => useQuery(referenceQueries.vendors()).data?.items ?? [];

/** A figure in a folded entry's summary line: the number, the source's words, 未報告 or 確認の結果なし. */
const useFigureText = () => {
  const { t, tx, f } = useI18n();
  return (figure: unknown, unit: string) => {
    const fig = figure as {
      status?: string;
      value?: number | null;
      label?: { ja: string; en: string };
    } | null;
    if (!fig?.status) return "";
    if (fig.status === "not_reported") return t("common.notReported");
    if (fig.status === "confirmed_none") return t("common.confirmedNone");
    if (fig.status === "approximate") return fig.label ? tx(fig.label) : "";
    if (typeof fig.value !== "number") return "";
    return unit === "records" ? f.records(fig.value) : f.people(fig.value);
  };
};

/**
 * The chain through which the organisation is exposed, in order: its own contractor, then each
 * subcontractor (再委託先) down to the vendor where it happened, which is last. Each link is its own select
 * (`chain.1`…), so the API's refusal of a link that does not follow the vendors' subcontracting lands next
 * to that link.
 */
export const ChainField = ({ form }: { form: TForm }) => {
  const { t, tx } = useI18n();
  const words = useOrganisationWords();
  const vendors = useVendors();
  const { field } = useController({ control: form.control, name: "chain" });
  const group = useFieldError("chain");
  const chain: string[] = Array.isArray(field.value) ? field.value : [];
  const name = (id: string) => {
    const v = vendors.find((x) => x.id === id);
    return v ? tx(v.name) : id;
  };
  const option = (v: (typeof vendors)[number]) => ({
    value: v.id,
    label: `${tx(v.name)}(${words.vendorKind(v)})`,
  });
  // The vendors recorded as working for the link above come first; any other can still be chosen (and is
  // refused with a reason, so the user knows to record the subcontracting on the vendor's page).
  const optionsFor = (i: number) => {
    const above = i === 0 ? null : (chain[i - 1] ?? "");
    const fits = (v: (typeof vendors)[number]) =>
      above === null ? v.subcontractorOf.length === 0 : v.subcontractorOf.includes(above);
    return [...vendors.filter(fits), ...vendors.filter((v) => !fits(v))].map(option);
  };
  const hintFor = (i: number) => {
    if (i === 0) return t("records.chainContractorHint");
    const above = chain[i - 1] ?? "";
    if (!above) return undefined;
    const subs = vendors.filter((v) => v.subcontractorOf.includes(above)).map((v) => tx(v.shortName));
    return subs.length > 0
      ? t("records.chainSubcontractorsOf", {
          vendor: name(above),
          names: subs.join(t("editing.listSeparator")),
        })
      : t("records.chainNoSubcontractors", { vendor: name(above) });
  };
  const set = (next: string[]) => {
    group.changed();
    field.onChange(next);
  };
  const last = chain.length - 1;
  return (
    <FieldGroup
      id={group.id}
      path="chain"
      legend={t("records.fChain")}
      hint={t("records.fChainHint")}
      error={group.error}
      required
      className="chain-editor"
    >
      <ol className="chain-editor-links">
        <li className="chain-editor-org">
          <span className="chain-role">{t("records.chainOrganisation")}</span>{" "}
          <span className="chain-name">{words.orgName}</span>
        </li>
        {chain.map((id, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a link is its position in the chain (its path is chain.i)
          <li key={i} className="chain-editor-link">
            <SelectInput
              path={`chain.${i}`}
              value={id}
              onChange={(value) => set(chain.map((x, j) => (j === i ? (value ?? "") : x)))}
              label={
                <>
                  {i === 0 ? t("records.chainContractor") : t("records.chainSubcontractor", { n: i })}
                  {i === last ? (
                    <span className="chain-mark">{t("records.chainWhereItHappened")}</span>
                  ) : null}
                </>
              }
              hint={hintFor(i)}
              required
              options={optionsFor(i)}
            />
            {chain.length > 1 ? (
              <button
                type="button"
                className="button button-secondary button-small"
                onClick={() => set(chain.filter((_x, j) => j !== i))}
              >
                {t("records.chainRemove", { n: i + 1 })}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {chain.length < MAX_CHAIN ? (
        <div className="chain-editor-foot">
          <button type="button" className="button button-secondary" onClick={() => set([...chain, ""])}>
            <span aria-hidden="true">+ </span>
            {t("records.chainAdd")}
          </button>
        </div>
      ) : null}
    </FieldGroup>
  );
};

/** Who answers for it (the chain's vendors and any other sharing the blame), and whose data it was. */
export const AnswerableFields = ({ form }: { form: TForm }) => {
  const { t, tx } = useI18n();
  const { control } = form;
  const words = useOrganisationWords();
  const vendors = useVendors();
  const roles = useEnumOptions(ZDataRole.options, (v) => `domain.dataRole.${v}`);
  const chain = useWatch({ control, name: "chain" });
  const answerable = useWatch({ control, name: "vendorIds" });
  const missing = chain.filter((id) => id !== "" && !answerable.includes(id));
  return (
    <>
      <MultiSelectField
        control={control}
        name="vendorIds"
        legend={t("records.fVendors")}
        hint={t("records.fVendorsHint")}
        options={vendors.map((v) => ({ value: v.id, label: `${tx(v.name)}(${words.vendorKind(v)})` }))}
      />
      {missing.length > 0 ? (
        <p className="record-form-suggest">
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() =>
              form.set(
                "vendorIds",
                vendors.map((v) => v.id).filter((id) => answerable.includes(id) || missing.includes(id)),
              )
            }
          >
            {t("records.fVendorsFromChain")}
          </button>
        </p>
      ) : null}
      <RadioField
        control={control}
        name="dataRole"
        legend={t("records.fDataRole")}
        hint={t("records.fDataRoleHint")}
        required
        options={roles}
      />
    </>
  );
};

/** The figure of one entry, in the entry's unit (名 or 件), with 確認の結果なし on offer. */
const ImpactCount = ({ control, at }: { control: TControl; at: `impact.${number}` }) => {
  const { t } = useI18n();
  const unit = useWatch({ control, name: `${at}.unit` });
  return (
    <FigureField
      control={control}
      name={`${at}.count`}
      legend={t("records.fImpactCount")}
      hint={t("records.fImpactCountHint")}
      unit={t(unit === "records" ? "domain.unit.records" : "domain.unit.people")}
      confirmedNone
    />
  );
};

/**
 * Who and what was affected: one entry per population, unit and service, the organisation's own or the
 * vendor's whole extent; and the kinds of data involved.
 */
export const ImpactFields = ({ control }: { control: TControl }) => {
  const { t, tx } = useI18n();
  const words = useOrganisationWords();
  const services = useQuery(referenceQueries.services()).data?.items ?? [];
  const documents = useQuery(referenceQueries.documents());
  const outside = new Set((documents.data?.items ?? []).filter((d) => d.outsideRecord).map((d) => d.id));
  const figureText = useFigureText();
  const scopes = useEnumOptions(ZImpactScope.options, (v) => `domain.impactScope.${v}`);
  const units = ZImpactUnit.options.map((u) => ({
    value: u,
    label: t(u === "records" ? "records.unitRecords" : "records.unitPeople"),
  }));
  const populations = words.populations.map((p) => ({ value: p.id, label: tx(p.name) }));
  const serviceOptions = services.map((s) => ({ value: s.id, label: tx(s.name) }));
  const serviceName = (id: string | null) =>
    id ? (serviceOptions.find((s) => s.value === id)?.label ?? id) : "";
  return (
    <>
      <ItemList
        control={control}
        name="impact"
        title={t("records.impactTitle")}
        hint={t("records.impactHint")}
        itemName={(i) => t("records.impactItem", { n: i + 1 })}
        addLabel={t("records.impactAdd")}
        empty={t("records.noneYet")}
        newItem={() => emptyImpact(words.populations[0]?.id ?? null)}
        max={100}
        summary={(e) => {
          const scope = scopes.find((s) => s.value === e.scope)?.label ?? "";
          const who = e.populationId ? words.population(e.populationId) : "";
          const text = figureText(e.count, e.unit);
          const mark = e.count?.source?.documentId && outside.has(e.count.source.documentId);
          const head = [scope, who, serviceName(e.serviceId)].filter(Boolean).join(" ・ ");
          return `${head}${text ? `: ${text}` : ""}${mark ? `(${t("common.outsideRecordShort")})` : ""}`;
        }}
      >
        {(at) => (
          <>
            <RadioField
              control={control}
              name={`${at}.scope`}
              legend={t("records.fImpactScope")}
              hint={t("records.fImpactScopeHint")}
              required
              options={scopes}
            />
            <div className="record-form-row">
              <RadioField
                control={control}
                name={`${at}.unit`}
                legend={t("records.fUnit")}
                required
                options={units}
              />
              <SelectField
                control={control}
                name={`${at}.populationId`}
                nullable
                label={t("records.fPopulation")}
                hint={t("records.fPopulationHint")}
                options={populations}
              />
              <SelectField
                control={control}
                name={`${at}.serviceId`}
                nullable
                label={t("records.fService")}
                hint={t("records.fServiceHint")}
                placeholder={t("records.fServiceAll")}
                options={serviceOptions}
              />
            </div>
            <ImpactCount control={control} at={at} />
            <BilingualTextField
              control={control}
              name={`${at}.note`}
              legend={t("records.fNote")}
              required={false}
              multiline
              rows={2}
            />
          </>
        )}
      </ItemList>
      <ItemList
        control={control}
        name="dataCategories"
        title={t("records.dataTitle")}
        itemName={(i) => t("records.dataItem", { n: i + 1 })}
        addLabel={t("records.dataAdd")}
        empty={t("records.noneYet")}
        newItem={emptySourcedText}
        summary={({ text }) => (text.ja || text.en ? tx(text) : "")}
      >
        {(at) => (
          <>
            <BilingualTextField control={control} name={`${at}.text`} legend={t("records.fDataText")} />
            <SourceRefField control={control} name={`${at}.source`} legend={t("records.sourceLabel")} />
          </>
        )}
      </ItemList>
    </>
  );
};

/** "It reached our people": offered only for a vendor's announcement or notice. */
const CoversField = ({ control, at }: { control: TControl; at: `milestones.${number}` }) => {
  const { t } = useI18n();
  const kind = useWatch({ control, name: `${at}.kind` });
  if (!isVendorNotice(kind)) return null;
  return (
    <CheckField
      control={control}
      name={`${at}.coversOurPeople`}
      label={t("records.fCoversOurPeople")}
      hint={t("records.fCoversOurPeopleHint")}
    />
  );
};

/** The dated course of events; a vendor's notice says whether it reached the organisation's people. */
export const MilestoneFields = ({ control }: { control: TControl }) => {
  const { t, f } = useI18n();
  const kinds = useEnumOptions(ZMilestoneKind.options, (v) => `domain.milestone.${v}`);
  // A milestone is outside the record when its source is: said in its summary as the pages say it.
  const documents = useQuery(referenceQueries.documents());
  const outside = new Set((documents.data?.items ?? []).filter((d) => d.outsideRecord).map((d) => d.id));
  const date = (d: string | null) => (d && /^\d{4}-\d{2}(-\d{2})?$/.test(d) ? f.date(d) : (d ?? ""));
  return (
    <ItemList
      control={control}
      name="milestones"
      title={t("records.milestonesTitle")}
      hint={t("records.milestonesHint")}
      itemName={(i) => t("records.milestoneItem", { n: i + 1 })}
      addLabel={t("records.milestoneAdd")}
      empty={t("records.noneYet")}
      newItem={emptyMilestone}
      max={100}
      summary={(m) => {
        const when = m.endDate ? `${date(m.date)}〜${date(m.endDate)}` : date(m.date);
        const kind = kinds.find((k) => k.value === m.kind)?.label ?? "";
        const mark = outside.has(m.source.documentId) ? `(${t("common.outsideRecordShort")})` : "";
        const covers = isVendorNotice(m.kind) && m.coversOurPeople ? ` ・ ${t("records.coversShort")}` : "";
        return `${[when, kind].filter(Boolean).join(" ")}${mark}${covers}`;
      }}
    >
      {(at) => (
        <>
          <div className="record-form-row">
            <SelectField
              control={control}
              name={`${at}.kind`}
              label={t("records.fKind")}
              required
              options={kinds}
            />
            <DateField
              control={control}
              name={`${at}.date`}
              label={t("records.fDate")}
              required
              partial
              hint=""
            />
            <DateField
              control={control}
              name={`${at}.endDate`}
              label={t("records.fEndDate")}
              partial
              nullable
              hint=""
            />
          </div>
          <CoversField control={control} at={at} />
          <BilingualTextField
            control={control}
            name={`${at}.note`}
            legend={t("records.fMilestoneNote")}
            required={false}
          />
          <SourceRefField
            control={control}
            name={`${at}.source`}
            legend={t("records.sourceLabel")}
            hint={t("records.milestoneOutsideHint")}
          />
        </>
      )}
    </ItemList>
  );
};
