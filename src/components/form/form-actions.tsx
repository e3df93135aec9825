import { useI18n } from "@/i18n/i18n";
import { useFormKit } from "./form-kit-context";

type TProps = {
  submitLabel: string;
  onCancel?: () => void;
  cancelLabel?: string;
};

/** Submit (disabled and saying so while the write is in flight) and cancel. */
export const FormActions = ({ submitLabel, onCancel, cancelLabel }: TProps) => {
  const { t } = useI18n();
  const form = useFormKit();
  return (
    <div className="form-actions">
      <button type="submit" className="button" disabled={form.pending} aria-busy={form.pending || undefined}>
        {form.pending ? t("editing.saving") : submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={form.pending}>
          {cancelLabel ?? t("editing.cancel")}
        </button>
      ) : null}
    </div>
  );
};
