use std::time::Instant;
use dateline::index::ArchiveIndex;
use dateline::search::{Filters, Query, SearchRequest, SortBy, plan::top_hits};
use dateline::search::dates::DateRange;
fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let index = ArchiveIndex::open(dir.as_ref()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
    let cases: Vec<(&str, Filters, SortBy)> = vec![
        ("\"crude oil prices\"", Filters::default(), SortBy::Score),
        ("oil pipeline", Filters::default(), SortBy::Score),
        ("zinc", Filters::default(), SortBy::Score),
        ("dollar", Filters { dates: DateRange::from_args(Some("1987-03"), Some("1987-03-31"), today).unwrap(), ..Filters::default() }, SortBy::Score),
        ("oil", Filters::default(), SortBy::Date),
        ("trade", Filters { locations: vec!["tokyo".into()], ..Filters::default() }, SortBy::Score),
    ];
    for (q, f, sort) in cases {
        let req = SearchRequest { query: Query::parse(q).unwrap(), filters: f, limit: 10, offset: 0, all: false, sort, reverse: false };
        let mut times = Vec::new();
        let mut n = 0;
        for _ in 0..200 {
            let t = Instant::now();
            let (h, hits) = top_hits(&index, &req).unwrap();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            n = h.total_hits; assert!(!hits.is_empty());
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!("{q:24} {sort:?} total {n:6}  median {:.2} ms  p99 {:.2} ms", times[100], times[198]);
    }
}
