//! Stage benchmarks on generated plans: the parser floor (bytes to spanned tree) against
//! parse + lowering and the full lint, on the 1,000-plan corpus; lint time against plan
//! length (16 to 128 weeks); and the HTML report of one long plan full of findings at 1x,
//! 2x and 4x its length. `scripts/bench.sh` adds the whole-process figures and peers.

// A measuring tool, not the linter: it reads no user input, so it may unwrap and index.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use runlint::config::Config;
use runlint::source::Source;

const CORPUS_SEED: u64 = 2026;

fn generated(count: usize, weeks: u32) -> Vec<Source> {
    corpus::plans(count, weeks, 0.3, CORPUS_SEED)
        .into_iter()
        .enumerate()
        .map(|(index, text)| Source::new(format!("plan-{index}.yaml"), text))
        .collect()
}

fn stages(c: &mut Criterion) {
    let sources = generated(1000, 16);
    let bytes: usize = sources.iter().map(Source::len).sum();
    let config = Config::default();
    let mut group = c.benchmark_group("corpus-1000x16w");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("parse-only", |b| {
        b.iter(|| sources.iter().filter(|s| runlint::yaml::parse(black_box(s)).is_ok()).count())
    });
    group.bench_function("parse-and-lower", |b| {
        b.iter(|| sources.iter().filter(|s| runlint::plan::parse(black_box(s)).is_ok()).count())
    });
    group.bench_function("full-lint", |b| {
        b.iter(|| sources.iter().map(|s| runlint::lint_source(black_box(s), &config).len()).sum::<usize>())
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("plan-length");
    for weeks in [16u32, 32, 64, 128] {
        let source = generated(1, weeks).remove(0);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(weeks), &source, |b, source| {
            b.iter(|| runlint::lint_source(black_box(source), &config).len())
        });
    }
    group.finish();
}

/// Weeks of the 1x plan of the report benchmark (about 0.9 MB with its findings).
const REPORT_WEEKS: u32 = 1000;

/// The report (view and HTML) of one plan at 1x, 2x and 4x its length, with findings in
/// most weeks: time and bytes written should grow in step with the plan.
fn report(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("report-length");
    group.sample_size(10);
    for factor in [1u32, 2, 4] {
        let weeks = REPORT_WEEKS * factor;
        let text = corpus::dense_plans(1, weeks, 1.0, 0.7, CORPUS_SEED).remove(0);
        let source = Source::new(format!("plan-{weeks}w.yaml"), text);
        let diagnostics = runlint::lint_source(&source, &config);
        group.throughput(Throughput::Bytes(source.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(format!("{factor}x")), &source, |b, source| {
            b.iter(|| {
                let view = runlint::report::plan_view(0, black_box(source), &diagnostics, &config);
                let mut out = Vec::new();
                runlint::report::render(&[view], runlint::rules::registry(), &mut out).unwrap();
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, stages, scaling, report);
criterion_main!(benches);
