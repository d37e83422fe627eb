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
        bindery extract samples | jq -r 'select(.status==\"ok\") | .metadata.title.value'")]
    Extract(ExtractArgs),
    /// Print the extracted text of one PDF (pages separated by form feed).
    #[command(after_help = "Examples:\n  \
        bindery text samples/water-policy-brief.pdf\n  \
        bindery text report.pdf --pages 2-3 --raw")]
    Text(TextArgs),
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
    /// PDF files or folders (walked recursively for *.pdf).
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Write JSON Lines to FILE instead of stdout ("-" is stdout).
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Write one pretty-printed <id>.json per document into DIR instead.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Follow symbolic links when walking folders.
    #[arg(long)]
    pub follow_symlinks: bool,
    #[command(flatten)]
    pub read: ReadArgs,
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
