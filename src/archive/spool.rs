//! Records and texts written ahead of their bundle. Extraction hands them
//! over in input order while the bundle needs them in path order, after the
//! inventory is known; rather than holding every record and text in memory
//! until then, `pack` deflates each one into a temporary zip in the archive
//! folder as it arrives, and the bundle copies the compressed entries over
//! as they are: memory stays flat however many documents a pack holds, and
//! nothing is compressed twice.

use super::bundle::entry_options;
use super::date::Timestamp;
use crate::atomic::TEMP_PREFIX;
use std::fs::File;
use std::io::{BufReader, BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use zip::{ZipArchive, ZipWriter};

/// Entries being written. The file is removed when the spool is dropped;
/// a killed pack leaves it to `lock::clean_leftovers` (its name has
/// `TEMP_PREFIX`).
pub struct Spool {
    file: TempFile,
    zip: ZipWriter<BufWriter<File>>,
    date: Timestamp,
    entries: usize,
}

/// The finished spool, read back while the bundle is written.
pub struct SpoolReader {
    _file: TempFile,
    zip: ZipArchive<BufReader<File>>,
}

/// A temporary file that is removed on drop.
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

impl Spool {
    /// A new spool in `dir` (the archive folder, so the copy into the
    /// bundle reads from the same disk), for entries dated `date`.
    pub fn create(dir: &Path, date: Timestamp) -> Result<Spool, String> {
        let path = dir.join(format!("{TEMP_PREFIX}{}-spool.zip", std::process::id()));
        let out = File::create_new(&path)
            .map_err(|e| format!("cannot create {}: {e}", path.display()))?;
        Ok(Spool {
            file: TempFile(path),
            zip: ZipWriter::new(BufWriter::with_capacity(1 << 20, out)),
            date,
            entries: 0,
        })
    }

    /// Deflate `bytes` under `name`: the entry's full name in the bundle,
    /// with the options the bundle gives deflated entries, so the copy is
    /// the entry the bundle would have written itself.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<(), String> {
        let options = entry_options(self.date, true, bytes.len() as u64);
        self.zip
            .start_file(name, options)
            .map_err(|e| e.to_string())
            .and_then(|_| self.zip.write_all(bytes).map_err(|e| e.to_string()))
            .map_err(|e| format!("cannot write {}: {e}", self.file.0.display()))?;
        self.entries += 1;
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Close the spool and open it for reading.
    pub fn finish(self) -> Result<SpoolReader, String> {
        let Spool { file, zip, .. } = self;
        let fail = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", file.0.display());
        let mut out = zip
            .finish()
            .map_err(|e| fail(&e))?
            .into_inner()
            .map_err(|e| fail(e.error()))?;
        out.rewind().map_err(|e| fail(&e))?;
        let zip = ZipArchive::new(BufReader::with_capacity(1 << 20, out)).map_err(|e| fail(&e))?;
        Ok(SpoolReader { _file: file, zip })
    }
}

impl SpoolReader {
    /// Copy the entry `name` into `out` still compressed.
    pub fn copy_into<W: Write + Seek>(
        &mut self,
        name: &str,
        out: &mut ZipWriter<W>,
    ) -> Result<(), String> {
        let entry = self
            .zip
            .by_name_raw(name.as_bytes())
            .map_err(|e| format!("{name} is missing from the spool: {e}"))?;
        out.raw_copy_file(entry)
            .map_err(|e| format!("cannot copy {name} into the bundle: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Read};

    #[test]
    fn spooled_entries_copy_into_another_zip_and_the_file_goes_away() {
        let dir = std::env::temp_dir().join(format!("bindery-spool-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let date = Timestamp {
            epoch: 1_700_000_000,
        };
        let Ok(mut spool) = Spool::create(&dir, date) else {
            panic!("cannot create a spool in {}", dir.display())
        };
        let text = "the same words again and again ".repeat(100);
        assert!(
            spool
                .add("b_v0001/data/text/x.txt", text.as_bytes())
                .is_ok()
        );
        assert!(spool.add("b_v0001/data/record/y.json", b"{}").is_ok());
        assert_eq!(spool.len(), 2);
        let Ok(mut reader) = spool.finish() else {
            panic!("cannot finish the spool")
        };
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        assert!(
            reader
                .copy_into("b_v0001/data/text/x.txt", &mut zip)
                .is_ok()
        );
        assert!(reader.copy_into("b_v0001/data/missing", &mut zip).is_err());
        let written = zip.finish().map(Cursor::into_inner).unwrap_or_default();
        drop(reader);
        let leftovers = crate::archive::lock::leftovers(&dir);
        assert!(leftovers.is_empty(), "{leftovers:?}");

        let mut back = ZipArchive::new(Cursor::new(written)).ok();
        let mut read = String::new();
        if let Some(mut entry) = back
            .as_mut()
            .and_then(|z| z.by_name("b_v0001/data/text/x.txt").ok())
        {
            let _ = entry.read_to_string(&mut read);
        }
        assert_eq!(read, text);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
