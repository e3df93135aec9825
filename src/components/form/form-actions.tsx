import { useI18n } from "@/i18n/i18n";
import { useFormKit } from "./form-kit-context";

type TProps = {
  submitLabel: string;
  /** What the submit button says while the write is in flight ("保存しています…" by default). */
  pendingLabel?: string;
  onCancel?: () => void;
  cancelLabel?: string;
};

/** Submit (disabled and saying so while the write is in flight) and cancel. */
export const FormActions = ({ submitLabel, pendingLabel, onCancel, cancelLabel }: TProps) => {
  const { t } = useI18n();
  const form = useFormKit();
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={form.pending} aria-busy={form.pending || undefined}>
        {form.pending ? (pendingLabel ?? t("editing.saving")) : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={form.pending}>
          {cancelLabel ?? t("editing.cancel")}
        </button>
      ) : null}
    </div>
  );
};
