//! Reading the fields of an operation payload by tag, in any order.
//!
//! The envelope ([`super::RequestMessage`]) is read strictly in
//! specification order; payloads are read with [`Fields`], which looks
//! fields up by tag and reports a wrong item type or a repeated
//! single-valued field with the tag path, so an operation can answer
//! Invalid Message or Invalid Field with a useful Result Message.

use bytes::Bytes;

use crate::{Error, ErrorKind, ItemType, Tag, Ttlv, Value};

/// The children of one Structure, looked up by tag.
#[derive(Clone, Copy, Debug)]
pub struct Fields<'a> {
    tag: Tag,
    children: &'a [Ttlv],
}

impl<'a> Fields<'a> {
    /// The fields of `item`, which must be a Structure.
    pub fn of(item: &'a Ttlv) -> Result<Fields<'a>, Error> {
        match &item.value {
            Value::Structure(children) => Ok(Fields { tag: item.tag, children }),
            _ => Err(Error::at(
                ErrorKind::UnexpectedType { expected: ItemType::Structure, found: item.item_type() },
                None,
                &[item.tag],
            )),
        }
    }

    /// The tag of the Structure.
    pub fn tag(&self) -> Tag {
        self.tag
    }

    /// Every child, in order.
    pub fn items(&self) -> &'a [Ttlv] {
        self.children
    }

    /// Every child with tag `tag`, in order.
    pub fn all(&self, tag: Tag) -> impl Iterator<Item = &'a Ttlv> + 'a {
        self.children.iter().filter(move |c| c.tag == tag)
    }

    /// True if a child with tag `tag` is present.
    pub fn has(&self, tag: Tag) -> bool {
        self.children.iter().any(|c| c.tag == tag)
    }

    /// The child with tag `tag`, if present; an error if it appears twice.
    pub fn one(&self, tag: Tag) -> Result<Option<&'a Ttlv>, Error> {
        let mut found = self.all(tag);
        let first = found.next();
        if found.next().is_some() {
            return Err(self.error(tag, ErrorKind::UnexpectedField(tag)));
        }
        Ok(first)
    }

    /// The child with tag `tag`; [`ErrorKind::MissingField`] if absent.
    pub fn required(&self, tag: Tag) -> Result<&'a Ttlv, Error> {
        self.one(tag)?.ok_or_else(|| Error::at(ErrorKind::MissingField(tag), None, &[self.tag]))
    }

    /// The fields of the Structure child `tag`, if present.
    pub fn structure(&self, tag: Tag) -> Result<Option<Fields<'a>>, Error> {
        match self.one(tag)? {
            Some(item) => Fields::of(item).map(Some).map_err(|e| self.nest(e)),
            None => Ok(None),
        }
    }

    /// A Text String child.
    pub fn text(&self, tag: Tag) -> Result<Option<&'a str>, Error> {
        self.typed(tag, ItemType::TextString, |v| v.as_text())
    }

    /// A Byte String child.
    pub fn bytes(&self, tag: Tag) -> Result<Option<&'a Bytes>, Error> {
        self.typed(tag, ItemType::ByteString, Value::as_bytes)
    }

    /// An Integer child.
    pub fn integer(&self, tag: Tag) -> Result<Option<i32>, Error> {
        self.typed(tag, ItemType::Integer, Value::as_integer)
    }

    /// A Long Integer child.
    pub fn long_integer(&self, tag: Tag) -> Result<Option<i64>, Error> {
        self.typed(tag, ItemType::LongInteger, Value::as_long_integer)
    }

    /// An Enumeration child.
    pub fn enumeration(&self, tag: Tag) -> Result<Option<u32>, Error> {
        self.typed(tag, ItemType::Enumeration, Value::as_enumeration)
    }

    /// A Boolean child.
    pub fn boolean(&self, tag: Tag) -> Result<Option<bool>, Error> {
        self.typed(tag, ItemType::Boolean, Value::as_boolean)
    }

    /// A Date-Time child.
    pub fn date_time(&self, tag: Tag) -> Result<Option<i64>, Error> {
        self.typed(tag, ItemType::DateTime, Value::as_date_time)
    }

    /// An Interval child.
    pub fn interval(&self, tag: Tag) -> Result<Option<u32>, Error> {
        self.typed(tag, ItemType::Interval, Value::as_interval)
    }

    /// [`ErrorKind::MissingField`] for `tag`, located at this Structure.
    pub fn missing(&self, tag: Tag) -> Error {
        Error::at(ErrorKind::MissingField(tag), None, &[self.tag])
    }

    fn typed<T>(
        &self,
        tag: Tag,
        expected: ItemType,
        read: impl FnOnce(&'a Value) -> Option<T>,
    ) -> Result<Option<T>, Error> {
        match self.one(tag)? {
            None => Ok(None),
            Some(item) => match read(&item.value) {
                Some(v) => Ok(Some(v)),
                None => Err(self.error(tag, ErrorKind::UnexpectedType { expected, found: item.item_type() })),
            },
        }
    }

    fn error(&self, tag: Tag, kind: ErrorKind) -> Error {
        Error::at(kind, None, &[self.tag, tag])
    }

    fn nest(&self, e: Error) -> Error {
        e.within(self.tag)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload() -> Ttlv {
        Ttlv::structure(
            Tag::REQUEST_PAYLOAD,
            vec![
                Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString("1".into())),
                Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString("State".into())),
                Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString("Name".into())),
                Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Enumeration(3)),
            ],
        )
    }

    #[test]
    fn looks_fields_up_by_tag() {
        let p = payload();
        let f = Fields::of(&p).expect("structure");
        assert_eq!(f.text(Tag::UNIQUE_IDENTIFIER), Ok(Some("1")));
        assert_eq!(f.all(Tag::ATTRIBUTE_NAME).count(), 2);
        assert_eq!(f.text(Tag::OBJECT_TYPE), Ok(None));
        assert!(f.has(Tag::CRYPTOGRAPHIC_LENGTH));
    }

    #[test]
    fn errors_name_the_field() {
        let p = payload();
        let f = Fields::of(&p).expect("structure");
        let err = f.integer(Tag::CRYPTOGRAPHIC_LENGTH).expect_err("wrong type");
        assert_eq!(err.path(), &[Tag::REQUEST_PAYLOAD, Tag::CRYPTOGRAPHIC_LENGTH]);
        assert_eq!(err.to_string(), "has type Enumeration, expected Integer in RequestPayload/CryptographicLength");
        assert!(matches!(
            f.text(Tag::ATTRIBUTE_NAME).map_err(|e| e.kind().clone()),
            Err(ErrorKind::UnexpectedField(_))
        ));
        assert_eq!(
            f.required(Tag::OBJECT_TYPE).map_err(|e| e.kind().clone()),
            Err(ErrorKind::MissingField(Tag::OBJECT_TYPE))
        );
    }
}
