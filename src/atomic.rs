//! Writing files so that a crash or kill never leaves a half-written one:
//! write to a temporary file in the same folder, fsync it, rename it over
//! the target, fsync the folder.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Prefix of temporary files, so leftovers of a killed run can be found.
pub const TEMP_PREFIX: &str = ".bindery-tmp-";

/// A file being written; it appears at its final path only on `commit`.
///
/// A target that is not a regular file (`/dev/null`, a FIFO, a terminal) is
/// written in place: renaming a temporary file over it would replace the
/// device itself. A symbolic link is followed, so the link stays a link.
pub struct AtomicFile {
    target: PathBuf,
    /// The temporary file, or `None` when writing straight to a special file.
    temp: Option<PathBuf>,
    writer: Option<BufWriter<File>>,
}

/// The temporary name `target` is written under before its rename into
/// place: in the same folder (so the rename is atomic), marked with
/// `TEMP_PREFIX` and this process's id (so leftovers are recognised).
pub fn temp_path_for(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(target).join(format!("{TEMP_PREFIX}{}-{name}", std::process::id()))
}

impl AtomicFile {
    /// Start writing `target`. Fails if its folder does not exist.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let target = resolve_links(target);
        if is_special_file(&target) {
            let file = std::fs::OpenOptions::new().write(true).open(&target)?;
            return Ok(AtomicFile {
                target,
                temp: None,
                writer: Some(BufWriter::with_capacity(256 * 1024, file)),
            });
        }
        let temp = temp_path_for(&target);
        let file = File::create(&temp)?;
        Ok(AtomicFile {
            target,
            temp: Some(temp),
            writer: Some(BufWriter::with_capacity(256 * 1024, file)),
        })
    }

    /// Flush, fsync, rename into place and fsync the folder.
    pub fn commit(mut self) -> io::Result<()> {
        let Some(writer) = self.writer.take() else {
            return Ok(());
        };
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        let Some(temp) = &self.temp else {
            return Ok(());
        };
        file.sync_all()?;
        std::fs::rename(temp, &self.target)?;
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
        if self.writer.take().is_some()
            && let Some(temp) = &self.temp
        {
            let _ = std::fs::remove_file(temp);
        }
    }
}

/// The path a chain of symbolic links ends at (the path itself when it is
/// not a link or the chain is broken).
fn resolve_links(path: &Path) -> PathBuf {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    path.to_path_buf()
}

/// An existing target that is neither a regular file nor a folder.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
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

    #[cfg(unix)]
    #[test]
    fn device_target_is_written_in_place_not_replaced() {
        let null = Path::new("/dev/null");
        let mut file = AtomicFile::create(null).expect("open /dev/null");
        file.write_all(b"discarded").expect("write");
        file.commit().expect("commit");
        let meta = std::fs::metadata(null).expect("/dev/null exists");
        assert!(!meta.is_file(), "/dev/null was replaced by a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_target_stays_a_link() {
        let dir = std::env::temp_dir().join(format!("bindery-atomic-link-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let real = dir.join("real.jsonl");
        let link = dir.join("link.jsonl");
        std::fs::write(&real, b"old").expect("write");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let mut file = AtomicFile::create(&link).expect("create");
        file.write_all(b"new").expect("write");
        file.commit().expect("commit");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
