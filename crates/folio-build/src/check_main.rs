//! `folio-check`: checks a built site folder (see `folio_build::site_check`) and exits non-zero
//! when any internal link, anchor or image names nothing, like `zola check`.

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let site = match args.as_slice() {
        [flag] if flag == "-h" || flag == "--help" => {
            println!(
                "Usage: folio-check [DIR]\n\nChecks every internal link, anchor and image of \
                 the site built in DIR (default: dist)\nand exits non-zero when one names \
                 nothing there."
            );
            return std::process::ExitCode::SUCCESS;
        }
        [] => std::path::PathBuf::from("dist"),
        [dir] if !dir.starts_with('-') => std::path::PathBuf::from(dir),
        _ => {
            eprintln!("folio-check: usage: folio-check [DIR]");
            return std::process::ExitCode::from(2);
        }
    };
    match folio_build::site_check::check(&site) {
        Ok(checked) => {
            for broken in &checked.broken {
                eprintln!("folio-check: broken: {broken}");
            }
            println!(
                "folio-check: {} pages, {} internal references, {} broken",
                checked.pages,
                checked.references,
                checked.broken.len()
            );
            if checked.broken.is_empty() {
                std::process::ExitCode::SUCCESS
            } else {
                std::process::ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!(
                "folio-check: error: cannot read {}: {error}",
                site.display()
            );
            std::process::ExitCode::from(2)
        }
    }
}
