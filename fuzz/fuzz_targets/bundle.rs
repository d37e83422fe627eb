//! Verifying a bundle zip from disk, as `bindery verify bundle.zip` does:
//! zip structure, BagIt declaration, manifests, tag files and the bundle's
//! own inventory. Both the full and the fast (`--fast`) checks run.

#![no_main]

use bindery::archive::verify::verify_path;
use libfuzzer_sys::fuzz_target;
use std::io::Write;
use std::path::PathBuf;

/// One scratch file per fuzzing process, rewritten for every input.
fn scratch_path() -> PathBuf {
    std::env::temp_dir().join(format!("bindery-fuzz-bundle-{}.zip", std::process::id()))
}

fuzz_target!(|data: &[u8]| {
    let path = scratch_path();
    let written = std::fs::File::create(&path).and_then(|mut f| f.write_all(data));
    if written.is_err() {
        return;
    }
    let _ = verify_path(&path, false);
    let _ = verify_path(&path, true);
});
