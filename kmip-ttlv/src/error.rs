//! Codec errors: what went wrong, and where (byte offset and tag path).

use std::fmt;

use crate::{ItemType, Tag};

/// A decoding or encoding failure with its location.
///
/// The location is the byte offset in the input (binary TTLV, XML or JSON
/// text) and the path of tags from the outermost item to the failing one, so
/// a Result Message can say what was wrong and where:
/// `"invalid length 5 for Integer (expected 4) at offset 0x48 in RequestMessage/BatchItem/RequestPayload/CryptographicLength"`.
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    offset: Option<usize>,
    path: Vec<Tag>,
}

/// What went wrong.
#[derive(Clone, PartialEq, Eq, Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ends inside an item's header.
    TruncatedHeader {
        /// Bytes available for the header.
        available: usize,
    },
    /// The input ends inside an item's value or padding.
    TruncatedValue {
        /// Bytes the length field (plus padding) announced.
        needed: u64,
        /// Bytes left in the enclosing item or input.
        available: usize,
    },
    /// A tag outside `0x42XXXX` and `0x54XXXX`.
    InvalidTag(u32),
    /// A type byte outside `0x01..=0x0B`.
    InvalidItemType(u8),
    /// A fixed-size type whose length field is not its size.
    InvalidLength {
        /// The item type.
        item_type: ItemType,
        /// The length field.
        length: u32,
    },
    /// A Big Integer or Structure length that is not a multiple of 8.
    UnalignedLength {
        /// The item type.
        item_type: ItemType,
        /// The length field.
        length: u32,
    },
    /// Padding bytes that are not zero.
    NonZeroPadding,
    /// A Boolean other than 0 or 1.
    InvalidBoolean(u64),
    /// A Text String that is not UTF-8.
    InvalidUtf8,
    /// A child item that runs past the end of its Structure.
    StructureOverrun {
        /// Bytes the child needs (header, value and padding).
        needed: u64,
        /// Bytes left in the Structure.
        available: usize,
    },
    /// Structures nested deeper than the limit.
    TooDeep {
        /// The configured maximum depth.
        limit: usize,
    },
    /// A message longer than the limit (known from its header).
    MessageTooLarge {
        /// The total length the header announces (header included).
        length: u64,
        /// The configured maximum.
        limit: usize,
    },
    /// A message whose outermost item is not a Structure.
    NotAStructure(ItemType),
    /// Bytes left over after the item.
    TrailingBytes {
        /// How many.
        count: usize,
    },
    /// A value too long to encode (a length over 2^32 - 1).
    ValueTooLong,
    /// Malformed XML or JSON text.
    Syntax(String),
    /// A tag name, type name, enumeration name or mask name that is not known.
    UnknownName {
        /// What kind of name ("tag", "type", "enumeration value", ...).
        what: &'static str,
        /// The name.
        name: String,
    },
    /// A value that cannot be read as its item type.
    InvalidValue {
        /// The item type.
        item_type: ItemType,
        /// The text that was given.
        value: String,
    },
    /// A typed-model field that must be present is missing.
    MissingField(Tag),
    /// A typed-model field has an unexpected item type.
    UnexpectedType {
        /// The type the model expects.
        expected: ItemType,
        /// The type found.
        found: ItemType,
    },
    /// A typed-model field that may appear once appears again, or a field
    /// that the structure does not define.
    UnexpectedField(Tag),
    /// A typed-model value that is out of range or inconsistent.
    InvalidField(String),
}

impl Error {
    /// An error of `kind` at `offset`, with an empty path.
    pub fn new(kind: ErrorKind, offset: Option<usize>) -> Error {
        Error { kind, offset, path: Vec::new() }
    }

    /// An error of `kind` at `offset` inside the item at `path`.
    pub fn at(kind: ErrorKind, offset: Option<usize>, path: &[Tag]) -> Error {
        Error { kind, offset, path: path.to_vec() }
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The byte offset in the input, when known.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The tags from the outermost item to the failing one.
    pub fn path(&self) -> &[Tag] {
        &self.path
    }

    /// Adds an enclosing tag in front of the path (used while unwinding).
    pub fn within(mut self, tag: Tag) -> Error {
        self.path.insert(0, tag);
        self
    }

    /// Sets the offset if none is known yet.
    pub fn with_offset(mut self, offset: usize) -> Error {
        self.offset.get_or_insert(offset);
        self
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::TruncatedHeader { available } => {
                write!(f, "truncated item header: {available} of 8 bytes present")
            }
            ErrorKind::TruncatedValue { needed, available } => {
                write!(f, "truncated value: {needed} bytes announced, {available} present")
            }
            ErrorKind::InvalidTag(tag) => write!(f, "invalid tag 0x{tag:06X} (not 0x42XXXX or 0x54XXXX)"),
            ErrorKind::InvalidItemType(code) => write!(f, "invalid item type 0x{code:02X}"),
            ErrorKind::InvalidLength { item_type, length } => {
                let expected = item_type.fixed_length().unwrap_or_default();
                write!(f, "invalid length {length} for {item_type} (expected {expected})")
            }
            ErrorKind::UnalignedLength { item_type, length } => {
                write!(f, "invalid length {length} for {item_type} (not a multiple of 8)")
            }
            ErrorKind::NonZeroPadding => f.write_str("non-zero padding"),
            ErrorKind::InvalidBoolean(v) => write!(f, "invalid Boolean value 0x{v:016X} (must be 0 or 1)"),
            ErrorKind::InvalidUtf8 => f.write_str("Text String is not valid UTF-8"),
            ErrorKind::StructureOverrun { needed, available } => {
                write!(f, "child item of {needed} bytes overruns its structure ({available} bytes left)")
            }
            ErrorKind::TooDeep { limit } => write!(f, "structures nested deeper than the limit of {limit}"),
            ErrorKind::MessageTooLarge { length, limit } => {
                write!(f, "message of {length} bytes exceeds the maximum message size of {limit} bytes")
            }
            ErrorKind::NotAStructure(t) => write!(f, "message is a {t}, not a Structure"),
            ErrorKind::TrailingBytes { count } => write!(f, "{count} bytes after the end of the item"),
            ErrorKind::ValueTooLong => f.write_str("value too long to encode"),
            ErrorKind::Syntax(msg) => write!(f, "syntax error: {msg}"),
            ErrorKind::UnknownName { what, name } => write!(f, "unknown {what} {name:?}"),
            ErrorKind::InvalidValue { item_type, value } => write!(f, "invalid {item_type} value {value:?}"),
            ErrorKind::MissingField(tag) => write!(f, "missing required field {tag}"),
            ErrorKind::UnexpectedType { expected, found } => write!(f, "has type {found}, expected {expected}"),
            ErrorKind::UnexpectedField(tag) => write!(f, "unexpected field {tag}"),
            ErrorKind::InvalidField(msg) => f.write_str(msg),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.kind)?;
        if let Some(offset) = self.offset {
            write!(f, " at offset 0x{offset:X}")?;
        }
        if !self.path.is_empty() {
            f.write_str(" in ")?;
            for (i, tag) in self.path.iter().enumerate() {
                if i > 0 {
                    f.write_str("/")?;
                }
                write!(f, "{tag}")?;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error({self})")
    }
}

impl std::error::Error for Error {}
