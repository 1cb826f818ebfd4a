//! libvirt's documentation text made safe for a `///` comment.
//!
//! The API XML's `info` is plain text from C comments: `<domain>` element
//! names, `1 << 2`, `foo()`, now and then a `*`. In Markdown those would be
//! HTML tags, emphasis or links, and an indented line would even be a
//! doctest, so the text becomes one paragraph with such characters escaped.

/// `text` as one Markdown paragraph: whitespace runs become one space, and
/// characters Markdown would read as markup are backslash-escaped. `None`
/// when nothing but whitespace is left.
pub fn paragraph(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.starts_with("http://") || word.starts_with("https://") {
            // An autolink, so rustdoc does not warn about a bare URL.
            let end = word.trim_end_matches(['.', ',', ')', ';']);
            out.push('<');
            out.push_str(end);
            out.push('>');
            out.push_str(&word[end.len()..]);
            continue;
        }
        let chars: Vec<char> = word.chars().collect();
        for (j, &c) in chars.iter().enumerate() {
            // `_` inside a word (`VIR_DOMAIN_X`) never starts emphasis.
            let inner_underscore = c == '_'
                && j > 0
                && chars[j - 1].is_alphanumeric()
                && chars.get(j + 1).is_some_and(|n| n.is_alphanumeric());
            let markup = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
            ) || (i == 0 && j == 0 && matches!(c, '-' | '+' | '='));
            if markup && !inner_underscore {
                out.push('\\');
            }
            out.push(c);
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_collapses_to_one_paragraph() {
        assert_eq!(
            paragraph("This value\n    is in kB  ").as_deref(),
            Some("This value is in kB")
        );
        assert_eq!(paragraph(" \n "), None);
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            paragraph("Operate on <metadata>, 1 << 2, a*b, [x], `y`, VIR_X_Y").as_deref(),
            Some(r"Operate on \<metadata\>, 1 \<\< 2, a\*b, \[x\], \`y\`, VIR_X_Y")
        );
        assert_eq!(paragraph("- not a list").as_deref(), Some(r"\- not a list"));
        assert_eq!(paragraph("_x_ a-b").as_deref(), Some(r"\_x\_ a-b"));
        assert_eq!(
            paragraph("# not a heading").as_deref(),
            Some(r"\# not a heading")
        );
    }

    #[test]
    fn urls_become_autolinks() {
        assert_eq!(
            paragraph("see https://libvirt.org/x.html.").as_deref(),
            Some("see <https://libvirt.org/x.html>.")
        );
    }
}
