# bindery: common tasks. `make demo` and `make test` are the two commands a
# fresh clone needs (see README.md).

CARGO ?= cargo
BIN := target/release/bindery
DEMO := target/demo

.PHONY: build demo test lint fmt bench bench-text clean-demo golden

build:
	$(CARGO) build --release

# Extract the bundled samples and show what came out.
demo: build
	@rm -rf $(DEMO) && mkdir -p $(DEMO)
	@echo "== bindery extract samples -o $(DEMO)/samples.jsonl"
	-$(BIN) extract samples -o $(DEMO)/samples.jsonl
	@echo
	@echo "== one line per document: status, pages, words, title"
	@python3 -c 'import json,sys; [print(r["status"].ljust(6), str((r.get("pdf") or {}).get("pages","-")).rjust(3), str((r.get("text") or {}).get("words","-")).rjust(5), r["source"]["path"], "|", ((r.get("metadata") or {}).get("title") or {}).get("value") or (r.get("error") or {}).get("kind","")) for r in map(json.loads, open("$(DEMO)/samples.jsonl"))]' 2>/dev/null \
		|| cut -c1-200 $(DEMO)/samples.jsonl
	@echo
	@echo "== the first page of the first sample (bindery text)"
	@$(BIN) text "$$(ls samples/*.pdf | head -1)" | head -20
	@echo
	@echo "== an archive: version 1 from the samples but one, version 2 with it added"
	@mkdir -p $(DEMO)/input && cp samples/*.pdf $(DEMO)/input/ && mv $(DEMO)/input/water-policy-brief.pdf $(DEMO)/
	-$(BIN) pack $(DEMO)/input --archive $(DEMO)/archive --name samples -m "the samples" -q
	@mv $(DEMO)/water-policy-brief.pdf $(DEMO)/input/
	-$(BIN) pack $(DEMO)/input --archive $(DEMO)/archive -m "one more brief" -q
	$(BIN) log $(DEMO)/archive
	$(BIN) verify $(DEMO)/archive

test:
	$(CARGO) test --all-targets

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

fmt:
	$(CARGO) fmt

# Rewrite the golden records in tests/golden/ after a deliberate change.
golden:
	UPDATE_GOLDEN=1 $(CARGO) test --test golden

# Side-by-side benchmarks against the peers; writes benches/RESULTS.md.
bench:
	python3 benches/compare.py

bench-text:
	python3 benches/compare.py --only text
