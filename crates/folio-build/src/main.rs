//! `folio-build`: turns a content folder into the site's `manifest.json`, `bodies/*.html`,
//! `posts/*.md`, the search index and the files beside the posts.
//! Native only; on wasm32 this is an empty program so the whole crate still builds there.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use std::ffi::OsString;
    use std::path::PathBuf;
    use std::process::ExitCode;

    use folio_content::in_place::Changes;
    use folio_content::{build, build_in_place, resolve_base, BasePath, BaseUrl, Options};

    const USAGE: &str = "\
Usage: folio-build [--content DIR] [--out DIR] [--site FILE] [--drafts] [--future]
                   [--base-url URL] [--base-path PATH] [--allow-shrink] [--print-base-path]
                   [--in-place] [--cache DIR] [--link-unchanged DIR]
       folio-build --prerender DIR [--in-place | --link-unchanged DIR]

Builds manifest.json, bodies/<slug>.html, posts/<slug>.md, the search index,
files/ (the other files of the content folder), the Atom and RSS feeds,
sitemap.xml, robots.txt and redirect pages for old URLs from a folder of Markdown
posts with YAML (---), TOML (+++) or JSON ({...}) front matter. Files that are
not posts (no front matter, no date) are skipped with a warning, and counted by
kind in the summary. A Jekyll, Hugo or Zola site is read as it is: DIR may be
its root (with _config.yml, hugo.toml or config.toml) or its content/ folder.
The output folder is replaced as a whole, and only when the build succeeds and
does not shrink an earlier build there to no posts or fewer than half.

Options:
  --content DIR    folder of posts, read recursively for *.md, *.markdown
                                                              [default: content]
  --out DIR        output folder                              [default: target/folio-site]
  --site FILE      site settings (TOML)  [default: DIR/site.toml when present, else defaults]
  --drafts         also publish drafts (draft: true, published: false, _drafts/)
  --future         also publish posts dated (or publishDate) after today (UTC)
  --base-url URL   the site's absolute URL, e.g. https://you.github.io/blog/
                   [default: base_url in the site file]
  --base-path PATH the path the site is served under (Trunk's --public-url); replaces
                   the base URL's path                    [default: the base URL's path]
  --allow-shrink   replace an earlier build even with no or far fewer posts
  --print-base-path  print the base path these settings give, and build nothing
  --in-place       update the output folder (or, with --prerender, the pages) in place:
                   write only files whose bytes changed, remove only the files the previous
                   --in-place run wrote, keep everything else (for the dev server)
  --cache DIR      keep posts' renderings in DIR and reuse them: a post whose file,
                   settings and links to other posts did not change is not rendered
                   again (the output is the same; a rebuilt folio-build renders all)
  --link-unchanged DIR  an earlier build of the site (scripts/build passes the one it
                   replaces): a file whose bytes equal its copy there is a hard link to
                   that copy instead of a new file (the same output, far fewer files
                   created); with --prerender, for the pages
  --prerender DIR  write every route of the site built in DIR (app and content, as
                   scripts/build makes it) as static HTML, using DIR/index.html as the
                   shell (kept as DIR/404.html), and stamp DIR/sw.js with the build's
                   version and files (not with --in-place); nothing else is built
  -h, --help       show this help
";

    #[derive(Debug)]
    enum Command {
        Build(Options),
        BuildInPlace(Options),
        PrintBasePath(Options),
        Prerender {
            dist: PathBuf,
            in_place: bool,
            link_unchanged: Option<PathBuf>,
        },
        Help,
    }

    pub fn main() -> ExitCode {
        let options = match parse_args(std::env::args_os().skip(1)) {
            Ok(Command::Build(options)) => (options, false),
            Ok(Command::BuildInPlace(options)) => (options, true),
            Ok(Command::PrintBasePath(options)) => {
                return match resolve_base(&options) {
                    Ok(path) => {
                        println!("{path}");
                        ExitCode::SUCCESS
                    }
                    Err(error) => {
                        eprintln!("folio-build: error: {error}");
                        ExitCode::FAILURE
                    }
                };
            }
            Ok(Command::Prerender {
                dist,
                in_place,
                link_unchanged,
            }) => return prerender(&dist, in_place, link_unchanged.as_deref()),
            Ok(Command::Help) => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            Err(message) => {
                eprintln!("folio-build: {message}\n\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        let (options, in_place) = options;
        let built = if in_place {
            build_in_place(&options).map(|(report, changes)| (report, Some(changes)))
        } else {
            build(&options).map(|report| (report, None))
        };
        match built {
            Ok((report, changes)) => {
                for warning in &report.warnings {
                    eprintln!("folio-build: warning: {warning}");
                }
                println!(
                    "folio-build: wrote {} posts to {} (skipped: {} pages that are not posts{}, {} \
                     drafts, {} future posts, {} expired posts)",
                    report.manifest.posts.len(),
                    options.out_dir.display(),
                    report.not_posts,
                    skipped_kinds(&report.skipped),
                    report.drafts_skipped,
                    report.future_skipped,
                    report.expired_skipped,
                );
                if let Some(shortfall) = &report.shortfall {
                    eprintln!("folio-build: WARNING: {shortfall}");
                }
                if options.cache_dir.is_some() {
                    let stats = report.render_stats;
                    println!(
                        "folio-build: rendered {} posts, {} from the render cache",
                        stats.rendered, stats.reused
                    );
                }
                if let Some(changes) = changes {
                    println!("folio-build: {}", describe(&changes));
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("folio-build: error: {error}");
                eprintln!("folio-build: nothing written");
                ExitCode::FAILURE
            }
        }
    }

    fn prerender(
        dist: &std::path::Path,
        in_place: bool,
        link_unchanged: Option<&std::path::Path>,
    ) -> ExitCode {
        let done = if in_place {
            folio_build::prerender::prerender_in_place(dist)
                .map(|(done, changes)| (done, Some(changes)))
                .map_err(|e| e.to_string())
        } else {
            // A production build: the offline worker gets the build's stamp. (The dev server's
            // in-place pages leave it unstamped: it caches nothing there.)
            folio_build::prerender::prerender_linking(dist, link_unchanged)
                .map_err(|e| e.to_string())
                .and_then(|done| {
                    folio_build::service_worker::stamp(dist)
                        .map(|_| (done, None))
                        .map_err(|e| format!("stamping the offline worker: {e}"))
                })
        };
        match done {
            Ok((done, changes)) => {
                println!(
                    "folio-build: prerendered {} pages in {}",
                    done.files.len(),
                    dist.display()
                );
                if let Some(changes) = changes {
                    println!("folio-build: {}", describe(&changes));
                }
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("folio-build: error: {error}");
                ExitCode::FAILURE
            }
        }
    }

    fn describe(changes: &Changes) -> String {
        format!(
            "in place: {} files written, {} unchanged, {} removed",
            changes.written, changes.unchanged, changes.removed
        )
    }

    /// ` (3 section pages, 2 without front matter)`, or nothing when nothing was skipped.
    fn skipped_kinds(kinds: &[(&str, usize)]) -> String {
        if kinds.is_empty() {
            return String::new();
        }
        let list: Vec<String> = kinds
            .iter()
            .map(|(kind, n)| format!("{n} {kind}"))
            .collect();
        format!(" ({})", list.join(", "))
    }

    fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
        let mut options = Options::default();
        let mut print_base_path = false;
        let (mut prerender, mut in_place) = (None, false);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy().into_owned();
            // `--flag=value` and `--flag value` both work.
            let (flag, inline) = match text.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag.to_owned(), Some(value)),
                _ => (text.clone(), None),
            };
            let mut value = |name: &str| -> Result<PathBuf, String> {
                match inline {
                    Some(v) if !v.is_empty() => Ok(PathBuf::from(v)),
                    Some(_) => Err(format!("{name} needs a value")),
                    None => args
                        .next()
                        .map(PathBuf::from)
                        .ok_or_else(|| format!("{name} needs a value")),
                }
            };
            match flag.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--content" => options.content_dir = value("--content")?,
                "--out" => options.out_dir = value("--out")?,
                "--site" => options.site_file = Some(value("--site")?),
                "--cache" => options.cache_dir = Some(value("--cache")?),
                "--link-unchanged" => {
                    options.link_unchanged = Some(value("--link-unchanged")?);
                }
                "--drafts" if inline.is_none() => options.include_drafts = true,
                "--future" if inline.is_none() => options.include_future = true,
                "--allow-shrink" if inline.is_none() => options.allow_shrink = true,
                "--print-base-path" if inline.is_none() => print_base_path = true,
                "--in-place" if inline.is_none() => in_place = true,
                "--prerender" => prerender = Some(value("--prerender")?),
                "--base-url" => {
                    let text = value("--base-url")?.to_string_lossy().into_owned();
                    let url = text
                        .parse::<BaseUrl>()
                        .map_err(|e| format!("--base-url: {e}"))?;
                    options.base_url = Some(url);
                }
                "--base-path" => {
                    let text = value("--base-path")?.to_string_lossy().into_owned();
                    let path = text
                        .parse::<BasePath>()
                        .map_err(|e| format!("--base-path: {e}"))?;
                    options.base_path = Some(path);
                }
                _ => return Err(format!("unexpected argument {text:?}")),
            }
        }
        Ok(if let Some(dist) = prerender {
            if in_place && options.link_unchanged.is_some() {
                return Err("--in-place updates the folder itself: no --link-unchanged".into());
            }
            Command::Prerender {
                dist,
                in_place,
                link_unchanged: options.link_unchanged,
            }
        } else if print_base_path {
            Command::PrintBasePath(options)
        } else if in_place {
            Command::BuildInPlace(options)
        } else {
            Command::Build(options)
        })
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn parse(args: &[&str]) -> Result<Command, String> {
            parse_args(args.iter().map(OsString::from))
        }

        #[test]
        fn reads_every_flag() {
            let Ok(Command::Build(o)) = parse(&[
                "--content",
                "c",
                "--out=o",
                "--site",
                "s.toml",
                "--drafts",
                "--future",
                "--allow-shrink",
                "--cache",
                "k",
                "--link-unchanged",
                "prev",
            ]) else {
                panic!("should parse");
            };
            assert_eq!(o.cache_dir, Some(PathBuf::from("k")));
            assert_eq!(o.link_unchanged, Some(PathBuf::from("prev")));
            assert_eq!(o.content_dir, PathBuf::from("c"));
            assert_eq!(o.out_dir, PathBuf::from("o"));
            assert_eq!(o.site_file, Some(PathBuf::from("s.toml")));
            assert!(o.include_drafts && o.include_future && o.allow_shrink);

            let Ok(Command::Build(o)) =
                parse(&["--base-url=https://example.com/x", "--base-path", "blog"])
            else {
                panic!("should parse");
            };
            assert_eq!(o.base_url.unwrap().as_str(), "https://example.com/x/");
            assert_eq!(o.base_path.unwrap().as_str(), "/blog/");
            assert!(matches!(
                parse(&["--print-base-path"]),
                Ok(Command::PrintBasePath(_))
            ));
            assert!(matches!(
                parse(&["--in-place", "--out", "o"]),
                Ok(Command::BuildInPlace(_))
            ));
            assert!(matches!(
                parse(&["--prerender", "d", "--in-place"]),
                Ok(Command::Prerender { in_place: true, .. })
            ));
            assert!(matches!(
                parse(&["--prerender", "d", "--link-unchanged=p"]),
                Ok(Command::Prerender {
                    link_unchanged: Some(_),
                    in_place: false,
                    ..
                })
            ));
            assert!(parse(&["--prerender", "d", "--in-place", "--link-unchanged", "p"]).is_err());
            assert!(matches!(
                parse(&["--prerender=d"]),
                Ok(Command::Prerender {
                    in_place: false,
                    ..
                })
            ));
        }

        #[test]
        fn defaults_and_errors() {
            let Ok(Command::Build(o)) = parse(&[]) else {
                panic!("should parse");
            };
            assert_eq!(o, Options::default());
            assert!(matches!(parse(&["--help"]), Ok(Command::Help)));
            assert!(parse(&["--out"])
                .unwrap_err()
                .contains("--out needs a value"));
            assert!(parse(&["--bogus"]).unwrap_err().contains("--bogus"));
            assert!(parse(&["--drafts=yes"]).is_err());
            assert!(parse(&["--out="]).is_err());
            assert!(parse(&["--base-url", "example.com"])
                .unwrap_err()
                .contains("--base-url"));
            assert!(parse(&["--base-path", "/a/../b"])
                .unwrap_err()
                .contains("--base-path"));
        }
    }
}
