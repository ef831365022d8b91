//! The site file's mailing list: `[mailing_list]` (a signup form for any provider, or a link),
//! or the older one-line `mailing_list_url` (a link), onto [`MailingList`].
//!
//! ```toml
//! [mailing_list]
//! action = "https://buttondown.com/api/emails/embed-subscribe/you"  # the provider's form action
//! method = "post"              # or "get"; default post
//! email_field = "email"        # the name the provider expects; default email
//! label = "Get new posts by email"
//! button = "Subscribe"
//! [mailing_list.hidden]        # fixed fields the provider's embed code carries
//! embed = "1"
//! ```
//!
//! or `url = "https://example.com/newsletter"` instead of `action` for a plain link.

use std::collections::BTreeMap;

use serde::Deserialize;

use folio_core::model::{FormField, MailingList};

pub const DEFAULT_LABEL: &str = "Get new posts by email";
pub const DEFAULT_BUTTON: &str = "Subscribe";

/// `[mailing_list]` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileMailingList {
    action: Option<String>,
    method: Option<String>,
    email_field: Option<String>,
    #[serde(default)]
    hidden: BTreeMap<String, String>,
    label: Option<String>,
    button: Option<String>,
    url: Option<String>,
}

/// Checks `[mailing_list]` and fills in the defaults. The error says what to fix.
pub fn from_table(file: FileMailingList) -> Result<MailingList, String> {
    let text = |v: Option<String>| v.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty());
    let action = text(file.action);
    let url = text(file.url);
    let mut list = match (action, url) {
        (Some(_), Some(_)) => {
            return Err(
                "[mailing_list] takes `action` (a signup form) or `url` (a link to a \
                        signup page), not both"
                    .to_owned(),
            )
        }
        (None, None) => {
            return Err(
                "[mailing_list] needs `action` (the provider's form action URL) or \
                        `url` (a link to a signup page)"
                    .to_owned(),
            )
        }
        (None, Some(url)) => {
            return Ok(MailingList {
                url,
                ..MailingList::default()
            })
        }
        (Some(action), None) => MailingList {
            action,
            ..MailingList::default()
        },
    };
    check_action(&list.action)?;
    list.method = match text(file.method).map(|m| m.to_ascii_lowercase()).as_deref() {
        None | Some("post") => "post".to_owned(),
        Some("get") => "get".to_owned(),
        Some(other) => {
            return Err(format!(
                "[mailing_list] method {other:?} must be \"post\" or \"get\""
            ))
        }
    };
    list.email_field = text(file.email_field).unwrap_or_else(|| "email".to_owned());
    list.label = text(file.label).unwrap_or_else(|| DEFAULT_LABEL.to_owned());
    list.button = text(file.button).unwrap_or_else(|| DEFAULT_BUTTON.to_owned());
    list.hidden = file
        .hidden
        .into_iter()
        .map(|(name, value)| FormField { name, value })
        .collect();
    Ok(list)
}

/// The old `mailing_list_url = "…"`: a link.
pub fn from_url(url: String) -> Option<MailingList> {
    let url = url.trim().to_owned();
    (!url.is_empty()).then(|| MailingList {
        url,
        ..MailingList::default()
    })
}

/// The page's Content-Security-Policy lets forms go to `'self'` and `https:` only, so an
/// `http:` (or `javascript:`) action would be refused by the browser on submit: refuse it here.
fn check_action(action: &str) -> Result<(), String> {
    let scheme = action
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|s| {
            s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        });
    match scheme {
        None => Ok(()), // a path on this site
        Some(s) if s.eq_ignore_ascii_case("https") => Ok(()),
        Some(s) => Err(format!(
            "[mailing_list] action {action:?} must be an https:// URL (the page's \
             Content-Security-Policy only lets forms go to https: and this site), not {s}:"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<MailingList, String> {
        from_table(toml::from_str(text).map_err(|e| e.to_string())?)
    }

    #[test]
    fn a_form_gets_defaults_and_sorted_hidden_fields() {
        let list = parse(
            "action = \"https://list.example/subscribe\"\n\
             [hidden]\nz = \"1\"\na = \"x\"\n",
        )
        .unwrap();
        assert_eq!(list.action, "https://list.example/subscribe");
        assert_eq!(
            (list.method.as_str(), list.email_field.as_str()),
            ("post", "email")
        );
        assert_eq!(
            (list.label.as_str(), list.button.as_str()),
            (DEFAULT_LABEL, DEFAULT_BUTTON)
        );
        let names: Vec<_> = list.hidden.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["a", "z"]);
        assert_eq!(list.url, "");
        let get = parse(
            "action = \"/join\"\nmethod = \"GET\"\nemail_field = \"EMAIL\"\nbutton = \"Join\"\n",
        )
        .unwrap();
        assert_eq!(
            (
                get.method.as_str(),
                get.email_field.as_str(),
                get.button.as_str()
            ),
            ("get", "EMAIL", "Join")
        );
    }

    #[test]
    fn a_link_is_just_its_url() {
        let list = parse("url = \"https://list.example/\"").unwrap();
        assert_eq!(
            list,
            MailingList {
                url: "https://list.example/".into(),
                ..MailingList::default()
            }
        );
        assert_eq!(from_url(" ".into()), None);
        assert_eq!(
            from_url("https://x.example/".into()).unwrap().url,
            "https://x.example/"
        );
    }

    #[test]
    fn mistakes_are_named() {
        for (text, why) in [
            ("", "needs `action`"),
            ("action = \"https://a/\"\nurl = \"https://b/\"", "not both"),
            ("action = \"http://a.example/\"", "https://"),
            ("action = \"javascript:alert(1)\"", "https://"),
            (
                "action = \"https://a/\"\nmethod = \"put\"",
                "\"post\" or \"get\"",
            ),
            ("action = \"https://a/\"\nfield = \"x\"", "unknown field"),
        ] {
            let err = parse(text).unwrap_err();
            assert!(err.contains(why), "{text}: {err}");
        }
    }
}
