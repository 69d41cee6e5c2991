// A native modal <dialog>: the browser traps focus, makes the rest of the page inert and closes it on Escape.
// It is mounted only while open, focuses the element marked `data-autofocus` (else the first focusable one),
// and gives focus back to whatever opened it when it goes away.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Escape and the close button are refused while something is being saved. */
  busy?: boolean;
}

export function ModalDialog({ title, onClose, children, busy = false }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Start where the person will type. React's autoFocus runs before the dialog is open, so it is marked instead.
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="modal-dialog card"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: React state decides whether the dialog exists, so the browser must not close it on its own.
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      <header className="modal-dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button-quiet" onClick={onClose} disabled={busy} aria-label="Close">
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
