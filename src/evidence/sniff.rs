//! What kind of file an attachment is, from its first bytes (never from its
//! name alone: a renamed file keeps its real type), and whether the app can
//! show it.

use super::model::PreviewKind;

/// The media type of a file, from its first bytes (text by content, with
/// the name choosing among text types).
pub fn detect(head: &[u8], name: &str) -> String {
    by_magic(head)
        .unwrap_or_else(|| by_text(head, name))
        .to_string()
}

/// How the app can show a file of `mime`, and why not when it cannot.
pub fn preview(mime: &str) -> (PreviewKind, &'static str) {
    let p = match mime {
        "image/avif" | "image/png" | "image/jpeg" | "image/gif" | "image/webp" | "image/bmp" => {
            PreviewKind::Image
        }
        "application/pdf" => PreviewKind::Pdf,
        "audio/amr" => PreviewKind::None,
        t if t.starts_with("audio/") => PreviewKind::Audio,
        t if t.starts_with("video/") => PreviewKind::Video,
        t if t.starts_with("text/") || t == "application/json" || t == "message/rfc822" => {
            PreviewKind::Text
        }
        _ => PreviewKind::None,
    };
    let note = match p {
        PreviewKind::None if mime.starts_with("image/hei") => {
            "HEIC/HEIF photos are not shown here: no maintained pure-Rust decoder exists; \
             export the file to view it"
        }
        PreviewKind::None => "this type is not shown in the app; export the file to view it",
        _ => "",
    };
    (p, note)
}

fn by_magic(h: &[u8]) -> Option<&'static str> {
    let at = |off: usize, sig: &[u8]| h.len() >= off + sig.len() && &h[off..off + sig.len()] == sig;
    Some(if at(0, b"\x89PNG\r\n\x1a\n") {
        "image/png"
    } else if at(0, b"\xFF\xD8\xFF") {
        "image/jpeg"
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        "image/gif"
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        "image/webp"
    } else if at(0, b"BM") && h.len() > 14 {
        "image/bmp"
    } else if at(0, b"%PDF-") {
        "application/pdf"
    } else if at(0, b"RIFF") && at(8, b"WAVE") {
        "audio/wav"
    } else if at(0, b"ID3")
        || (h.len() > 1 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0)
    {
        "audio/mpeg"
    } else if at(0, b"OggS") {
        "audio/ogg"
    } else if at(0, b"fLaC") {
        "audio/flac"
    } else if at(0, b"#!AMR") {
        "audio/amr"
    } else if at(4, b"ftyp") {
        match h.get(8..12).unwrap_or_default() {
            b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" => "image/heic",
            b"mif1" | b"msf1" => "image/heif",
            b"avif" => "image/avif",
            b"M4A " | b"M4B " => "audio/mp4",
            b"qt  " => "video/quicktime",
            _ => "video/mp4",
        }
    } else if at(0, b"\x1A\x45\xDF\xA3") {
        "video/webm"
    } else if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") {
        "application/zip"
    } else if at(0, b"\xD0\xCF\x11\xE0") {
        "application/x-ole-storage"
    } else if at(0, b"SQLite format 3\0") {
        "application/vnd.sqlite3"
    } else {
        return None;
    })
}

fn by_text(h: &[u8], name: &str) -> &'static str {
    // Text: no NUL and valid UTF-8, allowing a sequence cut at the end of the sample.
    let valid = match std::str::from_utf8(h) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && h.len() - e.valid_up_to() < 4,
    };
    if h.is_empty() || !valid || h.contains(&0) {
        return "application/octet-stream";
    }
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".csv") {
        "text/csv"
    } else if lower.ends_with(".json") {
        "application/json"
    } else if lower.ends_with(".eml") {
        "message/rfc822"
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        // Shown as text, never rendered: it could carry scripts.
        "text/html"
    } else {
        "text/plain"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes_not_the_name() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n....", "x.txt"), "image/png");
        assert_eq!(
            preview(&detect(b"\xFF\xD8\xFF\xE0", "a")).0,
            PreviewKind::Image
        );
        assert_eq!(preview(&detect(b"%PDF-1.7\n", "a")).0, PreviewKind::Pdf);
        assert_eq!(detect(b"RIFF\0\0\0\0WAVEfmt ", "v"), "audio/wav");
        let heic = detect(b"\0\0\0\x18ftypheic\0\0\0\0", "IMG_1.HEIC");
        assert_eq!(heic, "image/heic");
        assert_eq!(preview(&heic).0, PreviewKind::None);
        assert!(preview(&heic).1.contains("HEIC"));
        assert_eq!(
            preview(&detect("José said hi\n".as_bytes(), "log.txt")).0,
            PreviewKind::Text
        );
        assert_eq!(detect(b"a,b\n1,2\n", "calls.csv"), "text/csv");
        assert_eq!(preview(&detect(b"\0\x01\x02", "x")).0, PreviewKind::None);
        assert_eq!(detect(b"", "empty"), "application/octet-stream");
    }
}
