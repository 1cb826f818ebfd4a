//! The syntax of libvirt's configuration files (`src/util/virconf.c:326-708`):
//! `name = value` statements separated by new lines or `;`, `#` comments,
//! values that are strings (`"..."`, `'...'`, `"""..."""`), integers or
//! `[ ... ]` lists of values.

/// A configuration value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ConfValue {
    /// A quoted string.
    String(String),
    /// An integer (libvirt keeps signed and unsigned apart; the client
    /// settings never use numbers).
    Integer(i64),
    /// A list of values.
    List(Vec<ConfValue>),
}

/// A syntax error: the 1-based line and the message libvirt uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConfSyntaxError {
    pub line: usize,
    pub message: &'static str,
}

/// Parses a whole file into its `(name, value)` entries, in file order.
pub(crate) fn parse(text: &str) -> Result<Vec<(String, ConfValue)>, ConfSyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    let mut entries = Vec::new();
    while p.pos < p.s.len() {
        if let Some(entry) = p.statement()? {
            entries.push(entry);
        }
        p.separator()?;
    }
    Ok(entries)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    line: usize,
}

impl Parser<'_> {
    /// The current byte; 0 at the end, as libvirt reads the NUL terminator.
    fn cur(&self) -> u8 {
        self.s.get(self.pos).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.s.len()
    }

    fn error<T>(&self, message: &'static str) -> Result<T, ConfSyntaxError> {
        Err(ConfSyntaxError {
            line: self.line,
            message,
        })
    }

    fn skip_blanks(&mut self) {
        while !self.at_end() && matches!(self.cur(), b' ' | b'\t') {
            self.pos += 1;
        }
    }

    fn skip_blanks_and_eol(&mut self) {
        while !self.at_end() && matches!(self.cur(), b' ' | b'\t' | b'\n' | b'\r') {
            if self.cur() == b'\n' {
                self.line += 1;
            }
            self.pos += 1;
        }
    }

    fn skip_to_eol(&mut self) {
        while !self.at_end() && !matches!(self.cur(), b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    /// A comment line (`None`) or `name = value [# comment]`.
    ///
    /// Like libvirt, white space left at the very end of the file is an
    /// error ("expecting a name"), since a statement is expected after it.
    fn statement(&mut self) -> Result<Option<(String, ConfValue)>, ConfSyntaxError> {
        self.skip_blanks_and_eol();
        if self.cur() == b'#' {
            self.skip_to_eol();
            return Ok(None);
        }
        let name = self.name()?;
        self.skip_blanks();
        if self.cur() != b'=' {
            return self.error("expecting an assignment");
        }
        self.pos += 1;
        self.skip_blanks();
        let value = self.value()?;
        self.skip_blanks();
        if self.cur() == b'#' {
            self.skip_to_eol();
        }
        Ok(Some((name, value)))
    }

    fn separator(&mut self) -> Result<(), ConfSyntaxError> {
        self.skip_blanks();
        if self.at_end() {
            return Ok(());
        }
        match self.cur() {
            b'\n' | b'\r' => self.skip_blanks_and_eol(),
            b';' => {
                self.pos += 1;
                self.skip_blanks_and_eol();
            }
            _ => return self.error("expecting a separator"),
        }
        Ok(())
    }

    /// `ALPHA *( ALNUM / "_" )`
    fn name(&mut self) -> Result<String, ConfSyntaxError> {
        self.skip_blanks();
        let start = self.pos;
        if !self.cur().is_ascii_alphabetic() {
            return self.error("expecting a name");
        }
        while !self.at_end() && (self.cur().is_ascii_alphanumeric() || self.cur() == b'_') {
            self.pos += 1;
        }
        Ok(self.text(start, self.pos))
    }

    fn value(&mut self) -> Result<ConfValue, ConfSyntaxError> {
        self.skip_blanks();
        if self.at_end() {
            return self.error("expecting a value");
        }
        match self.cur() {
            b'"' | b'\'' => self.string().map(ConfValue::String),
            b'[' => self.list(),
            b'0'..=b'9' | b'-' | b'+' => self.integer().map(ConfValue::Integer),
            _ => self.error("expecting a value"),
        }
    }

    fn string(&mut self) -> Result<String, ConfSyntaxError> {
        // Triple quotes are only recognised with more than 6 bytes left.
        if self.s.len() - self.pos > 6 && self.s[self.pos..].starts_with(b"\"\"\"") {
            self.pos += 3;
            let start = self.pos;
            while self.pos + 2 < self.s.len() && !self.s[self.pos..].starts_with(b"\"\"\"") {
                if self.cur() == b'\n' {
                    self.line += 1;
                }
                self.pos += 1;
            }
            if !self.s[self.pos..].starts_with(b"\"\"\"") {
                return self.error("unterminated string");
            }
            let text = self.text(start, self.pos);
            self.pos += 3;
            return Ok(text);
        }
        let quote = self.cur();
        self.pos += 1;
        let start = self.pos;
        while !self.at_end() && self.cur() != quote && !matches!(self.cur(), b'\n' | b'\r') {
            self.pos += 1;
        }
        if self.cur() != quote {
            return self.error("unterminated string");
        }
        let text = self.text(start, self.pos);
        self.pos += 1;
        Ok(text)
    }

    fn list(&mut self) -> Result<ConfValue, ConfSyntaxError> {
        self.pos += 1;
        self.skip_blanks_and_eol();
        let mut items = Vec::new();
        if !self.at_end() && self.cur() != b']' {
            items.push(self.value()?);
            self.skip_blanks_and_eol();
        }
        while !self.at_end() && self.cur() != b']' {
            if self.cur() != b',' {
                return self.error("expecting a separator in list");
            }
            self.pos += 1;
            self.skip_blanks_and_eol();
            if self.cur() == b']' {
                break;
            }
            items.push(self.value()?);
            self.skip_blanks_and_eol();
        }
        if self.cur() != b']' {
            return self.error("list is not closed with ]");
        }
        self.pos += 1;
        Ok(ConfValue::List(items))
    }

    fn integer(&mut self) -> Result<i64, ConfSyntaxError> {
        let negative = self.cur() == b'-';
        if matches!(self.cur(), b'-' | b'+') {
            self.pos += 1;
        }
        if self.at_end() || !self.cur().is_ascii_digit() {
            return self.error("unterminated number");
        }
        let mut value: i64 = 0;
        while !self.at_end() && self.cur().is_ascii_digit() {
            let digit = i64::from(self.cur() - b'0');
            value = match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                Some(v) => v,
                None => return self.error("numeric overflow in conf value"),
            };
            self.pos += 1;
        }
        Ok(if negative { -value } else { value })
    }

    /// The text between two byte offsets. Both sit next to ASCII
    /// delimiters, so they are character boundaries.
    fn text(&self, start: usize, end: usize) -> String {
        String::from_utf8_lossy(&self.s[start..end]).into_owned()
    }
}
