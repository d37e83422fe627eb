//! Robustness check: decode every stream of a PDF, corrupt bytes at random,
//! and run the extractor over every page; it must neither panic nor hang.
//!
//! for f in corpus/*.pdf; do timeout 60 target/release/examples/mutate "$f" 2; done
use bindery::pdf::content::TextExtractor;
use bindery::pdf::limits::{Budget, Limits};
use std::time::Duration;

struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("a PDF");
    let rounds: u64 = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let Ok(original) = lopdf::Document::load(&path) else {
        return;
    };
    for round in 0..rounds {
        let mut doc = original.clone();
        let mut rng = Lcg(round * 7919 + path.len() as u64);
        for object in doc.objects.values_mut() {
            if let lopdf::Object::Stream(stream) = object {
                let Ok(mut data) = stream.decompressed_content_with_limit(8 << 20) else {
                    continue;
                };
                if data.is_empty()
                    || stream
                        .dict
                        .get(b"Subtype")
                        .is_ok_and(|s| s.as_name().is_ok_and(|n| n == b"Image"))
                {
                    continue;
                }
                for _ in 0..(1 + data.len() / 200).min(50) {
                    let at = rng.next() as usize % data.len();
                    data[at] = match rng.next() % 4 {
                        0 => rng.next() as u8,
                        1 => b'(',
                        2 => b'[',
                        _ => b'<',
                    };
                }
                stream.dict.remove(b"Filter");
                stream.dict.remove(b"DecodeParms");
                stream.set_plain_content(data);
            }
        }
        let budget = Budget::new(Limits {
            timeout: Duration::from_secs(20),
            ..Limits::default()
        });
        let mut extractor = TextExtractor::new(&doc, &budget);
        let mut glyphs = 0u64;
        for (_, page) in doc.get_pages() {
            match extractor.page(page) {
                Ok(p) => glyphs += u64::from(p.glyph_count),
                Err(_) => break,
            }
        }
        eprintln!("{path} round {round}: {glyphs} glyphs");
    }
}
