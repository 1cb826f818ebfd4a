//! Reading the public C functions out of `libvirt-api.xml`:
//!
//! ```xml
//! <function name='virDomainGetInfo' file='libvirt-domain' module='libvirt-domain' version='0.0.3'>
//!   <info><![CDATA[Extract information about a domain. ...]]></info>
//!   <return type='int' info='0 in case of success and -1 in case of failure.'/>
//!   <arg name='domain' type='virDomainPtr' info='a domain object'/>
//!   <arg name='flags' type='unsigned int' info='bitwise-OR of virDomainXMLFlags'/>
//! </function>
//! ```

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;

use crate::error::{Error, Location};

/// One public C function.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CFunction {
    /// `virDomainGetInfo`
    pub name: String,
    /// Its documentation, whitespace as in the file.
    pub info: String,
    /// The libvirt release that introduced it.
    pub since: String,
    /// Its arguments, in order.
    pub args: Vec<CArg>,
}

/// One argument of a [`CFunction`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CArg {
    /// `flags`
    pub name: String,
    /// `unsigned int`
    pub ty: String,
    /// `bitwise-OR of virDomainXMLFlags`
    pub info: String,
}

/// Reads the `<function>` elements of the API XML `text`, named `file` in
/// errors.
pub fn read(file: &str, text: &str) -> Result<Vec<CFunction>, Error> {
    let mut reader = Reader::from_str(text);
    let mut out = Vec::new();
    let mut open: Option<CFunction> = None;
    let mut in_info = false;
    let syntax = |message: String| Error::syntax(Location::new(file, 0), message);
    loop {
        let event = reader
            .read_event()
            .map_err(|e| syntax(format!("not well-formed XML: {e}")))?;
        match event {
            Event::Start(e) if e.name() == QName(b"function") => {
                open = Some(CFunction {
                    name: attr(&e, "name")
                        .ok_or_else(|| syntax("<function> without a name".into()))?,
                    since: attr(&e, "version").unwrap_or_default(),
                    ..CFunction::default()
                });
            }
            Event::End(e) if e.name() == QName(b"function") => out.extend(open.take()),
            Event::Empty(e) | Event::Start(e) if e.name() == QName(b"arg") => {
                if let Some(f) = &mut open {
                    f.args.push(CArg {
                        name: attr(&e, "name").unwrap_or_default(),
                        ty: attr(&e, "type").unwrap_or_default(),
                        info: attr(&e, "info").unwrap_or_default(),
                    });
                }
            }
            Event::Start(e) if e.name() == QName(b"info") && open.is_some() => in_info = true,
            Event::End(e) if e.name() == QName(b"info") => in_info = false,
            Event::CData(t) if in_info => {
                if let Some(f) = &mut open {
                    f.info.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::Text(t) if in_info => {
                if let Some(f) = &mut open {
                    let text = t.xml10_content().map_err(|e| syntax(e.to_string()))?;
                    f.info.push_str(&text);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    let value = a
        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
        .ok()?;
    Some(value.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_functions_and_their_arguments() {
        let text = "<api><symbols>\
            <function name='virDomainGetXMLDesc' file='libvirt-domain' version='0.0.3'>\
            <info><![CDATA[Provide an XML description.]]></info>\
            <return type='char *' info='the XML'/>\
            <arg name='domain' type='virDomainPtr' info='a domain object'/>\
            <arg name='flags' type='unsigned int' info='bitwise-OR of virDomainXMLFlags'/>\
            </function></symbols></api>";
        let f = read("t.xml", text).unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].name, "virDomainGetXMLDesc");
        assert_eq!(f[0].info, "Provide an XML description.");
        assert_eq!(f[0].args.len(), 2);
        assert_eq!(f[0].args[1].info, "bitwise-OR of virDomainXMLFlags");
    }
}
