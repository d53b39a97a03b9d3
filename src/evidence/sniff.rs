//! What kind of file an attachment is, from its first bytes (never from its
//! name alone: a renamed file keeps its real type), and whether the app can
//! show it.

use super::model::PreviewKind;

/// The detected media type and how the app can show it, with the reason
/// when it cannot.
pub fn detect(head: &[u8], name: &str) -> (String, PreviewKind, String) {
    let (mime, preview) = by_magic(head).unwrap_or_else(|| by_text(head, name));
    (
        mime.to_string(),
        preview,
        no_preview_note(preview, mime).to_string(),
    )
}

/// Why a file has no preview ("" when it has one).
pub fn no_preview_note(preview: PreviewKind, mime: &str) -> &'static str {
    match preview {
        PreviewKind::None if mime.starts_with("image/hei") => {
            "HEIC/HEIF photos are not shown here: no maintained pure-Rust decoder exists; \
             export the file to view it"
        }
        PreviewKind::None => "this type is not shown in the app; export the file to view it",
        _ => "",
    }
}

fn by_magic(h: &[u8]) -> Option<(&'static str, PreviewKind)> {
    use PreviewKind::*;
    let at = |off: usize, sig: &[u8]| h.len() >= off + sig.len() && &h[off..off + sig.len()] == sig;
    Some(if at(0, b"\x89PNG\r\n\x1a\n") {
        ("image/png", Image)
    } else if at(0, b"\xFF\xD8\xFF") {
        ("image/jpeg", Image)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        ("image/gif", Image)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        ("image/webp", Image)
    } else if at(0, b"BM") && h.len() > 14 {
        ("image/bmp", Image)
    } else if at(0, b"%PDF-") {
        ("application/pdf", Pdf)
    } else if at(0, b"RIFF") && at(8, b"WAVE") {
        ("audio/wav", Audio)
    } else if at(0, b"ID3")
        || (h.len() > 1 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0)
    {
        ("audio/mpeg", Audio)
    } else if at(0, b"OggS") {
        ("audio/ogg", Audio)
    } else if at(0, b"fLaC") {
        ("audio/flac", Audio)
    } else if at(0, b"#!AMR") {
        ("audio/amr", None)
    } else if at(4, b"ftyp") {
        let brand = h.get(8..12).unwrap_or_default();
        match brand {
            b"heic" | b"heix" | b"hevc" | b"heim" | b"heis" => ("image/heic", None),
            b"mif1" | b"msf1" => ("image/heif", None),
            b"avif" => ("image/avif", Image),
            b"M4A " | b"M4B " => ("audio/mp4", Audio),
            b"qt  " => ("video/quicktime", Video),
            _ => ("video/mp4", Video),
        }
    } else if at(0, b"\x1A\x45\xDF\xA3") {
        ("video/webm", Video)
    } else if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") {
        ("application/zip", None)
    } else if at(0, b"\xD0\xCF\x11\xE0") {
        ("application/x-ole-storage", None)
    } else if at(0, b"SQLite format 3\0") {
        ("application/vnd.sqlite3", None)
    } else {
        return Option::None;
    })
}

fn by_text(h: &[u8], name: &str) -> (&'static str, PreviewKind) {
    // Text: no NUL and valid UTF-8, allowing a sequence cut at the end of the sample.
    let valid = match std::str::from_utf8(h) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && h.len() - e.valid_up_to() < 4,
    };
    if !h.is_empty() && valid && !h.contains(&0) {
        let lower = name.to_ascii_lowercase();
        let mime = if lower.ends_with(".csv") {
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
        };
        return (mime, PreviewKind::Text);
    }
    ("application/octet-stream", PreviewKind::None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_come_from_the_bytes_not_the_name() {
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n....", "x.txt").0, "image/png");
        assert_eq!(detect(b"\xFF\xD8\xFF\xE0", "a").1, PreviewKind::Image);
        assert_eq!(detect(b"%PDF-1.7\n", "a").1, PreviewKind::Pdf);
        assert_eq!(detect(b"RIFF\0\0\0\0WAVEfmt ", "v").0, "audio/wav");
        let heic = detect(b"\0\0\0\x18ftypheic\0\0\0\0", "IMG_1.HEIC");
        assert_eq!((heic.0.as_str(), heic.1), ("image/heic", PreviewKind::None));
        assert!(heic.2.contains("HEIC"));
        assert_eq!(
            detect("José said hi\n".as_bytes(), "log.txt").1,
            PreviewKind::Text
        );
        assert_eq!(detect(b"a,b\n1,2\n", "calls.csv").0, "text/csv");
        assert_eq!(detect(b"\0\x01\x02", "x").1, PreviewKind::None);
        assert_eq!(detect(b"", "empty").0, "application/octet-stream");
    }
}
