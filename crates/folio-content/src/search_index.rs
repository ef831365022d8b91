//! The search index for a built site: every published post's title, tags, summary and the plain
//! text a reader sees (read from the published HTML), indexed by its position in the manifest (the id the app's results use).

use super::Report;
use folio_core::search::{BuildOptions, BuiltIndex, DocFields, IndexBuilder};

/// Builds the index files (`search/index.bin` plus content-hashed parts) for `report`.
pub fn build_index(report: &Report, options: &BuildOptions) -> BuiltIndex {
    let mut builder = IndexBuilder::new();
    for (doc, (summary, record)) in report.manifest.posts.iter().zip(&report.posts).enumerate() {
        // From the published HTML, so what is indexed is what readers see.
        let body = &record.text;
        builder.add_doc(
            u32::try_from(doc).unwrap_or(u32::MAX),
            DocFields {
                title: &summary.title,
                tags: &summary.tags,
                summary: &summary.summary,
                body,
            },
        );
    }
    builder.finish(options)
}
