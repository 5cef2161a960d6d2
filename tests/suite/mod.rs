mod build;
mod cli;
mod errors;
mod golden;
mod readme;
mod robustness;
mod serve;
mod theme;
