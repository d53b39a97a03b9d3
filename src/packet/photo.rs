//! Photo exhibits for the packet's appendix: decoded, shrunk to at most
//! 1200 px on the long side (about 170 ppi across the page) and re-encoded
//! as JPEG, on two threads. 200 photos stay well under e-filing's 25 MB.

const LONG_SIDE: u32 = 1200;
const QUALITY: u8 = 72;

/// A photo ready to embed (DCT-encoded, RGB).
pub(crate) struct Jpeg {
    pub bytes: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

fn prepare(bytes: &[u8]) -> Option<Jpeg> {
    let img = image::load_from_memory(bytes).ok()?;
    let img = if img.width().max(img.height()) > LONG_SIDE {
        img.thumbnail(LONG_SIDE, LONG_SIDE)
    } else {
        img
    };
    let rgb = img.to_rgb8();
    let (w, h) = (
        u16::try_from(rgb.width()).ok()?,
        u16::try_from(rgb.height()).ok()?,
    );
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, QUALITY)
        .encode(rgb.as_raw(), w, h, jpeg_encoder::ColorType::Rgb)
        .ok()?;
    Some(Jpeg {
        bytes: out,
        width: rgb.width(),
        height: rgb.height(),
    })
}

/// Prepares every photo, in order; `None` for one that does not decode.
pub(crate) fn prepare_all(files: Vec<&[u8]>) -> Vec<Option<Jpeg>> {
    let half = files.len().div_ceil(2);
    let (a, b) = files.split_at(half);
    std::thread::scope(|s| {
        let h = s.spawn(|| a.iter().map(|f| prepare(f)).collect::<Vec<_>>());
        let rb: Vec<_> = b.iter().map(|f| prepare(f)).collect();
        let mut ra = h
            .join()
            .unwrap_or_else(|_| a.iter().map(|_| None).collect());
        ra.extend(rb);
        ra
    })
}
