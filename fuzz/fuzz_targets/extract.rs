//! Whole-document reading: loading, repair, decryption, text extraction,
//! layout and metadata, as `bindery extract` does it. Limits are small so a
//! slow input ends as a timeout record well before libFuzzer's own timeout.

#![no_main]

use bindery::ExtractOptions;
use bindery::pdf::document::OpenOptions;
use bindery::pdf::limits::Limits;
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

fuzz_target!(|data: &[u8]| {
    let options = ExtractOptions {
        open: OpenOptions {
            passwords: vec!["user".to_string(), "owner".to_string()],
            limits: Limits {
                timeout: Duration::from_secs(5),
                max_stream_bytes: 16 * 1024 * 1024,
                max_pages: 200,
                ..Limits::default()
            },
        },
        catalog: None,
    };
    let record = bindery::extract_bytes(data, "fuzz.pdf", &options);
    // Serialising is part of what every command does with a record.
    let _ = serde_json::to_vec(&record);
});
