//! Where records go: JSON Lines to stdout or a file, or one pretty JSON file
//! per document in a folder. The pipeline does not know which; commands pick
//! a [`RecordSink`].

use crate::atomic::AtomicFile;
use crate::error::{Error, Result};
use crate::pipeline::DocumentOutcome;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Receives each document's outcome, in input order.
pub trait RecordSink {
    fn write(&mut self, outcome: &DocumentOutcome) -> Result<()>;
    /// Make the output durable and visible.
    fn finish(self: Box<Self>) -> Result<()>;
}

/// JSON Lines: one canonical record per line.
pub struct JsonLines<W: Write> {
    out: W,
    name: String,
}

impl<W: Write> RecordSink for JsonLines<W> {
    fn write(&mut self, outcome: &DocumentOutcome) -> Result<()> {
        self.out
            .write_all(&outcome.record_json)
            .and_then(|()| self.out.write_all(b"\n"))
            .map_err(|err| write_error(&self.name, &err))
    }

    fn finish(mut self: Box<Self>) -> Result<()> {
        self.out
            .flush()
            .map_err(|err| write_error(&self.name, &err))
    }
}

/// JSON Lines into a file that appears complete or not at all.
struct JsonLinesFile {
    lines: JsonLines<AtomicFile>,
}

impl RecordSink for JsonLinesFile {
    fn write(&mut self, outcome: &DocumentOutcome) -> Result<()> {
        self.lines.write(outcome)
    }

    fn finish(self: Box<Self>) -> Result<()> {
        let JsonLines { out, name } = self.lines;
        out.commit().map_err(|err| write_error(&name, &err))
    }
}

/// One `<id>.json` per document in a folder.
pub struct RecordFolder {
    dir: PathBuf,
}

impl RecordSink for RecordFolder {
    fn write(&mut self, outcome: &DocumentOutcome) -> Result<()> {
        let record = &outcome.record;
        let stem = record.id.clone().unwrap_or_else(|| {
            // Unreadable files have no id; name them after their path.
            let safe: String = record
                .source
                .path
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            format!("unreadable-{safe}")
        });
        let path = self.dir.join(format!("{stem}.json"));
        let mut file = AtomicFile::create(&path).map_err(|err| Error::io(&path, "write", &err))?;
        file.write_all(&record.to_pretty_json())
            .map_err(|err| Error::io(&path, "write", &err))?;
        file.commit().map_err(|err| Error::io(&path, "write", &err))
    }

    fn finish(self: Box<Self>) -> Result<()> {
        Ok(())
    }
}

fn write_error(name: &str, err: &io::Error) -> Error {
    Error::from_io(format!("cannot write {name}: {err}"), err)
}

/// Pick the sink for `-o FILE` / `--out-dir DIR` / stdout.
pub fn open_sink(output: Option<&Path>, out_dir: Option<&Path>) -> Result<Box<dyn RecordSink>> {
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir).map_err(|err| Error::io(dir, "create folder", &err))?;
        return Ok(Box::new(RecordFolder {
            dir: dir.to_path_buf(),
        }));
    }
    match output {
        Some(path) if path != Path::new("-") => {
            let file = AtomicFile::create(path).map_err(|err| Error::io(path, "create", &err))?;
            Ok(Box::new(JsonLinesFile {
                lines: JsonLines {
                    out: file,
                    name: path.display().to_string(),
                },
            }))
        }
        _ => Ok(Box::new(JsonLines {
            out: io::BufWriter::new(io::stdout().lock()),
            name: "stdout".to_string(),
        })),
    }
}
