//! `vexhibit:` — serves an attached file's bytes to the web view from memory
//! (never a plaintext temp file), with HTTP range support so audio and video
//! can seek. URL: `vexhibit://localhost/<case number>/<exhibit id>`, the
//! path percent-encoded as one segment or not (`http://vexhibit.localhost/…`
//! on Windows; the UI builds it with `convertFileSrc(path, "vexhibit")`).
//! Responses say `no-store`.

use crate::state::AppState;
use tauri::http::{header, Request, Response, StatusCode};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme's name.
pub const SCHEME: &str = "vexhibit";
/// Largest body sent for a request without a range (the preview of images,
/// PDFs and text); larger files are viewed after export.
pub const WHOLE_LIMIT: u64 = 64 * 1024 * 1024;
/// Largest body sent for one range request.
pub const RANGE_LIMIT: u64 = 4 * 1024 * 1024;

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).to_string()
}

/// `bytes=a-b`, `bytes=a-`, `bytes=-n` → (start, inclusive end).
pub fn parse_range(h: &str, size: u64) -> Option<(u64, u64)> {
    let spec = h.trim().strip_prefix("bytes=")?.split(',').next()?.trim();
    let (a, b) = spec.split_once('-')?;
    if size == 0 {
        return None;
    }
    let (start, end) = match (a.trim(), b.trim()) {
        ("", n) => {
            let n: u64 = n.parse().ok()?;
            (size.saturating_sub(n), size - 1)
        }
        (a, "") => (a.parse().ok()?, size - 1),
        (a, b) => (a.parse().ok()?, b.parse::<u64>().ok()?.min(size - 1)),
    };
    (start <= end && start < size).then_some((start, end))
}

fn respond(
    status: StatusCode,
    body: Vec<u8>,
    headers: &[(header::HeaderName, String)],
) -> Response<Vec<u8>> {
    let mut r = Response::builder()
        .status(status)
        .header(header::CACHE_CONTROL, "no-store")
        // The app's own origin fetches text and PDFs from this scheme; no
        // other origin can reach a custom protocol of this window.
        .header(header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")
        .header("X-Content-Type-Options", "nosniff");
    for (k, v) in headers {
        r = r.header(k, v);
    }
    r.body(body).unwrap_or_else(|_| Response::new(Vec::new()))
}

fn text(status: StatusCode, msg: &str) -> Response<Vec<u8>> {
    respond(
        status,
        msg.as_bytes().to_vec(),
        &[(header::CONTENT_TYPE, "text/plain; charset=utf-8".into())],
    )
}

/// Answers one request (also called by tests).
pub fn handle(state: &AppState, req: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    // `convertFileSrc` encodes the whole "<case>/<exhibit id>" as one
    // segment; exhibit ids never hold a slash, case numbers may.
    let path = percent_decode(req.uri().path().trim_start_matches('/'));
    if path == "packet-preview" {
        return match state.packet_preview() {
            Some(bytes) if state.is_unlocked() => respond(
                StatusCode::OK,
                bytes,
                &[(header::CONTENT_TYPE, "application/pdf".into())],
            ),
            _ => text(StatusCode::NOT_FOUND, "no packet preview"),
        };
    }
    if path == "review-packet" {
        return match state.review_packet() {
            Some((_, bytes)) if state.is_unlocked() => respond(
                StatusCode::OK,
                bytes,
                &[(header::CONTENT_TYPE, "application/pdf".into())],
            ),
            _ => text(StatusCode::NOT_FOUND, "no packet under review"),
        };
    }
    let Some((case, exhibit)) = path.rsplit_once('/') else {
        return text(StatusCode::NOT_FOUND, "no such exhibit");
    };
    let (case, exhibit) = (case.to_string(), exhibit.to_string());
    let range = req
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .map(String::from);
    let result = state.with(|ws| {
        // Size and type first (an empty read), then the bytes asked for.
        let (_, size, media) = ws.read_exhibit_range(&case, &exhibit, 0, 0)?;
        let want = match &range {
            Some(h) => match parse_range(h, size) {
                Some((s, e)) => Some((s, e.min(s + RANGE_LIMIT - 1))),
                None => return Ok(Err(size)),
            },
            None => None,
        };
        let (offset, len) = match want {
            Some((s, e)) => (s, e - s + 1),
            None if size > WHOLE_LIMIT => return Ok(Err(u64::MAX)),
            None => (0, size),
        };
        let (bytes, _, _) = ws.read_exhibit_range(&case, &exhibit, offset, len)?;
        Ok(Ok((bytes, size, media, want)))
    });
    // Text is served as text/plain so that HTML or scripts in evidence never run.
    let shown_type = |m: &str| {
        if m.starts_with("text/") || m == "application/json" || m == "message/rfc822" {
            "text/plain; charset=utf-8".to_string()
        } else {
            m.to_string()
        }
    };
    match result {
        Ok(Ok((bytes, size, media, Some((s, e))))) => respond(
            StatusCode::PARTIAL_CONTENT,
            bytes,
            &[
                (header::CONTENT_TYPE, shown_type(&media)),
                (header::ACCEPT_RANGES, "bytes".into()),
                (header::CONTENT_RANGE, format!("bytes {s}-{e}/{size}")),
            ],
        ),
        Ok(Ok((bytes, _, media, None))) => respond(
            StatusCode::OK,
            bytes,
            &[
                (header::CONTENT_TYPE, shown_type(&media)),
                (header::ACCEPT_RANGES, "bytes".into()),
            ],
        ),
        Ok(Err(u64::MAX)) => text(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too large to preview; export it to view",
        ),
        Ok(Err(size)) => respond(
            StatusCode::RANGE_NOT_SATISFIABLE,
            Vec::new(),
            &[(header::CONTENT_RANGE, format!("bytes */{size}"))],
        ),
        Err(e) => text(StatusCode::NOT_FOUND, &e.message),
    }
}

/// The protocol handler: answers off the main thread.
pub fn protocol<R: Runtime>(
    ctx: UriSchemeContext<'_, R>,
    req: Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let app = ctx.app_handle().clone();
    std::thread::spawn(move || {
        let state = app.state::<AppState>();
        responder.respond(handle(&state, &req));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_browsers_send_them() {
        assert_eq!(parse_range("bytes=0-", 10), Some((0, 9)));
        assert_eq!(parse_range("bytes=2-4", 10), Some((2, 4)));
        assert_eq!(parse_range("bytes=-3", 10), Some((7, 9)));
        assert_eq!(parse_range("bytes=5-100", 10), Some((5, 9)));
        assert_eq!(parse_range("bytes=10-", 10), None);
        assert_eq!(parse_range("bytes=0-", 0), None);
        assert_eq!(parse_range("items=0-1", 10), None);
        assert_eq!(percent_decode("2026-0042%2FA"), "2026-0042/A");
    }
}
