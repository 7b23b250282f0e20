// Generated — do not edit. Source: kmip-ttlv/spec/*.tsv; regenerate with `cargo run -p kmip-ttlv-gen`.

//! Enumerations and bit masks (KMIP 2.1 §11; 1.x §9.1.3.2–9.1.3.3), as
//! open newtypes with named constants, and the tables the codec uses.

use std::fmt;

use crate::registry::{EnumValue, EnumerationInfo, MaskInfo};
use crate::ProtocolVersion;

/// Result Status (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ResultStatus(pub u32);

impl ResultStatus {
    /// Success (`0x00000000`, KMIP 1.0).
    pub const SUCCESS: ResultStatus = ResultStatus(0x00000000);
    /// Operation Failed (`0x00000001`, KMIP 1.0).
    pub const OPERATION_FAILED: ResultStatus = ResultStatus(0x00000001);
    /// Operation Pending (`0x00000002`, KMIP 1.0).
    pub const OPERATION_PENDING: ResultStatus = ResultStatus(0x00000002);
    /// Operation Undone (`0x00000003`, KMIP 1.0).
    pub const OPERATION_UNDONE: ResultStatus = ResultStatus(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &RESULT_STATUS
    }
}

impl fmt::Debug for ResultStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match RESULT_STATUS.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Result Status table.
pub static RESULT_STATUS: EnumerationInfo = EnumerationInfo {
    name: "ResultStatus",
    spec_name: "Result Status",
    values: &[
        EnumValue { value: 0x00000000, name: "Success", spec_name: "Success", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000001, name: "OperationFailed", spec_name: "Operation Failed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "OperationPending", spec_name: "Operation Pending", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "OperationUndone", spec_name: "Operation Undone", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Cryptographic Usage Mask (mask).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CryptographicUsageMask(pub u32);

impl CryptographicUsageMask {
    /// Sign (`0x00000001`, KMIP 1.0).
    pub const SIGN: CryptographicUsageMask = CryptographicUsageMask(0x00000001);
    /// Verify (`0x00000002`, KMIP 1.0).
    pub const VERIFY: CryptographicUsageMask = CryptographicUsageMask(0x00000002);
    /// Encrypt (`0x00000004`, KMIP 1.0).
    pub const ENCRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00000004);
    /// Decrypt (`0x00000008`, KMIP 1.0).
    pub const DECRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00000008);

    /// The table of bit names.
    pub fn info() -> &'static MaskInfo {
        &CRYPTOGRAPHIC_USAGE_MASK
    }

    /// True if every bit of `other` is set.
    pub const fn contains(self, other: CryptographicUsageMask) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for CryptographicUsageMask {
    type Output = CryptographicUsageMask;

    fn bitor(self, rhs: CryptographicUsageMask) -> CryptographicUsageMask {
        CryptographicUsageMask(self.0 | rhs.0)
    }
}

impl fmt::Debug for CryptographicUsageMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&CRYPTOGRAPHIC_USAGE_MASK.format(self.0, "|"))
    }
}

/// The Cryptographic Usage Mask table.
pub static CRYPTOGRAPHIC_USAGE_MASK: MaskInfo = MaskInfo {
    name: "CryptographicUsageMask",
    spec_name: "Cryptographic Usage Mask",
    bits: &[
        EnumValue { value: 0x00000001, name: "Sign", spec_name: "Sign", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Verify", spec_name: "Verify", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "Encrypt", spec_name: "Encrypt", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "Decrypt", spec_name: "Decrypt", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Every enumeration table.
pub(crate) static ENUMERATIONS: &[&EnumerationInfo] = &[
    &RESULT_STATUS,
];

/// Every mask table.
pub(crate) static MASKS: &[&MaskInfo] = &[
    &CRYPTOGRAPHIC_USAGE_MASK,
];

/// Tag value -> the enumeration table of its Enumeration items, sorted by tag.
pub(crate) static ENUMERATION_TAGS: &[(u32, &EnumerationInfo)] = &[
    (0x42007F, &RESULT_STATUS),
];

/// Tag value -> the mask table of its Integer items, sorted by tag.
pub(crate) static MASK_TAGS: &[(u32, &MaskInfo)] = &[
    (0x42002C, &CRYPTOGRAPHIC_USAGE_MASK),
];
