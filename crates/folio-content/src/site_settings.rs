//! The site file read and settled against the command line: which base URL wins, whether the
//! feeds can be written, and which feed the pages link to. The first step of
//! [`super::prepare`], apart from the posts.

use std::path::PathBuf;

use super::base_url::{self, Base};
use super::error::{BuildError, Warning};
use super::outputs;
use super::site_file::{self, SiteFile};
use super::Options;

/// The site file with `site.base_url` and `site.feed_url` filled in.
pub(super) struct Settled {
    /// Where the site file is (or would be): warnings and errors about settings name it.
    pub path: PathBuf,
    pub file: SiteFile,
    pub base: Base,
}

/// The site file's path, and whether it must exist: the one named on the command line must;
/// the content folder's `site.toml` may be missing (the Rust blog has none).
pub(super) fn site_file_path(options: &Options) -> (PathBuf, bool) {
    match &options.site_file {
        Some(path) => (path.clone(), true),
        None => (options.content_dir.join("site.toml"), false),
    }
}

pub(super) fn settle(
    options: &Options,
    generator_base_url: Option<&str>,
    warnings: &mut Vec<Warning>,
) -> Result<Settled, BuildError> {
    let (site_path, required) = site_file_path(options);
    let mut site_file = site_file::load(&site_path, required)?;
    let (base, conflict) = base_url::resolve(
        site_file.base_url.take(),
        options.base_url.clone(),
        options.base_path.clone(),
    );
    warnings.extend(conflict.map(|message| Warning::new(&site_path, message)));
    if base.url.is_none() {
        // Name the site file only when there is one: a Jekyll, Hugo or Zola folder has none.
        let (at, set_it) = if site_path.is_file() {
            (site_path.clone(), "set base_url in the site file")
        } else {
            (options.content_dir.clone(), "set base_url in a site.toml")
        };
        let old = generator_base_url
            .map(|url| format!(" (the old site's settings say {url})"))
            .unwrap_or_default();
        warnings.push(Warning::new(
            at,
            format!(
                "no base_url: the feeds (atom.xml, rss.xml) and sitemap.xml need absolute URLs \
                 and are not written; {set_it} or pass --base-url{old}"
            ),
        ));
    }
    let feed_url = site_file.feed_url.take();
    let feed_url = outputs::settle_feed_url(
        feed_url.as_ref().map(|(url, _)| url.as_str()),
        base.url.is_some(),
        &site_path,
        warnings,
    )
    .map_err(|message| BuildError::SiteFile {
        path: site_path.clone(),
        line: feed_url.as_ref().and_then(|(_, line)| *line),
        message,
    })?;
    site_file.site.feed_url = feed_url;
    site_file.site.base_url = base
        .url
        .as_ref()
        .map(|u| u.as_str().to_owned())
        .unwrap_or_default();
    Ok(Settled {
        path: site_path,
        file: site_file,
        base,
    })
}
