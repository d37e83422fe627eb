# bindery: common tasks. `make demo` and `make test` are the two commands a
# fresh clone needs (see README.md).

CARGO ?= cargo
BIN := target/release/bindery
DEMO := target/demo

.PHONY: build demo test lint fmt bench bench-text clean-demo golden man completions

build:
	$(CARGO) build --release

# Extract the bundled samples, pack them into a versioned archive, add a
# document as version 2, and verify the archive.
demo: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)/inbox
	@echo "== bindery extract samples -o $(DEMO)/samples.jsonl"
	-$(BIN) extract samples -o $(DEMO)/samples.jsonl
	@echo
	@echo "== one line per document: status, pages, words, title"
	@python3 -c 'import json,sys; [print(r["status"].ljust(6), str((r.get("pdf") or {}).get("pages","-")).rjust(3), str((r.get("text") or {}).get("words","-")).rjust(5), r["source"]["path"], "|", ((r.get("metadata") or {}).get("title") or {}).get("value") or (r.get("error") or {}).get("kind","")) for r in map(json.loads, open("$(DEMO)/samples.jsonl"))]' 2>/dev/null \
		|| cut -c1-200 $(DEMO)/samples.jsonl
	@echo
	@echo "(exit code 1 above is expected: samples/truncated-report.pdf is broken on purpose)"
	@echo
	@echo "== version 1: every sample but one"
	@cp samples/*.pdf $(DEMO)/inbox/ && rm $(DEMO)/inbox/chromium-brief.pdf
	-$(BIN) pack $(DEMO)/inbox --archive $(DEMO)/archive --name briefs --message "first load" --date 2024-06-01
	@echo
	@echo "== version 2: one more brief arrives"
	@cp samples/chromium-brief.pdf $(DEMO)/inbox/
	-$(BIN) pack $(DEMO)/inbox --archive $(DEMO)/archive --name briefs --message "June additions" --date 2024-06-30
	@echo
	@echo "== bindery log, then bindery verify"
	$(BIN) log $(DEMO)/archive
	$(BIN) verify $(DEMO)/archive
	@echo
	@echo "== the first page of a sample (bindery text)"
	@$(BIN) text samples/water-policy-brief.pdf --pages 1 | head -12

test:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

fmt:
	$(CARGO) fmt

# Rewrite the golden records in tests/golden/ after a deliberate change.
golden:
	UPDATE_GOLDEN=1 $(CARGO) test --test golden

# Side-by-side benchmarks against the peers: text (writes
# benches/RESULTS.md), then pack and verify next to bagit.py.
bench:
	python3 benches/compare.py
	bash benches/archive.sh

bench-text:
	python3 benches/compare.py --only text

# Man pages (bindery.1 and bindery-<command>.1) into target/man.
man: build
	$(BIN) man --out-dir target/man

# Shell completion scripts into target/completions.
completions: build
	@mkdir -p target/completions
	$(BIN) completions bash > target/completions/bindery.bash
	$(BIN) completions zsh > target/completions/_bindery
	$(BIN) completions fish > target/completions/bindery.fish
