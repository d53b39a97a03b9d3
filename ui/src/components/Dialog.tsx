import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  /** Visible title; the dialog is labelled by it. */
  title: string;
  onClose(): void;
  children: ReactNode;
  /** id of the <dialog> element. */
  id?: string;
  /** Optional description element id for aria-describedby. */
  describedBy?: string;
  /** While true, Esc and the close button do nothing (an operation is running). */
  busy?: boolean;
  className?: string;
}

const FOCUSABLE =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * Modal dialog on the native <dialog> element: showModal() makes the rest of
 * the page inert (focus stays inside), Esc closes, and focus goes back to the
 * element that opened it. Render it conditionally: mounted = open.
 * Initial focus goes to the element marked `data-autofocus`, else the first
 * field in the body.
 */
export function Dialog({ title, onClose, children, id, describedBy, busy = false, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    const body = dialog.querySelector<HTMLElement>('.dialog-body');
    const target =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      body?.querySelector<HTMLElement>(FOCUSABLE) ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    target?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
      if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
    };
  }, []);

  useEffect(() => {
    // Keep Tab inside the dialog even where showModal() is unavailable.
    const dialog = ref.current;
    if (!dialog) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return;
      const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
        (el) => !el.closest('[hidden]'),
      );
      if (items.length === 0) return;
      const first = items[0]!;
      const last = items[items.length - 1]!;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    dialog.addEventListener('keydown', onKey);
    return () => dialog.removeEventListener('keydown', onKey);
  }, []);

  const requestClose = () => {
    if (!busyRef.current) onCloseRef.current();
  };

  return (
    <dialog
      ref={ref}
      id={id}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      aria-describedby={describedBy}
      aria-modal="true"
      onCancel={(e) => {
        e.preventDefault();
        requestClose();
      }}
      onClose={() => {
        // The browser may close a modal on its own (e.g. Esc pressed twice).
        const dialog = ref.current;
        if (!dialog) return;
        // The close event is asynchronous: a dialog closed and shown again
        // (React StrictMode re-runs the layout effect in development) is
        // open again by the time it arrives. That close is not the user's.
        if (dialog.open) return;
        if (busyRef.current) {
          if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
        } else {
          onCloseRef.current();
        }
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          requestClose();
        }
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close dialog"
          title="Close (Esc)"
          onClick={requestClose}
          disabled={busy}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
