//! `race-week-strength`: strength work crowding the race.

use super::RuleContext;
use crate::diagnostic::Severity;
use crate::model::{Model, SessionView};
use crate::plan::{RunType, SessionKind};

declare_rule! {
    name: "race-week-strength",
    category: Schedule,
    default: warning,
    summary: "more than `max-sessions` lower-body sessions in race week, or leg work within `days-before` days of a race",
    options: {
        max_sessions: integer = 1, "max-sessions", "the most lower-body sessions in the race week";
        days_before: integer = 2, "days-before", "how many days before a race a lower-body session is too close";
    },
}

fn is_race(session: &SessionView<'_>) -> bool {
    session.session.kind == SessionKind::Run(RunType::Race)
}

fn check(model: &Model<'_>, cx: &mut RuleContext<'_>) {
    let Options { max_sessions, days_before } = Options::read(cx);
    // Every week with a race, a tune-up included (see `WeekView::has_race`).
    for week in &model.weeks {
        let is_race_week = week.has_race;
        // Leg sessions: an upper-body session leaves the legs fresh for the race.
        let strength: Vec<&SessionView<'_>> = week.lower_body_sessions().collect();
        if is_race_week && strength.len() > max_sessions as usize {
            let message = format!("{} lower-body sessions in race week {}", strength.len(), week.week.number);
            let finding = cx
                .week_finding(week, message)
                .from_check("sessions-in-race-week")
                .with_labels(strength.iter().map(|s| (s.session.kind_key, format!("legs on {}", s.weekday))))
                .with_help(format!(
                    "one short session keeps strength in race week: keep at most {max_sessions} and make it light"
                ));
            cx.report(finding);
        }
    }
    let races: Vec<&SessionView<'_>> = model.sessions().map(|(_, s)| s).filter(|s| is_race(s)).collect();
    for (_, session) in model.sessions().filter(|(_, s)| s.is_lower_body) {
        // The races are in calendar order: look only from the session's day on.
        let from = races.partition_point(|race| race.day_number < session.day_number);
        let close = races
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|race| race.day_number.saturating_sub(session.day_number) <= u64::from(days_before))
            .find(|race| race.day_number > session.day_number || session.happens_before(race));
        let Some(race) = close else { continue };
        let days = race.day_number.saturating_sub(session.day_number);
        let when = match days {
            0 => "on race day".to_owned(),
            1 => "the day before a race".to_owned(),
            n => format!("{n} days before a race"),
        };
        let heavy = session.is_heavy;
        let what = if heavy { "heavy lower-body session" } else { "lower-body session" };
        let mut finding = cx
            .session_finding(session, format!("{what} {when}"))
            .from_check("legs-before-a-race")
            .with_label(race.session.kind_key, format!("race on {}", race.weekday))
            .with_help(format!(
                "keep the last {days_before} days before a race free of leg work, so the legs arrive fresh"
            ));
        // Heavy legs on race day spoil the race the plan builds to: one level up, so a
        // warning becomes an error.
        if heavy && finding.severity == Severity::Warning {
            finding.severity = Severity::Error;
        }
        let heavy_lifts = session.exercises.iter().filter(|e| e.is_heavy && e.tags.trains_legs());
        finding = finding.with_labels(heavy_lifts.map(|e| (e.exercise.name.span, "heavy")));
        cx.report(finding);
    }
}
