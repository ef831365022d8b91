//! The post texts that result snippets are cut from: the plain body the index builder wrote for
//! each post (`search/t-<generation>/<doc>.txt`), fetched for the results a reader is shown and
//! kept for the rest of the visit.

use std::sync::Arc;

use futures::future::join_all;
use leptos::prelude::*;

use crate::api;
use crate::search::{snippet, Snippet};

/// Fetched texts, by document id, and those on their way. Lists rather than hash maps: a reader
/// sees tens of posts' snippets, and the wasm stays smaller.
#[derive(Clone, Copy)]
pub struct PostTexts {
    texts: StoredValue<Vec<(u32, Arc<str>)>>,
    in_flight: StoredValue<Vec<u32>>,
    /// Bumped when some arrive (result lists then show their snippets).
    pub arrived: RwSignal<u32>,
}

impl PostTexts {
    pub fn new() -> Self {
        PostTexts {
            texts: StoredValue::new(Vec::new()),
            in_flight: StoredValue::new(Vec::new()),
            arrived: RwSignal::new(0),
        }
    }

    /// Whether the text of `doc` has been fetched (its snippet can be shown).
    pub fn has(self, doc: u32) -> bool {
        self.texts
            .with_value(|texts| texts.iter().any(|(d, _)| *d == doc))
    }

    /// The snippet of `doc` around `terms`, if its text has been fetched.
    pub fn snippet(self, doc: u32, terms: &[String]) -> Option<Snippet> {
        self.texts.with_value(|texts| {
            let (_, text) = texts.iter().find(|(d, _)| *d == doc)?;
            Some(snippet(text, terms, 180))
        })
    }

    /// Fetches the texts of these documents (with their paths) that are neither fetched nor on
    /// their way already (asked for by an earlier pause in typing).
    pub async fn fetch(self, docs: Vec<(u32, String)>) {
        let missing: Vec<(u32, String)> = docs
            .into_iter()
            .filter(|(d, _)| !self.has(*d))
            .filter(|(d, _)| {
                // Marks it as on its way: false if it already was.
                let mark = |f: &mut Vec<u32>| {
                    let new = !f.contains(d);
                    if new {
                        f.push(*d);
                    }
                    new
                };
                self.in_flight.try_update_value(mark) == Some(true)
            })
            .collect();
        if missing.is_empty() {
            return;
        }
        let fetched = join_all(missing.iter().map(|(_, path)| api::get_text(path))).await;
        self.texts.update_value(|texts| {
            for ((doc, _), text) in missing.iter().zip(fetched) {
                if let Ok(text) = text {
                    texts.push((*doc, Arc::from(text)));
                }
            }
        });
        self.in_flight
            .update_value(|f| f.retain(|d| !missing.iter().any(|(m, _)| m == d)));
        self.arrived.update(|n| *n += 1);
    }
}
