//! BM25F scoring at build time: the field weights and length normalization, folded per document
//! and term into the one-byte saturations the posting lists carry (see [`super::format`]).

/// Field order in the per-field arrays.
pub(super) const TITLE: usize = 0;
pub(super) const FIELD_COUNT: usize = 4;

/// BM25F parameters: per field a weight and a length-normalization strength `b`, and the
/// saturation constant `k1` shared by all fields.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bm25f {
    pub k1: f32,
    /// Title, tags, summary, body.
    pub weights: [f32; FIELD_COUNT],
    pub b: [f32; FIELD_COUNT],
    /// `k1` and `b` of the separate title-only saturation.
    pub title_k1: f32,
    pub title_b: f32,
}

impl Default for Bm25f {
    fn default() -> Self {
        // A title word says far more about a post than a body word, and a word that is a large
        // part of a short title more than one of a long title (full length normalization, b = 1);
        // long bodies must not win by size alone. Chosen on a development query set.
        Bm25f {
            k1: 1.2,
            weights: [20.0, 3.0, 2.0, 1.0],
            b: [1.0, 0.3, 0.5, 0.75],
            title_k1: 1.0,
            title_b: 1.0,
        }
    }
}

#[derive(Clone, Copy)]
pub(super) struct RawPosting {
    pub doc: u32,
    /// Term frequency per field.
    pub tf: [u16; FIELD_COUNT],
}

/// Per-document field lengths against the corpus averages: the BM25F denominator.
pub(super) struct LengthNorms {
    /// Per doc and field: `1 - b + b * len / avg`, divided into the field weight.
    field_factor: Vec<[f32; FIELD_COUNT]>,
    k1: f32,
    /// Per doc: `title_k1 * (1 - b + b * len / avg)` for the title-only saturation.
    title_denominator: Vec<f32>,
}

impl LengthNorms {
    pub fn new(lengths: &[(u32, [u32; FIELD_COUNT])], doc_count: u32, p: &Bm25f) -> Self {
        let mut avg = [0f64; FIELD_COUNT];
        for (_, l) in lengths {
            for f in 0..FIELD_COUNT {
                avg[f] += f64::from(l[f]);
            }
        }
        let n = lengths.len().max(1) as f64;
        avg.iter_mut().for_each(|a| *a = (*a / n).max(1.0));
        let mut field_factor = vec![[0f32; FIELD_COUNT]; doc_count as usize];
        let mut title_denominator = vec![1f32; doc_count as usize];
        for &(doc, l) in lengths {
            for f in 0..FIELD_COUNT {
                let norm = 1.0 - p.b[f] + p.b[f] * (f64::from(l[f]) / avg[f]) as f32;
                field_factor[doc as usize][f] = p.weights[f] / norm.max(1e-3);
            }
            let title_norm =
                1.0 - p.title_b + p.title_b * (f64::from(l[TITLE]) / avg[TITLE]) as f32;
            title_denominator[doc as usize] = p.title_k1 * title_norm.max(1e-3);
        }
        LengthNorms {
            field_factor,
            k1: p.k1,
            title_denominator,
        }
    }

    /// Title-only `tf / (tf + k1 * norm)` scaled to 1..=255; 0 when the term is not in the title.
    pub fn title_saturation(&self, p: &RawPosting) -> u8 {
        if p.tf[TITLE] == 0 {
            return 0;
        }
        let tf = f32::from(p.tf[TITLE]);
        let sat = tf / (tf + self.title_denominator[p.doc as usize]);
        (sat * 255.0).round().clamp(1.0, 255.0) as u8
    }

    /// `tf' / (k1 + tf')` scaled to 1..=255.
    pub fn saturation(&self, p: &RawPosting) -> u8 {
        let factors = &self.field_factor[p.doc as usize];
        let tf: f32 = (0..FIELD_COUNT)
            .map(|f| f32::from(p.tf[f]) * factors[f])
            .sum();
        let sat = tf / (self.k1 + tf);
        (sat * 255.0).round().clamp(1.0, 255.0) as u8
    }
}
