//! The footer's copyright years: the span of the posts' dates.

use folio_core::model::{Manifest, PostSummary};

fn site(dates: &[&str]) -> Manifest {
    Manifest {
        posts: dates
            .iter()
            .map(|date| PostSummary {
                date: date.to_string(),
                ..PostSummary::default()
            })
            .collect(),
        ..Manifest::default()
    }
}

#[test]
fn the_years_span_the_first_and_last_post() {
    // Newest first, as the manifest lists them; the span does not depend on the order.
    assert_eq!(
        site(&["2024-03-01", "2019-12-31", "2021-06-01"]).copyright_years(),
        Some("2019\u{2013}2024".to_owned())
    );
    assert_eq!(
        site(&["2023-01-01", "2023-11-30"]).copyright_years(),
        Some("2023".to_owned())
    );
}

#[test]
fn no_dated_posts_no_years() {
    assert_eq!(site(&[]).copyright_years(), None);
    assert_eq!(site(&["", "soon"]).copyright_years(), None);
    assert_eq!(
        site(&["", "2020-02-02"]).copyright_years(),
        Some("2020".to_owned())
    );
}
