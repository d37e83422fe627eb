//! `bindery export`: the whole state of one version, as JSON Lines records
//! or as one self-contained bag zip (a bundle holding every file the state
//! needs, verifiable on its own).

use crate::archive::Archive;
use crate::archive::bundle::{self, BundleInfo, Content, PayloadItem};
use crate::archive::date::Timestamp;
use crate::archive::inventory::{Inventory, Stored};
use crate::atomic::AtomicFile;
use crate::cli::{ExportArgs, ExportFormat, Verbosity};
use crate::cmd::{Outcome, note};
use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::io::Write;

pub fn run(args: &ExportArgs, verbosity: Verbosity) -> Result<Outcome> {
    let archive = Archive::open(&args.archive)?;
    let version = archive.resolve_version(args.version)?;
    let inventory = archive.inventory(version)?;
    match args.format {
        ExportFormat::Jsonl => export_jsonl(&archive, &inventory, args),
        ExportFormat::Bag => export_bag(&archive, &inventory, args, verbosity),
    }
}

fn export_jsonl(archive: &Archive, inventory: &Inventory, args: &ExportArgs) -> Result<Outcome> {
    let write = |out: &mut dyn Write| -> Result<()> {
        for doc in inventory.state.values() {
            let mut record = archive.read_content(inventory, &doc.record)?;
            while record.last() == Some(&b'\n') {
                record.pop();
            }
            record.push(b'\n');
            out.write_all(&record)
                .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
        }
        Ok(())
    };
    match args.output.as_deref() {
        None => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write(&mut out)?;
            out.flush()
                .map_err(|e| Error::from_io(format!("cannot write output: {e}"), &e))?;
        }
        Some(path) => {
            let mut file = AtomicFile::create(path).map_err(|e| Error::io(path, "create", &e))?;
            write(&mut file)?;
            file.commit().map_err(|e| Error::io(path, "write", &e))?;
        }
    }
    Ok(Outcome::Success)
}

fn export_bag(
    archive: &Archive,
    inventory: &Inventory,
    args: &ExportArgs,
    verbosity: Verbosity,
) -> Result<Outcome> {
    let Some(path) = args.output.as_deref() else {
        return Err(Error::new("--format bag needs -o FILE.zip"));
    };
    let last = inventory
        .versions
        .last()
        .ok_or_else(|| Error::new("the inventory has no versions"))?;
    let date = Timestamp::parse(&last.date).map_err(Error::new)?;
    // Every file the state needs, now all stored in this one bag.
    let mut needed: BTreeMap<String, Stored> = BTreeMap::new();
    for doc in inventory.state.values() {
        for digest in [&doc.pdf, &doc.record, &doc.text] {
            if let Some(stored) = inventory.manifest.get(digest) {
                needed.insert(
                    digest.clone(),
                    Stored {
                        version: inventory.version,
                        ..stored.clone()
                    },
                );
            }
        }
    }
    let payload: Vec<PayloadItem<'_>> = needed
        .iter()
        .map(|(digest, stored)| {
            let digest_for_copy = digest.clone();
            PayloadItem {
                path: stored.path.clone(),
                sha256: digest.clone(),
                sha512: None,
                bytes: stored.bytes,
                deflate: !stored.path.ends_with(".pdf"),
                content: Content::Writer(Box::new(move |out: &mut dyn Write| {
                    archive
                        .copy_content(inventory, &digest_for_copy, out)
                        .map_err(|e| e.to_string())
                })),
            }
        })
        .collect();
    let standalone = Inventory {
        manifest: needed,
        ..inventory.clone()
    };
    let info = BundleInfo {
        name: inventory.name.clone(),
        version: inventory.version,
        date,
        message: last.message.clone(),
        source_organization: None,
        previous_sha256: last.previous_bundle_sha256.clone(),
        sha512: false,
    };
    let file_count = payload.len();
    let temp = path.with_file_name(format!(
        "{}{}-{}",
        crate::atomic::TEMP_PREFIX,
        std::process::id(),
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    ));
    let result = (|| {
        let file = std::fs::File::create_new(&temp).map_err(|e| Error::io(&temp, "create", &e))?;
        let writer = std::io::BufWriter::with_capacity(1 << 20, file);
        let mut writer = bundle::write_bundle(writer, &info, payload, standalone.to_json(), None)
            .map_err(Error::new)?;
        writer.flush().map_err(|e| Error::io(&temp, "write", &e))?;
        let file = writer
            .into_inner()
            .map_err(|e| Error::io(&temp, "write", e.error()))?;
        file.sync_all().map_err(|e| Error::io(&temp, "sync", &e))?;
        if path.exists() {
            return Err(Error::new(format!(
                "{} exists; not overwritten",
                path.display()
            )));
        }
        std::fs::rename(&temp, path).map_err(|e| Error::io(path, "rename into place", &e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result?;
    note(
        verbosity,
        &format!(
            "bindery: exported version {} ({} documents, {file_count} files) to {}",
            inventory.version,
            inventory.state.len(),
            path.display()
        ),
    );
    Ok(Outcome::Success)
}
