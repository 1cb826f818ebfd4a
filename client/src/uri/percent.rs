//! Character classes and percent-encoding, as libvirt's URI code sees them.
//!
//! libvirt parses URIs with libxml2's RFC 3986 parser (`xmlParseURI`), then
//! re-formats the CONNECT_OPEN name with `xmlSaveUri` (path, fragment) and
//! glib's `g_string_append_uri_escaped` (query parameter values). Each of the
//! three escapes a different set of characters; the sets below were checked
//! byte by byte against libxml2 2.9.14 and glib 2.74 (Debian 12, the build of
//! libvirt 11.3.0 this crate targets).

/// RFC 3986 `unreserved`: `ALPHA / DIGIT / "-" / "." / "_" / "~"`.
pub(crate) fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

/// RFC 3986 `sub-delims`: `"!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="`.
pub(crate) fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

/// Whether `s[i..]` starts with a valid `pct-encoded` triplet (`%` HEXDIG HEXDIG).
pub(crate) fn is_pct_encoded(s: &[u8], i: usize) -> bool {
    s.get(i) == Some(&b'%')
        && s.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
        && s.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
}

/// Length of the RFC 3986 `pchar` at `s[i..]` (1, or 3 for `%XX`), or 0 if none.
pub(crate) fn pchar_len(s: &[u8], i: usize) -> usize {
    match s.get(i) {
        Some(&b) if is_unreserved(b) || is_sub_delim(b) || b == b':' || b == b'@' => 1,
        Some(b'%') if is_pct_encoded(s, i) => 3,
        _ => 0,
    }
}

/// Decodes `%XX` escapes; anything else (including a `%` not followed by two
/// hex digits) is copied as is, like libxml2's `xmlURIUnescapeString`.
///
/// The parser only hands this function text whose escapes it has already
/// validated, except inside an IPv6 literal (`[...]`), which libxml2 does not
/// validate either.
pub(crate) fn decode(raw: &str) -> Result<String, Vec<u8>> {
    let s = raw.as_bytes();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if is_pct_encoded(s, i) {
            out.push(hex_value(s[i + 1]) << 4 | hex_value(s[i + 2]));
            i += 3;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|e| e.into_bytes())
}

fn hex_value(b: u8) -> u8 {
    match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    }
}

/// Escapes a decoded path the way `xmlSaveUri` (libxml2 2.9.14) does: ASCII
/// letters, digits and `!$&'()*+,-./;=@_~` are kept, every other byte
/// (including `:`) becomes `%XX` with upper-case hex.
pub(crate) fn encode_path(path: &str) -> String {
    encode(path, |b| {
        b.is_ascii_alphanumeric() || b"!$&'()*+,-./;=@_~".contains(&b)
    })
}

/// Escapes a decoded fragment the way `xmlSaveUri` does: like
/// [`encode_path`] but `:`, `?`, `[` and `]` are kept too.
pub(crate) fn encode_fragment(fragment: &str) -> String {
    encode(fragment, |b| {
        b.is_ascii_alphanumeric() || b"!$&'()*+,-./:;=?@[]_~".contains(&b)
    })
}

/// Escapes a query parameter value the way libvirt's
/// `virBufferURIEncodeString` (glib `g_string_append_uri_escaped` with no
/// reserved characters allowed) does: only RFC 3986 `unreserved` characters
/// are kept.
pub(crate) fn encode_param_value(value: &str) -> String {
    encode(value, is_unreserved)
}

fn encode(text: &str, keep: impl Fn(u8) -> bool) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if keep(b) {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}
