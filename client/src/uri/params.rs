//! Query parameters (`?a=b&c=d`), split exactly as libvirt's
//! `virURIParseParams` (`src/util/viruri.c:59-124`) splits them.

use super::percent;

/// One `name=value` query parameter, percent-decoded.
///
/// Names are compared case-insensitively by libvirt's remote driver; the
/// name is kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UriParam {
    /// The parameter name, decoded.
    pub name: String,
    /// The value, decoded; `""` for a bare `name` or `name=`.
    pub value: String,
}

impl UriParam {
    /// Builds a parameter from a name and a value.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            value: value.into(),
        }
    }

    /// Whether the name equals `name`, ignoring ASCII case (`STRCASEEQ`).
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }
}

/// Splits a raw (still escaped) query into parameters.
///
/// libvirt's rules, kept on purpose:
/// * the separator is `&`; only when no `&` is left in the rest of the query
///   is `;` used, so `a=1;b=2` is two parameters but in `a=1;b=2&c=3` the
///   first value is `1;b=2`;
/// * empty sections (`&&`) are skipped, `=value` (no name) is ignored,
///   `name` and `name=` both mean the value `""`;
/// * the value runs to the separator, so `a=b=c` has the value `b=c`;
/// * repeated names are all kept, in order.
///
/// Returns `Err(())` if a decoded name or value is not UTF-8.
pub(crate) fn parse_query(query: &str) -> Result<Vec<UriParam>, ()> {
    let mut params = Vec::new();
    let mut rest = query;
    while !rest.is_empty() {
        let end = rest
            .find('&')
            .or_else(|| rest.find(';'))
            .unwrap_or(rest.len());
        let section = &rest[..end];
        match section.find('=') {
            _ if section.is_empty() => {}
            Some(0) => {}
            None => params.push(UriParam::new(decode(section)?, "")),
            Some(eq) => params.push(UriParam::new(
                decode(&section[..eq])?,
                decode(&section[eq + 1..])?,
            )),
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    Ok(params)
}

fn decode(raw: &str) -> Result<String, ()> {
    percent::decode(raw).map_err(|_| ())
}
