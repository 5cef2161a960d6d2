//! portico's integration tests: one binary, a module per feature (see `suite/`).

#![allow(clippy::unwrap_used, unreachable_pub, missing_docs)]

mod common;
mod suite;
