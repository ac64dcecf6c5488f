//! The JSON Schema (draft-07) of plan format v1, for editors' YAML language servers.
//!
//! Built from the same vocabularies the linter uses, so the two cannot drift apart.
//! Some checks need more than a schema (week numbers increasing, `mon` and `Monday` in one
//! week, unknown exercise names); runlint reports those itself.

use serde_json::{Value, json};

use crate::plan::grammar::{self, AMOUNT, MAX_DISTANCE, MAX_MINUTES, REST_SECONDS, SETS};
use crate::plan::{Intensity, Level, Phase, RunType, Weekday};
use crate::tags::TAG_NAMES;

/// What an editor shows for a prescription it cannot read (instead of the pattern).
const PRESCRIPTION_MESSAGE: &str =
    "write SETS x AMOUNT [s|steps] [each] [@ LOAD], e.g. 3x10, 3 x 8-10 each @ 20kg, 3x30s, 2x12 each @ RPE 7";

/// The `$id` of the plan schema.
pub const SCHEMA_ID: &str = "https://runlint.dev/schemas/plan-v1.json";

/// A regex matching `word` in any case (JSON Schema patterns have no flags).
fn any_case(word: &str) -> String {
    word.chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                format!("[{}{}]", c.to_ascii_uppercase(), c.to_ascii_lowercase())
            } else {
                regex_escape(c)
            }
        })
        .collect()
}

fn regex_escape(c: char) -> String {
    if "\\^$.|?*+()[]{}/".contains(c) { format!("\\{c}") } else { c.to_string() }
}

fn alternatives(words: &[&str]) -> String {
    words.iter().map(|w| any_case(w)).collect::<Vec<_>>().join("|")
}

/// One word of a vocabulary, in any case as runlint reads it: the enum gives editors their
/// completions, the pattern accepts `Easy` as runlint does, and a wrong word gets a
/// message that lists the right ones.
fn word_of(names: &[&str], description: &str) -> Value {
    json!({
        "anyOf": [
            { "enum": names },
            { "type": "string", "pattern": format!(r"^\s*({})\s*$", alternatives(names)) },
        ],
        "description": description,
        "errorMessage": format!("use one of: {}", names.join(", ")),
    })
}

/// A whole number of at least one, as a regex (`0` is no count; `010` is ten).
const COUNT: &str = r"0*[1-9]\d*";

/// The load grammar as a regex.
fn load_pattern() -> String {
    let number = r"\d+(\.\d+)?";
    let words = alternatives(&[
        "bodyweight",
        "body weight",
        "bw",
        "light band",
        "medium band",
        "heavy band",
        "yellow band",
        "red band",
        "green band",
        "blue band",
        "black band",
        "silver band",
        "gold band",
        "band",
        "light",
        "moderate",
        "heavy",
    ]);
    format!(
        r"(({words})|[1-4]\s*[xX×]\s*{number}\s*({kg})|{number}\s*({kg})|{number}\s*%(\s*({of}\s*)?{rm})?|{rpe}\s*{number})",
        kg = alternatives(&["kgs", "kg", "lbs", "lb"]),
        of = any_case("of"),
        rm = any_case("1rm"),
        rpe = any_case("rpe"),
    )
}

/// The prescription string grammar as a regex.
fn prescription_pattern() -> String {
    let amount = format!(r"({COUNT}\s*([-–—]\s*{COUNT}|\+)?|{})", alternatives(&["amrap", "max"]));
    let unit = alternatives(&["seconds", "second", "secs", "sec", "s", "steps", "step", "reps", "rep"]);
    let each = format!(r"{}(\s+({}))?", any_case("each"), alternatives(&["sides", "side", "legs", "leg"]));
    format!(r"^\s*{COUNT}\s*[xX×]\s*{amount}\s*({unit})?\s*({each})?\s*(@\s*{}\s*)?$", load_pattern())
}

fn described(description: &str, schema: Value) -> Value {
    let mut schema = schema;
    if let Some(object) = schema.as_object_mut() {
        object.insert("description".into(), json!(description));
    }
    schema
}

fn words_or_list(description: &str) -> Value {
    described(
        description,
        json!({ "anyOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "null" }] }),
    )
}

fn amount(description: &str) -> Value {
    let pattern = format!(r"^\s*(\d+\s*([-–—]\s*\d+|\+)?|{})\s*$", alternatives(&["amrap", "max"]));
    described(
        description,
        json!({ "anyOf": [{ "type": "integer", "minimum": AMOUNT.start(), "maximum": AMOUNT.end() }, { "type": "string", "pattern": pattern }] }),
    )
}

fn exercise_fields() -> Value {
    json!({
        "sets": { "type": "integer", "minimum": SETS.start(), "maximum": SETS.end(), "description": "Number of sets." },
        "reps": amount("Repetitions: a number, a range such as `8-10`, or as many as possible: `5+`, `amrap`, `max`."),
        "seconds": amount("Hold time in seconds: a number or a range."),
        "steps": amount("Steps: a number or a range."),
        "load": {
            "type": "string",
            "pattern": format!(r"^\s*{}\s*$", load_pattern()),
            "description": "`bodyweight`/`bw`, `band`, `light band`, `medium band`, `heavy band`, a colour (`red band`: yellow, red, green, blue, black, silver, gold), `light`, `moderate`, `heavy`, `20kg`, `45lb`, `2x18kg` (two 18 kg dumbbells: 36 kg held), `80%` (of one-rep max), `RPE 8`.",
        },
        "tempo": { "type": "string", "pattern": r"^\s*\d+\s*[-–—]\s*\d+\s*[-–—]\s*\d+\s*$", "description": "Lowering-pause-lifting seconds, e.g. `3-0-1`." },
        "each_side": { "type": "boolean", "description": "The amount is per side or per leg." },
        "rest": { "type": "integer", "minimum": REST_SECONDS.start(), "maximum": REST_SECONDS.end(), "description": "Rest between sets in seconds." },
        "tags": { "$ref": "#/definitions/tags" },
        "notes": { "description": "Free text." },
    })
}

fn session(kind: &str, kind_schema: Value, extra_keys: &[(&str, Value)]) -> Value {
    let mut properties = serde_json::Map::new();
    properties.insert(kind.into(), kind_schema);
    properties.insert(
        "minutes".into(),
        json!({ "type": "number", "exclusiveMinimum": 0, "maximum": MAX_MINUTES, "description": "Duration in minutes." }),
    );
    properties.insert("at".into(), json!({ "type": "string", "pattern": r"^\s*([01]?\d|2[0-3]):[0-5]\d\s*$", "description": "Start time, `\"HH:MM\"` (24 h); orders sessions within a day." }));
    properties.insert(
        "intensity".into(),
        word_of(Intensity::NAMES, "Overrides the intensity inferred from the run type or the loads."),
    );
    properties.insert("notes".into(), json!({ "description": "Free text." }));
    for (key, schema) in extra_keys {
        properties.insert((*key).into(), schema.clone());
    }
    let mut required = vec![kind];
    if kind == "strength" {
        required.push("exercises");
    }
    json!({ "type": "object", "required": required, "properties": properties, "additionalProperties": false })
}

/// The plan schema as a JSON value.
pub fn plan_schema() -> Value {
    let day_names: Vec<&str> = Weekday::NAMES.iter().chain(Weekday::FULL_NAMES).copied().collect();
    let fields = exercise_fields();
    let field_names = fields.as_object().into_iter().flat_map(|o| o.keys().map(String::as_str));
    let not_names: Vec<String> = std::iter::once("name").chain(field_names).map(str::to_owned).collect();
    let exercises_list = json!({ "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/exercise" }, "description": "The exercises, in order." });
    let distance = |unit: &str| json!({ "type": "number", "exclusiveMinimum": 0, "maximum": MAX_DISTANCE, "description": format!("Distance in {unit}.") });
    let mut full_form = exercise_fields();
    if let Some(object) = full_form.as_object_mut() {
        object.insert(
            "name".into(),
            json!({ "type": "string", "minLength": 1, "description": "The exercise's name, as in the catalogue." }),
        );
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "runlint training plan, format v1",
        "description": "A running plan with strength training, checked by runlint.",
        "type": "object",
        "required": ["plan", "weeks"],
        "additionalProperties": false,
        "properties": {
            "plan": { "type": ["string", "number"], "description": "The plan's title." },
            "athlete": {
                "type": "object",
                "additionalProperties": false,
                "description": "Who the plan is for.",
                "properties": {
                    "level": word_of(Level::NAMES, "Training background (default `intermediate`)."),
                    "age": { "type": "integer", "minimum": grammar::AGE.start(), "maximum": grammar::AGE.end() },
                    "body_weight": { "type": "string", "pattern": format!(r"^\s*\d+(\.\d+)?\s*({})\s*$", alternatives(&["kgs", "kg", "lbs", "lb"])), "description": "Body weight (`68kg`, `150lb`); lets runlint judge absolute loads when no one-rep max is given." },
                    "strength_weeks": { "type": "integer", "minimum": grammar::STRENGTH_WEEKS.start(), "maximum": grammar::STRENGTH_WEEKS.end(), "description": "Weeks of consistent strength training before week 1." },
                    "history": words_or_list("Past injuries, as words or phrases (`achilles`, `sore Achilles tendon two seasons ago`, `patellar tendinopathy`): the body part is recognised inside the phrase."),
                    "pain": words_or_list("CURRENT pain or symptoms; anything here means: assess before adding load."),
                    "cleared": { "type": "boolean", "description": "A professional has assessed the current pain and cleared loading." },
                    "one_rep_max": {
                        "type": "object",
                        "description": "Exercise name -> one-rep max (`100kg`, `220lb`).",
                        "additionalProperties": { "type": "string", "pattern": format!(r"^\s*\d+(\.\d+)?\s*({})\s*$", alternatives(&["kgs", "kg", "lbs", "lb"])) },
                    },
                },
            },
            "race": {
                "type": "object",
                "additionalProperties": false,
                "description": "The goal race.",
                "properties": {
                    "name": { "type": ["string", "number"] },
                    "week": { "type": "integer", "minimum": grammar::WEEK_NUMBER.start(), "maximum": grammar::WEEK_NUMBER.end(), "description": "The plan week the race falls in." },
                    "distance": { "type": ["string", "number"] },
                },
            },
            "exercises": {
                "type": "object",
                "description": "Plan-local exercise definitions.",
                "additionalProperties": {
                    "oneOf": [
                        { "type": "object", "required": ["tags"], "properties": { "tags": { "$ref": "#/definitions/tags" } }, "additionalProperties": false },
                        { "type": "object", "required": ["like"], "properties": { "like": { "type": "string", "description": "A known exercise whose tags to use." } }, "additionalProperties": false },
                    ],
                },
            },
            "weeks": { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/week" }, "description": "The weeks, week numbers increasing." },
        },
        "definitions": {
            "week": {
                "type": "object",
                "required": ["week", "days"],
                "additionalProperties": false,
                "properties": {
                    "week": { "type": "integer", "minimum": grammar::WEEK_NUMBER.start(), "maximum": grammar::WEEK_NUMBER.end(), "description": "Plan week number; strictly increasing, gaps allowed." },
                    "phase": word_of(Phase::NAMES, "Training phase; inherited from the previous week when omitted (first week: base)."),
                    "notes": { "description": "Free text." },
                    "days": {
                        "type": "object",
                        "description": "Day (`mon` ... `sun`) -> `rest`, one session, or a list of sessions in order.",
                        // The days as properties too, so editors offer them as keys.
                        "properties": Weekday::NAMES.iter().map(|day| (day.to_string(), json!({ "$ref": "#/definitions/day" }))).collect::<serde_json::Map<String, Value>>(),
                        "propertyNames": { "pattern": format!("^({})$", alternatives(&day_names)), "patternErrorMessage": "days are mon ... sun (or monday ... sunday)" },
                        "additionalProperties": { "$ref": "#/definitions/day" },
                    },
                },
            },
            "day": {
                "anyOf": [
                    { "type": "string", "pattern": format!(r"^\s*({})\s*$", alternatives(&["rest", "off"])), "description": "A rest day." },
                    { "$ref": "#/definitions/session" },
                    { "type": "array", "minItems": 1, "items": { "$ref": "#/definitions/session" } },
                    { "type": "null" },
                ],
            },
            "session": {
                "oneOf": [
                    session("run", word_of(RunType::NAMES, "The run type; hard: long tempo threshold intervals hills fartlek progression race speed."), &[("km", distance("kilometres")), ("mi", distance("miles"))]),
                    session("strength", json!({ "type": ["string", "number", "null"], "description": "The session's title (used to match sessions across weeks)." }), &[("exercises", exercises_list.clone())]),
                    session("cross", json!({ "type": ["string", "number", "boolean"], "description": "The activity: bike, swim, elliptical, walk, pilates, ..." }), &[]),
                    session("mobility", json!({ "type": ["string", "number", "null"], "description": "The session's title; mobility never counts as strength." }), &[("exercises", exercises_list)]),
                ],
            },
            "exercise": {
                "oneOf": [
                    { "type": "string", "minLength": 1, "description": "A bare exercise name." },
                    { "type": "object", "required": ["name"], "properties": full_form, "additionalProperties": false, "description": "The full form." },
                    {
                        "type": "object",
                        "minProperties": 1,
                        "maxProperties": 1,
                        "propertyNames": { "not": { "enum": not_names } },
                        "additionalProperties": {
                            "anyOf": [
                                { "type": "string", "pattern": prescription_pattern(), "patternErrorMessage": PRESCRIPTION_MESSAGE, "description": "`SETS x AMOUNT [s|steps] [each] [@ LOAD]`, e.g. `3 x 8-10 each @ 20kg`." },
                                { "type": "object", "properties": exercise_fields(), "additionalProperties": false },
                                { "type": "null" },
                            ],
                        },
                        "description": "`name: prescription` or `name: {fields}`.",
                    },
                ],
            },
            "tags": { "type": "array", "items": { "enum": TAG_NAMES }, "description": "Tags that replace the catalogue's classification." },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::grammar::{
        ATHLETE_KEYS, CROSS_SESSION_KEYS, EXERCISE_FIELDS, EXERCISE_SESSION_KEYS, FULL_FORM_KEYS, PLAN_KEYS, RACE_KEYS,
        RUN_SESSION_KEYS, SESSION_KINDS, WEEK_KEYS,
    };

    /// The property names of the object schema at `pointer`, sorted.
    fn properties(schema: &Value, pointer: &str) -> Vec<String> {
        let object = schema.pointer(pointer).and_then(Value::as_object);
        let mut keys: Vec<String> = object.map(|o| o.keys().cloned().collect()).unwrap_or_default();
        keys.sort();
        keys
    }

    fn sorted(keys: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
        keys.sort();
        keys
    }

    /// A session's schema lists its own kind, not the others, which lowering accepts only
    /// to report a second kind.
    fn session_keys(all: &[&str], kind: &str) -> Vec<String> {
        let keys: Vec<&str> = all.iter().copied().filter(|k| *k == kind || !SESSION_KINDS.contains(k)).collect();
        sorted(&keys)
    }

    #[test]
    fn every_key_lowering_accepts_is_in_the_schema_and_the_other_way_round() {
        let schema = plan_schema();
        assert_eq!(properties(&schema, "/properties"), sorted(PLAN_KEYS));
        assert_eq!(properties(&schema, "/properties/athlete/properties"), sorted(ATHLETE_KEYS));
        assert_eq!(properties(&schema, "/properties/race/properties"), sorted(RACE_KEYS));
        assert_eq!(properties(&schema, "/definitions/week/properties"), sorted(WEEK_KEYS));
        assert_eq!(
            properties(&schema, "/definitions/session/oneOf/0/properties"),
            session_keys(RUN_SESSION_KEYS, "run")
        );
        let strength = session_keys(EXERCISE_SESSION_KEYS, "strength");
        assert_eq!(properties(&schema, "/definitions/session/oneOf/1/properties"), strength);
        assert_eq!(
            properties(&schema, "/definitions/session/oneOf/2/properties"),
            session_keys(CROSS_SESSION_KEYS, "cross")
        );
        let mobility = session_keys(EXERCISE_SESSION_KEYS, "mobility");
        assert_eq!(properties(&schema, "/definitions/session/oneOf/3/properties"), mobility);
        assert_eq!(properties(&schema, "/definitions/exercise/oneOf/1/properties"), sorted(FULL_FORM_KEYS));
        let fields = "/definitions/exercise/oneOf/2/additionalProperties/anyOf/1/properties";
        assert_eq!(properties(&schema, fields), sorted(EXERCISE_FIELDS));
    }
}
