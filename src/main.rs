//! The `runlint` binary: parse arguments, run, exit.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    runlint::cli::run(runlint::cli::Args::parse())
}
