fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let docs = folio::search::eval::load_docs(std::path::Path::new("../shared/bench/search/data/rust-blog.json")).unwrap();
    let mut bodies: Vec<String> = docs.iter().map(|d| {
        let b = &d.body;
        let mut cut = b.len().min(32 * 1024);
        while !b.is_char_boundary(cut) { cut -= 1; }
        b[..cut].to_owned()
    }).collect();
    bodies.sort_by_key(|b| std::cmp::Reverse(b.len()));
    bodies.truncate(10);
    let terms: Vec<String> = vec!["schedul".into(), "compil".into(), "releas".into()];
    let mut n = 0;
    for b in &bodies {
        match mode.as_str() {
            "snippet" => n += folio::search::snippet(b, &terms, 180).ranges.len(),
            "tokenize" => folio::search::tokenize(b, |_| { n += 1; true }),
            _ => {}
        }
    }
    println!("{mode}: {n}");
}
