//! Walking a Structure's children in specification order, and building one.
//!
//! KMIP 2.1 §9 (1.4 §7) lists the fields of each message structure in a
//! fixed order. [`Reader`] takes them in that order: a field the structure
//! does not define is kept as an [`UnknownField`] at its position, and a
//! field that the structure defines but that shows up after its slot (out of
//! order, or a single-valued field repeated) is an
//! [`ErrorKind::UnexpectedField`]. [`Writer`] puts the unknown fields back at
//! their positions, so decoding and re-encoding a message whose known fields
//! are in specification order reproduces the tree exactly.

use bytes::Bytes;

use crate::{Error, ErrorKind, ItemType, Tag, Ttlv, Value};

/// A child that the structure does not define, kept with its position.
///
/// KMIP 1.4 §11.1 (message-level error handling): a server that
/// receives unknown fields in a higher minor version ignores them, and in the
/// same version answers Invalid Field. The model keeps them so that the
/// server can decide, and so that nothing is lost when a message is
/// re-encoded.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct UnknownField {
    /// The index of the item among its structure's children as decoded.
    /// On encoding, the item is inserted at this index (or appended when the
    /// structure has fewer children).
    pub position: usize,
    /// The item as decoded.
    pub item: Ttlv,
}

/// Reads the children of one Structure in specification order.
///
/// `fields` lists every tag the structure defines, in the order the
/// specification gives; the `required`/`optional`/`repeated` calls must ask
/// for them in that order. Errors from the reader have the structure's tag as
/// their path; errors from a field's conversion get the structure's tag
/// prepended.
pub(crate) struct Reader<'a> {
    tag: Tag,
    children: &'a [Ttlv],
    next: usize,
    fields: &'static [Tag],
    /// The slot of the field asked for last: calls come in specification
    /// order, so the next one is found by searching on from here.
    cursor: usize,
    /// The slot of the child at index `.0`, once looked up.
    next_slot: Option<(usize, Option<usize>)>,
    unknown: Vec<UnknownField>,
}

impl<'a> Reader<'a> {
    /// A reader over `item`, which must have tag `tag` and be a Structure.
    pub(crate) fn new(item: &'a Ttlv, tag: Tag, fields: &'static [Tag]) -> Result<Reader<'a>, Error> {
        if item.tag != tag {
            return Err(Error::new(ErrorKind::UnexpectedField(item.tag), None));
        }
        let children = structure(item)?;
        Ok(Reader { tag, children, next: 0, fields, cursor: 0, next_slot: None, unknown: Vec::new() })
    }

    /// The next child with tag `tag`, converted; `MissingField` if absent.
    pub(crate) fn required<T>(
        &mut self,
        tag: Tag,
        convert: impl FnOnce(&Ttlv) -> Result<T, Error>,
    ) -> Result<T, Error> {
        match self.optional(tag, convert)? {
            Some(value) => Ok(value),
            None => Err(self.error(ErrorKind::MissingField(tag))),
        }
    }

    /// The next child with tag `tag`, converted, if it is there.
    pub(crate) fn optional<T>(
        &mut self,
        tag: Tag,
        convert: impl FnOnce(&Ttlv) -> Result<T, Error>,
    ) -> Result<Option<T>, Error> {
        match self.take(tag)? {
            Some(item) => convert(item).map(Some).map_err(|e| e.within(self.tag)),
            None => Ok(None),
        }
    }

    /// Every consecutive child with tag `tag` (unknown fields may sit in
    /// between), converted.
    pub(crate) fn repeated<T>(
        &mut self,
        tag: Tag,
        mut convert: impl FnMut(&Ttlv) -> Result<T, Error>,
    ) -> Result<Vec<T>, Error> {
        let mut out = Vec::new();
        while let Some(item) = self.take(tag)? {
            out.push(convert(item).map_err(|e| e.within(self.tag))?);
        }
        Ok(out)
    }

    /// Ends the walk: every remaining child must be unknown to the structure.
    /// Returns the unknown fields in order.
    pub(crate) fn finish(mut self) -> Result<Vec<UnknownField>, Error> {
        while let Some(item) = self.children.get(self.next) {
            if self.fields.contains(&item.tag) {
                // Its slot has passed: a repeat, or out of order.
                return Err(self.error(ErrorKind::UnexpectedField(item.tag)));
            }
            self.unknown.push(UnknownField { position: self.next, item: item.clone() });
            self.next += 1;
        }
        Ok(self.unknown)
    }

    /// The next child if it has tag `tag`, after skipping (and keeping)
    /// unknown children. A known child whose slot comes before `tag` is out
    /// of order or repeated.
    fn take(&mut self, tag: Tag) -> Result<Option<&'a Ttlv>, Error> {
        let want = self.slot(tag);
        while let Some(item) = self.children.get(self.next) {
            // The usual case first: the next child is the one asked for.
            if item.tag == tag {
                self.next += 1;
                return Ok(Some(item));
            }
            let Some(slot) = self.next_slot(item.tag) else {
                self.unknown.push(UnknownField { position: self.next, item: item.clone() });
                self.next += 1;
                continue;
            };
            if slot == want {
                self.next += 1;
                return Ok(Some(item));
            }
            if slot < want {
                return Err(self.error(ErrorKind::UnexpectedField(item.tag)));
            }
            return Ok(None);
        }
        Ok(None)
    }

    /// A `MissingField` error for `tag` in this structure (for fields that
    /// must appear at least once).
    pub(crate) fn missing(&self, tag: Tag) -> Error {
        self.error(ErrorKind::MissingField(tag))
    }

    /// The slot of the next child, whose tag is `tag` (remembered while
    /// absent fields are asked for).
    fn next_slot(&mut self, tag: Tag) -> Option<usize> {
        if let Some((at, slot)) = self.next_slot
            && at == self.next
        {
            return slot;
        }
        // At or after the cursor unless out of order (or unknown).
        let from = self.cursor;
        let slot = match self.fields[from..].iter().position(|&t| t == tag) {
            Some(i) => Some(from + i),
            None => self.fields[..from].iter().position(|&t| t == tag),
        };
        self.next_slot = Some((self.next, slot));
        slot
    }

    fn slot(&mut self, tag: Tag) -> usize {
        // The field lists are constants next to the calls; a tag missing from
        // its list is a programming error caught by every unit test.
        debug_assert!(self.fields.contains(&tag), "{tag} not in the field list of {}", self.tag);
        let from = self.cursor.min(self.fields.len());
        let slot = match self.fields[from..].iter().position(|&t| t == tag) {
            Some(i) => from + i,
            None => self.fields.iter().position(|&t| t == tag).unwrap_or(usize::MAX),
        };
        if slot != usize::MAX {
            self.cursor = slot;
        }
        slot
    }

    fn error(&self, kind: ErrorKind) -> Error {
        Error::at(kind, None, &[self.tag])
    }
}

/// Builds a Structure's children in specification order, then puts unknown
/// fields back at their positions.
pub(crate) struct Writer {
    children: Vec<Ttlv>,
}

impl Writer {
    pub(crate) fn new() -> Writer {
        Writer { children: Vec::new() }
    }

    /// Appends an item.
    pub(crate) fn item(&mut self, item: Ttlv) {
        self.children.push(item);
    }

    /// Appends `tag` with `value`.
    pub(crate) fn value(&mut self, tag: Tag, value: Value) {
        self.children.push(Ttlv::new(tag, value));
    }

    /// Appends `tag` with `value(v)` if `v` is present.
    pub(crate) fn optional<T>(&mut self, tag: Tag, v: Option<T>, value: impl FnOnce(T) -> Value) {
        if let Some(v) = v {
            self.value(tag, value(v));
        }
    }

    /// The Structure `tag` with the appended children and `unknown` inserted
    /// at their positions.
    pub(crate) fn finish(mut self, tag: Tag, unknown: &[UnknownField]) -> Ttlv {
        for field in unknown {
            let at = field.position.min(self.children.len());
            self.children.insert(at, field.item.clone());
        }
        Ttlv::structure(tag, self.children)
    }
}

/// The first unknown field of a structure, as an error at `tag`.
pub(crate) fn first_unknown(tag: Tag, unknown: &[UnknownField]) -> Option<Error> {
    unknown.first().map(|f| Error::at(ErrorKind::UnexpectedField(f.item.tag), None, &[tag]))
}

fn unexpected_type(item: &Ttlv, expected: ItemType) -> Error {
    Error::at(ErrorKind::UnexpectedType { expected, found: item.item_type() }, None, &[item.tag])
}

/// The children of a Structure item.
pub(crate) fn structure(item: &Ttlv) -> Result<&[Ttlv], Error> {
    item.children().ok_or_else(|| unexpected_type(item, ItemType::Structure))
}

/// A Structure item, kept whole.
pub(crate) fn any_structure(item: &Ttlv) -> Result<Ttlv, Error> {
    structure(item)?;
    Ok(item.clone())
}

/// The value of an Integer item.
pub(crate) fn integer(item: &Ttlv) -> Result<i32, Error> {
    match item.value {
        Value::Integer(v) => Ok(v),
        _ => Err(unexpected_type(item, ItemType::Integer)),
    }
}

/// The value of an Enumeration item.
pub(crate) fn enumeration(item: &Ttlv) -> Result<u32, Error> {
    match item.value {
        Value::Enumeration(v) => Ok(v),
        _ => Err(unexpected_type(item, ItemType::Enumeration)),
    }
}

/// The value of a Boolean item.
pub(crate) fn boolean(item: &Ttlv) -> Result<bool, Error> {
    match item.value {
        Value::Boolean(v) => Ok(v),
        _ => Err(unexpected_type(item, ItemType::Boolean)),
    }
}

/// The value of a Text String item.
pub(crate) fn text(item: &Ttlv) -> Result<String, Error> {
    match &item.value {
        Value::TextString(v) => Ok(v.clone()),
        _ => Err(unexpected_type(item, ItemType::TextString)),
    }
}

/// The value of a Byte String item.
pub(crate) fn bytes(item: &Ttlv) -> Result<Bytes, Error> {
    match &item.value {
        Value::ByteString(v) => Ok(v.clone()),
        _ => Err(unexpected_type(item, ItemType::ByteString)),
    }
}

/// The value of a Date-Time item (seconds since the epoch).
pub(crate) fn date_time(item: &Ttlv) -> Result<i64, Error> {
    match item.value {
        Value::DateTime(v) => Ok(v),
        _ => Err(unexpected_type(item, ItemType::DateTime)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: &[Tag] = &[Tag::PROTOCOL_VERSION_MAJOR, Tag::PROTOCOL_VERSION_MINOR];

    fn int(tag: Tag, v: i32) -> Ttlv {
        Ttlv::new(tag, Value::Integer(v))
    }

    fn vendor(v: i32) -> Ttlv {
        int(Tag::new(0x540001).expect("extension tag"), v)
    }

    #[test]
    fn unknown_fields_keep_their_positions() {
        let tree = Ttlv::structure(
            Tag::PROTOCOL_VERSION,
            vec![
                vendor(0),
                int(Tag::PROTOCOL_VERSION_MAJOR, 1),
                vendor(1),
                int(Tag::PROTOCOL_VERSION_MINOR, 4),
                vendor(2),
            ],
        );
        let mut r = Reader::new(&tree, Tag::PROTOCOL_VERSION, FIELDS).expect("structure");
        let major = r.required(Tag::PROTOCOL_VERSION_MAJOR, integer).expect("major");
        let minor = r.optional(Tag::PROTOCOL_VERSION_MINOR, integer).expect("minor");
        let unknown = r.finish().expect("finish");
        assert_eq!((major, minor), (1, Some(4)));
        assert_eq!(unknown.iter().map(|f| f.position).collect::<Vec<_>>(), [0, 2, 4]);

        let mut w = Writer::new();
        w.value(Tag::PROTOCOL_VERSION_MAJOR, Value::Integer(major));
        w.optional(Tag::PROTOCOL_VERSION_MINOR, minor, Value::Integer);
        assert_eq!(w.finish(Tag::PROTOCOL_VERSION, &unknown), tree);
    }

    #[test]
    fn repeated_and_out_of_order_fields_are_unexpected() {
        for children in [
            vec![int(Tag::PROTOCOL_VERSION_MAJOR, 1), int(Tag::PROTOCOL_VERSION_MAJOR, 1)],
            vec![int(Tag::PROTOCOL_VERSION_MINOR, 1), int(Tag::PROTOCOL_VERSION_MAJOR, 1)],
        ] {
            let tree = Ttlv::structure(Tag::PROTOCOL_VERSION, children);
            let mut r = Reader::new(&tree, Tag::PROTOCOL_VERSION, FIELDS).expect("structure");
            let result = r
                .optional(Tag::PROTOCOL_VERSION_MAJOR, integer)
                .and_then(|_| r.optional(Tag::PROTOCOL_VERSION_MINOR, integer))
                .and_then(|_| r.finish());
            let e = result.expect_err("must fail");
            assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::PROTOCOL_VERSION_MAJOR));
            assert_eq!(e.path(), [Tag::PROTOCOL_VERSION]);
        }
    }

    #[test]
    fn type_errors_name_the_field() {
        let tree =
            Ttlv::structure(Tag::PROTOCOL_VERSION, vec![Ttlv::new(Tag::PROTOCOL_VERSION_MAJOR, Value::Boolean(true))]);
        let mut r = Reader::new(&tree, Tag::PROTOCOL_VERSION, FIELDS).expect("structure");
        let e = r.required(Tag::PROTOCOL_VERSION_MAJOR, integer).expect_err("type");
        assert_eq!(e.kind(), &ErrorKind::UnexpectedType { expected: ItemType::Integer, found: ItemType::Boolean });
        assert_eq!(e.path(), [Tag::PROTOCOL_VERSION, Tag::PROTOCOL_VERSION_MAJOR]);
        assert_eq!(e.to_string(), "has type Boolean, expected Integer in ProtocolVersion/ProtocolVersionMajor");
    }

    #[test]
    fn missing_and_wrong_outer_tag() {
        let tree = Ttlv::structure(Tag::PROTOCOL_VERSION, vec![]);
        let mut r = Reader::new(&tree, Tag::PROTOCOL_VERSION, FIELDS).expect("structure");
        let e = r.required(Tag::PROTOCOL_VERSION_MAJOR, integer).expect_err("missing");
        assert_eq!(e.to_string(), "missing required field ProtocolVersionMajor in ProtocolVersion");
        let Err(e) = Reader::new(&tree, Tag::REQUEST_HEADER, FIELDS) else { panic!("wrong tag accepted") };
        assert_eq!(e.kind(), &ErrorKind::UnexpectedField(Tag::PROTOCOL_VERSION));
        let not_structure = int(Tag::PROTOCOL_VERSION, 1);
        let Err(e) = Reader::new(&not_structure, Tag::PROTOCOL_VERSION, FIELDS) else { panic!("not a structure") };
        assert_eq!(e.path(), [Tag::PROTOCOL_VERSION]);
    }
}
