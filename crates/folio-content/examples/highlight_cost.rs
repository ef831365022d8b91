//! What highlighting code blocks at build time costs the reader and the build: the bytes its
//! span markup adds to each rendered post (raw, gzip and brotli, as a host would serve them)
//! and how fast the highlighter runs.
//!
//! ```sh
//! cargo run --release --example highlight_cost                      # content/ and the Rust blog
//! cargo run --release --example highlight_cost -- path/to/content …  # other content folders
//! ```
//!
//! Host only (it reads files and runs `gzip` and, if installed, `brotli`); on wasm32 it builds
//! to an empty program, so that `cargo test --target wasm32-unknown-unknown` still compiles it.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::io::Write;
    use std::path::PathBuf;
    use std::process::{Command, Stdio};
    use std::time::Instant;

    use folio_content::{prepare, Options};
    use folio_markdown::highlight;
    use folio_markdown::{options, render};
    use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

    pub fn main() {
        let mut dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
        if dirs.is_empty() {
            let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
            dirs = vec![
                root.join("../../content"),
                root.join("../../../shared/corpus/rust-blog/content"),
            ];
        }
        for dir in dirs {
            report(&dir);
        }
    }

    /// Sizes of one post's HTML without and with highlighting.
    struct Post {
        raw: [usize; 2],
        gzip: [usize; 2],
        brotli: [Option<usize>; 2],
    }

    /// What the spans add over the posts with highlighted code.
    struct Added {
        total: usize,
        median: usize,
        max: usize,
        /// Percent of those posts' HTML without highlighting.
        share: f64,
    }

    fn report(dir: &PathBuf) {
        let out = std::env::temp_dir().join("folio-highlight-cost");
        let site = prepare(&Options::new(dir, &out))
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        let mut with_code = Vec::new();
        let mut all_html = 0;
        for post in &site.posts {
            let html = render(&post.body).html;
            let plain = without_spans(&html);
            all_html += html.len();
            if plain.len() == html.len() {
                continue; // no highlighted code block
            }
            with_code.push(Post {
                raw: [plain.len(), html.len()],
                gzip: [
                    compressed("gzip", &["-9c"], &plain).unwrap_or(0),
                    compressed("gzip", &["-9c"], &html).unwrap_or(0),
                ],
                brotli: [
                    compressed("brotli", &["-c", "-q", "11"], &plain),
                    compressed("brotli", &["-c", "-q", "11"], &html),
                ],
            });
        }

        println!("## {}", dir.display());
        println!(
            "{} posts, {} with highlighted code; all rendered HTML {:.1} kB",
            site.posts.len(),
            with_code.len(),
            kb(all_html)
        );
        let added = |f: &dyn Fn(&Post) -> [usize; 2]| -> Added {
            let mut per_post: Vec<usize> = with_code.iter().map(|p| f(p)[1] - f(p)[0]).collect();
            per_post.sort_unstable();
            let total: usize = per_post.iter().sum();
            let base: usize = with_code.iter().map(|p| f(p)[0]).sum();
            let median = per_post.get(per_post.len() / 2).copied().unwrap_or(0);
            let max = per_post.last().copied().unwrap_or(0);
            let share = 100.0 * total as f64 / base.max(1) as f64;
            Added {
                total,
                median,
                max,
                share,
            }
        };
        println!("| added by the spans | total | median per post with code | largest | share of those posts |");
        println!("| --- | --- | --- | --- | --- |");
        let mut rows: Vec<(&str, Added)> =
            vec![("raw", added(&|p| p.raw)), ("gzip -9", added(&|p| p.gzip))];
        if with_code
            .iter()
            .all(|p| p.brotli[0].is_some() && p.brotli[1].is_some())
        {
            rows.push(("brotli -q 11", added(&|p| p.brotli.map(|b| b.unwrap_or(0)))));
        }
        for (
            name,
            Added {
                total,
                median,
                max,
                share,
            },
        ) in rows
        {
            println!(
                "| {name} | {:.1} kB | {:.2} kB | {:.1} kB | +{share:.1}% |",
                kb(total),
                kb(median),
                kb(max)
            );
        }
        speed(
            &site
                .posts
                .iter()
                .map(|p| p.body.as_str())
                .collect::<Vec<_>>(),
        );
        println!();
    }

    /// The highlighter alone over every fenced block with a known language, and the whole
    /// Markdown rendering for comparison.
    fn speed(bodies: &[&str]) {
        let mut blocks: Vec<(String, String)> = Vec::new();
        for body in bodies {
            let mut current: Option<(String, String)> = None;
            for event in Parser::new_ext(body, options()) {
                match event {
                    Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                        let lang = info.split([' ', '\t', ',', '{']).next().unwrap_or_default();
                        current = Some((lang.to_owned(), String::new()));
                    }
                    Event::Text(text) => {
                        if let Some((_, code)) = &mut current {
                            code.push_str(&text);
                        }
                    }
                    Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
                    _ => {}
                }
            }
        }
        blocks.retain(|(lang, _)| highlight::is_known(lang));
        let bytes: usize = blocks.iter().map(|(_, code)| code.len()).sum();
        // Each block's best time of several runs: on a shared machine a run can lose its core
        // to another process, and the best run is the closest to the work itself.
        let took: f64 = blocks
            .iter()
            .map(|(lang, code)| best_of(30, || highlight::highlight(lang, code)))
            .sum();
        let render_took: f64 = bodies.iter().map(|body| best_of(5, || render(body))).sum();
        println!(
            "highlighting {} blocks, {:.1} kB of code: {:.2} ms ({:.0} MB/s); rendering all posts: {:.1} ms",
            blocks.len(),
            kb(bytes),
            took * 1e3,
            bytes as f64 / took / 1e6,
            render_took * 1e3,
        );
    }

    /// The shortest of `runs` runs of `f`, in seconds.
    fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed().as_secs_f64()
            })
            .fold(f64::MAX, f64::min)
    }

    /// The HTML as it would be without highlighting: the `<span class="hl-…">` and their
    /// `</span>` removed from code blocks (the only markup inside them is ours).
    fn without_spans(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find("<pre tabindex=\"0\"><code") {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find("</code></pre>")
                .map_or(rest.len(), |e| start + e);
            let mut block = &rest[start..end];
            while let Some(open) = block.find("<span class=\"hl-") {
                out.push_str(&block[..open]);
                let after = &block[open..];
                let tag_end = after.find('>').map_or(after.len(), |e| e + 1);
                let inner = &after[tag_end..];
                let close = inner.find("</span>").unwrap_or(inner.len());
                out.push_str(&inner[..close]);
                block = inner.get(close + "</span>".len()..).unwrap_or("");
            }
            out.push_str(block);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    /// The size of `text` compressed by `program`, or `None` if it is not installed.
    fn compressed(program: &str, args: &[&str], text: &str) -> Option<usize> {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .ok()?;
        let mut stdin = child.stdin.take()?;
        let bytes = text.as_bytes().to_vec();
        let writer = std::thread::spawn(move || stdin.write_all(&bytes));
        let output = child.wait_with_output().ok()?;
        writer.join().ok()?.ok()?;
        Some(output.stdout.len())
    }

    fn kb(bytes: usize) -> f64 {
        bytes as f64 / 1000.0
    }
}
