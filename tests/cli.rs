//! The command line as a user drives it: extract over the samples, exit
//! codes, determinism, output modes, the text command, help.

mod common;
use common::*;

fn require_samples() -> bool {
    if sample_pdfs().is_empty() {
        panic!("samples/ holds no PDFs; run samples/make.sh");
    }
    true
}

#[test]
fn extract_samples_gives_one_record_each_and_flags_the_broken_one() {
    require_samples();
    let output = bindery(&["extract", "samples", "-j", "2"]);
    let records = records(&stdout(&output));
    let pdfs = sample_pdfs();
    assert_eq!(records.len(), pdfs.len(), "one record per sample PDF");
    for (record, pdf) in records.iter().zip(&pdfs) {
        let name = pdf
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        assert_eq!(
            record["source"]["name"],
            name.as_str(),
            "records come in sorted input order"
        );
        if is_broken_sample(pdf) {
            assert_eq!(record["status"], "error", "{name} is broken on purpose");
            assert!(
                stderr(&output).contains(&name),
                "the error names the file on stderr"
            );
        } else {
            assert_eq!(record["status"], "ok", "{name}: {}", record["error"]);
            let words = record["text"]["words"].as_u64().unwrap_or(0);
            assert!(words > 50, "{name} has real text, got {words} words");
        }
    }
    let broken = pdfs.iter().any(|p| is_broken_sample(p));
    assert_eq!(output.status.code(), Some(if broken { 1 } else { 0 }));
}

#[test]
fn output_does_not_depend_on_thread_count() {
    require_samples();
    let one = bindery(&["extract", "samples", "-j", "1"]);
    let four = bindery(&["extract", "samples", "-j", "4"]);
    assert!(!one.stdout.is_empty());
    assert_eq!(
        one.stdout, four.stdout,
        "-j1 and -j4 give byte-identical JSON Lines"
    );
}

#[test]
fn missing_input_is_a_usage_error_naming_the_path() {
    let output = bindery(&["extract", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no/such/folder"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let output = bindery(&["extract", "--frobnicate", "samples"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn output_file_and_out_dir() {
    require_samples();
    let dir = temp_dir("outputs");
    let jsonl = dir.join("all.jsonl");
    let jsonl_arg = jsonl.to_string_lossy().into_owned();
    let stdout_run = bindery(&["extract", "samples", "-q"]);
    let file_run = bindery(&["extract", "samples", "-q", "-o", &jsonl_arg]);
    assert_eq!(file_run.status.code(), stdout_run.status.code());
    assert_eq!(
        std::fs::read(&jsonl).unwrap_or_default(),
        stdout_run.stdout,
        "-o FILE writes what stdout gets"
    );

    let records_dir = dir.join("records");
    let records_arg = records_dir.to_string_lossy().into_owned();
    bindery(&["extract", "samples", "-q", "--out-dir", &records_arg]);
    for record in records(&stdout(&stdout_run)) {
        let Some(id) = record["id"].as_str() else {
            continue;
        };
        let file = records_dir.join(format!("{id}.json"));
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let pretty: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            pretty,
            record,
            "{} holds the same record, pretty-printed",
            file.display()
        );
        assert!(text.contains("\n  "), "pretty-printed");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_command_prints_the_stored_text_file() {
    require_samples();
    let output = bindery(&["extract", "samples", "-q"]);
    for record in records(&stdout(&output)) {
        if record["status"] != "ok" {
            continue;
        }
        let path = format!(
            "samples/{}",
            record["source"]["path"].as_str().unwrap_or("")
        );
        let text = bindery(&["text", &path]);
        assert_eq!(text.status.code(), Some(0), "{path}");
        let digest = bindery::record::sha256_hex(&text.stdout);
        assert_eq!(
            record["text"]["sha256"],
            digest.as_str(),
            "bindery text {path} is the record's text"
        );
        let pages = stdout(&text).matches('\u{c}').count() + 1;
        assert_eq!(
            Some(pages as u64),
            record["pdf"]["pages"].as_u64(),
            "{path}: pages separated by form feed"
        );
    }
}

#[test]
fn text_of_a_broken_file_fails_with_exit_1_and_a_reason() {
    let dir = temp_dir("broken-text");
    let file = dir.join("notes.pdf");
    std::fs::write(&file, b"this is not a pdf").unwrap_or(());
    let output = bindery(&["text", &file.to_string_lossy()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not-pdf"), "{}", stderr(&output));
    assert!(stderr(&output).contains("notes.pdf"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_command_help_has_an_example() {
    let help = bindery(&["--help"]);
    let text = stdout(&help);
    let commands: Vec<String> = text
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 2, "{text}");
    for command in commands {
        let help = stdout(&bindery(&[&command, "--help"]));
        assert!(
            help.contains("Example"),
            "`bindery {command} --help` shows an example"
        );
        assert!(
            help.contains(&format!("bindery {command} ")),
            "the example uses the command"
        );
    }
}

#[test]
fn completions_generate_for_every_shell_and_name_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = bindery(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "completions {shell}");
        let script = stdout(&out);
        for command in ["extract", "pack", "verify", "restore"] {
            assert!(
                script.contains(command),
                "{shell} completion names {command}"
            );
        }
    }
    let bad = bindery(&["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn man_pages_are_written_one_per_command() {
    let dir = temp_dir("man");
    let out = bindery(&["man", "--out-dir", dir.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for page in [
        "bindery.1",
        "bindery-extract.1",
        "bindery-pack.1",
        "bindery-verify.1",
    ] {
        let text = std::fs::read_to_string(dir.join(page)).unwrap_or_default();
        assert!(text.contains(".TH"), "{page} is a man page");
    }
    let pack = std::fs::read_to_string(dir.join("bindery-pack.1")).unwrap_or_default();
    assert!(
        pack.contains("bindery pack"),
        "the synopsis names the command"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
