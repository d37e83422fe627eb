//! Writing files so that a crash or kill never leaves a half-written one:
//! write to a temporary file in the same folder, fsync it, rename it over
//! the target, fsync the folder.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Prefix of temporary files, so leftovers of a killed run can be found.
pub const TEMP_PREFIX: &str = ".bindery-tmp-";

/// A file being written; it appears at its final path only on `commit`.
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    writer: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Start writing `target`. Fails if its folder does not exist.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let dir = parent_dir(target);
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let temp = dir.join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()));
        let file = File::create(&temp)?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            writer: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// Flush, fsync, rename into place and fsync the folder.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(writer) = self.writer.take() {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
        std::fs::rename(&self.temp, &self.target)?;
        sync_dir(&parent_dir(&self.target))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.writer {
            Some(w) => w.write(buf),
            None => Err(io::Error::other("file already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.writer {
            Some(w) => w.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    /// An uncommitted file is removed: the target keeps its old content.
    fn drop(&mut self) {
        if self.writer.take().is_some() {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// fsync a folder so a rename in it survives a power loss. Folders cannot
/// be opened for syncing on every platform; that is not an error.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir) {
        Ok(handle) => match handle.sync_all() {
            Ok(()) => Ok(()),
            Err(err)
                if err.kind() == io::ErrorKind::InvalidInput || err.raw_os_error() == Some(22) =>
            {
                Ok(())
            }
            Err(err) => Err(err),
        },
        Err(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncommitted_file_leaves_target_untouched() {
        let dir = std::env::temp_dir().join(format!("bindery-atomic-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let target = dir.join("out.jsonl");
        std::fs::write(&target, b"old").unwrap_or(());
        {
            let mut file = AtomicFile::create(&target).expect("temp file");
            file.write_all(b"new").unwrap_or(());
        }
        assert_eq!(std::fs::read(&target).unwrap_or_default(), b"old");
        let mut file = AtomicFile::create(&target).expect("temp file");
        file.write_all(b"new").unwrap_or(());
        file.commit().expect("commit");
        assert_eq!(std::fs::read(&target).unwrap_or_default(), b"new");
        let leftovers = std::fs::read_dir(&dir)
            .map(|d| {
                d.filter(|e| {
                    e.as_ref()
                        .is_ok_and(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
                })
                .count()
            })
            .unwrap_or(0);
        assert_eq!(leftovers, 0);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
