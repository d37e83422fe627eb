//! The parallel batch: finding the input PDFs, reading each on the rayon
//! pool, isolating failures per document, and handing results back in input
//! order through a bounded window, so memory does not grow with the number
//! of documents and output does not depend on the thread count.

use crate::error::{Error, Result};
use crate::extract::{ExtractOptions, extract_file};
use crate::record::Record;
use std::collections::{BTreeMap, HashSet};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Condvar, Mutex, mpsc};

/// One PDF to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// Where to read it.
    pub path: PathBuf,
    /// Its path relative to the input root it was found under, `/`-separated
    /// (the file name for a file given directly). This is the document's
    /// logical path in records and archives.
    pub logical_path: String,
}

/// How to walk input folders.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Follow symbolic links to files and folders (loops are detected).
    pub follow_symlinks: bool,
}

/// Find the PDFs under `inputs`: files are taken as given (whatever their
/// extension), folders are walked recursively for `*.pdf` (any case), in
/// sorted order. A file reached twice is listed once, at its first place.
pub fn discover(inputs: &[PathBuf], options: WalkOptions) -> Result<Vec<InputFile>> {
    let mut found = Vec::new();
    let mut seen = HashSet::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|err| {
            Error::new(format!(
                "input {} cannot be read: {}",
                input.display(),
                describe_io(&err)
            ))
        })?;
        if meta.is_dir() {
            let mut ancestors = HashSet::new();
            walk(input, "", options, &mut ancestors, &mut seen, &mut found)?;
        } else {
            let name = input
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            push_unique(input, name, &mut seen, &mut found);
        }
    }
    Ok(found)
}

fn describe_io(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => err.to_string(),
    }
}

fn push_unique(
    path: &Path,
    logical_path: String,
    seen: &mut HashSet<PathBuf>,
    found: &mut Vec<InputFile>,
) {
    let key = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if seen.insert(key) {
        found.push(InputFile {
            path: path.to_path_buf(),
            logical_path,
        });
    }
}

fn walk(
    dir: &Path,
    prefix: &str,
    options: WalkOptions,
    ancestors: &mut HashSet<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    found: &mut Vec<InputFile>,
) -> Result<()> {
    // A symlink loop would bring us back to a folder we are inside.
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !ancestors.insert(canonical.clone()) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|err| Error::io(dir, "read folder", &err))?;
    let mut children: Vec<(Vec<u8>, PathBuf, String)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|err| Error::io(dir, "read folder", &err))?;
        let name = entry.file_name();
        let shown = name.to_string_lossy().into_owned();
        children.push((name.as_encoded_bytes().to_vec(), entry.path(), shown));
    }
    children.sort();
    for (_, path, name) in children {
        let Ok(link_meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let is_link = link_meta.file_type().is_symlink();
        if is_link && !options.follow_symlinks {
            continue;
        }
        // A dangling link has no target metadata: skip it.
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let logical = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if meta.is_dir() {
            walk(&path, &logical, options, ancestors, seen, found)?;
        } else if meta.is_file() && has_pdf_extension(&name) {
            push_unique(&path, logical, seen, found);
        }
    }
    ancestors.remove(&canonical);
    Ok(())
}

fn has_pdf_extension(name: &str) -> bool {
    name.len() > 4
        && name.is_char_boundary(name.len() - 4)
        && name[name.len() - 4..].eq_ignore_ascii_case(".pdf")
}

/// How far work may run ahead of the consumer: at most `items` results
/// waiting or in flight, and once the finished results waiting hold more
/// than `bytes`, no more than one job per worker ahead. Memory then stays
/// bounded however many items there are, while one slow item (a 500-page
/// book) does not leave the other workers idle behind it.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub items: usize,
    pub bytes: usize,
}

/// Where `run_ordered` stands, shared by the thread handing out jobs and
/// the one consuming results.
#[derive(Debug, Default)]
struct Progress {
    arrived: usize,
    consumed: usize,
    waiting: usize,
}

/// Run `work` for every index in `0..count` on a pool of `jobs` threads and
/// give the results to `sink` in index order, on the calling thread, within
/// `window` (results weigh `weight` bytes).
pub fn run_ordered<T, W, S>(
    count: usize,
    jobs: usize,
    window: Window,
    weight: impl Fn(&T) -> usize,
    work: W,
    mut sink: S,
) -> Result<()>
where
    T: Send,
    W: Fn(usize) -> T + Sync,
    S: FnMut(usize, T),
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.max(1))
        .thread_name(|i| format!("bindery-{i}"))
        .build()
        .map_err(|err| Error::new(format!("cannot start {jobs} worker threads: {err}")))?;
    let items = window.items.max(1);
    let close = jobs.clamp(1, items);
    // How many results arrived, how many the sink consumed, and the bytes
    // of those waiting for it. A job is handed to the pool only when a
    // worker is free for it (so the decision to start it is taken with the
    // latest figures) and it is within the window.
    let progress = Mutex::new(Progress::default());
    let advanced = Condvar::new();
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        let work = &work;
        let progress = &progress;
        let advanced = &advanced;
        scope.spawn(move || {
            pool.in_place_scope(|tasks| {
                for index in 0..count {
                    let mut state = progress.lock().unwrap_or_else(|e| e.into_inner());
                    loop {
                        let ahead = if state.waiting > window.bytes {
                            close
                        } else {
                            items
                        };
                        if index < state.arrived + close && index < state.consumed + ahead {
                            break;
                        }
                        state = advanced.wait(state).unwrap_or_else(|e| e.into_inner());
                    }
                    drop(state);
                    let sender = sender.clone();
                    tasks.spawn(move |_| {
                        // The receiver lives until every result arrived.
                        let _ = sender.send((index, work(index)));
                    });
                }
            });
            drop(sender);
        });
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let mut waiting = 0usize;
        for (received, (index, result)) in receiver.into_iter().enumerate() {
            waiting += weight(&result);
            pending.insert(index, result);
            while let Some(result) = pending.remove(&next) {
                waiting = waiting.saturating_sub(weight(&result));
                sink(next, result);
                next += 1;
            }
            *progress.lock().unwrap_or_else(|e| e.into_inner()) = Progress {
                arrived: received + 1,
                consumed: next,
                waiting,
            };
            advanced.notify_all();
        }
    });
    Ok(())
}

/// The result of reading one document.
#[derive(Debug, Clone)]
pub struct DocumentOutcome {
    pub record: Record,
    /// The record in canonical JSON: one JSON Lines line, and the record
    /// file stored in bundles.
    pub record_json: Vec<u8>,
    /// The text file: pages joined by form feed.
    pub text: String,
}

impl DocumentOutcome {
    pub fn ok(&self) -> bool {
        self.record.is_ok()
    }

    /// What a bundle stores of it: the record file and the text file.
    pub fn into_extracted(self) -> crate::archive::pack::Extracted {
        let ok = self.ok();
        crate::archive::pack::Extracted {
            record_json: self.record_json,
            text: self.text.into_bytes(),
            ok,
        }
    }
}

impl From<&crate::archive::pack::PackInput> for InputFile {
    fn from(input: &crate::archive::pack::PackInput) -> Self {
        InputFile {
            path: input.pdf.clone(),
            logical_path: input.logical_path.clone(),
        }
    }
}

/// Read every file, `jobs` at a time, handing outcomes to `sink` in input
/// order. A document that fails, or even panics, yields an error record;
/// the batch always goes on.
pub fn extract_all<S>(
    files: &[InputFile],
    options: &ExtractOptions,
    jobs: usize,
    mut sink: S,
) -> Result<()>
where
    S: FnMut(usize, DocumentOutcome),
{
    let work = |index: usize| {
        let record = extract_isolated(&files[index], options);
        let record_json = record.to_canonical_json();
        let text = record.text_file();
        DocumentOutcome {
            record,
            record_json,
            text,
        }
    };
    // Finished records wait in input order behind a slow one: up to 64 per
    // worker, or 64 MB of records and texts.
    let window = Window {
        items: jobs.max(1) * 64,
        bytes: 64 << 20,
    };
    let weight = |outcome: &DocumentOutcome| outcome.record_json.len() + outcome.text.len();
    run_ordered(files.len(), jobs, window, weight, work, &mut sink)
}

/// `extract_file`, with a panic turned into this document's error record.
pub fn extract_isolated(file: &InputFile, options: &ExtractOptions) -> Record {
    match catch_unwind(AssertUnwindSafe(|| {
        extract_file(&file.path, &file.logical_path, options)
    })) {
        Ok(record) => record,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            crate::extract::failed_record(
                &file.path,
                &file.logical_path,
                None,
                &crate::record::internal_error(&message),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_in_order_whatever_the_finishing_order() {
        let mut seen = Vec::new();
        let work = |i: usize| {
            // Early items finish last.
            std::thread::sleep(std::time::Duration::from_millis(((20 - i) % 5) as u64));
            i * 10
        };
        let window = Window {
            items: 3,
            bytes: usize::MAX,
        };
        run_ordered(20, 4, window, |_| 0, work, |i, v| seen.push((i, v))).unwrap_or(());
        let expected: Vec<(usize, usize)> = (0..20).map(|i| (i, i * 10)).collect();
        assert_eq!(seen, expected);
    }

    #[test]
    fn heavy_waiting_results_stop_work_running_ahead() {
        // Item 0 is slow; the others finish at once and wait behind it,
        // 100 bytes each, against a budget of 250 bytes.
        let started = AtomicUsize::new(0);
        let work = |i: usize| {
            started.fetch_add(1, Ordering::SeqCst);
            if i == 0 {
                std::thread::sleep(std::time::Duration::from_millis(300));
            }
            i
        };
        let window = Window {
            items: 100,
            bytes: 250,
        };
        let mut started_before_first = None;
        run_ordered(
            100,
            2,
            window,
            |_| 100,
            work,
            |i, _| {
                if i == 0 {
                    started_before_first = Some(started.load(Ordering::SeqCst));
                }
            },
        )
        .unwrap_or(());
        let ahead = started_before_first.unwrap_or(usize::MAX);
        assert!(
            ahead <= 10,
            "{ahead} items started while the first was slow"
        );
    }

    #[test]
    fn window_bounds_items_in_flight() {
        let started = AtomicUsize::new(0);
        let max_ahead = AtomicUsize::new(0);
        let consumed = AtomicUsize::new(0);
        let work = |_i: usize| {
            let s = started.fetch_add(1, Ordering::SeqCst) + 1;
            let ahead = s - consumed.load(Ordering::SeqCst);
            max_ahead.fetch_max(ahead, Ordering::SeqCst);
        };
        let window = Window {
            items: 8,
            bytes: usize::MAX,
        };
        run_ordered(
            200,
            4,
            window,
            |_| 0,
            work,
            |_, _| {
                consumed.fetch_add(1, Ordering::SeqCst);
            },
        )
        .unwrap_or(());
        assert!(
            max_ahead.load(Ordering::SeqCst) <= 8,
            "{}",
            max_ahead.load(Ordering::SeqCst)
        );
    }

    #[test]
    fn discover_sorts_filters_and_deduplicates() {
        let dir = std::env::temp_dir().join(format!("bindery-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/c")).unwrap_or(());
        for name in ["b/c/z.PDF", "b/a.pdf", "a.pdf", "notes.txt", "b/c/pdf"] {
            std::fs::write(dir.join(name), b"x").unwrap_or(());
        }
        let found = discover(
            &[dir.clone(), dir.join("b"), dir.join("a.pdf")],
            WalkOptions::default(),
        )
        .unwrap_or_default();
        let logical: Vec<&str> = found.iter().map(|f| f.logical_path.as_str()).collect();
        assert_eq!(logical, ["a.pdf", "b/a.pdf", "b/c/z.PDF"]);
        let missing = discover(&[dir.join("nope")], WalkOptions::default());
        assert!(missing.is_err_and(|e| e.to_string().contains("no such file")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
