//! Dates, reading times and counts worded as readers read them (`March 12, 2020`, `5 min read`,
//! `1 post`): pure, so the host tests it and the prerenderer prints exactly what the browser prints.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2020-03-12` → `March 12, 2020`. Anything that is not a valid `YYYY-MM-DD` date is returned
/// unchanged, so a surprising manifest shows its raw value rather than nothing.
pub fn human_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
    if let [year, month, day] = parts[..] {
        let month = month.parse::<usize>().ok().filter(|m| (1..=12).contains(m));
        let day = day.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
        if let (Some(month), Some(day), true) = (month, day, year.len() == 4) {
            return format!("{} {day}, {year}", MONTHS[month - 1]);
        }
    }
    iso.to_owned()
}

/// `1` → `1 post`, `3` → `3 posts`.
pub fn post_count(count: usize) -> String {
    match count {
        1 => "1 post".to_owned(),
        n => format!("{n} posts"),
    }
}

/// `3` → `3 min read`.
pub fn reading_time(minutes: u32) -> String {
    format!("{} min read", minutes.max(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_valid_dates() {
        assert_eq!(human_date("2020-03-12"), "March 12, 2020");
        assert_eq!(human_date("2024-12-01"), "December 1, 2024");
        assert_eq!(human_date("2024-12-01T10:00:00Z"), "December 1, 2024");
    }

    #[test]
    fn leaves_invalid_dates_alone() {
        assert_eq!(human_date("2020-13-12"), "2020-13-12");
        assert_eq!(human_date("yesterday"), "yesterday");
        assert_eq!(human_date(""), "");
    }

    #[test]
    fn post_counts_agree_in_number() {
        assert_eq!(post_count(0), "0 posts");
        assert_eq!(post_count(1), "1 post");
        assert_eq!(post_count(12), "12 posts");
    }

    #[test]
    fn reading_time_is_at_least_a_minute() {
        assert_eq!(reading_time(0), "1 min read");
        assert_eq!(reading_time(7), "7 min read");
    }
}
