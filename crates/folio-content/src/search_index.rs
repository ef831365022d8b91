//! The search index for a built site: every published post's title, tags, summary and the plain
//! text a reader sees (read from the published HTML), indexed by its position in the manifest (the id the app's results use).

use super::{parallel, Report};
use folio_core::search::{AnalyzedDoc, BuildOptions, BuiltIndex, DocFields, IndexBuilder};

/// Builds the index files (`search/index.bin` plus content-hashed parts) for `report`.
pub fn build_index(report: &Report, options: &BuildOptions) -> BuiltIndex {
    let posts: Vec<_> = report.manifest.posts.iter().zip(&report.posts).collect();
    // Tokenizing and stemming the posts is most of the index's time, and each post is analyzed
    // alone: spread over the cores, then added in the manifest's order (the same index).
    let analyzed = parallel::map(&posts, |(summary, record)| {
        AnalyzedDoc::new(DocFields {
            title: &summary.title,
            tags: &summary.tags,
            summary: &summary.summary,
            // From the published HTML, so what is indexed is what readers see.
            body: &record.text,
        })
    });
    let mut builder = IndexBuilder::new();
    for (doc, post) in analyzed.into_iter().enumerate() {
        builder.add_analyzed(u32::try_from(doc).unwrap_or(u32::MAX), post);
    }
    builder.finish(options)
}
