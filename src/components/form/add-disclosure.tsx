import { type ReactNode, useRef, useState } from "react";
import { useI18n } from "@/i18n/i18n";
import { useCanEdit } from "@/lib/edit-rights";

/**
 * "Add …" for editors: a button that opens a form below it; saving or cancelling closes it and gives the
 * focus back to the button, and a save says so. Viewers see nothing.
 */
export const AddDisclosure = ({
  label,
  className,
  buttonClassName = "button",
  children,
}: {
  label: string;
  className: string;
  buttonClassName?: string;
  /** The form, given what its save and cancel call. */
  children: (done: { onSaved: () => void; onCancel: () => void }) => ReactNode;
}) => {
  const { t } = useI18n();
  const canEdit = useCanEdit();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!canEdit) return null;
  const close = (didSave: boolean) => () => {
    setOpen(false);
    setSaved(didSave);
    button.current?.focus();
  };
  return (
    <div className={`${className} no-print`}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-expanded={open}
        onClick={() => {
          setSaved(false);
          setOpen((o) => !o);
        }}
      >
        {label}
      </button>
      {saved ? (
        <p className="form-success" role="status">
          {t("editing.saved")}
        </p>
      ) : null}
      {open ? children({ onSaved: close(true), onCancel: close(false) }) : null}
    </div>
  );
};
