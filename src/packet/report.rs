//! Short documents made with the packet's layout engine but without its
//! signature and manifest: the training debrief. Same fonts, page furniture
//! and (for training) the watermark on every page.

use super::layout::{self, Block};
use super::Paper;
use crate::{Error, Result};

/// Lays out `blocks` and writes a PDF: `left` heads every page, `label` is
/// the copy label in the corner, `watermark` (if any) crosses every page.
pub(crate) fn simple_pdf(
    title: &str,
    left: &str,
    label: &str,
    watermark: Option<&str>,
    paper: Paper,
    blocks: &[Block],
) -> Result<Vec<u8>> {
    let mut doc = printpdf::PdfDocument::new(title);
    let now = printpdf::OffsetDateTime::from_unix_timestamp(chrono::Utc::now().timestamp())
        .unwrap_or_else(|_| printpdf::OffsetDateTime::now_utc());
    doc.metadata.info.creation_date = now;
    doc.metadata.info.modification_date = now;
    doc.metadata.info.metadata_date = now;
    doc.metadata.info.producer = format!("Vigil {}", env!("CARGO_PKG_VERSION"));
    doc.metadata.info.creator = "Vigil".into();
    let fonts = layout::Fonts::load(&mut doc).ok_or(Error::Crypto("the fonts do not load"))?;
    let size = match paper {
        Paper::Letter => layout::LETTER,
        Paper::A4 => layout::A4,
    };
    let laid = layout::layout(&fonts, size, blocks);
    doc.with_pages(furnish(&fonts, size, laid.pages, left, label, watermark));
    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&save_options(), &mut warnings);
    super::pdf::compress(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|_| Error::Crypto("the PDF could not be written"))?;
    Ok(bytes)
}

/// Pages with their furniture: the watermark under (if any), then the
/// content, then the header line, copy label and page numbers.
pub(crate) fn furnish(
    fonts: &layout::Fonts,
    size: (f32, f32),
    pages: Vec<Vec<printpdf::Op>>,
    left: &str,
    label: &str,
    watermark: Option<&str>,
) -> Vec<printpdf::PdfPage> {
    let total = pages.len();
    pages
        .into_iter()
        .enumerate()
        .map(|(i, ops)| {
            let mut page_ops = Vec::with_capacity(ops.len() + 40);
            if let Some(w) = watermark {
                page_ops.extend(layout::watermark(fonts, size, w));
            }
            page_ops.extend(ops);
            page_ops.extend(layout::furniture(fonts, size, left, label, i + 1, total));
            printpdf::PdfPage::new(
                printpdf::Mm::from(printpdf::Pt(size.0)),
                printpdf::Mm::from(printpdf::Pt(size.1)),
                page_ops,
            )
        })
        .collect()
}

/// How every Vigil PDF is written: fonts subset, no extras.
pub(crate) fn save_options() -> printpdf::PdfSaveOptions {
    printpdf::PdfSaveOptions {
        optimize: true,
        subset_fonts: true,
        secure: true,
        image_optimization: None,
    }
}
