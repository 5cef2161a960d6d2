//! How long work tells whoever wants to show it how far it has got.
//!
//! The library counts (clients read, checked, built); it never draws. The command line
//! hands in a progress bar ([`crate::cli`]), tests hand in a recorder, and everything else
//! uses [`Silent`]. Calls come from many threads at once, in no particular order.

use std::fmt;

/// A stage of work, counted in clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading every client's files to see which changed since the last build.
    Reading,
    /// Loading, checking and rendering clients without writing (`check`).
    Checking,
    /// Loading, checking, rendering and writing clients (`build`, the preview).
    Building,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Reading => "reading",
            Stage::Checking => "checking",
            Stage::Building => "building",
        })
    }
}

/// Receives progress. Every method has an empty default, so a receiver implements only
/// what it shows.
pub trait Progress: Send + Sync {
    /// A stage of `total` clients begins; any earlier stage is over.
    fn start(&self, _stage: Stage, _total: usize) {}
    /// One more client of the current stage is done.
    fn advance(&self) {}
    /// The work is over (successful or not); nothing more will be reported.
    fn finish(&self) {}
}

/// Progress nobody watches.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
