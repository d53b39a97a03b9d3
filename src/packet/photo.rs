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

/// Area-average downscale of an RGB image to `w` x `h` (each output pixel is
/// the mean of the input pixels it covers): sharp enough for a page, and
/// several times faster than a filtered resize.
fn shrink(src: &image::RgbImage, w: u32, h: u32) -> image::RgbImage {
    let (sw, sh) = (src.width() as usize, src.height() as usize);
    let (w, h) = (w.max(1) as usize, h.max(1) as usize);
    let raw = src.as_raw();
    let xs: Vec<(usize, usize)> = (0..w)
        .map(|x| (x * sw / w, ((x + 1) * sw / w).max(x * sw / w + 1)))
        .collect();
    let mut out = vec![0u8; w * h * 3];
    let mut acc = vec![0u32; w * 3];
    for y in 0..h {
        let (y0, y1) = (y * sh / h, ((y + 1) * sh / h).max(y * sh / h + 1));
        acc.iter_mut().for_each(|a| *a = 0);
        for row in raw.chunks_exact(sw * 3).skip(y0).take(y1 - y0) {
            for (x, &(x0, x1)) in xs.iter().enumerate() {
                let (mut r, mut g, mut b) = (0u32, 0u32, 0u32);
                for p in row[x0 * 3..x1 * 3].chunks_exact(3) {
                    r += u32::from(p[0]);
                    g += u32::from(p[1]);
                    b += u32::from(p[2]);
                }
                acc[x * 3] += r;
                acc[x * 3 + 1] += g;
                acc[x * 3 + 2] += b;
            }
        }
        for (x, &(x0, x1)) in xs.iter().enumerate() {
            let n = ((x1 - x0) * (y1 - y0)) as u32;
            for c in 0..3 {
                out[(y * w + x) * 3 + c] = (acc[x * 3 + c] / n) as u8;
            }
        }
    }
    image::RgbImage::from_raw(w as u32, h as u32, out).unwrap_or_else(|| src.clone())
}

fn prepare(bytes: &[u8]) -> Option<Jpeg> {
    let rgb = image::load_from_memory(bytes).ok()?.to_rgb8();
    let long = rgb.width().max(rgb.height());
    let rgb = if long > LONG_SIDE {
        let w = (u64::from(rgb.width()) * u64::from(LONG_SIDE) / u64::from(long)) as u32;
        let h = (u64::from(rgb.height()) * u64::from(LONG_SIDE) / u64::from(long)) as u32;
        shrink(&rgb, w, h)
    } else {
        rgb
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shrinking_averages_the_pixels_each_output_pixel_covers() {
        let src = image::RgbImage::from_fn(4, 2, |x, _| {
            if x % 2 == 0 {
                image::Rgb([0, 0, 0])
            } else {
                image::Rgb([200, 100, 50])
            }
        });
        let out = shrink(&src, 2, 1);
        assert_eq!((out.width(), out.height()), (2, 1));
        assert_eq!(out.get_pixel(0, 0).0, [100, 50, 25]);
        assert_eq!(out.get_pixel(1, 0).0, [100, 50, 25]);
    }
}
