//! Well-formed plans generated from an arbitrary model of the plan format, so the fuzzer
//! spends its time in the rules and the calendar rather than in the YAML parser.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use runlint::source::Source;

mod check;

const EXERCISES: &[&str] = &[
    "split squat", "single-leg calf raise", "calf raise", "seated calf raise", "romanian deadlift", "RDL",
    "single-leg romanian deadlift", "bulgarian split squat", "glute bridge", "single-leg glute bridge", "clamshell",
    "box jump", "pogo hops", "squat jump", "dead bug", "side plank", "plank", "crunch", "foam rolling",
    "IT band roll", "deadlift", "back squat", "step-up", "push-up", "copenhagen plank", "unknown thing",
];
const RUNS: &[&str] = &["easy", "long", "tempo", "threshold", "intervals", "hills", "fartlek", "recovery", "race", "strides"];
const PHASES: &[&str] = &["base", "build", "peak", "taper", "race", "recovery", "off-season", "maintenance"];
const LOADS: &[&str] = &["bw", "band", "light", "moderate", "heavy", "12kg", "100kg", "45lb", "80%", "RPE 8", "RPE 10"];
const INTENSITIES: &[&str] = &["easy", "moderate", "hard", "heavy"];
const DAYS: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

#[derive(Arbitrary, Debug)]
struct Plan {
    strength_weeks: u8,
    achilles: bool,
    pain: bool,
    cleared: bool,
    one_rep_max: Option<u8>,
    race_week: Option<u8>,
    weeks: Vec<Week>,
}

#[derive(Arbitrary, Debug)]
struct Week {
    gap: u8,
    phase: Option<u8>,
    days: Vec<(u8, Day)>,
}

#[derive(Arbitrary, Debug)]
enum Day {
    Rest,
    One(Session),
    Several(Vec<Session>),
}

#[derive(Arbitrary, Debug)]
struct Session {
    kind: Kind,
    at: Option<(u8, u8)>,
    minutes: Option<u8>,
    intensity: Option<u8>,
}

#[derive(Arbitrary, Debug)]
enum Kind {
    Run(u8, Option<u8>),
    Strength(Option<u8>, Vec<Exercise>),
    Mobility(Vec<Exercise>),
    Cross,
}

#[derive(Arbitrary, Debug)]
struct Exercise {
    name: u8,
    spelling: u8,
    sets: u8,
    reps: u8,
    range: Option<u8>,
    load: Option<u8>,
    tempo: Option<u8>,
}

fn pick<'a>(list: &[&'a str], index: u8) -> &'a str {
    list[usize::from(index) % list.len()]
}

impl Exercise {
    fn yaml(&self) -> String {
        let name = pick(EXERCISES, self.name);
        let sets = self.sets % 6 + 1;
        let reps = match self.range {
            Some(extra) => format!("{}-{}", self.reps % 30 + 1, self.reps % 30 + 1 + extra % 5),
            None => format!("{}", self.reps % 30 + 1),
        };
        let load = self.load.map(|l| pick(LOADS, l));
        match self.spelling % 4 {
            0 => name.to_owned(),
            1 => format!("\"{name}: {sets}x{reps}{}\"", load.map(|l| format!(" @ {l}")).unwrap_or_default()),
            2 => {
                let tempo = self.tempo.map(|t| format!(", tempo: \"{}-0-1\"", t % 6)).unwrap_or_default();
                let load = load.map(|l| format!(", load: \"{l}\"")).unwrap_or_default();
                format!("{{\"{name}\": {{sets: {sets}, reps: \"{reps}\"{load}{tempo}}}}}")
            }
            _ => format!("{{name: \"{name}\", sets: {sets}, seconds: {}, each_side: true}}", self.reps % 60 + 1),
        }
    }
}

impl Session {
    fn yaml(&self) -> String {
        let mut fields = match &self.kind {
            Kind::Run(run, km) => {
                let km = km.map(|k| format!(", km: {}", k % 40 + 1)).unwrap_or_default();
                format!("run: {}{km}", pick(RUNS, *run))
            }
            Kind::Strength(title, exercises) => {
                let title = title.map(|t| format!("Session {}", t % 3)).unwrap_or_default();
                let list: Vec<String> = exercises.iter().take(8).map(Exercise::yaml).collect();
                let list = if list.is_empty() { "[dead bug]".to_owned() } else { format!("[{}]", list.join(", ")) };
                format!("strength: {title}, exercises: {list}")
            }
            Kind::Mobility(exercises) => {
                let list: Vec<String> = exercises.iter().take(4).map(Exercise::yaml).collect();
                let list = if list.is_empty() { "foam rolling".to_owned() } else { list.join(", ") };
                format!("mobility: Mobility, exercises: [{list}]")
            }
            Kind::Cross => "cross: bike".to_owned(),
        };
        if let Some((hour, minute)) = self.at {
            fields.push_str(&format!(", at: \"{:02}:{:02}\"", hour % 24, minute % 60));
        }
        if let Some(minutes) = self.minutes {
            fields.push_str(&format!(", minutes: {}", minutes % 120 + 1));
        }
        if let Some(intensity) = self.intensity {
            fields.push_str(&format!(", intensity: {}", pick(INTENSITIES, intensity)));
        }
        format!("{{{fields}}}")
    }
}

impl Plan {
    fn yaml(&self) -> String {
        let mut text = format!("plan: Fuzzed\nathlete:\n  strength_weeks: {}\n", self.strength_weeks % 30);
        if self.achilles {
            text.push_str("  history: [achilles]\n");
        }
        if self.pain {
            text.push_str(&format!("  pain: [knee]\n  cleared: {}\n", self.cleared));
        }
        if let Some(max) = self.one_rep_max {
            text.push_str(&format!("  one_rep_max: {{deadlift: {}kg, romanian deadlift: {}kg}}\n", u32::from(max) + 20, u32::from(max) + 10));
        }
        if let Some(week) = self.race_week {
            text.push_str(&format!("race: {{week: {}}}\n", week % 40 + 1));
        }
        text.push_str("weeks:\n");
        let mut number = 0u32;
        for week in self.weeks.iter().take(12) {
            number += u32::from(week.gap % 3) + 1;
            text.push_str(&format!("  - week: {number}\n"));
            if let Some(phase) = week.phase {
                text.push_str(&format!("    phase: {}\n", pick(PHASES, phase)));
            }
            text.push_str("    days:\n");
            let mut used = [false; 7];
            for (day, content) in &week.days {
                let index = usize::from(*day) % 7;
                if std::mem::replace(&mut used[index], true) {
                    continue;
                }
                let value = match content {
                    Day::Rest => "rest".to_owned(),
                    Day::One(session) => session.yaml(),
                    Day::Several(sessions) if !sessions.is_empty() => {
                        format!("[{}]", sessions.iter().take(4).map(Session::yaml).collect::<Vec<_>>().join(", "))
                    }
                    Day::Several(_) => "off".to_owned(),
                };
                text.push_str(&format!("      {}: {value}\n", DAYS[index]));
            }
            if week.days.is_empty() {
                text.push_str("      mon: rest\n");
            }
        }
        if number == 0 {
            text.push_str("  - week: 1\n    days: {mon: rest}\n");
        }
        text
    }
}

fuzz_target!(|plan: Plan| {
    let text = plan.yaml();
    let source = Source::new("structured.yaml", text);
    // Generated plans are well-formed: a shape error here is a generator or lowering bug.
    let diagnostics = runlint::lint_source(&source, &runlint::config::Config::default());
    assert!(
        !diagnostics.iter().any(|d| d.rule.name == "syntax-error" || d.rule.name == "invalid-plan"),
        "{}\n{diagnostics:#?}",
        source.text()
    );
    check::lint_and_check(source, None);
});
