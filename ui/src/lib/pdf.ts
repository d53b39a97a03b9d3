// pdf.js loaded on demand, with its worker bundled (no CDN, no eval: the CSP
// allows neither). The bytes are fetched from the `vexhibit:` scheme (served
// from memory) and handed over whole.

export type PdfDocument = import('pdfjs-dist').PDFDocumentProxy;

/** Opens the PDF at `url`; `isLive` false stops before the work is done. */
export async function openPdf(url: string, isLive: () => boolean): Promise<{ doc: PdfDocument; destroy(): void } | null> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url'),
  ]);
  pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the PDF answered ${res.status}`);
  const data = new Uint8Array(await res.arrayBuffer());
  if (!isLive()) return null;
  const task = pdfjs.getDocument({ data, isEvalSupported: false, enableXfa: false });
  const destroy = () => void task.destroy();
  const doc = await task.promise;
  return { doc, destroy };
}
