//! The prescription string grammar: `SETS x AMOUNT [UNIT] [each] [@ LOAD]`.

use std::fmt;
use std::ops::Range;

use super::load::Load;

/// How many repetitions, seconds or steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amount {
    /// Exactly this many.
    Exact(u32),
    /// A range such as `8-10`.
    Range(u32, u32),
    /// As many as possible (`5+`, `amrap`, `max`), with the stated minimum if any.
    AsManyAsPossible(Option<u32>),
}

impl Amount {
    /// The largest number an amount may hold.
    pub const MAX: u32 = 10_000;

    /// Whether every number in the amount lies in 1..=[`Amount::MAX`].
    pub fn in_range(self) -> bool {
        let valid = |n: u32| (1..=Amount::MAX).contains(&n);
        match self {
            Amount::Exact(n) | Amount::AsManyAsPossible(Some(n)) => valid(n),
            Amount::Range(low, high) => valid(low) && valid(high),
            Amount::AsManyAsPossible(None) => true,
        }
    }

    /// The highest number prescribed, used to compare progressions.
    pub fn upper(self) -> Option<u32> {
        match self {
            Amount::Exact(n) | Amount::Range(_, n) => Some(n),
            Amount::AsManyAsPossible(min) => min,
        }
    }

    /// The amount with every number multiplied (minutes into seconds); a number past
    /// `u32` becomes `u32::MAX`, which [`Amount::in_range`] refuses.
    fn times(self, factor: u32) -> Amount {
        let scale = |n: u32| n.saturating_mul(factor);
        match self {
            Amount::Exact(n) => Amount::Exact(scale(n)),
            Amount::Range(low, high) => Amount::Range(scale(low), scale(high)),
            Amount::AsManyAsPossible(min) => Amount::AsManyAsPossible(min.map(scale)),
        }
    }

    /// Parses `10`, `8-10`, `5+`, `amrap`, `max` (dashes `-`, `–`, `—`).
    pub fn parse(text: &str) -> Result<Amount, usize> {
        let mut scanner = Scanner::new(text);
        scanner.skip_space();
        let amount = scanner.amount()?;
        scanner.skip_space();
        if scanner.at_end() { Ok(amount) } else { Err(scanner.position) }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Exact(n) => write!(f, "{n}"),
            Amount::Range(low, high) => write!(f, "{low}-{high}"),
            Amount::AsManyAsPossible(Some(min)) => write!(f, "{min}+"),
            Amount::AsManyAsPossible(None) => f.write_str("amrap"),
        }
    }
}

/// Tempo in seconds: lowering, pause, lifting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tempo {
    /// Seconds to lower.
    pub lowering: u32,
    /// Seconds to pause.
    pub pause: u32,
    /// Seconds to lift.
    pub lifting: u32,
}

impl Tempo {
    /// Parses `3-0-1`.
    pub fn parse(text: &str) -> Result<Tempo, usize> {
        let mut scanner = Scanner::new(text);
        let mut parts = [0u32; 3];
        for (index, part) in parts.iter_mut().enumerate() {
            scanner.skip_space();
            if index > 0 {
                scanner.expect_dash()?;
                scanner.skip_space();
            }
            *part = scanner.integer()?.0;
        }
        scanner.skip_space();
        if !scanner.at_end() {
            return Err(scanner.position);
        }
        let [lowering, pause, lifting] = parts;
        Ok(Tempo { lowering, pause, lifting })
    }
}

impl fmt::Display for Tempo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{}", self.lowering, self.pause, self.lifting)
    }
}

/// What the amount of a prescription counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountUnit {
    /// Repetitions.
    Reps,
    /// Seconds of hold.
    Seconds,
    /// Steps.
    Steps,
}

/// A parsed prescription string, with byte ranges (relative to the string) of each part.
#[derive(Debug, Clone, PartialEq)]
pub struct Prescription {
    /// Number of sets and where it was written.
    pub sets: (u32, Range<usize>),
    /// The amount, its unit and where it was written.
    pub amount: (Amount, AmountUnit, Range<usize>),
    /// Whether `each`, `each side` or `each leg` was given.
    pub each_side: bool,
    /// The load after `@`, and where it was written.
    pub load: Option<(Load, Range<usize>)>,
}

/// Why a prescription string does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrescriptionError {
    /// Byte offset of the first character that does not fit.
    pub offset: usize,
    /// What was expected there.
    pub expected: &'static str,
}

impl Prescription {
    /// Parses a prescription string such as `3 x 8-10 each @ 20kg`.
    pub fn parse(text: &str) -> Result<Prescription, PrescriptionError> {
        let fail = |offset, expected| PrescriptionError { offset, expected };
        let mut scanner = Scanner::new(text);
        scanner.skip_space();
        let sets = scanner.integer().map_err(|offset| fail(offset, "the number of sets"))?;
        scanner.skip_space();
        if !scanner.eat_one_of(&["x", "X", "×"]) {
            return Err(fail(scanner.position, "`x` between sets and amount"));
        }
        scanner.skip_space();
        let amount_start = scanner.position;
        let mut amount = scanner.amount().map_err(|offset| fail(offset, "reps, a range, `N+`, `amrap` or `max`"))?;
        let mut amount_end = scanner.position;
        scanner.skip_space();
        let unit = if scanner.eat_word(&["seconds", "second", "secs", "sec", "s"]) {
            AmountUnit::Seconds
        } else if scanner.eat_word(&["minutes", "minute", "mins", "min"]) {
            // Holds are kept in seconds; `2x1min` is two one-minute holds.
            amount = amount.times(60);
            amount_end = scanner.position;
            AmountUnit::Seconds
        } else if scanner.eat_word(&["steps", "step"]) {
            AmountUnit::Steps
        } else {
            scanner.eat_word(&["reps", "rep"]);
            AmountUnit::Reps
        };
        scanner.skip_space();
        let each_side = scanner.eat_word(&["each"]);
        if each_side {
            scanner.skip_space();
            scanner.eat_word(&["sides", "side", "legs", "leg"]);
            scanner.skip_space();
        }
        let load = if scanner.eat_one_of(&["@"]) {
            scanner.skip_space();
            let start = scanner.position;
            let rest = scanner.rest();
            let load = Load::parse(rest).map_err(|error| fail(start + error.offset, "a load"))?;
            Some((load, start..start + rest.trim_end().len()))
        } else if !scanner.at_end() {
            let expected = if each_side { "`@ LOAD` or the end" } else { "a unit, `each`, `@ LOAD` or the end" };
            return Err(fail(scanner.position, expected));
        } else {
            None
        };
        Ok(Prescription { sets, amount: (amount, unit, amount_start..amount_end), each_side, load })
    }
}

/// A cursor over a prescription string.
struct Scanner<'t> {
    text: &'t str,
    position: usize,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Scanner { text, position: 0 }
    }

    fn rest(&self) -> &'t str {
        self.text.get(self.position..).unwrap_or("")
    }

    fn at_end(&self) -> bool {
        self.rest().is_empty()
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.position += rest.len() - rest.trim_start().len();
    }

    /// Consumes one of the exact tokens.
    fn eat_one_of(&mut self, tokens: &[&str]) -> bool {
        let rest = self.rest();
        match tokens.iter().find(|token| rest.starts_with(**token)) {
            Some(token) => {
                self.position += token.len();
                true
            }
            None => false,
        }
    }

    /// Consumes one of the words (case-insensitive) when it is not followed by a letter.
    fn eat_word(&mut self, words: &[&str]) -> bool {
        let rest = self.rest();
        for word in words {
            let Some(head) = rest.get(..word.len()) else {
                continue;
            };
            let followed_by_letter =
                rest.get(word.len()..).and_then(|r| r.chars().next()).is_some_and(char::is_alphabetic);
            if head.eq_ignore_ascii_case(word) && !followed_by_letter {
                self.position += word.len();
                return true;
            }
        }
        false
    }

    fn expect_dash(&mut self) -> Result<(), usize> {
        if self.eat_one_of(&["-", "–", "—"]) { Ok(()) } else { Err(self.position) }
    }

    /// A positive integer that fits in `u32`, with its range.
    fn integer(&mut self) -> Result<(u32, Range<usize>), usize> {
        let start = self.position;
        let rest = self.rest();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let value = rest.get(..digits).and_then(|d| d.parse::<u32>().ok()).ok_or(start)?;
        self.position += digits;
        Ok((value, start..self.position))
    }

    fn amount(&mut self) -> Result<Amount, usize> {
        if self.eat_word(&["amrap", "max"]) {
            return Ok(Amount::AsManyAsPossible(None));
        }
        let (low, _) = self.integer()?;
        let before_space = self.position;
        self.skip_space();
        if self.eat_one_of(&["+"]) {
            return Ok(Amount::AsManyAsPossible(Some(low)));
        }
        if self.eat_one_of(&["-", "–", "—"]) {
            self.skip_space();
            let high_start = self.position;
            let (high, _) = self.integer()?;
            if high < low {
                return Err(high_start);
            }
            return Ok(Amount::Range(low, high));
        }
        self.position = before_space;
        Ok(Amount::Exact(low))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Prescription {
        match Prescription::parse(text) {
            Ok(prescription) => prescription,
            Err(error) => panic!("{text:?} did not parse: {error:?}"),
        }
    }

    #[test]
    fn parses_the_documented_examples() {
        assert_eq!(parse("3x10").amount.0, Amount::Exact(10));
        let p = parse("3 x 8-10 each");
        assert_eq!((p.sets.0, p.amount.0, p.each_side), (3, Amount::Range(8, 10), true));
        assert_eq!(parse("3x30s").amount.1, AmountUnit::Seconds);
        let p = parse("3 x 20–30 seconds each");
        assert_eq!((p.amount.0, p.amount.1, p.each_side), (Amount::Range(20, 30), AmountUnit::Seconds, true));
        let p = parse("2 x 10 steps each leg");
        assert_eq!((p.amount.1, p.each_side), (AmountUnit::Steps, true));
        assert_eq!(parse("3 × 12").sets.0, 3);
        assert_eq!(parse("3x6 @ 80%").load.map(|l| l.0), Some(Load::PercentOfMax(80.0)));
        assert_eq!(parse("3x8 @ 20kg").load.map(|l| l.0), Some(Load::Kg(20.0)));
        assert_eq!(parse("3x5 @ RPE 8").load.map(|l| l.0), Some(Load::Rpe(8.0)));
        assert_eq!(parse("3x12 @ bw").load.map(|l| l.0), Some(Load::Bodyweight));
        assert_eq!(parse("3X5+").amount.0, Amount::AsManyAsPossible(Some(5)));
        assert_eq!(parse("2 x AMRAP").amount.0, Amount::AsManyAsPossible(None));
        assert_eq!(parse("3x8—10").amount.0, Amount::Range(8, 10));
    }

    #[test]
    fn reads_coach_notation() {
        let p = parse("2x1min");
        assert_eq!((p.amount.0, p.amount.1, p.amount.2), (Amount::Exact(60), AmountUnit::Seconds, 2..6));
        assert_eq!(parse("3 x 1-2 minutes each").amount.0, Amount::Range(60, 120));
        assert_eq!(parse("3x8 @ 12,5kg").load.map(|l| l.0), Some(Load::Kg(12.5)));
    }

    #[test]
    fn records_where_each_part_was_written() {
        let p = parse("3 x 8 @ 20kg");
        assert_eq!(p.sets.1, 0..1);
        assert_eq!(p.amount.2, 4..5);
        assert_eq!(p.load.map(|l| l.1), Some(8..12));
    }

    #[test]
    fn points_at_the_first_character_that_does_not_fit() {
        let offset = |text: &str| Prescription::parse(text).err().map(|e| e.offset);
        assert_eq!(offset("three by ten"), Some(0));
        assert_eq!(offset("3 by 10"), Some(2));
        assert_eq!(offset("3x"), Some(2));
        assert_eq!(offset("3x10 kg"), Some(5));
        assert_eq!(parse("3x10 reps").amount.1, AmountUnit::Reps);
        assert_eq!(offset("3x10 @ lots"), Some(7));
        assert_eq!(offset("3x10-8"), Some(5));
    }
}
