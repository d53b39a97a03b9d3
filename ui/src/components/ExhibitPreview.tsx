import { useEffect, useState, type ReactNode } from 'react';
import { exhibitPreviewUrl, type AttachedFile } from '../ipc/commands';
import { formatBytes } from '../lib/format';
import { PdfPreview } from './PdfPreview';
import { Spinner } from './Spinner';

/** Bytes of a text file shown in the preview. */
export const TEXT_PREVIEW_BYTES = 200 * 1024;

interface ExhibitPreviewProps {
  number: string;
  exhibitId: string;
  file: AttachedFile;
  /** The "Export original…" button, offered where nothing can be shown. */
  exportButton: ReactNode;
}

/** The start of a text file, fetched from the preview protocol. */
function TextPreview({ url, size, fallback }: { url: string; size: number; fallback: ReactNode }) {
  const [text, setText] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setText(null);
    setFailed(false);
    (async () => {
      const read = async (range: boolean) => {
        const res = await fetch(url, range ? { headers: { Range: `bytes=0-${TEXT_PREVIEW_BYTES - 1}` } } : undefined);
        if (!res.ok) throw new Error(`preview answered ${res.status}`);
        return new Uint8Array(await res.arrayBuffer());
      };
      try {
        let bytes: Uint8Array;
        try {
          bytes = await read(size > TEXT_PREVIEW_BYTES);
        } catch (e) {
          if (size <= TEXT_PREVIEW_BYTES) throw e;
          bytes = await read(false);
        }
        const shown = bytes.subarray(0, TEXT_PREVIEW_BYTES);
        if (live) setText(new TextDecoder('utf-8', { fatal: false }).decode(shown));
      } catch {
        if (live) setFailed(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [url, size]);

  if (failed) {
    return (
      <div className="preview-fallback" role="status">
        <p>The text could not be read for the preview. Export the original to open it.</p>
        {fallback}
      </div>
    );
  }
  if (text === null) {
    return (
      <p className="pane-note" role="status">
        <Spinner /> Loading the text…
      </p>
    );
  }
  return (
    <>
      {size > TEXT_PREVIEW_BYTES ? (
        <p className="hint block">
          The first {formatBytes(TEXT_PREVIEW_BYTES)} of {formatBytes(size)}. Export the original to read all of it.
        </p>
      ) : null}
      <pre className="text-preview" tabIndex={0} aria-label="Text of the file">
        {text}
      </pre>
    </>
  );
}

function MediaFailed({ what, fallback }: { what: string; fallback: ReactNode }) {
  return (
    <div className="preview-fallback" role="status">
      <p>This {what} could not be played or shown here. Export the original to open it in another program.</p>
      {fallback}
    </div>
  );
}

/**
 * The exhibit's file as this app can show it: image, audio or video player,
 * the start of a text, the first pages of a PDF, or why there is no preview.
 * The bytes come from the `vexhibit:` protocol, from memory, never a temp file.
 */
export function ExhibitPreview({ number, exhibitId, file, exportButton }: ExhibitPreviewProps) {
  const url = exhibitPreviewUrl(number, exhibitId);
  const [failed, setFailed] = useState(false);
  useEffect(() => setFailed(false), [url]);

  let body: ReactNode;
  switch (file.preview) {
    case 'image':
      body = failed ? (
        <MediaFailed what="image" fallback={exportButton} />
      ) : (
        <img className="image-preview" src={url} alt={`Preview of ${file.name}`} onError={() => setFailed(true)} />
      );
      break;
    case 'audio':
      body = failed ? (
        <MediaFailed what="recording" fallback={exportButton} />
      ) : (
        <audio className="audio-preview" controls preload="metadata" src={url} aria-label={`Play ${file.name}`} onError={() => setFailed(true)}>
          Your system cannot play this recording here.
        </audio>
      );
      break;
    case 'video':
      body = failed ? (
        <MediaFailed what="video" fallback={exportButton} />
      ) : (
        <video className="video-preview" controls preload="metadata" src={url} aria-label={`Play ${file.name}`} onError={() => setFailed(true)}>
          Your system cannot play this video here.
        </video>
      );
      break;
    case 'text':
      body = <TextPreview url={url} size={file.size} fallback={exportButton} />;
      break;
    case 'pdf':
      body = <PdfPreview url={url} name={file.name} fallback={exportButton} />;
      break;
    default:
      body = (
        <div className="preview-fallback">
          <p>{file.previewNote || 'Vigil cannot show this kind of file.'} Export the original to open it in another program.</p>
          {exportButton}
        </div>
      );
  }

  return (
    <div className={`exhibit-preview preview-${file.preview}`} data-testid="exhibit-preview" data-preview={file.preview}>
      {body}
    </div>
  );
}
