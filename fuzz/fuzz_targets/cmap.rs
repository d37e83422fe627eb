//! The embedded CMap parser (ToUnicode maps and Type0 /Encoding streams),
//! then the lookups text extraction makes with the parsed map: splitting a
//! string into codes and mapping each code to a CID and to Unicode.

#![no_main]

use bindery::pdf::cmap::CMap;
use bindery::pdf::limits::{Budget, Limits};
use libfuzzer_sys::fuzz_target;
use std::time::Duration;

/// Bytes of a shown string run through the parsed map: enough to cover one-
/// to four-byte codes without making every input slow.
const SHOWN_BYTES: usize = 64;

fuzz_target!(|data: &[u8]| {
    let budget = Budget::new(Limits {
        timeout: Duration::from_secs(5),
        ..Limits::default()
    });
    let Ok(cmap) = CMap::parse(data, &budget) else {
        return;
    };
    let _ = cmap.has_unicode();
    let _ = cmap.has_single_byte_space();
    // Show the input's own tail as a string: its bytes are likely to hit the
    // ranges the map declares.
    let shown = &data[data.len().saturating_sub(SHOWN_BYTES)..];
    let mut rest = shown;
    while !rest.is_empty() {
        let (code, len) = cmap.next_code(rest);
        let _ = cmap.cid(code);
        let _ = cmap.unicode(code);
        rest = rest.get(len.max(1)..).unwrap_or_default();
    }
});
