//! Writes a deterministic corpus of generated plans.
//!
//! `cargo run --release --example gen-corpus -- DIR COUNT WEEKS [SEED] [DENSITY]`
//! writes COUNT plans of WEEKS weeks to DIR: about 30% with one or two findings, or, with
//! a DENSITY above 0, problems in that share of the (week, problem) slots (0.5 gives a
//! 16-week plan about 30 findings, for output-heavy runs).

// A measuring tool, not the linter: it reads no user input, so it may unwrap and index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count), Some(weeks)) = (
        args.first().map(PathBuf::from),
        args.get(1).and_then(|c| c.parse::<usize>().ok()),
        args.get(2).and_then(|w| w.parse::<u32>().ok()),
    ) else {
        eprintln!("usage: gen-corpus DIR COUNT WEEKS [SEED] [DENSITY]");
        return ExitCode::from(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let density = args.get(4).and_then(|d| d.parse().ok()).unwrap_or(0.0);
    if let Err(error) = std::fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {error}", dir.display());
        return ExitCode::from(2);
    }
    for (index, plan) in corpus::dense_plans(count, weeks, 0.3, density, seed).into_iter().enumerate() {
        let path = dir.join(format!("plan-{weeks}w-{index:05}.yaml"));
        if let Err(error) = std::fs::write(&path, plan) {
            eprintln!("cannot write {}: {error}", path.display());
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
