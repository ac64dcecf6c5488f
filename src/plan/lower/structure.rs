//! Lowering of the plan's structure: top level, weeks, days, sessions (what comes before
//! the weeks is in `header`).

use std::fmt;

use super::{Lowering, invalid};
use crate::diagnostic::Span;
use crate::plan::grammar::{self, MAX_DISTANCE, MAX_MINUTES, PLAN_KEYS, SESSION_KINDS, WEEK_KEYS};
use crate::plan::{Day, DayContent, Intensity, Phase, Plan, RunType, Session, SessionKind, Spanned, Week, Weekday};
use crate::yaml::{Node, Value};

/// Kilometres per mile.
const KM_PER_MILE: f64 = 1.609_344;

impl Lowering<'_> {
    /// The whole plan.
    pub(super) fn plan(&mut self, root: &Node) -> Option<Plan> {
        if root.value == Value::Null {
            self.report(
                invalid(root.span, "the file holds no plan").with_help("a plan needs at least `plan:` and `weeks:`"),
            );
            return None;
        }
        let fields = self.mapping(root, "the plan", PLAN_KEYS)?;
        let anchor = first_key_span(root);
        let title = match fields.get("plan") {
            Some(node) => self.text(node, "`plan`").unwrap_or_default(),
            None => {
                self.missing(anchor, "plan", "the plan");
                String::new()
            }
        };
        let athlete = fields.get("athlete").map(|node| self.athlete(node)).unwrap_or_default();
        let race = fields.get("race").map(|node| self.race(node));
        let exercises = fields.get("exercises").map(|node| self.definitions(node)).unwrap_or_default();
        let (weeks, weeks_key) = match (fields.get("weeks"), fields.key("weeks")) {
            (Some(node), Some(key)) => (self.weeks(node), key.span),
            _ => {
                self.missing(anchor, "weeks", "the plan");
                (Vec::new(), anchor)
            }
        };
        Some(Plan { title, athlete, race, exercises, weeks, weeks_key, text_spans: Vec::new() })
    }

    fn weeks(&mut self, node: &Node) -> Vec<Week> {
        let Value::Seq(items) = &node.value else {
            self.wrong_type(node, "`weeks`", "a list of weeks");
            return Vec::new();
        };
        let mut weeks: Vec<Week> = std::mem::take(&mut self.streamed);
        for (index, item) in items.iter().enumerate() {
            if let Some(week) = self.week(item, index) {
                self.push_week(&mut weeks, week);
            }
        }
        if self.streamed_items == 0 && items.is_empty() {
            self.report(invalid(node.span, "`weeks` is empty").with_help("add at least one week"));
        }
        weeks
    }

    /// Lowers one item of `weeks` handed over by the parser while it reads the file.
    pub(super) fn streamed_week(&mut self, node: &Node) {
        let index = self.streamed_items;
        self.streamed_items += 1;
        let Some(week) = self.week(node, index) else { return };
        let mut weeks = std::mem::take(&mut self.streamed);
        self.push_week(&mut weeks, week);
        self.streamed = weeks;
    }

    /// Appends a week, reporting week numbers that do not increase.
    fn push_week(&mut self, weeks: &mut Vec<Week>, week: Week) {
        if let Some(previous) = weeks.last()
            && week.number <= previous.number
        {
            let message =
                format!("week {} comes after week {}; week numbers must increase", week.number, previous.number);
            self.report(invalid(week.number_key, message).with_label(previous.number_key, "previous week"));
        }
        weeks.push(week);
    }

    fn week(&mut self, node: &Node, index: usize) -> Option<Week> {
        let what = WeekAt(index);
        let fields = self.mapping(node, &format!("item {} of `weeks`", index + 1), WEEK_KEYS)?;
        let number_node = fields.get("week");
        let number = match number_node {
            Some(number) => self.integer(number, "`week`", grammar::WEEK_NUMBER),
            None => {
                self.missing(first_key_span(node), "week", &format!("item {} of `weeks`", index + 1));
                None
            }
        };
        let phase = fields.get("phase").and_then(|node| {
            self.keyword(node, "phase", Phase::NAMES, Phase::parse).map(|phase| Spanned::new(phase, node.span))
        });
        if let Some(notes) = fields.get("notes") {
            self.text(notes, "`notes`");
        }
        let days = match fields.get("days") {
            Some(days) => self.days(days, what),
            None => {
                self.missing(first_key_span(node), "days", what);
                Vec::new()
            }
        };
        let number_key = fields.key("week").map_or(node.span, |key| key.span);
        Some(Week { number: number?, number_key, index, phase, days, span: node.span })
    }

    fn days(&mut self, node: &Node, week: WeekAt) -> Vec<Day> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, &format!("`days` of {week}"), "a mapping from days (`mon` ... `sun`) to sessions");
            return Vec::new();
        };
        let mut days: Vec<Day> = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let Some(name) = self.string(key, "a day") else {
                continue;
            };
            let Some(weekday) = Weekday::parse_key(name.value) else {
                let lower = name.value.to_lowercase();
                let candidates = Weekday::NAMES.iter().chain(Weekday::FULL_NAMES).copied();
                let help = match crate::suggest::did_you_mean(&lower, candidates) {
                    Some(day) => format!("did you mean `{day}`?"),
                    None => "days are `mon` ... `sun` (or `monday` ... `sunday`)".to_owned(),
                };
                self.report(invalid(key.span, format!("unknown day `{}` in {week}", name.value)).with_help(help));
                continue;
            };
            if let Some(first) = days.iter().find(|day| day.weekday == weekday) {
                let message = format!("{} appears twice in {week}", weekday.full_name());
                let first_span = first.key.span;
                self.report(invalid(key.span, message).with_label(first_span, "first written here"));
                continue;
            }
            let Some(content) = self.day_content(value, weekday, week) else {
                continue;
            };
            days.push(Day { weekday, key: Spanned::new(name.value.to_owned(), key.span), content });
        }
        days
    }

    fn day_content(&mut self, node: &Node, weekday: Weekday, week: WeekAt) -> Option<DayContent> {
        let what = DayOf(weekday, week);
        match &node.value {
            Value::Str(word) if is_rest(word) => Some(DayContent::Rest(node.span)),
            Value::Map(_) => {
                let sessions = self.session(node, what).into_iter().collect();
                Some(DayContent::Sessions { sessions, listed: false })
            }
            Value::Seq(items) => {
                let mut sessions = Vec::with_capacity(items.len());
                for item in items {
                    match &item.value {
                        Value::Str(word) if is_rest(word) => self.report(
                            invalid(item.span, format!("`{word}` cannot be mixed with sessions on {what}"))
                                .with_help("a rest day is written as `day: rest` on its own"),
                        ),
                        _ => sessions.extend(self.session(item, what)),
                    }
                }
                if items.is_empty() {
                    self.report(
                        invalid(node.span, format!("{what} is an empty list"))
                            .with_help("write `rest` or add sessions"),
                    );
                }
                Some(DayContent::Sessions { sessions, listed: true })
            }
            // `mon:` with nothing after it: an unplanned day, like a missing one.
            Value::Null => None,
            _ => {
                self.wrong_type(node, what, "`rest`, a session or a list of sessions");
                None
            }
        }
    }

    fn session(&mut self, node: &Node, day: DayOf) -> Option<Session> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, &format!("a session on {day}"), "a mapping such as `{run: easy, km: 8}`");
            return None;
        };
        let kinds: Vec<&str> = entries
            .iter()
            .filter_map(|(key, _)| match &key.value {
                Value::Str(name) => SESSION_KINDS.iter().copied().find(|kind| kind == name),
                _ => None,
            })
            .collect();
        let mut kinds = kinds;
        kinds.dedup();
        let kind_name = kinds.first().copied();
        // With no kind or several, any session key may belong; only the kind is reported.
        let known = grammar::session_keys(kind_name.filter(|_| kinds.len() == 1));
        let what = SessionOn(day);
        let fields = self.mapping(node, what, known)?;
        let Some(kind_name) = kind_name else {
            if !fields.had_unknown {
                self.report(
                    invalid(node.span, format!("{what} has no kind"))
                        .with_help("start it with `run:`, `strength:`, `cross:` or `mobility:`"),
                );
            }
            return None;
        };
        if let Some(extra) = kinds.get(1) {
            if let Some(key) = fields.key(extra) {
                let message = format!("a session has exactly one kind, but this one has `{kind_name}` and `{extra}`");
                self.report(invalid(key.span, message).with_help("split it into two sessions in a list"));
            }
            return None;
        }
        let kind_key = fields.key(kind_name)?;
        let kind_value = fields.get(kind_name)?;
        // An unknown run type is reported, and the rest of the session still checked.
        let (kind, title) = match kind_name {
            "run" => (self.keyword(kind_value, "run type", RunType::NAMES, RunType::parse).map(SessionKind::Run), None),
            "strength" => (Some(SessionKind::Strength), self.optional_title(kind_value)),
            "mobility" => (Some(SessionKind::Mobility), self.optional_title(kind_value)),
            _ => (Some(SessionKind::Cross), self.text(kind_value, "a cross-training activity")),
        };
        let minutes = fields.get("minutes").and_then(|node| {
            self.positive_number(node, "`minutes`", f64::from(MAX_MINUTES)).map(|m| Spanned::new(m, node.span))
        });
        let at = fields.get("at").and_then(|node| self.clock_time(node));
        let intensity = fields.get("intensity").and_then(|node| {
            self.keyword(node, "intensity", Intensity::NAMES, Intensity::parse).map(|i| Spanned::new(i, node.span))
        });
        if let Some(notes) = fields.get("notes") {
            self.text(notes, "`notes`");
        }
        let km = fields.get("km").and_then(|node| self.positive_number(node, "`km`", f64::from(MAX_DISTANCE)));
        let miles = fields.get("mi").and_then(|node| self.positive_number(node, "`mi`", f64::from(MAX_DISTANCE)));
        let exercises = match (fields.get("exercises"), &kind) {
            (Some(list), _) => self.exercise_list(list),
            (None, Some(SessionKind::Strength)) => {
                self.missing(kind_key.span, "exercises", "a strength session");
                Vec::new()
            }
            (None, _) => Vec::new(),
        };
        Some(Session {
            kind: kind?,
            kind_key: kind_key.span,
            title,
            minutes,
            at,
            intensity,
            distance_km: km.or(miles.map(|mi| mi * KM_PER_MILE)),
            exercises,
            span: fields.span,
        })
    }

    fn optional_title(&mut self, node: &Node) -> Option<String> {
        match node.value {
            Value::Null => None,
            _ => self.text(node, "a session title"),
        }
    }

    /// `"HH:MM"` as minutes after midnight.
    fn clock_time(&mut self, node: &Node) -> Option<Spanned<u32>> {
        let parsed = match &node.value {
            Value::Str(text) => parse_clock(text.trim()),
            _ => None,
        };
        if parsed.is_none() {
            self.wrong_type(node, "`at`", "a time of day such as `\"07:30\"`");
        }
        parsed.map(|minutes| Spanned::new(minutes, node.span))
    }
}

/// "week 3" (the position in `weeks`), formatted only when a message needs it.
#[derive(Clone, Copy)]
struct WeekAt(usize);

impl fmt::Display for WeekAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "week {}", self.0 + 1)
    }
}

/// "monday of week 3".
#[derive(Clone, Copy)]
struct DayOf(Weekday, WeekAt);

impl fmt::Display for DayOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} of {}", self.0.full_name(), self.1)
    }
}

/// "a session on monday of week 3".
#[derive(Clone, Copy)]
struct SessionOn(DayOf);

impl fmt::Display for SessionOn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a session on {}", self.0)
    }
}

/// `rest` or `off`, any case.
fn is_rest(word: &str) -> bool {
    word.trim().eq_ignore_ascii_case("rest") || word.trim().eq_ignore_ascii_case("off")
}

fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.split_once(':')?;
    let all_digits = |part: &str| !part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(hours) || !all_digits(minutes) || minutes.len() != 2 {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// The span of a mapping's first key, a readable anchor for "missing key" errors.
fn first_key_span(node: &Node) -> Span {
    match &node.value {
        Value::Map(entries) => entries.first().map_or(node.span, |(key, _)| key.span),
        _ => node.span,
    }
}
