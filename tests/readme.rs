//! The README as a new user follows it: every line of its ```sh blocks runs,
//! in order, in a fresh folder holding a copy of samples/, with the built
//! binary first on PATH, and must exit as the README says (0, or the code
//! a trailing `# exits N` comment announces). Lines that build bindery
//! (`cargo ...`, `make ...`) are what produced the binary under test and
//! are not run again. Every command `bindery --help` lists must have an
//! example.

mod common;
use common::*;
use std::path::Path;
use std::process::Command;

/// One shell line of the README and the exit code it promises.
struct Example {
    line: String,
    readme_line: usize,
    exit: i32,
}

fn examples(readme: &str) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut in_sh = false;
    for (number, line) in readme.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") {
            in_sh = !in_sh && trimmed == "```sh";
            continue;
        }
        if !in_sh || trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let exit = trimmed
            .rsplit_once("# exits ")
            .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
            .and_then(|digits| digits.parse().ok())
            .unwrap_or(0);
        examples.push(Example {
            line: trimmed.to_string(),
            readme_line: number + 1,
            exit,
        });
    }
    examples
}

fn builds_bindery(line: &str) -> bool {
    line.starts_with("cargo ") || line.starts_with("make ")
}

fn has_program(name: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The subcommands `bindery --help` lists (hidden ones are not listed).
fn listed_commands() -> Vec<String> {
    let help = stdout(&bindery(&["--help"]));
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|name| name != "help")
        .collect()
}

#[test]
fn every_readme_shell_example_works_as_written() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let examples = examples(&readme);
    assert!(examples.len() >= 20, "the README has its examples");

    let work = temp_dir("readme");
    std::fs::create_dir_all(work.join("samples")).expect("samples folder");
    for pdf in sample_pdfs() {
        let name = pdf.file_name().expect("a sample has a file name");
        std::fs::copy(&pdf, work.join("samples").join(name)).expect("copy a sample");
    }
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_bindery"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let jq = has_program("jq");
    let mut ran = 0;
    for example in &examples {
        if builds_bindery(&example.line) {
            continue;
        }
        if !jq && example.line.contains("jq ") {
            skip(&format!(
                "README line {}: jq is not installed: {}",
                example.readme_line, example.line
            ));
            continue;
        }
        let output = Command::new("bash")
            .args(["-o", "pipefail", "-c", &example.line])
            .current_dir(&work)
            .env("PATH", &path)
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .expect("bash runs");
        assert_eq!(
            output.status.code(),
            Some(example.exit),
            "README line {}: {}\nstdout:\n{}\nstderr:\n{}",
            example.readme_line,
            example.line,
            stdout(&output),
            stderr(&output)
        );
        ran += 1;
    }
    assert!(ran >= 15, "only {ran} README examples ran");
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn every_command_has_a_readme_example() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let examples = examples(&readme);
    let commands = listed_commands();
    assert!(commands.len() >= 9, "bindery --help lists the commands");
    for command in commands {
        let pattern = format!("bindery {command} ");
        let shown = examples.iter().any(|e| {
            e.line.contains(&pattern) || e.line.contains(&format!("bindery -q {command} "))
        });
        assert!(
            shown,
            "no ```sh example in README.md runs `bindery {command}`"
        );
    }
}

#[test]
fn exit_code_comments_are_read() {
    let readme =
        "```sh\nbindery a   # exits 1: broken\n# a comment\nbindery b\n```\n```python\nx\n```\n";
    let found = examples(readme);
    let summary: Vec<(&str, i32)> = found.iter().map(|e| (e.line.as_str(), e.exit)).collect();
    assert_eq!(
        summary,
        [("bindery a   # exits 1: broken", 1), ("bindery b", 0)]
    );
}
