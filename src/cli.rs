//! Command-line definitions (clap). Each command's arguments live here; what
//! a command does lives in `src/cmd/<command>.rs`.

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "bindery",
    version,
    about = "Turn a folder of publication PDFs into a trustworthy, versioned, verifiable archive",
    long_about = "Turn a folder of publication PDFs into a trustworthy, versioned, verifiable archive.\n\n\
        bindery extracts the text and metadata of each PDF into a JSON record with SHA-256 checksums, \
        packs PDFs, records and texts into versioned BagIt bundles, and verifies them offline.",
    after_help = "Exit codes: 0 success; 1 some documents failed or verification failed; 2 usage or fatal error.\n\n\
        Example:\n  bindery extract ~/Downloads/briefs -o briefs.jsonl"
)]
pub struct Cli {
    #[command(flatten)]
    pub verbosity: Verbosity,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone, Copy)]
pub struct Verbosity {
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print one line per document on stderr.
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract text and metadata of PDFs into JSON records (JSON Lines).
    #[command(after_help = "Examples:\n  \
        bindery extract samples -o samples.jsonl\n  \
        bindery extract reports/ more/brief.pdf --out-dir records/ -j 4\n  \
        bindery extract briefs/ --catalog briefs.csv -o briefs.jsonl\n  \
        bindery extract samples | jq -r 'select(.status==\"ok\") | .metadata.title.value'")]
    Extract(ExtractArgs),
    /// Print the extracted text of one PDF (pages separated by form feed).
    #[command(after_help = "Examples:\n  \
        bindery text samples/water-policy-brief.pdf\n  \
        bindery text report.pdf --pages 2-3 --raw")]
    Text(TextArgs),
    /// Add the PDFs under the inputs to an archive as its next version.
    #[command(after_help = "Examples:\n  \
        bindery pack samples --archive archive/ --message \"first load\"\n  \
        bindery pack samples more/ --archive archive/ --date 2026-01-31")]
    Pack(PackArgs),
    /// Check an archive folder, one bundle zip or an unzipped bag.
    #[command(
        after_help = "Exit codes: 0 valid; 1 invalid (each problem is listed); 2 cannot run.\n\n\
        Examples:\n  bindery verify archive/\n  bindery verify archive/briefs_v0002.zip --json"
    )]
    Verify(VerifyArgs),
    /// List an archive's versions.
    #[command(after_help = "Examples:\n  \
        bindery log archive/\n  \
        bindery log archive/ | tail -n 1\n  \
        bindery log archive/ --json | jq '.versions[-1]'")]
    Log(LogArgs),
    /// What changed between two versions (default: the last two).
    #[command(after_help = "Examples:\n  \
        bindery diff archive/\n  \
        bindery diff archive/ 1 3\n  \
        bindery diff archive/ --json | jq -r '.added[]'")]
    Diff(DiffArgs),
    /// Print one document's record, by id (SHA-256) or logical path.
    #[command(after_help = "Examples:\n  \
        bindery show archive/ water-policy-brief.pdf\n  \
        bindery show archive/ 3f2a9c --version 1 | jq .metadata\n  \
        bindery show archive/ water-policy-brief.pdf --json >> records.jsonl")]
    Show(ShowArgs),
    /// Write a version's PDFs under their original paths, with their records.
    #[command(after_help = "Examples:\n  \
        bindery restore archive/ -o restored/\n  \
        bindery restore archive/ -o june/ --version 2")]
    Restore(RestoreArgs),
    /// The corpus of one version as JSON Lines, or as one self-contained bag.
    #[command(after_help = "Examples:\n  \
        bindery export archive/ --format jsonl > corpus.jsonl\n  \
        bindery export archive/ --version 1 --format bag -o briefs-v1.zip")]
    Export(ExportArgs),
    /// Show what bindery reads in one PDF: metadata by source, fonts, pages.
    #[command(after_help = "Examples:\n  \
        bindery inspect samples/water-policy-brief.pdf\n  \
        bindery inspect report.pdf --json | jq '.fonts[] | select(.to_unicode | not)'")]
    Inspect(InspectArgs),
    /// Print a shell completion script.
    #[command(after_help = "Examples:\n  \
        bindery completions bash > ~/.local/share/bash-completion/completions/bindery\n  \
        bindery completions zsh > ~/.zfunc/_bindery\n  \
        bindery completions fish > ~/.config/fish/completions/bindery.fish")]
    Completions(CompletionsArgs),
    /// Write man pages (bindery.1 and one per command) into a folder.
    #[command(after_help = "Examples:\n  \
        bindery man --out-dir target/man\n  \
        man -l target/man/bindery-pack.1")]
    Man(ManArgs),
    /// Write an archive's catalogue as one self-contained HTML page.
    #[command(after_help = "Examples:\n  \
        bindery report archive/ -o catalogue.html\n  \
        bindery report archive/ -o catalogue.html --fast")]
    Report(ReportArgs),
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write the pages into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out_dir: PathBuf,
}

/// Flags of the commands that read many documents: inputs walked, threads,
/// and how to read each document.
#[derive(Debug, Args, Clone)]
pub struct BatchArgs {
    /// PDF files or folders (walked recursively for *.pdf).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Follow symbolic links when walking folders.
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Metadata you already have (CSV with a header row, or JSON Lines):
    /// rows name their PDF in a sha256, path or file column, and their
    /// values (title, authors, date, publisher, url, ...) win.
    #[arg(long, value_name = "FILE")]
    pub catalog: Option<PathBuf>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How to read documents: passwords and limits.
#[derive(Debug, Args, Clone)]
pub struct ReadArgs {
    /// Password to try on encrypted PDFs (after the empty one). Repeatable.
    #[arg(long = "password", value_name = "P")]
    pub passwords: Vec<String>,
    /// File of passwords to try, one per line.
    #[arg(long, value_name = "FILE")]
    pub passwords_file: Option<PathBuf>,
    /// Seconds one document may take before it is given up.
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout: u64,
    /// Largest size, in MiB, one decoded stream may reach.
    #[arg(long, value_name = "MIB", default_value_t = 128)]
    pub max_stream_mb: usize,
    /// Most pages read from one document.
    #[arg(long, value_name = "N", default_value_t = 20_000)]
    pub max_pages: u32,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Write JSON Lines to FILE instead of stdout ("-" is stdout).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one pretty-printed `<id>.json` per document into DIR instead.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub batch: BatchArgs,
}

#[derive(Debug, Args)]
pub struct TextArgs {
    /// The PDF file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Skip normalisation and keep running headers and footers.
    #[arg(long)]
    pub raw: bool,
    /// Only these pages, e.g. 3 or 2-5 (1-based, inclusive).
    #[arg(long, value_name = "A-B", value_parser = parse_page_range)]
    pub pages: Option<(u32, u32)>,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The archive folder (created when missing).
    #[arg(long, value_name = "DIR")]
    pub archive: PathBuf,
    /// The archive's stable name (default: the existing one, or the folder's name).
    #[arg(long, value_name = "N")]
    pub name: Option<String>,
    /// What this version is, for the log.
    #[arg(short, long, value_name = "M", default_value = "")]
    pub message: String,
    /// The version's date: YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or @SECONDS
    /// (default: SOURCE_DATE_EPOCH, else now). Fixes the bundle's bytes.
    #[arg(long, value_name = "D")]
    pub date: Option<String>,
    /// Source-Organization for bag-info.txt.
    #[arg(long, value_name = "ORG")]
    pub source_organization: Option<String>,
    /// Also write SHA-512 manifests.
    #[arg(long)]
    pub sha512: bool,
    /// Extract again the PDFs whose earlier extraction failed (say, now
    /// that --password is given); otherwise a known PDF is never re-read.
    #[arg(long)]
    pub retry_failed: bool,
    /// Print what changed as one JSON object (fields in docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub batch: BatchArgs,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// An archive folder, a bundle zip, or an unzipped bag folder.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Print one PREMIS-style fixity event per object checked (JSON Lines).
    #[arg(long)]
    pub json: bool,
    /// Check sizes and structure only; do not hash contents.
    #[arg(long)]
    pub fast: bool,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// One JSON object with the versions (fields in docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// The older version (default: the one before B).
    #[arg(value_name = "A")]
    pub from: Option<u32>,
    /// The newer version (default: the latest).
    #[arg(value_name = "B")]
    pub to: Option<u32>,
    /// One JSON object with the changes (fields in docs/cli-json.md).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// A document's id (SHA-256 of its PDF, or a unique prefix) or logical path.
    #[arg(value_name = "ID|PATH")]
    pub document: String,
    /// Look in this version (default: the latest).
    #[arg(long, value_name = "N")]
    pub version: Option<u32>,
    /// Print the record on one line (compact JSON) instead of pretty-printed.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// Folder to write into; must not exist or be empty.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// The version to restore (default: the latest).
    #[arg(long, value_name = "N")]
    pub version: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// One record per line.
    Jsonl,
    /// One self-contained BagIt bag (zip) holding the whole state.
    Bag,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// The version to export (default: the latest).
    #[arg(long, value_name = "N")]
    pub version: Option<u32>,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Write to FILE (required for bag; JSON Lines default to stdout).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The PDF file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Print one JSON object instead (fields in docs/inspect.md).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub read: ReadArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The archive folder.
    #[arg(value_name = "DIR")]
    pub archive: PathBuf,
    /// The HTML file to write.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Verify sizes and structure only, without hashing (faster).
    #[arg(long)]
    pub fast: bool,
}

/// Parse `N` or `A-B` into an inclusive 1-based range.
pub fn parse_page_range(text: &str) -> Result<(u32, u32), String> {
    let number = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|&n| n > 0)
            .ok_or_else(|| format!("'{s}' is not a page number (pages count from 1)"))
    };
    let (first, last) = match text.split_once('-') {
        Some((a, b)) => (number(a)?, number(b)?),
        None => (number(text)?, number(text)?),
    };
    if first > last {
        return Err(format!(
            "the range {text} is backwards; write it as {last}-{first}"
        ));
    }
    Ok((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn page_ranges() {
        assert_eq!(parse_page_range("3"), Ok((3, 3)));
        assert_eq!(parse_page_range("2-5"), Ok((2, 5)));
        assert!(parse_page_range("0").is_err());
        assert!(parse_page_range("5-2").is_err());
    }
}
