//! The progress bar on standard error: drawn only on a terminal, only once the work has
//! taken longer than a moment, never under `--quiet`, and cleared before anything else
//! is printed, so logs and CI output stay clean.

use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use crate::progress::{Progress, Stage};

/// How long work runs before the bar appears: a build that is over at once needs none,
/// and a bar that flashes for a moment only distracts.
pub(super) const DELAY: Duration = Duration::from_millis(500);

/// Replaces [`DELAY`], in milliseconds; tests set 0 so that a bar drawn where none
/// should be would show in their output.
pub(super) const DELAY_VARIABLE: &str = "PORTICO_PROGRESS_DELAY_MS";

/// A progress bar that starts hidden and shows itself after its delay.
pub(super) struct Bar {
    bar: ProgressBar,
    delay: Duration,
    /// Stops the thread waiting to show the bar; `None` before the first stage.
    waiting: Mutex<Option<(Sender<()>, JoinHandle<()>)>>,
}

impl Bar {
    /// A bar shown after `delay` of work.
    pub(super) fn new(delay: Duration) -> Bar {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(style());
        Bar {
            bar,
            delay,
            waiting: Mutex::new(None),
        }
    }

    /// The delay from [`DELAY_VARIABLE`], else [`DELAY`].
    pub(super) fn delay_from_env() -> Duration {
        std::env::var(DELAY_VARIABLE)
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(DELAY, Duration::from_millis)
    }
}

/// `building [=====>     ] 412/1,000 clients  83/s  7s left`
fn style() -> ProgressStyle {
    ProgressStyle::with_template(
        "{prefix:>9} [{bar:30}] {human_pos}/{human_len} clients  {rate}  {eta} left",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .with_key(
        "rate",
        |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}/s", state.per_sec());
        },
    )
    .progress_chars("=> ")
}

fn show(bar: &ProgressBar) {
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(100));
    bar.tick();
}

impl Progress for Bar {
    fn start(&self, stage: Stage, total: usize) {
        self.bar.set_prefix(stage.to_string());
        self.bar.set_length(total as u64);
        self.bar.set_position(0);
        self.bar.reset_eta();
        // Redraw at once: a stage shorter than one tick would otherwise never be seen in
        // its own words.
        self.bar.tick();
        let mut waiting = self
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if waiting.is_some() {
            return;
        }
        let (stop, stopped) = mpsc::channel::<()>();
        let handle = if self.delay.is_zero() {
            // Shown before any work, so that a test sees it whatever the timing.
            show(&self.bar);
            std::thread::spawn(|| {})
        } else {
            let bar = self.bar.clone();
            let delay = self.delay;
            std::thread::spawn(move || {
                if let Err(RecvTimeoutError::Timeout) = stopped.recv_timeout(delay) {
                    show(&bar);
                }
            })
        };
        *waiting = Some((stop, handle));
    }

    fn advance(&self) {
        self.bar.inc(1);
    }

    fn finish(&self) {
        let waiting = self
            .waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some((stop, handle)) = waiting {
            let _ = stop.send(());
            let _ = handle.join();
        }
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_that_finishes_before_its_delay_is_never_shown() {
        let bar = Bar::new(Duration::from_secs(3600));
        bar.start(Stage::Building, 3);
        bar.advance();
        bar.finish();
        assert!(bar.bar.is_hidden());
        assert!(bar.waiting.lock().unwrap().is_none());
    }

    #[test]
    fn finish_without_start_does_nothing() {
        let bar = Bar::new(Duration::ZERO);
        bar.finish();
        assert!(bar.bar.is_hidden());
    }
}
