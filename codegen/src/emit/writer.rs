//! A line writer that owns indentation, so emitting code never counts spaces.

/// Accumulates Rust source, one line at a time.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    indent: usize,
}

const INDENT: &str = "    ";

impl Writer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Writes one line at the current indentation. `text` must not contain
    /// a newline; an empty `text` writes an empty line.
    pub fn line(&mut self, text: impl AsRef<str>) {
        let text = text.as_ref();
        debug_assert!(!text.contains('\n'), "one line at a time: {text:?}");
        if !text.is_empty() {
            for _ in 0..self.indent {
                self.out.push_str(INDENT);
            }
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.line("");
    }

    /// `///` doc lines, one per line of `text`.
    pub fn doc(&mut self, text: &str) {
        for line in text.lines() {
            if line.is_empty() {
                self.line("///");
            } else {
                self.line(format!("/// {line}"));
            }
        }
    }

    /// Writes `head {` and indents what follows.
    pub fn open(&mut self, head: impl AsRef<str>) {
        let head = head.as_ref();
        if head.is_empty() {
            self.open_raw("{");
        } else {
            self.open_raw(format!("{head} {{"));
        }
    }

    /// Closes the innermost `open` with `}` followed by `tail` (`;`, `,`, `)` ...).
    pub fn close(&mut self, tail: &str) {
        self.close_raw(format!("}}{tail}"));
    }

    /// Writes `line` (which opens something: `= &[`, `fn f(`) and indents what follows.
    pub fn open_raw(&mut self, line: impl AsRef<str>) {
        self.line(line);
        self.indent += 1;
    }

    /// Outdents and writes `line`, which closes what `open_raw` opened.
    pub fn close_raw(&mut self, line: impl AsRef<str>) {
        debug_assert!(self.indent > 0, "close without open");
        self.indent = self.indent.saturating_sub(1);
        self.line(line);
    }

    /// Outdents for one line that closes one thing and opens the next
    /// (`) -> T {`, `} else {`), then indents again.
    pub fn reopen(&mut self, line: impl AsRef<str>) {
        self.close_raw(line);
        self.indent += 1;
    }

    /// `head { ... }` around whatever `body` writes.
    pub fn block(&mut self, head: impl AsRef<str>, body: impl FnOnce(&mut Self)) {
        self.open(head);
        body(self);
        self.close("");
    }

    /// Indents what `body` writes, without braces.
    pub fn indented(&mut self, body: impl FnOnce(&mut Self)) {
        self.indent += 1;
        body(self);
        self.indent -= 1;
    }

    /// The text written.
    pub fn finish(self) -> String {
        debug_assert_eq!(self.indent, 0, "unclosed block");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indentation_follows_blocks() {
        let mut w = Writer::new();
        w.doc("A thing.\n\nMore.");
        w.block("pub struct A", |w| {
            w.line("pub x: u32,");
            w.open("fn f() -> X");
            w.line("X");
            w.close(";");
        });
        w.blank();
        assert_eq!(
            w.finish(),
            "/// A thing.\n///\n/// More.\npub struct A {\n    pub x: u32,\n    fn f() -> X {\n        X\n    };\n}\n\n"
        );
    }
}
