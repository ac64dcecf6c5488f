//! A deterministic generator of realistic plans for benchmarks and load tests. It is a
//! measuring tool, not part of the linter, so it lives beside the benchmarks (the
//! `gen-corpus` example includes it too).
//!
//! Plans use every exercise spelling (prescription string, field mapping, full form, bare
//! name), days as `rest`/`off`, a single session or a list, all phases, `at` times,
//! injuries and one-rep maxima. A clean plan passes every default rule; a plan asked to
//! have findings gets one or two genuine problems a coach might write.

// Each user of this file takes what it needs: the benchmarks `plans`, `gen-corpus` the
// dense ones.
#![allow(dead_code)]

use std::fmt::Write;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct PlanSpec {
    /// Number of weeks.
    pub weeks: u32,
    /// Whether to plant one or two realistic problems.
    pub with_findings: bool,
    /// Findings density: the share of (week, problem) slots given a problem, for
    /// output-heavy runs (0 plants only what `with_findings` asks for; 0.5 gives a
    /// 16-week plan about 30 findings).
    pub density: f64,
    /// Seed for the random choices.
    pub seed: u64,
}

/// Phases of a 16-week block, repeated for longer plans.
const BLOCK: [&str; 16] = [
    "base", "base", "base", "base", "base", "base", "build", "build", "build", "build", "build", "build", "peak",
    "peak", "taper", "race",
];

const PLYOMETRICS: [&str; 3] = ["pogo hops", "box jump", "squat jump"];
const CORE: [&str; 3] = ["dead bug", "bird dog", "pallof press"];
const QUALITY_RUNS: [&str; 4] = ["intervals", "hills", "threshold", "fartlek"];
const HISTORY: [&str; 5] = ["achilles", "knee", "it-band", "shin", "hamstring"];

/// The problems a plan with findings may contain.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Problem {
    NoCalfWork,
    HeavyBeforeHard,
    TwoVariables,
    EarlyPlyometrics,
}

/// Generates one plan.
pub fn plan(spec: PlanSpec) -> String {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let mut out = String::with_capacity(spec.weeks as usize * 1400 + 512);
    let all = [Problem::NoCalfWork, Problem::HeavyBeforeHard, Problem::TwoVariables, Problem::EarlyPlyometrics];
    let problems: Vec<(Problem, u32)> = if spec.density > 0.0 {
        (2..=spec.weeks)
            .flat_map(|week| all.iter().map(move |problem| (*problem, week)))
            .filter(|_| rng.f64() < spec.density)
            .collect()
    } else if spec.with_findings && spec.weeks >= 4 {
        let count = rng.usize(1..=2);
        (0..count).map(|_| (all[rng.usize(..all.len())], rng.u32(2..spec.weeks.min(12)))).collect()
    } else {
        Vec::new()
    };
    let early_plyometrics = problems.iter().any(|(p, _)| *p == Problem::EarlyPlyometrics);
    let strength_weeks = if early_plyometrics { 0 } else { 8 + rng.u32(0..8) };
    let _ = writeln!(out, "# Generated plan {} ({} weeks)", spec.seed, spec.weeks);
    let _ = writeln!(out, "plan: Generated plan {}", spec.seed);
    let _ = writeln!(out, "athlete:");
    let _ = writeln!(out, "  level: {}", ["beginner", "returning", "intermediate", "advanced"][rng.usize(..4)]);
    let _ = writeln!(out, "  age: {}", rng.u32(18..70));
    let _ = writeln!(out, "  strength_weeks: {strength_weeks}");
    let _ = writeln!(out, "  history: [{}]", HISTORY[rng.usize(..HISTORY.len())]);
    let _ = writeln!(out, "  pain: []");
    let _ = writeln!(out, "  one_rep_max:\n    romanian deadlift: {}kg", 60 + rng.u32(0..60));
    let _ = writeln!(out, "race:\n  name: Goal race\n  week: {}\n  distance: half marathon", spec.weeks);
    let _ = writeln!(out, "weeks:");
    let plyometric = PLYOMETRICS[rng.usize(..PLYOMETRICS.len())];
    let core = CORE[rng.usize(..CORE.len())];
    let mut previous_phase = "";
    for number in 1..=spec.weeks {
        let in_block = ((number - 1) % 16) as usize;
        // The last weeks of the plan are always peak, taper and race, whatever the block says.
        let from_end = spec.weeks - number;
        let phase = match from_end {
            0 if spec.weeks >= 4 => "race",
            1 if spec.weeks >= 4 => "taper",
            2 | 3 if spec.weeks >= 8 => "peak",
            _ if spec.weeks >= 8 && in_block >= 12 => "build",
            _ => BLOCK[in_block.min(11)],
        };
        let planted: Vec<Problem> = problems.iter().filter(|(_, week)| *week == number).map(|(p, _)| *p).collect();
        write_week(&mut out, &mut rng, number, phase, previous_phase, &planted, plyometric, core, strength_weeks);
        previous_phase = phase;
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn write_week(
    out: &mut String,
    rng: &mut fastrand::Rng,
    number: u32,
    phase: &str,
    previous_phase: &str,
    planted: &[Problem],
    plyometric: &str,
    core: &str,
    strength_weeks: u32,
) {
    let _ = writeln!(out, "  - week: {number}");
    if phase != previous_phase {
        let _ = writeln!(out, "    phase: {phase}");
    }
    let _ = writeln!(out, "    days:");
    let holding = matches!(phase, "peak" | "taper" | "race");
    // Reps rise every other week in base and build (one variable at a time) and drop back
    // from peak on.
    let step = if holding { 0 } else { ((number - 1) / 2) % 3 };
    let reps = 8 + 2 * step;
    let km = 5 + rng.u32(0..4);
    // Monday: easy run, then the home session.
    let _ = writeln!(out, "      mon:\n        - run: easy\n          km: {km}\n          at: \"07:00\"");
    if phase != "race" {
        let _ = writeln!(
            out,
            "        - strength: Lower body A\n          minutes: {}\n          at: \"18:30\"",
            25 + rng.u32(0..20)
        );
        let _ = writeln!(out, "          exercises:\n            - single-leg glute bridge: 2x10 each");
        if planted.contains(&Problem::TwoVariables) {
            let _ = writeln!(out, "            - split squat: {{sets: 3, reps: {}, each_side: true}}", reps + 2);
        } else {
            let _ = writeln!(out, "            - split squat: {{sets: 2, reps: {reps}, each_side: true}}");
        }
        if !planted.contains(&Problem::NoCalfWork) {
            let _ = writeln!(
                out,
                "            - name: single-leg calf raise\n              sets: 2\n              reps: 12\n              each_side: true"
            );
        }
        let _ = writeln!(out, "            - {core}");
        let plyometrics_allowed = number + strength_weeks >= 12 && number > 1;
        if (plyometrics_allowed && !holding)
            || planted.contains(&Problem::EarlyPlyometrics)
            || (holding && number + strength_weeks >= 13)
        {
            let _ = writeln!(out, "            - {plyometric}: 2x6");
        }
    }
    let _ = writeln!(out, "      tue: rest");
    let quality = if number <= 2 { "tempo" } else { QUALITY_RUNS[rng.usize(..QUALITY_RUNS.len())] };
    let _ = writeln!(out, "      wed:\n        run: {quality}\n        km: {}", 6 + rng.u32(0..5));
    if !holding {
        let _ = writeln!(out, "      thu:\n        strength: Lower body B\n        minutes: 40\n        exercises:");
        if planted.contains(&Problem::HeavyBeforeHard) {
            let _ = writeln!(out, "          - trap bar deadlift: 3x5 @ 100kg");
        } else if number + strength_weeks <= 2 {
            let _ = writeln!(out, "          - romanian deadlift: 2x8");
        } else {
            let _ = writeln!(out, "          - romanian deadlift: 3x8 @ 30kg");
        }
        let _ = writeln!(
            out,
            "          - bulgarian split squat: 2x8 each\n          - seated calf raise: 2x15\n          - side plank: 2x30s each"
        );
    }
    if planted.contains(&Problem::HeavyBeforeHard) {
        let _ = writeln!(out, "      fri:\n        run: intervals\n        km: 8");
    } else {
        let _ = writeln!(out, "      fri: off");
    }
    let _ = writeln!(
        out,
        "      sat:\n        - run: easy\n          km: {km}\n        - mobility: Mobility\n          exercises: [foam rolling, leg swings]"
    );
    let long = if phase == "race" { "race" } else { "long" };
    let _ = writeln!(out, "      Sunday:\n        run: {long}\n        km: {}", 10 + rng.u32(0..12));
}

/// Generates `count` plans of `weeks` weeks; about `finding_share` of them with findings.
pub fn plans(count: usize, weeks: u32, finding_share: f64, seed: u64) -> Vec<String> {
    dense_plans(count, weeks, finding_share, 0.0, seed)
}

/// Generates `count` plans of `weeks` weeks with problems planted at `density` (see
/// [`PlanSpec::density`]); with a density of 0, as [`plans`].
pub fn dense_plans(count: usize, weeks: u32, finding_share: f64, density: f64, seed: u64) -> Vec<String> {
    let mut rng = fastrand::Rng::with_seed(seed);
    (0..count)
        .map(|index| {
            let with_findings = rng.f64() < finding_share;
            plan(PlanSpec { weeks, with_findings, density, seed: seed.wrapping_add(index as u64) })
        })
        .collect()
}
