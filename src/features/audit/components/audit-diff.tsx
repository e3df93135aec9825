import { useI18n } from "@/i18n/i18n";
import { changedFields, fieldLabel, needsFullView, valueWords } from "@/lib/audit-text";
import type { TAuditEntry } from "@/shared/schemas/audit";

/**
 * One entry's before and after, changed fields only: simple values in words (as the pages show them),
 * structures (timelines, agenda items) as the JSON that was stored, so nothing is hidden from an auditor.
 */
export const AuditDiff = ({ entry }: { entry: TAuditEntry }) => {
  const i18n = useI18n();
  const { t } = i18n;
  const changes = changedFields(entry);
  if (changes.length === 0) return <p className="audit-diff-none">{t("audit.noFieldChanges")}</p>;
  const cell = (field: string, value: unknown) =>
    needsFullView(i18n, entry.entityType, field, value) ? (
      <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>
    ) : (
      valueWords(i18n, entry.entityType, field, value)
    );
  return (
    <table className="audit-diff">
      <caption>{t("audit.diffCaption", { seq: entry.seq })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("audit.diffField")}</th>
          <th scope="col">{t("audit.diffBefore")}</th>
          <th scope="col">{t("audit.diffAfter")}</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.field}>
            <th scope="row">{fieldLabel(i18n, c.field)}</th>
            <td className="audit-diff-before">{cell(c.field, c.before)}</td>
            <td className="audit-diff-after">{cell(c.field, c.after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
