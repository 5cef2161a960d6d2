mod build;
mod cli;
mod golden;
