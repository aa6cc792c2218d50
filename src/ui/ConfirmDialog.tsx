import { type ReactNode, useEffect, useId, useRef } from 'react';

/** A modal question built on <dialog>, so focus and Escape behave as the browser intends. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** null: a dialog with one button. */
  cancelLabel?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  danger?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    }
    if (!props.open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <h2 id={titleId}>{props.title}</h2>
      {props.children}
      <div className="row end">
        {props.cancelLabel !== null && (
          <button type="button" onClick={props.onCancel}>
            {props.cancelLabel ?? 'Cancel'}
          </button>
        )}
        <button
          type="button"
          className={props.danger ? 'danger' : 'primary'}
          onClick={props.onConfirm}
          autoFocus
        >
          {props.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
