//! The packet's vector chart: incidents per period, stacked by behaviour
//! group, with police and court events (system categories) and protective
//! orders marked. The bucket is chosen from the span by the timeline's own
//! rules (`buckets.rs`), weeks at the finest, so there are at most 120 bars.

use super::layout::{line_ops, rect_ops, text_ops, Drawing, Face, Fonts, Rgb3, INK, MUTED, RULE};
use crate::buckets::Bucket;
use crate::incident::Incident;
use crate::taxonomy::Taxonomy;
use chrono::{DateTime, NaiveDate, Utc};

fn parse_color(hex: &str) -> Rgb3 {
    let h = hex.trim_start_matches('#');
    let v = |i: usize| {
        u8::from_str_radix(h.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128) as f32 / 255.0
    };
    (v(0), v(2), v(4))
}

fn date_of(s: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc).date_naive())
}

/// Builds the chart, or None with no dated incident.
pub(crate) fn chart(
    incidents: &[Incident],
    taxonomy: &Taxonomy,
    orders: &[(String, NaiveDate)],
) -> Option<Drawing> {
    let dated: Vec<(NaiveDate, &Incident)> = incidents
        .iter()
        .filter_map(|i| date_of(&i.occurred.from).map(|d| (d, i)))
        .collect();
    let first = dated.iter().map(|d| d.0).min()?;
    let last = dated.iter().map(|d| d.0).max()?;
    // The timeline's rules, weeks at the finest on paper.
    let bucket = Bucket::choose(first, last, None, Bucket::Week);
    let starts = bucket.starts(first, last);
    let groups: Vec<(String, String, Rgb3)> = taxonomy
        .groups
        .iter()
        .filter(|g| g.id != "system" && g.id != "unclassified")
        .map(|g| (g.id.clone(), g.label.clone(), parse_color(&g.color)))
        .collect();
    let index = |d: NaiveDate| starts.partition_point(|s| *s <= d).saturating_sub(1);
    let mut counts = vec![vec![0u32; groups.len() + 1]; starts.len()];
    let mut marks: Vec<(usize, String)> = Vec::new();
    for (d, i) in &dated {
        let b = index(*d);
        if i.group == "system" {
            let label = taxonomy
                .category(&i.input.category)
                .map(|c| c.label.clone())
                .unwrap_or_default();
            marks.push((b, label));
            continue;
        }
        let g = groups
            .iter()
            .position(|g| g.0 == i.group)
            .unwrap_or(groups.len());
        counts[b][g] += 1;
    }
    let order_marks: Vec<usize> = orders
        .iter()
        .filter(|(_, d)| *d >= starts[0] && *d <= last)
        .map(|(_, d)| index(*d))
        .collect();
    let max = counts
        .iter()
        .map(|c| c.iter().sum::<u32>())
        .max()
        .unwrap_or(1)
        .max(1);
    let unit = match bucket {
        Bucket::Day => "day",
        Bucket::Week => "week",
        Bucket::Month => "month",
        Bucket::Quarter => "quarter",
        Bucket::Year => "year",
    };
    let n = starts.len();
    let first_label = starts[0].format("%Y-%m-%d").to_string();
    let last_label = last.format("%Y-%m-%d").to_string();
    let mid_label = starts[n / 2].format("%Y-%m-%d").to_string();
    let height = 230.0;
    Some(Drawing {
        height,
        draw: Box::new(move |fonts: &Fonts, x0: f32, y0: f32, w: f32| {
            let mut ops = Vec::new();
            let left = x0 + 28.0;
            let plot_w = w - 30.0;
            let base = y0 + 58.0;
            let plot_h = height - 58.0 - 28.0;
            let bar_w = plot_w / n as f32;
            let title = format!(
                "Incidents per {unit}, by behaviour group (n = {})",
                counts.iter().flatten().sum::<u32>()
            );
            ops.extend(text_ops(
                fonts,
                Face::Bold,
                9.0,
                INK,
                x0,
                y0 + height - 10.0,
                &title,
            ));
            // Axis and scale.
            ops.extend(line_ops(left, base, left + plot_w, base, 0.6, MUTED));
            for t in [0, max / 2, max] {
                let y = base + plot_h * t as f32 / max as f32;
                ops.extend(line_ops(left, y, left + plot_w, y, 0.3, RULE));
                ops.extend(text_ops(
                    fonts,
                    Face::Regular,
                    7.0,
                    MUTED,
                    x0,
                    y - 2.5,
                    &t.to_string(),
                ));
            }
            for (b, c) in counts.iter().enumerate() {
                let mut y = base;
                for (g, v) in c.iter().enumerate() {
                    if *v == 0 {
                        continue;
                    }
                    let h = plot_h * *v as f32 / max as f32;
                    let color = groups.get(g).map(|g| g.2).unwrap_or((0.6, 0.6, 0.6));
                    ops.extend(rect_ops(
                        left + b as f32 * bar_w + bar_w * 0.12,
                        y,
                        (bar_w * 0.76).max(0.6),
                        h,
                        color,
                    ));
                    y += h;
                }
            }
            // Police and court events: ticks above the axis line.
            for (b, _) in &marks {
                let x = left + (*b as f32 + 0.5) * bar_w;
                ops.extend(line_ops(
                    x,
                    base + plot_h + 2.0,
                    x,
                    base + plot_h + 9.0,
                    1.4,
                    (0.15, 0.15, 0.15),
                ));
            }
            for b in &order_marks {
                let x = left + (*b as f32 + 0.5) * bar_w;
                ops.extend(line_ops(x, base, x, base + plot_h, 0.9, (0.75, 0.1, 0.1)));
            }
            ops.extend(text_ops(
                fonts,
                Face::Regular,
                7.0,
                MUTED,
                left,
                base - 10.0,
                &first_label,
            ));
            let mw = fonts.width(Face::Regular, 7.0, &mid_label);
            ops.extend(text_ops(
                fonts,
                Face::Regular,
                7.0,
                MUTED,
                left + plot_w / 2.0 - mw / 2.0,
                base - 10.0,
                &mid_label,
            ));
            let lw = fonts.width(Face::Regular, 7.0, &last_label);
            ops.extend(text_ops(
                fonts,
                Face::Regular,
                7.0,
                MUTED,
                left + plot_w - lw,
                base - 10.0,
                &last_label,
            ));
            // Legend.
            let mut lx = left;
            let ly = y0 + 16.0;
            for (_, label, color) in &groups {
                ops.extend(rect_ops(lx, ly, 8.0, 8.0, *color));
                ops.extend(text_ops(
                    fonts,
                    Face::Regular,
                    7.5,
                    INK,
                    lx + 11.0,
                    ly + 1.0,
                    label,
                ));
                lx += 18.0 + fonts.width(Face::Regular, 7.5, label);
            }
            let ly2 = y0 + 2.0;
            ops.extend(line_ops(
                left,
                ly2 + 4.0,
                left + 8.0,
                ly2 + 4.0,
                1.4,
                (0.75, 0.1, 0.1),
            ));
            ops.extend(text_ops(
                fonts,
                Face::Regular,
                7.5,
                INK,
                left + 11.0,
                ly2 + 1.0,
                "protective order issued or served",
            ));
            let tx = left + 160.0;
            ops.extend(line_ops(
                tx + 4.0,
                ly2,
                tx + 4.0,
                ly2 + 8.0,
                1.4,
                (0.15, 0.15, 0.15),
            ));
            ops.extend(text_ops(
                fonts,
                Face::Regular,
                7.5,
                INK,
                tx + 11.0,
                ly2 + 1.0,
                "police or court event (warning, arrest, order served, violation)",
            ));
            ops
        }),
    })
}
