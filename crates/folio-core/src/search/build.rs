//! The index builder, run natively by the content pipeline at build time.
//!
//! Everything that does not depend on the query is computed here: per document and term the
//! BM25F saturation over the four fields (title, tags, summary, body) is folded into one byte,
//! so the searcher only multiplies it by the term's idf and the query weight.

use std::collections::HashMap;

use super::analyze::analyze;
pub use super::bm25f::Bm25f;
use super::bm25f::{LengthNorms, RawPosting, FIELD_COUNT};
use super::bytes::content_hash;
use super::format::{
    dict_path, encode_postings, first_letter_key, post_path, text_path, DictEntry, DictShard,
    PostShard, Posting, Root, ShardRef, ROOT_PATH,
};
use super::tokenize::TokenKind;

/// The fields of one post, as a reader sees them (plain text, no markup).
#[derive(Clone, Copy, Debug, Default)]
pub struct DocFields<'a> {
    pub title: &'a str,
    pub tags: &'a [String],
    pub summary: &'a str,
    pub body: &'a str,
}

/// How the index is cut into files.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BuildOptions {
    /// Target size of a dictionary shard, in encoded bytes. `usize::MAX`: one shard.
    pub dict_shard_bytes: usize,
    /// Target size of a posting shard; a term whose postings alone are larger gets its own shard.
    pub post_shard_bytes: usize,
    /// Also write each document's body as a text file, for snippets...
    pub write_texts: bool,
    /// ...cut to this many bytes (on a character boundary): a results page fetches the texts
    /// of the posts it shows, and one very long post must not weigh like fifty.
    pub text_max_bytes: usize,
    pub scoring: Bm25f,
}

impl Default for BuildOptions {
    /// Shard sizes are fixed targets, so the number of shards follows the corpus size: a tiny
    /// blog gets one of each, the Rust blog (751 posts) 24 + 62, 10,000 posts 24 + 871. 8 kB
    /// measured best for a first query's download (16 kB: +35%; 32 kB: +100%): a query needs a
    /// few terms' postings, and the rest of each fetched shard is waste.
    fn default() -> Self {
        BuildOptions {
            dict_shard_bytes: 8 * 1024,
            post_shard_bytes: 8 * 1024,
            write_texts: true,
            text_max_bytes: 32 * 1024,
            scoring: Bm25f::default(),
        }
    }
}

impl BuildOptions {
    /// Everything in one dictionary part and one posting part (the reference the split index
    /// must agree with).
    pub fn unsplit() -> Self {
        BuildOptions {
            dict_shard_bytes: usize::MAX,
            post_shard_bytes: usize::MAX,
            ..Self::default()
        }
    }
}

/// The index files, root first, paths relative to the site's output folder.
#[derive(Clone, Debug, Default)]
pub struct BuiltIndex {
    pub files: Vec<(String, Vec<u8>)>,
}

impl BuiltIndex {
    pub fn file(&self, path: &str) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, b)| b.as_slice())
    }

    pub fn root(&self) -> &[u8] {
        self.file(ROOT_PATH)
            .expect("the builder always writes the root")
    }
}

/// One post's terms, worked out apart from the builder so that posts can be analyzed in
/// parallel (tokenizing and stemming is most of building the index): each term with its count
/// per field and whether it occurs as a plain word (not only as a compound's joined form), in
/// the order the terms first occur.
#[derive(Clone, Debug, Default)]
pub struct AnalyzedDoc {
    terms: Vec<(String, [u16; FIELD_COUNT], bool)>,
    lengths: [u32; FIELD_COUNT],
    body: String,
}

impl AnalyzedDoc {
    pub fn new(fields: DocFields<'_>) -> Self {
        let mut analyzed = AnalyzedDoc {
            body: fields.body.to_owned(),
            ..AnalyzedDoc::default()
        };
        let mut index: HashMap<String, u32> = HashMap::new();
        let tags = fields.tags.join(" , ");
        for (field, text) in [fields.title, &tags, fields.summary, fields.body]
            .into_iter()
            .enumerate()
        {
            analyze(text, |term, token| {
                let next = analyzed.terms.len() as u32;
                let at = *index.entry_ref_or_insert(term, next) as usize;
                if at == analyzed.terms.len() {
                    analyzed
                        .terms
                        .push((term.to_owned(), [0; FIELD_COUNT], false));
                }
                let entry = &mut analyzed.terms[at];
                entry.2 |= token.kind != TokenKind::Joined;
                entry.1[field] = entry.1[field].saturating_add(1);
                analyzed.lengths[field] += 1;
            });
        }
        analyzed
    }
}

#[derive(Default)]
pub struct IndexBuilder {
    term_ids: HashMap<String, u32>,
    /// Per term id: seen as a plain word (not only as a compound's joined form).
    plain_word: Vec<bool>,
    postings: Vec<Vec<RawPosting>>,
    field_lengths: Vec<(u32, [u32; FIELD_COUNT])>,
    bodies: Vec<(u32, String)>,
}

impl IndexBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one post; `doc` is its position in the manifest's posts array.
    pub fn add_doc(&mut self, doc: u32, fields: DocFields<'_>) {
        self.add_analyzed(doc, AnalyzedDoc::new(fields));
    }

    /// Adds one post analyzed by [`AnalyzedDoc::new`] (possibly on another thread). Terms get
    /// their ids in the order the posts are added and, within a post, in the order they first
    /// occur: the same ids, and so the same index, as analyzing while adding.
    pub fn add_analyzed(&mut self, doc: u32, analyzed: AnalyzedDoc) {
        for (term, tf, plain) in analyzed.terms {
            let next_id = self.term_ids.len() as u32;
            let id = *self.term_ids.entry_ref_or_insert(&term, next_id);
            if id == next_id {
                self.postings.push(Vec::new());
                self.plain_word.push(false);
            }
            self.plain_word[id as usize] |= plain;
            self.postings[id as usize].push(RawPosting { doc, tf });
        }
        self.field_lengths.push((doc, analyzed.lengths));
        self.bodies.push((doc, analyzed.body));
    }

    pub fn finish(mut self, options: &BuildOptions) -> BuiltIndex {
        let doc_count = self
            .field_lengths
            .iter()
            .map(|&(d, _)| d + 1)
            .max()
            .unwrap_or(0);
        let norms = LengthNorms::new(&self.field_lengths, doc_count, &options.scoring);

        let mut terms: Vec<(String, u32)> = self.term_ids.drain().collect();
        terms.sort_unstable();

        let mut files = Vec::new();
        let mut root = Root {
            doc_count,
            term_count: terms.len() as u32,
            ..Root::default()
        };

        // Dictionary shards, then (for a split dictionary) the first-letter shards.
        let entries: Vec<DictEntry> = terms
            .iter()
            .enumerate()
            .map(|(position, (t, id))| DictEntry {
                term: t,
                doc_freq: self.postings[*id as usize].len() as u32,
                joined_only: !self.plain_word[*id as usize],
                id: position as u32,
            })
            .collect();
        root.dict_shards = cut_dictionary(&entries, 0, options, false, &mut files);
        if root.dict_shards.len() > 1 {
            let keys: Vec<(String, &DictEntry)> = entries
                .iter()
                .filter_map(|e| first_letter_key(e.term).map(|k| (k, e)))
                .collect();
            let mut keyed: Vec<DictEntry> = keys
                .iter()
                .map(|(key, e)| DictEntry { term: key, ..**e })
                .collect();
            keyed.sort_unstable_by(|a, b| a.term.cmp(b.term));
            let first_letter = cut_dictionary(&keyed, terms.len(), options, true, &mut files);
            root.first_letter_shards = first_letter.len();
            root.dict_shards.extend(first_letter);
        }

        // Posting shards, in term order so that a prefix's completions sit together.
        let mut lists: Vec<Vec<u8>> = Vec::new();
        let mut shard_first = 0u32;
        let mut shard_size = 0usize;
        let flush = |lists: &mut Vec<Vec<u8>>,
                     first: u32,
                     root: &mut Root,
                     files: &mut Vec<(String, Vec<u8>)>| {
            if lists.is_empty() {
                return;
            }
            let bytes = PostShard::encode(lists);
            let hash = content_hash(&bytes);
            root.post_shards.push(ShardRef {
                first_term: first,
                first_text: String::new(),
                hash,
            });
            files.push((post_path(hash), bytes));
            lists.clear();
        };
        for (term_index, (_, id)) in terms.iter().enumerate() {
            let raw = &mut self.postings[*id as usize];
            raw.sort_unstable_by_key(|p| p.doc);
            let postings: Vec<Posting> = raw
                .iter()
                .map(|p| Posting {
                    doc: p.doc,
                    saturation: norms.saturation(p),
                    title: norms.title_saturation(p),
                })
                .collect();
            let mut encoded = Vec::with_capacity(postings.len() * 2);
            encode_postings(&mut encoded, &postings);
            if !lists.is_empty() && shard_size + encoded.len() > options.post_shard_bytes {
                flush(&mut lists, shard_first, &mut root, &mut files);
            }
            if lists.is_empty() {
                shard_first = term_index as u32;
                shard_size = 0;
            }
            shard_size += encoded.len() + 2;
            lists.push(encoded);
        }
        flush(&mut lists, shard_first, &mut root, &mut files);
        dedup_files(&mut files);

        if options.write_texts && !self.bodies.is_empty() {
            self.bodies.sort_unstable_by_key(|(d, _)| *d);
            for (_, body) in &mut self.bodies {
                let mut cut = body.len().min(options.text_max_bytes);
                while !body.is_char_boundary(cut) {
                    cut -= 1;
                }
                body.truncate(cut);
            }
            let mut all = Vec::new();
            for (doc, body) in &self.bodies {
                all.extend_from_slice(&doc.to_le_bytes());
                all.extend_from_slice(body.as_bytes());
                all.push(0);
            }
            let generation = content_hash(&all).max(1);
            root.text_generation = Some(generation);
            for (doc, body) in self.bodies {
                files.push((text_path(generation, doc), body.into_bytes()));
            }
        }

        files.insert(0, (ROOT_PATH.to_owned(), root.encode()));
        BuiltIndex { files }
    }
}

/// Cuts sorted dictionary entries into shards of about `options.dict_shard_bytes`, adding each
/// shard's file to `files` and returning the shard table (`first_term` counts entries from
/// `first`).
fn cut_dictionary(
    entries: &[DictEntry<'_>],
    first: usize,
    options: &BuildOptions,
    with_ids: bool,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Vec<ShardRef> {
    let mut table = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let mut end = start;
        let mut size = 0;
        while end < entries.len()
            && (end == start || size + entries[end].term.len() + 3 <= options.dict_shard_bytes)
        {
            size += entries[end].term.len() + 3;
            end += 1;
        }
        let bytes = DictShard::encode(&entries[start..end], with_ids);
        let hash = content_hash(&bytes);
        table.push(ShardRef {
            first_term: (first + start) as u32,
            first_text: entries[start].term.to_owned(),
            hash,
        });
        files.push((dict_path(hash), bytes));
        start = end;
    }
    table
}

/// Two shards with identical bytes get the same content-hashed name: write the file once.
fn dedup_files(files: &mut Vec<(String, Vec<u8>)>) {
    let mut seen = std::collections::HashSet::new();
    files.retain(|(path, _)| seen.insert(path.clone()));
}

/// `HashMap<String, _>` lookup by `&str` without allocating for terms already present.
trait EntryRef {
    fn entry_ref_or_insert(&mut self, key: &str, value: u32) -> &mut u32;
}

impl EntryRef for HashMap<String, u32> {
    fn entry_ref_or_insert(&mut self, key: &str, value: u32) -> &mut u32 {
        if !self.contains_key(key) {
            self.insert(key.to_owned(), value);
        }
        self.get_mut(key).expect("just inserted")
    }
}
