//! Reading the enum types and their values out of one libvirt API XML file.
//!
//! libvirt's `scripts/apibuild.py` writes these files from the public
//! headers. This reader keeps only what the enums need:
//!
//! ```xml
//! <typedef name='virDomainState' file='libvirt-domain' type='enum' version='0.0.1'>
//!   <info><![CDATA[A domain may be in different states at a given point in time]]></info>
//! </typedef>
//! <enum name='VIR_DOMAIN_RUNNING' file='libvirt-domain' value='1' value_hex='0x1'
//!       type='virDomainState' version='0.0.1' info='the domain is running'/>
//! <enum name='VIR_DOMAIN_MEM_LIVE' file='libvirt-domain' value='VIR_DOMAIN_AFFECT_LIVE'
//!       type='virDomainMemoryModFlags' version='0.9.0'/>
//! ```
//!
//! `value` is a number or the name of another value; `value_bitshift` is
//! present when the header writes the value as `1 << n`.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use crate::error::{Error, Location};

/// One `<typedef type='enum'>`: a C enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawType {
    /// The C name (`virDomainState`).
    pub name: String,
    /// The header it is declared in, without `.h` (`libvirt-domain`).
    pub header: String,
    /// The libvirt release that introduced it.
    pub since: String,
    /// Its documentation, whitespace as in the file.
    pub info: Option<String>,
    /// Where it is.
    pub location: Location,
}

/// One `<enum>`: a value of a C enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawValue {
    /// The C name (`VIR_DOMAIN_RUNNING`).
    pub name: String,
    /// The C name of its type.
    pub type_name: String,
    /// A decimal number, or the C name of another value.
    pub value: String,
    /// Whether the header writes it as `1 << n`.
    pub bitshift: bool,
    /// The libvirt release that introduced it.
    pub since: String,
    /// Its documentation, whitespace as in the file.
    pub info: Option<String>,
    /// Where it is.
    pub location: Location,
}

/// The enum types and values of one file, in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawApi {
    /// The `<typedef type='enum'>` elements.
    pub types: Vec<RawType>,
    /// The `<enum>` elements.
    pub values: Vec<RawValue>,
}

/// Reads the enum types and values of the API XML `text`, named `file` in
/// errors.
pub fn read(file: &str, text: &str) -> Result<RawApi, Error> {
    let mut reader = Reader::from_str(text);
    let mut lines = LineCounter::new(text);
    let mut api = RawApi::default();
    // The enum typedef whose `<info>` is being read, and whether inside it.
    let mut open_type: Option<RawType> = None;
    let mut in_info = false;
    loop {
        let start = reader.buffer_position();
        let event = reader.read_event().map_err(|e| {
            let at = lines.line_at(usize::try_from(reader.error_position()).unwrap_or(usize::MAX));
            Error::syntax(Location::new(file, at), format!("not well-formed XML: {e}"))
        })?;
        let at = Location::new(
            file,
            lines.line_at(usize::try_from(start).unwrap_or(usize::MAX)),
        );
        match event {
            Event::Empty(e) | Event::Start(e) if e.name() == QName(b"enum") => {
                api.values.push(value(&e, at)?);
            }
            Event::Empty(e) if e.name() == QName(b"typedef") => {
                if let Some(t) = enum_type(&e, at)? {
                    api.types.push(t);
                }
            }
            Event::Start(e) if e.name() == QName(b"typedef") => {
                open_type = enum_type(&e, at)?;
            }
            Event::Start(e) if e.name() == QName(b"info") && open_type.is_some() => {
                in_info = true;
            }
            Event::End(e) if e.name() == QName(b"info") => in_info = false,
            Event::End(e) if e.name() == QName(b"typedef") => {
                api.types.extend(open_type.take());
            }
            Event::CData(t) if in_info => {
                let text = t.xml10_content().map_err(|e| syntax(&at, e))?;
                push_info(&mut open_type, &text);
            }
            Event::Text(t) if in_info => {
                let text = t.xml10_content().map_err(|e| syntax(&at, e))?;
                push_info(&mut open_type, &text);
            }
            Event::GeneralRef(r) if in_info => {
                let name = r.decode().map_err(|e| syntax(&at, e))?;
                let text = quick_xml::escape::resolve_predefined_entity(&name)
                    .ok_or_else(|| syntax(&at, format!("unknown entity &{name};")))?;
                push_info(&mut open_type, text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(api)
}

fn push_info(open_type: &mut Option<RawType>, text: &str) {
    if let Some(t) = open_type {
        t.info.get_or_insert_with(String::new).push_str(text);
    }
}

fn syntax(at: &Location, message: impl std::fmt::Display) -> Error {
    Error::syntax(at.clone(), message.to_string())
}

/// The type a `<typedef>` declares, when it is an enum.
fn enum_type(e: &BytesStart<'_>, at: Location) -> Result<Option<RawType>, Error> {
    if attr(e, "type", &at)?.as_deref() != Some("enum") {
        return Ok(None);
    }
    Ok(Some(RawType {
        name: required(e, "name", &at)?,
        header: required(e, "file", &at)?,
        since: required(e, "version", &at)?,
        info: None,
        location: at,
    }))
}

fn value(e: &BytesStart<'_>, at: Location) -> Result<RawValue, Error> {
    Ok(RawValue {
        name: required(e, "name", &at)?,
        type_name: required(e, "type", &at)?,
        value: required(e, "value", &at)?,
        bitshift: attr(e, "value_bitshift", &at)?.is_some(),
        since: required(e, "version", &at)?,
        info: attr(e, "info", &at)?,
        location: at,
    })
}

fn required(e: &BytesStart<'_>, name: &str, at: &Location) -> Result<String, Error> {
    attr(e, name, at)?.ok_or_else(|| {
        let element = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        syntax(at, format!("<{element}> without the `{name}` attribute"))
    })
}

fn attr(e: &BytesStart<'_>, name: &str, at: &Location) -> Result<Option<String>, Error> {
    let Some(a) = e.try_get_attribute(name).map_err(|err| syntax(at, err))? else {
        return Ok(None);
    };
    let value = a
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .map_err(|err| syntax(at, err))?;
    Ok(Some(value.into_owned()))
}

/// Turns byte offsets, asked for in ascending order, into 1-based lines.
struct LineCounter<'a> {
    text: &'a [u8],
    offset: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    fn line_at(&mut self, offset: usize) -> u32 {
        let offset = offset.min(self.text.len());
        if offset > self.offset {
            let newlines = self.text[self.offset..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line = self
                .line
                .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            self.offset = offset;
        }
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<api name='libvirt'>
  <files>
    <file name='libvirt-domain'>
     <exports symbol='VIR_DOMAIN_RUNNING' type='enum'/>
    </file>
  </files>
  <symbols>
    <enum name='VIR_DOMAIN_LAST' file='libvirt-domain' value='2' value_hex='0x2' type='virDomainState' version='0.0.1'/>
    <enum name='VIR_DOMAIN_RUNNING' file='libvirt-domain' value='1' value_hex='0x1' type='virDomainState' version='0.0.1' info='the domain is
 running &lt;now&gt;'/>
    <enum name='VIR_DOMAIN_AFFECT_LIVE' file='libvirt-domain' value='1' value_hex='0x1' value_bitshift='0' type='virDomainModificationImpact' version='0.9.2'/>
    <typedef name='virDomainModificationImpact' file='libvirt-domain' type='enum' version='0.9.2'/>
    <typedef name='virDomainPtr' file='libvirt-domain' type='virDomain *' version='0.0.1'>
      <info><![CDATA[a pointer]]></info>
    </typedef>
    <typedef name='virDomainState' file='libvirt-domain' type='enum' version='0.0.1'>
      <info><![CDATA[A domain may be in different states]]></info>
    </typedef>
  </symbols>
</api>
"#;

    #[test]
    fn reads_enum_types_and_values() {
        let api = read("t.xml", SAMPLE).unwrap();
        let names: Vec<_> = api.types.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["virDomainModificationImpact", "virDomainState"]);
        let state = &api.types[1];
        assert_eq!(state.header, "libvirt-domain");
        assert_eq!(state.since, "0.0.1");
        assert_eq!(
            state.info.as_deref(),
            Some("A domain may be in different states")
        );
        assert_eq!(state.location, Location::new("t.xml", 17));
        assert_eq!(api.types[0].info, None);

        assert_eq!(api.values.len(), 3);
        let running = &api.values[1];
        assert_eq!(running.name, "VIR_DOMAIN_RUNNING");
        assert_eq!(running.type_name, "virDomainState");
        assert_eq!(running.value, "1");
        assert!(!running.bitshift);
        // Attribute values are unescaped and their newlines normalised.
        assert_eq!(
            running.info.as_deref(),
            Some("the domain is  running <now>")
        );
        assert_eq!(running.location, Location::new("t.xml", 10));
        assert!(api.values[2].bitshift);
        assert_eq!(api.values[0].info, None);
    }

    #[test]
    fn a_missing_attribute_is_an_error_with_its_line() {
        let err = read(
            "t.xml",
            "<api>\n<enum name='A' value='1' version='1'/></api>",
        )
        .unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Syntax);
        assert_eq!(err.location(), Some(&Location::new("t.xml", 2)));
        assert!(err.message().contains("`type`"), "{err}");
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let err = read("t.xml", "<api>\n<symbols>\n</api>").unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Syntax);
        assert!(err.to_string().starts_with("t.xml:"), "{err}");
    }
}
