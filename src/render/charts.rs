//! Inline SVG charts, drawn at build time so pages need no JavaScript.
//!
//! Charts carry a `<title>` (read by screen readers through `role="img"`) and are styled by
//! classes from the theme's CSS, never by inline styles. Every chart's numbers also appear
//! in a table on the same page, so nothing is said by the drawing alone.

use std::fmt::Write as _;

use chrono::Datelike;

use super::format;
use crate::model::{Date, Kpi, Milestone};

fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// A linear map from a data range onto a pixel range.
#[derive(Debug, Clone, Copy)]
struct Scale {
    d0: f64,
    d1: f64,
    p0: f64,
    p1: f64,
}

impl Scale {
    fn new(d0: f64, d1: f64, p0: f64, p1: f64) -> Scale {
        // A flat series still gets a visible band around it.
        let (d0, d1) = if (d1 - d0).abs() < f64::EPSILON {
            (d0 - 1.0, d1 + 1.0)
        } else {
            (d0, d1)
        };
        Scale { d0, d1, p0, p1 }
    }

    fn at(self, v: f64) -> f64 {
        self.p0 + (v - self.d0) / (self.d1 - self.d0) * (self.p1 - self.p0)
    }
}

/// Two decimals are plenty for pixels and keep the output small and stable.
fn px(v: f64) -> String {
    format::number(v)
}

fn day_number(d: Date) -> f64 {
    f64::from(d.naive().num_days_from_ce())
}

/// The value range of a KPI including its target, padded by a tenth on each side.
fn value_range(kpi: &Kpi) -> (f64, f64) {
    let mut lo = kpi.target;
    let mut hi = kpi.target;
    for p in &kpi.points {
        lo = lo.min(p.value);
        hi = hi.max(p.value);
    }
    let pad = ((hi - lo) * 0.1).max(f64::EPSILON);
    (lo - pad, hi + pad)
}

/// Round axis ticks covering `lo..hi`: steps of 1, 2 or 5 times a power of ten, so labels
/// read 60, 80, 100 rather than 68.15, 85.25, 102.35.
fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor();
    (0..12)
        .map(|i| (first + f64::from(i)) * step)
        .take_while(|v| *v <= hi + step * 0.999)
        .collect()
}

fn date_range(kpi: &Kpi) -> Option<(f64, f64)> {
    let first = kpi.points.first()?.on;
    let last = kpi.points.last()?.on;
    Some((day_number(first), day_number(last)))
}

/// A small trend line for the dashboard: the values, the target, the latest point.
pub(crate) fn sparkline(kpi: &Kpi) -> String {
    const W: f64 = 160.0;
    const H: f64 = 40.0;
    const PAD: f64 = 4.0;
    let unit = kpi.unit.as_deref();
    let mut svg = String::new();
    let description = match (kpi.points.first(), kpi.latest()) {
        (Some(first), Some(last)) => format!(
            "{}: from {} to {}, target {}",
            kpi.name,
            format::with_unit(first.value, unit),
            format::with_unit(last.value, unit),
            format::with_unit(kpi.target, unit)
        ),
        _ => format!("{}: no measurements yet", kpi.name),
    };
    let _ = write!(
        svg,
        "<svg class=\"spark\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\"><title>{}</title>",
        esc(&description)
    );
    let (lo, hi) = value_range(kpi);
    let y = Scale::new(lo, hi, H - PAD, PAD);
    let ty = px(y.at(kpi.target));
    let _ = write!(
        svg,
        "<line class=\"target\" x1=\"0\" x2=\"{W}\" y1=\"{ty}\" y2=\"{ty}\"/>"
    );
    if let Some((d0, d1)) = date_range(kpi) {
        let x = Scale::new(d0, d1, PAD, W - PAD);
        let points: Vec<String> = kpi
            .points
            .iter()
            .map(|p| format!("{},{}", px(x.at(day_number(p.on))), px(y.at(p.value))))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"line\" points=\"{}\"/>",
            points.join(" ")
        );
        if let Some(last) = kpi.latest() {
            let class = if kpi.meets_target(last.value) {
                "last good"
            } else {
                "last bad"
            };
            let _ = write!(
                svg,
                "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"3\"/>",
                px(x.at(day_number(last.on))),
                px(y.at(last.value))
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A full chart for the KPI page: axes, target line with its label, every point.
pub(crate) fn kpi_chart(kpi: &Kpi) -> String {
    const W: f64 = 640.0;
    const H: f64 = 240.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 32.0;
    let unit = kpi.unit.as_deref();
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" viewBox=\"0 0 {W} {H}\" role=\"img\"><title>{}</title>",
        esc(&format!(
            "{} over time against a target of {}",
            kpi.name,
            format::with_unit(kpi.target, unit)
        ))
    );
    let (lo, hi) = value_range(kpi);
    let ticks = nice_ticks(lo, hi);
    let (lo, hi) = match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) if b > a => (*a, *b),
        _ => (lo, hi),
    };
    let y = Scale::new(lo, hi, H - BOTTOM, TOP);
    // Axes and value labels at round numbers, with faint gridlines.
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{LEFT}\" x2=\"{LEFT}\" y1=\"{TOP}\" y2=\"{}\"/><line class=\"axis\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
        H - BOTTOM,
        W - RIGHT,
        H - BOTTOM,
        H - BOTTOM
    );
    for v in ticks {
        let gy = px(y.at(v));
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            LEFT - 6.0,
            px(y.at(v) + 4.0),
            esc(&format::with_unit(v, unit.filter(|u| u.starts_with('%'))))
        );
    }
    let ty = px(y.at(kpi.target));
    let _ = write!(
        svg,
        "<line class=\"target\" x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty}\" y2=\"{ty}\"/><text class=\"target-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">Target {}</text>",
        W - RIGHT,
        W - RIGHT,
        px(y.at(kpi.target) - 6.0),
        esc(&format::with_unit(kpi.target, unit))
    );
    if let Some((d0, d1)) = date_range(kpi) {
        let x = Scale::new(d0, d1, LEFT + 12.0, W - RIGHT - 12.0);
        let coords: Vec<(f64, f64)> = kpi
            .points
            .iter()
            .map(|p| (x.at(day_number(p.on)), y.at(p.value)))
            .collect();
        let line: Vec<String> = coords
            .iter()
            .map(|(cx, cy)| format!("{},{}", px(*cx), px(*cy)))
            .collect();
        let _ = write!(
            svg,
            "<polyline class=\"line\" points=\"{}\"/>",
            line.join(" ")
        );
        for (p, (cx, cy)) in kpi.points.iter().zip(&coords) {
            let class = if kpi.meets_target(p.value) {
                "good"
            } else {
                "bad"
            };
            let _ = write!(
                svg,
                "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"4\"><title>{}: {}</title></circle>",
                px(*cx),
                px(*cy),
                esc(&format::short_date(p.on)),
                esc(&format::with_unit(p.value, unit))
            );
        }
        if let (Some(first), Some(last)) = (kpi.points.first(), kpi.points.last()) {
            let _ = write!(
                svg,
                "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text>",
                LEFT + 12.0,
                H - 10.0,
                esc(&format::short_date(first.on))
            );
            if last.on != first.on {
                let _ = write!(
                    svg,
                    "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                    W - RIGHT - 12.0,
                    H - 10.0,
                    esc(&format::short_date(last.on))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Milestones on a time axis: the baseline date (hollow diamond), the forecast or actual
/// date (filled circle), the slip between them, and the as-of date.
pub(crate) fn timeline(
    milestones: &[Milestone],
    start: Option<Date>,
    end: Option<Date>,
    as_of: Date,
) -> String {
    const W: f64 = 720.0;
    const LEFT: f64 = 72.0;
    const RIGHT: f64 = 16.0;
    const TOP: f64 = 28.0;
    const ROW: f64 = 26.0;
    let h = TOP + ROW * milestones.len() as f64 + 8.0;
    let mut dates: Vec<Date> = vec![as_of];
    dates.extend(start);
    dates.extend(end);
    for m in milestones {
        dates.push(m.baseline_due);
        dates.push(m.forecast());
        dates.extend(m.done_on);
    }
    let (Some(min), Some(max)) = (dates.iter().min().copied(), dates.iter().max().copied()) else {
        return String::new();
    };
    let (min, max) = (min.plus_days(-7), max.plus_days(7));
    let x = Scale::new(day_number(min), day_number(max), LEFT, W - RIGHT);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline\" viewBox=\"0 0 {W} {}\" role=\"img\"><title>Milestone timeline: baseline and forecast dates, as of {}</title>",
        px(h),
        esc(&format::long_date(as_of))
    );
    // Month gridlines, labelled with the month's short name.
    let mut month = chrono::NaiveDate::from_ymd_opt(min.naive().year(), min.naive().month(), 1);
    while let Some(m) = month {
        let Some(date) = Date::from_ymd(m.year(), m.month(), 1) else {
            break;
        };
        if date > max {
            break;
        }
        if date >= min {
            let gx = px(x.at(day_number(date)));
            let label = if m.month() == 1 {
                m.format("%b %Y").to_string()
            } else {
                m.format("%b").to_string()
            };
            let _ = write!(
                svg,
                "<line class=\"grid\" x1=\"{gx}\" x2=\"{gx}\" y1=\"{}\" y2=\"{}\"/><text class=\"tick\" x=\"{gx}\" y=\"14\" text-anchor=\"middle\">{}</text>",
                TOP - 6.0,
                px(h - 4.0),
                esc(&label)
            );
        }
        month = m.checked_add_months(chrono::Months::new(1));
    }
    let ax = px(x.at(day_number(as_of)));
    let _ = write!(
        svg,
        "<line class=\"as-of\" x1=\"{ax}\" x2=\"{ax}\" y1=\"{}\" y2=\"{}\"/>",
        TOP - 6.0,
        px(h - 4.0)
    );
    for (i, m) in milestones.iter().enumerate() {
        let cy = TOP + ROW * i as f64 + ROW / 2.0;
        let bx = x.at(day_number(m.baseline_due));
        let actual = m.done_on.unwrap_or_else(|| m.forecast());
        let fx = x.at(day_number(actual));
        let _ = write!(
            svg,
            "<text class=\"row-label\" x=\"4\" y=\"{}\">{}</text>",
            px(cy + 4.0),
            esc(&m.id)
        );
        if actual != m.baseline_due {
            let class = if actual > m.baseline_due {
                "slip late"
            } else {
                "slip early"
            };
            let _ = write!(
                svg,
                "<line class=\"{class}\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
                px(bx),
                px(fx),
                px(cy),
                px(cy)
            );
        }
        let _ = write!(
            svg,
            "<path class=\"baseline\" d=\"M{} {}l6 6l-6 6l-6 -6z\"><title>{}: baseline {}</title></path>",
            px(bx),
            px(cy - 6.0),
            esc(&m.id),
            esc(&format::short_date(m.baseline_due))
        );
        let (class, word) = if m.is_done() {
            ("actual done", "done")
        } else if m.is_overdue(as_of) {
            ("actual overdue", "forecast, overdue")
        } else {
            ("actual", "forecast")
        };
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"6\"><title>{}: {word} {}</title></circle>",
            px(fx),
            px(cy),
            esc(&m.id),
            esc(&format::short_date(actual))
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kpi(yaml: &str) -> Kpi {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn ticks_are_round_numbers() {
        let labels = |lo, hi| {
            nice_ticks(lo, hi)
                .into_iter()
                .map(format::number)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(68.15, 102.35),
            ["60", "70", "80", "90", "100", "110"]
        );
        assert_eq!(labels(1.0, 109.0), ["0", "50", "100", "150"]);
        assert_eq!(
            labels(0.91, 0.99),
            ["0.9", "0.92", "0.94", "0.96", "0.98", "1"]
        );
        assert!(nice_ticks(5.0, 5.0).len() >= 2);
    }

    #[test]
    fn sparkline_escapes_and_describes() {
        let k = kpi(
            "id: k\nname: \"<b>On-time</b> & in-full\"\nunit: '%'\ntarget: 95\nbetter: up\npoints:\n- {on: 2026-10-01, value: 90}\n- {on: 2026-11-01, value: 96}\n",
        );
        let svg = sparkline(&k);
        assert!(svg.contains("<title>&lt;b&gt;On-time&lt;/b&gt; &amp; in-full: from 90% to 96%, target 95%</title>"), "{svg}");
        assert!(svg.contains("class=\"last good\""), "{svg}");
        assert!(!svg.contains("style="), "{svg}");
    }

    #[test]
    fn charts_cope_with_one_point_and_none() {
        let one =
            kpi("id: k\nname: n\ntarget: 5\nbetter: down\npoints:\n- {on: 2026-10-01, value: 5}\n");
        assert!(kpi_chart(&one).contains("<circle class=\"good\""));
        let none = kpi("id: k\nname: n\ntarget: 5\nbetter: down\n");
        assert!(sparkline(&none).contains("no measurements yet"));
        assert!(!kpi_chart(&none).contains("NaN"));
    }

    #[test]
    fn timeline_marks_slips_and_overdue() {
        let ms: Vec<Milestone> = serde_yaml::from_str(
            "- {id: M1, title: a, baseline_due: 2026-07-01, done_on: 2026-07-03, status: done}\n- {id: M2, title: b, baseline_due: 2026-08-01, forecast_due: 2026-08-20, status: in_progress}\n",
        )
        .unwrap();
        let as_of: Date = "2026-09-01".parse().unwrap();
        let svg = timeline(&ms, None, None, as_of);
        assert!(svg.contains("class=\"slip late\""), "{svg}");
        assert!(svg.contains("class=\"actual overdue\""), "{svg}");
        assert!(svg.contains(">Jul<"), "{svg}");
    }
}
