//! The old generator's own settings, read so a Jekyll, Hugo or Zola site builds as it is:
//! Jekyll's `_config.yml` beside `_posts/`, Hugo's `hugo.toml`/`config.toml` (or `.yaml`) and
//! Zola's `config.toml` beside `content/`. The content folder may be the site's root or its
//! `content/` folder; either way posts come from `content/` and the files of `static/` (which
//! the generators publish at the site's root) are published too, so `/img/x.png` finds them.
//!
//! Read from it: the site's variables (`{{ site.x }}`, Hugo's `param`), Jekyll's `timezone`
//! and `excerpt_separator`, the taxonomies whose terms become tags, the site's address (links
//! written with it are links inside the site) and where the site keeps its own shortcodes.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::error::Warning;

/// Which generator a content folder was written for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Generator {
    Jekyll,
    Hugo,
    Zola,
    /// No generator's settings: a plain folder of posts.
    #[default]
    Plain,
}

/// What the build takes from the generator's settings (see the module documentation).
#[derive(Clone, Debug, Default)]
pub struct SiteConfig {
    pub generator: Generator,
    /// Where the posts are read from: the content folder given, or the `content/` folder of
    /// the Hugo or Zola site it is the root of.
    pub content_dir: PathBuf,
    /// Hugo's and Zola's `static/`, whose files live at the site's root.
    pub static_dir: Option<PathBuf>,
    /// The whole settings file, for `{{ site.x }}` and parameters.
    pub values: Value,
    /// Jekyll's `timezone` (an IANA name such as `America/Los_Angeles`).
    pub timezone: Option<String>,
    /// Jekyll's site-wide `excerpt_separator`.
    pub excerpt_separator: Option<String>,
    /// Front-matter keys whose values become tags, besides `tags`.
    pub taxonomies: Vec<String>,
    /// The site's old address (`https://host/path/`), to recognise links written with it.
    pub base_url: Option<String>,
    /// Folders holding the site's own shortcode templates.
    pub shortcode_dirs: Vec<PathBuf>,
    /// The site's own shortcodes whose template writes nothing but the site's address
    /// (`{{ .Site.BaseURL }}`), so `{{< baseurl >}}/img/a.png` is the root path `/img/a.png`.
    pub address_shortcodes: Vec<String>,
}

const JEKYLL_FILES: [&str; 2] = ["_config.yml", "_config.yaml"];
const HUGO_OR_ZOLA_FILES: [&str; 6] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "config.toml",
    "config.yaml",
    "config.yml",
];

/// Reads the generator's settings for `content_dir`; a folder without any is [`Generator::Plain`].
/// A settings file that cannot be read is a warning: the posts still build without it.
pub fn detect(content_dir: &Path, warnings: &mut Vec<Warning>) -> SiteConfig {
    let mut site = read(content_dir, warnings);
    site.address_shortcodes = address_shortcodes(&site.shortcode_dirs);
    site
}

fn read(content_dir: &Path, warnings: &mut Vec<Warning>) -> SiteConfig {
    let plain = SiteConfig {
        content_dir: content_dir.to_owned(),
        ..SiteConfig::default()
    };
    if let Some(file) = first_file(content_dir, &JEKYLL_FILES) {
        let values = read_values(&file, warnings);
        return jekyll(content_dir, values);
    }
    // The root given (with `content/` in it), or its `content/` folder given.
    let (root, posts) = if content_dir.join("content").is_dir()
        && first_file(content_dir, &HUGO_OR_ZOLA_FILES).is_some()
    {
        (content_dir.to_owned(), content_dir.join("content"))
    } else {
        match content_dir.parent() {
            Some(parent) if first_file(parent, &HUGO_OR_ZOLA_FILES).is_some() => {
                (parent.to_owned(), content_dir.to_owned())
            }
            _ => return plain,
        }
    };
    let parent = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &root
    };
    let Some(file) = first_file(parent, &HUGO_OR_ZOLA_FILES) else {
        return plain;
    };
    let values = read_values(&file, warnings);
    // Zola spells it `base_url`, Hugo `baseURL` (any case).
    let zola = values.get("base_url").is_some() && !file.ends_with("hugo.toml");
    let static_dir = Some(parent.join("static")).filter(|d| d.is_dir());
    if zola {
        let taxonomies = match values.get("taxonomies") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        SiteConfig {
            generator: Generator::Zola,
            content_dir: posts,
            static_dir,
            base_url: string(&values, "base_url"),
            taxonomies,
            shortcode_dirs: vec![parent.join("templates/shortcodes")],
            values,
            ..SiteConfig::default()
        }
    } else {
        let mut shortcode_dirs = vec![
            parent.join("layouts/shortcodes"),
            parent.join("layouts/_shortcodes"),
        ];
        if let Some(theme) = string(&values, "theme") {
            shortcode_dirs.push(
                parent
                    .join("themes")
                    .join(&theme)
                    .join("layouts/shortcodes"),
            );
        }
        SiteConfig {
            generator: Generator::Hugo,
            content_dir: posts,
            static_dir,
            base_url: key_any_case(&values, "baseurl").and_then(|v| v.as_str().map(str::to_owned)),
            taxonomies: hugo_taxonomies(&values),
            shortcode_dirs,
            values,
            ..SiteConfig::default()
        }
    }
}

fn jekyll(content_dir: &Path, values: Value) -> SiteConfig {
    let url = string(&values, "url").unwrap_or_default();
    let base = string(&values, "baseurl").unwrap_or_default();
    SiteConfig {
        generator: Generator::Jekyll,
        content_dir: content_dir.to_owned(),
        timezone: string(&values, "timezone"),
        excerpt_separator: values
            .get("excerpt_separator")
            .and_then(Value::as_str)
            .map(str::to_owned),
        taxonomies: vec!["category".to_owned(), "categories".to_owned()],
        base_url: (!url.is_empty()).then(|| format!("{}{}", url.trim_end_matches('/'), base)),
        shortcode_dirs: vec![content_dir.join("_includes")],
        values,
        ..SiteConfig::default()
    }
}

/// Hugo's taxonomies: the `[taxonomies]` table's plural names, or Hugo's default
/// (`tags` and `categories`) without one.
fn hugo_taxonomies(values: &Value) -> Vec<String> {
    match key_any_case(values, "taxonomies") {
        Some(Value::Object(table)) => table
            .values()
            .filter_map(Value::as_str)
            .filter(|plural| *plural != "tags")
            .map(str::to_owned)
            .collect(),
        _ => vec!["categories".to_owned()],
    }
}

fn first_file(dir: &Path, names: &[&str]) -> Option<PathBuf> {
    names.iter().map(|n| dir.join(n)).find(|p| p.is_file())
}

/// The settings as JSON-like values; an unreadable file is a warning and no settings.
fn read_values(file: &Path, warnings: &mut Vec<Warning>) -> Value {
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            warnings.push(Warning::new(
                file.to_owned(),
                format!("cannot read: {e}; ignored"),
            ));
            return Value::Null;
        }
    };
    let is_toml = file.extension().is_some_and(|e| e == "toml");
    let parsed: Result<Value, String> = if is_toml {
        toml::from_str::<toml::Value>(&text)
            .map_err(|e| e.to_string())
            .and_then(|v| serde_json::to_value(v).map_err(|e| e.to_string()))
    } else if text.trim().is_empty() {
        Ok(Value::Null)
    } else {
        serde_norway::from_str(&text).map_err(|e| e.to_string())
    };
    parsed.unwrap_or_else(|e| {
        warnings.push(Warning::new(
            file.to_owned(),
            format!("cannot read the generator's settings ({e}); building without them"),
        ));
        Value::Null
    })
}

fn string(values: &Value, key: &str) -> Option<String> {
    values
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// Hugo's keys are case-insensitive (`baseURL`, `baseurl`).
pub fn key_any_case<'a>(values: &'a Value, key: &str) -> Option<&'a Value> {
    values
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// A value as text for a template: strings, numbers and booleans; `None` for lists, tables
/// and nothing.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `a.b.c` in a tree of values, each key matched exactly, then in any case (Hugo).
pub fn lookup<'a>(values: &'a Value, dotted: &str) -> Option<&'a Value> {
    dotted.split('.').try_fold(values, |value, key| {
        value.get(key).or_else(|| key_any_case(value, key))
    })
}

/// The shortcodes in `dirs` whose template is one expression of the site's address.
fn address_shortcodes(dirs: &[PathBuf]) -> Vec<String> {
    let mut names = Vec::new();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let Ok(template) = std::fs::read_to_string(&path) else {
                continue;
            };
            if writes_only_the_address(&template) {
                names.push(name.to_owned());
            }
        }
    }
    names.sort();
    names
}

/// `{{ .Site.BaseURL }}`, `{{- site.BaseURL -}}`, `{{ config.base_url }}`, `{{ "" | relURL }}`,
/// alone but for whitespace.
fn writes_only_the_address(template: &str) -> bool {
    let text = template.trim();
    let Some(inner) = text.strip_prefix("{{").and_then(|t| t.strip_suffix("}}")) else {
        return false;
    };
    if inner.contains("{{") || inner.contains("}}") {
        return false;
    }
    let inner = inner.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let lower = inner.to_ascii_lowercase();
    lower.contains("baseurl")
        || lower.contains("base_url")
        || lower.ends_with("relurl")
        || lower.ends_with("absurl")
}
