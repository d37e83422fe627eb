//! The exclusive lock that keeps two `pack`s off one archive, and the
//! clean-up of what a killed `pack` left behind.

use crate::atomic::TEMP_PREFIX;
use crate::error::{Error, Result};
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// The lock file's name inside the archive folder. It holds nothing; the
/// operating system's lock on it is what counts, and dies with the process.
pub const LOCK_FILE: &str = ".bindery.lock";

/// Held while writing an archive; released on drop.
pub struct ArchiveLock {
    _file: File,
}

/// Take the archive's lock, or say who holds it.
pub fn lock(dir: &Path) -> Result<ArchiveLock> {
    let path = dir.join(LOCK_FILE);
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, "create the lock file", &e))?;
    match file.try_lock() {
        Ok(()) => Ok(ArchiveLock { _file: file }),
        Err(TryLockError::WouldBlock) => Err(Error::new(format!(
            "another bindery pack is writing to {} (it holds {}); wait for it to finish",
            dir.display(),
            path.display()
        ))),
        Err(TryLockError::Error(e)) => Err(Error::io(&path, "lock", &e)),
    }
}

/// Temporary files of interrupted runs in `dir`.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Remove leftovers; only call with the lock held.
pub fn clean_leftovers(_lock: &ArchiveLock, dir: &Path) -> Result<usize> {
    let found = leftovers(dir);
    for path in &found {
        std::fs::remove_file(path).map_err(|e| Error::io(path, "remove the leftover", &e))?;
    }
    Ok(found.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = std::env::temp_dir().join(format!("bindery-lock-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let first = lock(&dir);
        assert!(first.is_ok());
        let second = lock(&dir);
        assert!(second.is_err_and(|e| e.to_string().contains("another bindery pack")));
        drop(first);
        assert!(lock(&dir).is_ok());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
