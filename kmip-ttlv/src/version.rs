//! KMIP protocol versions (KMIP 2.1 §6.1.37 Protocol Version).

use std::fmt;

/// A KMIP protocol version: major and minor number.
///
/// KMIP 2.1 §6.1.37: "Protocol Version Major" and "Protocol Version Minor"
/// are Integers. The major version selects the payload schema (1.x
/// Template-Attribute forms, 2.x Attributes forms); the minor version selects
/// which fields, operations and enumeration values exist.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProtocolVersion {
    /// Protocol Version Major.
    pub major: i32,
    /// Protocol Version Minor.
    pub minor: i32,
}

impl ProtocolVersion {
    /// KMIP 1.0.
    pub const V1_0: ProtocolVersion = ProtocolVersion::new(1, 0);
    /// KMIP 1.1.
    pub const V1_1: ProtocolVersion = ProtocolVersion::new(1, 1);
    /// KMIP 1.2.
    pub const V1_2: ProtocolVersion = ProtocolVersion::new(1, 2);
    /// KMIP 1.3.
    pub const V1_3: ProtocolVersion = ProtocolVersion::new(1, 3);
    /// KMIP 1.4.
    pub const V1_4: ProtocolVersion = ProtocolVersion::new(1, 4);
    /// KMIP 2.0.
    pub const V2_0: ProtocolVersion = ProtocolVersion::new(2, 0);
    /// KMIP 2.1.
    pub const V2_1: ProtocolVersion = ProtocolVersion::new(2, 1);

    /// Every version this crate knows, newest first (the server's preference
    /// order for Discover Versions).
    pub const KNOWN: [ProtocolVersion; 7] = [
        ProtocolVersion::V2_1,
        ProtocolVersion::V2_0,
        ProtocolVersion::V1_4,
        ProtocolVersion::V1_3,
        ProtocolVersion::V1_2,
        ProtocolVersion::V1_1,
        ProtocolVersion::V1_0,
    ];

    /// A version from its two numbers.
    pub const fn new(major: i32, minor: i32) -> ProtocolVersion {
        ProtocolVersion { major, minor }
    }

    /// True for KMIP 2.0 and later (the Attributes / tagged-attribute forms).
    pub const fn is_2x(self) -> bool {
        self.major >= 2
    }
}

impl fmt::Debug for ProtocolVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

impl fmt::Display for ProtocolVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_follows_major_then_minor() {
        assert!(ProtocolVersion::V1_4 < ProtocolVersion::V2_0);
        assert!(ProtocolVersion::V2_0 < ProtocolVersion::V2_1);
        assert!(ProtocolVersion::V1_0 < ProtocolVersion::V1_1);
        assert!(!ProtocolVersion::V1_4.is_2x());
        assert!(ProtocolVersion::V2_0.is_2x());
        assert_eq!(ProtocolVersion::V1_2.to_string(), "1.2");
    }
}
