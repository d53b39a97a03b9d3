import { useEffect, useRef, useState } from 'react';
import { plural } from '../lib/labels';
import { openPdf } from '../lib/pdf';
import { Spinner } from './Spinner';

/** A bookmark of the packet: its title and the page it opens. */
export interface PacketBookmark {
  title: string;
  page: number;
}

type State = { kind: 'loading' } | { kind: 'ok'; pages: number } | { kind: 'error' };

interface PacketViewerProps {
  /** The packet's bytes (`vexhibit:` URL, served from memory). */
  url: string;
  /** File name, for the pages' accessible names. */
  name: string;
  /** The bookmarks and page count once read. */
  onLoaded?(bookmarks: PacketBookmark[], pages: number): void;
  /** The page most in view changed. */
  onPageInView?(page: number): void;
}

const PAGE_WIDTH = 640;

/**
 * The whole packet, drawn by pdf.js from memory (no plaintext copy on disk),
 * with its bookmarks as a side list. Pages are drawn as they scroll into
 * view, so a long packet opens at once and holds only what was seen.
 */
export function PacketViewer({ url, name, onLoaded, onPageInView }: PacketViewerProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [bookmarks, setBookmarks] = useState<PacketBookmark[]>([]);
  const [current, setCurrent] = useState(1);
  const pagesRef = useRef<HTMLDivElement>(null);
  const loadedRef = useRef(onLoaded);
  loadedRef.current = onLoaded;
  const inViewRef = useRef(onPageInView);
  inViewRef.current = onPageInView;

  useEffect(() => {
    let live = true;
    let destroy: (() => void) | null = null;
    let observer: IntersectionObserver | null = null;
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
        // Bookmarks: each outline entry's destination resolved to a page number.
        const marks: PacketBookmark[] = [];
        const outline = (await doc.getOutline()) ?? [];
        for (const item of outline) {
          try {
            const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest;
            const ref = Array.isArray(dest) ? dest[0] : null;
            const index = ref && typeof ref === 'object' ? await doc.getPageIndex(ref) : typeof ref === 'number' ? ref : null;
            if (index !== null) marks.push({ title: item.title, page: index + 1 });
          } catch {
            /* an entry that does not resolve is left out */
          }
        }
        if (!live) return;
        setBookmarks(marks);
        const holder = pagesRef.current;
        if (!holder) return;
        holder.replaceChildren();
        const first = await doc.getPage(1);
        const base = first.getViewport({ scale: 1 });
        const scale = PAGE_WIDTH / base.width;
        const ratio = typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 1;
        const drawn = new Set<number>();
        const draw = async (n: number, slot: HTMLElement) => {
          if (drawn.has(n)) return;
          drawn.add(n);
          const page = await doc.getPage(n);
          if (!live) return;
          const viewport = page.getViewport({ scale: scale * ratio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.className = 'pdf-page';
          canvas.style.width = `${PAGE_WIDTH}px`;
          const ctx = canvas.getContext('2d');
          if (!ctx) return;
          slot.replaceChildren(canvas);
          await page.render({ canvasContext: ctx, viewport }).promise;
          slot.dataset.drawn = 'true';
        };
        const visible = new Map<number, number>();
        observer =
          typeof IntersectionObserver === 'undefined'
            ? null
            : new IntersectionObserver(
                (entries) => {
                  for (const e of entries) {
                    const n = Number((e.target as HTMLElement).dataset.page);
                    if (e.isIntersecting) {
                      visible.set(n, e.intersectionRatio);
                      void draw(n, e.target as HTMLElement);
                    } else visible.delete(n);
                  }
                  let best = 0;
                  let bestRatio = -1;
                  for (const [n, r] of visible) {
                    if (r > bestRatio) {
                      best = n;
                      bestRatio = r;
                    }
                  }
                  if (best > 0) {
                    setCurrent(best);
                    inViewRef.current?.(best);
                  }
                },
                { root: holder, rootMargin: '400px 0px', threshold: [0, 0.25, 0.5, 0.75, 1] },
              );
        for (let n = 1; n <= doc.numPages; n++) {
          const slot = document.createElement('div');
          slot.className = 'pdf-slot';
          slot.dataset.page = String(n);
          slot.id = `packet-page-${n}`;
          slot.setAttribute('role', 'img');
          slot.setAttribute('aria-label', `Page ${n} of ${doc.numPages}, ${name}`);
          slot.style.width = `${PAGE_WIDTH}px`;
          slot.style.height = `${Math.floor(base.height * scale)}px`;
          holder.appendChild(slot);
          if (observer) observer.observe(slot);
          else if (n <= 2) void draw(n, slot);
        }
        setState({ kind: 'ok', pages: doc.numPages });
        loadedRef.current?.(marks, doc.numPages);
      } catch {
        if (live) setState({ kind: 'error' });
      }
    })();
    return () => {
      live = false;
      observer?.disconnect();
      destroy?.();
    };
  }, [url, name]);

  const goTo = (page: number) => {
    const slot = pagesRef.current?.querySelector<HTMLElement>(`[data-page="${page}"]`);
    if (slot && pagesRef.current) pagesRef.current.scrollTop = slot.offsetTop - pagesRef.current.offsetTop;
  };

  return (
    <div className="packet-viewer">
      <nav className="packet-bookmarks" aria-label="Packet bookmarks">
        <h3 className="panel-title">Bookmarks</h3>
        {state.kind === 'ok' && bookmarks.length === 0 ? <p className="muted">This packet has no bookmarks.</p> : null}
        <ul className="plain-list" id="packet-bookmarks">
          {bookmarks.map((b) => (
            <li key={`${b.title}-${b.page}`}>
              <button type="button" className="link-button" data-page={b.page} onClick={() => goTo(b.page)}>
                {b.title} <span className="muted">p. {b.page}</span>
              </button>
            </li>
          ))}
        </ul>
        {state.kind === 'ok' ? (
          <p className="hint" id="packet-page-status" role="status">
            Page {current} of {plural(state.pages, 'page')}
          </p>
        ) : null}
      </nav>
      <div className="packet-pages-wrap">
        {state.kind === 'loading' ? (
          <p className="pane-note" role="status">
            <Spinner /> Drawing the packet…
          </p>
        ) : null}
        {state.kind === 'error' ? (
          <p className="form-error" role="alert">
            The packet could not be drawn here. Its checks above still stand; open it in another PDF reader to read it.
          </p>
        ) : null}
        <div className="packet-pages" id="packet-pages" ref={pagesRef} tabIndex={0} aria-label="Packet pages" />
      </div>
    </div>
  );
}
