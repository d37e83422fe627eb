//! XMP metadata (the catalog's /Metadata stream): RDF/XML read into a flat
//! list of properties, each with its namespace, name and values (one for a
//! simple property, several for rdf:Seq/Bag, one per language for rdf:Alt).
//!
//! XMP in the wild is often sloppy (odd prefixes, the shorthand attribute
//! form, entity references, UTF-16, trailing padding); everything here reads
//! namespaces by URI, never by prefix, and a parse error keeps what was read.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const XMP: &str = "http://ns.adobe.com/xap/1.0/";
pub const PDF: &str = "http://ns.adobe.com/pdf/1.3/";
pub const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XML: &str = "http://www.w3.org/XML/1998/namespace";
/// PRISM has had several namespace URIs (1.2, 2.0, 2.1, 3.0); all share this.
pub const PRISM_PREFIX: &str = "http://prismstandard.org/namespaces/";

/// One value of a property, with its language for rdf:Alt items.
#[derive(Debug, Clone, PartialEq)]
pub struct XmpValue {
    pub text: String,
    pub lang: Option<String>,
}

/// One property: `namespace` URI, local `name`, its values in order.
#[derive(Debug, Clone, PartialEq)]
pub struct XmpProperty {
    pub namespace: String,
    pub name: String,
    pub values: Vec<XmpValue>,
}

/// The properties of an XMP packet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Xmp {
    pub properties: Vec<XmpProperty>,
}

impl Xmp {
    /// Read the XMP stream of `doc`'s catalog, if any.
    pub fn read(doc: &lopdf::Document) -> Option<Xmp> {
        let catalog = doc.catalog().ok()?;
        let id = catalog.get(b"Metadata").ok()?.as_reference().ok()?;
        let stream = doc.get_object(id).ok()?.as_stream().ok()?;
        // A metadata packet is a few kilobytes; refuse to inflate a bomb.
        const MAX_XMP: usize = 4 * 1024 * 1024;
        if stream.content.len() > MAX_XMP {
            return None;
        }
        let bytes = if stream.dict.has(b"Filter") {
            stream.decompressed_content().ok()?
        } else {
            stream.content.clone()
        };
        (bytes.len() <= MAX_XMP).then(|| Xmp::parse(&bytes))
    }

    /// Parse an XMP packet. Never fails: malformed XML yields what was read.
    pub fn parse(bytes: &[u8]) -> Xmp {
        let text = decode_packet(bytes);
        let mut reader = NsReader::from_str(&text);
        let mut xmp = Xmp::default();
        let mut stack: Vec<Frame> = Vec::new();
        while let Ok((ns, event)) = reader.read_resolved_event() {
            let namespace = namespace_of(&ns);
            match event {
                Event::Start(start) => {
                    let frame = open_element(&reader, &namespace, &start, &stack, &mut xmp);
                    stack.push(frame);
                }
                Event::Empty(start) => {
                    let frame = open_element(&reader, &namespace, &start, &stack, &mut xmp);
                    close_element(frame, &mut xmp);
                }
                Event::End(_) => {
                    if let Some(frame) = stack.pop() {
                        close_element(frame, &mut xmp);
                    }
                }
                Event::Text(text) => append_text(&mut stack, &text.xml10_content()),
                Event::CData(data) => append_text(&mut stack, &data.into_inner()),
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        _ => predefined_entity(&reference).map(str::to_string),
                    };
                    if let Some(text) = resolved {
                        append_text(&mut stack, &text);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        xmp
    }

    /// The values of property `name` in `namespace`.
    pub fn values(&self, namespace: &str, name: &str) -> &[XmpValue] {
        self.properties
            .iter()
            .find(|p| p.name == name && namespace_matches(&p.namespace, namespace))
            .map(|p| p.values.as_slice())
            .unwrap_or(&[])
    }

    /// The first non-empty value, preferring `x-default` or English for
    /// language alternatives.
    pub fn first(&self, namespace: &str, name: &str) -> Option<&str> {
        let values = self.values(namespace, name);
        let preferred = values
            .iter()
            .find(|v| v.lang.as_deref() == Some("x-default"))
            .or_else(|| {
                values
                    .iter()
                    .find(|v| v.lang.as_deref().is_some_and(|l| l.starts_with("en")))
            })
            .or_else(|| values.first());
        preferred.map(|v| v.text.as_str()).filter(|t| !t.is_empty())
    }

    /// All non-empty values as strings.
    pub fn all(&self, namespace: &str, name: &str) -> Vec<&str> {
        self.values(namespace, name)
            .iter()
            .map(|v| v.text.as_str())
            .filter(|t| !t.is_empty())
            .collect()
    }
}

/// PRISM's namespace URIs differ by version; match them all.
fn namespace_matches(actual: &str, wanted: &str) -> bool {
    actual == wanted || (wanted == PRISM_PREFIX && actual.starts_with(PRISM_PREFIX))
}

/// What the parser remembers about an open element.
#[derive(Debug)]
struct Frame {
    role: Role,
    lang: Option<String>,
    text: String,
}

#[derive(Debug, PartialEq)]
enum Role {
    /// A property element directly under rdf:Description: (namespace, name).
    Property(usize),
    /// rdf:li inside a container of the property at this index.
    Item(usize),
    /// rdf:Description, whose children are properties.
    Description,
    /// Anything else (rdf:RDF, containers, x:xmpmeta, structure fields).
    Other,
}

fn open_element(
    reader: &NsReader<&[u8]>,
    namespace: &str,
    start: &BytesStart,
    stack: &[Frame],
    xmp: &mut Xmp,
) -> Frame {
    let local = start.local_name().as_ref().to_string();
    let lang = attribute(reader, start, XML, "lang");
    let parent_property = stack.iter().rev().find_map(|f| match f.role {
        Role::Property(i) => Some(i),
        _ => None,
    });
    let role = if namespace == RDF {
        if local == "Description" {
            // Shorthand form: properties as attributes of rdf:Description.
            for (ns, name, value) in attributes(reader, start) {
                if ns != RDF && ns != XML && !ns.is_empty() {
                    xmp.properties.push(XmpProperty {
                        namespace: ns,
                        name,
                        values: vec![XmpValue {
                            text: value,
                            lang: None,
                        }],
                    });
                }
            }
        }
        match (local.as_str(), parent_property) {
            ("Description", None) => Role::Description,
            ("li", Some(index)) => Role::Item(index),
            _ => Role::Other,
        }
    } else if !namespace.is_empty() && stack.last().is_some_and(|f| f.role == Role::Description) {
        xmp.properties.push(XmpProperty {
            namespace: namespace.to_string(),
            name: local,
            values: Vec::new(),
        });
        Role::Property(xmp.properties.len() - 1)
    } else {
        Role::Other
    };
    Frame {
        role,
        lang,
        text: String::new(),
    }
}

fn close_element(frame: Frame, xmp: &mut Xmp) {
    let text = frame.text.trim().to_string();
    match frame.role {
        Role::Item(index) => {
            if let Some(property) = xmp.properties.get_mut(index) {
                property.values.push(XmpValue {
                    text,
                    lang: frame.lang,
                });
            }
        }
        Role::Property(index) => {
            if let Some(property) = xmp.properties.get_mut(index)
                && property.values.is_empty()
                && !text.is_empty()
            {
                property.values.push(XmpValue {
                    text,
                    lang: frame.lang,
                });
            }
        }
        // Text directly in a container or structure is not a value.
        Role::Description | Role::Other => {}
    }
}

fn append_text(stack: &mut [Frame], text: &str) {
    if let Some(frame) = stack.last_mut() {
        frame.text.push_str(text);
    }
}

fn predefined_entity(reference: &quick_xml::events::BytesRef) -> Option<&'static str> {
    Some(match reference.as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

fn namespace_of(resolved: &ResolveResult) -> String {
    match resolved {
        ResolveResult::Bound(ns) => ns.as_ref().to_string(),
        _ => String::new(),
    }
}

/// The attributes of `start` as (namespace URI, local name, value).
fn attributes(reader: &NsReader<&[u8]>, start: &BytesStart) -> Vec<(String, String, String)> {
    start
        .attributes()
        .with_checks(false)
        .filter_map(Result::ok)
        .filter_map(|attr| {
            let (ns, local) = reader.resolver().resolve_attribute(attr.key);
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()?
                .trim()
                .to_string();
            Some((namespace_of(&ns), local.as_ref().to_string(), value))
        })
        .collect()
}

fn attribute(
    reader: &NsReader<&[u8]>,
    start: &BytesStart,
    namespace: &str,
    name: &str,
) -> Option<String> {
    attributes(reader, start)
        .into_iter()
        .find(|(ns, local, _)| ns == namespace && local == name)
        .map(|(_, _, value)| value)
}

/// XMP packets are UTF-8, sometimes UTF-16 with a BOM.
fn decode_packet(bytes: &[u8]) -> String {
    let utf16 = |bytes: &[u8], big: bool| {
        let units = bytes.chunks_exact(2).map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units).filter_map(Result::ok).collect()
    };
    match bytes {
        [0xFE, 0xFF, rest @ ..] => utf16(rest, true),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, false),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACKET: &str = r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:d="http://purl.org/dc/elements/1.1/"
     xmlns:pdfx="http://ns.adobe.com/pdf/1.3/" pdfx:Producer="LaTeX &amp; friends">
   <d:title><rdf:Alt>
     <rdf:li xml:lang="fr">Sécurité de l&#x2019;eau</rdf:li>
     <rdf:li xml:lang="x-default">Water Security</rdf:li>
   </rdf:Alt></d:title>
   <d:creator><rdf:Seq><rdf:li>Jane Doe</rdf:li><rdf:li>John Roe</rdf:li></rdf:Seq></d:creator>
   <d:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></d:language>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:prism="http://prismstandard.org/namespaces/basic/3.0/">
   <prism:doi>10.1234/abc.5</prism:doi>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#;

    #[test]
    fn alt_seq_bag_and_shorthand_attributes() {
        let xmp = Xmp::parse(PACKET.as_bytes());
        assert_eq!(xmp.first(DC, "title"), Some("Water Security"));
        assert_eq!(xmp.values(DC, "title")[0].text, "Sécurité de l\u{2019}eau");
        assert_eq!(xmp.all(DC, "creator"), ["Jane Doe", "John Roe"]);
        assert_eq!(xmp.all(DC, "language"), ["en"]);
        assert_eq!(xmp.first(PDF, "Producer"), Some("LaTeX & friends"));
        assert_eq!(xmp.first(PRISM_PREFIX, "doi"), Some("10.1234/abc.5"));
    }

    #[test]
    fn broken_xml_keeps_what_was_read() {
        let cut = &PACKET[..PACKET.find("<d:language>").unwrap_or(PACKET.len())];
        let xmp = Xmp::parse(cut.as_bytes());
        assert_eq!(xmp.all(DC, "creator"), ["Jane Doe", "John Roe"]);
        assert!(Xmp::parse(b"\x00\xff garbage <<<").properties.is_empty());
    }

    #[test]
    fn utf16_packet() {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in PACKET.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(
            Xmp::parse(&bytes).first(DC, "title"),
            Some("Water Security")
        );
    }
}
