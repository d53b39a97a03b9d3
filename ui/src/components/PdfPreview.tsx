import { useEffect, useRef, useState, type ReactNode } from 'react';
import { plural } from '../lib/labels';
import { openPdf } from '../lib/pdf';
import { Spinner } from './Spinner';

/** Pages rendered in the preview; the rest are read after export. */
export const PDF_PREVIEW_PAGES = 3;
const TARGET_WIDTH = 560;

type State = { kind: 'loading' } | { kind: 'ok'; pages: number; shown: number } | { kind: 'error' };

interface PdfPreviewProps {
  /** The exhibit's bytes (`vexhibit:` URL). */
  url: string;
  /** File name, for the canvases' accessible names. */
  name: string;
  /** Shown when pdf.js cannot render the file (the Export button). */
  fallback: ReactNode;
  /** After "The first N of M pages.": where to read the rest. */
  restHint?: string;
  /** When pdf.js cannot render the file. */
  failText?: string;
}

/**
 * The first pages of a PDF, drawn by pdf.js on canvases. pdf.js is loaded
 * only when a PDF is shown; its worker is bundled (no CDN, no eval: the
 * CSP allows neither). The bytes are fetched here and handed over whole.
 */
export function PdfPreview({
  url,
  name,
  fallback,
  restHint = 'Export the original to read the rest.',
  failText = 'This PDF could not be shown here. Export the original to read it in another program.',
}: PdfPreviewProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const pagesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    let destroy: (() => void) | null = null;
    setState({ kind: 'loading' });
    (async () => {
      try {
        const opened = await openPdf(url, () => live);
        if (!opened) return;
        destroy = opened.destroy;
        if (!live) {
          opened.destroy();
          return;
        }
        const doc = opened.doc;
        const holder = pagesRef.current;
        if (!holder) return;
        holder.replaceChildren();
        const shown = Math.min(doc.numPages, PDF_PREVIEW_PAGES);
        for (let n = 1; n <= shown; n++) {
          const page = await doc.getPage(n);
          if (!live) return;
          const base = page.getViewport({ scale: 1 });
          const scale = TARGET_WIDTH / base.width;
          const ratio = typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 1;
          const viewport = page.getViewport({ scale: scale * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-page';
          canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `Page ${n} of ${name}`);
          const ctx = canvas.getContext('2d');
          if (!ctx) throw new Error('no canvas');
          holder.appendChild(canvas);
          await page.render({ canvasContext: ctx, viewport }).promise;
        }
        if (live) setState({ kind: 'ok', pages: doc.numPages, shown });
      } catch {
        if (live) setState({ kind: 'error' });
      }
    })();
    return () => {
      live = false;
      destroy?.();
    };
  }, [url, name]);

  return (
    <div className="pdf-preview">
      {state.kind === 'loading' ? (
        <p className="pane-note" role="status">
          <Spinner /> Rendering the PDF…
        </p>
      ) : null}
      {state.kind === 'error' ? (
        <div className="preview-fallback" role="status">
          <p>{failText}</p>
          {fallback}
        </div>
      ) : null}
      {state.kind === 'ok' ? (
        <p className="hint block">
          {state.shown < state.pages
            ? `The first ${state.shown} of ${plural(state.pages, 'page')}. ${restHint}`
            : plural(state.pages, 'page')}
        </p>
      ) : null}
      <div className="pdf-pages" ref={pagesRef} hidden={state.kind === 'error'} />
    </div>
  );
}
