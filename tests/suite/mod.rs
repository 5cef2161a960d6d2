mod build;
mod cli;
mod golden;
mod readme;
mod theme;
