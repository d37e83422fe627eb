//! Benchmark reference: the time to read every file under a folder and
//! SHA-256 its bytes once with the `sha2` crate, on N threads, and nothing
//! else. `benches/compare.py` sets `bindery verify` next to it: verifying
//! cannot be faster than hashing the bytes it checks.
//!
//! cargo run --release --example sha256_once -- FOLDER [THREADS]

use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn files_under(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        if kind.is_dir() {
            files_under(&entry.path(), found)?;
        } else if kind.is_file() {
            found.push(entry.path());
        }
    }
    Ok(())
}

fn hash_file(path: &Path) -> std::io::Result<u64> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut total = 0u64;
    loop {
        let n = file.read(&mut buffer)?;
        if n == 0 {
            break;
        }
        hasher.update(buffer.get(..n).unwrap_or_default());
        total += n as u64;
    }
    std::hint::black_box(hasher.finalize());
    Ok(total)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: sha256_once FOLDER [THREADS]");
        return ExitCode::from(2);
    };
    let threads = args.next().and_then(|t| t.parse().ok()).unwrap_or(2);
    let mut files = Vec::new();
    if let Err(err) = files_under(&dir, &mut files) {
        eprintln!("sha256_once: {}: {err}", dir.display());
        return ExitCode::from(2);
    }
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("sha256_once: {err}");
            return ExitCode::from(2);
        }
    };
    let hashed: std::io::Result<u64> =
        pool.install(|| files.par_iter().map(|f| hash_file(f)).sum());
    match hashed {
        Ok(bytes) => {
            println!("{} files, {bytes} bytes", files.len());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("sha256_once: {err}");
            ExitCode::from(1)
        }
    }
}
