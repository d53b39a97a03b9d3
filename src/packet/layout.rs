//! A small layout engine on printpdf's positioned-ops API: sections describe
//! content (headings, paragraphs, label/value fields, tables, charts,
//! images); this module measures text with the embedded fonts' advances,
//! wraps it, paginates (tables split across pages and repeat their header),
//! and records where each section and outline entry landed. Running header,
//! footer and "Page X of Y" are drawn once the page count is known.

use printpdf::{
    Color, FontId, Line, LinePoint, Op, PaintMode, ParsedFont, PdfFontHandle, Point, Pt, Rect, Rgb,
    TextItem, TextMatrix,
};
use std::cell::RefCell;
use std::collections::HashMap;

/// US Letter, in points.
pub const LETTER: (f32, f32) = (612.0, 792.0);
/// A4, in points.
pub const A4: (f32, f32) = (595.28, 841.89);

const MARGIN_X: f32 = 54.0;
const MARGIN_TOP: f32 = 64.0;
const MARGIN_BOTTOM: f32 = 56.0;

/// A typeface of the packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular = 0,
    /// DejaVu Sans Bold.
    Bold = 1,
    /// DejaVu Sans Mono (hashes).
    Mono = 2,
}

/// An RGB colour, 0–1.
pub type Rgb3 = (f32, f32, f32);
/// Body text.
pub const INK: Rgb3 = (0.1, 0.1, 0.12);
/// Secondary text.
pub const MUTED: Rgb3 = (0.38, 0.38, 0.42);
/// Warnings.
pub const DANGER: Rgb3 = (0.65, 0.1, 0.1);
/// Table header and rules.
pub const RULE: Rgb3 = (0.78, 0.78, 0.8);
const HEADER_FILL: Rgb3 = (0.92, 0.93, 0.95);

/// The embedded fonts and their measurements.
pub struct Fonts {
    parsed: [ParsedFont; 3],
    /// Ids in the document.
    pub ids: [FontId; 3],
    upem: [f32; 3],
    widths: RefCell<[HashMap<char, f32>; 3]>,
}

impl Fonts {
    /// Parses the three faces and adds them to `doc`.
    pub fn load(doc: &mut printpdf::PdfDocument) -> Option<Fonts> {
        let parse = |b: &[u8]| ParsedFont::from_bytes(b, 0, &mut Vec::new());
        let parsed = [
            parse(include_bytes!("../../assets/fonts/DejaVuSans.ttf"))?,
            parse(include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"))?,
            parse(include_bytes!("../../assets/fonts/DejaVuSansMono.ttf"))?,
        ];
        let ids = [
            doc.add_font(&parsed[0]),
            doc.add_font(&parsed[1]),
            doc.add_font(&parsed[2]),
        ];
        let upem = [0, 1, 2].map(|i| f32::from(parsed[i].font_metrics.units_per_em.max(1)));
        Some(Fonts {
            parsed,
            ids,
            upem,
            widths: RefCell::new([HashMap::new(), HashMap::new(), HashMap::new()]),
        })
    }

    fn char_width(&self, face: Face, c: char) -> f32 {
        let i = face as usize;
        if let Some(w) = self.widths.borrow()[i].get(&c) {
            return *w;
        }
        let f = &self.parsed[i];
        let gid = f
            .lookup_glyph_index(c as u32)
            .or_else(|| f.lookup_glyph_index('?' as u32))
            .unwrap_or(0);
        let w = f32::from(f.get_horizontal_advance(gid)) / self.upem[i];
        self.widths.borrow_mut()[i].insert(c, w);
        w
    }

    /// Width of `s` in points.
    pub fn width(&self, face: Face, size: f32, s: &str) -> f32 {
        s.chars().map(|c| self.char_width(face, c)).sum::<f32>() * size
    }

    /// Greedy word wrap to `width` points; words longer than a line (hashes,
    /// addresses) are broken between characters. Keeps explicit newlines.
    pub fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let space = self.char_width(face, ' ') * size;
        for para in text.split('\n') {
            let mut line = String::new();
            let mut w = 0.0;
            for word in para.split(' ').filter(|s| !s.is_empty()) {
                let ww = self.width(face, size, word);
                let need = if line.is_empty() { ww } else { w + space + ww };
                if need <= width {
                    if !line.is_empty() {
                        line.push(' ');
                    }
                    line.push_str(word);
                    w = need;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    w = 0.0;
                }
                if ww <= width {
                    line.push_str(word);
                    w = ww;
                } else {
                    for c in word.chars() {
                        let cw = self.char_width(face, c) * size;
                        if w + cw > width && !line.is_empty() {
                            lines.push(std::mem::take(&mut line));
                            w = 0.0;
                        }
                        line.push(c);
                        w += cw;
                    }
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// One cell of a table.
#[derive(Debug, Clone)]
pub struct Cell {
    /// Text.
    pub text: String,
    /// Face.
    pub face: Face,
    /// Colour.
    pub color: Rgb3,
}

impl Cell {
    /// Body text.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            face: Face::Regular,
            color: INK,
        }
    }
    /// Bold.
    pub fn bold(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            face: Face::Bold,
            color: INK,
        }
    }
    /// Monospace (hashes).
    pub fn mono(s: impl Into<String>) -> Cell {
        Cell {
            text: s.into(),
            face: Face::Mono,
            color: INK,
        }
    }
    /// In another colour.
    pub fn colored(mut self, c: Rgb3) -> Cell {
        self.color = c;
        self
    }
}

/// Draws at (x, y bottom, width).
pub type DrawFn = Box<dyn Fn(&Fonts, f32, f32, f32) -> Vec<Op>>;

/// A vector drawing of a fixed height, drawn by a closure given the origin
/// (left, bottom) and the width.
pub struct Drawing {
    /// Height in points.
    pub height: f32,
    /// Draws at (x, y_bottom, width).
    pub draw: DrawFn,
}

/// Content, in reading order.
pub enum Block {
    /// A section heading: starts a new page, enters the table of contents and
    /// the outline at level 1.
    Section(String),
    /// A sub-heading; `outline` adds it to the outline under the section.
    Heading {
        /// Text.
        text: String,
        /// In the outline (level 2).
        outline: bool,
    },
    /// A paragraph.
    Para {
        /// Text.
        text: String,
        /// Face.
        face: Face,
        /// Size.
        size: f32,
        /// Colour.
        color: Rgb3,
    },
    /// Label / value pairs.
    Fields(Vec<(String, String)>),
    /// A table: column titles with width fractions, rows; the header row is
    /// repeated on every page the table continues on.
    Table {
        /// (title, fraction of the width).
        cols: Vec<(String, f32)>,
        /// Rows.
        rows: Vec<Vec<Cell>>,
        /// Font size.
        size: f32,
    },
    /// A drawing.
    Drawing(Drawing),
    /// An image, scaled to fit the width and `max_h`.
    Image {
        /// Index of the image among the packet's photos.
        index: usize,
        /// Pixels.
        px: (f32, f32),
        /// Largest height in points.
        max_h: f32,
    },
    /// A grid of small images with captions (the exhibit index's thumbnails).
    Thumbnails {
        /// (image index, pixels, caption).
        items: Vec<(usize, (f32, f32), String)>,
    },
    /// Vertical space.
    Gap(f32),
    /// Start a new page.
    PageBreak,
}

impl Block {
    /// A body paragraph.
    pub fn para(s: impl Into<String>) -> Block {
        Block::Para {
            text: s.into(),
            face: Face::Regular,
            size: 9.5,
            color: INK,
        }
    }
    /// A muted note.
    pub fn note(s: impl Into<String>) -> Block {
        Block::Para {
            text: s.into(),
            face: Face::Regular,
            size: 8.5,
            color: MUTED,
        }
    }
    /// A warning line.
    pub fn warning(s: impl Into<String>) -> Block {
        Block::Para {
            text: s.into(),
            face: Face::Bold,
            size: 9.5,
            color: DANGER,
        }
    }
}

/// An outline (bookmark) entry.
#[derive(Debug, Clone)]
pub struct OutlineEntry {
    /// Title.
    pub title: String,
    /// 1 = section, 2 = under it.
    pub level: u8,
    /// 0-based page.
    pub page: usize,
    /// Top of the entry on the page (points from the bottom).
    pub y: f32,
}

/// The paginated result.
pub struct Laid {
    /// Ops per page (without running header/footer).
    pub pages: Vec<Vec<Op>>,
    /// Outline entries in order.
    pub outline: Vec<OutlineEntry>,
    /// Images to draw.
    pub images: Vec<ImagePlacement>,
}

fn rgb(c: Rgb3) -> Color {
    Color::Rgb(Rgb {
        r: c.0,
        g: c.1,
        b: c.2,
        icc_profile: None,
    })
}

/// Ops that write one line of text at (x, y baseline).
pub fn text_ops(
    fonts: &Fonts,
    face: Face,
    size: f32,
    color: Rgb3,
    x: f32,
    y: f32,
    s: &str,
) -> Vec<Op> {
    vec![
        Op::StartTextSection,
        Op::SetFillColor { col: rgb(color) },
        Op::SetFont {
            font: PdfFontHandle::External(fonts.ids[face as usize].clone()),
            size: Pt(size),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(x), Pt(y)),
        },
        Op::ShowText {
            items: vec![TextItem::Text(s.to_string())],
        },
        Op::EndTextSection,
    ]
}

/// A filled rectangle (x, y bottom, w, h).
pub fn rect_ops(x: f32, y: f32, w: f32, h: f32, color: Rgb3) -> Vec<Op> {
    let mut r = Rect::from_xywh(Pt(x), Pt(y), Pt(w), Pt(h));
    r.mode = Some(PaintMode::Fill);
    vec![
        Op::SetFillColor { col: rgb(color) },
        Op::DrawRectangle { rectangle: r },
    ]
}

/// A straight line.
pub fn line_ops(x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Rgb3) -> Vec<Op> {
    let p = |x: f32, y: f32| LinePoint {
        p: Point { x: Pt(x), y: Pt(y) },
        bezier: false,
    };
    vec![
        Op::SetOutlineColor { col: rgb(color) },
        Op::SetOutlineThickness { pt: Pt(width) },
        Op::DrawLine {
            line: Line {
                points: vec![p(x1, y1), p(x2, y2)],
                is_closed: false,
            },
        },
    ]
}

/// One line of text, batched per page so that a page is one text object
/// with a font or colour change only where one is needed.
struct Run {
    face: Face,
    size: f32,
    color: Rgb3,
    x: f32,
    y: f32,
    text: String,
}

fn batch(fonts: &Fonts, runs: Vec<Run>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(runs.len() * 2 + 4);
    if runs.is_empty() {
        return ops;
    }
    ops.push(Op::StartTextSection);
    let mut font: Option<(Face, f32)> = None;
    let mut color: Option<Rgb3> = None;
    for r in runs {
        if color != Some(r.color) {
            ops.push(Op::SetFillColor { col: rgb(r.color) });
            color = Some(r.color);
        }
        if font != Some((r.face, r.size)) {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(fonts.ids[r.face as usize].clone()),
                size: Pt(r.size),
            });
            font = Some((r.face, r.size));
        }
        ops.push(Op::SetTextMatrix {
            matrix: TextMatrix::Translate(Pt(r.x), Pt(r.y)),
        });
        ops.push(Op::ShowText {
            items: vec![TextItem::Text(r.text)],
        });
    }
    ops.push(Op::EndTextSection);
    ops
}

/// Where an image goes: drawn onto the page after printpdf's pass.
#[derive(Debug, Clone, Copy)]
pub struct ImagePlacement {
    /// 0-based page.
    pub page: usize,
    /// Left.
    pub x: f32,
    /// Bottom.
    pub y: f32,
    /// Width in points.
    pub w: f32,
    /// Height in points.
    pub h: f32,
    /// Which image.
    pub index: usize,
}

struct Cursor<'a> {
    fonts: &'a Fonts,
    size: (f32, f32),
    pages: Vec<Vec<Op>>,
    runs: Vec<Vec<Run>>,
    images: Vec<ImagePlacement>,
    y: f32,
    outline: Vec<OutlineEntry>,
}

impl Cursor<'_> {
    fn top(&self) -> f32 {
        self.size.1 - MARGIN_TOP
    }
    fn width(&self) -> f32 {
        self.size.0 - 2.0 * MARGIN_X
    }
    fn page(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
            self.runs.push(Vec::new());
        }
        let n = self.pages.len() - 1;
        &mut self.pages[n]
    }
    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.runs.push(Vec::new());
        self.y = self.top();
    }
    /// Queues one line of text on the current page.
    fn text(&mut self, face: Face, size: f32, color: Rgb3, x: f32, y: f32, s: &str) {
        self.page();
        if let Some(r) = self.runs.last_mut() {
            r.push(Run {
                face,
                size,
                color,
                x,
                y,
                text: s.to_string(),
            });
        }
    }
    fn fresh(&self) -> bool {
        (self.y - self.top()).abs() < 0.5
    }
    /// Makes room for `h` points, starting a new page if needed.
    fn ensure(&mut self, h: f32) {
        if self.y - h < MARGIN_BOTTOM && !self.fresh() {
            self.new_page();
        }
    }
    fn line(&mut self, face: Face, size: f32, color: Rgb3, x: f32, s: &str) {
        let lh = size * 1.32;
        self.ensure(lh);
        let y = self.y - size;
        self.text(face, size, color, x, y, s);
        self.y -= lh;
    }
    fn para(&mut self, text: &str, face: Face, size: f32, color: Rgb3, indent: f32) {
        let w = self.width() - indent;
        for l in self.fonts.wrap(face, size, text, w) {
            self.line(face, size, color, MARGIN_X + indent, &l);
        }
        self.y -= size * 0.45;
    }
    fn mark(&mut self, title: &str, level: u8) {
        self.page();
        self.outline.push(OutlineEntry {
            title: title.to_string(),
            level,
            page: self.pages.len() - 1,
            y: self.y + 4.0,
        });
    }

    fn table(&mut self, cols: &[(String, f32)], rows: &[Vec<Cell>], size: f32) {
        let width = self.width();
        let total: f32 = cols.iter().map(|c| c.1).sum::<f32>().max(0.0001);
        let widths: Vec<f32> = cols.iter().map(|c| c.1 / total * width).collect();
        let pad = 3.0;
        let lh = size * 1.28;
        let header: Vec<Vec<String>> = cols
            .iter()
            .zip(&widths)
            .map(|(c, w)| self.fonts.wrap(Face::Bold, size, &c.0, w - 2.0 * pad))
            .collect();
        let header_h = header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * pad;
        let draw_header = |cur: &mut Cursor<'_>| {
            let y_top = cur.y;
            let ops = rect_ops(MARGIN_X, y_top - header_h, width, header_h, HEADER_FILL);
            cur.page().extend(ops);
            let mut x = MARGIN_X;
            for (lines, w) in header.iter().zip(&widths) {
                for (k, l) in lines.iter().enumerate() {
                    cur.text(
                        Face::Bold,
                        size,
                        INK,
                        x + pad,
                        y_top - pad - size - k as f32 * lh,
                        l,
                    );
                }
                x += w;
            }
            cur.y -= header_h;
        };
        self.ensure(header_h + lh + 2.0 * pad);
        draw_header(self);
        for row in rows {
            let cells: Vec<Vec<String>> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| self.fonts.wrap(c.face, size, &c.text, w - 2.0 * pad))
                .collect();
            let n_lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            let mut from = 0;
            while from < n_lines {
                let room = ((self.y - MARGIN_BOTTOM - 2.0 * pad) / lh).floor().max(0.0) as usize;
                let left = n_lines - from;
                // Keep short rows whole; split only rows taller than a page.
                let body_lines =
                    ((self.top() - MARGIN_BOTTOM - header_h - 2.0 * pad) / lh).floor() as usize;
                if room == 0 || (room < left && left <= body_lines) || (room < left && room < 3) {
                    self.new_page();
                    draw_header(self);
                    continue;
                }
                let take = left.min(room);
                let y_top = self.y;
                let mut x = MARGIN_X;
                for ((lines, w), cell) in cells.iter().zip(&widths).zip(row) {
                    for (k, l) in lines.iter().enumerate().skip(from).take(take) {
                        self.text(
                            cell.face,
                            size,
                            cell.color,
                            x + pad,
                            y_top - pad - size - (k - from) as f32 * lh,
                            l,
                        );
                    }
                    x += w;
                }
                let h = take as f32 * lh + 2.0 * pad;
                let ops = line_ops(MARGIN_X, y_top - h, MARGIN_X + width, y_top - h, 0.4, RULE);
                self.page().extend(ops);
                self.y -= h;
                from += take;
            }
        }
        self.y -= 6.0;
    }
}

/// Lays out `blocks` on pages of `size` (points).
pub fn layout(fonts: &Fonts, size: (f32, f32), blocks: &[Block]) -> Laid {
    let mut c = Cursor {
        fonts,
        size,
        pages: Vec::new(),
        runs: Vec::new(),
        images: Vec::new(),
        y: size.1 - MARGIN_TOP,
        outline: Vec::new(),
    };
    for b in blocks {
        match b {
            Block::Section(title) => {
                if !c.pages.is_empty() {
                    c.new_page();
                }
                c.mark(title, 1);
                c.line(Face::Bold, 15.0, INK, MARGIN_X, title);
                let w = c.width();
                let y = c.y + 2.0;
                let ops = line_ops(MARGIN_X, y, MARGIN_X + w, y, 0.8, RULE);
                c.page().extend(ops);
                c.y -= 8.0;
            }
            Block::Heading { text, outline } => {
                c.ensure(11.5 * 1.32 + 40.0);
                c.y -= 4.0;
                if *outline {
                    c.mark(text, 2);
                }
                c.line(Face::Bold, 11.5, INK, MARGIN_X, text);
                c.y -= 2.0;
            }
            Block::Para {
                text,
                face,
                size,
                color,
            } => c.para(text, *face, *size, *color, 0.0),
            Block::Fields(pairs) => {
                let label_w = 150.0;
                for (k, v) in pairs {
                    let lines = fonts.wrap(Face::Regular, 9.5, v, c.width() - label_w);
                    for (i, l) in lines.iter().enumerate() {
                        c.ensure(9.5 * 1.32);
                        if i == 0 {
                            let y = c.y - 9.5;
                            c.text(Face::Bold, 9.5, MUTED, MARGIN_X, y, k);
                        }
                        c.line(Face::Regular, 9.5, INK, MARGIN_X + label_w, l);
                    }
                }
                c.y -= 4.0;
            }
            Block::Table { cols, rows, size } => c.table(cols, rows, *size),
            Block::Drawing(d) => {
                c.ensure(d.height);
                let w = c.width();
                let ops = (d.draw)(fonts, MARGIN_X, c.y - d.height, w);
                c.page().extend(ops);
                c.y -= d.height + 6.0;
            }
            Block::Image { index, px, max_h } => {
                let w = c.width();
                let scale = (w / px.0).min(max_h / px.1);
                let (dw, dh) = (px.0 * scale, px.1 * scale);
                c.ensure(dh);
                c.page();
                let y = c.y - dh;
                c.images.push(ImagePlacement {
                    page: c.pages.len() - 1,
                    x: MARGIN_X,
                    y,
                    w: dw,
                    h: dh,
                    index: *index,
                });
                c.y -= dh + 6.0;
            }
            Block::Thumbnails { items } => {
                let per_row = 4usize;
                let gap = 10.0;
                let cell_w = (c.width() - gap * (per_row as f32 - 1.0)) / per_row as f32;
                let cell_h = cell_w * 0.75;
                for row in items.chunks(per_row) {
                    c.ensure(cell_h + 16.0);
                    let top = c.y;
                    for (k, (index, px, caption)) in row.iter().enumerate() {
                        let scale = (cell_w / px.0).min(cell_h / px.1);
                        let (w, h) = (px.0 * scale, px.1 * scale);
                        let x = MARGIN_X + k as f32 * (cell_w + gap);
                        c.page();
                        c.images.push(ImagePlacement {
                            page: c.pages.len() - 1,
                            x,
                            y: top - h,
                            w,
                            h,
                            index: *index,
                        });
                        c.text(Face::Bold, 7.5, INK, x, top - cell_h - 9.0, caption);
                    }
                    c.y = top - cell_h - 16.0;
                }
                c.y -= 4.0;
            }
            Block::Gap(h) => c.y -= h,
            Block::PageBreak => c.new_page(),
        }
    }
    c.page();
    // Graphics (fills, rules, charts) first, then each page's text on top.
    let pages = c
        .pages
        .into_iter()
        .zip(c.runs)
        .map(|(mut ops, runs)| {
            ops.extend(batch(fonts, runs));
            ops
        })
        .collect();
    Laid {
        pages,
        outline: c.outline,
        images: c.images,
    }
}

/// The running header and footer of one page.
pub fn furniture(
    fonts: &Fonts,
    size: (f32, f32),
    left: &str,
    right: &str,
    page: usize,
    pages: usize,
) -> Vec<Op> {
    let mut ops = Vec::new();
    let top = size.1 - 34.0;
    ops.extend(text_ops(
        fonts,
        Face::Regular,
        8.0,
        MUTED,
        MARGIN_X,
        top,
        left,
    ));
    let rw = fonts.width(Face::Bold, 8.0, right);
    ops.extend(text_ops(
        fonts,
        Face::Bold,
        8.0,
        MUTED,
        size.0 - MARGIN_X - rw,
        top,
        right,
    ));
    ops.extend(line_ops(
        MARGIN_X,
        top - 5.0,
        size.0 - MARGIN_X,
        top - 5.0,
        0.5,
        RULE,
    ));
    let footer = format!("Page {page} of {pages}");
    let fw = fonts.width(Face::Regular, 8.0, &footer);
    ops.extend(text_ops(
        fonts,
        Face::Regular,
        8.0,
        MUTED,
        size.0 - MARGIN_X - fw,
        30.0,
        &footer,
    ));
    ops.extend(text_ops(
        fonts,
        Face::Regular,
        8.0,
        MUTED,
        MARGIN_X,
        30.0,
        right,
    ));
    ops
}

/// "TRAINING — NOT EVIDENCE" across a page.
pub fn watermark(fonts: &Fonts, size: (f32, f32), text: &str) -> Vec<Op> {
    let fs = 44.0;
    let w = fonts.width(Face::Bold, fs, text);
    let angle: f32 = 35.0;
    let (s, c) = angle.to_radians().sin_cos();
    let (cx, cy) = (size.0 / 2.0, size.1 / 2.0);
    let x = cx - (w / 2.0) * c;
    let y = cy - (w / 2.0) * s;
    vec![
        Op::StartTextSection,
        Op::SetFillColor {
            col: rgb((0.85, 0.2, 0.2)),
        },
        Op::SetFont {
            font: PdfFontHandle::External(fonts.ids[Face::Bold as usize].clone()),
            size: Pt(fs),
        },
        Op::SetTextMatrix {
            matrix: TextMatrix::Raw([c, s, -s, c, x, y]),
        },
        Op::ShowText {
            items: vec![TextItem::Text(text.to_string())],
        },
        Op::EndTextSection,
    ]
}
