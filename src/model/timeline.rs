//! The athlete's own strength timeline: which week of strength training each plan week is,
//! counted from the athlete's first strength work in the plan, not from the plan's numbers.

/// Written weeks in a row without strength work from which the athlete counts as returning:
/// a month away from lifting (runlint's own threshold; the articles treat "returning after
/// time off" as a start again without saying how long the time off is).
pub const GAP_SETS_BACK_WEEKS: u32 = 4;

/// One week's place on the athlete's timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingWeek {
    /// The training week.
    pub week: u32,
    /// Whether strength work starts again here after a long gap.
    pub restarted: bool,
}

/// The training week of every week of the plan, in file order.
///
/// The first week with strength work is week `strength_weeks + 1`; every later week adds the
/// difference of the plan's week numbers. After [`GAP_SETS_BACK_WEEKS`] or more written
/// weeks without strength work the timeline goes back one week per week missed (never
/// below week 1). Weeks before the first strength work, and weeks of a gap, keep the
/// training week the athlete last reached (`strength_weeks` before any).
///
/// `weeks` gives each week's plan number and whether it has strength work.
pub fn training_weeks(strength_weeks: u32, weeks: impl Iterator<Item = (u32, bool)>) -> Vec<TrainingWeek> {
    let mut result = Vec::new();
    // The training week of the last week with strength work, and its plan week number.
    let mut last: Option<(u32, u32)> = None;
    let mut weeks_without = 0u32;
    for (number, has_strength_work) in weeks {
        if !has_strength_work {
            weeks_without = weeks_without.saturating_add(1);
            let week = last.map_or(strength_weeks, |(training, _)| training);
            result.push(TrainingWeek { week, restarted: false });
            continue;
        }
        let restarted = last.is_some() && weeks_without >= GAP_SETS_BACK_WEEKS;
        let training = match last {
            None => strength_weeks.saturating_add(1),
            Some((training, _)) if weeks_without >= GAP_SETS_BACK_WEEKS => {
                training.saturating_sub(weeks_without).max(1)
            }
            Some((training, last_number)) => training.saturating_add(number.saturating_sub(last_number)),
        };
        weeks_without = 0;
        last = Some((training, number));
        result.push(TrainingWeek { week: training, restarted });
    }
    result
}

#[cfg(test)]
mod tests {
    fn weeks(numbers: &[u32], strength: impl Fn(u32) -> bool) -> Vec<(u32, bool)> {
        numbers.iter().map(|&number| (number, strength(number))).collect()
    }

    fn training_weeks(strength_weeks: u32, weeks: impl Iterator<Item = (u32, bool)>) -> Vec<u32> {
        super::training_weeks(strength_weeks, weeks).into_iter().map(|week| week.week).collect()
    }

    #[test]
    fn counts_from_the_first_strength_week_whatever_the_numbers() {
        let numbers = [20, 21, 22, 23];
        assert_eq!(training_weeks(0, weeks(&numbers, |n| n >= 22).into_iter()), vec![0, 0, 1, 2]);
        assert_eq!(training_weeks(0, weeks(&numbers, |_| true).into_iter()), vec![1, 2, 3, 4]);
    }

    #[test]
    fn adds_the_weeks_before_the_plan() {
        assert_eq!(training_weeks(10, weeks(&[1, 2, 4], |_| true).into_iter()), vec![11, 12, 14]);
    }

    #[test]
    fn a_long_gap_sets_the_timeline_back() {
        let numbers: Vec<u32> = (1..=10).collect();
        let long_gap = weeks(&numbers, |n| n <= 5 || n >= 10);
        assert_eq!(training_weeks(0, long_gap.clone().into_iter()), vec![1, 2, 3, 4, 5, 5, 5, 5, 5, 1]);
        let restarts: Vec<bool> = super::training_weeks(0, long_gap.into_iter()).iter().map(|w| w.restarted).collect();
        assert_eq!(restarts.iter().position(|&restarted| restarted), Some(9));
        assert_eq!(restarts.iter().filter(|&&restarted| restarted).count(), 1);
        let short_gap = weeks(&numbers, |n| n != 6 && n != 7);
        assert_eq!(training_weeks(0, short_gap.into_iter()), vec![1, 2, 3, 4, 5, 5, 5, 8, 9, 10]);
    }
}
