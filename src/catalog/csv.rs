//! A CSV reader for catalog sidecars, after RFC 4180: fields separated by a
//! comma (or the `;` or tab a spreadsheet wrote, told from the header line),
//! records by CRLF or LF, a field in double quotes may hold separators, line
//! breaks and doubled quotes. Written by hand rather than taking the `csv`
//! crate: the format is small, and this way each row keeps the line it
//! starts on for messages.
//!
//! Broken quoting is an error naming the line, never a silent guess: a
//! quote left open, text after a closing quote, a row with more or fewer
//! fields than the header.

/// One CSV record: its fields, and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parse `text` (already decoded) into rows, the header first. Blank lines
/// between rows are skipped. An error starts with its line number ("2: ...").
pub fn parse(text: &str) -> Result<Vec<CsvRow>, String> {
    let delimiter = sniff_delimiter(text);
    let mut rows = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        // Whether the current field began with a quote, and whether we are
        // inside the quotes now.
        let mut quoted = false;
        let mut in_quotes = false;
        let mut closed = false;
        loop {
            let Some(c) = chars.next() else {
                if in_quotes {
                    return Err(format!(
                        "{start}: a quoted field is never closed (a \" is missing)"
                    ));
                }
                fields.push(std::mem::take(&mut field));
                break;
            };
            if in_quotes {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        in_quotes = false;
                        closed = true;
                    }
                    '\n' => {
                        line += 1;
                        field.push('\n');
                    }
                    // A CRLF inside quotes is one line break.
                    '\r' if chars.peek() == Some(&'\n') => {}
                    c => field.push(c),
                }
                continue;
            }
            match c {
                c if c == delimiter => {
                    fields.push(std::mem::take(&mut field));
                    quoted = false;
                    closed = false;
                }
                '\n' => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                '\r' if chars.peek() == Some(&'\n') => {}
                '\r' => {
                    line += 1;
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                '"' if field.is_empty() && !quoted => {
                    quoted = true;
                    in_quotes = true;
                }
                // Spaces between a closing quote and the separator.
                ' ' if closed => {}
                c if closed => {
                    return Err(format!(
                        "{line}: {c:?} after the closing quote of a field; \
                         a quote inside a quoted field is written twice (\"\")"
                    ));
                }
                // A quote inside an unquoted field (5" disk) is taken as is.
                c => field.push(c),
            }
        }
        let blank = fields.len() == 1 && fields[0].is_empty() && !quoted;
        if !blank {
            rows.push(CsvRow {
                line: start,
                fields,
            });
        }
    }
    if let Some(header) = rows.first() {
        let width = header.fields.len();
        if let Some(bad) = rows.iter().find(|r| r.fields.len() != width) {
            return Err(format!(
                "{}: {} fields where the header has {width}; \
                 a field holding the separator must be in double quotes",
                bad.line,
                bad.fields.len()
            ));
        }
    }
    Ok(rows)
}

/// The separator the header line uses: a comma, unless the header has
/// none outside quotes and has semicolons or tabs (spreadsheets set to a
/// locale with a decimal comma write `;`).
fn sniff_delimiter(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    match counts {
        [0, semicolons, tabs] if semicolons > 0 || tabs > 0 => {
            if tabs >= semicolons {
                '\t'
            } else {
                ';'
            }
        }
        _ => ',',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        parse(text)
            .unwrap_or_default()
            .into_iter()
            .map(|r| r.fields)
            .collect()
    }

    #[test]
    fn quoted_fields_hold_separators_quotes_and_line_breaks() {
        let text = "file,title\r\n\
                    a.pdf,\"Water, Food and Energy\"\r\n\
                    b.pdf,\"The \"\"Nexus\"\" Brief\"\r\n\
                    c.pdf,\"Two\r\nlines\"\r\n\
                    d.pdf,\"\"\r\n";
        assert_eq!(
            fields(text),
            [
                vec!["file", "title"],
                vec!["a.pdf", "Water, Food and Energy"],
                vec!["b.pdf", "The \"Nexus\" Brief"],
                vec!["c.pdf", "Two\nlines"],
                vec!["d.pdf", ""],
            ]
        );
    }

    #[test]
    fn rows_keep_the_line_they_start_on() {
        let rows = parse("file,title\na.pdf,\"one\ntwo\nthree\"\n\nb.pdf,x").unwrap_or_default();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 6]);
    }

    #[test]
    fn last_line_without_break_and_lone_quotes_inside_fields() {
        assert_eq!(
            fields("file,title\na.pdf,5\" disk"),
            [vec!["file", "title"], vec!["a.pdf", "5\" disk"]]
        );
    }

    #[test]
    fn semicolon_and_tab_separated_files_are_recognised() {
        assert_eq!(
            fields("file;title\na.pdf;Eau, énergie"),
            [vec!["file", "title"], vec!["a.pdf", "Eau, énergie"]]
        );
        assert_eq!(
            fields("file\ttitle\na.pdf\tA; B"),
            [vec!["file", "title"], vec!["a.pdf", "A; B"]]
        );
    }

    #[test]
    fn broken_quoting_is_an_error_naming_the_line() {
        let open = parse("file,title\na.pdf,\"never closed\nb.pdf,x\n");
        assert!(open.is_err_and(|e| e.starts_with("2:")), "unclosed quote");
        let after = parse("file,title\na.pdf,\"quoted\" tail\n");
        assert!(
            after.is_err_and(|e| e.starts_with("2:")),
            "text after quote"
        );
        let wide = parse("file,title\na.pdf,Water, Food\n");
        assert!(
            wide.is_err_and(|e| e.contains("3 fields")),
            "unquoted comma"
        );
    }
}
