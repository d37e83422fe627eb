//! Micro-benchmarks of the archive hot paths: SHA-256 through the streaming
//! hasher that pack and verify use, and writing a bundle zip (PDFs stored,
//! records and texts deflated). `make bench-micro` runs them.

use bindery::archive::bundle::{BundleInfo, Content, PayloadItem, write_bundle};
use bindery::archive::date::Timestamp;
use bindery::archive::digest::{Algorithm, MultiHasher, digest_reader};
use bindery::archive::inventory::{Kind, content_path};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Cursor;

/// The bundled samples, as the PDFs a bundle stores.
const PDFS: [&[u8]; 4] = [
    include_bytes!("../samples/water-policy-brief.pdf"),
    include_bytes!("../samples/two-column-working-paper.pdf"),
    include_bytes!("../samples/chromium-brief.pdf"),
    include_bytes!("../samples/russian-digital-brief.pdf"),
];

fn sha256_hex(bytes: &[u8]) -> String {
    let mut hasher = MultiHasher::new(&[Algorithm::Sha256]);
    hasher.update(bytes);
    hasher
        .finish()
        .get(Algorithm::Sha256)
        .unwrap_or_default()
        .to_string()
}

/// 8 MiB of PDF bytes: large enough that per-call costs vanish, as in
/// hashing a corpus.
fn hashing(c: &mut Criterion) {
    let data: Vec<u8> = PDFS
        .iter()
        .copied()
        .cycle()
        .flatten()
        .copied()
        .take(8 << 20)
        .collect();
    let mut group = c.benchmark_group("hash");
    group.throughput(Throughput::Bytes(data.len() as u64));
    group.bench_function("sha256", |b| {
        b.iter(|| black_box(sha256_hex(black_box(&data))))
    });
    group.bench_function("sha256+sha512 (one pass)", |b| {
        b.iter(|| {
            digest_reader(
                black_box(&data[..]),
                &[Algorithm::Sha256, Algorithm::Sha512],
            )
            .ok()
        })
    });
    group.finish();
}

/// One bundle of the samples: each PDF stored, with a record and a text
/// deflated, as pack writes them.
fn zip_writing(c: &mut Criterion) {
    let text =
        "Water policy in the basin: allocation, pricing and the rights of downstream users. "
            .repeat(400);
    let mut total = 0u64;
    let mut items = Vec::new();
    for pdf in PDFS {
        let sha = sha256_hex(pdf);
        let record = format!("{{\"source\":{{\"sha256\":\"{sha}\"}},\"text\":{{\"words\":2000}}}}");
        for (kind, bytes) in [
            (Kind::Pdf, pdf.to_vec()),
            (Kind::Record, record.into_bytes()),
            (Kind::Text, text.clone().into_bytes()),
        ] {
            total += bytes.len() as u64;
            items.push((kind, sha256_hex(&bytes), bytes));
        }
    }
    let info = BundleInfo {
        name: "bench".into(),
        version: 1,
        date: Timestamp {
            epoch: 1_700_000_000,
        },
        message: "micro-benchmark".into(),
        source_organization: None,
        previous_sha256: None,
        sha512: false,
    };
    let mut group = c.benchmark_group("zip");
    group.throughput(Throughput::Bytes(total));
    group.bench_function("write bundle", |b| {
        b.iter(|| {
            let payload: Vec<PayloadItem<'_>> = items
                .iter()
                .map(|(kind, sha, bytes)| PayloadItem {
                    path: content_path(*kind, sha),
                    sha256: sha.clone(),
                    sha512: None,
                    bytes: bytes.len() as u64,
                    content: Content::Bytes(bytes.clone()),
                    deflate: *kind != Kind::Pdf,
                })
                .collect();
            let out = Cursor::new(Vec::with_capacity(total as usize));
            write_bundle(out, &info, payload, b"{}\n".to_vec(), None).map(|c| c.into_inner().len())
        })
    });
    group.finish();
}

criterion_group!(archive, hashing, zip_writing);
criterion_main!(archive);
