//! Inline SVG charts, drawn at build time so pages need no JavaScript.
//!
//! Charts carry a `<title>` (read by screen readers through `role="img"`) and are styled by
//! classes from the theme's CSS, never by inline styles. Every chart's numbers also appear
//! in a table on the same page, so nothing is said by the drawing alone.

use std::fmt::Write as _;

use chrono::Datelike;

use super::format;
use crate::locale;
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
    format::plain_number(v)
}

fn day_number(d: Date) -> f64 {
    f64::from(d.naive().num_days_from_ce())
}

/// The value range of a KPI including its target, padded by a tenth on each side.
fn value_range(kpi: &Kpi) -> (f64, f64) {
    let first = kpi.target.or_else(|| kpi.points.first().map(|p| p.value));
    let mut lo = first.unwrap_or(0.0);
    let mut hi = lo;
    for p in &kpi.points {
        lo = lo.min(p.value);
        hi = hi.max(p.value);
    }
    let pad = ((hi - lo) * 0.1).max(f64::EPSILON);
    (lo - pad, hi + pad)
}

/// The values a measure can take, as far as its data says: never below zero when nothing
/// measured was negative (counts, durations, money), and a percentage within 0-100 unless
/// the data leaves it.
fn domain(kpi: &Kpi) -> (f64, f64) {
    let values = || kpi.points.iter().map(|p| p.value).chain(kpi.target);
    let lo = if values().all(|v| v >= 0.0) {
        0.0
    } else {
        f64::NEG_INFINITY
    };
    let percent = is_percent(kpi);
    let hi = if percent && values().all(|v| v <= 100.0) {
        100.0
    } else {
        f64::INFINITY
    };
    (lo, hi)
}

/// Round axis ticks covering `lo..hi`, at most about `count + 2` of them: steps of 1, 2 or
/// 5 times a power of ten (Heckbert's nice numbers), so labels read 60, 80, 100 rather
/// than 68.15, 85.25, 102.35; none outside `bounds`.
fn nice_ticks(lo: f64, hi: f64, count: f64, bounds: (f64, f64)) -> Vec<f64> {
    let span = (hi - lo).max(f64::EPSILON);
    let raw = span / count.max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    let first = (lo / step).floor();
    (0..24)
        .map(|i| (first + f64::from(i)) * step)
        .take_while(|v| *v <= hi + step * 0.999)
        .filter(|v| *v >= bounds.0 - step * 1e-9 && *v <= bounds.1 + step * 1e-9)
        // -0 would print as "0" anyway; keep it tidy for comparisons.
        .map(|v| if v == 0.0 { 0.0 } else { v })
        .collect()
}

/// The width of a label in pixels at `font` px, generously (DejaVu Sans, the widest common
/// fallback, as the measure). Used to make room, so it errs on the wide side.
fn text_width(text: &str, font: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            '%' | 'M' | 'W' | 'm' | 'w' => 1.0,
            '−' | '+' => 0.84,
            ',' | '.' | ' ' | ':' | 'i' | 'l' | 'j' | 'I' => 0.36,
            c if c.is_ascii_uppercase() => 0.78,
            _ => 0.66,
        })
        .sum();
    ems * font
}

/// The unit of a time axis's ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TimeStep {
    Weeks(u32),
    Months(u32),
    Years(u32),
}

/// Ticks of a time axis over `min..=max`: the finest calendar step (week, month, quarter,
/// half-year, year, 2, 5, 10, 20, 50, 100 years) that gives at most `max_labels` labels.
fn time_ticks(min: Date, max: Date, max_labels: usize) -> (TimeStep, Vec<Date>) {
    use TimeStep::{Months, Weeks, Years};
    let steps = [
        Weeks(1),
        Weeks(2),
        Months(1),
        Months(3),
        Months(6),
        Years(1),
        Years(2),
        Years(5),
        Years(10),
        Years(20),
        Years(50),
        Years(100),
        Years(200),
        Years(500),
    ];
    let max_labels = max_labels.max(2);
    let mut last = (Years(500), Vec::new());
    for step in steps {
        let ticks = ticks_of(step, min, max, max_labels + 1);
        if ticks.len() <= max_labels {
            return (step, ticks);
        }
        last = (step, ticks);
    }
    last
}

/// The dates of one step's ticks in `min..=max`, stopping once past `limit` of them.
fn ticks_of(step: TimeStep, min: Date, max: Date, limit: usize) -> Vec<Date> {
    let (y, m) = (min.naive().year(), min.naive().month());
    let mut out = Vec::new();
    let mut at = match step {
        // Weeks start on Mondays.
        TimeStep::Weeks(_) => min.plus_days(i64::from(
            (7 - min.naive().weekday().num_days_from_monday()) % 7,
        )),
        TimeStep::Months(n) => {
            let m0 = (m - 1) / n * n + 1;
            Date::from_ymd(y, m0, 1).unwrap_or(min)
        }
        TimeStep::Years(n) => {
            let n = i32::try_from(n).unwrap_or(1);
            Date::from_ymd(y.div_euclid(n) * n, 1, 1).unwrap_or(min)
        }
    };
    while at <= max && out.len() <= limit {
        if at >= min {
            out.push(at);
        }
        let next = match step {
            TimeStep::Weeks(n) => Some(at.plus_days(7 * i64::from(n))),
            TimeStep::Months(n) => at
                .naive()
                .checked_add_months(chrono::Months::new(n))
                .and_then(|d| Date::from_ymd(d.year(), d.month(), 1)),
            TimeStep::Years(n) => i32::try_from(n)
                .ok()
                .and_then(|n| at.naive().year().checked_add(n))
                .and_then(|y| Date::from_ymd(y, 1, 1)),
        };
        match next {
            Some(n) if n > at => at = n,
            _ => break,
        }
    }
    out
}

/// A tick's label: `6 Oct`, `Oct`, `Jan 2027` (months show the year at January and on the
/// first tick), `Q2 2027`, `2027`.
fn time_label(step: TimeStep, date: Date, first: bool) -> String {
    let d = date.naive();
    match step {
        TimeStep::Weeks(_) if first || (d.month() == 1 && d.day() <= 14) => {
            format::short_date(date)
        }
        TimeStep::Weeks(_) => format::day_month(date),
        TimeStep::Months(1) if first || d.month() == 1 => {
            locale::with_current(|l| l.short_month_year(date))
        }
        TimeStep::Months(1) => locale::with_current(|l| l.short_month(date)),
        TimeStep::Months(3) => locale::t_args(
            "quarter",
            &[
                ("quarter", ((d.month() - 1) / 3 + 1).to_string().into()),
                ("year", d.year().to_string().into()),
            ],
        ),
        TimeStep::Months(_) => locale::with_current(|l| l.short_month_year(date)),
        TimeStep::Years(_) => d.year().to_string(),
    }
}

/// The widest label a step can produce, in characters, for fitting labels to a width.
fn time_label_chars(step: TimeStep) -> usize {
    match step {
        TimeStep::Weeks(_) => 11,
        TimeStep::Months(1) => 8,
        TimeStep::Months(_) => 8,
        TimeStep::Years(_) => 5,
    }
}

/// Ticks for a time axis `plot` pixels wide at `font` px: as many as fit, at most 12.
fn fitted_time_ticks(min: Date, max: Date, plot: f64, font: f64) -> (TimeStep, Vec<Date>) {
    // Try each step's own label width: years fit more labels than months.
    let mut best = time_ticks(min, max, 2);
    for fit in (2..=12).rev() {
        let (step, ticks) = time_ticks(min, max, fit);
        let label = text_width(&"0".repeat(time_label_chars(step)), font) + font;
        if ticks.len() as f64 * label <= plot {
            best = (step, ticks);
            break;
        }
    }
    best
}

fn date_range(kpi: &Kpi) -> Option<(f64, f64)> {
    let first = kpi.points.first()?.on;
    let last = kpi.points.last()?.on;
    Some((day_number(first), day_number(last)))
}

/// A small trend line for the dashboard: the values, the target, the latest point.
/// How a KPI's values read (`1,290 tickets`, `£35bn`, `99.4%`), from the view, which knows
/// the client's currency.
pub(crate) type ValueLabel<'a> = &'a dyn Fn(f64) -> String;

/// Whether a KPI measures a share out of 100.
fn is_percent(kpi: &Kpi) -> bool {
    kpi.unit
        .as_deref()
        .is_some_and(|u| u == "percent" || u.starts_with('%'))
}

pub(crate) fn sparkline(kpi: &Kpi, label: ValueLabel<'_>) -> String {
    const W: f64 = 160.0;
    const H: f64 = 40.0;
    const PAD: f64 = 4.0;
    let mut svg = String::new();
    let description = match (kpi.points.first(), kpi.latest()) {
        (Some(first), Some(last)) => {
            let from_to = locale::t_args(
                "spark-from-to",
                &[
                    ("name", kpi.name.as_str().into()),
                    ("first", label(first.value).into()),
                    ("last", label(last.value).into()),
                ],
            );
            match kpi.target {
                Some(t) => locale::t_args(
                    "spark-with-target",
                    &[("text", from_to.into()), ("target", label(t).into())],
                ),
                None => from_to,
            }
        }
        _ => locale::t_args(
            "spark-no-measurements",
            &[("name", kpi.name.as_str().into())],
        ),
    };
    let _ = write!(
        svg,
        "<svg class=\"spark\" viewBox=\"0 0 {W} {H}\" width=\"{W}\" height=\"{H}\" role=\"img\"><title>{}</title>",
        esc(&description)
    );
    let (lo, hi) = value_range(kpi);
    let y = Scale::new(lo, hi, H - PAD, PAD);
    if let Some(target) = kpi.target {
        let ty = px(y.at(target));
        let _ = write!(
            svg,
            "<line class=\"target\" x1=\"0\" x2=\"{W}\" y1=\"{ty}\" y2=\"{ty}\"/>"
        );
    }
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
            let class = match kpi.standing(last.value) {
                None => "last",
                Some(crate::model::Standing::OnTarget) => "last good",
                Some(_) => "last bad",
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

/// How big a drawing is: its width in SVG units and its text size in the same units.
/// Each chart is drawn twice, wide and narrow; the theme shows the one that fits, so
/// labels stay at about their drawn size instead of being scaled down to a phone.
#[derive(Debug, Clone, Copy)]
struct Size {
    width: f64,
    font: f64,
    class: &'static str,
}

const WIDE: Size = Size {
    width: 800.0,
    font: 13.0,
    class: "chart-wide",
};

const NARROW: Size = Size {
    width: 320.0,
    font: 13.0,
    class: "chart-narrow",
};

/// A full chart for the KPI page, wide and narrow: axes, target line, every point.
pub(crate) fn kpi_chart(kpi: &Kpi, label: ValueLabel<'_>) -> String {
    let mut svg = kpi_chart_at(kpi, WIDE, label);
    svg.push_str(&kpi_chart_at(kpi, NARROW, label));
    svg
}

fn kpi_chart_at(kpi: &Kpi, size: Size, label: ValueLabel<'_>) -> String {
    let Size { width: w, font, .. } = size;
    let h = if w > 400.0 { 260.0 } else { 220.0 };
    let tick_unit = is_percent(kpi).then_some("%");
    let target_text = kpi
        .target
        .map(|t| format!("{} {}", locale::t("target"), label(t)))
        .unwrap_or_default();
    // The target's legend sits above the plot, where it cannot cover a point.
    let top = font * 2.2;
    let bottom = font * 2.2 + 4.0;
    let right = 12.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart {}\" viewBox=\"0 0 {w} {h}\" role=\"img\"><title>{}</title>",
        size.class,
        esc(&match kpi.target {
            Some(t) => locale::t_args(
                "chart-over-time-target",
                &[
                    ("name", kpi.name.as_str().into()),
                    ("target", label(t).into())
                ]
            ),
            None => locale::t_args("chart-over-time", &[("name", kpi.name.as_str().into())]),
        })
    );
    let bounds = domain(kpi);
    let (lo, hi) = value_range(kpi);
    let (lo, hi) = (lo.max(bounds.0), hi.min(bounds.1));
    let rows = ((h - top - bottom) / (font * 3.0)).clamp(2.0, 6.0);
    let ticks = nice_ticks(lo, hi, rows, bounds);
    let (lo, hi) = match (ticks.first(), ticks.last()) {
        (Some(a), Some(b)) if b > a => (a.min(lo), b.max(hi)),
        _ => (lo, hi),
    };
    let labels: Vec<String> = ticks
        .iter()
        .map(|v| format::with_unit(*v, tick_unit))
        .collect();
    // The margin grows to the widest value label: a label is never cut ("−10,000%").
    let left = labels
        .iter()
        .map(|l| text_width(l, font))
        .fold(24.0, f64::max)
        + 10.0;
    let y = Scale::new(lo, hi, h - bottom, top);
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><line class=\"axis\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/>",
        px(left),
        px(left),
        px(top),
        px(h - bottom),
        px(left),
        px(w - right),
        px(h - bottom),
        px(h - bottom)
    );
    for (v, label) in ticks.iter().zip(&labels) {
        let gy = px(y.at(*v));
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            px(left),
            px(w - right),
            px(left - 6.0),
            px(y.at(*v) + font * 0.35),
            esc(label)
        );
    }
    if let Some(target) = kpi.target {
        let ty = px(y.at(target));
        let legend_x = w - right - text_width(&target_text, font);
        let _ = write!(
            svg,
            "<line class=\"target\" x1=\"{}\" x2=\"{}\" y1=\"{ty}\" y2=\"{ty}\"/><line class=\"target\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><text class=\"target-label\" x=\"{}\" y=\"{}\">{}</text>",
            px(left),
            px(w - right),
            px(legend_x - 30.0),
            px(legend_x - 6.0),
            px(font * 0.8),
            px(font * 0.8),
            px(legend_x),
            px(font * 1.15),
            esc(&target_text)
        );
    }
    if let Some((d0, d1)) = date_range(kpi) {
        let (x0, x1) = (left + 12.0, w - right - 12.0);
        let x = Scale::new(d0, d1, x0, x1);
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
            let class = match kpi.standing(p.value) {
                None => "point",
                Some(crate::model::Standing::OnTarget) => "good",
                Some(_) => "bad",
            };
            let _ = write!(
                svg,
                "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"4\"><title>{}: {}</title></circle>",
                px(*cx),
                px(*cy),
                esc(&format::short_date(p.on)),
                esc(&label(p.value))
            );
        }
        // Dates along the bottom: calendar ticks when the series spans a few, else its
        // first and last dates.
        let mut marks: Vec<(f64, String)> = Vec::new();
        if let (Some(first), Some(last)) = (kpi.points.first(), kpi.points.last()) {
            let (step, ticks) = fitted_time_ticks(first.on, last.on, x1 - x0, font);
            if ticks.len() >= 2 {
                for (i, t) in ticks.iter().enumerate() {
                    marks.push((x.at(day_number(*t)), time_label(step, *t, i == 0)));
                }
            } else {
                marks.push((x0, format::short_date(first.on)));
                if last.on != first.on {
                    marks.push((x1, format::short_date(last.on)));
                }
            }
        }
        for (mx, label) in marks {
            // Kept whole inside the drawing.
            let half = text_width(&label, font) / 2.0;
            let cx = mx.clamp(half + 2.0, w - half - 2.0);
            let _ = write!(
                svg,
                "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                px(cx),
                px(h - 6.0),
                esc(&label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

/// What a burn-up chart draws: money spent over time against the planned line and the
/// cap (raised by approved changes), with the forecast to the end.
pub(crate) struct Burnup<'a> {
    /// Start and end of the plan (the planned line runs from zero to the cap).
    pub(crate) start: Date,
    pub(crate) end: Date,
    /// The cap, stepping up on each approved change: (from, cap).
    pub(crate) caps: &'a [(Date, f64)],
    /// Spent up to the end of each week: (Sunday, cumulative).
    pub(crate) actual: &'a [(Date, f64)],
    /// Forecast at completion, drawn from the last actual point to the end.
    pub(crate) forecast: Option<f64>,
    /// How amounts are written on the axis and in titles.
    pub(crate) money: &'a dyn Fn(f64) -> String,
}

/// A burn-up chart: cumulative spend (line with points), the planned line (dashed), the
/// cap (steps) and the forecast (dotted).
pub(crate) fn burnup(b: &Burnup<'_>) -> String {
    let mut svg = burnup_at(b, WIDE);
    svg.push_str(&burnup_at(b, NARROW));
    svg
}

fn burnup_at(b: &Burnup<'_>, size: Size) -> String {
    let Size { width: w, font, .. } = size;
    let h = if w > 400.0 { 260.0 } else { 220.0 };
    const RIGHT: f64 = 16.0;
    let top = font * 1.6;
    let bottom = font * 2.4;
    let cap_now = b.caps.last().map_or(0.0, |c| c.1);
    let spent = b.actual.last().map_or(0.0, |a| a.1);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart burnup {}\" viewBox=\"0 0 {w} {h}\" role=\"img\"><title>{}</title>",
        size.class,
        esc(&{
            let text = locale::t_args(
                "burnup-title",
                &[
                    ("spent", (b.money)(spent).into()),
                    ("cap", (b.money)(cap_now).into()),
                ],
            );
            match b.forecast {
                Some(f) => locale::t_args(
                    "burnup-title-forecast",
                    &[("text", text.into()), ("amount", (b.money)(f).into())],
                ),
                None => text,
            }
        })
    );
    let hi = [cap_now, spent, b.forecast.unwrap_or(0.0)]
        .into_iter()
        .fold(1.0_f64, f64::max);
    let ticks = nice_ticks(0.0, hi * 1.05, 5.0, (0.0, f64::INFINITY));
    let ceiling = ticks.last().copied().filter(|t| *t > 0.0).unwrap_or(hi);
    // The margin grows to the widest amount on the axis: a label is never cut.
    let left = ticks
        .iter()
        .map(|v| text_width(&(b.money)(*v), font))
        .fold(24.0, f64::max)
        + 10.0;
    let y = Scale::new(0.0, ceiling, h - bottom, top);
    let last_day = b.actual.last().map_or(b.end, |a| a.0.max(b.end));
    let x = Scale::new(day_number(b.start), day_number(last_day), left, w - RIGHT);
    let base = px(h - bottom);
    let _ = write!(
        svg,
        "<line class=\"axis\" x1=\"{l}\" x2=\"{l}\" y1=\"{t}\" y2=\"{base}\"/><line class=\"axis\" x1=\"{l}\" x2=\"{r}\" y1=\"{base}\" y2=\"{base}\"/>",
        l = px(left),
        t = px(top),
        r = px(w - RIGHT),
    );
    for v in &ticks {
        let gy = px(y.at(*v));
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{gy}\" y2=\"{gy}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            px(left),
            px(w - RIGHT),
            px(left - 6.0),
            px(y.at(*v) + font * 0.35),
            esc(&(b.money)(*v))
        );
    }
    // The planned line: even spending from the start to the cap at the end.
    let _ = write!(
        svg,
        "<line class=\"planned\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
        px(x.at(day_number(b.start))),
        px(y.at(0.0)),
        px(x.at(day_number(b.end))),
        px(y.at(cap_now))
    );
    // The cap, stepping up with each approved change.
    let mut steps = Vec::new();
    for (i, (from, cap)) in b.caps.iter().enumerate() {
        let x0 = x.at(day_number((*from).max(b.start)));
        let x1 = b.caps.get(i + 1).map_or(x.at(day_number(last_day)), |n| {
            x.at(day_number(n.0.max(b.start)))
        });
        steps.push(format!(
            "{},{} {},{}",
            px(x0),
            px(y.at(*cap)),
            px(x1),
            px(y.at(*cap))
        ));
    }
    let _ = write!(
        svg,
        "<polyline class=\"target\" points=\"{}\"/><text class=\"target-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{} {}</text>",
        steps.join(" "),
        w - RIGHT,
        px(y.at(cap_now) - 6.0),
        esc(&locale::t("cap")),
        esc(&(b.money)(cap_now))
    );
    let mut line = vec![format!(
        "{},{}",
        px(x.at(day_number(b.start))),
        px(y.at(0.0))
    )];
    line.extend(
        b.actual
            .iter()
            .map(|(d, v)| format!("{},{}", px(x.at(day_number(*d))), px(y.at(*v)))),
    );
    let _ = write!(
        svg,
        "<polyline class=\"line\" points=\"{}\"/>",
        line.join(" ")
    );
    if let (Some(f), Some((d, v))) = (b.forecast, b.actual.last()) {
        if *d < b.end {
            let _ = write!(
                svg,
                "<line class=\"forecast\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>",
                px(x.at(day_number(*d))),
                px(y.at(*v)),
                px(x.at(day_number(b.end))),
                px(y.at(f))
            );
        }
    }
    for (d, v) in b.actual {
        let class = if *v
            > b.caps
                .iter()
                .rev()
                .find(|c| c.0 <= *d)
                .map_or(cap_now, |c| c.1)
        {
            "bad"
        } else {
            "good"
        };
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"3\"><title>{}: {}</title></circle>",
            px(x.at(day_number(*d))),
            px(y.at(*v)),
            esc(&format::short_date(*d)),
            esc(&(b.money)(*v))
        );
    }
    let _ = write!(
        svg,
        "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"start\">{}</text><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        px(left),
        px(h - font * 0.6),
        esc(&format::short_date(b.start)),
        px(w - RIGHT),
        px(h - font * 0.6),
        esc(&format::short_date(last_day))
    );
    svg.push_str("</svg>");
    svg
}

/// Milestones on a time axis, wide and narrow: the baseline date (hollow diamond), the
/// forecast or actual date (filled circle), the slip between them, and the as-of date.
pub(crate) fn timeline(
    milestones: &[&Milestone],
    start: Option<Date>,
    end: Option<Date>,
    as_of: Date,
) -> String {
    // Milestones to be confirmed have no place on a time axis: the page lists them.
    let dated: Vec<(&Milestone, Date)> = milestones
        .iter()
        .filter_map(|m| Some((*m, m.agreed()?)))
        .collect();
    let mut svg = timeline_at(&dated, start, end, as_of, WIDE);
    svg.push_str(&timeline_at(&dated, start, end, as_of, NARROW));
    svg
}

/// The dates the axis covers. With the engagement's dates known, a date more than half
/// the engagement's length beyond them is drawn at the edge (its title still gives the
/// date), so one milestone decades away does not crush the rest.
fn timeline_span(
    milestones: &[(&Milestone, Date)],
    start: Option<Date>,
    end: Option<Date>,
    as_of: Date,
) -> Option<(Date, Date)> {
    let mut dates: Vec<Date> = vec![as_of];
    dates.extend(start);
    dates.extend(end);
    for (m, agreed) in milestones {
        dates.push(*agreed);
        dates.extend(m.forecast());
        dates.extend(m.done_on);
    }
    let (mut min, mut max) = (*dates.iter().min()?, *dates.iter().max()?);
    if let (Some(s), Some(e)) = (start, end) {
        let (core_lo, core_hi) = (s.min(as_of), e.max(as_of));
        let reach = (core_lo.days_until(core_hi) / 2).max(14);
        min = min.max(core_lo.plus_days(-reach));
        max = max.min(core_hi.plus_days(reach));
    }
    let pad = (min.days_until(max) / 50).max(3);
    Some((min.plus_days(-pad), max.plus_days(pad)))
}

fn timeline_at(
    milestones: &[(&Milestone, Date)],
    start: Option<Date>,
    end: Option<Date>,
    as_of: Date,
    size: Size,
) -> String {
    let Size { width: w, font, .. } = size;
    let Some((min, max)) = timeline_span(milestones, start, end, as_of) else {
        return String::new();
    };
    let right = 12.0;
    let top = font * 2.4;
    // Many rows get a little closer; each keeps its label's height.
    let row = if milestones.len() > 40 {
        font * 1.6
    } else {
        font * 2.0
    };
    let left = milestones
        .iter()
        .map(|(m, _)| text_width(&m.id, font))
        .fold(font * 2.0, f64::max)
        .min(w * 0.3)
        + 14.0;
    let h = top + row * milestones.len() as f64 + 8.0;
    let x = Scale::new(day_number(min), day_number(max), left, w - right);
    let at = |d: Date| x.at(day_number(d.clamp(min, max)));
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"timeline {}\" viewBox=\"0 0 {w} {}\" role=\"img\"><title>{}</title>",
        size.class,
        px(h),
        esc(&locale::t_args(
            "timeline-title",
            &[("date", format::long_date(as_of).into())]
        ))
    );
    let (step, ticks) = fitted_time_ticks(min, max, w - left - right, font);
    for (i, t) in ticks.iter().enumerate() {
        let gx = x.at(day_number(*t));
        let label = time_label(step, *t, i == 0);
        let half = text_width(&label, font) / 2.0;
        let _ = write!(
            svg,
            "<line class=\"grid\" x1=\"{}\" x2=\"{}\" y1=\"{}\" y2=\"{}\"/><text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            px(gx),
            px(gx),
            px(top - 6.0),
            px(h - 4.0),
            px(gx.clamp(half + 2.0, w - half - 2.0)),
            px(font * 1.2),
            esc(&label)
        );
    }
    let ax = px(at(as_of));
    let _ = write!(
        svg,
        "<line class=\"as-of\" x1=\"{ax}\" x2=\"{ax}\" y1=\"{}\" y2=\"{}\"/>",
        px(top - 6.0),
        px(h - 4.0)
    );
    for (i, &(m, agreed)) in milestones.iter().enumerate() {
        let cy = top + row * i as f64 + row / 2.0;
        let bx = at(agreed);
        let actual = m.done_on.or(m.forecast_due).unwrap_or(agreed);
        let fx = at(actual);
        let _ = write!(
            svg,
            "<text class=\"row-label\" x=\"4\" y=\"{}\">{}</text>",
            px(cy + font * 0.35),
            esc(&m.id)
        );
        if actual != agreed {
            let class = if actual > agreed {
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
        let point = |what: String, date: Date| {
            esc(&locale::t_args(
                "timeline-point",
                &[
                    ("id", m.id.as_str().into()),
                    ("what", what.into()),
                    ("date", format::short_date(date).into()),
                ],
            ))
        };
        let _ = write!(
            svg,
            "<path class=\"baseline\" d=\"M{} {}l6 6l-6 6l-6 -6z\"><title>{}</title></path>",
            px(bx),
            px(cy - 6.0),
            point(locale::t("timeline-baseline"), agreed)
        );
        // Without a forecast there is nothing to mark: a dot on the agreed date would read
        // as "expected on time", which nobody said.
        let (class, word) = if m.is_done() {
            ("actual done", locale::t("timeline-done"))
        } else if m.is_overdue(as_of) && m.forecast_due.is_none() {
            ("actual overdue", locale::t("timeline-late-no-forecast"))
        } else if m.is_overdue(as_of) {
            ("actual overdue", locale::t("timeline-overdue"))
        } else if m.forecast_due.is_none() {
            continue;
        } else {
            ("actual", locale::t("timeline-forecast"))
        };
        let _ = write!(
            svg,
            "<circle class=\"{class}\" cx=\"{}\" cy=\"{}\" r=\"6\"><title>{}</title></circle>",
            px(fx),
            px(cy),
            point(word, actual)
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values with the KPI's unit as written, as a view without a currency shows them.
    pub(super) fn plain(k: &Kpi) -> impl Fn(f64) -> String + '_ {
        |v| format::with_unit(v, k.unit.as_deref())
    }

    fn kpi(yaml: &str) -> Kpi {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn ticks_are_round_numbers() {
        let labels = |lo, hi| {
            nice_ticks(lo, hi, 4.0, (f64::NEG_INFINITY, f64::INFINITY))
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
        assert!(nice_ticks(5.0, 5.0, 4.0, (f64::NEG_INFINITY, f64::INFINITY)).len() >= 2);
        // Clamped to the measure's domain: a share stays within 0-100, a count above 0.
        assert_eq!(
            nice_ticks(-8.0, 108.0, 4.0, (0.0, 100.0))
                .into_iter()
                .map(format::number)
                .collect::<Vec<_>>(),
            ["0", "50", "100"]
        );
    }

    #[test]
    fn sparkline_escapes_and_describes() {
        let k = kpi(
            "id: k\nname: \"<b>On-time</b> & in-full\"\nunit: '%'\ntarget: 95\nbetter: up\npoints:\n- {on: 2026-10-01, value: 90}\n- {on: 2026-11-01, value: 96}\n",
        );
        let svg = sparkline(&k, &plain(&k));
        assert!(svg.contains("<title>&lt;b&gt;On-time&lt;/b&gt; &amp; in-full: from 90% to 96%, target 95%</title>"), "{svg}");
        assert!(svg.contains("class=\"last good\""), "{svg}");
        assert!(!svg.contains("style="), "{svg}");
    }

    #[test]
    fn charts_cope_with_one_point_and_none() {
        let one =
            kpi("id: k\nname: n\ntarget: 5\nbetter: down\npoints:\n- {on: 2026-10-01, value: 5}\n");
        assert!(kpi_chart(&one, &plain(&one)).contains("<circle class=\"good\""));
        let none = kpi("id: k\nname: n\ntarget: 5\nbetter: down\n");
        assert!(sparkline(&none, &plain(&none)).contains("no measurements yet"));
        assert!(!kpi_chart(&none, &plain(&none)).contains("NaN"));
    }

    #[test]
    fn timeline_marks_slips_and_overdue() {
        let ms: Vec<Milestone> = serde_yaml::from_str(
            "- {id: M1, title: a, baseline_due: 2026-07-01, done_on: 2026-07-03, status: done}\n- {id: M2, title: b, baseline_due: 2026-08-01, forecast_due: 2026-08-20, status: in_progress}\n",
        )
        .unwrap();
        let as_of: Date = "2026-09-01".parse().unwrap();
        let refs: Vec<&Milestone> = ms.iter().collect();
        let svg = timeline(&refs, None, None, as_of);
        assert!(svg.contains("class=\"slip late\""), "{svg}");
        assert!(svg.contains("class=\"actual overdue\""), "{svg}");
        assert!(svg.contains(">Jul 2026<"), "{svg}");
        assert!(svg.contains(">Aug<"), "{svg}");
    }

    #[test]
    fn a_milestone_without_a_forecast_gets_no_forecast_mark() {
        let ms: Vec<Milestone> = serde_yaml::from_str(
            "- {id: M1, title: a, baseline_due: 2026-10-01, status: planned}\n- {id: M2, title: b, baseline_due: 2026-08-01, status: in_progress}\n",
        )
        .unwrap();
        let as_of: Date = "2026-09-01".parse().unwrap();
        let refs: Vec<&Milestone> = ms.iter().collect();
        let svg = timeline(&refs, None, None, as_of);
        assert!(
            svg.contains("<title>M1: baseline 1 Oct 2026</title>"),
            "{svg}"
        );
        assert!(
            !svg.contains("M1: forecast"),
            "no forecast was given: {svg}"
        );
        // One mark, M2's, in each of the wide and the narrow drawing.
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert!(
            svg.contains("<title>M2: late, no forecast 1 Aug 2026</title>"),
            "{svg}"
        );
    }
}

#[cfg(test)]
mod axis_tests {
    use super::tests::plain;
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn labels(min: &str, max: &str, n: usize) -> (TimeStep, Vec<String>) {
        let (step, ticks) = time_ticks(d(min), d(max), n);
        let labels = ticks
            .iter()
            .enumerate()
            .map(|(i, t)| time_label(step, *t, i == 0))
            .collect();
        (step, labels)
    }

    #[test]
    fn a_week_gets_week_ticks() {
        let (step, l) = labels("2026-03-02", "2026-03-09", 12);
        assert_eq!(step, TimeStep::Weeks(1));
        assert_eq!(l, ["2 Mar 2026", "9 Mar"]);
    }

    #[test]
    fn months_then_quarters_then_years() {
        assert_eq!(
            labels("2026-01-01", "2026-12-31", 12).0,
            TimeStep::Months(1)
        );
        assert_eq!(
            labels("2026-01-01", "2027-01-01", 12).0,
            TimeStep::Months(3)
        );
        let (step, l) = labels("2026-01-01", "2027-01-01", 12);
        assert_eq!(step, TimeStep::Months(3));
        assert_eq!(l.first().map(String::as_str), Some("Q1 2026"));
        assert_eq!(labels("2020-01-01", "2026-12-31", 12).0, TimeStep::Years(1));
        assert_eq!(labels("2020-01-01", "2031-12-31", 12).0, TimeStep::Years(1));
        assert_eq!(labels("2020-01-01", "2032-01-01", 12).0, TimeStep::Years(2));
    }

    #[test]
    fn sixty_years_get_decades_and_never_more_than_twelve_labels() {
        let (step, l) = labels("2000-01-01", "2068-12-31", 12);
        assert_eq!(step, TimeStep::Years(10));
        assert_eq!(l, ["2000", "2010", "2020", "2030", "2040", "2050", "2060"]);
        for (min, max) in [
            ("2026-03-02", "2026-03-09"),
            ("2026-01-01", "2026-03-31"),
            ("1900-01-01", "2400-01-01"),
        ] {
            assert!(labels(min, max, 12).1.len() <= 12, "{min}..{max}");
        }
    }

    #[test]
    fn fitted_ticks_respect_the_width() {
        let (_, narrow) = fitted_time_ticks(d("2026-01-01"), d("2026-12-31"), 280.0, 13.0);
        let (_, wide) = fitted_time_ticks(d("2026-01-01"), d("2026-12-31"), 760.0, 13.0);
        assert!(narrow.len() <= 4, "{narrow:?}");
        assert!(wide.len() > narrow.len(), "{wide:?}");
    }

    #[test]
    fn value_axis_grows_to_its_widest_label() {
        let k: Kpi = serde_yaml::from_str(
            "id: k\nname: n\nunit: '%'\ntarget: 0\nbetter: up\npoints:\n- {on: 2026-10-01, value: -10000}\n- {on: 2026-11-01, value: 50}\n",
        )
        .unwrap();
        let svg = kpi_chart(&k, &plain(&k));
        assert!(svg.contains(">−10,000%</text>"), "{svg}");
        // Every tick label starts right of x = 0: the end-anchored label is at most its
        // estimated width.
        let left = text_width("−10,000%", 13.0) + 10.0;
        assert!(svg.contains(&format!("x1=\"{}\"", px(left))), "{svg}");
    }

    #[test]
    fn a_count_never_goes_below_zero() {
        let k: Kpi = serde_yaml::from_str(
            "id: k\nname: Defects\ntarget: 2\nbetter: down\npoints:\n- {on: 2026-10-01, value: 0}\n- {on: 2026-11-01, value: 7}\n",
        )
        .unwrap();
        let svg = kpi_chart(&k, &plain(&k));
        assert!(!svg.contains(">−"), "{svg}");
        assert!(svg.contains(">0</text>"), "{svg}");
    }
}
