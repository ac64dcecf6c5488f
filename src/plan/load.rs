//! Loads: bodyweight, bands, words, kilograms, pounds, share of one-rep max, RPE.

use std::cmp::Ordering;
use std::fmt;

/// Pounds per kilogram.
const LB_PER_KG: f64 = 2.204_622_6;

/// How heavy a resistance band is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandWeight {
    /// `band`.
    Plain,
    /// `light band`.
    Light,
    /// `medium band`.
    Medium,
    /// `heavy band`.
    Heavy,
    /// A band named by its colour: `red band`.
    Colour(BandColour),
}

/// Band colours, lightest first: the order most makers of exercise bands share (yellow,
/// red, green, blue, black, silver, gold).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BandColour {
    /// Yellow, the lightest.
    Yellow,
    /// Red.
    Red,
    /// Green.
    Green,
    /// Blue.
    Blue,
    /// Black.
    Black,
    /// Silver.
    Silver,
    /// Gold, the heaviest.
    Gold,
}

impl BandColour {
    /// Every colour, lightest first, as written in plans.
    pub const NAMES: &'static [&'static str] = &["yellow", "red", "green", "blue", "black", "silver", "gold"];

    const ALL: [BandColour; 7] = [
        BandColour::Yellow,
        BandColour::Red,
        BandColour::Green,
        BandColour::Blue,
        BandColour::Black,
        BandColour::Silver,
        BandColour::Gold,
    ];

    fn parse(word: &str) -> Option<BandColour> {
        let index = BandColour::NAMES.iter().position(|name| *name == word)?;
        BandColour::ALL.get(index).copied()
    }

    fn as_str(self) -> &'static str {
        BandColour::NAMES.get(self as usize).copied().unwrap_or("band")
    }
}

impl BandWeight {
    /// Compares two bands when they are named the same way: by weight words (light,
    /// medium, heavy) or by colours; a plain `band` equals only itself.
    fn compare(self, other: BandWeight) -> Option<Ordering> {
        let word_rank = |band: BandWeight| match band {
            BandWeight::Light => Some(0),
            BandWeight::Medium => Some(1),
            BandWeight::Heavy => Some(2),
            _ => None,
        };
        match (self, other) {
            (BandWeight::Plain, BandWeight::Plain) => Some(Ordering::Equal),
            (BandWeight::Colour(a), BandWeight::Colour(b)) => Some(a.cmp(&b)),
            _ => Some(word_rank(self)?.cmp(&word_rank(other)?)),
        }
    }

    /// How many band weights apart two bands named the same way are.
    pub fn steps_to(self, other: BandWeight) -> Option<u32> {
        let rank = |band: BandWeight| match band {
            BandWeight::Light => Some((0, 0)),
            BandWeight::Medium => Some((0, 1)),
            BandWeight::Heavy => Some((0, 2)),
            BandWeight::Colour(colour) => Some((1, colour as u32)),
            BandWeight::Plain => None,
        };
        let ((scheme_a, a), (scheme_b, b)) = (rank(self)?, rank(other)?);
        (scheme_a == scheme_b).then(|| a.abs_diff(b))
    }
}

/// The load of an exercise.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Load {
    /// `bodyweight` / `bw`.
    Bodyweight,
    /// A resistance band.
    Band(BandWeight),
    /// `light`.
    Light,
    /// `moderate`.
    Moderate,
    /// `heavy`.
    Heavy,
    /// Kilograms.
    Kg(f64),
    /// Pounds.
    Lb(f64),
    /// Percent of one-rep max.
    PercentOfMax(f64),
    /// Rating of perceived exertion.
    Rpe(f64),
}

/// Why a load does not parse: the byte offset (in the text) of the first bad character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadError {
    /// Byte offset inside the parsed text.
    pub offset: usize,
}

impl Load {
    /// Parses a load such as `20kg`, `45 lb`, `80%`, `80% 1RM`, `RPE 8`, `bw`, `light band`.
    pub fn parse(text: &str) -> Result<Load, LoadError> {
        let leading = text.len() - text.trim_start().len();
        let trimmed = text.trim();
        let lower = trimmed.to_ascii_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let word_load = match words.as_slice() {
            ["bodyweight"] | ["bw"] | ["body", "weight"] => Some(Load::Bodyweight),
            ["band"] => Some(Load::Band(BandWeight::Plain)),
            ["light", "band"] => Some(Load::Band(BandWeight::Light)),
            ["heavy", "band"] => Some(Load::Band(BandWeight::Heavy)),
            ["medium", "band"] => Some(Load::Band(BandWeight::Medium)),
            [colour, "band"] => BandColour::parse(colour).map(|colour| Load::Band(BandWeight::Colour(colour))),
            ["light"] => Some(Load::Light),
            ["moderate"] => Some(Load::Moderate),
            ["heavy"] => Some(Load::Heavy),
            _ => None,
        };
        if let Some(load) = word_load {
            return Ok(load);
        }
        if let Some(rest) = lower.strip_prefix("rpe") {
            let number_start = leading + 3 + (rest.len() - rest.trim_start().len());
            return match parse_number(rest.trim()) {
                Some(value) if (1.0..=10.0).contains(&value) && rest.trim().len() == number_len(rest.trim()) => {
                    Ok(Load::Rpe(value))
                }
                _ => Err(LoadError { offset: number_start }),
            };
        }
        let digits = number_len(&lower);
        let Some(value) = lower.get(..digits).and_then(parse_number) else {
            return Err(LoadError { offset: leading });
        };
        let after = lower.get(digits..).unwrap_or("");
        let after_start = leading + digits + (after.len() - after.trim_start().len());
        if let Some(each) = after.trim_start().strip_prefix(['x', '×']) {
            let each_start = after_start + (after.trim_start().len() - each.len());
            return pieces_of(value, each).ok_or(LoadError { offset: each_start });
        }
        let unit = after.trim();
        let unit_offset = after_start;
        let load = match unit {
            "kg" | "kgs" => Load::Kg(value),
            "lb" | "lbs" => Load::Lb(value),
            "%" | "% 1rm" | "%1rm" | "% of 1rm" => Load::PercentOfMax(value),
            _ => {
                return Err(LoadError { offset: unit_offset });
            }
        };
        if !value.is_finite() || value <= 0.0 || value > 10_000.0 {
            return Err(LoadError { offset: leading });
        }
        Ok(load)
    }

    /// Whether the load is external weight: kg, lb, a share of one-rep max, `heavy`, or RPE.
    pub fn is_external(self) -> bool {
        matches!(self, Load::Kg(_) | Load::Lb(_) | Load::PercentOfMax(_) | Load::Heavy | Load::Rpe(_))
    }

    /// Kilograms, for kg and lb loads.
    pub fn kilograms(self) -> Option<f64> {
        match self {
            Load::Kg(kg) => Some(kg),
            Load::Lb(lb) => Some(lb / LB_PER_KG),
            _ => None,
        }
    }

    /// Compares two loads where the plan format says they compare; `None` where they do not.
    /// `max_kg` converts a share of one-rep max into kilograms when the athlete's max is known.
    pub fn compare(self, other: Load, max_kg: Option<f64>) -> Option<Ordering> {
        let as_kg = |load: Load| {
            load.kilograms().or_else(|| match load {
                Load::PercentOfMax(percent) => max_kg.map(|max| max * percent / 100.0),
                _ => None,
            })
        };
        match (self, other) {
            (Load::Bodyweight, Load::Bodyweight) => Some(Ordering::Equal),
            (Load::Bodyweight, _) => Some(Ordering::Less),
            (_, Load::Bodyweight) => Some(Ordering::Greater),
            (Load::PercentOfMax(a), Load::PercentOfMax(b)) => a.partial_cmp(&b),
            (Load::Rpe(a), Load::Rpe(b)) => a.partial_cmp(&b),
            (Load::Band(a), Load::Band(b)) => a.compare(b),
            _ => match (self.word_rank(), other.word_rank()) {
                (Some(a), Some(b)) => Some(a.cmp(&b)),
                _ => as_kg(self)?.partial_cmp(&as_kg(other)?),
            },
        }
    }

    /// Rank of band and word loads: band < light < moderate < heavy.
    fn word_rank(self) -> Option<u8> {
        match self {
            Load::Band(_) => Some(0),
            Load::Light => Some(1),
            Load::Moderate => Some(2),
            Load::Heavy => Some(3),
            _ => None,
        }
    }
}

impl fmt::Display for Load {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Load::Bodyweight => f.write_str("bodyweight"),
            Load::Band(BandWeight::Plain) => f.write_str("band"),
            Load::Band(BandWeight::Light) => f.write_str("light band"),
            Load::Band(BandWeight::Medium) => f.write_str("medium band"),
            Load::Band(BandWeight::Heavy) => f.write_str("heavy band"),
            Load::Band(BandWeight::Colour(colour)) => write!(f, "{} band", colour.as_str()),
            Load::Light => f.write_str("light"),
            Load::Moderate => f.write_str("moderate"),
            Load::Heavy => f.write_str("heavy"),
            Load::Kg(kg) => write!(f, "{}kg", Number(*kg)),
            Load::Lb(lb) => write!(f, "{}lb", Number(*lb)),
            Load::PercentOfMax(percent) => write!(f, "{}%", Number(*percent)),
            Load::Rpe(rpe) => write!(f, "RPE {}", Number(*rpe)),
        }
    }
}

/// The most pieces of one weight a load may name (`2x18kg`: a dumbbell in each hand).
const MAX_PIECES: f64 = 4.0;

/// A load of several pieces of one weight, `2x18kg`, as the total held: `pieces` times the
/// kg or lb in `each` (a number and its unit, nothing else).
fn pieces_of(pieces: f64, each: &str) -> Option<Load> {
    if pieces.fract() != 0.0 || !(1.0..=MAX_PIECES).contains(&pieces) {
        return None;
    }
    let each = each.trim();
    let digits = number_len(each);
    let weight = each.get(..digits).and_then(parse_number).filter(|w| w.is_finite() && *w > 0.0 && *w <= 1_000.0)?;
    match each.get(digits..).unwrap_or("").trim() {
        "kg" | "kgs" => Some(Load::Kg(pieces * weight)),
        "lb" | "lbs" => Some(Load::Lb(pieces * weight)),
        _ => None,
    }
}

/// Formats a number without a trailing `.0`.
pub struct Number(pub f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            write!(f, "{}", self.0 as i64)
        } else {
            write!(f, "{}", (self.0 * 100.0).round() / 100.0)
        }
    }
}

/// Length in bytes of the leading decimal number (`12`, `12.5`, or `12,5` as most of
/// Europe writes it).
fn number_len(text: &str) -> usize {
    let mut seen_separator = false;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let separator_then_digit =
            matches!(c, '.' | ',') && chars.peek().is_some_and(|&(_, next)| next.is_ascii_digit());
        if separator_then_digit && !seen_separator && index > 0 {
            seen_separator = true;
        } else if !c.is_ascii_digit() {
            return index;
        }
    }
    text.len()
}

fn parse_number(text: &str) -> Option<f64> {
    if text.is_empty() || !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    text.replacen(',', ".", 1).parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_spelling() {
        assert_eq!(Load::parse("20kg"), Ok(Load::Kg(20.0)));
        assert_eq!(Load::parse("22.5 kg"), Ok(Load::Kg(22.5)));
        assert_eq!(Load::parse("12,5kg"), Ok(Load::Kg(12.5)));
        assert_eq!(Load::parse("RPE 7,5"), Ok(Load::Rpe(7.5)));
        assert_eq!(Load::parse("45lb"), Ok(Load::Lb(45.0)));
        assert_eq!(Load::parse("80%"), Ok(Load::PercentOfMax(80.0)));
        assert_eq!(Load::parse("80% 1RM"), Ok(Load::PercentOfMax(80.0)));
        assert_eq!(Load::parse("RPE 8"), Ok(Load::Rpe(8.0)));
        assert_eq!(Load::parse("bw"), Ok(Load::Bodyweight));
        assert_eq!(Load::parse("Light band"), Ok(Load::Band(BandWeight::Light)));
        assert_eq!(Load::parse("heavy"), Ok(Load::Heavy));
        assert_eq!(Load::parse("medium band"), Ok(Load::Band(BandWeight::Medium)));
        assert_eq!(Load::parse("Red band"), Ok(Load::Band(BandWeight::Colour(BandColour::Red))));
        assert!(Load::parse("purple band").is_err());
        assert_eq!(Load::parse("2x18kg"), Ok(Load::Kg(36.0)));
        assert_eq!(Load::parse("2 × 25 lb"), Ok(Load::Lb(50.0)));
        assert!(Load::parse("2x18").is_err());
        assert!(Load::parse("9x18kg").is_err());
        assert!(Load::parse("2x2x18kg").is_err());
    }

    #[test]
    fn a_heavier_band_is_more_load() {
        let (light, medium) = (Load::Band(BandWeight::Light), Load::Band(BandWeight::Medium));
        assert_eq!(light.compare(medium, None), Some(Ordering::Less));
        let (red, blue) =
            (Load::Band(BandWeight::Colour(BandColour::Red)), Load::Band(BandWeight::Colour(BandColour::Blue)));
        assert_eq!(blue.compare(red, None), Some(Ordering::Greater));
        assert_eq!(light.compare(red, None), None);
        assert_eq!(BandWeight::Light.steps_to(BandWeight::Heavy), Some(2));
        assert_eq!(BandWeight::Plain.steps_to(BandWeight::Heavy), None);
    }

    #[test]
    fn points_at_the_first_bad_character() {
        assert_eq!(Load::parse("20kgs x"), Err(LoadError { offset: 2 }));
        assert_eq!(Load::parse("lots"), Err(LoadError { offset: 0 }));
        assert_eq!(Load::parse("RPE eleven"), Err(LoadError { offset: 4 }));
    }

    #[test]
    fn compares_across_units() {
        assert_eq!(Load::Bodyweight.compare(Load::Kg(5.0), None), Some(Ordering::Less));
        assert_eq!(Load::Kg(20.0).compare(Load::Lb(45.0), None), Some(Ordering::Less));
        assert_eq!(Load::Band(BandWeight::Heavy).compare(Load::Light, None), Some(Ordering::Less));
        assert_eq!(Load::PercentOfMax(80.0).compare(Load::Kg(70.0), Some(80.0)), Some(Ordering::Less));
        assert_eq!(Load::PercentOfMax(80.0).compare(Load::Kg(70.0), None), None);
        assert_eq!(Load::Rpe(8.0).compare(Load::Kg(70.0), None), None);
    }
}
