//! The fixed words of the plan format: weekdays, levels, phases, intensities, run types.

use serde::Serialize;

/// Declares a keyword enum with its spellings, `parse`, `as_str` and the list of names.
macro_rules! keywords {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every accepted word, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// Parses the exact (lowercase) word.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// The word as written in plans.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

keywords! {
    /// The athlete's training background.
    Level {
        /// New to running or strength work.
        Beginner = "beginner",
        /// Coming back after a break or injury.
        Returning = "returning",
        /// Trains regularly.
        Intermediate = "intermediate",
        /// Years of structured training.
        Advanced = "advanced",
    }
}

// The keyword macro fixes the derives, so the default is written out.
#[allow(clippy::derivable_impls)]
impl Default for Level {
    fn default() -> Self {
        Level::Intermediate
    }
}

keywords! {
    /// The training phase of a week.
    Phase {
        /// General preparation.
        Base = "base",
        /// Race-specific build-up.
        Build = "build",
        /// Hardest race-specific weeks.
        Peak = "peak",
        /// Volume drops before the race.
        Taper = "taper",
        /// The race week.
        Race = "race",
        /// Easy weeks after a race or block.
        Recovery = "recovery",
        /// Between seasons.
        OffSeason = "off-season",
        /// Holding strength in season.
        Maintenance = "maintenance",
    }
}

keywords! {
    /// An explicit session intensity.
    Intensity {
        /// Easy.
        Easy = "easy",
        /// Moderate.
        Moderate = "moderate",
        /// Hard.
        Hard = "hard",
        /// Heavy (for strength work).
        Heavy = "heavy",
    }
}

keywords! {
    /// The type of a run.
    RunType {
        /// Long run.
        Long = "long",
        /// Tempo run.
        Tempo = "tempo",
        /// Threshold run.
        Threshold = "threshold",
        /// Intervals.
        Intervals = "intervals",
        /// Hill repeats.
        Hills = "hills",
        /// Fartlek.
        Fartlek = "fartlek",
        /// Progression run.
        Progression = "progression",
        /// A race.
        Race = "race",
        /// Speed work.
        Speed = "speed",
        /// Easy run.
        Easy = "easy",
        /// Recovery run.
        Recovery = "recovery",
        /// Shake-out run.
        Shakeout = "shakeout",
        /// Strides.
        Strides = "strides",
    }
}

impl RunType {
    /// Whether the run type is a hard effort.
    pub fn is_hard(self) -> bool {
        !matches!(self, RunType::Easy | RunType::Recovery | RunType::Shakeout | RunType::Strides)
    }

    /// Whether the run is fast or hill work that loads the calves and Achilles: hills,
    /// intervals, speed, threshold, tempo and fartlek.
    pub fn is_speed_work(self) -> bool {
        matches!(
            self,
            RunType::Hills
                | RunType::Intervals
                | RunType::Speed
                | RunType::Threshold
                | RunType::Tempo
                | RunType::Fartlek
        )
    }
}

keywords! {
    /// A day of the week.
    Weekday {
        /// Monday.
        Mon = "mon",
        /// Tuesday.
        Tue = "tue",
        /// Wednesday.
        Wed = "wed",
        /// Thursday.
        Thu = "thu",
        /// Friday.
        Fri = "fri",
        /// Saturday.
        Sat = "sat",
        /// Sunday.
        Sun = "sun",
    }
}

impl Weekday {
    /// Full day names, in the same order as [`Weekday::NAMES`].
    pub const FULL_NAMES: &'static [&'static str] =
        &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// Parses a day key: `mon` or `monday`, any case.
    pub fn parse_key(text: &str) -> Option<Weekday> {
        let lower = text.to_ascii_lowercase();
        Weekday::parse(&lower).or_else(|| {
            let index = Weekday::FULL_NAMES.iter().position(|full| *full == lower)?;
            Weekday::from_index(index)
        })
    }

    /// 0 for Monday through 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The weekday with the given index (0 = Monday).
    pub fn from_index(index: usize) -> Option<Weekday> {
        Weekday::NAMES.get(index).and_then(|name| Weekday::parse(name))
    }

    /// The full English name, lowercase.
    pub fn full_name(self) -> &'static str {
        Weekday::FULL_NAMES.get(self.index()).copied().unwrap_or("day")
    }
}

impl Serialize for Weekday {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}
