// Generated — do not edit. Source: kmip-ttlv/spec/*.tsv; regenerate with `cargo run -p kmip-ttlv-gen`.

//! Enumerations and bit masks (KMIP 2.1 §11; 1.x §9.1.3.2–9.1.3.3), as
//! open newtypes with named constants, and the tables the codec uses.

use std::fmt;

use crate::registry::{EnumValue, EnumerationInfo, MaskInfo};
use crate::ProtocolVersion;

/// Adjustment Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AdjustmentType(pub u32);

impl AdjustmentType {
    /// Increment (`0x00000001`, KMIP 2.0).
    pub const INCREMENT: AdjustmentType = AdjustmentType(0x00000001);
    /// Decrement (`0x00000002`, KMIP 2.0).
    pub const DECREMENT: AdjustmentType = AdjustmentType(0x00000002);
    /// Negate (`0x00000003`, KMIP 2.0).
    pub const NEGATE: AdjustmentType = AdjustmentType(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ADJUSTMENT_TYPE
    }
}

impl fmt::Debug for AdjustmentType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ADJUSTMENT_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Adjustment Type table.
pub static ADJUSTMENT_TYPE: EnumerationInfo = EnumerationInfo {
    name: "AdjustmentType",
    spec_name: "Adjustment Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Increment", spec_name: "Increment", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Decrement", spec_name: "Decrement", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Negate", spec_name: "Negate", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Alternative Name Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AlternativeNameType(pub u32);

impl AlternativeNameType {
    /// Uninterpreted Text String (`0x00000001`, KMIP 1.2).
    pub const UNINTERPRETED_TEXT_STRING: AlternativeNameType = AlternativeNameType(0x00000001);
    /// URI (`0x00000002`, KMIP 1.2).
    pub const URI: AlternativeNameType = AlternativeNameType(0x00000002);
    /// Object Serial Number (`0x00000003`, KMIP 1.2).
    pub const OBJECT_SERIAL_NUMBER: AlternativeNameType = AlternativeNameType(0x00000003);
    /// Email Address (`0x00000004`, KMIP 1.2).
    pub const EMAIL_ADDRESS: AlternativeNameType = AlternativeNameType(0x00000004);
    /// DNS Name (`0x00000005`, KMIP 1.2).
    pub const DNS_NAME: AlternativeNameType = AlternativeNameType(0x00000005);
    /// X.500 Distinguished Name (`0x00000006`, KMIP 1.2).
    pub const X_500_DISTINGUISHED_NAME: AlternativeNameType = AlternativeNameType(0x00000006);
    /// IP Address (`0x00000007`, KMIP 1.2).
    pub const IP_ADDRESS: AlternativeNameType = AlternativeNameType(0x00000007);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ALTERNATIVE_NAME_TYPE
    }
}

impl fmt::Debug for AlternativeNameType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ALTERNATIVE_NAME_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Alternative Name Type table.
pub static ALTERNATIVE_NAME_TYPE: EnumerationInfo = EnumerationInfo {
    name: "AlternativeNameType",
    spec_name: "Alternative Name Type",
    values: &[
        EnumValue { value: 0x00000001, name: "UninterpretedTextString", spec_name: "Uninterpreted Text String", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000002, name: "URI", spec_name: "URI", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000003, name: "ObjectSerialNumber", spec_name: "Object Serial Number", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000004, name: "EmailAddress", spec_name: "Email Address", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000005, name: "DNSName", spec_name: "DNS Name", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000006, name: "X_500DistinguishedName", spec_name: "X.500 Distinguished Name", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000007, name: "IPAddress", spec_name: "IP Address", first_version: ProtocolVersion::V1_2, removed_in: None },
    ],
};

/// Asynchronous Indicator (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AsynchronousIndicator(pub u32);

impl AsynchronousIndicator {
    /// Mandatory (`0x00000001`, KMIP 2.0).
    pub const MANDATORY: AsynchronousIndicator = AsynchronousIndicator(0x00000001);
    /// Optional (`0x00000002`, KMIP 2.0).
    pub const OPTIONAL: AsynchronousIndicator = AsynchronousIndicator(0x00000002);
    /// Prohibited (`0x00000003`, KMIP 2.0).
    pub const PROHIBITED: AsynchronousIndicator = AsynchronousIndicator(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ASYNCHRONOUS_INDICATOR
    }
}

impl fmt::Debug for AsynchronousIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ASYNCHRONOUS_INDICATOR.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Asynchronous Indicator table.
pub static ASYNCHRONOUS_INDICATOR: EnumerationInfo = EnumerationInfo {
    name: "AsynchronousIndicator",
    spec_name: "Asynchronous Indicator",
    values: &[
        EnumValue { value: 0x00000001, name: "Mandatory", spec_name: "Mandatory", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Optional", spec_name: "Optional", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Prohibited", spec_name: "Prohibited", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Attestation Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct AttestationType(pub u32);

impl AttestationType {
    /// TPM Quote (`0x00000001`, KMIP 1.2).
    pub const TPM_QUOTE: AttestationType = AttestationType(0x00000001);
    /// TCG Integrity Report (`0x00000002`, KMIP 1.2).
    pub const TCG_INTEGRITY_REPORT: AttestationType = AttestationType(0x00000002);
    /// SAML Assertion (`0x00000003`, KMIP 1.2).
    pub const SAML_ASSERTION: AttestationType = AttestationType(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ATTESTATION_TYPE
    }
}

impl fmt::Debug for AttestationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ATTESTATION_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Attestation Type table.
pub static ATTESTATION_TYPE: EnumerationInfo = EnumerationInfo {
    name: "AttestationType",
    spec_name: "Attestation Type",
    values: &[
        EnumValue { value: 0x00000001, name: "TPMQuote", spec_name: "TPM Quote", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000002, name: "TCGIntegrityReport", spec_name: "TCG Integrity Report", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000003, name: "SAMLAssertion", spec_name: "SAML Assertion", first_version: ProtocolVersion::V1_2, removed_in: None },
    ],
};

/// Batch Error Continuation Option (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct BatchErrorContinuationOption(pub u32);

impl BatchErrorContinuationOption {
    /// Continue (`0x00000001`, KMIP 1.0).
    pub const CONTINUE: BatchErrorContinuationOption = BatchErrorContinuationOption(0x00000001);
    /// Stop (`0x00000002`, KMIP 1.0).
    pub const STOP: BatchErrorContinuationOption = BatchErrorContinuationOption(0x00000002);
    /// Undo (`0x00000003`, KMIP 1.0).
    pub const UNDO: BatchErrorContinuationOption = BatchErrorContinuationOption(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &BATCH_ERROR_CONTINUATION_OPTION
    }
}

impl fmt::Debug for BatchErrorContinuationOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match BATCH_ERROR_CONTINUATION_OPTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Batch Error Continuation Option table.
pub static BATCH_ERROR_CONTINUATION_OPTION: EnumerationInfo = EnumerationInfo {
    name: "BatchErrorContinuationOption",
    spec_name: "Batch Error Continuation Option",
    values: &[
        EnumValue { value: 0x00000001, name: "Continue", spec_name: "Continue", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Stop", spec_name: "Stop", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Undo", spec_name: "Undo", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Block Cipher Mode (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct BlockCipherMode(pub u32);

impl BlockCipherMode {
    /// CBC (`0x00000001`, KMIP 1.0).
    pub const CBC: BlockCipherMode = BlockCipherMode(0x00000001);
    /// ECB (`0x00000002`, KMIP 1.0).
    pub const ECB: BlockCipherMode = BlockCipherMode(0x00000002);
    /// PCBC (`0x00000003`, KMIP 1.0).
    pub const PCBC: BlockCipherMode = BlockCipherMode(0x00000003);
    /// CFB (`0x00000004`, KMIP 1.0).
    pub const CFB: BlockCipherMode = BlockCipherMode(0x00000004);
    /// OFB (`0x00000005`, KMIP 1.0).
    pub const OFB: BlockCipherMode = BlockCipherMode(0x00000005);
    /// CTR (`0x00000006`, KMIP 1.0).
    pub const CTR: BlockCipherMode = BlockCipherMode(0x00000006);
    /// CMAC (`0x00000007`, KMIP 1.0).
    pub const CMAC: BlockCipherMode = BlockCipherMode(0x00000007);
    /// CCM (`0x00000008`, KMIP 1.0).
    pub const CCM: BlockCipherMode = BlockCipherMode(0x00000008);
    /// GCM (`0x00000009`, KMIP 1.0).
    pub const GCM: BlockCipherMode = BlockCipherMode(0x00000009);
    /// CBC-MAC (`0x0000000A`, KMIP 1.0).
    pub const CBC_MAC: BlockCipherMode = BlockCipherMode(0x0000000A);
    /// XTS (`0x0000000B`, KMIP 1.0).
    pub const XTS: BlockCipherMode = BlockCipherMode(0x0000000B);
    /// AESKeyWrapPadding (`0x0000000C`, KMIP 1.0).
    pub const AES_KEY_WRAP_PADDING: BlockCipherMode = BlockCipherMode(0x0000000C);
    /// NISTKeyWrap (`0x0000000D`, KMIP 1.0).
    pub const NIST_KEY_WRAP: BlockCipherMode = BlockCipherMode(0x0000000D);
    /// X9.102 AESKW (`0x0000000E`, KMIP 1.0).
    pub const X9_102_AESKW: BlockCipherMode = BlockCipherMode(0x0000000E);
    /// X9.102 TDKW (`0x0000000F`, KMIP 1.0).
    pub const X9_102_TDKW: BlockCipherMode = BlockCipherMode(0x0000000F);
    /// X9.102 AKW1 (`0x00000010`, KMIP 1.0).
    pub const X9_102_AKW1: BlockCipherMode = BlockCipherMode(0x00000010);
    /// X9.102 AKW2 (`0x00000011`, KMIP 1.0).
    pub const X9_102_AKW2: BlockCipherMode = BlockCipherMode(0x00000011);
    /// AEAD (`0x00000012`, KMIP 1.4).
    pub const AEAD: BlockCipherMode = BlockCipherMode(0x00000012);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &BLOCK_CIPHER_MODE
    }
}

impl fmt::Debug for BlockCipherMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match BLOCK_CIPHER_MODE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Block Cipher Mode table.
pub static BLOCK_CIPHER_MODE: EnumerationInfo = EnumerationInfo {
    name: "BlockCipherMode",
    spec_name: "Block Cipher Mode",
    values: &[
        EnumValue { value: 0x00000001, name: "CBC", spec_name: "CBC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "ECB", spec_name: "ECB", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PCBC", spec_name: "PCBC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "CFB", spec_name: "CFB", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "OFB", spec_name: "OFB", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "CTR", spec_name: "CTR", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "CMAC", spec_name: "CMAC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "CCM", spec_name: "CCM", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "GCM", spec_name: "GCM", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "CBC_MAC", spec_name: "CBC-MAC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "XTS", spec_name: "XTS", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "AESKeyWrapPadding", spec_name: "AESKeyWrapPadding", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "NISTKeyWrap", spec_name: "NISTKeyWrap", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "X9_102AESKW", spec_name: "X9.102 AESKW", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "X9_102TDKW", spec_name: "X9.102 TDKW", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "X9_102AKW1", spec_name: "X9.102 AKW1", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "X9_102AKW2", spec_name: "X9.102 AKW2", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "AEAD", spec_name: "AEAD", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// Cancellation Result (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CancellationResult(pub u32);

impl CancellationResult {
    /// Canceled (`0x00000001`, KMIP 1.0).
    pub const CANCELED: CancellationResult = CancellationResult(0x00000001);
    /// Unable to Cancel (`0x00000002`, KMIP 1.0).
    pub const UNABLE_TO_CANCEL: CancellationResult = CancellationResult(0x00000002);
    /// Completed (`0x00000003`, KMIP 1.0).
    pub const COMPLETED: CancellationResult = CancellationResult(0x00000003);
    /// Failed (`0x00000004`, KMIP 1.0).
    pub const FAILED: CancellationResult = CancellationResult(0x00000004);
    /// Unavailable (`0x00000005`, KMIP 1.0).
    pub const UNAVAILABLE: CancellationResult = CancellationResult(0x00000005);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CANCELLATION_RESULT
    }
}

impl fmt::Debug for CancellationResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CANCELLATION_RESULT.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Cancellation Result table.
pub static CANCELLATION_RESULT: EnumerationInfo = EnumerationInfo {
    name: "CancellationResult",
    spec_name: "Cancellation Result",
    values: &[
        EnumValue { value: 0x00000001, name: "Canceled", spec_name: "Canceled", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "UnableToCancel", spec_name: "Unable to Cancel", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Completed", spec_name: "Completed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "Failed", spec_name: "Failed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "Unavailable", spec_name: "Unavailable", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Certificate Request Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CertificateRequestType(pub u32);

impl CertificateRequestType {
    /// CRMF (`0x00000001`, KMIP 1.0).
    pub const CRMF: CertificateRequestType = CertificateRequestType(0x00000001);
    /// PKCS#10 (`0x00000002`, KMIP 1.0).
    pub const PKCS_10: CertificateRequestType = CertificateRequestType(0x00000002);
    /// PEM (`0x00000003`, KMIP 1.0).
    pub const PEM: CertificateRequestType = CertificateRequestType(0x00000003);
    /// PGP (`0x00000004`, KMIP 1.0, reserved since 2.0).
    pub const PGP: CertificateRequestType = CertificateRequestType(0x00000004);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CERTIFICATE_REQUEST_TYPE
    }
}

impl fmt::Debug for CertificateRequestType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CERTIFICATE_REQUEST_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Certificate Request Type table.
pub static CERTIFICATE_REQUEST_TYPE: EnumerationInfo = EnumerationInfo {
    name: "CertificateRequestType",
    spec_name: "Certificate Request Type",
    values: &[
        EnumValue { value: 0x00000001, name: "CRMF", spec_name: "CRMF", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "PKCS_10", spec_name: "PKCS#10", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PEM", spec_name: "PEM", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "PGP", spec_name: "PGP", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    ],
};

/// Certificate Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CertificateType(pub u32);

impl CertificateType {
    /// X.509 (`0x00000001`, KMIP 1.0).
    pub const X_509: CertificateType = CertificateType(0x00000001);
    /// PGP (`0x00000002`, KMIP 1.0).
    pub const PGP: CertificateType = CertificateType(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CERTIFICATE_TYPE
    }
}

impl fmt::Debug for CertificateType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CERTIFICATE_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Certificate Type table.
pub static CERTIFICATE_TYPE: EnumerationInfo = EnumerationInfo {
    name: "CertificateType",
    spec_name: "Certificate Type",
    values: &[
        EnumValue { value: 0x00000001, name: "X_509", spec_name: "X.509", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "PGP", spec_name: "PGP", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Client Registration Method (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ClientRegistrationMethod(pub u32);

impl ClientRegistrationMethod {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: ClientRegistrationMethod = ClientRegistrationMethod(0x00000001);
    /// Server Pre-Generated (`0x00000002`, KMIP 1.3).
    pub const SERVER_PRE_GENERATED: ClientRegistrationMethod = ClientRegistrationMethod(0x00000002);
    /// Server On-Demand (`0x00000003`, KMIP 1.3).
    pub const SERVER_ON_DEMAND: ClientRegistrationMethod = ClientRegistrationMethod(0x00000003);
    /// Client Generated (`0x00000004`, KMIP 1.3).
    pub const CLIENT_GENERATED: ClientRegistrationMethod = ClientRegistrationMethod(0x00000004);
    /// Client Registered (`0x00000005`, KMIP 1.3).
    pub const CLIENT_REGISTERED: ClientRegistrationMethod = ClientRegistrationMethod(0x00000005);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CLIENT_REGISTRATION_METHOD
    }
}

impl fmt::Debug for ClientRegistrationMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CLIENT_REGISTRATION_METHOD.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Client Registration Method table.
pub static CLIENT_REGISTRATION_METHOD: EnumerationInfo = EnumerationInfo {
    name: "ClientRegistrationMethod",
    spec_name: "Client Registration Method",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "ServerPreGenerated", spec_name: "Server Pre-Generated", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "ServerOnDemand", spec_name: "Server On-Demand", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "ClientGenerated", spec_name: "Client Generated", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "ClientRegistered", spec_name: "Client Registered", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Credential Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CredentialType(pub u32);

impl CredentialType {
    /// Username and Password (`0x00000001`, KMIP 1.0).
    pub const USERNAME_AND_PASSWORD: CredentialType = CredentialType(0x00000001);
    /// Device (`0x00000002`, KMIP 1.1).
    pub const DEVICE: CredentialType = CredentialType(0x00000002);
    /// Attestation (`0x00000003`, KMIP 1.2).
    pub const ATTESTATION: CredentialType = CredentialType(0x00000003);
    /// One Time Password (`0x00000004`, KMIP 2.0).
    pub const ONE_TIME_PASSWORD: CredentialType = CredentialType(0x00000004);
    /// Hashed Password (`0x00000005`, KMIP 2.0).
    pub const HASHED_PASSWORD: CredentialType = CredentialType(0x00000005);
    /// Ticket (`0x00000006`, KMIP 2.0).
    pub const TICKET: CredentialType = CredentialType(0x00000006);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CREDENTIAL_TYPE
    }
}

impl fmt::Debug for CredentialType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CREDENTIAL_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Credential Type table.
pub static CREDENTIAL_TYPE: EnumerationInfo = EnumerationInfo {
    name: "CredentialType",
    spec_name: "Credential Type",
    values: &[
        EnumValue { value: 0x00000001, name: "UsernameAndPassword", spec_name: "Username and Password", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Device", spec_name: "Device", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000003, name: "Attestation", spec_name: "Attestation", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000004, name: "OneTimePassword", spec_name: "One Time Password", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "HashedPassword", spec_name: "Hashed Password", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "Ticket", spec_name: "Ticket", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Cryptographic Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct CryptographicAlgorithm(pub u32);

impl CryptographicAlgorithm {
    /// DES (`0x00000001`, KMIP 1.0).
    pub const DES: CryptographicAlgorithm = CryptographicAlgorithm(0x00000001);
    /// 3DES (`0x00000002`, KMIP 1.0).
    pub const DES3: CryptographicAlgorithm = CryptographicAlgorithm(0x00000002);
    /// AES (`0x00000003`, KMIP 1.0).
    pub const AES: CryptographicAlgorithm = CryptographicAlgorithm(0x00000003);
    /// RSA (`0x00000004`, KMIP 1.0).
    pub const RSA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000004);
    /// DSA (`0x00000005`, KMIP 1.0).
    pub const DSA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000005);
    /// ECDSA (`0x00000006`, KMIP 1.0).
    pub const ECDSA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000006);
    /// HMAC-SHA1 (`0x00000007`, KMIP 1.0).
    pub const HMAC_SHA1: CryptographicAlgorithm = CryptographicAlgorithm(0x00000007);
    /// HMAC-SHA224 (`0x00000008`, KMIP 1.0).
    pub const HMAC_SHA224: CryptographicAlgorithm = CryptographicAlgorithm(0x00000008);
    /// HMAC-SHA256 (`0x00000009`, KMIP 1.0).
    pub const HMAC_SHA256: CryptographicAlgorithm = CryptographicAlgorithm(0x00000009);
    /// HMAC-SHA384 (`0x0000000A`, KMIP 1.0).
    pub const HMAC_SHA384: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000A);
    /// HMAC-SHA512 (`0x0000000B`, KMIP 1.0).
    pub const HMAC_SHA512: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000B);
    /// HMAC-MD5 (`0x0000000C`, KMIP 1.0).
    pub const HMAC_MD5: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000C);
    /// DH (`0x0000000D`, KMIP 1.0).
    pub const DH: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000D);
    /// ECDH (`0x0000000E`, KMIP 1.0).
    pub const ECDH: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000E);
    /// ECMQV (`0x0000000F`, KMIP 1.0).
    pub const ECMQV: CryptographicAlgorithm = CryptographicAlgorithm(0x0000000F);
    /// Blowfish (`0x00000010`, KMIP 1.0).
    pub const BLOWFISH: CryptographicAlgorithm = CryptographicAlgorithm(0x00000010);
    /// Camellia (`0x00000011`, KMIP 1.0).
    pub const CAMELLIA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000011);
    /// CAST5 (`0x00000012`, KMIP 1.0).
    pub const CAST5: CryptographicAlgorithm = CryptographicAlgorithm(0x00000012);
    /// IDEA (`0x00000013`, KMIP 1.0).
    pub const IDEA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000013);
    /// MARS (`0x00000014`, KMIP 1.0).
    pub const MARS: CryptographicAlgorithm = CryptographicAlgorithm(0x00000014);
    /// RC2 (`0x00000015`, KMIP 1.0).
    pub const RC2: CryptographicAlgorithm = CryptographicAlgorithm(0x00000015);
    /// RC4 (`0x00000016`, KMIP 1.0).
    pub const RC4: CryptographicAlgorithm = CryptographicAlgorithm(0x00000016);
    /// RC5 (`0x00000017`, KMIP 1.0).
    pub const RC5: CryptographicAlgorithm = CryptographicAlgorithm(0x00000017);
    /// SKIPJACK (`0x00000018`, KMIP 1.0).
    pub const SKIPJACK: CryptographicAlgorithm = CryptographicAlgorithm(0x00000018);
    /// Twofish (`0x00000019`, KMIP 1.0).
    pub const TWOFISH: CryptographicAlgorithm = CryptographicAlgorithm(0x00000019);
    /// EC (`0x0000001A`, KMIP 1.2).
    pub const EC: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001A);
    /// One Time Pad (`0x0000001B`, KMIP 1.3).
    pub const ONE_TIME_PAD: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001B);
    /// ChaCha20 (`0x0000001C`, KMIP 1.4).
    pub const CHA_CHA20: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001C);
    /// Poly1305 (`0x0000001D`, KMIP 1.4).
    pub const POLY1305: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001D);
    /// ChaCha20Poly1305 (`0x0000001E`, KMIP 1.4).
    pub const CHA_CHA20_POLY1305: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001E);
    /// SHA3-224 (`0x0000001F`, KMIP 1.4).
    pub const SHA3_224: CryptographicAlgorithm = CryptographicAlgorithm(0x0000001F);
    /// SHA3-256 (`0x00000020`, KMIP 1.4).
    pub const SHA3_256: CryptographicAlgorithm = CryptographicAlgorithm(0x00000020);
    /// SHA3-384 (`0x00000021`, KMIP 1.4).
    pub const SHA3_384: CryptographicAlgorithm = CryptographicAlgorithm(0x00000021);
    /// SHA3-512 (`0x00000022`, KMIP 1.4).
    pub const SHA3_512: CryptographicAlgorithm = CryptographicAlgorithm(0x00000022);
    /// HMAC-SHA3-224 (`0x00000023`, KMIP 1.4).
    pub const HMAC_SHA3_224: CryptographicAlgorithm = CryptographicAlgorithm(0x00000023);
    /// HMAC-SHA3-256 (`0x00000024`, KMIP 1.4).
    pub const HMAC_SHA3_256: CryptographicAlgorithm = CryptographicAlgorithm(0x00000024);
    /// HMAC-SHA3-384 (`0x00000025`, KMIP 1.4).
    pub const HMAC_SHA3_384: CryptographicAlgorithm = CryptographicAlgorithm(0x00000025);
    /// HMAC-SHA3-512 (`0x00000026`, KMIP 1.4).
    pub const HMAC_SHA3_512: CryptographicAlgorithm = CryptographicAlgorithm(0x00000026);
    /// SHAKE-128 (`0x00000027`, KMIP 1.4).
    pub const SHAKE_128: CryptographicAlgorithm = CryptographicAlgorithm(0x00000027);
    /// SHAKE-256 (`0x00000028`, KMIP 1.4).
    pub const SHAKE_256: CryptographicAlgorithm = CryptographicAlgorithm(0x00000028);
    /// ARIA (`0x00000029`, KMIP 2.0).
    pub const ARIA: CryptographicAlgorithm = CryptographicAlgorithm(0x00000029);
    /// SEED (`0x0000002A`, KMIP 2.0).
    pub const SEED: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002A);
    /// SM2 (`0x0000002B`, KMIP 2.0).
    pub const SM2: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002B);
    /// SM3 (`0x0000002C`, KMIP 2.0).
    pub const SM3: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002C);
    /// SM4 (`0x0000002D`, KMIP 2.0).
    pub const SM4: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002D);
    /// GOST R 34.10-2012 (`0x0000002E`, KMIP 2.0).
    pub const GOSTR34_10_2012: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002E);
    /// GOST R 34.11-2012 (`0x0000002F`, KMIP 2.0).
    pub const GOSTR34_11_2012: CryptographicAlgorithm = CryptographicAlgorithm(0x0000002F);
    /// GOST R 34.13-2015 (`0x00000030`, KMIP 2.0).
    pub const GOSTR34_13_2015: CryptographicAlgorithm = CryptographicAlgorithm(0x00000030);
    /// GOST 28147-89 (`0x00000031`, KMIP 2.0).
    pub const GOST28147_89: CryptographicAlgorithm = CryptographicAlgorithm(0x00000031);
    /// XMSS (`0x00000032`, KMIP 2.0).
    pub const XMSS: CryptographicAlgorithm = CryptographicAlgorithm(0x00000032);
    /// SPHINCS-256 (`0x00000033`, KMIP 2.0).
    pub const SPHINCS_256: CryptographicAlgorithm = CryptographicAlgorithm(0x00000033);
    /// McEliece (`0x00000034`, KMIP 2.0).
    pub const MC_ELIECE: CryptographicAlgorithm = CryptographicAlgorithm(0x00000034);
    /// McEliece-6960119 (`0x00000035`, KMIP 2.0).
    pub const MC_ELIECE_6960119: CryptographicAlgorithm = CryptographicAlgorithm(0x00000035);
    /// McEliece-8192128 (`0x00000036`, KMIP 2.0).
    pub const MC_ELIECE_8192128: CryptographicAlgorithm = CryptographicAlgorithm(0x00000036);
    /// Ed25519 (`0x00000037`, KMIP 2.0).
    pub const ED25519: CryptographicAlgorithm = CryptographicAlgorithm(0x00000037);
    /// Ed448 (`0x00000038`, KMIP 2.0).
    pub const ED448: CryptographicAlgorithm = CryptographicAlgorithm(0x00000038);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &CRYPTOGRAPHIC_ALGORITHM
    }
}

impl fmt::Debug for CryptographicAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match CRYPTOGRAPHIC_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Cryptographic Algorithm table.
pub static CRYPTOGRAPHIC_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "CryptographicAlgorithm",
    spec_name: "Cryptographic Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "DES", spec_name: "DES", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "DES3", spec_name: "3DES", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "AES", spec_name: "AES", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "RSA", spec_name: "RSA", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "DSA", spec_name: "DSA", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "ECDSA", spec_name: "ECDSA", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "HMAC_SHA1", spec_name: "HMAC-SHA1", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "HMAC_SHA224", spec_name: "HMAC-SHA224", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "HMAC_SHA256", spec_name: "HMAC-SHA256", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "HMAC_SHA384", spec_name: "HMAC-SHA384", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "HMAC_SHA512", spec_name: "HMAC-SHA512", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "HMAC_MD5", spec_name: "HMAC-MD5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "DH", spec_name: "DH", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "ECDH", spec_name: "ECDH", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "ECMQV", spec_name: "ECMQV", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "Blowfish", spec_name: "Blowfish", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "Camellia", spec_name: "Camellia", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "CAST5", spec_name: "CAST5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "IDEA", spec_name: "IDEA", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000014, name: "MARS", spec_name: "MARS", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000015, name: "RC2", spec_name: "RC2", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000016, name: "RC4", spec_name: "RC4", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000017, name: "RC5", spec_name: "RC5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000018, name: "SKIPJACK", spec_name: "SKIPJACK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000019, name: "Twofish", spec_name: "Twofish", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000001A, name: "EC", spec_name: "EC", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001B, name: "OneTimePad", spec_name: "One Time Pad", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x0000001C, name: "ChaCha20", spec_name: "ChaCha20", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000001D, name: "Poly1305", spec_name: "Poly1305", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000001E, name: "ChaCha20Poly1305", spec_name: "ChaCha20Poly1305", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000001F, name: "SHA3_224", spec_name: "SHA3-224", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000020, name: "SHA3_256", spec_name: "SHA3-256", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000021, name: "SHA3_384", spec_name: "SHA3-384", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000022, name: "SHA3_512", spec_name: "SHA3-512", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000023, name: "HMAC_SHA3_224", spec_name: "HMAC-SHA3-224", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000024, name: "HMAC_SHA3_256", spec_name: "HMAC-SHA3-256", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000025, name: "HMAC_SHA3_384", spec_name: "HMAC-SHA3-384", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000026, name: "HMAC_SHA3_512", spec_name: "HMAC-SHA3-512", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000027, name: "SHAKE_128", spec_name: "SHAKE-128", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000028, name: "SHAKE_256", spec_name: "SHAKE-256", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000029, name: "ARIA", spec_name: "ARIA", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002A, name: "SEED", spec_name: "SEED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002B, name: "SM2", spec_name: "SM2", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002C, name: "SM3", spec_name: "SM3", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002D, name: "SM4", spec_name: "SM4", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002E, name: "GOSTR34_10_2012", spec_name: "GOST R 34.10-2012", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002F, name: "GOSTR34_11_2012", spec_name: "GOST R 34.11-2012", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000030, name: "GOSTR34_13_2015", spec_name: "GOST R 34.13-2015", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000031, name: "GOST28147_89", spec_name: "GOST 28147-89", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000032, name: "XMSS", spec_name: "XMSS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000033, name: "SPHINCS_256", spec_name: "SPHINCS-256", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000034, name: "McEliece", spec_name: "McEliece", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000035, name: "McEliece_6960119", spec_name: "McEliece-6960119", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000036, name: "McEliece_8192128", spec_name: "McEliece-8192128", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000037, name: "Ed25519", spec_name: "Ed25519", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000038, name: "Ed448", spec_name: "Ed448", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// DRBG Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DRBGAlgorithm(pub u32);

impl DRBGAlgorithm {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: DRBGAlgorithm = DRBGAlgorithm(0x00000001);
    /// Dual-EC (`0x00000002`, KMIP 1.3).
    pub const DUAL_EC: DRBGAlgorithm = DRBGAlgorithm(0x00000002);
    /// Hash (`0x00000003`, KMIP 1.3).
    pub const HASH: DRBGAlgorithm = DRBGAlgorithm(0x00000003);
    /// HMAC (`0x00000004`, KMIP 1.3).
    pub const HMAC: DRBGAlgorithm = DRBGAlgorithm(0x00000004);
    /// CTR (`0x00000005`, KMIP 1.3).
    pub const CTR: DRBGAlgorithm = DRBGAlgorithm(0x00000005);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &DRBG_ALGORITHM
    }
}

impl fmt::Debug for DRBGAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match DRBG_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The DRBG Algorithm table.
pub static DRBG_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "DRBGAlgorithm",
    spec_name: "DRBG Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "Dual_EC", spec_name: "Dual-EC", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "Hash", spec_name: "Hash", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "HMAC", spec_name: "HMAC", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "CTR", spec_name: "CTR", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Data (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Data(pub u32);

impl Data {
    /// Decrypt (`0x00000001`, KMIP 2.0).
    pub const DECRYPT: Data = Data(0x00000001);
    /// Encrypt (`0x00000002`, KMIP 2.0).
    pub const ENCRYPT: Data = Data(0x00000002);
    /// Hash (`0x00000003`, KMIP 2.0).
    pub const HASH: Data = Data(0x00000003);
    /// MAC MAC Data (`0x00000004`, KMIP 2.0).
    pub const MACMAC_DATA: Data = Data(0x00000004);
    /// RNG Retrieve (`0x00000005`, KMIP 2.0).
    pub const RNG_RETRIEVE: Data = Data(0x00000005);
    /// Sign Signature Data (`0x00000006`, KMIP 2.0).
    pub const SIGN_SIGNATURE_DATA: Data = Data(0x00000006);
    /// Signature Verify (`0x00000007`, KMIP 2.0).
    pub const SIGNATURE_VERIFY: Data = Data(0x00000007);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &DATA
    }
}

impl fmt::Debug for Data {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match DATA.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Data table.
pub static DATA: EnumerationInfo = EnumerationInfo {
    name: "Data",
    spec_name: "Data",
    values: &[
        EnumValue { value: 0x00000001, name: "Decrypt", spec_name: "Decrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Encrypt", spec_name: "Encrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Hash", spec_name: "Hash", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "MACMACData", spec_name: "MAC MAC Data", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "RNGRetrieve", spec_name: "RNG Retrieve", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "SignSignatureData", spec_name: "Sign Signature Data", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "SignatureVerify", spec_name: "Signature Verify", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Derivation Method (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DerivationMethod(pub u32);

impl DerivationMethod {
    /// PBKDF2 (`0x00000001`, KMIP 1.0).
    pub const PBKDF2: DerivationMethod = DerivationMethod(0x00000001);
    /// HASH (`0x00000002`, KMIP 1.0).
    pub const HASH: DerivationMethod = DerivationMethod(0x00000002);
    /// HMAC (`0x00000003`, KMIP 1.0).
    pub const HMAC: DerivationMethod = DerivationMethod(0x00000003);
    /// ENCRYPT (`0x00000004`, KMIP 1.0).
    pub const ENCRYPT: DerivationMethod = DerivationMethod(0x00000004);
    /// NIST800-108-C (`0x00000005`, KMIP 1.0).
    pub const NIST800_108_C: DerivationMethod = DerivationMethod(0x00000005);
    /// NIST800-108-F (`0x00000006`, KMIP 1.0).
    pub const NIST800_108_F: DerivationMethod = DerivationMethod(0x00000006);
    /// NIST800-108-DPI (`0x00000007`, KMIP 1.0).
    pub const NIST800_108_DPI: DerivationMethod = DerivationMethod(0x00000007);
    /// Asymmetric Key (`0x00000008`, KMIP 1.4).
    pub const ASYMMETRIC_KEY: DerivationMethod = DerivationMethod(0x00000008);
    /// AWS Signature Version 4 (`0x00000009`, KMIP 2.0).
    pub const AWS_SIGNATURE_VERSION4: DerivationMethod = DerivationMethod(0x00000009);
    /// HKDF (`0x0000000A`, KMIP 2.0).
    pub const HKDF: DerivationMethod = DerivationMethod(0x0000000A);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &DERIVATION_METHOD
    }
}

impl fmt::Debug for DerivationMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match DERIVATION_METHOD.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Derivation Method table.
pub static DERIVATION_METHOD: EnumerationInfo = EnumerationInfo {
    name: "DerivationMethod",
    spec_name: "Derivation Method",
    values: &[
        EnumValue { value: 0x00000001, name: "PBKDF2", spec_name: "PBKDF2", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "HASH", spec_name: "HASH", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "HMAC", spec_name: "HMAC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "ENCRYPT", spec_name: "ENCRYPT", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "NIST800_108_C", spec_name: "NIST800-108-C", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "NIST800_108_F", spec_name: "NIST800-108-F", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "NIST800_108_DPI", spec_name: "NIST800-108-DPI", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "AsymmetricKey", spec_name: "Asymmetric Key", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000009, name: "AWSSignatureVersion4", spec_name: "AWS Signature Version 4", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "HKDF", spec_name: "HKDF", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Destroy Action (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DestroyAction(pub u32);

impl DestroyAction {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: DestroyAction = DestroyAction(0x00000001);
    /// Key Material Deleted (`0x00000002`, KMIP 1.3).
    pub const KEY_MATERIAL_DELETED: DestroyAction = DestroyAction(0x00000002);
    /// Key Material Shredded (`0x00000003`, KMIP 1.3).
    pub const KEY_MATERIAL_SHREDDED: DestroyAction = DestroyAction(0x00000003);
    /// Meta Data Deleted (`0x00000004`, KMIP 1.3).
    pub const META_DATA_DELETED: DestroyAction = DestroyAction(0x00000004);
    /// Meta Data Shredded (`0x00000005`, KMIP 1.3).
    pub const META_DATA_SHREDDED: DestroyAction = DestroyAction(0x00000005);
    /// Deleted (`0x00000006`, KMIP 1.3).
    pub const DELETED: DestroyAction = DestroyAction(0x00000006);
    /// Shredded (`0x00000007`, KMIP 1.3).
    pub const SHREDDED: DestroyAction = DestroyAction(0x00000007);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &DESTROY_ACTION
    }
}

impl fmt::Debug for DestroyAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match DESTROY_ACTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Destroy Action table.
pub static DESTROY_ACTION: EnumerationInfo = EnumerationInfo {
    name: "DestroyAction",
    spec_name: "Destroy Action",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "KeyMaterialDeleted", spec_name: "Key Material Deleted", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "KeyMaterialShredded", spec_name: "Key Material Shredded", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "MetaDataDeleted", spec_name: "Meta Data Deleted", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "MetaDataShredded", spec_name: "Meta Data Shredded", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000006, name: "Deleted", spec_name: "Deleted", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000007, name: "Shredded", spec_name: "Shredded", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Digital Signature Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DigitalSignatureAlgorithm(pub u32);

impl DigitalSignatureAlgorithm {
    /// MD2 with RSA Encryption (`0x00000001`, KMIP 1.1).
    pub const MD2_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000001);
    /// MD5 with RSA Encryption (`0x00000002`, KMIP 1.1).
    pub const MD5_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000002);
    /// SHA-1 with RSA Encryption (`0x00000003`, KMIP 1.1).
    pub const SHA_1_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000003);
    /// SHA-224 with RSA Encryption (`0x00000004`, KMIP 1.1).
    pub const SHA_224_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000004);
    /// SHA-256 with RSA Encryption (`0x00000005`, KMIP 1.1).
    pub const SHA_256_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000005);
    /// SHA-384 with RSA Encryption (`0x00000006`, KMIP 1.1).
    pub const SHA_384_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000006);
    /// SHA-512 with RSA Encryption (`0x00000007`, KMIP 1.1).
    pub const SHA_512_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000007);
    /// RSASSA-PSS (`0x00000008`, KMIP 1.1).
    pub const RSASSA_PSS: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000008);
    /// DSA with SHA-1 (`0x00000009`, KMIP 1.1).
    pub const DSA_WITH_SHA_1: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000009);
    /// DSA with SHA224 (`0x0000000A`, KMIP 1.1).
    pub const DSA_WITH_SHA224: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000A);
    /// DSA with SHA256 (`0x0000000B`, KMIP 1.1).
    pub const DSA_WITH_SHA256: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000B);
    /// ECDSA with SHA-1 (`0x0000000C`, KMIP 1.1).
    pub const ECDSA_WITH_SHA_1: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000C);
    /// ECDSA with SHA224 (`0x0000000D`, KMIP 1.1).
    pub const ECDSA_WITH_SHA224: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000D);
    /// ECDSA with SHA256 (`0x0000000E`, KMIP 1.1).
    pub const ECDSA_WITH_SHA256: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000E);
    /// ECDSA with SHA384 (`0x0000000F`, KMIP 1.1).
    pub const ECDSA_WITH_SHA384: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x0000000F);
    /// ECDSA with SHA512 (`0x00000010`, KMIP 1.1).
    pub const ECDSA_WITH_SHA512: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000010);
    /// SHA3-256 with RSA Encryption (`0x00000011`, KMIP 1.4).
    pub const SHA3_256_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000011);
    /// SHA3-384 with RSA Encryption (`0x00000012`, KMIP 1.4).
    pub const SHA3_384_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000012);
    /// SHA3-512 with RSA Encryption (`0x00000013`, KMIP 1.4).
    pub const SHA3_512_WITH_RSA_ENCRYPTION: DigitalSignatureAlgorithm = DigitalSignatureAlgorithm(0x00000013);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &DIGITAL_SIGNATURE_ALGORITHM
    }
}

impl fmt::Debug for DigitalSignatureAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match DIGITAL_SIGNATURE_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Digital Signature Algorithm table.
pub static DIGITAL_SIGNATURE_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "DigitalSignatureAlgorithm",
    spec_name: "Digital Signature Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "MD2WithRSAEncryption", spec_name: "MD2 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000002, name: "MD5WithRSAEncryption", spec_name: "MD5 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000003, name: "SHA_1WithRSAEncryption", spec_name: "SHA-1 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000004, name: "SHA_224WithRSAEncryption", spec_name: "SHA-224 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000005, name: "SHA_256WithRSAEncryption", spec_name: "SHA-256 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000006, name: "SHA_384WithRSAEncryption", spec_name: "SHA-384 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000007, name: "SHA_512WithRSAEncryption", spec_name: "SHA-512 with RSA Encryption", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000008, name: "RSASSA_PSS", spec_name: "RSASSA-PSS", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000009, name: "DSAWithSHA_1", spec_name: "DSA with SHA-1", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000A, name: "DSAWithSHA224", spec_name: "DSA with SHA224", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000B, name: "DSAWithSHA256", spec_name: "DSA with SHA256", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000C, name: "ECDSAWithSHA_1", spec_name: "ECDSA with SHA-1", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000D, name: "ECDSAWithSHA224", spec_name: "ECDSA with SHA224", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000E, name: "ECDSAWithSHA256", spec_name: "ECDSA with SHA256", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000000F, name: "ECDSAWithSHA384", spec_name: "ECDSA with SHA384", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000010, name: "ECDSAWithSHA512", spec_name: "ECDSA with SHA512", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000011, name: "SHA3_256WithRSAEncryption", spec_name: "SHA3-256 with RSA Encryption", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000012, name: "SHA3_384WithRSAEncryption", spec_name: "SHA3-384 with RSA Encryption", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000013, name: "SHA3_512WithRSAEncryption", spec_name: "SHA3-512 with RSA Encryption", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// Encoding Option (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct EncodingOption(pub u32);

impl EncodingOption {
    /// No Encoding (`0x00000001`, KMIP 1.1).
    pub const NO_ENCODING: EncodingOption = EncodingOption(0x00000001);
    /// TTLV Encoding (`0x00000002`, KMIP 1.1).
    pub const TTLV_ENCODING: EncodingOption = EncodingOption(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ENCODING_OPTION
    }
}

impl fmt::Debug for EncodingOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ENCODING_OPTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Encoding Option table.
pub static ENCODING_OPTION: EnumerationInfo = EnumerationInfo {
    name: "EncodingOption",
    spec_name: "Encoding Option",
    values: &[
        EnumValue { value: 0x00000001, name: "NoEncoding", spec_name: "No Encoding", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000002, name: "TTLVEncoding", spec_name: "TTLV Encoding", first_version: ProtocolVersion::V1_1, removed_in: None },
    ],
};

/// Endpoint Role (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct EndpointRole(pub u32);

impl EndpointRole {
    /// Client (`0x00000001`, KMIP 2.0).
    pub const CLIENT: EndpointRole = EndpointRole(0x00000001);
    /// Server (`0x00000002`, KMIP 2.0).
    pub const SERVER: EndpointRole = EndpointRole(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ENDPOINT_ROLE
    }
}

impl fmt::Debug for EndpointRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ENDPOINT_ROLE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Endpoint Role table.
pub static ENDPOINT_ROLE: EnumerationInfo = EnumerationInfo {
    name: "EndpointRole",
    spec_name: "Endpoint Role",
    values: &[
        EnumValue { value: 0x00000001, name: "Client", spec_name: "Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Server", spec_name: "Server", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// FIPS186 Variation (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FIPS186Variation(pub u32);

impl FIPS186Variation {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: FIPS186Variation = FIPS186Variation(0x00000001);
    /// GP x-Original (`0x00000002`, KMIP 1.3).
    pub const GPX_ORIGINAL: FIPS186Variation = FIPS186Variation(0x00000002);
    /// GP x-Change Notice (`0x00000003`, KMIP 1.3).
    pub const GPX_CHANGE_NOTICE: FIPS186Variation = FIPS186Variation(0x00000003);
    /// x-Original (`0x00000004`, KMIP 1.3).
    pub const X_ORIGINAL: FIPS186Variation = FIPS186Variation(0x00000004);
    /// x-Change Notice (`0x00000005`, KMIP 1.3).
    pub const X_CHANGE_NOTICE: FIPS186Variation = FIPS186Variation(0x00000005);
    /// k-Original (`0x00000006`, KMIP 1.3).
    pub const K_ORIGINAL: FIPS186Variation = FIPS186Variation(0x00000006);
    /// k-Change Notice (`0x00000007`, KMIP 1.3).
    pub const K_CHANGE_NOTICE: FIPS186Variation = FIPS186Variation(0x00000007);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &FIPS186_VARIATION
    }
}

impl fmt::Debug for FIPS186Variation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match FIPS186_VARIATION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The FIPS186 Variation table.
pub static FIPS186_VARIATION: EnumerationInfo = EnumerationInfo {
    name: "FIPS186Variation",
    spec_name: "FIPS186 Variation",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "GPXOriginal", spec_name: "GP x-Original", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "GPXChangeNotice", spec_name: "GP x-Change Notice", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "XOriginal", spec_name: "x-Original", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "XChangeNotice", spec_name: "x-Change Notice", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000006, name: "KOriginal", spec_name: "k-Original", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000007, name: "KChangeNotice", spec_name: "k-Change Notice", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Hashing Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct HashingAlgorithm(pub u32);

impl HashingAlgorithm {
    /// MD2 (`0x00000001`, KMIP 1.0).
    pub const MD2: HashingAlgorithm = HashingAlgorithm(0x00000001);
    /// MD4 (`0x00000002`, KMIP 1.0).
    pub const MD4: HashingAlgorithm = HashingAlgorithm(0x00000002);
    /// MD5 (`0x00000003`, KMIP 1.0).
    pub const MD5: HashingAlgorithm = HashingAlgorithm(0x00000003);
    /// SHA-1 (`0x00000004`, KMIP 1.0).
    pub const SHA_1: HashingAlgorithm = HashingAlgorithm(0x00000004);
    /// SHA-224 (`0x00000005`, KMIP 1.0).
    pub const SHA_224: HashingAlgorithm = HashingAlgorithm(0x00000005);
    /// SHA-256 (`0x00000006`, KMIP 1.0).
    pub const SHA_256: HashingAlgorithm = HashingAlgorithm(0x00000006);
    /// SHA-384 (`0x00000007`, KMIP 1.0).
    pub const SHA_384: HashingAlgorithm = HashingAlgorithm(0x00000007);
    /// SHA-512 (`0x00000008`, KMIP 1.0).
    pub const SHA_512: HashingAlgorithm = HashingAlgorithm(0x00000008);
    /// RIPEMD-160 (`0x00000009`, KMIP 1.0).
    pub const RIPEMD_160: HashingAlgorithm = HashingAlgorithm(0x00000009);
    /// Tiger (`0x0000000A`, KMIP 1.0).
    pub const TIGER: HashingAlgorithm = HashingAlgorithm(0x0000000A);
    /// Whirlpool (`0x0000000B`, KMIP 1.0).
    pub const WHIRLPOOL: HashingAlgorithm = HashingAlgorithm(0x0000000B);
    /// SHA-512/224 (`0x0000000C`, KMIP 1.2).
    pub const SHA_512_224: HashingAlgorithm = HashingAlgorithm(0x0000000C);
    /// SHA-512/256 (`0x0000000D`, KMIP 1.2).
    pub const SHA_512_256: HashingAlgorithm = HashingAlgorithm(0x0000000D);
    /// SHA-3-224 (`0x0000000E`, KMIP 1.4).
    pub const SHA_3_224: HashingAlgorithm = HashingAlgorithm(0x0000000E);
    /// SHA-3-256 (`0x0000000F`, KMIP 1.4).
    pub const SHA_3_256: HashingAlgorithm = HashingAlgorithm(0x0000000F);
    /// SHA-3-384 (`0x00000010`, KMIP 1.4).
    pub const SHA_3_384: HashingAlgorithm = HashingAlgorithm(0x00000010);
    /// SHA-3-512 (`0x00000011`, KMIP 1.4).
    pub const SHA_3_512: HashingAlgorithm = HashingAlgorithm(0x00000011);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &HASHING_ALGORITHM
    }
}

impl fmt::Debug for HashingAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match HASHING_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Hashing Algorithm table.
pub static HASHING_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "HashingAlgorithm",
    spec_name: "Hashing Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "MD2", spec_name: "MD2", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "MD4", spec_name: "MD4", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "MD5", spec_name: "MD5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "SHA_1", spec_name: "SHA-1", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "SHA_224", spec_name: "SHA-224", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "SHA_256", spec_name: "SHA-256", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "SHA_384", spec_name: "SHA-384", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "SHA_512", spec_name: "SHA-512", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "RIPEMD_160", spec_name: "RIPEMD-160", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "Tiger", spec_name: "Tiger", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "Whirlpool", spec_name: "Whirlpool", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "SHA_512_224", spec_name: "SHA-512/224", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000000D, name: "SHA_512_256", spec_name: "SHA-512/256", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000000E, name: "SHA_3_224", spec_name: "SHA-3-224", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000000F, name: "SHA_3_256", spec_name: "SHA-3-256", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000010, name: "SHA_3_384", spec_name: "SHA-3-384", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000011, name: "SHA_3_512", spec_name: "SHA-3-512", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// Interop Function (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct InteropFunction(pub u32);

impl InteropFunction {
    /// Begin (`0x00000001`, KMIP 2.0).
    pub const BEGIN: InteropFunction = InteropFunction(0x00000001);
    /// End (`0x00000002`, KMIP 2.0).
    pub const END: InteropFunction = InteropFunction(0x00000002);
    /// Reset (`0x00000003`, KMIP 2.0).
    pub const RESET: InteropFunction = InteropFunction(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &INTEROP_FUNCTION
    }
}

impl fmt::Debug for InteropFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match INTEROP_FUNCTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Interop Function table.
pub static INTEROP_FUNCTION: EnumerationInfo = EnumerationInfo {
    name: "InteropFunction",
    spec_name: "Interop Function",
    values: &[
        EnumValue { value: 0x00000001, name: "Begin", spec_name: "Begin", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "End", spec_name: "End", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Reset", spec_name: "Reset", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Item Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ItemType(pub u32);

impl ItemType {
    /// Structure (`0x00000001`, KMIP 1.0).
    pub const STRUCTURE: ItemType = ItemType(0x00000001);
    /// Integer (`0x00000002`, KMIP 1.0).
    pub const INTEGER: ItemType = ItemType(0x00000002);
    /// Long Integer (`0x00000003`, KMIP 1.0).
    pub const LONG_INTEGER: ItemType = ItemType(0x00000003);
    /// Big Integer (`0x00000004`, KMIP 1.0).
    pub const BIG_INTEGER: ItemType = ItemType(0x00000004);
    /// Enumeration (`0x00000005`, KMIP 1.0).
    pub const ENUMERATION: ItemType = ItemType(0x00000005);
    /// Boolean (`0x00000006`, KMIP 1.0).
    pub const BOOLEAN: ItemType = ItemType(0x00000006);
    /// Text String (`0x00000007`, KMIP 1.0).
    pub const TEXT_STRING: ItemType = ItemType(0x00000007);
    /// Byte String (`0x00000008`, KMIP 1.0).
    pub const BYTE_STRING: ItemType = ItemType(0x00000008);
    /// Date Time (`0x00000009`, KMIP 1.0).
    pub const DATE_TIME: ItemType = ItemType(0x00000009);
    /// Interval (`0x0000000A`, KMIP 1.0).
    pub const INTERVAL: ItemType = ItemType(0x0000000A);
    /// Date Time Extended (`0x0000000B`, KMIP 2.0).
    pub const DATE_TIME_EXTENDED: ItemType = ItemType(0x0000000B);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &ITEM_TYPE
    }
}

impl fmt::Debug for ItemType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match ITEM_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Item Type table.
pub static ITEM_TYPE: EnumerationInfo = EnumerationInfo {
    name: "ItemType",
    spec_name: "Item Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Structure", spec_name: "Structure", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Integer", spec_name: "Integer", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "LongInteger", spec_name: "Long Integer", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "BigInteger", spec_name: "Big Integer", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "Enumeration", spec_name: "Enumeration", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "Boolean", spec_name: "Boolean", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "TextString", spec_name: "Text String", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "ByteString", spec_name: "Byte String", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "DateTime", spec_name: "Date Time", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "Interval", spec_name: "Interval", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "DateTimeExtended", spec_name: "Date Time Extended", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Key Compression Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct KeyCompressionType(pub u32);

impl KeyCompressionType {
    /// EC Public Key Type Uncompressed (`0x00000001`, KMIP 1.0).
    pub const EC_PUBLIC_KEY_TYPE_UNCOMPRESSED: KeyCompressionType = KeyCompressionType(0x00000001);
    /// EC Public Key Type X9.62 Compressed Prime (`0x00000002`, KMIP 1.0).
    pub const EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_PRIME: KeyCompressionType = KeyCompressionType(0x00000002);
    /// EC Public Key Type X9.62 Compressed Char2 (`0x00000003`, KMIP 1.0).
    pub const EC_PUBLIC_KEY_TYPE_X9_62_COMPRESSED_CHAR2: KeyCompressionType = KeyCompressionType(0x00000003);
    /// EC Public Key Type X9.62 Hybrid (`0x00000004`, KMIP 1.0).
    pub const EC_PUBLIC_KEY_TYPE_X9_62_HYBRID: KeyCompressionType = KeyCompressionType(0x00000004);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &KEY_COMPRESSION_TYPE
    }
}

impl fmt::Debug for KeyCompressionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match KEY_COMPRESSION_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Key Compression Type table.
pub static KEY_COMPRESSION_TYPE: EnumerationInfo = EnumerationInfo {
    name: "KeyCompressionType",
    spec_name: "Key Compression Type",
    values: &[
        EnumValue { value: 0x00000001, name: "ECPublicKeyTypeUncompressed", spec_name: "EC Public Key Type Uncompressed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "ECPublicKeyTypeX9_62CompressedPrime", spec_name: "EC Public Key Type X9.62 Compressed Prime", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "ECPublicKeyTypeX9_62CompressedChar2", spec_name: "EC Public Key Type X9.62 Compressed Char2", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "ECPublicKeyTypeX9_62Hybrid", spec_name: "EC Public Key Type X9.62 Hybrid", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Key Format Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct KeyFormatType(pub u32);

impl KeyFormatType {
    /// Raw (`0x00000001`, KMIP 1.0).
    pub const RAW: KeyFormatType = KeyFormatType(0x00000001);
    /// Opaque (`0x00000002`, KMIP 1.0).
    pub const OPAQUE: KeyFormatType = KeyFormatType(0x00000002);
    /// PKCS#1 (`0x00000003`, KMIP 1.0).
    pub const PKCS_1: KeyFormatType = KeyFormatType(0x00000003);
    /// PKCS#8 (`0x00000004`, KMIP 1.0).
    pub const PKCS_8: KeyFormatType = KeyFormatType(0x00000004);
    /// X.509 (`0x00000005`, KMIP 1.0).
    pub const X_509: KeyFormatType = KeyFormatType(0x00000005);
    /// ECPrivateKey (`0x00000006`, KMIP 1.0).
    pub const EC_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x00000006);
    /// Transparent Symmetric Key (`0x00000007`, KMIP 1.0).
    pub const TRANSPARENT_SYMMETRIC_KEY: KeyFormatType = KeyFormatType(0x00000007);
    /// Transparent DSA Private Key (`0x00000008`, KMIP 1.0).
    pub const TRANSPARENT_DSA_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x00000008);
    /// Transparent DSA Public Key (`0x00000009`, KMIP 1.0).
    pub const TRANSPARENT_DSA_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x00000009);
    /// Transparent RSA Private Key (`0x0000000A`, KMIP 1.0).
    pub const TRANSPARENT_RSA_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x0000000A);
    /// Transparent RSA Public Key (`0x0000000B`, KMIP 1.0).
    pub const TRANSPARENT_RSA_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x0000000B);
    /// Transparent DH Private Key (`0x0000000C`, KMIP 1.0).
    pub const TRANSPARENT_DH_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x0000000C);
    /// Transparent DH Public Key (`0x0000000D`, KMIP 1.0).
    pub const TRANSPARENT_DH_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x0000000D);
    /// Transparent ECDSA Private Key (`0x0000000E`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECDSA_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x0000000E);
    /// Transparent ECDSA Public Key (`0x0000000F`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECDSA_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x0000000F);
    /// Transparent ECDH Private Key (`0x00000010`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECDH_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x00000010);
    /// Transparent ECDH Public Key (`0x00000011`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECDH_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x00000011);
    /// Transparent ECMQV Private Key (`0x00000012`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECMQV_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x00000012);
    /// Transparent ECMQV Public Key (`0x00000013`, KMIP 1.0, reserved since 2.0).
    pub const TRANSPARENT_ECMQV_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x00000013);
    /// Transparent EC Private Key (`0x00000014`, KMIP 1.3).
    pub const TRANSPARENT_EC_PRIVATE_KEY: KeyFormatType = KeyFormatType(0x00000014);
    /// Transparent EC Public Key (`0x00000015`, KMIP 1.3).
    pub const TRANSPARENT_EC_PUBLIC_KEY: KeyFormatType = KeyFormatType(0x00000015);
    /// PKCS#12 (`0x00000016`, KMIP 1.4).
    pub const PKCS_12: KeyFormatType = KeyFormatType(0x00000016);
    /// PKCS#10 (`0x00000017`, KMIP 2.0).
    pub const PKCS_10: KeyFormatType = KeyFormatType(0x00000017);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &KEY_FORMAT_TYPE
    }
}

impl fmt::Debug for KeyFormatType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match KEY_FORMAT_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Key Format Type table.
pub static KEY_FORMAT_TYPE: EnumerationInfo = EnumerationInfo {
    name: "KeyFormatType",
    spec_name: "Key Format Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Raw", spec_name: "Raw", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Opaque", spec_name: "Opaque", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PKCS_1", spec_name: "PKCS#1", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "PKCS_8", spec_name: "PKCS#8", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "X_509", spec_name: "X.509", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "ECPrivateKey", spec_name: "ECPrivateKey", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "TransparentSymmetricKey", spec_name: "Transparent Symmetric Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "TransparentDSAPrivateKey", spec_name: "Transparent DSA Private Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "TransparentDSAPublicKey", spec_name: "Transparent DSA Public Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "TransparentRSAPrivateKey", spec_name: "Transparent RSA Private Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "TransparentRSAPublicKey", spec_name: "Transparent RSA Public Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "TransparentDHPrivateKey", spec_name: "Transparent DH Private Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "TransparentDHPublicKey", spec_name: "Transparent DH Public Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "TransparentECDSAPrivateKey", spec_name: "Transparent ECDSA Private Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000F, name: "TransparentECDSAPublicKey", spec_name: "Transparent ECDSA Public Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000010, name: "TransparentECDHPrivateKey", spec_name: "Transparent ECDH Private Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000011, name: "TransparentECDHPublicKey", spec_name: "Transparent ECDH Public Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000012, name: "TransparentECMQVPrivateKey", spec_name: "Transparent ECMQV Private Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000013, name: "TransparentECMQVPublicKey", spec_name: "Transparent ECMQV Public Key", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000014, name: "TransparentECPrivateKey", spec_name: "Transparent EC Private Key", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000015, name: "TransparentECPublicKey", spec_name: "Transparent EC Public Key", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000016, name: "PKCS_12", spec_name: "PKCS#12", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000017, name: "PKCS_10", spec_name: "PKCS#10", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Key Role Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct KeyRoleType(pub u32);

impl KeyRoleType {
    /// BDK (`0x00000001`, KMIP 1.0).
    pub const BDK: KeyRoleType = KeyRoleType(0x00000001);
    /// CVK (`0x00000002`, KMIP 1.0).
    pub const CVK: KeyRoleType = KeyRoleType(0x00000002);
    /// DEK (`0x00000003`, KMIP 1.0).
    pub const DEK: KeyRoleType = KeyRoleType(0x00000003);
    /// MKAC (`0x00000004`, KMIP 1.0).
    pub const MKAC: KeyRoleType = KeyRoleType(0x00000004);
    /// MKSMC (`0x00000005`, KMIP 1.0).
    pub const MKSMC: KeyRoleType = KeyRoleType(0x00000005);
    /// MKSMI (`0x00000006`, KMIP 1.0).
    pub const MKSMI: KeyRoleType = KeyRoleType(0x00000006);
    /// MKDAC (`0x00000007`, KMIP 1.0).
    pub const MKDAC: KeyRoleType = KeyRoleType(0x00000007);
    /// MKDN (`0x00000008`, KMIP 1.0).
    pub const MKDN: KeyRoleType = KeyRoleType(0x00000008);
    /// MKCP (`0x00000009`, KMIP 1.0).
    pub const MKCP: KeyRoleType = KeyRoleType(0x00000009);
    /// MKOTH (`0x0000000A`, KMIP 1.0).
    pub const MKOTH: KeyRoleType = KeyRoleType(0x0000000A);
    /// KEK (`0x0000000B`, KMIP 1.0).
    pub const KEK: KeyRoleType = KeyRoleType(0x0000000B);
    /// MAC16609 (`0x0000000C`, KMIP 1.0).
    pub const MAC16609: KeyRoleType = KeyRoleType(0x0000000C);
    /// MAC97971 (`0x0000000D`, KMIP 1.0).
    pub const MAC97971: KeyRoleType = KeyRoleType(0x0000000D);
    /// MAC97972 (`0x0000000E`, KMIP 1.0).
    pub const MAC97972: KeyRoleType = KeyRoleType(0x0000000E);
    /// MAC97973 (`0x0000000F`, KMIP 1.0).
    pub const MAC97973: KeyRoleType = KeyRoleType(0x0000000F);
    /// MAC97974 (`0x00000010`, KMIP 1.0).
    pub const MAC97974: KeyRoleType = KeyRoleType(0x00000010);
    /// MAC97975 (`0x00000011`, KMIP 1.0).
    pub const MAC97975: KeyRoleType = KeyRoleType(0x00000011);
    /// ZPK (`0x00000012`, KMIP 1.0).
    pub const ZPK: KeyRoleType = KeyRoleType(0x00000012);
    /// PVKIBM (`0x00000013`, KMIP 1.0).
    pub const PVKIBM: KeyRoleType = KeyRoleType(0x00000013);
    /// PVKPVV (`0x00000014`, KMIP 1.0).
    pub const PVKPVV: KeyRoleType = KeyRoleType(0x00000014);
    /// PVKOTH (`0x00000015`, KMIP 1.0).
    pub const PVKOTH: KeyRoleType = KeyRoleType(0x00000015);
    /// DUKPT (`0x00000016`, KMIP 1.4).
    pub const DUKPT: KeyRoleType = KeyRoleType(0x00000016);
    /// IV (`0x00000017`, KMIP 1.4).
    pub const IV: KeyRoleType = KeyRoleType(0x00000017);
    /// TRKBK (`0x00000018`, KMIP 1.4).
    pub const TRKBK: KeyRoleType = KeyRoleType(0x00000018);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &KEY_ROLE_TYPE
    }
}

impl fmt::Debug for KeyRoleType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match KEY_ROLE_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Key Role Type table.
pub static KEY_ROLE_TYPE: EnumerationInfo = EnumerationInfo {
    name: "KeyRoleType",
    spec_name: "Key Role Type",
    values: &[
        EnumValue { value: 0x00000001, name: "BDK", spec_name: "BDK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "CVK", spec_name: "CVK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "DEK", spec_name: "DEK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "MKAC", spec_name: "MKAC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "MKSMC", spec_name: "MKSMC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "MKSMI", spec_name: "MKSMI", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "MKDAC", spec_name: "MKDAC", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "MKDN", spec_name: "MKDN", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "MKCP", spec_name: "MKCP", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "MKOTH", spec_name: "MKOTH", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "KEK", spec_name: "KEK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "MAC16609", spec_name: "MAC16609", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "MAC97971", spec_name: "MAC97971", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "MAC97972", spec_name: "MAC97972", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "MAC97973", spec_name: "MAC97973", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "MAC97974", spec_name: "MAC97974", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "MAC97975", spec_name: "MAC97975", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "ZPK", spec_name: "ZPK", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "PVKIBM", spec_name: "PVKIBM", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000014, name: "PVKPVV", spec_name: "PVKPVV", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000015, name: "PVKOTH", spec_name: "PVKOTH", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000016, name: "DUKPT", spec_name: "DUKPT", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000017, name: "IV", spec_name: "IV", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000018, name: "TRKBK", spec_name: "TRKBK", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// Key Value Location Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct KeyValueLocationType(pub u32);

impl KeyValueLocationType {
    /// Uninterpreted Text String (`0x00000001`, KMIP 1.2).
    pub const UNINTERPRETED_TEXT_STRING: KeyValueLocationType = KeyValueLocationType(0x00000001);
    /// URI (`0x00000002`, KMIP 1.2).
    pub const URI: KeyValueLocationType = KeyValueLocationType(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &KEY_VALUE_LOCATION_TYPE
    }
}

impl fmt::Debug for KeyValueLocationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match KEY_VALUE_LOCATION_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Key Value Location Type table.
pub static KEY_VALUE_LOCATION_TYPE: EnumerationInfo = EnumerationInfo {
    name: "KeyValueLocationType",
    spec_name: "Key Value Location Type",
    values: &[
        EnumValue { value: 0x00000001, name: "UninterpretedTextString", spec_name: "Uninterpreted Text String", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000002, name: "URI", spec_name: "URI", first_version: ProtocolVersion::V1_2, removed_in: None },
    ],
};

/// Key Wrap Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct KeyWrapType(pub u32);

impl KeyWrapType {
    /// Not Wrapped (`0x00000001`, KMIP 1.4).
    pub const NOT_WRAPPED: KeyWrapType = KeyWrapType(0x00000001);
    /// As Registered (`0x00000002`, KMIP 1.4).
    pub const AS_REGISTERED: KeyWrapType = KeyWrapType(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &KEY_WRAP_TYPE
    }
}

impl fmt::Debug for KeyWrapType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match KEY_WRAP_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Key Wrap Type table.
pub static KEY_WRAP_TYPE: EnumerationInfo = EnumerationInfo {
    name: "KeyWrapType",
    spec_name: "Key Wrap Type",
    values: &[
        EnumValue { value: 0x00000001, name: "NotWrapped", spec_name: "Not Wrapped", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000002, name: "AsRegistered", spec_name: "As Registered", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// Link Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct LinkType(pub u32);

impl LinkType {
    /// Certificate Link (`0x00000101`, KMIP 1.0).
    pub const CERTIFICATE_LINK: LinkType = LinkType(0x00000101);
    /// Public Key Link (`0x00000102`, KMIP 1.0).
    pub const PUBLIC_KEY_LINK: LinkType = LinkType(0x00000102);
    /// Private Key Link (`0x00000103`, KMIP 1.0).
    pub const PRIVATE_KEY_LINK: LinkType = LinkType(0x00000103);
    /// Derivation Base Object Link (`0x00000104`, KMIP 1.0).
    pub const DERIVATION_BASE_OBJECT_LINK: LinkType = LinkType(0x00000104);
    /// Derived Key Link (`0x00000105`, KMIP 1.0).
    pub const DERIVED_KEY_LINK: LinkType = LinkType(0x00000105);
    /// Replacement Object Link (`0x00000106`, KMIP 1.0).
    pub const REPLACEMENT_OBJECT_LINK: LinkType = LinkType(0x00000106);
    /// Replaced Object Link (`0x00000107`, KMIP 1.0).
    pub const REPLACED_OBJECT_LINK: LinkType = LinkType(0x00000107);
    /// Parent Link (`0x00000108`, KMIP 1.2).
    pub const PARENT_LINK: LinkType = LinkType(0x00000108);
    /// Child Link (`0x00000109`, KMIP 1.2).
    pub const CHILD_LINK: LinkType = LinkType(0x00000109);
    /// Previous Link (`0x0000010A`, KMIP 1.2).
    pub const PREVIOUS_LINK: LinkType = LinkType(0x0000010A);
    /// Next Link (`0x0000010B`, KMIP 1.2).
    pub const NEXT_LINK: LinkType = LinkType(0x0000010B);
    /// PKCS#12 Certificate Link (`0x0000010C`, KMIP 1.4).
    pub const PKCS_12_CERTIFICATE_LINK: LinkType = LinkType(0x0000010C);
    /// PKCS#12 Password Link (`0x0000010D`, KMIP 1.4).
    pub const PKCS_12_PASSWORD_LINK: LinkType = LinkType(0x0000010D);
    /// Wrapping Key Link (`0x0000010E`, KMIP 2.0).
    pub const WRAPPING_KEY_LINK: LinkType = LinkType(0x0000010E);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &LINK_TYPE
    }
}

impl fmt::Debug for LinkType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match LINK_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Link Type table.
pub static LINK_TYPE: EnumerationInfo = EnumerationInfo {
    name: "LinkType",
    spec_name: "Link Type",
    values: &[
        EnumValue { value: 0x00000101, name: "CertificateLink", spec_name: "Certificate Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000102, name: "PublicKeyLink", spec_name: "Public Key Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000103, name: "PrivateKeyLink", spec_name: "Private Key Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000104, name: "DerivationBaseObjectLink", spec_name: "Derivation Base Object Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000105, name: "DerivedKeyLink", spec_name: "Derived Key Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000106, name: "ReplacementObjectLink", spec_name: "Replacement Object Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000107, name: "ReplacedObjectLink", spec_name: "Replaced Object Link", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000108, name: "ParentLink", spec_name: "Parent Link", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000109, name: "ChildLink", spec_name: "Child Link", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000010A, name: "PreviousLink", spec_name: "Previous Link", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000010B, name: "NextLink", spec_name: "Next Link", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000010C, name: "PKCS_12CertificateLink", spec_name: "PKCS#12 Certificate Link", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000010D, name: "PKCS_12PasswordLink", spec_name: "PKCS#12 Password Link", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000010E, name: "WrappingKeyLink", spec_name: "Wrapping Key Link", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Mask Generator (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct MaskGenerator(pub u32);

impl MaskGenerator {
    /// MGF1 (`0x00000001`, KMIP 1.4).
    pub const MGF1: MaskGenerator = MaskGenerator(0x00000001);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &MASK_GENERATOR
    }
}

impl fmt::Debug for MaskGenerator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match MASK_GENERATOR.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Mask Generator table.
pub static MASK_GENERATOR: EnumerationInfo = EnumerationInfo {
    name: "MaskGenerator",
    spec_name: "Mask Generator",
    values: &[
        EnumValue { value: 0x00000001, name: "MGF1", spec_name: "MGF1", first_version: ProtocolVersion::V1_4, removed_in: None },
    ],
};

/// NIST Key Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct NISTKeyType(pub u32);

impl NISTKeyType {
    /// Private signature key (`0x00000001`, KMIP 2.0).
    pub const PRIVATE_SIGNATURE_KEY: NISTKeyType = NISTKeyType(0x00000001);
    /// Public signature verification key (`0x00000002`, KMIP 2.0).
    pub const PUBLIC_SIGNATURE_VERIFICATION_KEY: NISTKeyType = NISTKeyType(0x00000002);
    /// Symmetric authentication key (`0x00000003`, KMIP 2.0).
    pub const SYMMETRIC_AUTHENTICATION_KEY: NISTKeyType = NISTKeyType(0x00000003);
    /// Private authentication key (`0x00000004`, KMIP 2.0).
    pub const PRIVATE_AUTHENTICATION_KEY: NISTKeyType = NISTKeyType(0x00000004);
    /// Public authentication key (`0x00000005`, KMIP 2.0).
    pub const PUBLIC_AUTHENTICATION_KEY: NISTKeyType = NISTKeyType(0x00000005);
    /// Symmetric data encryption key (`0x00000006`, KMIP 2.0).
    pub const SYMMETRIC_DATA_ENCRYPTION_KEY: NISTKeyType = NISTKeyType(0x00000006);
    /// Symmetric key wrapping key (`0x00000007`, KMIP 2.0).
    pub const SYMMETRIC_KEY_WRAPPING_KEY: NISTKeyType = NISTKeyType(0x00000007);
    /// Symmetric random number generation key (`0x00000008`, KMIP 2.0).
    pub const SYMMETRIC_RANDOM_NUMBER_GENERATION_KEY: NISTKeyType = NISTKeyType(0x00000008);
    /// Symmetric master key (`0x00000009`, KMIP 2.0).
    pub const SYMMETRIC_MASTER_KEY: NISTKeyType = NISTKeyType(0x00000009);
    /// Private key transport key (`0x0000000A`, KMIP 2.0).
    pub const PRIVATE_KEY_TRANSPORT_KEY: NISTKeyType = NISTKeyType(0x0000000A);
    /// Public key transport key (`0x0000000B`, KMIP 2.0).
    pub const PUBLIC_KEY_TRANSPORT_KEY: NISTKeyType = NISTKeyType(0x0000000B);
    /// Symmetric key agreement key (`0x0000000C`, KMIP 2.0).
    pub const SYMMETRIC_KEY_AGREEMENT_KEY: NISTKeyType = NISTKeyType(0x0000000C);
    /// Private static key agreement key (`0x0000000D`, KMIP 2.0).
    pub const PRIVATE_STATIC_KEY_AGREEMENT_KEY: NISTKeyType = NISTKeyType(0x0000000D);
    /// Public static key agreement key (`0x0000000E`, KMIP 2.0).
    pub const PUBLIC_STATIC_KEY_AGREEMENT_KEY: NISTKeyType = NISTKeyType(0x0000000E);
    /// Private ephemeral key agreement key (`0x0000000F`, KMIP 2.0).
    pub const PRIVATE_EPHEMERAL_KEY_AGREEMENT_KEY: NISTKeyType = NISTKeyType(0x0000000F);
    /// Public ephemeral key agreement key (`0x00000010`, KMIP 2.0).
    pub const PUBLIC_EPHEMERAL_KEY_AGREEMENT_KEY: NISTKeyType = NISTKeyType(0x00000010);
    /// Symmetric authorization key (`0x00000011`, KMIP 2.0).
    pub const SYMMETRIC_AUTHORIZATION_KEY: NISTKeyType = NISTKeyType(0x00000011);
    /// Private authorization key (`0x00000012`, KMIP 2.0).
    pub const PRIVATE_AUTHORIZATION_KEY: NISTKeyType = NISTKeyType(0x00000012);
    /// Public authorization key (`0x00000013`, KMIP 2.0).
    pub const PUBLIC_AUTHORIZATION_KEY: NISTKeyType = NISTKeyType(0x00000013);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &NIST_KEY_TYPE
    }
}

impl fmt::Debug for NISTKeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match NIST_KEY_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The NIST Key Type table.
pub static NIST_KEY_TYPE: EnumerationInfo = EnumerationInfo {
    name: "NISTKeyType",
    spec_name: "NIST Key Type",
    values: &[
        EnumValue { value: 0x00000001, name: "PrivateSignatureKey", spec_name: "Private signature key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "PublicSignatureVerificationKey", spec_name: "Public signature verification key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "SymmetricAuthenticationKey", spec_name: "Symmetric authentication key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "PrivateAuthenticationKey", spec_name: "Private authentication key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "PublicAuthenticationKey", spec_name: "Public authentication key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "SymmetricDataEncryptionKey", spec_name: "Symmetric data encryption key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "SymmetricKeyWrappingKey", spec_name: "Symmetric key wrapping key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "SymmetricRandomNumberGenerationKey", spec_name: "Symmetric random number generation key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "SymmetricMasterKey", spec_name: "Symmetric master key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "PrivateKeyTransportKey", spec_name: "Private key transport key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "PublicKeyTransportKey", spec_name: "Public key transport key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "SymmetricKeyAgreementKey", spec_name: "Symmetric key agreement key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "PrivateStaticKeyAgreementKey", spec_name: "Private static key agreement key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "PublicStaticKeyAgreementKey", spec_name: "Public static key agreement key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "PrivateEphemeralKeyAgreementKey", spec_name: "Private ephemeral key agreement key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "PublicEphemeralKeyAgreementKey", spec_name: "Public ephemeral key agreement key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "SymmetricAuthorizationKey", spec_name: "Symmetric authorization key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "PrivateAuthorizationKey", spec_name: "Private authorization key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "PublicAuthorizationKey", spec_name: "Public authorization key", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Name Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct NameType(pub u32);

impl NameType {
    /// Uninterpreted Text String (`0x00000001`, KMIP 1.0).
    pub const UNINTERPRETED_TEXT_STRING: NameType = NameType(0x00000001);
    /// URI (`0x00000002`, KMIP 1.0).
    pub const URI: NameType = NameType(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &NAME_TYPE
    }
}

impl fmt::Debug for NameType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match NAME_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Name Type table.
pub static NAME_TYPE: EnumerationInfo = EnumerationInfo {
    name: "NameType",
    spec_name: "Name Type",
    values: &[
        EnumValue { value: 0x00000001, name: "UninterpretedTextString", spec_name: "Uninterpreted Text String", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "URI", spec_name: "URI", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Object Group Member (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ObjectGroupMember(pub u32);

impl ObjectGroupMember {
    /// Group Member Fresh (`0x00000001`, KMIP 1.1).
    pub const GROUP_MEMBER_FRESH: ObjectGroupMember = ObjectGroupMember(0x00000001);
    /// Group Member Default (`0x00000002`, KMIP 1.1).
    pub const GROUP_MEMBER_DEFAULT: ObjectGroupMember = ObjectGroupMember(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &OBJECT_GROUP_MEMBER
    }
}

impl fmt::Debug for ObjectGroupMember {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match OBJECT_GROUP_MEMBER.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Object Group Member table.
pub static OBJECT_GROUP_MEMBER: EnumerationInfo = EnumerationInfo {
    name: "ObjectGroupMember",
    spec_name: "Object Group Member",
    values: &[
        EnumValue { value: 0x00000001, name: "GroupMemberFresh", spec_name: "Group Member Fresh", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000002, name: "GroupMemberDefault", spec_name: "Group Member Default", first_version: ProtocolVersion::V1_1, removed_in: None },
    ],
};

/// Object Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ObjectType(pub u32);

impl ObjectType {
    /// Certificate (`0x00000001`, KMIP 1.0).
    pub const CERTIFICATE: ObjectType = ObjectType(0x00000001);
    /// Symmetric Key (`0x00000002`, KMIP 1.0).
    pub const SYMMETRIC_KEY: ObjectType = ObjectType(0x00000002);
    /// Public Key (`0x00000003`, KMIP 1.0).
    pub const PUBLIC_KEY: ObjectType = ObjectType(0x00000003);
    /// Private Key (`0x00000004`, KMIP 1.0).
    pub const PRIVATE_KEY: ObjectType = ObjectType(0x00000004);
    /// Split Key (`0x00000005`, KMIP 1.0).
    pub const SPLIT_KEY: ObjectType = ObjectType(0x00000005);
    /// Template (`0x00000006`, KMIP 1.0, reserved since 2.0).
    pub const TEMPLATE: ObjectType = ObjectType(0x00000006);
    /// Secret Data (`0x00000007`, KMIP 1.0).
    pub const SECRET_DATA: ObjectType = ObjectType(0x00000007);
    /// Opaque Object (`0x00000008`, KMIP 1.0).
    pub const OPAQUE_OBJECT: ObjectType = ObjectType(0x00000008);
    /// PGP Key (`0x00000009`, KMIP 1.2).
    pub const PGP_KEY: ObjectType = ObjectType(0x00000009);
    /// Certificate Request (`0x0000000A`, KMIP 2.0).
    pub const CERTIFICATE_REQUEST: ObjectType = ObjectType(0x0000000A);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &OBJECT_TYPE
    }
}

impl fmt::Debug for ObjectType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match OBJECT_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Object Type table.
pub static OBJECT_TYPE: EnumerationInfo = EnumerationInfo {
    name: "ObjectType",
    spec_name: "Object Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Certificate", spec_name: "Certificate", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "SymmetricKey", spec_name: "Symmetric Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PublicKey", spec_name: "Public Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "PrivateKey", spec_name: "Private Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "SplitKey", spec_name: "Split Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "Template", spec_name: "Template", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000007, name: "SecretData", spec_name: "Secret Data", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "OpaqueObject", spec_name: "Opaque Object", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "PGPKey", spec_name: "PGP Key", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000000A, name: "CertificateRequest", spec_name: "Certificate Request", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Operation (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Operation(pub u32);

impl Operation {
    /// Create (`0x00000001`, KMIP 1.0).
    pub const CREATE: Operation = Operation(0x00000001);
    /// Create Key Pair (`0x00000002`, KMIP 1.0).
    pub const CREATE_KEY_PAIR: Operation = Operation(0x00000002);
    /// Register (`0x00000003`, KMIP 1.0).
    pub const REGISTER: Operation = Operation(0x00000003);
    /// Re-key (`0x00000004`, KMIP 1.0).
    pub const RE_KEY: Operation = Operation(0x00000004);
    /// Derive Key (`0x00000005`, KMIP 1.0).
    pub const DERIVE_KEY: Operation = Operation(0x00000005);
    /// Certify (`0x00000006`, KMIP 1.0).
    pub const CERTIFY: Operation = Operation(0x00000006);
    /// Re-certify (`0x00000007`, KMIP 1.0).
    pub const RE_CERTIFY: Operation = Operation(0x00000007);
    /// Locate (`0x00000008`, KMIP 1.0).
    pub const LOCATE: Operation = Operation(0x00000008);
    /// Check (`0x00000009`, KMIP 1.0).
    pub const CHECK: Operation = Operation(0x00000009);
    /// Get (`0x0000000A`, KMIP 1.0).
    pub const GET: Operation = Operation(0x0000000A);
    /// Get Attributes (`0x0000000B`, KMIP 1.0).
    pub const GET_ATTRIBUTES: Operation = Operation(0x0000000B);
    /// Get Attribute List (`0x0000000C`, KMIP 1.0).
    pub const GET_ATTRIBUTE_LIST: Operation = Operation(0x0000000C);
    /// Add Attribute (`0x0000000D`, KMIP 1.0).
    pub const ADD_ATTRIBUTE: Operation = Operation(0x0000000D);
    /// Modify Attribute (`0x0000000E`, KMIP 1.0).
    pub const MODIFY_ATTRIBUTE: Operation = Operation(0x0000000E);
    /// Delete Attribute (`0x0000000F`, KMIP 1.0).
    pub const DELETE_ATTRIBUTE: Operation = Operation(0x0000000F);
    /// Obtain Lease (`0x00000010`, KMIP 1.0).
    pub const OBTAIN_LEASE: Operation = Operation(0x00000010);
    /// Get Usage Allocation (`0x00000011`, KMIP 1.0).
    pub const GET_USAGE_ALLOCATION: Operation = Operation(0x00000011);
    /// Activate (`0x00000012`, KMIP 1.0).
    pub const ACTIVATE: Operation = Operation(0x00000012);
    /// Revoke (`0x00000013`, KMIP 1.0).
    pub const REVOKE: Operation = Operation(0x00000013);
    /// Destroy (`0x00000014`, KMIP 1.0).
    pub const DESTROY: Operation = Operation(0x00000014);
    /// Archive (`0x00000015`, KMIP 1.0).
    pub const ARCHIVE: Operation = Operation(0x00000015);
    /// Recover (`0x00000016`, KMIP 1.0).
    pub const RECOVER: Operation = Operation(0x00000016);
    /// Validate (`0x00000017`, KMIP 1.0).
    pub const VALIDATE: Operation = Operation(0x00000017);
    /// Query (`0x00000018`, KMIP 1.0).
    pub const QUERY: Operation = Operation(0x00000018);
    /// Cancel (`0x00000019`, KMIP 1.0).
    pub const CANCEL: Operation = Operation(0x00000019);
    /// Poll (`0x0000001A`, KMIP 1.0).
    pub const POLL: Operation = Operation(0x0000001A);
    /// Notify (`0x0000001B`, KMIP 1.0).
    pub const NOTIFY: Operation = Operation(0x0000001B);
    /// Put (`0x0000001C`, KMIP 1.0).
    pub const PUT: Operation = Operation(0x0000001C);
    /// Re-key Key Pair (`0x0000001D`, KMIP 1.1).
    pub const RE_KEY_KEY_PAIR: Operation = Operation(0x0000001D);
    /// Discover Versions (`0x0000001E`, KMIP 1.1).
    pub const DISCOVER_VERSIONS: Operation = Operation(0x0000001E);
    /// Encrypt (`0x0000001F`, KMIP 1.2).
    pub const ENCRYPT: Operation = Operation(0x0000001F);
    /// Decrypt (`0x00000020`, KMIP 1.2).
    pub const DECRYPT: Operation = Operation(0x00000020);
    /// Sign (`0x00000021`, KMIP 1.2).
    pub const SIGN: Operation = Operation(0x00000021);
    /// Signature Verify (`0x00000022`, KMIP 1.2).
    pub const SIGNATURE_VERIFY: Operation = Operation(0x00000022);
    /// MAC (`0x00000023`, KMIP 1.2).
    pub const MAC: Operation = Operation(0x00000023);
    /// MAC Verify (`0x00000024`, KMIP 1.2).
    pub const MAC_VERIFY: Operation = Operation(0x00000024);
    /// RNG Retrieve (`0x00000025`, KMIP 1.2).
    pub const RNG_RETRIEVE: Operation = Operation(0x00000025);
    /// RNG Seed (`0x00000026`, KMIP 1.2).
    pub const RNG_SEED: Operation = Operation(0x00000026);
    /// Hash (`0x00000027`, KMIP 1.2).
    pub const HASH: Operation = Operation(0x00000027);
    /// Create Split Key (`0x00000028`, KMIP 1.2).
    pub const CREATE_SPLIT_KEY: Operation = Operation(0x00000028);
    /// Join Split Key (`0x00000029`, KMIP 1.2).
    pub const JOIN_SPLIT_KEY: Operation = Operation(0x00000029);
    /// Import (`0x0000002A`, KMIP 1.4).
    pub const IMPORT: Operation = Operation(0x0000002A);
    /// Export (`0x0000002B`, KMIP 1.4).
    pub const EXPORT: Operation = Operation(0x0000002B);
    /// Log (`0x0000002C`, KMIP 2.0).
    pub const LOG: Operation = Operation(0x0000002C);
    /// Login (`0x0000002D`, KMIP 2.0).
    pub const LOGIN: Operation = Operation(0x0000002D);
    /// Logout (`0x0000002E`, KMIP 2.0).
    pub const LOGOUT: Operation = Operation(0x0000002E);
    /// Delegated Login (`0x0000002F`, KMIP 2.0).
    pub const DELEGATED_LOGIN: Operation = Operation(0x0000002F);
    /// Adjust Attribute (`0x00000030`, KMIP 2.0).
    pub const ADJUST_ATTRIBUTE: Operation = Operation(0x00000030);
    /// Set Attribute (`0x00000031`, KMIP 2.0).
    pub const SET_ATTRIBUTE: Operation = Operation(0x00000031);
    /// Set Endpoint Role (`0x00000032`, KMIP 2.0).
    pub const SET_ENDPOINT_ROLE: Operation = Operation(0x00000032);
    /// PKCS#11 (`0x00000033`, KMIP 2.0).
    pub const PKCS_11: Operation = Operation(0x00000033);
    /// Interop (`0x00000034`, KMIP 2.0).
    pub const INTEROP: Operation = Operation(0x00000034);
    /// Re-Provision (`0x00000035`, KMIP 2.0).
    pub const RE_PROVISION: Operation = Operation(0x00000035);
    /// Set Defaults (`0x00000036`, KMIP 2.1).
    pub const SET_DEFAULTS: Operation = Operation(0x00000036);
    /// Set Constraints (`0x00000037`, KMIP 2.1).
    pub const SET_CONSTRAINTS: Operation = Operation(0x00000037);
    /// Get Constraints (`0x00000038`, KMIP 2.1).
    pub const GET_CONSTRAINTS: Operation = Operation(0x00000038);
    /// Query Asynchronous Requests (`0x00000039`, KMIP 2.1).
    pub const QUERY_ASYNCHRONOUS_REQUESTS: Operation = Operation(0x00000039);
    /// Process (`0x0000003A`, KMIP 2.1).
    pub const PROCESS: Operation = Operation(0x0000003A);
    /// Ping (`0x0000003B`, KMIP 2.1).
    pub const PING: Operation = Operation(0x0000003B);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &OPERATION
    }
}

impl fmt::Debug for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match OPERATION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Operation table.
pub static OPERATION: EnumerationInfo = EnumerationInfo {
    name: "Operation",
    spec_name: "Operation",
    values: &[
        EnumValue { value: 0x00000001, name: "Create", spec_name: "Create", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "CreateKeyPair", spec_name: "Create Key Pair", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Register", spec_name: "Register", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "ReKey", spec_name: "Re-key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "DeriveKey", spec_name: "Derive Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "Certify", spec_name: "Certify", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "ReCertify", spec_name: "Re-certify", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "Locate", spec_name: "Locate", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "Check", spec_name: "Check", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "Get", spec_name: "Get", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "GetAttributes", spec_name: "Get Attributes", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "GetAttributeList", spec_name: "Get Attribute List", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "AddAttribute", spec_name: "Add Attribute", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "ModifyAttribute", spec_name: "Modify Attribute", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "DeleteAttribute", spec_name: "Delete Attribute", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "ObtainLease", spec_name: "Obtain Lease", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "GetUsageAllocation", spec_name: "Get Usage Allocation", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "Activate", spec_name: "Activate", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "Revoke", spec_name: "Revoke", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000014, name: "Destroy", spec_name: "Destroy", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000015, name: "Archive", spec_name: "Archive", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000016, name: "Recover", spec_name: "Recover", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000017, name: "Validate", spec_name: "Validate", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000018, name: "Query", spec_name: "Query", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000019, name: "Cancel", spec_name: "Cancel", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000001A, name: "Poll", spec_name: "Poll", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000001B, name: "Notify", spec_name: "Notify", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000001C, name: "Put", spec_name: "Put", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000001D, name: "ReKeyKeyPair", spec_name: "Re-key Key Pair", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000001E, name: "DiscoverVersions", spec_name: "Discover Versions", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x0000001F, name: "Encrypt", spec_name: "Encrypt", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000020, name: "Decrypt", spec_name: "Decrypt", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000021, name: "Sign", spec_name: "Sign", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000022, name: "SignatureVerify", spec_name: "Signature Verify", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000023, name: "MAC", spec_name: "MAC", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000024, name: "MACVerify", spec_name: "MAC Verify", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000025, name: "RNGRetrieve", spec_name: "RNG Retrieve", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000026, name: "RNGSeed", spec_name: "RNG Seed", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000027, name: "Hash", spec_name: "Hash", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000028, name: "CreateSplitKey", spec_name: "Create Split Key", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000029, name: "JoinSplitKey", spec_name: "Join Split Key", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002A, name: "Import", spec_name: "Import", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000002B, name: "Export", spec_name: "Export", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x0000002C, name: "Log", spec_name: "Log", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002D, name: "Login", spec_name: "Login", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002E, name: "Logout", spec_name: "Logout", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002F, name: "DelegatedLogin", spec_name: "Delegated Login", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000030, name: "AdjustAttribute", spec_name: "Adjust Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000031, name: "SetAttribute", spec_name: "Set Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000032, name: "SetEndpointRole", spec_name: "Set Endpoint Role", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000033, name: "PKCS_11", spec_name: "PKCS#11", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000034, name: "Interop", spec_name: "Interop", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000035, name: "ReProvision", spec_name: "Re-Provision", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000036, name: "SetDefaults", spec_name: "Set Defaults", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x00000037, name: "SetConstraints", spec_name: "Set Constraints", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x00000038, name: "GetConstraints", spec_name: "Get Constraints", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x00000039, name: "QueryAsynchronousRequests", spec_name: "Query Asynchronous Requests", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x0000003A, name: "Process", spec_name: "Process", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x0000003B, name: "Ping", spec_name: "Ping", first_version: ProtocolVersion::V2_1, removed_in: None },
    ],
};

/// PKCS#11 Function (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PKCS11Function(pub u32);

impl PKCS11Function {
    /// C_Initialize (`0x00000001`, KMIP 2.0).
    pub const C_INITIALIZE: PKCS11Function = PKCS11Function(0x00000001);
    /// C_Finalize (`0x00000002`, KMIP 2.0).
    pub const C_FINALIZE: PKCS11Function = PKCS11Function(0x00000002);
    /// C_GetInfo (`0x00000003`, KMIP 2.0).
    pub const C_GET_INFO: PKCS11Function = PKCS11Function(0x00000003);
    /// C_GetFunctionList (`0x00000004`, KMIP 2.0).
    pub const C_GET_FUNCTION_LIST: PKCS11Function = PKCS11Function(0x00000004);
    /// C_GetSlotList (`0x00000005`, KMIP 2.0).
    pub const C_GET_SLOT_LIST: PKCS11Function = PKCS11Function(0x00000005);
    /// C_GetSlotInfo (`0x00000006`, KMIP 2.0).
    pub const C_GET_SLOT_INFO: PKCS11Function = PKCS11Function(0x00000006);
    /// C_GetTokenInfo (`0x00000007`, KMIP 2.0).
    pub const C_GET_TOKEN_INFO: PKCS11Function = PKCS11Function(0x00000007);
    /// C_GetMechanismList (`0x00000008`, KMIP 2.0).
    pub const C_GET_MECHANISM_LIST: PKCS11Function = PKCS11Function(0x00000008);
    /// C_GetMechanismInfo (`0x00000009`, KMIP 2.0).
    pub const C_GET_MECHANISM_INFO: PKCS11Function = PKCS11Function(0x00000009);
    /// C_InitToken (`0x0000000A`, KMIP 2.0).
    pub const C_INIT_TOKEN: PKCS11Function = PKCS11Function(0x0000000A);
    /// C_InitPIN (`0x0000000B`, KMIP 2.0).
    pub const C_INIT_PIN: PKCS11Function = PKCS11Function(0x0000000B);
    /// C_SetPIN (`0x0000000C`, KMIP 2.0).
    pub const C_SET_PIN: PKCS11Function = PKCS11Function(0x0000000C);
    /// C_OpenSession (`0x0000000D`, KMIP 2.0).
    pub const C_OPEN_SESSION: PKCS11Function = PKCS11Function(0x0000000D);
    /// C_CloseSession (`0x0000000E`, KMIP 2.0).
    pub const C_CLOSE_SESSION: PKCS11Function = PKCS11Function(0x0000000E);
    /// C_CloseAllSessions (`0x0000000F`, KMIP 2.0).
    pub const C_CLOSE_ALL_SESSIONS: PKCS11Function = PKCS11Function(0x0000000F);
    /// C_GetSessionInfo (`0x00000010`, KMIP 2.0).
    pub const C_GET_SESSION_INFO: PKCS11Function = PKCS11Function(0x00000010);
    /// C_GetOperationState (`0x00000011`, KMIP 2.0).
    pub const C_GET_OPERATION_STATE: PKCS11Function = PKCS11Function(0x00000011);
    /// C_SetOperationState (`0x00000012`, KMIP 2.0).
    pub const C_SET_OPERATION_STATE: PKCS11Function = PKCS11Function(0x00000012);
    /// C_Login (`0x00000013`, KMIP 2.0).
    pub const C_LOGIN: PKCS11Function = PKCS11Function(0x00000013);
    /// C_Logout (`0x00000014`, KMIP 2.0).
    pub const C_LOGOUT: PKCS11Function = PKCS11Function(0x00000014);
    /// C_CreateObject (`0x00000015`, KMIP 2.0).
    pub const C_CREATE_OBJECT: PKCS11Function = PKCS11Function(0x00000015);
    /// C_CopyObject (`0x00000016`, KMIP 2.0).
    pub const C_COPY_OBJECT: PKCS11Function = PKCS11Function(0x00000016);
    /// C_DestroyObject (`0x00000017`, KMIP 2.0).
    pub const C_DESTROY_OBJECT: PKCS11Function = PKCS11Function(0x00000017);
    /// C_GetObjectSize (`0x00000018`, KMIP 2.0).
    pub const C_GET_OBJECT_SIZE: PKCS11Function = PKCS11Function(0x00000018);
    /// C_GetAttributeValue (`0x00000019`, KMIP 2.0).
    pub const C_GET_ATTRIBUTE_VALUE: PKCS11Function = PKCS11Function(0x00000019);
    /// C_SetAttributeValue (`0x0000001A`, KMIP 2.0).
    pub const C_SET_ATTRIBUTE_VALUE: PKCS11Function = PKCS11Function(0x0000001A);
    /// C_FindObjectsInit (`0x0000001B`, KMIP 2.0).
    pub const C_FIND_OBJECTS_INIT: PKCS11Function = PKCS11Function(0x0000001B);
    /// C_FindObjects (`0x0000001C`, KMIP 2.0).
    pub const C_FIND_OBJECTS: PKCS11Function = PKCS11Function(0x0000001C);
    /// C_FindObjectsFinal (`0x0000001D`, KMIP 2.0).
    pub const C_FIND_OBJECTS_FINAL: PKCS11Function = PKCS11Function(0x0000001D);
    /// C_EncryptInit (`0x0000001E`, KMIP 2.0).
    pub const C_ENCRYPT_INIT: PKCS11Function = PKCS11Function(0x0000001E);
    /// C_Encrypt (`0x0000001F`, KMIP 2.0).
    pub const C_ENCRYPT: PKCS11Function = PKCS11Function(0x0000001F);
    /// C_EncryptUpdate (`0x00000020`, KMIP 2.0).
    pub const C_ENCRYPT_UPDATE: PKCS11Function = PKCS11Function(0x00000020);
    /// C_EncryptFinal (`0x00000021`, KMIP 2.0).
    pub const C_ENCRYPT_FINAL: PKCS11Function = PKCS11Function(0x00000021);
    /// C_DecryptInit (`0x00000022`, KMIP 2.0).
    pub const C_DECRYPT_INIT: PKCS11Function = PKCS11Function(0x00000022);
    /// C_Decrypt (`0x00000023`, KMIP 2.0).
    pub const C_DECRYPT: PKCS11Function = PKCS11Function(0x00000023);
    /// C_DecryptUpdate (`0x00000024`, KMIP 2.0).
    pub const C_DECRYPT_UPDATE: PKCS11Function = PKCS11Function(0x00000024);
    /// C_DecryptFinal (`0x00000025`, KMIP 2.0).
    pub const C_DECRYPT_FINAL: PKCS11Function = PKCS11Function(0x00000025);
    /// C_DigestInit (`0x00000026`, KMIP 2.0).
    pub const C_DIGEST_INIT: PKCS11Function = PKCS11Function(0x00000026);
    /// C_Digest (`0x00000027`, KMIP 2.0).
    pub const C_DIGEST: PKCS11Function = PKCS11Function(0x00000027);
    /// C_DigestUpdate (`0x00000028`, KMIP 2.0).
    pub const C_DIGEST_UPDATE: PKCS11Function = PKCS11Function(0x00000028);
    /// C_DigestKey (`0x00000029`, KMIP 2.0).
    pub const C_DIGEST_KEY: PKCS11Function = PKCS11Function(0x00000029);
    /// C_DigestFinal (`0x0000002A`, KMIP 2.0).
    pub const C_DIGEST_FINAL: PKCS11Function = PKCS11Function(0x0000002A);
    /// C_SignInit (`0x0000002B`, KMIP 2.0).
    pub const C_SIGN_INIT: PKCS11Function = PKCS11Function(0x0000002B);
    /// C_Sign (`0x0000002C`, KMIP 2.0).
    pub const C_SIGN: PKCS11Function = PKCS11Function(0x0000002C);
    /// C_SignUpdate (`0x0000002D`, KMIP 2.0).
    pub const C_SIGN_UPDATE: PKCS11Function = PKCS11Function(0x0000002D);
    /// C_SignFinal (`0x0000002E`, KMIP 2.0).
    pub const C_SIGN_FINAL: PKCS11Function = PKCS11Function(0x0000002E);
    /// C_SignRecoverInit (`0x0000002F`, KMIP 2.0).
    pub const C_SIGN_RECOVER_INIT: PKCS11Function = PKCS11Function(0x0000002F);
    /// C_SignRecover (`0x00000030`, KMIP 2.0).
    pub const C_SIGN_RECOVER: PKCS11Function = PKCS11Function(0x00000030);
    /// C_VerifyInit (`0x00000031`, KMIP 2.0).
    pub const C_VERIFY_INIT: PKCS11Function = PKCS11Function(0x00000031);
    /// C_Verify (`0x00000032`, KMIP 2.0).
    pub const C_VERIFY: PKCS11Function = PKCS11Function(0x00000032);
    /// C_VerifyUpdate (`0x00000033`, KMIP 2.0).
    pub const C_VERIFY_UPDATE: PKCS11Function = PKCS11Function(0x00000033);
    /// C_VerifyFinal (`0x00000034`, KMIP 2.0).
    pub const C_VERIFY_FINAL: PKCS11Function = PKCS11Function(0x00000034);
    /// C_VerifyRecoverInit (`0x00000035`, KMIP 2.0).
    pub const C_VERIFY_RECOVER_INIT: PKCS11Function = PKCS11Function(0x00000035);
    /// C_VerifyRecover (`0x00000036`, KMIP 2.0).
    pub const C_VERIFY_RECOVER: PKCS11Function = PKCS11Function(0x00000036);
    /// C_DigestEncryptUpdate (`0x00000037`, KMIP 2.0).
    pub const C_DIGEST_ENCRYPT_UPDATE: PKCS11Function = PKCS11Function(0x00000037);
    /// C_DecryptDigestUpdate (`0x00000038`, KMIP 2.0).
    pub const C_DECRYPT_DIGEST_UPDATE: PKCS11Function = PKCS11Function(0x00000038);
    /// C_SignEncryptUpdate (`0x00000039`, KMIP 2.0).
    pub const C_SIGN_ENCRYPT_UPDATE: PKCS11Function = PKCS11Function(0x00000039);
    /// C_DecryptVerifyUpdate (`0x0000003A`, KMIP 2.0).
    pub const C_DECRYPT_VERIFY_UPDATE: PKCS11Function = PKCS11Function(0x0000003A);
    /// C_GenerateKey (`0x0000003B`, KMIP 2.0).
    pub const C_GENERATE_KEY: PKCS11Function = PKCS11Function(0x0000003B);
    /// C_GenerateKeyPair (`0x0000003C`, KMIP 2.0).
    pub const C_GENERATE_KEY_PAIR: PKCS11Function = PKCS11Function(0x0000003C);
    /// C_WrapKey (`0x0000003D`, KMIP 2.0).
    pub const C_WRAP_KEY: PKCS11Function = PKCS11Function(0x0000003D);
    /// C_UnwrapKey (`0x0000003E`, KMIP 2.0).
    pub const C_UNWRAP_KEY: PKCS11Function = PKCS11Function(0x0000003E);
    /// C_DeriveKey (`0x0000003F`, KMIP 2.0).
    pub const C_DERIVE_KEY: PKCS11Function = PKCS11Function(0x0000003F);
    /// C_SeedRandom (`0x00000040`, KMIP 2.0).
    pub const C_SEED_RANDOM: PKCS11Function = PKCS11Function(0x00000040);
    /// C_GenerateRandom (`0x00000041`, KMIP 2.0).
    pub const C_GENERATE_RANDOM: PKCS11Function = PKCS11Function(0x00000041);
    /// C_GetFunctionStatus (`0x00000042`, KMIP 2.0).
    pub const C_GET_FUNCTION_STATUS: PKCS11Function = PKCS11Function(0x00000042);
    /// C_CancelFunction (`0x00000043`, KMIP 2.0).
    pub const C_CANCEL_FUNCTION: PKCS11Function = PKCS11Function(0x00000043);
    /// C_WaitForSlotEvent (`0x00000044`, KMIP 2.0).
    pub const C_WAIT_FOR_SLOT_EVENT: PKCS11Function = PKCS11Function(0x00000044);
    /// C_GetInterfaceList (`0x00000045`, KMIP 2.0).
    pub const C_GET_INTERFACE_LIST: PKCS11Function = PKCS11Function(0x00000045);
    /// C_GetInterface (`0x00000046`, KMIP 2.0).
    pub const C_GET_INTERFACE: PKCS11Function = PKCS11Function(0x00000046);
    /// C_LoginUser (`0x00000047`, KMIP 2.0).
    pub const C_LOGIN_USER: PKCS11Function = PKCS11Function(0x00000047);
    /// C_SessionCancel (`0x00000048`, KMIP 2.0).
    pub const C_SESSION_CANCEL: PKCS11Function = PKCS11Function(0x00000048);
    /// C_MessageEncryptInit (`0x00000049`, KMIP 2.0).
    pub const C_MESSAGE_ENCRYPT_INIT: PKCS11Function = PKCS11Function(0x00000049);
    /// C_EncryptMessage (`0x0000004A`, KMIP 2.0).
    pub const C_ENCRYPT_MESSAGE: PKCS11Function = PKCS11Function(0x0000004A);
    /// C_EncryptMessageBegin (`0x0000004B`, KMIP 2.0).
    pub const C_ENCRYPT_MESSAGE_BEGIN: PKCS11Function = PKCS11Function(0x0000004B);
    /// C_EncryptMessageNext (`0x0000004C`, KMIP 2.0).
    pub const C_ENCRYPT_MESSAGE_NEXT: PKCS11Function = PKCS11Function(0x0000004C);
    /// C_MessageEncryptFinal (`0x0000004D`, KMIP 2.0).
    pub const C_MESSAGE_ENCRYPT_FINAL: PKCS11Function = PKCS11Function(0x0000004D);
    /// C_MessageDecryptInit (`0x0000004E`, KMIP 2.0).
    pub const C_MESSAGE_DECRYPT_INIT: PKCS11Function = PKCS11Function(0x0000004E);
    /// C_DecryptMessage (`0x0000004F`, KMIP 2.0).
    pub const C_DECRYPT_MESSAGE: PKCS11Function = PKCS11Function(0x0000004F);
    /// C_DecryptMessageBegin (`0x00000050`, KMIP 2.0).
    pub const C_DECRYPT_MESSAGE_BEGIN: PKCS11Function = PKCS11Function(0x00000050);
    /// C_DecryptMessageNext (`0x00000051`, KMIP 2.0).
    pub const C_DECRYPT_MESSAGE_NEXT: PKCS11Function = PKCS11Function(0x00000051);
    /// C_MessageDecryptFinal (`0x00000052`, KMIP 2.0).
    pub const C_MESSAGE_DECRYPT_FINAL: PKCS11Function = PKCS11Function(0x00000052);
    /// C_MessageSignInit (`0x00000053`, KMIP 2.0).
    pub const C_MESSAGE_SIGN_INIT: PKCS11Function = PKCS11Function(0x00000053);
    /// C_SignMessage (`0x00000054`, KMIP 2.0).
    pub const C_SIGN_MESSAGE: PKCS11Function = PKCS11Function(0x00000054);
    /// C_SignMessageBegin (`0x00000055`, KMIP 2.0).
    pub const C_SIGN_MESSAGE_BEGIN: PKCS11Function = PKCS11Function(0x00000055);
    /// C_SignMessageNext (`0x00000056`, KMIP 2.0).
    pub const C_SIGN_MESSAGE_NEXT: PKCS11Function = PKCS11Function(0x00000056);
    /// C_MessageSignFinal (`0x00000057`, KMIP 2.0).
    pub const C_MESSAGE_SIGN_FINAL: PKCS11Function = PKCS11Function(0x00000057);
    /// C_MessageVerifyInit (`0x00000058`, KMIP 2.0).
    pub const C_MESSAGE_VERIFY_INIT: PKCS11Function = PKCS11Function(0x00000058);
    /// C_VerifyMessage (`0x00000059`, KMIP 2.0).
    pub const C_VERIFY_MESSAGE: PKCS11Function = PKCS11Function(0x00000059);
    /// C_VerifyMessageBegin (`0x0000005A`, KMIP 2.0).
    pub const C_VERIFY_MESSAGE_BEGIN: PKCS11Function = PKCS11Function(0x0000005A);
    /// C_VerifyMessageNext (`0x0000005B`, KMIP 2.0).
    pub const C_VERIFY_MESSAGE_NEXT: PKCS11Function = PKCS11Function(0x0000005B);
    /// C_MessageVerifyFinal (`0x0000005C`, KMIP 2.0).
    pub const C_MESSAGE_VERIFY_FINAL: PKCS11Function = PKCS11Function(0x0000005C);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PKCS11_FUNCTION
    }
}

impl fmt::Debug for PKCS11Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PKCS11_FUNCTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The PKCS#11 Function table.
pub static PKCS11_FUNCTION: EnumerationInfo = EnumerationInfo {
    name: "PKCS11Function",
    spec_name: "PKCS#11 Function",
    values: &[
        EnumValue { value: 0x00000001, name: "C_Initialize", spec_name: "C_Initialize", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "C_Finalize", spec_name: "C_Finalize", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "C_GetInfo", spec_name: "C_GetInfo", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "C_GetFunctionList", spec_name: "C_GetFunctionList", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "C_GetSlotList", spec_name: "C_GetSlotList", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "C_GetSlotInfo", spec_name: "C_GetSlotInfo", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "C_GetTokenInfo", spec_name: "C_GetTokenInfo", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "C_GetMechanismList", spec_name: "C_GetMechanismList", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "C_GetMechanismInfo", spec_name: "C_GetMechanismInfo", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "C_InitToken", spec_name: "C_InitToken", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "C_InitPIN", spec_name: "C_InitPIN", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "C_SetPIN", spec_name: "C_SetPIN", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "C_OpenSession", spec_name: "C_OpenSession", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "C_CloseSession", spec_name: "C_CloseSession", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "C_CloseAllSessions", spec_name: "C_CloseAllSessions", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "C_GetSessionInfo", spec_name: "C_GetSessionInfo", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "C_GetOperationState", spec_name: "C_GetOperationState", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "C_SetOperationState", spec_name: "C_SetOperationState", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "C_Login", spec_name: "C_Login", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000014, name: "C_Logout", spec_name: "C_Logout", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000015, name: "C_CreateObject", spec_name: "C_CreateObject", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000016, name: "C_CopyObject", spec_name: "C_CopyObject", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000017, name: "C_DestroyObject", spec_name: "C_DestroyObject", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000018, name: "C_GetObjectSize", spec_name: "C_GetObjectSize", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000019, name: "C_GetAttributeValue", spec_name: "C_GetAttributeValue", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001A, name: "C_SetAttributeValue", spec_name: "C_SetAttributeValue", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001B, name: "C_FindObjectsInit", spec_name: "C_FindObjectsInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001C, name: "C_FindObjects", spec_name: "C_FindObjects", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001D, name: "C_FindObjectsFinal", spec_name: "C_FindObjectsFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001E, name: "C_EncryptInit", spec_name: "C_EncryptInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001F, name: "C_Encrypt", spec_name: "C_Encrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000020, name: "C_EncryptUpdate", spec_name: "C_EncryptUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000021, name: "C_EncryptFinal", spec_name: "C_EncryptFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000022, name: "C_DecryptInit", spec_name: "C_DecryptInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000023, name: "C_Decrypt", spec_name: "C_Decrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000024, name: "C_DecryptUpdate", spec_name: "C_DecryptUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000025, name: "C_DecryptFinal", spec_name: "C_DecryptFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000026, name: "C_DigestInit", spec_name: "C_DigestInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000027, name: "C_Digest", spec_name: "C_Digest", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000028, name: "C_DigestUpdate", spec_name: "C_DigestUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000029, name: "C_DigestKey", spec_name: "C_DigestKey", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002A, name: "C_DigestFinal", spec_name: "C_DigestFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002B, name: "C_SignInit", spec_name: "C_SignInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002C, name: "C_Sign", spec_name: "C_Sign", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002D, name: "C_SignUpdate", spec_name: "C_SignUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002E, name: "C_SignFinal", spec_name: "C_SignFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002F, name: "C_SignRecoverInit", spec_name: "C_SignRecoverInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000030, name: "C_SignRecover", spec_name: "C_SignRecover", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000031, name: "C_VerifyInit", spec_name: "C_VerifyInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000032, name: "C_Verify", spec_name: "C_Verify", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000033, name: "C_VerifyUpdate", spec_name: "C_VerifyUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000034, name: "C_VerifyFinal", spec_name: "C_VerifyFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000035, name: "C_VerifyRecoverInit", spec_name: "C_VerifyRecoverInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000036, name: "C_VerifyRecover", spec_name: "C_VerifyRecover", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000037, name: "C_DigestEncryptUpdate", spec_name: "C_DigestEncryptUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000038, name: "C_DecryptDigestUpdate", spec_name: "C_DecryptDigestUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000039, name: "C_SignEncryptUpdate", spec_name: "C_SignEncryptUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003A, name: "C_DecryptVerifyUpdate", spec_name: "C_DecryptVerifyUpdate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003B, name: "C_GenerateKey", spec_name: "C_GenerateKey", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003C, name: "C_GenerateKeyPair", spec_name: "C_GenerateKeyPair", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003D, name: "C_WrapKey", spec_name: "C_WrapKey", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003E, name: "C_UnwrapKey", spec_name: "C_UnwrapKey", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003F, name: "C_DeriveKey", spec_name: "C_DeriveKey", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000040, name: "C_SeedRandom", spec_name: "C_SeedRandom", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000041, name: "C_GenerateRandom", spec_name: "C_GenerateRandom", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000042, name: "C_GetFunctionStatus", spec_name: "C_GetFunctionStatus", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000043, name: "C_CancelFunction", spec_name: "C_CancelFunction", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000044, name: "C_WaitForSlotEvent", spec_name: "C_WaitForSlotEvent", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000045, name: "C_GetInterfaceList", spec_name: "C_GetInterfaceList", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000046, name: "C_GetInterface", spec_name: "C_GetInterface", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000047, name: "C_LoginUser", spec_name: "C_LoginUser", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000048, name: "C_SessionCancel", spec_name: "C_SessionCancel", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000049, name: "C_MessageEncryptInit", spec_name: "C_MessageEncryptInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004A, name: "C_EncryptMessage", spec_name: "C_EncryptMessage", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004B, name: "C_EncryptMessageBegin", spec_name: "C_EncryptMessageBegin", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004C, name: "C_EncryptMessageNext", spec_name: "C_EncryptMessageNext", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004D, name: "C_MessageEncryptFinal", spec_name: "C_MessageEncryptFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004E, name: "C_MessageDecryptInit", spec_name: "C_MessageDecryptInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004F, name: "C_DecryptMessage", spec_name: "C_DecryptMessage", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000050, name: "C_DecryptMessageBegin", spec_name: "C_DecryptMessageBegin", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000051, name: "C_DecryptMessageNext", spec_name: "C_DecryptMessageNext", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000052, name: "C_MessageDecryptFinal", spec_name: "C_MessageDecryptFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000053, name: "C_MessageSignInit", spec_name: "C_MessageSignInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000054, name: "C_SignMessage", spec_name: "C_SignMessage", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000055, name: "C_SignMessageBegin", spec_name: "C_SignMessageBegin", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000056, name: "C_SignMessageNext", spec_name: "C_SignMessageNext", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000057, name: "C_MessageSignFinal", spec_name: "C_MessageSignFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000058, name: "C_MessageVerifyInit", spec_name: "C_MessageVerifyInit", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000059, name: "C_VerifyMessage", spec_name: "C_VerifyMessage", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000005A, name: "C_VerifyMessageBegin", spec_name: "C_VerifyMessageBegin", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000005B, name: "C_VerifyMessageNext", spec_name: "C_VerifyMessageNext", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000005C, name: "C_MessageVerifyFinal", spec_name: "C_MessageVerifyFinal", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// PKCS#11 Return Code (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PKCS11ReturnCode(pub u32);

impl PKCS11ReturnCode {
    /// CKR_OK (`0x00000000`, KMIP 2.0).
    pub const OK: PKCS11ReturnCode = PKCS11ReturnCode(0x00000000);
    /// CKR_CANCEL (`0x00000001`, KMIP 2.0).
    pub const CANCEL: PKCS11ReturnCode = PKCS11ReturnCode(0x00000001);
    /// CKR_HOST_MEMORY (`0x00000002`, KMIP 2.0).
    pub const HOST_MEMORY: PKCS11ReturnCode = PKCS11ReturnCode(0x00000002);
    /// CKR_SLOT_ID_INVALID (`0x00000003`, KMIP 2.0).
    pub const SLOT_ID_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000003);
    /// CKR_GENERAL_ERROR (`0x00000005`, KMIP 2.0).
    pub const GENERAL_ERROR: PKCS11ReturnCode = PKCS11ReturnCode(0x00000005);
    /// CKR_FUNCTION_FAILED (`0x00000006`, KMIP 2.0).
    pub const FUNCTION_FAILED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000006);
    /// CKR_ARGUMENTS_BAD (`0x00000007`, KMIP 2.0).
    pub const ARGUMENTS_BAD: PKCS11ReturnCode = PKCS11ReturnCode(0x00000007);
    /// CKR_NO_EVENT (`0x00000008`, KMIP 2.0).
    pub const NO_EVENT: PKCS11ReturnCode = PKCS11ReturnCode(0x00000008);
    /// CKR_NEED_TO_CREATE_THREADS (`0x00000009`, KMIP 2.0).
    pub const NEED_TO_CREATE_THREADS: PKCS11ReturnCode = PKCS11ReturnCode(0x00000009);
    /// CKR_CANT_LOCK (`0x0000000A`, KMIP 2.0).
    pub const CANT_LOCK: PKCS11ReturnCode = PKCS11ReturnCode(0x0000000A);
    /// CKR_ATTRIBUTE_READ_ONLY (`0x00000010`, KMIP 2.0).
    pub const ATTRIBUTE_READ_ONLY: PKCS11ReturnCode = PKCS11ReturnCode(0x00000010);
    /// CKR_ATTRIBUTE_SENSITIVE (`0x00000011`, KMIP 2.0).
    pub const ATTRIBUTE_SENSITIVE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000011);
    /// CKR_ATTRIBUTE_TYPE_INVALID (`0x00000012`, KMIP 2.0).
    pub const ATTRIBUTE_TYPE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000012);
    /// CKR_ATTRIBUTE_VALUE_INVALID (`0x00000013`, KMIP 2.0).
    pub const ATTRIBUTE_VALUE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000013);
    /// CKR_ACTION_PROHIBITED (`0x0000001B`, KMIP 2.0).
    pub const ACTION_PROHIBITED: PKCS11ReturnCode = PKCS11ReturnCode(0x0000001B);
    /// CKR_DATA_INVALID (`0x00000020`, KMIP 2.0).
    pub const DATA_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000020);
    /// CKR_DATA_LEN_RANGE (`0x00000021`, KMIP 2.0).
    pub const DATA_LEN_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000021);
    /// CKR_DEVICE_ERROR (`0x00000030`, KMIP 2.0).
    pub const DEVICE_ERROR: PKCS11ReturnCode = PKCS11ReturnCode(0x00000030);
    /// CKR_DEVICE_MEMORY (`0x00000031`, KMIP 2.0).
    pub const DEVICE_MEMORY: PKCS11ReturnCode = PKCS11ReturnCode(0x00000031);
    /// CKR_DEVICE_REMOVED (`0x00000032`, KMIP 2.0).
    pub const DEVICE_REMOVED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000032);
    /// CKR_ENCRYPTED_DATA_INVALID (`0x00000040`, KMIP 2.0).
    pub const ENCRYPTED_DATA_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000040);
    /// CKR_ENCRYPTED_DATA_LEN_RANGE (`0x00000041`, KMIP 2.0).
    pub const ENCRYPTED_DATA_LEN_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000041);
    /// CKR_FUNCTION_CANCELED (`0x00000050`, KMIP 2.0).
    pub const FUNCTION_CANCELED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000050);
    /// CKR_FUNCTION_NOT_PARALLEL (`0x00000051`, KMIP 2.0).
    pub const FUNCTION_NOT_PARALLEL: PKCS11ReturnCode = PKCS11ReturnCode(0x00000051);
    /// CKR_FUNCTION_NOT_SUPPORTED (`0x00000054`, KMIP 2.0).
    pub const FUNCTION_NOT_SUPPORTED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000054);
    /// CKR_KEY_HANDLE_INVALID (`0x00000060`, KMIP 2.0).
    pub const KEY_HANDLE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000060);
    /// CKR_KEY_SIZE_RANGE (`0x00000062`, KMIP 2.0).
    pub const KEY_SIZE_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000062);
    /// CKR_KEY_TYPE_INCONSISTENT (`0x00000063`, KMIP 2.0).
    pub const KEY_TYPE_INCONSISTENT: PKCS11ReturnCode = PKCS11ReturnCode(0x00000063);
    /// CKR_KEY_NOT_NEEDED (`0x00000064`, KMIP 2.0).
    pub const KEY_NOT_NEEDED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000064);
    /// CKR_KEY_CHANGED (`0x00000065`, KMIP 2.0).
    pub const KEY_CHANGED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000065);
    /// CKR_KEY_NEEDED (`0x00000066`, KMIP 2.0).
    pub const KEY_NEEDED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000066);
    /// CKR_KEY_INDIGESTIBLE (`0x00000067`, KMIP 2.0).
    pub const KEY_INDIGESTIBLE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000067);
    /// CKR_KEY_FUNCTION_NOT_PERMITTED (`0x00000068`, KMIP 2.0).
    pub const KEY_FUNCTION_NOT_PERMITTED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000068);
    /// CKR_KEY_NOT_WRAPPABLE (`0x00000069`, KMIP 2.0).
    pub const KEY_NOT_WRAPPABLE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000069);
    /// CKR_KEY_UNEXTRACTABLE (`0x0000006A`, KMIP 2.0).
    pub const KEY_UNEXTRACTABLE: PKCS11ReturnCode = PKCS11ReturnCode(0x0000006A);
    /// CKR_MECHANISM_INVALID (`0x00000070`, KMIP 2.0).
    pub const MECHANISM_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000070);
    /// CKR_MECHANISM_PARAM_INVALID (`0x00000071`, KMIP 2.0).
    pub const MECHANISM_PARAM_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000071);
    /// CKR_OBJECT_HANDLE_INVALID (`0x00000082`, KMIP 2.0).
    pub const OBJECT_HANDLE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000082);
    /// CKR_OPERATION_ACTIVE (`0x00000090`, KMIP 2.0).
    pub const OPERATION_ACTIVE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000090);
    /// CKR_OPERATION_NOT_INITIALIZED (`0x00000091`, KMIP 2.0).
    pub const OPERATION_NOT_INITIALIZED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000091);
    /// CKR_PIN_INCORRECT (`0x000000A0`, KMIP 2.0).
    pub const PIN_INCORRECT: PKCS11ReturnCode = PKCS11ReturnCode(0x000000A0);
    /// CKR_PIN_INVALID (`0x000000A1`, KMIP 2.0).
    pub const PIN_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x000000A1);
    /// CKR_PIN_LEN_RANGE (`0x000000A2`, KMIP 2.0).
    pub const PIN_LEN_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x000000A2);
    /// CKR_PIN_EXPIRED (`0x000000A3`, KMIP 2.0).
    pub const PIN_EXPIRED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000A3);
    /// CKR_PIN_LOCKED (`0x000000A4`, KMIP 2.0).
    pub const PIN_LOCKED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000A4);
    /// CKR_SESSION_CLOSED (`0x000000B0`, KMIP 2.0).
    pub const SESSION_CLOSED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B0);
    /// CKR_SESSION_COUNT (`0x000000B1`, KMIP 2.0).
    pub const SESSION_COUNT: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B1);
    /// CKR_SESSION_HANDLE_INVALID (`0x000000B3`, KMIP 2.0).
    pub const SESSION_HANDLE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B3);
    /// CKR_SESSION_PARALLEL_NOT_SUPPORTED (`0x000000B4`, KMIP 2.0).
    pub const SESSION_PARALLEL_NOT_SUPPORTED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B4);
    /// CKR_SESSION_READ_ONLY (`0x000000B5`, KMIP 2.0).
    pub const SESSION_READ_ONLY: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B5);
    /// CKR_SESSION_EXISTS (`0x000000B6`, KMIP 2.0).
    pub const SESSION_EXISTS: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B6);
    /// CKR_SESSION_READ_ONLY_EXISTS (`0x000000B7`, KMIP 2.0).
    pub const SESSION_READ_ONLY_EXISTS: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B7);
    /// CKR_SESSION_READ_WRITE_SO_EXISTS (`0x000000B8`, KMIP 2.0).
    pub const SESSION_READ_WRITE_SO_EXISTS: PKCS11ReturnCode = PKCS11ReturnCode(0x000000B8);
    /// CKR_SIGNATURE_INVALID (`0x000000C0`, KMIP 2.0).
    pub const SIGNATURE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x000000C0);
    /// CKR_SIGNATURE_LEN_RANGE (`0x000000C1`, KMIP 2.0).
    pub const SIGNATURE_LEN_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x000000C1);
    /// CKR_TEMPLATE_INCOMPLETE (`0x000000D0`, KMIP 2.0).
    pub const TEMPLATE_INCOMPLETE: PKCS11ReturnCode = PKCS11ReturnCode(0x000000D0);
    /// CKR_TEMPLATE_INCONSISTENT (`0x000000D1`, KMIP 2.0).
    pub const TEMPLATE_INCONSISTENT: PKCS11ReturnCode = PKCS11ReturnCode(0x000000D1);
    /// CKR_TOKEN_NOT_PRESENT (`0x000000E0`, KMIP 2.0).
    pub const TOKEN_NOT_PRESENT: PKCS11ReturnCode = PKCS11ReturnCode(0x000000E0);
    /// CKR_TOKEN_NOT_RECOGNIZED (`0x000000E1`, KMIP 2.0).
    pub const TOKEN_NOT_RECOGNIZED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000E1);
    /// CKR_TOKEN_WRITE_PROTECTED (`0x000000E2`, KMIP 2.0).
    pub const TOKEN_WRITE_PROTECTED: PKCS11ReturnCode = PKCS11ReturnCode(0x000000E2);
    /// CKR_UNWRAPPING_KEY_HANDLE_INVALID (`0x000000F0`, KMIP 2.0).
    pub const UNWRAPPING_KEY_HANDLE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x000000F0);
    /// CKR_UNWRAPPING_KEY_SIZE_RANGE (`0x000000F1`, KMIP 2.0).
    pub const UNWRAPPING_KEY_SIZE_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x000000F1);
    /// CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT (`0x000000F2`, KMIP 2.0).
    pub const UNWRAPPING_KEY_TYPE_INCONSISTENT: PKCS11ReturnCode = PKCS11ReturnCode(0x000000F2);
    /// CKR_USER_ALREADY_LOGGED_IN (`0x00000100`, KMIP 2.0).
    pub const USER_ALREADY_LOGGED_IN: PKCS11ReturnCode = PKCS11ReturnCode(0x00000100);
    /// CKR_USER_NOT_LOGGED_IN (`0x00000101`, KMIP 2.0).
    pub const USER_NOT_LOGGED_IN: PKCS11ReturnCode = PKCS11ReturnCode(0x00000101);
    /// CKR_USER_PIN_NOT_INITIALIZED (`0x00000102`, KMIP 2.0).
    pub const USER_PIN_NOT_INITIALIZED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000102);
    /// CKR_USER_TYPE_INVALID (`0x00000103`, KMIP 2.0).
    pub const USER_TYPE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000103);
    /// CKR_USER_ANOTHER_ALREADY_LOGGED_IN (`0x00000104`, KMIP 2.0).
    pub const USER_ANOTHER_ALREADY_LOGGED_IN: PKCS11ReturnCode = PKCS11ReturnCode(0x00000104);
    /// CKR_USER_TOO_MANY_TYPES (`0x00000105`, KMIP 2.0).
    pub const USER_TOO_MANY_TYPES: PKCS11ReturnCode = PKCS11ReturnCode(0x00000105);
    /// CKR_WRAPPED_KEY_INVALID (`0x00000110`, KMIP 2.0).
    pub const WRAPPED_KEY_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000110);
    /// CKR_WRAPPED_KEY_LEN_RANGE (`0x00000112`, KMIP 2.0).
    pub const WRAPPED_KEY_LEN_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000112);
    /// CKR_WRAPPING_KEY_HANDLE_INVALID (`0x00000113`, KMIP 2.0).
    pub const WRAPPING_KEY_HANDLE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000113);
    /// CKR_WRAPPING_KEY_SIZE_RANGE (`0x00000114`, KMIP 2.0).
    pub const WRAPPING_KEY_SIZE_RANGE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000114);
    /// CKR_WRAPPING_KEY_TYPE_INCONSISTENT (`0x00000115`, KMIP 2.0).
    pub const WRAPPING_KEY_TYPE_INCONSISTENT: PKCS11ReturnCode = PKCS11ReturnCode(0x00000115);
    /// CKR_RANDOM_SEED_NOT_SUPPORTED (`0x00000120`, KMIP 2.0).
    pub const RANDOM_SEED_NOT_SUPPORTED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000120);
    /// CKR_RANDOM_NO_RNG (`0x00000121`, KMIP 2.0).
    pub const RANDOM_NO_RNG: PKCS11ReturnCode = PKCS11ReturnCode(0x00000121);
    /// CKR_DOMAIN_PARAMS_INVALID (`0x00000130`, KMIP 2.0).
    pub const DOMAIN_PARAMS_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000130);
    /// CKR_CURVE_NOT_SUPPORTED (`0x00000140`, KMIP 2.0).
    pub const CURVE_NOT_SUPPORTED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000140);
    /// CKR_BUFFER_TOO_SMALL (`0x00000150`, KMIP 2.0).
    pub const BUFFER_TOO_SMALL: PKCS11ReturnCode = PKCS11ReturnCode(0x00000150);
    /// CKR_SAVED_STATE_INVALID (`0x00000160`, KMIP 2.0).
    pub const SAVED_STATE_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x00000160);
    /// CKR_INFORMATION_SENSITIVE (`0x00000170`, KMIP 2.0).
    pub const INFORMATION_SENSITIVE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000170);
    /// CKR_STATE_UNSAVEABLE (`0x00000180`, KMIP 2.0).
    pub const STATE_UNSAVEABLE: PKCS11ReturnCode = PKCS11ReturnCode(0x00000180);
    /// CKR_CRYPTOKI_NOT_INITIALIZED (`0x00000190`, KMIP 2.0).
    pub const CRYPTOKI_NOT_INITIALIZED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000190);
    /// CKR_CRYPTOKI_ALREADY_INITIALIZED (`0x00000191`, KMIP 2.0).
    pub const CRYPTOKI_ALREADY_INITIALIZED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000191);
    /// CKR_MUTEX_BAD (`0x000001A0`, KMIP 2.0).
    pub const MUTEX_BAD: PKCS11ReturnCode = PKCS11ReturnCode(0x000001A0);
    /// CKR_MUTEX_NOT_LOCKED (`0x000001A1`, KMIP 2.0).
    pub const MUTEX_NOT_LOCKED: PKCS11ReturnCode = PKCS11ReturnCode(0x000001A1);
    /// CKR_NEW_PIN_MODE (`0x000001B0`, KMIP 2.0).
    pub const NEW_PIN_MODE: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B0);
    /// CKR_NEXT_OTP (`0x000001B1`, KMIP 2.0).
    pub const NEXT_OTP: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B1);
    /// CKR_EXCEEDED_MAX_ITERATIONS (`0x000001B5`, KMIP 2.0).
    pub const EXCEEDED_MAX_ITERATIONS: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B5);
    /// CKR_FIPS_SELF_TEST_FAILED (`0x000001B6`, KMIP 2.0).
    pub const FIPS_SELF_TEST_FAILED: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B6);
    /// CKR_LIBRARY_LOAD_FAILED (`0x000001B7`, KMIP 2.0).
    pub const LIBRARY_LOAD_FAILED: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B7);
    /// CKR_PIN_TOO_WEAK (`0x000001B8`, KMIP 2.0).
    pub const PIN_TOO_WEAK: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B8);
    /// CKR_PUBLIC_KEY_INVALID (`0x000001B9`, KMIP 2.0).
    pub const PUBLIC_KEY_INVALID: PKCS11ReturnCode = PKCS11ReturnCode(0x000001B9);
    /// CKR_FUNCTION_REJECTED (`0x00000200`, KMIP 2.0).
    pub const FUNCTION_REJECTED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000200);
    /// CKR_TOKEN_RESOURCE_EXCEEDED (`0x00000201`, KMIP 2.0).
    pub const TOKEN_RESOURCE_EXCEEDED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000201);
    /// CKR_OPERATION_CANCEL_FAILED (`0x00000202`, KMIP 2.0).
    pub const OPERATION_CANCEL_FAILED: PKCS11ReturnCode = PKCS11ReturnCode(0x00000202);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PKCS11_RETURN_CODE
    }
}

impl fmt::Debug for PKCS11ReturnCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PKCS11_RETURN_CODE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The PKCS#11 Return Code table.
pub static PKCS11_RETURN_CODE: EnumerationInfo = EnumerationInfo {
    name: "PKCS11ReturnCode",
    spec_name: "PKCS#11 Return Code",
    values: &[
        EnumValue { value: 0x00000000, name: "OK", spec_name: "CKR_OK", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000001, name: "CANCEL", spec_name: "CKR_CANCEL", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "HOST_MEMORY", spec_name: "CKR_HOST_MEMORY", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "SLOT_ID_INVALID", spec_name: "CKR_SLOT_ID_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "GENERAL_ERROR", spec_name: "CKR_GENERAL_ERROR", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "FUNCTION_FAILED", spec_name: "CKR_FUNCTION_FAILED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "ARGUMENTS_BAD", spec_name: "CKR_ARGUMENTS_BAD", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "NO_EVENT", spec_name: "CKR_NO_EVENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "NEED_TO_CREATE_THREADS", spec_name: "CKR_NEED_TO_CREATE_THREADS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "CANT_LOCK", spec_name: "CKR_CANT_LOCK", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "ATTRIBUTE_READ_ONLY", spec_name: "CKR_ATTRIBUTE_READ_ONLY", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "ATTRIBUTE_SENSITIVE", spec_name: "CKR_ATTRIBUTE_SENSITIVE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "ATTRIBUTE_TYPE_INVALID", spec_name: "CKR_ATTRIBUTE_TYPE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000013, name: "ATTRIBUTE_VALUE_INVALID", spec_name: "CKR_ATTRIBUTE_VALUE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001B, name: "ACTION_PROHIBITED", spec_name: "CKR_ACTION_PROHIBITED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000020, name: "DATA_INVALID", spec_name: "CKR_DATA_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000021, name: "DATA_LEN_RANGE", spec_name: "CKR_DATA_LEN_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000030, name: "DEVICE_ERROR", spec_name: "CKR_DEVICE_ERROR", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000031, name: "DEVICE_MEMORY", spec_name: "CKR_DEVICE_MEMORY", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000032, name: "DEVICE_REMOVED", spec_name: "CKR_DEVICE_REMOVED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000040, name: "ENCRYPTED_DATA_INVALID", spec_name: "CKR_ENCRYPTED_DATA_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000041, name: "ENCRYPTED_DATA_LEN_RANGE", spec_name: "CKR_ENCRYPTED_DATA_LEN_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000050, name: "FUNCTION_CANCELED", spec_name: "CKR_FUNCTION_CANCELED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000051, name: "FUNCTION_NOT_PARALLEL", spec_name: "CKR_FUNCTION_NOT_PARALLEL", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000054, name: "FUNCTION_NOT_SUPPORTED", spec_name: "CKR_FUNCTION_NOT_SUPPORTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000060, name: "KEY_HANDLE_INVALID", spec_name: "CKR_KEY_HANDLE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000062, name: "KEY_SIZE_RANGE", spec_name: "CKR_KEY_SIZE_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000063, name: "KEY_TYPE_INCONSISTENT", spec_name: "CKR_KEY_TYPE_INCONSISTENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000064, name: "KEY_NOT_NEEDED", spec_name: "CKR_KEY_NOT_NEEDED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000065, name: "KEY_CHANGED", spec_name: "CKR_KEY_CHANGED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000066, name: "KEY_NEEDED", spec_name: "CKR_KEY_NEEDED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000067, name: "KEY_INDIGESTIBLE", spec_name: "CKR_KEY_INDIGESTIBLE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000068, name: "KEY_FUNCTION_NOT_PERMITTED", spec_name: "CKR_KEY_FUNCTION_NOT_PERMITTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000069, name: "KEY_NOT_WRAPPABLE", spec_name: "CKR_KEY_NOT_WRAPPABLE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000006A, name: "KEY_UNEXTRACTABLE", spec_name: "CKR_KEY_UNEXTRACTABLE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000070, name: "MECHANISM_INVALID", spec_name: "CKR_MECHANISM_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000071, name: "MECHANISM_PARAM_INVALID", spec_name: "CKR_MECHANISM_PARAM_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000082, name: "OBJECT_HANDLE_INVALID", spec_name: "CKR_OBJECT_HANDLE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000090, name: "OPERATION_ACTIVE", spec_name: "CKR_OPERATION_ACTIVE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000091, name: "OPERATION_NOT_INITIALIZED", spec_name: "CKR_OPERATION_NOT_INITIALIZED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000A0, name: "PIN_INCORRECT", spec_name: "CKR_PIN_INCORRECT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000A1, name: "PIN_INVALID", spec_name: "CKR_PIN_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000A2, name: "PIN_LEN_RANGE", spec_name: "CKR_PIN_LEN_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000A3, name: "PIN_EXPIRED", spec_name: "CKR_PIN_EXPIRED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000A4, name: "PIN_LOCKED", spec_name: "CKR_PIN_LOCKED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B0, name: "SESSION_CLOSED", spec_name: "CKR_SESSION_CLOSED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B1, name: "SESSION_COUNT", spec_name: "CKR_SESSION_COUNT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B3, name: "SESSION_HANDLE_INVALID", spec_name: "CKR_SESSION_HANDLE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B4, name: "SESSION_PARALLEL_NOT_SUPPORTED", spec_name: "CKR_SESSION_PARALLEL_NOT_SUPPORTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B5, name: "SESSION_READ_ONLY", spec_name: "CKR_SESSION_READ_ONLY", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B6, name: "SESSION_EXISTS", spec_name: "CKR_SESSION_EXISTS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B7, name: "SESSION_READ_ONLY_EXISTS", spec_name: "CKR_SESSION_READ_ONLY_EXISTS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000B8, name: "SESSION_READ_WRITE_SO_EXISTS", spec_name: "CKR_SESSION_READ_WRITE_SO_EXISTS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000C0, name: "SIGNATURE_INVALID", spec_name: "CKR_SIGNATURE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000C1, name: "SIGNATURE_LEN_RANGE", spec_name: "CKR_SIGNATURE_LEN_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000D0, name: "TEMPLATE_INCOMPLETE", spec_name: "CKR_TEMPLATE_INCOMPLETE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000D1, name: "TEMPLATE_INCONSISTENT", spec_name: "CKR_TEMPLATE_INCONSISTENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000E0, name: "TOKEN_NOT_PRESENT", spec_name: "CKR_TOKEN_NOT_PRESENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000E1, name: "TOKEN_NOT_RECOGNIZED", spec_name: "CKR_TOKEN_NOT_RECOGNIZED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000E2, name: "TOKEN_WRITE_PROTECTED", spec_name: "CKR_TOKEN_WRITE_PROTECTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000F0, name: "UNWRAPPING_KEY_HANDLE_INVALID", spec_name: "CKR_UNWRAPPING_KEY_HANDLE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000F1, name: "UNWRAPPING_KEY_SIZE_RANGE", spec_name: "CKR_UNWRAPPING_KEY_SIZE_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000000F2, name: "UNWRAPPING_KEY_TYPE_INCONSISTENT", spec_name: "CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000100, name: "USER_ALREADY_LOGGED_IN", spec_name: "CKR_USER_ALREADY_LOGGED_IN", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000101, name: "USER_NOT_LOGGED_IN", spec_name: "CKR_USER_NOT_LOGGED_IN", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000102, name: "USER_PIN_NOT_INITIALIZED", spec_name: "CKR_USER_PIN_NOT_INITIALIZED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000103, name: "USER_TYPE_INVALID", spec_name: "CKR_USER_TYPE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000104, name: "USER_ANOTHER_ALREADY_LOGGED_IN", spec_name: "CKR_USER_ANOTHER_ALREADY_LOGGED_IN", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000105, name: "USER_TOO_MANY_TYPES", spec_name: "CKR_USER_TOO_MANY_TYPES", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000110, name: "WRAPPED_KEY_INVALID", spec_name: "CKR_WRAPPED_KEY_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000112, name: "WRAPPED_KEY_LEN_RANGE", spec_name: "CKR_WRAPPED_KEY_LEN_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000113, name: "WRAPPING_KEY_HANDLE_INVALID", spec_name: "CKR_WRAPPING_KEY_HANDLE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000114, name: "WRAPPING_KEY_SIZE_RANGE", spec_name: "CKR_WRAPPING_KEY_SIZE_RANGE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000115, name: "WRAPPING_KEY_TYPE_INCONSISTENT", spec_name: "CKR_WRAPPING_KEY_TYPE_INCONSISTENT", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000120, name: "RANDOM_SEED_NOT_SUPPORTED", spec_name: "CKR_RANDOM_SEED_NOT_SUPPORTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000121, name: "RANDOM_NO_RNG", spec_name: "CKR_RANDOM_NO_RNG", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000130, name: "DOMAIN_PARAMS_INVALID", spec_name: "CKR_DOMAIN_PARAMS_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000140, name: "CURVE_NOT_SUPPORTED", spec_name: "CKR_CURVE_NOT_SUPPORTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000150, name: "BUFFER_TOO_SMALL", spec_name: "CKR_BUFFER_TOO_SMALL", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000160, name: "SAVED_STATE_INVALID", spec_name: "CKR_SAVED_STATE_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000170, name: "INFORMATION_SENSITIVE", spec_name: "CKR_INFORMATION_SENSITIVE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000180, name: "STATE_UNSAVEABLE", spec_name: "CKR_STATE_UNSAVEABLE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000190, name: "CRYPTOKI_NOT_INITIALIZED", spec_name: "CKR_CRYPTOKI_NOT_INITIALIZED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000191, name: "CRYPTOKI_ALREADY_INITIALIZED", spec_name: "CKR_CRYPTOKI_ALREADY_INITIALIZED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001A0, name: "MUTEX_BAD", spec_name: "CKR_MUTEX_BAD", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001A1, name: "MUTEX_NOT_LOCKED", spec_name: "CKR_MUTEX_NOT_LOCKED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B0, name: "NEW_PIN_MODE", spec_name: "CKR_NEW_PIN_MODE", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B1, name: "NEXT_OTP", spec_name: "CKR_NEXT_OTP", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B5, name: "EXCEEDED_MAX_ITERATIONS", spec_name: "CKR_EXCEEDED_MAX_ITERATIONS", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B6, name: "FIPS_SELF_TEST_FAILED", spec_name: "CKR_FIPS_SELF_TEST_FAILED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B7, name: "LIBRARY_LOAD_FAILED", spec_name: "CKR_LIBRARY_LOAD_FAILED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B8, name: "PIN_TOO_WEAK", spec_name: "CKR_PIN_TOO_WEAK", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x000001B9, name: "PUBLIC_KEY_INVALID", spec_name: "CKR_PUBLIC_KEY_INVALID", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000200, name: "FUNCTION_REJECTED", spec_name: "CKR_FUNCTION_REJECTED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000201, name: "TOKEN_RESOURCE_EXCEEDED", spec_name: "CKR_TOKEN_RESOURCE_EXCEEDED", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000202, name: "OPERATION_CANCEL_FAILED", spec_name: "CKR_OPERATION_CANCEL_FAILED", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Padding Method (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PaddingMethod(pub u32);

impl PaddingMethod {
    /// None (`0x00000001`, KMIP 1.0).
    pub const NONE: PaddingMethod = PaddingMethod(0x00000001);
    /// OAEP (`0x00000002`, KMIP 1.0).
    pub const OAEP: PaddingMethod = PaddingMethod(0x00000002);
    /// PKCS5 (`0x00000003`, KMIP 1.0).
    pub const PKCS5: PaddingMethod = PaddingMethod(0x00000003);
    /// SSL3 (`0x00000004`, KMIP 1.0).
    pub const SSL3: PaddingMethod = PaddingMethod(0x00000004);
    /// Zeros (`0x00000005`, KMIP 1.0).
    pub const ZEROS: PaddingMethod = PaddingMethod(0x00000005);
    /// ANSI X9.23 (`0x00000006`, KMIP 1.0).
    pub const ANSIX9_23: PaddingMethod = PaddingMethod(0x00000006);
    /// ISO 10126 (`0x00000007`, KMIP 1.0).
    pub const ISO10126: PaddingMethod = PaddingMethod(0x00000007);
    /// PKCS1 v1.5 (`0x00000008`, KMIP 1.0).
    pub const PKCS1_V1_5: PaddingMethod = PaddingMethod(0x00000008);
    /// X9.31 (`0x00000009`, KMIP 1.0).
    pub const X9_31: PaddingMethod = PaddingMethod(0x00000009);
    /// PSS (`0x0000000A`, KMIP 1.0).
    pub const PSS: PaddingMethod = PaddingMethod(0x0000000A);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PADDING_METHOD
    }
}

impl fmt::Debug for PaddingMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PADDING_METHOD.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Padding Method table.
pub static PADDING_METHOD: EnumerationInfo = EnumerationInfo {
    name: "PaddingMethod",
    spec_name: "Padding Method",
    values: &[
        EnumValue { value: 0x00000001, name: "None", spec_name: "None", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "OAEP", spec_name: "OAEP", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PKCS5", spec_name: "PKCS5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "SSL3", spec_name: "SSL3", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "Zeros", spec_name: "Zeros", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "ANSIX9_23", spec_name: "ANSI X9.23", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "ISO10126", spec_name: "ISO 10126", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "PKCS1V1_5", spec_name: "PKCS1 v1.5", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "X9_31", spec_name: "X9.31", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "PSS", spec_name: "PSS", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Profile Name (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ProfileName(pub u32);

impl ProfileName {
    /// Baseline Server Basic KMIP v1.2 (`0x00000001`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_SERVER_BASIC_KMIPV1_2: ProfileName = ProfileName(0x00000001);
    /// Baseline Server TLS v1.2 KMIP v1.2 (`0x00000002`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_SERVER_TLSV1_2_KMIPV1_2: ProfileName = ProfileName(0x00000002);
    /// Baseline Client Basic KMIP v1.2 (`0x00000003`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_CLIENT_BASIC_KMIPV1_2: ProfileName = ProfileName(0x00000003);
    /// Baseline Client TLS v1.2 KMIP v1.2 (`0x00000004`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_CLIENT_TLSV1_2_KMIPV1_2: ProfileName = ProfileName(0x00000004);
    /// Complete Server Basic KMIP v1.2 (`0x00000005`, KMIP 1.3, reserved since 2.0).
    pub const COMPLETE_SERVER_BASIC_KMIPV1_2: ProfileName = ProfileName(0x00000005);
    /// Complete Server TLS v1.2 KMIP v1.2 (`0x00000006`, KMIP 1.3, reserved since 2.0).
    pub const COMPLETE_SERVER_TLSV1_2_KMIPV1_2: ProfileName = ProfileName(0x00000006);
    /// Tape Library Client KMIP v1.0 (`0x00000007`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000007);
    /// Tape Library Client KMIP v1.1 (`0x00000008`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000008);
    /// Tape Library Client KMIP v1.2 (`0x00000009`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000009);
    /// Tape Library Server KMIP v1.0 (`0x0000000A`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_SERVER_KMIPV1_0: ProfileName = ProfileName(0x0000000A);
    /// Tape Library Server KMIP v1.1 (`0x0000000B`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_SERVER_KMIPV1_1: ProfileName = ProfileName(0x0000000B);
    /// Tape Library Server KMIP v1.2 (`0x0000000C`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000000C);
    /// Symmetric Key Lifecycle Client KMIP v1.0 (`0x0000000D`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x0000000D);
    /// Symmetric Key Lifecycle Client KMIP v1.1 (`0x0000000E`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x0000000E);
    /// Symmetric Key Lifecycle Client KMIP v1.2 (`0x0000000F`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000000F);
    /// Symmetric Key Lifecycle Server KMIP v1.0 (`0x00000010`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000010);
    /// Symmetric Key Lifecycle Server KMIP v1.1 (`0x00000011`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000011);
    /// Symmetric Key Lifecycle Server KMIP v1.2 (`0x00000012`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000012);
    /// Asymmetric Key Lifecycle Client KMIP v1.0 (`0x00000013`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000013);
    /// Asymmetric Key Lifecycle Client KMIP v1.1 (`0x00000014`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000014);
    /// Asymmetric Key Lifecycle Client KMIP v1.2 (`0x00000015`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000015);
    /// Asymmetric Key Lifecycle Server KMIP v1.0 (`0x00000016`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000016);
    /// Asymmetric Key Lifecycle Server KMIP v1.1 (`0x00000017`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000017);
    /// Asymmetric Key Lifecycle Server KMIP v1.2 (`0x00000018`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000018);
    /// Basic Cryptographic Client KMIP v1.2 (`0x00000019`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000019);
    /// Basic Cryptographic Server KMIP v1.2 (`0x0000001A`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000001A);
    /// Advanced Cryptographic Client KMIP v1.2 (`0x0000001B`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000001B);
    /// Advanced Cryptographic Server KMIP v1.2 (`0x0000001C`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000001C);
    /// RNG Cryptographic Client KMIP v1.2 (`0x0000001D`, KMIP 1.3, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000001D);
    /// RNG Cryptographic Server KMIP v1.2 (`0x0000001E`, KMIP 1.3, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000001E);
    /// Basic Symmetric Key Foundry Client KMIP v1.0 (`0x0000001F`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x0000001F);
    /// Intermediate Symmetric Key Foundry Client KMIP v1.0 (`0x00000020`, KMIP 1.3, reserved since 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000020);
    /// Advanced Symmetric Key Foundry Client KMIP v1.0 (`0x00000021`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000021);
    /// Basic Symmetric Key Foundry Client KMIP v1.1 (`0x00000022`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000022);
    /// Intermediate Symmetric Key Foundry Client KMIP v1.1 (`0x00000023`, KMIP 1.3, reserved since 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000023);
    /// Advanced Symmetric Key Foundry Client KMIP v1.1 (`0x00000024`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000024);
    /// Basic Symmetric Key Foundry Client KMIP v1.2 (`0x00000025`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000025);
    /// Intermediate Symmetric Key Foundry Client KMIP v1.2 (`0x00000026`, KMIP 1.3, reserved since 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000026);
    /// Advanced Symmetric Key Foundry Client KMIP v1.2 (`0x00000027`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000027);
    /// Symmetric Key Foundry Server KMIP v1.0 (`0x00000028`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000028);
    /// Symmetric Key Foundry Server KMIP v1.1 (`0x00000029`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000029);
    /// Symmetric Key Foundry Server KMIP v1.2 (`0x0000002A`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000002A);
    /// Opaque Managed Object Store Client KMIP v1.0 (`0x0000002B`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x0000002B);
    /// Opaque Managed Object Store Client KMIP v1.1 (`0x0000002C`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x0000002C);
    /// Opaque Managed Object Store Client KMIP v1.2 (`0x0000002D`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000002D);
    /// Opaque Managed Object Store Server KMIP v1.0 (`0x0000002E`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIPV1_0: ProfileName = ProfileName(0x0000002E);
    /// Opaque Managed Object Store Server KMIP v1.1 (`0x0000002F`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIPV1_1: ProfileName = ProfileName(0x0000002F);
    /// Opaque Managed Object Store Server KMIP v1.2 (`0x00000030`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000030);
    /// Suite B minLOS_128 Client KMIP v1.0 (`0x00000031`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000031);
    /// Suite B minLOS_128 Client KMIP v1.1 (`0x00000032`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000032);
    /// Suite B minLOS_128 Client KMIP v1.2 (`0x00000033`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000033);
    /// Suite B minLOS_128 Server KMIP v1.0 (`0x00000034`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000034);
    /// Suite B minLOS_128 Server KMIP v1.1 (`0x00000035`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000035);
    /// Suite B minLOS_128 Server KMIP v1.2 (`0x00000036`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000036);
    /// Suite B minLOS_192 Client KMIP v1.0 (`0x00000037`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000037);
    /// Suite B minLOS_192 Client KMIP v1.1 (`0x00000038`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000038);
    /// Suite B minLOS_192 Client KMIP v1.2 (`0x00000039`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000039);
    /// Suite B minLOS_192 Server KMIP v1.0 (`0x0000003A`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_SERVER_KMIPV1_0: ProfileName = ProfileName(0x0000003A);
    /// Suite B minLOS_192 Server KMIP v1.1 (`0x0000003B`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_SERVER_KMIPV1_1: ProfileName = ProfileName(0x0000003B);
    /// Suite B minLOS_192 Server KMIP v1.2 (`0x0000003C`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000003C);
    /// Storage Array with Self Encrypting Drive Client KMIP v1.0 (`0x0000003D`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x0000003D);
    /// Storage Array with Self Encrypting Drive Client KMIP v1.1 (`0x0000003E`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x0000003E);
    /// Storage Array with Self Encrypting Drive Client KMIP v1.2 (`0x0000003F`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000003F);
    /// Storage Array with Self Encrypting Drive Server KMIP v1.0 (`0x00000040`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000040);
    /// Storage Array with Self Encrypting Drive Server KMIP v1.1 (`0x00000041`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000041);
    /// Storage Array with Self Encrypting Drive Server KMIP v1.2 (`0x00000042`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000042);
    /// HTTPS Client KMIP v1.0 (`0x00000043`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000043);
    /// HTTPS Client KMIP v1.1 (`0x00000044`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000044);
    /// HTTPS Client KMIP v1.2 (`0x00000045`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000045);
    /// HTTPS Server KMIP v1.0 (`0x00000046`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000046);
    /// HTTPS Server KMIP v1.1 (`0x00000047`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000047);
    /// HTTPS Server KMIP v1.2 (`0x00000048`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000048);
    /// JSON Client KMIP v1.0 (`0x00000049`, KMIP 1.3, reserved since 2.0).
    pub const JSON_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x00000049);
    /// JSON Client KMIP v1.1 (`0x0000004A`, KMIP 1.3, reserved since 2.0).
    pub const JSON_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x0000004A);
    /// JSON Client KMIP v1.2 (`0x0000004B`, KMIP 1.3, reserved since 2.0).
    pub const JSON_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x0000004B);
    /// JSON Server KMIP v1.0 (`0x0000004C`, KMIP 1.3, reserved since 2.0).
    pub const JSON_SERVER_KMIPV1_0: ProfileName = ProfileName(0x0000004C);
    /// JSON Server KMIP v1.1 (`0x0000004D`, KMIP 1.3, reserved since 2.0).
    pub const JSON_SERVER_KMIPV1_1: ProfileName = ProfileName(0x0000004D);
    /// JSON Server KMIP v1.2 (`0x0000004E`, KMIP 1.3, reserved since 2.0).
    pub const JSON_SERVER_KMIPV1_2: ProfileName = ProfileName(0x0000004E);
    /// XML Client KMIP v1.0 (`0x0000004F`, KMIP 1.3, reserved since 2.0).
    pub const XML_CLIENT_KMIPV1_0: ProfileName = ProfileName(0x0000004F);
    /// XML Client KMIP v1.1 (`0x00000050`, KMIP 1.3, reserved since 2.0).
    pub const XML_CLIENT_KMIPV1_1: ProfileName = ProfileName(0x00000050);
    /// XML Client KMIP v1.2 (`0x00000051`, KMIP 1.3, reserved since 2.0).
    pub const XML_CLIENT_KMIPV1_2: ProfileName = ProfileName(0x00000051);
    /// XML Server KMIP v1.0 (`0x00000052`, KMIP 1.3, reserved since 2.0).
    pub const XML_SERVER_KMIPV1_0: ProfileName = ProfileName(0x00000052);
    /// XML Server KMIP v1.1 (`0x00000053`, KMIP 1.3, reserved since 2.0).
    pub const XML_SERVER_KMIPV1_1: ProfileName = ProfileName(0x00000053);
    /// XML Server KMIP v1.2 (`0x00000054`, KMIP 1.3, reserved since 2.0).
    pub const XML_SERVER_KMIPV1_2: ProfileName = ProfileName(0x00000054);
    /// Baseline Server Basic KMIP v1.3 (`0x00000055`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_SERVER_BASIC_KMIPV1_3: ProfileName = ProfileName(0x00000055);
    /// Baseline Server TLS v1.2 KMIP v1.3 (`0x00000056`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_SERVER_TLSV1_2_KMIPV1_3: ProfileName = ProfileName(0x00000056);
    /// Baseline Client Basic KMIP v1.3 (`0x00000057`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_CLIENT_BASIC_KMIPV1_3: ProfileName = ProfileName(0x00000057);
    /// Baseline Client TLS v1.2 KMIP v1.3 (`0x00000058`, KMIP 1.3, reserved since 2.0).
    pub const BASELINE_CLIENT_TLSV1_2_KMIPV1_3: ProfileName = ProfileName(0x00000058);
    /// Complete Server Basic KMIP v1.3 (`0x00000059`, KMIP 1.3, reserved since 2.0).
    pub const COMPLETE_SERVER_BASIC_KMIPV1_3: ProfileName = ProfileName(0x00000059);
    /// Complete Server TLS v1.2 KMIP v1.3 (`0x0000005A`, KMIP 1.3, reserved since 2.0).
    pub const COMPLETE_SERVER_TLSV1_2_KMIPV1_3: ProfileName = ProfileName(0x0000005A);
    /// Tape Library Client KMIP v1.3 (`0x0000005B`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000005B);
    /// Tape Library Server KMIP v1.3 (`0x0000005C`, KMIP 1.3, reserved since 2.0).
    pub const TAPE_LIBRARY_SERVER_KMIPV1_3: ProfileName = ProfileName(0x0000005C);
    /// Symmetric Key Lifecycle Client KMIP v1.3 (`0x0000005D`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000005D);
    /// Symmetric Key Lifecycle Server KMIP v1.3 (`0x0000005E`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_3: ProfileName = ProfileName(0x0000005E);
    /// Asymmetric Key Lifecycle Client KMIP v1.3 (`0x0000005F`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000005F);
    /// Asymmetric Key Lifecycle Server KMIP v1.3 (`0x00000060`, KMIP 1.3, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000060);
    /// Basic Cryptographic Client KMIP v1.3 (`0x00000061`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000061);
    /// Basic Cryptographic Server KMIP v1.3 (`0x00000062`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000062);
    /// Advanced Cryptographic Client KMIP v1.3 (`0x00000063`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000063);
    /// Advanced Cryptographic Server KMIP v1.3 (`0x00000064`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000064);
    /// RNG Cryptographic Client KMIP v1.3 (`0x00000065`, KMIP 1.3, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000065);
    /// RNG Cryptographic Server KMIP v1.3 (`0x00000066`, KMIP 1.3, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000066);
    /// Basic Symmetric Key Foundry Client KMIP v1.3 (`0x00000067`, KMIP 1.3, reserved since 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000067);
    /// Intermediate Symmetric Key Foundry Client KMIP v1.3 (`0x00000068`, KMIP 1.3, reserved since 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000068);
    /// Advanced Symmetric Key Foundry Client KMIP v1.3 (`0x00000069`, KMIP 1.3, reserved since 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000069);
    /// Symmetric Key Foundry Server KMIP v1.3 (`0x0000006A`, KMIP 1.3, reserved since 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER_KMIPV1_3: ProfileName = ProfileName(0x0000006A);
    /// Opaque Managed Object Store Client KMIP v1.3 (`0x0000006B`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000006B);
    /// Opaque Managed Object Store Server KMIP v1.3 (`0x0000006C`, KMIP 1.3, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIPV1_3: ProfileName = ProfileName(0x0000006C);
    /// Suite B minLOS_128 Client KMIP v1.3 (`0x0000006D`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000006D);
    /// Suite B minLOS_128 Server KMIP v1.3 (`0x0000006E`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_SERVER_KMIPV1_3: ProfileName = ProfileName(0x0000006E);
    /// Suite B minLOS_192 Client KMIP v1.3 (`0x0000006F`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x0000006F);
    /// Suite B minLOS_192 Server KMIP v1.3 (`0x00000070`, KMIP 1.3, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000070);
    /// Storage Array with Self Encrypting Drive Client KMIP v1.3 (`0x00000071`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000071);
    /// Storage Array with Self Encrypting Drive Server KMIP v1.3 (`0x00000072`, KMIP 1.3, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000072);
    /// HTTPS Client KMIP v1.3 (`0x00000073`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000073);
    /// HTTPS Server KMIP v1.3 (`0x00000074`, KMIP 1.3, reserved since 2.0).
    pub const HTTPS_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000074);
    /// JSON Client KMIP v1.3 (`0x00000075`, KMIP 1.3, reserved since 2.0).
    pub const JSON_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000075);
    /// JSON Server KMIP v1.3 (`0x00000076`, KMIP 1.3, reserved since 2.0).
    pub const JSON_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000076);
    /// XML Client KMIP v1.3 (`0x00000077`, KMIP 1.3, reserved since 2.0).
    pub const XML_CLIENT_KMIPV1_3: ProfileName = ProfileName(0x00000077);
    /// XML Server KMIP v1.3 (`0x00000078`, KMIP 1.3, reserved since 2.0).
    pub const XML_SERVER_KMIPV1_3: ProfileName = ProfileName(0x00000078);
    /// Baseline Server Basic KMIP v1.4 (`0x00000079`, KMIP 1.4, reserved since 2.0).
    pub const BASELINE_SERVER_BASIC_KMIPV1_4: ProfileName = ProfileName(0x00000079);
    /// Baseline Server TLS v1.2 KMIP v1.4 (`0x0000007A`, KMIP 1.4, reserved since 2.0).
    pub const BASELINE_SERVER_TLSV1_2_KMIPV1_4: ProfileName = ProfileName(0x0000007A);
    /// Baseline Client Basic KMIP v1.4 (`0x0000007B`, KMIP 1.4, reserved since 2.0).
    pub const BASELINE_CLIENT_BASIC_KMIPV1_4: ProfileName = ProfileName(0x0000007B);
    /// Baseline Client TLS v1.2 KMIP v1.4 (`0x0000007C`, KMIP 1.4, reserved since 2.0).
    pub const BASELINE_CLIENT_TLSV1_2_KMIPV1_4: ProfileName = ProfileName(0x0000007C);
    /// Complete Server Basic KMIP v1.4 (`0x0000007D`, KMIP 1.4, reserved since 2.0).
    pub const COMPLETE_SERVER_BASIC_KMIPV1_4: ProfileName = ProfileName(0x0000007D);
    /// Complete Server TLS v1.2 KMIP v1.4 (`0x0000007E`, KMIP 1.4, reserved since 2.0).
    pub const COMPLETE_SERVER_TLSV1_2_KMIPV1_4: ProfileName = ProfileName(0x0000007E);
    /// Tape Library Client KMIP v1.4 (`0x0000007F`, KMIP 1.4, reserved since 2.0).
    pub const TAPE_LIBRARY_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000007F);
    /// Tape Library Server KMIP v1.4 (`0x00000080`, KMIP 1.4, reserved since 2.0).
    pub const TAPE_LIBRARY_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000080);
    /// Symmetric Key Lifecycle Client KMIP v1.4 (`0x00000081`, KMIP 1.4, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000081);
    /// Symmetric Key Lifecycle Server KMIP v1.4 (`0x00000082`, KMIP 1.4, reserved since 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000082);
    /// Asymmetric Key Lifecycle Client KMIP v1.4 (`0x00000083`, KMIP 1.4, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000083);
    /// Asymmetric Key Lifecycle Server KMIP v1.4 (`0x00000084`, KMIP 1.4, reserved since 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000084);
    /// Basic Cryptographic Client KMIP v1.4 (`0x00000085`, KMIP 1.4, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000085);
    /// Basic Cryptographic Server KMIP v1.4 (`0x00000086`, KMIP 1.4, reserved since 2.0).
    pub const BASIC_CRYPTOGRAPHIC_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000086);
    /// Advanced Cryptographic Client KMIP v1.4 (`0x00000087`, KMIP 1.4, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000087);
    /// Advanced Cryptographic Server KMIP v1.4 (`0x00000088`, KMIP 1.4, reserved since 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000088);
    /// RNG Cryptographic Client KMIP v1.4 (`0x00000089`, KMIP 1.4, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000089);
    /// RNG Cryptographic Server KMIP v1.4 (`0x0000008A`, KMIP 1.4, reserved since 2.0).
    pub const RNG_CRYPTOGRAPHIC_SERVER_KMIPV1_4: ProfileName = ProfileName(0x0000008A);
    /// Basic Symmetric Key Foundry Client KMIP v1.4 (`0x0000008B`, KMIP 1.4, reserved since 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000008B);
    /// Intermediate Symmetric Key Foundry Client KMIP v1.4 (`0x0000008C`, KMIP 1.4, reserved since 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000008C);
    /// Advanced Symmetric Key Foundry Client KMIP v1.4 (`0x0000008D`, KMIP 1.4, reserved since 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000008D);
    /// Symmetric Key Foundry Server KMIP v1.4 (`0x0000008E`, KMIP 1.4, reserved since 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER_KMIPV1_4: ProfileName = ProfileName(0x0000008E);
    /// Opaque Managed Object Store Client KMIP v1.4 (`0x0000008F`, KMIP 1.4, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000008F);
    /// Opaque Managed Object Store Server KMIP v1.4 (`0x00000090`, KMIP 1.4, reserved since 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000090);
    /// Suite B minLOS_128 Client KMIP v1.4 (`0x00000091`, KMIP 1.4, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000091);
    /// Suite B minLOS_128 Server KMIP v1.4 (`0x00000092`, KMIP 1.4, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_128_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000092);
    /// Suite B minLOS_192 Client KMIP v1.4 (`0x00000093`, KMIP 1.4, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000093);
    /// Suite B minLOS_192 Server KMIP v1.4 (`0x00000094`, KMIP 1.4, reserved since 2.0).
    pub const SUITE_B_MIN_LOS_192_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000094);
    /// Storage Array with Self Encrypting Drive Client KMIP v1.4 (`0x00000095`, KMIP 1.4, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000095);
    /// Storage Array with Self Encrypting Drive Server KMIP v1.4 (`0x00000096`, KMIP 1.4, reserved since 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000096);
    /// HTTPS Client KMIP v1.4 (`0x00000097`, KMIP 1.4, reserved since 2.0).
    pub const HTTPS_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000097);
    /// HTTPS Server KMIP v1.4 (`0x00000098`, KMIP 1.4, reserved since 2.0).
    pub const HTTPS_SERVER_KMIPV1_4: ProfileName = ProfileName(0x00000098);
    /// JSON Client KMIP v1.4 (`0x00000099`, KMIP 1.4, reserved since 2.0).
    pub const JSON_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x00000099);
    /// JSON Server KMIP v1.4 (`0x0000009A`, KMIP 1.4, reserved since 2.0).
    pub const JSON_SERVER_KMIPV1_4: ProfileName = ProfileName(0x0000009A);
    /// XML Client KMIP v1.4 (`0x0000009B`, KMIP 1.4, reserved since 2.0).
    pub const XML_CLIENT_KMIPV1_4: ProfileName = ProfileName(0x0000009B);
    /// XML Server KMIP v1.4 (`0x0000009C`, KMIP 1.4, reserved since 2.0).
    pub const XML_SERVER_KMIPV1_4: ProfileName = ProfileName(0x0000009C);
    /// Complete Server Basic (`0x00000104`, KMIP 2.0).
    pub const COMPLETE_SERVER_BASIC: ProfileName = ProfileName(0x00000104);
    /// Complete Server TLS v1.2 (`0x00000105`, KMIP 2.0).
    pub const COMPLETE_SERVER_TLSV1_2: ProfileName = ProfileName(0x00000105);
    /// Tape Library Client (`0x00000106`, KMIP 2.0).
    pub const TAPE_LIBRARY_CLIENT: ProfileName = ProfileName(0x00000106);
    /// Tape Library Server (`0x00000107`, KMIP 2.0).
    pub const TAPE_LIBRARY_SERVER: ProfileName = ProfileName(0x00000107);
    /// Symmetric Key Lifecycle Client (`0x00000108`, KMIP 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_CLIENT: ProfileName = ProfileName(0x00000108);
    /// Symmetric Key Lifecycle Server (`0x00000109`, KMIP 2.0).
    pub const SYMMETRIC_KEY_LIFECYCLE_SERVER: ProfileName = ProfileName(0x00000109);
    /// Asymmetric Key Lifecycle Client (`0x0000010A`, KMIP 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_CLIENT: ProfileName = ProfileName(0x0000010A);
    /// Asymmetric Key Lifecycle Server (`0x0000010B`, KMIP 2.0).
    pub const ASYMMETRIC_KEY_LIFECYCLE_SERVER: ProfileName = ProfileName(0x0000010B);
    /// Basic Cryptographic Client (`0x0000010C`, KMIP 2.0).
    pub const BASIC_CRYPTOGRAPHIC_CLIENT: ProfileName = ProfileName(0x0000010C);
    /// Basic Cryptographic Server (`0x0000010D`, KMIP 2.0).
    pub const BASIC_CRYPTOGRAPHIC_SERVER: ProfileName = ProfileName(0x0000010D);
    /// Advanced Cryptographic Client (`0x0000010E`, KMIP 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_CLIENT: ProfileName = ProfileName(0x0000010E);
    /// Advanced Cryptographic Server (`0x0000010F`, KMIP 2.0).
    pub const ADVANCED_CRYPTOGRAPHIC_SERVER: ProfileName = ProfileName(0x0000010F);
    /// RNG Cryptographic Client (`0x00000110`, KMIP 2.0).
    pub const RNG_CRYPTOGRAPHIC_CLIENT: ProfileName = ProfileName(0x00000110);
    /// RNG Cryptographic Server (`0x00000111`, KMIP 2.0).
    pub const RNG_CRYPTOGRAPHIC_SERVER: ProfileName = ProfileName(0x00000111);
    /// Basic Symmetric Key Foundry Client (`0x00000112`, KMIP 2.0).
    pub const BASIC_SYMMETRIC_KEY_FOUNDRY_CLIENT: ProfileName = ProfileName(0x00000112);
    /// Intermediate Symmetric Key Foundry Client (`0x00000113`, KMIP 2.0).
    pub const INTERMEDIATE_SYMMETRIC_KEY_FOUNDRY_CLIENT: ProfileName = ProfileName(0x00000113);
    /// Advanced Symmetric Key Foundry Client (`0x00000114`, KMIP 2.0).
    pub const ADVANCED_SYMMETRIC_KEY_FOUNDRY_CLIENT: ProfileName = ProfileName(0x00000114);
    /// Symmetric Key Foundry Server (`0x00000115`, KMIP 2.0).
    pub const SYMMETRIC_KEY_FOUNDRY_SERVER: ProfileName = ProfileName(0x00000115);
    /// Opaque Managed Object Store Client (`0x00000116`, KMIP 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_CLIENT: ProfileName = ProfileName(0x00000116);
    /// Opaque Managed Object Store Server (`0x00000117`, KMIP 2.0).
    pub const OPAQUE_MANAGED_OBJECT_STORE_SERVER: ProfileName = ProfileName(0x00000117);
    /// Suite B minLOS_128 Client (`0x00000118`, KMIP 2.0, reserved since 2.1).
    pub const SUITE_B_MIN_LOS_128_CLIENT: ProfileName = ProfileName(0x00000118);
    /// Suite B minLOS_128 Server (`0x00000119`, KMIP 2.0, reserved since 2.1).
    pub const SUITE_B_MIN_LOS_128_SERVER: ProfileName = ProfileName(0x00000119);
    /// Suite B minLOS_192 Client (`0x0000011A`, KMIP 2.0, reserved since 2.1).
    pub const SUITE_B_MIN_LOS_192_CLIENT: ProfileName = ProfileName(0x0000011A);
    /// Suite B minLOS_192 Server (`0x0000011B`, KMIP 2.0, reserved since 2.1).
    pub const SUITE_B_MIN_LOS_192_SERVER: ProfileName = ProfileName(0x0000011B);
    /// Storage Array with Self Encrypting Drive Client (`0x0000011C`, KMIP 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_CLIENT: ProfileName = ProfileName(0x0000011C);
    /// Storage Array with Self Encrypting Drive Server (`0x0000011D`, KMIP 2.0).
    pub const STORAGE_ARRAY_WITH_SELF_ENCRYPTING_DRIVE_SERVER: ProfileName = ProfileName(0x0000011D);
    /// HTTPS Client (`0x0000011E`, KMIP 2.0).
    pub const HTTPS_CLIENT: ProfileName = ProfileName(0x0000011E);
    /// HTTPS Server (`0x0000011F`, KMIP 2.0).
    pub const HTTPS_SERVER: ProfileName = ProfileName(0x0000011F);
    /// JSON Client (`0x00000120`, KMIP 2.0).
    pub const JSON_CLIENT: ProfileName = ProfileName(0x00000120);
    /// JSON Server (`0x00000121`, KMIP 2.0).
    pub const JSON_SERVER: ProfileName = ProfileName(0x00000121);
    /// XML Client (`0x00000122`, KMIP 2.0).
    pub const XML_CLIENT: ProfileName = ProfileName(0x00000122);
    /// XML Server (`0x00000123`, KMIP 2.0).
    pub const XML_SERVER: ProfileName = ProfileName(0x00000123);
    /// AES XTS Client (`0x00000124`, KMIP 2.0).
    pub const AESXTS_CLIENT: ProfileName = ProfileName(0x00000124);
    /// AES XTS Server (`0x00000125`, KMIP 2.0).
    pub const AESXTS_SERVER: ProfileName = ProfileName(0x00000125);
    /// Quantum Safe Client (`0x00000126`, KMIP 2.0).
    pub const QUANTUM_SAFE_CLIENT: ProfileName = ProfileName(0x00000126);
    /// Quantum Safe Server (`0x00000127`, KMIP 2.0).
    pub const QUANTUM_SAFE_SERVER: ProfileName = ProfileName(0x00000127);
    /// PKCS#11 Client (`0x00000128`, KMIP 2.0).
    pub const PKCS_11_CLIENT: ProfileName = ProfileName(0x00000128);
    /// PKCS#11 Server (`0x00000129`, KMIP 2.0).
    pub const PKCS_11_SERVER: ProfileName = ProfileName(0x00000129);
    /// Baseline Client (`0x0000012A`, KMIP 2.0).
    pub const BASELINE_CLIENT: ProfileName = ProfileName(0x0000012A);
    /// Baseline Server (`0x0000012B`, KMIP 2.0).
    pub const BASELINE_SERVER: ProfileName = ProfileName(0x0000012B);
    /// Complete Server (`0x0000012C`, KMIP 2.0).
    pub const COMPLETE_SERVER: ProfileName = ProfileName(0x0000012C);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PROFILE_NAME
    }
}

impl fmt::Debug for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PROFILE_NAME.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Profile Name table.
pub static PROFILE_NAME: EnumerationInfo = EnumerationInfo {
    name: "ProfileName",
    spec_name: "Profile Name",
    values: &[
        EnumValue { value: 0x00000001, name: "BaselineServerBasicKMIPV1_2", spec_name: "Baseline Server Basic KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000002, name: "BaselineServerTLSV1_2KMIPV1_2", spec_name: "Baseline Server TLS v1.2 KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000003, name: "BaselineClientBasicKMIPV1_2", spec_name: "Baseline Client Basic KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000004, name: "BaselineClientTLSV1_2KMIPV1_2", spec_name: "Baseline Client TLS v1.2 KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000005, name: "CompleteServerBasicKMIPV1_2", spec_name: "Complete Server Basic KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000006, name: "CompleteServerTLSV1_2KMIPV1_2", spec_name: "Complete Server TLS v1.2 KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000007, name: "TapeLibraryClientKMIPV1_0", spec_name: "Tape Library Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000008, name: "TapeLibraryClientKMIPV1_1", spec_name: "Tape Library Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000009, name: "TapeLibraryClientKMIPV1_2", spec_name: "Tape Library Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000A, name: "TapeLibraryServerKMIPV1_0", spec_name: "Tape Library Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000B, name: "TapeLibraryServerKMIPV1_1", spec_name: "Tape Library Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000C, name: "TapeLibraryServerKMIPV1_2", spec_name: "Tape Library Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000D, name: "SymmetricKeyLifecycleClientKMIPV1_0", spec_name: "Symmetric Key Lifecycle Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000E, name: "SymmetricKeyLifecycleClientKMIPV1_1", spec_name: "Symmetric Key Lifecycle Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000F, name: "SymmetricKeyLifecycleClientKMIPV1_2", spec_name: "Symmetric Key Lifecycle Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000010, name: "SymmetricKeyLifecycleServerKMIPV1_0", spec_name: "Symmetric Key Lifecycle Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000011, name: "SymmetricKeyLifecycleServerKMIPV1_1", spec_name: "Symmetric Key Lifecycle Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000012, name: "SymmetricKeyLifecycleServerKMIPV1_2", spec_name: "Symmetric Key Lifecycle Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000013, name: "AsymmetricKeyLifecycleClientKMIPV1_0", spec_name: "Asymmetric Key Lifecycle Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000014, name: "AsymmetricKeyLifecycleClientKMIPV1_1", spec_name: "Asymmetric Key Lifecycle Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000015, name: "AsymmetricKeyLifecycleClientKMIPV1_2", spec_name: "Asymmetric Key Lifecycle Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000016, name: "AsymmetricKeyLifecycleServerKMIPV1_0", spec_name: "Asymmetric Key Lifecycle Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000017, name: "AsymmetricKeyLifecycleServerKMIPV1_1", spec_name: "Asymmetric Key Lifecycle Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000018, name: "AsymmetricKeyLifecycleServerKMIPV1_2", spec_name: "Asymmetric Key Lifecycle Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000019, name: "BasicCryptographicClientKMIPV1_2", spec_name: "Basic Cryptographic Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001A, name: "BasicCryptographicServerKMIPV1_2", spec_name: "Basic Cryptographic Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001B, name: "AdvancedCryptographicClientKMIPV1_2", spec_name: "Advanced Cryptographic Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001C, name: "AdvancedCryptographicServerKMIPV1_2", spec_name: "Advanced Cryptographic Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001D, name: "RNGCryptographicClientKMIPV1_2", spec_name: "RNG Cryptographic Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001E, name: "RNGCryptographicServerKMIPV1_2", spec_name: "RNG Cryptographic Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000001F, name: "BasicSymmetricKeyFoundryClientKMIPV1_0", spec_name: "Basic Symmetric Key Foundry Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000020, name: "IntermediateSymmetricKeyFoundryClientKMIPV1_0", spec_name: "Intermediate Symmetric Key Foundry Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000021, name: "AdvancedSymmetricKeyFoundryClientKMIPV1_0", spec_name: "Advanced Symmetric Key Foundry Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000022, name: "BasicSymmetricKeyFoundryClientKMIPV1_1", spec_name: "Basic Symmetric Key Foundry Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000023, name: "IntermediateSymmetricKeyFoundryClientKMIPV1_1", spec_name: "Intermediate Symmetric Key Foundry Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000024, name: "AdvancedSymmetricKeyFoundryClientKMIPV1_1", spec_name: "Advanced Symmetric Key Foundry Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000025, name: "BasicSymmetricKeyFoundryClientKMIPV1_2", spec_name: "Basic Symmetric Key Foundry Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000026, name: "IntermediateSymmetricKeyFoundryClientKMIPV1_2", spec_name: "Intermediate Symmetric Key Foundry Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000027, name: "AdvancedSymmetricKeyFoundryClientKMIPV1_2", spec_name: "Advanced Symmetric Key Foundry Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000028, name: "SymmetricKeyFoundryServerKMIPV1_0", spec_name: "Symmetric Key Foundry Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000029, name: "SymmetricKeyFoundryServerKMIPV1_1", spec_name: "Symmetric Key Foundry Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002A, name: "SymmetricKeyFoundryServerKMIPV1_2", spec_name: "Symmetric Key Foundry Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002B, name: "OpaqueManagedObjectStoreClientKMIPV1_0", spec_name: "Opaque Managed Object Store Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002C, name: "OpaqueManagedObjectStoreClientKMIPV1_1", spec_name: "Opaque Managed Object Store Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002D, name: "OpaqueManagedObjectStoreClientKMIPV1_2", spec_name: "Opaque Managed Object Store Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002E, name: "OpaqueManagedObjectStoreServerKMIPV1_0", spec_name: "Opaque Managed Object Store Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000002F, name: "OpaqueManagedObjectStoreServerKMIPV1_1", spec_name: "Opaque Managed Object Store Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000030, name: "OpaqueManagedObjectStoreServerKMIPV1_2", spec_name: "Opaque Managed Object Store Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000031, name: "SuiteBMinLOS_128ClientKMIPV1_0", spec_name: "Suite B minLOS_128 Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000032, name: "SuiteBMinLOS_128ClientKMIPV1_1", spec_name: "Suite B minLOS_128 Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000033, name: "SuiteBMinLOS_128ClientKMIPV1_2", spec_name: "Suite B minLOS_128 Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000034, name: "SuiteBMinLOS_128ServerKMIPV1_0", spec_name: "Suite B minLOS_128 Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000035, name: "SuiteBMinLOS_128ServerKMIPV1_1", spec_name: "Suite B minLOS_128 Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000036, name: "SuiteBMinLOS_128ServerKMIPV1_2", spec_name: "Suite B minLOS_128 Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000037, name: "SuiteBMinLOS_192ClientKMIPV1_0", spec_name: "Suite B minLOS_192 Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000038, name: "SuiteBMinLOS_192ClientKMIPV1_1", spec_name: "Suite B minLOS_192 Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000039, name: "SuiteBMinLOS_192ClientKMIPV1_2", spec_name: "Suite B minLOS_192 Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003A, name: "SuiteBMinLOS_192ServerKMIPV1_0", spec_name: "Suite B minLOS_192 Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003B, name: "SuiteBMinLOS_192ServerKMIPV1_1", spec_name: "Suite B minLOS_192 Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003C, name: "SuiteBMinLOS_192ServerKMIPV1_2", spec_name: "Suite B minLOS_192 Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003D, name: "StorageArrayWithSelfEncryptingDriveClientKMIPV1_0", spec_name: "Storage Array with Self Encrypting Drive Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003E, name: "StorageArrayWithSelfEncryptingDriveClientKMIPV1_1", spec_name: "Storage Array with Self Encrypting Drive Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000003F, name: "StorageArrayWithSelfEncryptingDriveClientKMIPV1_2", spec_name: "Storage Array with Self Encrypting Drive Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000040, name: "StorageArrayWithSelfEncryptingDriveServerKMIPV1_0", spec_name: "Storage Array with Self Encrypting Drive Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000041, name: "StorageArrayWithSelfEncryptingDriveServerKMIPV1_1", spec_name: "Storage Array with Self Encrypting Drive Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000042, name: "StorageArrayWithSelfEncryptingDriveServerKMIPV1_2", spec_name: "Storage Array with Self Encrypting Drive Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000043, name: "HTTPSClientKMIPV1_0", spec_name: "HTTPS Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000044, name: "HTTPSClientKMIPV1_1", spec_name: "HTTPS Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000045, name: "HTTPSClientKMIPV1_2", spec_name: "HTTPS Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000046, name: "HTTPSServerKMIPV1_0", spec_name: "HTTPS Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000047, name: "HTTPSServerKMIPV1_1", spec_name: "HTTPS Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000048, name: "HTTPSServerKMIPV1_2", spec_name: "HTTPS Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000049, name: "JSONClientKMIPV1_0", spec_name: "JSON Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004A, name: "JSONClientKMIPV1_1", spec_name: "JSON Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004B, name: "JSONClientKMIPV1_2", spec_name: "JSON Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004C, name: "JSONServerKMIPV1_0", spec_name: "JSON Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004D, name: "JSONServerKMIPV1_1", spec_name: "JSON Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004E, name: "JSONServerKMIPV1_2", spec_name: "JSON Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000004F, name: "XMLClientKMIPV1_0", spec_name: "XML Client KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000050, name: "XMLClientKMIPV1_1", spec_name: "XML Client KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000051, name: "XMLClientKMIPV1_2", spec_name: "XML Client KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000052, name: "XMLServerKMIPV1_0", spec_name: "XML Server KMIP v1.0", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000053, name: "XMLServerKMIPV1_1", spec_name: "XML Server KMIP v1.1", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000054, name: "XMLServerKMIPV1_2", spec_name: "XML Server KMIP v1.2", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000055, name: "BaselineServerBasicKMIPV1_3", spec_name: "Baseline Server Basic KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000056, name: "BaselineServerTLSV1_2KMIPV1_3", spec_name: "Baseline Server TLS v1.2 KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000057, name: "BaselineClientBasicKMIPV1_3", spec_name: "Baseline Client Basic KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000058, name: "BaselineClientTLSV1_2KMIPV1_3", spec_name: "Baseline Client TLS v1.2 KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000059, name: "CompleteServerBasicKMIPV1_3", spec_name: "Complete Server Basic KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005A, name: "CompleteServerTLSV1_2KMIPV1_3", spec_name: "Complete Server TLS v1.2 KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005B, name: "TapeLibraryClientKMIPV1_3", spec_name: "Tape Library Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005C, name: "TapeLibraryServerKMIPV1_3", spec_name: "Tape Library Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005D, name: "SymmetricKeyLifecycleClientKMIPV1_3", spec_name: "Symmetric Key Lifecycle Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005E, name: "SymmetricKeyLifecycleServerKMIPV1_3", spec_name: "Symmetric Key Lifecycle Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000005F, name: "AsymmetricKeyLifecycleClientKMIPV1_3", spec_name: "Asymmetric Key Lifecycle Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000060, name: "AsymmetricKeyLifecycleServerKMIPV1_3", spec_name: "Asymmetric Key Lifecycle Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000061, name: "BasicCryptographicClientKMIPV1_3", spec_name: "Basic Cryptographic Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000062, name: "BasicCryptographicServerKMIPV1_3", spec_name: "Basic Cryptographic Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000063, name: "AdvancedCryptographicClientKMIPV1_3", spec_name: "Advanced Cryptographic Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000064, name: "AdvancedCryptographicServerKMIPV1_3", spec_name: "Advanced Cryptographic Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000065, name: "RNGCryptographicClientKMIPV1_3", spec_name: "RNG Cryptographic Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000066, name: "RNGCryptographicServerKMIPV1_3", spec_name: "RNG Cryptographic Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000067, name: "BasicSymmetricKeyFoundryClientKMIPV1_3", spec_name: "Basic Symmetric Key Foundry Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000068, name: "IntermediateSymmetricKeyFoundryClientKMIPV1_3", spec_name: "Intermediate Symmetric Key Foundry Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000069, name: "AdvancedSymmetricKeyFoundryClientKMIPV1_3", spec_name: "Advanced Symmetric Key Foundry Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006A, name: "SymmetricKeyFoundryServerKMIPV1_3", spec_name: "Symmetric Key Foundry Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006B, name: "OpaqueManagedObjectStoreClientKMIPV1_3", spec_name: "Opaque Managed Object Store Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006C, name: "OpaqueManagedObjectStoreServerKMIPV1_3", spec_name: "Opaque Managed Object Store Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006D, name: "SuiteBMinLOS_128ClientKMIPV1_3", spec_name: "Suite B minLOS_128 Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006E, name: "SuiteBMinLOS_128ServerKMIPV1_3", spec_name: "Suite B minLOS_128 Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000006F, name: "SuiteBMinLOS_192ClientKMIPV1_3", spec_name: "Suite B minLOS_192 Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000070, name: "SuiteBMinLOS_192ServerKMIPV1_3", spec_name: "Suite B minLOS_192 Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000071, name: "StorageArrayWithSelfEncryptingDriveClientKMIPV1_3", spec_name: "Storage Array with Self Encrypting Drive Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000072, name: "StorageArrayWithSelfEncryptingDriveServerKMIPV1_3", spec_name: "Storage Array with Self Encrypting Drive Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000073, name: "HTTPSClientKMIPV1_3", spec_name: "HTTPS Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000074, name: "HTTPSServerKMIPV1_3", spec_name: "HTTPS Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000075, name: "JSONClientKMIPV1_3", spec_name: "JSON Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000076, name: "JSONServerKMIPV1_3", spec_name: "JSON Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000077, name: "XMLClientKMIPV1_3", spec_name: "XML Client KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000078, name: "XMLServerKMIPV1_3", spec_name: "XML Server KMIP v1.3", first_version: ProtocolVersion::V1_3, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000079, name: "BaselineServerBasicKMIPV1_4", spec_name: "Baseline Server Basic KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007A, name: "BaselineServerTLSV1_2KMIPV1_4", spec_name: "Baseline Server TLS v1.2 KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007B, name: "BaselineClientBasicKMIPV1_4", spec_name: "Baseline Client Basic KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007C, name: "BaselineClientTLSV1_2KMIPV1_4", spec_name: "Baseline Client TLS v1.2 KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007D, name: "CompleteServerBasicKMIPV1_4", spec_name: "Complete Server Basic KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007E, name: "CompleteServerTLSV1_2KMIPV1_4", spec_name: "Complete Server TLS v1.2 KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000007F, name: "TapeLibraryClientKMIPV1_4", spec_name: "Tape Library Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000080, name: "TapeLibraryServerKMIPV1_4", spec_name: "Tape Library Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000081, name: "SymmetricKeyLifecycleClientKMIPV1_4", spec_name: "Symmetric Key Lifecycle Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000082, name: "SymmetricKeyLifecycleServerKMIPV1_4", spec_name: "Symmetric Key Lifecycle Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000083, name: "AsymmetricKeyLifecycleClientKMIPV1_4", spec_name: "Asymmetric Key Lifecycle Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000084, name: "AsymmetricKeyLifecycleServerKMIPV1_4", spec_name: "Asymmetric Key Lifecycle Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000085, name: "BasicCryptographicClientKMIPV1_4", spec_name: "Basic Cryptographic Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000086, name: "BasicCryptographicServerKMIPV1_4", spec_name: "Basic Cryptographic Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000087, name: "AdvancedCryptographicClientKMIPV1_4", spec_name: "Advanced Cryptographic Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000088, name: "AdvancedCryptographicServerKMIPV1_4", spec_name: "Advanced Cryptographic Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000089, name: "RNGCryptographicClientKMIPV1_4", spec_name: "RNG Cryptographic Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008A, name: "RNGCryptographicServerKMIPV1_4", spec_name: "RNG Cryptographic Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008B, name: "BasicSymmetricKeyFoundryClientKMIPV1_4", spec_name: "Basic Symmetric Key Foundry Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008C, name: "IntermediateSymmetricKeyFoundryClientKMIPV1_4", spec_name: "Intermediate Symmetric Key Foundry Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008D, name: "AdvancedSymmetricKeyFoundryClientKMIPV1_4", spec_name: "Advanced Symmetric Key Foundry Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008E, name: "SymmetricKeyFoundryServerKMIPV1_4", spec_name: "Symmetric Key Foundry Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000008F, name: "OpaqueManagedObjectStoreClientKMIPV1_4", spec_name: "Opaque Managed Object Store Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000090, name: "OpaqueManagedObjectStoreServerKMIPV1_4", spec_name: "Opaque Managed Object Store Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000091, name: "SuiteBMinLOS_128ClientKMIPV1_4", spec_name: "Suite B minLOS_128 Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000092, name: "SuiteBMinLOS_128ServerKMIPV1_4", spec_name: "Suite B minLOS_128 Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000093, name: "SuiteBMinLOS_192ClientKMIPV1_4", spec_name: "Suite B minLOS_192 Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000094, name: "SuiteBMinLOS_192ServerKMIPV1_4", spec_name: "Suite B minLOS_192 Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000095, name: "StorageArrayWithSelfEncryptingDriveClientKMIPV1_4", spec_name: "Storage Array with Self Encrypting Drive Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000096, name: "StorageArrayWithSelfEncryptingDriveServerKMIPV1_4", spec_name: "Storage Array with Self Encrypting Drive Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000097, name: "HTTPSClientKMIPV1_4", spec_name: "HTTPS Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000098, name: "HTTPSServerKMIPV1_4", spec_name: "HTTPS Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000099, name: "JSONClientKMIPV1_4", spec_name: "JSON Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000009A, name: "JSONServerKMIPV1_4", spec_name: "JSON Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000009B, name: "XMLClientKMIPV1_4", spec_name: "XML Client KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000009C, name: "XMLServerKMIPV1_4", spec_name: "XML Server KMIP v1.4", first_version: ProtocolVersion::V1_4, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000104, name: "CompleteServerBasic", spec_name: "Complete Server Basic", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000105, name: "CompleteServerTLSV1_2", spec_name: "Complete Server TLS v1.2", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000106, name: "TapeLibraryClient", spec_name: "Tape Library Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000107, name: "TapeLibraryServer", spec_name: "Tape Library Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000108, name: "SymmetricKeyLifecycleClient", spec_name: "Symmetric Key Lifecycle Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000109, name: "SymmetricKeyLifecycleServer", spec_name: "Symmetric Key Lifecycle Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010A, name: "AsymmetricKeyLifecycleClient", spec_name: "Asymmetric Key Lifecycle Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010B, name: "AsymmetricKeyLifecycleServer", spec_name: "Asymmetric Key Lifecycle Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010C, name: "BasicCryptographicClient", spec_name: "Basic Cryptographic Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010D, name: "BasicCryptographicServer", spec_name: "Basic Cryptographic Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010E, name: "AdvancedCryptographicClient", spec_name: "Advanced Cryptographic Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000010F, name: "AdvancedCryptographicServer", spec_name: "Advanced Cryptographic Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000110, name: "RNGCryptographicClient", spec_name: "RNG Cryptographic Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000111, name: "RNGCryptographicServer", spec_name: "RNG Cryptographic Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000112, name: "BasicSymmetricKeyFoundryClient", spec_name: "Basic Symmetric Key Foundry Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000113, name: "IntermediateSymmetricKeyFoundryClient", spec_name: "Intermediate Symmetric Key Foundry Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000114, name: "AdvancedSymmetricKeyFoundryClient", spec_name: "Advanced Symmetric Key Foundry Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000115, name: "SymmetricKeyFoundryServer", spec_name: "Symmetric Key Foundry Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000116, name: "OpaqueManagedObjectStoreClient", spec_name: "Opaque Managed Object Store Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000117, name: "OpaqueManagedObjectStoreServer", spec_name: "Opaque Managed Object Store Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000118, name: "SuiteBMinLOS_128Client", spec_name: "Suite B minLOS_128 Client", first_version: ProtocolVersion::V2_0, removed_in: Some(ProtocolVersion::V2_1) },
        EnumValue { value: 0x00000119, name: "SuiteBMinLOS_128Server", spec_name: "Suite B minLOS_128 Server", first_version: ProtocolVersion::V2_0, removed_in: Some(ProtocolVersion::V2_1) },
        EnumValue { value: 0x0000011A, name: "SuiteBMinLOS_192Client", spec_name: "Suite B minLOS_192 Client", first_version: ProtocolVersion::V2_0, removed_in: Some(ProtocolVersion::V2_1) },
        EnumValue { value: 0x0000011B, name: "SuiteBMinLOS_192Server", spec_name: "Suite B minLOS_192 Server", first_version: ProtocolVersion::V2_0, removed_in: Some(ProtocolVersion::V2_1) },
        EnumValue { value: 0x0000011C, name: "StorageArrayWithSelfEncryptingDriveClient", spec_name: "Storage Array with Self Encrypting Drive Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000011D, name: "StorageArrayWithSelfEncryptingDriveServer", spec_name: "Storage Array with Self Encrypting Drive Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000011E, name: "HTTPSClient", spec_name: "HTTPS Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000011F, name: "HTTPSServer", spec_name: "HTTPS Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000120, name: "JSONClient", spec_name: "JSON Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000121, name: "JSONServer", spec_name: "JSON Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000122, name: "XMLClient", spec_name: "XML Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000123, name: "XMLServer", spec_name: "XML Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000124, name: "AESXTSClient", spec_name: "AES XTS Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000125, name: "AESXTSServer", spec_name: "AES XTS Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000126, name: "QuantumSafeClient", spec_name: "Quantum Safe Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000127, name: "QuantumSafeServer", spec_name: "Quantum Safe Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000128, name: "PKCS_11Client", spec_name: "PKCS#11 Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000129, name: "PKCS_11Server", spec_name: "PKCS#11 Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000012A, name: "BaselineClient", spec_name: "Baseline Client", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000012B, name: "BaselineServer", spec_name: "Baseline Server", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000012C, name: "CompleteServer", spec_name: "Complete Server", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Protection Level (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ProtectionLevel(pub u32);

impl ProtectionLevel {
    /// High (`0x00000001`, KMIP 2.0).
    pub const HIGH: ProtectionLevel = ProtectionLevel(0x00000001);
    /// Low (`0x00000002`, KMIP 2.0).
    pub const LOW: ProtectionLevel = ProtectionLevel(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PROTECTION_LEVEL
    }
}

impl fmt::Debug for ProtectionLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PROTECTION_LEVEL.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Protection Level table.
pub static PROTECTION_LEVEL: EnumerationInfo = EnumerationInfo {
    name: "ProtectionLevel",
    spec_name: "Protection Level",
    values: &[
        EnumValue { value: 0x00000001, name: "High", spec_name: "High", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Low", spec_name: "Low", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Put Function (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct PutFunction(pub u32);

impl PutFunction {
    /// New (`0x00000001`, KMIP 1.0).
    pub const NEW: PutFunction = PutFunction(0x00000001);
    /// Replace (`0x00000002`, KMIP 1.0).
    pub const REPLACE: PutFunction = PutFunction(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &PUT_FUNCTION
    }
}

impl fmt::Debug for PutFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match PUT_FUNCTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Put Function table.
pub static PUT_FUNCTION: EnumerationInfo = EnumerationInfo {
    name: "PutFunction",
    spec_name: "Put Function",
    values: &[
        EnumValue { value: 0x00000001, name: "New", spec_name: "New", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Replace", spec_name: "Replace", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Query Function (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct QueryFunction(pub u32);

impl QueryFunction {
    /// Query Operations (`0x00000001`, KMIP 1.0).
    pub const QUERY_OPERATIONS: QueryFunction = QueryFunction(0x00000001);
    /// Query Objects (`0x00000002`, KMIP 1.0).
    pub const QUERY_OBJECTS: QueryFunction = QueryFunction(0x00000002);
    /// Query Server Information (`0x00000003`, KMIP 1.0).
    pub const QUERY_SERVER_INFORMATION: QueryFunction = QueryFunction(0x00000003);
    /// Query Application Namespaces (`0x00000004`, KMIP 1.0).
    pub const QUERY_APPLICATION_NAMESPACES: QueryFunction = QueryFunction(0x00000004);
    /// Query Extension List (`0x00000005`, KMIP 1.1).
    pub const QUERY_EXTENSION_LIST: QueryFunction = QueryFunction(0x00000005);
    /// Query Extension Map (`0x00000006`, KMIP 1.1).
    pub const QUERY_EXTENSION_MAP: QueryFunction = QueryFunction(0x00000006);
    /// Query Attestation Types (`0x00000007`, KMIP 1.2).
    pub const QUERY_ATTESTATION_TYPES: QueryFunction = QueryFunction(0x00000007);
    /// Query RNGs (`0x00000008`, KMIP 1.3).
    pub const QUERY_RNGS: QueryFunction = QueryFunction(0x00000008);
    /// Query Validations (`0x00000009`, KMIP 1.3).
    pub const QUERY_VALIDATIONS: QueryFunction = QueryFunction(0x00000009);
    /// Query Profiles (`0x0000000A`, KMIP 1.3).
    pub const QUERY_PROFILES: QueryFunction = QueryFunction(0x0000000A);
    /// Query Capabilities (`0x0000000B`, KMIP 1.3).
    pub const QUERY_CAPABILITIES: QueryFunction = QueryFunction(0x0000000B);
    /// Query Client Registration Methods (`0x0000000C`, KMIP 1.3).
    pub const QUERY_CLIENT_REGISTRATION_METHODS: QueryFunction = QueryFunction(0x0000000C);
    /// Query Defaults Information (`0x0000000D`, KMIP 2.0).
    pub const QUERY_DEFAULTS_INFORMATION: QueryFunction = QueryFunction(0x0000000D);
    /// Query Storage Protection Masks (`0x0000000E`, KMIP 2.0).
    pub const QUERY_STORAGE_PROTECTION_MASKS: QueryFunction = QueryFunction(0x0000000E);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &QUERY_FUNCTION
    }
}

impl fmt::Debug for QueryFunction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match QUERY_FUNCTION.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Query Function table.
pub static QUERY_FUNCTION: EnumerationInfo = EnumerationInfo {
    name: "QueryFunction",
    spec_name: "Query Function",
    values: &[
        EnumValue { value: 0x00000001, name: "QueryOperations", spec_name: "Query Operations", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "QueryObjects", spec_name: "Query Objects", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "QueryServerInformation", spec_name: "Query Server Information", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "QueryApplicationNamespaces", spec_name: "Query Application Namespaces", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "QueryExtensionList", spec_name: "Query Extension List", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000006, name: "QueryExtensionMap", spec_name: "Query Extension Map", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000007, name: "QueryAttestationTypes", spec_name: "Query Attestation Types", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000008, name: "QueryRNGs", spec_name: "Query RNGs", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000009, name: "QueryValidations", spec_name: "Query Validations", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x0000000A, name: "QueryProfiles", spec_name: "Query Profiles", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x0000000B, name: "QueryCapabilities", spec_name: "Query Capabilities", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x0000000C, name: "QueryClientRegistrationMethods", spec_name: "Query Client Registration Methods", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x0000000D, name: "QueryDefaultsInformation", spec_name: "Query Defaults Information", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "QueryStorageProtectionMasks", spec_name: "Query Storage Protection Masks", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// RNG Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RNGAlgorithm(pub u32);

impl RNGAlgorithm {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: RNGAlgorithm = RNGAlgorithm(0x00000001);
    /// FIPS 186-2 (`0x00000002`, KMIP 1.3).
    pub const FIPS186_2: RNGAlgorithm = RNGAlgorithm(0x00000002);
    /// DRBG (`0x00000003`, KMIP 1.3).
    pub const DRBG: RNGAlgorithm = RNGAlgorithm(0x00000003);
    /// NRBG (`0x00000004`, KMIP 1.3).
    pub const NRBG: RNGAlgorithm = RNGAlgorithm(0x00000004);
    /// ANSI X9.31 (`0x00000005`, KMIP 1.3).
    pub const ANSIX9_31: RNGAlgorithm = RNGAlgorithm(0x00000005);
    /// ANSI X9.62 (`0x00000006`, KMIP 1.3).
    pub const ANSIX9_62: RNGAlgorithm = RNGAlgorithm(0x00000006);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &RNG_ALGORITHM
    }
}

impl fmt::Debug for RNGAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match RNG_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The RNG Algorithm table.
pub static RNG_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "RNGAlgorithm",
    spec_name: "RNG Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "FIPS186_2", spec_name: "FIPS 186-2", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "DRBG", spec_name: "DRBG", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "NRBG", spec_name: "NRBG", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "ANSIX9_31", spec_name: "ANSI X9.31", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000006, name: "ANSIX9_62", spec_name: "ANSI X9.62", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// RNG Mode (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RNGMode(pub u32);

impl RNGMode {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: RNGMode = RNGMode(0x00000001);
    /// Shared Instantiation (`0x00000002`, KMIP 1.3).
    pub const SHARED_INSTANTIATION: RNGMode = RNGMode(0x00000002);
    /// Non-Shared Instantiation (`0x00000003`, KMIP 1.3).
    pub const NON_SHARED_INSTANTIATION: RNGMode = RNGMode(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &RNG_MODE
    }
}

impl fmt::Debug for RNGMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match RNG_MODE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The RNG Mode table.
pub static RNG_MODE: EnumerationInfo = EnumerationInfo {
    name: "RNGMode",
    spec_name: "RNG Mode",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "SharedInstantiation", spec_name: "Shared Instantiation", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "NonSharedInstantiation", spec_name: "Non-Shared Instantiation", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Recommended Curve (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RecommendedCurve(pub u32);

impl RecommendedCurve {
    /// P-192 (`0x00000001`, KMIP 1.0).
    pub const P_192: RecommendedCurve = RecommendedCurve(0x00000001);
    /// K-163 (`0x00000002`, KMIP 1.0).
    pub const K_163: RecommendedCurve = RecommendedCurve(0x00000002);
    /// B-163 (`0x00000003`, KMIP 1.0).
    pub const B_163: RecommendedCurve = RecommendedCurve(0x00000003);
    /// P-224 (`0x00000004`, KMIP 1.0).
    pub const P_224: RecommendedCurve = RecommendedCurve(0x00000004);
    /// K-233 (`0x00000005`, KMIP 1.0).
    pub const K_233: RecommendedCurve = RecommendedCurve(0x00000005);
    /// B-233 (`0x00000006`, KMIP 1.0).
    pub const B_233: RecommendedCurve = RecommendedCurve(0x00000006);
    /// P-256 (`0x00000007`, KMIP 1.0).
    pub const P_256: RecommendedCurve = RecommendedCurve(0x00000007);
    /// K-283 (`0x00000008`, KMIP 1.0).
    pub const K_283: RecommendedCurve = RecommendedCurve(0x00000008);
    /// B-283 (`0x00000009`, KMIP 1.0).
    pub const B_283: RecommendedCurve = RecommendedCurve(0x00000009);
    /// P-384 (`0x0000000A`, KMIP 1.0).
    pub const P_384: RecommendedCurve = RecommendedCurve(0x0000000A);
    /// K-409 (`0x0000000B`, KMIP 1.0).
    pub const K_409: RecommendedCurve = RecommendedCurve(0x0000000B);
    /// B-409 (`0x0000000C`, KMIP 1.0).
    pub const B_409: RecommendedCurve = RecommendedCurve(0x0000000C);
    /// P-521 (`0x0000000D`, KMIP 1.0).
    pub const P_521: RecommendedCurve = RecommendedCurve(0x0000000D);
    /// K-571 (`0x0000000E`, KMIP 1.0).
    pub const K_571: RecommendedCurve = RecommendedCurve(0x0000000E);
    /// B-571 (`0x0000000F`, KMIP 1.0).
    pub const B_571: RecommendedCurve = RecommendedCurve(0x0000000F);
    /// SECP112R1 (`0x00000010`, KMIP 1.2).
    pub const SECP112_R1: RecommendedCurve = RecommendedCurve(0x00000010);
    /// SECP112R2 (`0x00000011`, KMIP 1.2).
    pub const SECP112_R2: RecommendedCurve = RecommendedCurve(0x00000011);
    /// SECP128R1 (`0x00000012`, KMIP 1.2).
    pub const SECP128_R1: RecommendedCurve = RecommendedCurve(0x00000012);
    /// SECP128R2 (`0x00000013`, KMIP 1.2).
    pub const SECP128_R2: RecommendedCurve = RecommendedCurve(0x00000013);
    /// SECP160K1 (`0x00000014`, KMIP 1.2).
    pub const SECP160_K1: RecommendedCurve = RecommendedCurve(0x00000014);
    /// SECP160R1 (`0x00000015`, KMIP 1.2).
    pub const SECP160_R1: RecommendedCurve = RecommendedCurve(0x00000015);
    /// SECP160R2 (`0x00000016`, KMIP 1.2).
    pub const SECP160_R2: RecommendedCurve = RecommendedCurve(0x00000016);
    /// SECP192K1 (`0x00000017`, KMIP 1.2).
    pub const SECP192_K1: RecommendedCurve = RecommendedCurve(0x00000017);
    /// SECP224K1 (`0x00000018`, KMIP 1.2).
    pub const SECP224_K1: RecommendedCurve = RecommendedCurve(0x00000018);
    /// SECP256K1 (`0x00000019`, KMIP 1.2).
    pub const SECP256_K1: RecommendedCurve = RecommendedCurve(0x00000019);
    /// SECT113R1 (`0x0000001A`, KMIP 1.2).
    pub const SECT113_R1: RecommendedCurve = RecommendedCurve(0x0000001A);
    /// SECT113R2 (`0x0000001B`, KMIP 1.2).
    pub const SECT113_R2: RecommendedCurve = RecommendedCurve(0x0000001B);
    /// SECT131R1 (`0x0000001C`, KMIP 1.2).
    pub const SECT131_R1: RecommendedCurve = RecommendedCurve(0x0000001C);
    /// SECT131R2 (`0x0000001D`, KMIP 1.2).
    pub const SECT131_R2: RecommendedCurve = RecommendedCurve(0x0000001D);
    /// SECT163R1 (`0x0000001E`, KMIP 1.2).
    pub const SECT163_R1: RecommendedCurve = RecommendedCurve(0x0000001E);
    /// SECT193R1 (`0x0000001F`, KMIP 1.2).
    pub const SECT193_R1: RecommendedCurve = RecommendedCurve(0x0000001F);
    /// SECT193R2 (`0x00000020`, KMIP 1.2).
    pub const SECT193_R2: RecommendedCurve = RecommendedCurve(0x00000020);
    /// SECT239K1 (`0x00000021`, KMIP 1.2).
    pub const SECT239_K1: RecommendedCurve = RecommendedCurve(0x00000021);
    /// ANSIX9P192V2 (`0x00000022`, KMIP 1.2).
    pub const ANSIX9_P192_V2: RecommendedCurve = RecommendedCurve(0x00000022);
    /// ANSIX9P192V3 (`0x00000023`, KMIP 1.2).
    pub const ANSIX9_P192_V3: RecommendedCurve = RecommendedCurve(0x00000023);
    /// ANSIX9P239V1 (`0x00000024`, KMIP 1.2).
    pub const ANSIX9_P239_V1: RecommendedCurve = RecommendedCurve(0x00000024);
    /// ANSIX9P239V2 (`0x00000025`, KMIP 1.2).
    pub const ANSIX9_P239_V2: RecommendedCurve = RecommendedCurve(0x00000025);
    /// ANSIX9P239V3 (`0x00000026`, KMIP 1.2).
    pub const ANSIX9_P239_V3: RecommendedCurve = RecommendedCurve(0x00000026);
    /// ANSIX9C2PNB163V1 (`0x00000027`, KMIP 1.2).
    pub const ANSIX9_C2_PNB163_V1: RecommendedCurve = RecommendedCurve(0x00000027);
    /// ANSIX9C2PNB163V2 (`0x00000028`, KMIP 1.2).
    pub const ANSIX9_C2_PNB163_V2: RecommendedCurve = RecommendedCurve(0x00000028);
    /// ANSIX9C2PNB163V3 (`0x00000029`, KMIP 1.2).
    pub const ANSIX9_C2_PNB163_V3: RecommendedCurve = RecommendedCurve(0x00000029);
    /// ANSIX9C2PNB176V1 (`0x0000002A`, KMIP 1.2).
    pub const ANSIX9_C2_PNB176_V1: RecommendedCurve = RecommendedCurve(0x0000002A);
    /// ANSIX9C2TNB191V1 (`0x0000002B`, KMIP 1.2).
    pub const ANSIX9_C2_TNB191_V1: RecommendedCurve = RecommendedCurve(0x0000002B);
    /// ANSIX9C2TNB191V2 (`0x0000002C`, KMIP 1.2).
    pub const ANSIX9_C2_TNB191_V2: RecommendedCurve = RecommendedCurve(0x0000002C);
    /// ANSIX9C2TNB191V3 (`0x0000002D`, KMIP 1.2).
    pub const ANSIX9_C2_TNB191_V3: RecommendedCurve = RecommendedCurve(0x0000002D);
    /// ANSIX9C2PNB208W1 (`0x0000002E`, KMIP 1.2).
    pub const ANSIX9_C2_PNB208_W1: RecommendedCurve = RecommendedCurve(0x0000002E);
    /// ANSIX9C2TNB239V1 (`0x0000002F`, KMIP 1.2).
    pub const ANSIX9_C2_TNB239_V1: RecommendedCurve = RecommendedCurve(0x0000002F);
    /// ANSIX9C2TNB239V2 (`0x00000030`, KMIP 1.2).
    pub const ANSIX9_C2_TNB239_V2: RecommendedCurve = RecommendedCurve(0x00000030);
    /// ANSIX9C2TNB239V3 (`0x00000031`, KMIP 1.2).
    pub const ANSIX9_C2_TNB239_V3: RecommendedCurve = RecommendedCurve(0x00000031);
    /// ANSIX9C2PNB272W1 (`0x00000032`, KMIP 1.2).
    pub const ANSIX9_C2_PNB272_W1: RecommendedCurve = RecommendedCurve(0x00000032);
    /// ANSIX9C2PNB304W1 (`0x00000033`, KMIP 1.2).
    pub const ANSIX9_C2_PNB304_W1: RecommendedCurve = RecommendedCurve(0x00000033);
    /// ANSIX9C2TNB359V1 (`0x00000034`, KMIP 1.2).
    pub const ANSIX9_C2_TNB359_V1: RecommendedCurve = RecommendedCurve(0x00000034);
    /// ANSIX9C2PNB368W1 (`0x00000035`, KMIP 1.2).
    pub const ANSIX9_C2_PNB368_W1: RecommendedCurve = RecommendedCurve(0x00000035);
    /// ANSIX9C2TNB431R1 (`0x00000036`, KMIP 1.2).
    pub const ANSIX9_C2_TNB431_R1: RecommendedCurve = RecommendedCurve(0x00000036);
    /// BRAINPOOLP160R1 (`0x00000037`, KMIP 1.2).
    pub const BRAINPOOLP160_R1: RecommendedCurve = RecommendedCurve(0x00000037);
    /// BRAINPOOLP160T1 (`0x00000038`, KMIP 1.2).
    pub const BRAINPOOLP160_T1: RecommendedCurve = RecommendedCurve(0x00000038);
    /// BRAINPOOLP192R1 (`0x00000039`, KMIP 1.2).
    pub const BRAINPOOLP192_R1: RecommendedCurve = RecommendedCurve(0x00000039);
    /// BRAINPOOLP192T1 (`0x0000003A`, KMIP 1.2).
    pub const BRAINPOOLP192_T1: RecommendedCurve = RecommendedCurve(0x0000003A);
    /// BRAINPOOLP224R1 (`0x0000003B`, KMIP 1.2).
    pub const BRAINPOOLP224_R1: RecommendedCurve = RecommendedCurve(0x0000003B);
    /// BRAINPOOLP224T1 (`0x0000003C`, KMIP 1.2).
    pub const BRAINPOOLP224_T1: RecommendedCurve = RecommendedCurve(0x0000003C);
    /// BRAINPOOLP256R1 (`0x0000003D`, KMIP 1.2).
    pub const BRAINPOOLP256_R1: RecommendedCurve = RecommendedCurve(0x0000003D);
    /// BRAINPOOLP256T1 (`0x0000003E`, KMIP 1.2).
    pub const BRAINPOOLP256_T1: RecommendedCurve = RecommendedCurve(0x0000003E);
    /// BRAINPOOLP320R1 (`0x0000003F`, KMIP 1.2).
    pub const BRAINPOOLP320_R1: RecommendedCurve = RecommendedCurve(0x0000003F);
    /// BRAINPOOLP320T1 (`0x00000040`, KMIP 1.2).
    pub const BRAINPOOLP320_T1: RecommendedCurve = RecommendedCurve(0x00000040);
    /// BRAINPOOLP384R1 (`0x00000041`, KMIP 1.2).
    pub const BRAINPOOLP384_R1: RecommendedCurve = RecommendedCurve(0x00000041);
    /// BRAINPOOLP384T1 (`0x00000042`, KMIP 1.2).
    pub const BRAINPOOLP384_T1: RecommendedCurve = RecommendedCurve(0x00000042);
    /// BRAINPOOLP512R1 (`0x00000043`, KMIP 1.2).
    pub const BRAINPOOLP512_R1: RecommendedCurve = RecommendedCurve(0x00000043);
    /// BRAINPOOLP512T1 (`0x00000044`, KMIP 1.2).
    pub const BRAINPOOLP512_T1: RecommendedCurve = RecommendedCurve(0x00000044);
    /// CURVE25519 (`0x00000045`, KMIP 2.0).
    pub const CURVE25519: RecommendedCurve = RecommendedCurve(0x00000045);
    /// CURVE448 (`0x00000046`, KMIP 2.0).
    pub const CURVE448: RecommendedCurve = RecommendedCurve(0x00000046);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &RECOMMENDED_CURVE
    }
}

impl fmt::Debug for RecommendedCurve {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match RECOMMENDED_CURVE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Recommended Curve table.
pub static RECOMMENDED_CURVE: EnumerationInfo = EnumerationInfo {
    name: "RecommendedCurve",
    spec_name: "Recommended Curve",
    values: &[
        EnumValue { value: 0x00000001, name: "P_192", spec_name: "P-192", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "K_163", spec_name: "K-163", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "B_163", spec_name: "B-163", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "P_224", spec_name: "P-224", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "K_233", spec_name: "K-233", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "B_233", spec_name: "B-233", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "P_256", spec_name: "P-256", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "K_283", spec_name: "K-283", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "B_283", spec_name: "B-283", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "P_384", spec_name: "P-384", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "K_409", spec_name: "K-409", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "B_409", spec_name: "B-409", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "P_521", spec_name: "P-521", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "K_571", spec_name: "K-571", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "B_571", spec_name: "B-571", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "SECP112R1", spec_name: "SECP112R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000011, name: "SECP112R2", spec_name: "SECP112R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000012, name: "SECP128R1", spec_name: "SECP128R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000013, name: "SECP128R2", spec_name: "SECP128R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000014, name: "SECP160K1", spec_name: "SECP160K1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000015, name: "SECP160R1", spec_name: "SECP160R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000016, name: "SECP160R2", spec_name: "SECP160R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000017, name: "SECP192K1", spec_name: "SECP192K1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000018, name: "SECP224K1", spec_name: "SECP224K1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000019, name: "SECP256K1", spec_name: "SECP256K1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001A, name: "SECT113R1", spec_name: "SECT113R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001B, name: "SECT113R2", spec_name: "SECT113R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001C, name: "SECT131R1", spec_name: "SECT131R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001D, name: "SECT131R2", spec_name: "SECT131R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001E, name: "SECT163R1", spec_name: "SECT163R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000001F, name: "SECT193R1", spec_name: "SECT193R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000020, name: "SECT193R2", spec_name: "SECT193R2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000021, name: "SECT239K1", spec_name: "SECT239K1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000022, name: "ANSIX9P192V2", spec_name: "ANSIX9P192V2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000023, name: "ANSIX9P192V3", spec_name: "ANSIX9P192V3", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000024, name: "ANSIX9P239V1", spec_name: "ANSIX9P239V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000025, name: "ANSIX9P239V2", spec_name: "ANSIX9P239V2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000026, name: "ANSIX9P239V3", spec_name: "ANSIX9P239V3", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000027, name: "ANSIX9C2PNB163V1", spec_name: "ANSIX9C2PNB163V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000028, name: "ANSIX9C2PNB163V2", spec_name: "ANSIX9C2PNB163V2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000029, name: "ANSIX9C2PNB163V3", spec_name: "ANSIX9C2PNB163V3", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002A, name: "ANSIX9C2PNB176V1", spec_name: "ANSIX9C2PNB176V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002B, name: "ANSIX9C2TNB191V1", spec_name: "ANSIX9C2TNB191V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002C, name: "ANSIX9C2TNB191V2", spec_name: "ANSIX9C2TNB191V2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002D, name: "ANSIX9C2TNB191V3", spec_name: "ANSIX9C2TNB191V3", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002E, name: "ANSIX9C2PNB208W1", spec_name: "ANSIX9C2PNB208W1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000002F, name: "ANSIX9C2TNB239V1", spec_name: "ANSIX9C2TNB239V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000030, name: "ANSIX9C2TNB239V2", spec_name: "ANSIX9C2TNB239V2", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000031, name: "ANSIX9C2TNB239V3", spec_name: "ANSIX9C2TNB239V3", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000032, name: "ANSIX9C2PNB272W1", spec_name: "ANSIX9C2PNB272W1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000033, name: "ANSIX9C2PNB304W1", spec_name: "ANSIX9C2PNB304W1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000034, name: "ANSIX9C2TNB359V1", spec_name: "ANSIX9C2TNB359V1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000035, name: "ANSIX9C2PNB368W1", spec_name: "ANSIX9C2PNB368W1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000036, name: "ANSIX9C2TNB431R1", spec_name: "ANSIX9C2TNB431R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000037, name: "BRAINPOOLP160R1", spec_name: "BRAINPOOLP160R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000038, name: "BRAINPOOLP160T1", spec_name: "BRAINPOOLP160T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000039, name: "BRAINPOOLP192R1", spec_name: "BRAINPOOLP192R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003A, name: "BRAINPOOLP192T1", spec_name: "BRAINPOOLP192T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003B, name: "BRAINPOOLP224R1", spec_name: "BRAINPOOLP224R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003C, name: "BRAINPOOLP224T1", spec_name: "BRAINPOOLP224T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003D, name: "BRAINPOOLP256R1", spec_name: "BRAINPOOLP256R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003E, name: "BRAINPOOLP256T1", spec_name: "BRAINPOOLP256T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x0000003F, name: "BRAINPOOLP320R1", spec_name: "BRAINPOOLP320R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000040, name: "BRAINPOOLP320T1", spec_name: "BRAINPOOLP320T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000041, name: "BRAINPOOLP384R1", spec_name: "BRAINPOOLP384R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000042, name: "BRAINPOOLP384T1", spec_name: "BRAINPOOLP384T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000043, name: "BRAINPOOLP512R1", spec_name: "BRAINPOOLP512R1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000044, name: "BRAINPOOLP512T1", spec_name: "BRAINPOOLP512T1", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000045, name: "CURVE25519", spec_name: "CURVE25519", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000046, name: "CURVE448", spec_name: "CURVE448", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Result Reason (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ResultReason(pub u32);

impl ResultReason {
    /// Item Not Found (`0x00000001`, KMIP 1.0).
    pub const ITEM_NOT_FOUND: ResultReason = ResultReason(0x00000001);
    /// Response Too Large (`0x00000002`, KMIP 1.0).
    pub const RESPONSE_TOO_LARGE: ResultReason = ResultReason(0x00000002);
    /// Authentication Not Successful (`0x00000003`, KMIP 1.0).
    pub const AUTHENTICATION_NOT_SUCCESSFUL: ResultReason = ResultReason(0x00000003);
    /// Invalid Message (`0x00000004`, KMIP 1.0).
    pub const INVALID_MESSAGE: ResultReason = ResultReason(0x00000004);
    /// Operation Not Supported (`0x00000005`, KMIP 1.0).
    pub const OPERATION_NOT_SUPPORTED: ResultReason = ResultReason(0x00000005);
    /// Missing Data (`0x00000006`, KMIP 1.0).
    pub const MISSING_DATA: ResultReason = ResultReason(0x00000006);
    /// Invalid Field (`0x00000007`, KMIP 1.0).
    pub const INVALID_FIELD: ResultReason = ResultReason(0x00000007);
    /// Feature Not Supported (`0x00000008`, KMIP 1.0).
    pub const FEATURE_NOT_SUPPORTED: ResultReason = ResultReason(0x00000008);
    /// Operation Canceled By Requester (`0x00000009`, KMIP 1.0).
    pub const OPERATION_CANCELED_BY_REQUESTER: ResultReason = ResultReason(0x00000009);
    /// Cryptographic Failure (`0x0000000A`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_FAILURE: ResultReason = ResultReason(0x0000000A);
    /// Illegal Operation (`0x0000000B`, KMIP 1.0, reserved since 2.0).
    pub const ILLEGAL_OPERATION: ResultReason = ResultReason(0x0000000B);
    /// Permission Denied (`0x0000000C`, KMIP 1.0).
    pub const PERMISSION_DENIED: ResultReason = ResultReason(0x0000000C);
    /// Object Archived (`0x0000000D`, KMIP 1.0).
    pub const OBJECT_ARCHIVED: ResultReason = ResultReason(0x0000000D);
    /// Index Out of Bounds (`0x0000000E`, KMIP 1.0, reserved since 2.0).
    pub const INDEX_OUT_OF_BOUNDS: ResultReason = ResultReason(0x0000000E);
    /// Application Namespace Not Supported (`0x0000000F`, KMIP 1.0).
    pub const APPLICATION_NAMESPACE_NOT_SUPPORTED: ResultReason = ResultReason(0x0000000F);
    /// Key Format Type Not Supported (`0x00000010`, KMIP 1.0).
    pub const KEY_FORMAT_TYPE_NOT_SUPPORTED: ResultReason = ResultReason(0x00000010);
    /// Key Compression Type Not Supported (`0x00000011`, KMIP 1.0).
    pub const KEY_COMPRESSION_TYPE_NOT_SUPPORTED: ResultReason = ResultReason(0x00000011);
    /// Encoding Option Error (`0x00000012`, KMIP 1.1).
    pub const ENCODING_OPTION_ERROR: ResultReason = ResultReason(0x00000012);
    /// Key Value Not Present (`0x00000013`, KMIP 1.2).
    pub const KEY_VALUE_NOT_PRESENT: ResultReason = ResultReason(0x00000013);
    /// Attestation Required (`0x00000014`, KMIP 1.2).
    pub const ATTESTATION_REQUIRED: ResultReason = ResultReason(0x00000014);
    /// Attestation Failed (`0x00000015`, KMIP 1.2).
    pub const ATTESTATION_FAILED: ResultReason = ResultReason(0x00000015);
    /// Sensitive (`0x00000016`, KMIP 1.4).
    pub const SENSITIVE: ResultReason = ResultReason(0x00000016);
    /// Not Extractable (`0x00000017`, KMIP 1.4).
    pub const NOT_EXTRACTABLE: ResultReason = ResultReason(0x00000017);
    /// Object Already Exists (`0x00000018`, KMIP 1.4).
    pub const OBJECT_ALREADY_EXISTS: ResultReason = ResultReason(0x00000018);
    /// Invalid Ticket (`0x00000019`, KMIP 2.0).
    pub const INVALID_TICKET: ResultReason = ResultReason(0x00000019);
    /// Usage Limit Exceeded (`0x0000001A`, KMIP 2.0).
    pub const USAGE_LIMIT_EXCEEDED: ResultReason = ResultReason(0x0000001A);
    /// Numeric Range (`0x0000001B`, KMIP 2.0).
    pub const NUMERIC_RANGE: ResultReason = ResultReason(0x0000001B);
    /// Invalid Data Type (`0x0000001C`, KMIP 2.0).
    pub const INVALID_DATA_TYPE: ResultReason = ResultReason(0x0000001C);
    /// Read Only Attribute (`0x0000001D`, KMIP 2.0).
    pub const READ_ONLY_ATTRIBUTE: ResultReason = ResultReason(0x0000001D);
    /// Multi Valued Attribute (`0x0000001E`, KMIP 2.0).
    pub const MULTI_VALUED_ATTRIBUTE: ResultReason = ResultReason(0x0000001E);
    /// Unsupported Attribute (`0x0000001F`, KMIP 2.0).
    pub const UNSUPPORTED_ATTRIBUTE: ResultReason = ResultReason(0x0000001F);
    /// Attribute Instance Not Found (`0x00000020`, KMIP 2.0).
    pub const ATTRIBUTE_INSTANCE_NOT_FOUND: ResultReason = ResultReason(0x00000020);
    /// Attribute Not Found (`0x00000021`, KMIP 2.0).
    pub const ATTRIBUTE_NOT_FOUND: ResultReason = ResultReason(0x00000021);
    /// Attribute Read Only (`0x00000022`, KMIP 2.0).
    pub const ATTRIBUTE_READ_ONLY: ResultReason = ResultReason(0x00000022);
    /// Attribute Single Valued (`0x00000023`, KMIP 2.0).
    pub const ATTRIBUTE_SINGLE_VALUED: ResultReason = ResultReason(0x00000023);
    /// Bad Cryptographic Parameters (`0x00000024`, KMIP 2.0).
    pub const BAD_CRYPTOGRAPHIC_PARAMETERS: ResultReason = ResultReason(0x00000024);
    /// Bad Password (`0x00000025`, KMIP 2.0).
    pub const BAD_PASSWORD: ResultReason = ResultReason(0x00000025);
    /// Codec Error (`0x00000026`, KMIP 2.0).
    pub const CODEC_ERROR: ResultReason = ResultReason(0x00000026);
    /// Illegal Object Type (`0x00000028`, KMIP 2.0).
    pub const ILLEGAL_OBJECT_TYPE: ResultReason = ResultReason(0x00000028);
    /// Incompatible Cryptographic Usage Mask (`0x00000029`, KMIP 2.0).
    pub const INCOMPATIBLE_CRYPTOGRAPHIC_USAGE_MASK: ResultReason = ResultReason(0x00000029);
    /// Internal Server Error (`0x0000002A`, KMIP 2.0).
    pub const INTERNAL_SERVER_ERROR: ResultReason = ResultReason(0x0000002A);
    /// Invalid Asynchronous Correlation Value (`0x0000002B`, KMIP 2.0).
    pub const INVALID_ASYNCHRONOUS_CORRELATION_VALUE: ResultReason = ResultReason(0x0000002B);
    /// Invalid Attribute (`0x0000002C`, KMIP 2.0).
    pub const INVALID_ATTRIBUTE: ResultReason = ResultReason(0x0000002C);
    /// Invalid Attribute Value (`0x0000002D`, KMIP 2.0).
    pub const INVALID_ATTRIBUTE_VALUE: ResultReason = ResultReason(0x0000002D);
    /// Invalid Correlation Value (`0x0000002E`, KMIP 2.0).
    pub const INVALID_CORRELATION_VALUE: ResultReason = ResultReason(0x0000002E);
    /// Invalid CSR (`0x0000002F`, KMIP 2.0).
    pub const INVALID_CSR: ResultReason = ResultReason(0x0000002F);
    /// Invalid Object Type (`0x00000030`, KMIP 2.0).
    pub const INVALID_OBJECT_TYPE: ResultReason = ResultReason(0x00000030);
    /// Key Wrap Type Not Supported (`0x00000032`, KMIP 2.0).
    pub const KEY_WRAP_TYPE_NOT_SUPPORTED: ResultReason = ResultReason(0x00000032);
    /// Missing Initialization Vector (`0x00000034`, KMIP 2.0).
    pub const MISSING_INITIALIZATION_VECTOR: ResultReason = ResultReason(0x00000034);
    /// Non Unique Name Attribute (`0x00000035`, KMIP 2.0).
    pub const NON_UNIQUE_NAME_ATTRIBUTE: ResultReason = ResultReason(0x00000035);
    /// Object Destroyed (`0x00000036`, KMIP 2.0).
    pub const OBJECT_DESTROYED: ResultReason = ResultReason(0x00000036);
    /// Object Not Found (`0x00000037`, KMIP 2.0).
    pub const OBJECT_NOT_FOUND: ResultReason = ResultReason(0x00000037);
    /// Not Authorised (`0x00000039`, KMIP 2.0).
    pub const NOT_AUTHORISED: ResultReason = ResultReason(0x00000039);
    /// Server Limit Exceeded (`0x0000003A`, KMIP 2.0).
    pub const SERVER_LIMIT_EXCEEDED: ResultReason = ResultReason(0x0000003A);
    /// Unknown Enumeration (`0x0000003B`, KMIP 2.0).
    pub const UNKNOWN_ENUMERATION: ResultReason = ResultReason(0x0000003B);
    /// Unknown Message Extension (`0x0000003C`, KMIP 2.0).
    pub const UNKNOWN_MESSAGE_EXTENSION: ResultReason = ResultReason(0x0000003C);
    /// Unknown Tag (`0x0000003D`, KMIP 2.0).
    pub const UNKNOWN_TAG: ResultReason = ResultReason(0x0000003D);
    /// Unsupported Cryptographic Parameters (`0x0000003E`, KMIP 2.0).
    pub const UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS: ResultReason = ResultReason(0x0000003E);
    /// Unsupported Protocol Version (`0x0000003F`, KMIP 2.0).
    pub const UNSUPPORTED_PROTOCOL_VERSION: ResultReason = ResultReason(0x0000003F);
    /// Wrapping Object Archived (`0x00000040`, KMIP 2.0).
    pub const WRAPPING_OBJECT_ARCHIVED: ResultReason = ResultReason(0x00000040);
    /// Wrapping Object Destroyed (`0x00000041`, KMIP 2.0).
    pub const WRAPPING_OBJECT_DESTROYED: ResultReason = ResultReason(0x00000041);
    /// Wrapping Object Not Found (`0x00000042`, KMIP 2.0).
    pub const WRAPPING_OBJECT_NOT_FOUND: ResultReason = ResultReason(0x00000042);
    /// Wrong Key Lifecycle State (`0x00000043`, KMIP 2.0).
    pub const WRONG_KEY_LIFECYCLE_STATE: ResultReason = ResultReason(0x00000043);
    /// Protection Storage Unavailable (`0x00000044`, KMIP 2.0).
    pub const PROTECTION_STORAGE_UNAVAILABLE: ResultReason = ResultReason(0x00000044);
    /// PKCS#11 Codec Error (`0x00000045`, KMIP 2.0).
    pub const PKCS_11_CODEC_ERROR: ResultReason = ResultReason(0x00000045);
    /// PKCS#11 Invalid Function (`0x00000046`, KMIP 2.0).
    pub const PKCS_11_INVALID_FUNCTION: ResultReason = ResultReason(0x00000046);
    /// PKCS#11 Invalid Interface (`0x00000047`, KMIP 2.0).
    pub const PKCS_11_INVALID_INTERFACE: ResultReason = ResultReason(0x00000047);
    /// Private Protection Storage Unavailable (`0x00000048`, KMIP 2.0).
    pub const PRIVATE_PROTECTION_STORAGE_UNAVAILABLE: ResultReason = ResultReason(0x00000048);
    /// Public Protection Storage Unavailable (`0x00000049`, KMIP 2.0).
    pub const PUBLIC_PROTECTION_STORAGE_UNAVAILABLE: ResultReason = ResultReason(0x00000049);
    /// Unknown Object Group (`0x0000004A`, KMIP 2.1).
    pub const UNKNOWN_OBJECT_GROUP: ResultReason = ResultReason(0x0000004A);
    /// Constraint Violation (`0x0000004B`, KMIP 2.1).
    pub const CONSTRAINT_VIOLATION: ResultReason = ResultReason(0x0000004B);
    /// Duplicate Process Request (`0x0000004C`, KMIP 2.1).
    pub const DUPLICATE_PROCESS_REQUEST: ResultReason = ResultReason(0x0000004C);
    /// General Failure (`0x00000100`, KMIP 1.0).
    pub const GENERAL_FAILURE: ResultReason = ResultReason(0x00000100);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &RESULT_REASON
    }
}

impl fmt::Debug for ResultReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match RESULT_REASON.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Result Reason table.
pub static RESULT_REASON: EnumerationInfo = EnumerationInfo {
    name: "ResultReason",
    spec_name: "Result Reason",
    values: &[
        EnumValue { value: 0x00000001, name: "ItemNotFound", spec_name: "Item Not Found", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "ResponseTooLarge", spec_name: "Response Too Large", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "AuthenticationNotSuccessful", spec_name: "Authentication Not Successful", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "InvalidMessage", spec_name: "Invalid Message", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "OperationNotSupported", spec_name: "Operation Not Supported", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "MissingData", spec_name: "Missing Data", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "InvalidField", spec_name: "Invalid Field", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "FeatureNotSupported", spec_name: "Feature Not Supported", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "OperationCanceledByRequester", spec_name: "Operation Canceled By Requester", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "CryptographicFailure", spec_name: "Cryptographic Failure", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "IllegalOperation", spec_name: "Illegal Operation", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000C, name: "PermissionDenied", spec_name: "Permission Denied", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "ObjectArchived", spec_name: "Object Archived", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "IndexOutOfBounds", spec_name: "Index Out of Bounds", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x0000000F, name: "ApplicationNamespaceNotSupported", spec_name: "Application Namespace Not Supported", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "KeyFormatTypeNotSupported", spec_name: "Key Format Type Not Supported", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "KeyCompressionTypeNotSupported", spec_name: "Key Compression Type Not Supported", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000012, name: "EncodingOptionError", spec_name: "Encoding Option Error", first_version: ProtocolVersion::V1_1, removed_in: None },
        EnumValue { value: 0x00000013, name: "KeyValueNotPresent", spec_name: "Key Value Not Present", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000014, name: "AttestationRequired", spec_name: "Attestation Required", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000015, name: "AttestationFailed", spec_name: "Attestation Failed", first_version: ProtocolVersion::V1_2, removed_in: None },
        EnumValue { value: 0x00000016, name: "Sensitive", spec_name: "Sensitive", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000017, name: "NotExtractable", spec_name: "Not Extractable", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000018, name: "ObjectAlreadyExists", spec_name: "Object Already Exists", first_version: ProtocolVersion::V1_4, removed_in: None },
        EnumValue { value: 0x00000019, name: "InvalidTicket", spec_name: "Invalid Ticket", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001A, name: "UsageLimitExceeded", spec_name: "Usage Limit Exceeded", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001B, name: "NumericRange", spec_name: "Numeric Range", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001C, name: "InvalidDataType", spec_name: "Invalid Data Type", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001D, name: "ReadOnlyAttribute", spec_name: "Read Only Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001E, name: "MultiValuedAttribute", spec_name: "Multi Valued Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000001F, name: "UnsupportedAttribute", spec_name: "Unsupported Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000020, name: "AttributeInstanceNotFound", spec_name: "Attribute Instance Not Found", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000021, name: "AttributeNotFound", spec_name: "Attribute Not Found", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000022, name: "AttributeReadOnly", spec_name: "Attribute Read Only", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000023, name: "AttributeSingleValued", spec_name: "Attribute Single Valued", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000024, name: "BadCryptographicParameters", spec_name: "Bad Cryptographic Parameters", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000025, name: "BadPassword", spec_name: "Bad Password", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000026, name: "CodecError", spec_name: "Codec Error", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000028, name: "IllegalObjectType", spec_name: "Illegal Object Type", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000029, name: "IncompatibleCryptographicUsageMask", spec_name: "Incompatible Cryptographic Usage Mask", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002A, name: "InternalServerError", spec_name: "Internal Server Error", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002B, name: "InvalidAsynchronousCorrelationValue", spec_name: "Invalid Asynchronous Correlation Value", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002C, name: "InvalidAttribute", spec_name: "Invalid Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002D, name: "InvalidAttributeValue", spec_name: "Invalid Attribute Value", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002E, name: "InvalidCorrelationValue", spec_name: "Invalid Correlation Value", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000002F, name: "InvalidCSR", spec_name: "Invalid CSR", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000030, name: "InvalidObjectType", spec_name: "Invalid Object Type", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000032, name: "KeyWrapTypeNotSupported", spec_name: "Key Wrap Type Not Supported", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000034, name: "MissingInitializationVector", spec_name: "Missing Initialization Vector", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000035, name: "NonUniqueNameAttribute", spec_name: "Non Unique Name Attribute", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000036, name: "ObjectDestroyed", spec_name: "Object Destroyed", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000037, name: "ObjectNotFound", spec_name: "Object Not Found", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000039, name: "NotAuthorised", spec_name: "Not Authorised", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003A, name: "ServerLimitExceeded", spec_name: "Server Limit Exceeded", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003B, name: "UnknownEnumeration", spec_name: "Unknown Enumeration", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003C, name: "UnknownMessageExtension", spec_name: "Unknown Message Extension", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003D, name: "UnknownTag", spec_name: "Unknown Tag", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003E, name: "UnsupportedCryptographicParameters", spec_name: "Unsupported Cryptographic Parameters", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000003F, name: "UnsupportedProtocolVersion", spec_name: "Unsupported Protocol Version", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000040, name: "WrappingObjectArchived", spec_name: "Wrapping Object Archived", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000041, name: "WrappingObjectDestroyed", spec_name: "Wrapping Object Destroyed", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000042, name: "WrappingObjectNotFound", spec_name: "Wrapping Object Not Found", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000043, name: "WrongKeyLifecycleState", spec_name: "Wrong Key Lifecycle State", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000044, name: "ProtectionStorageUnavailable", spec_name: "Protection Storage Unavailable", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000045, name: "PKCS_11CodecError", spec_name: "PKCS#11 Codec Error", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000046, name: "PKCS_11InvalidFunction", spec_name: "PKCS#11 Invalid Function", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000047, name: "PKCS_11InvalidInterface", spec_name: "PKCS#11 Invalid Interface", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000048, name: "PrivateProtectionStorageUnavailable", spec_name: "Private Protection Storage Unavailable", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000049, name: "PublicProtectionStorageUnavailable", spec_name: "Public Protection Storage Unavailable", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000004A, name: "UnknownObjectGroup", spec_name: "Unknown Object Group", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x0000004B, name: "ConstraintViolation", spec_name: "Constraint Violation", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x0000004C, name: "DuplicateProcessRequest", spec_name: "Duplicate Process Request", first_version: ProtocolVersion::V2_1, removed_in: None },
        EnumValue { value: 0x00000100, name: "GeneralFailure", spec_name: "General Failure", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

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

/// Revocation Reason Code (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct RevocationReasonCode(pub u32);

impl RevocationReasonCode {
    /// Unspecified (`0x00000001`, KMIP 1.0).
    pub const UNSPECIFIED: RevocationReasonCode = RevocationReasonCode(0x00000001);
    /// Key Compromise (`0x00000002`, KMIP 1.0).
    pub const KEY_COMPROMISE: RevocationReasonCode = RevocationReasonCode(0x00000002);
    /// CA Compromise (`0x00000003`, KMIP 1.0).
    pub const CA_COMPROMISE: RevocationReasonCode = RevocationReasonCode(0x00000003);
    /// Affiliation Changed (`0x00000004`, KMIP 1.0).
    pub const AFFILIATION_CHANGED: RevocationReasonCode = RevocationReasonCode(0x00000004);
    /// Superseded (`0x00000005`, KMIP 1.0).
    pub const SUPERSEDED: RevocationReasonCode = RevocationReasonCode(0x00000005);
    /// Cessation of Operation (`0x00000006`, KMIP 1.0).
    pub const CESSATION_OF_OPERATION: RevocationReasonCode = RevocationReasonCode(0x00000006);
    /// Privilege Withdrawn (`0x00000007`, KMIP 1.0).
    pub const PRIVILEGE_WITHDRAWN: RevocationReasonCode = RevocationReasonCode(0x00000007);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &REVOCATION_REASON_CODE
    }
}

impl fmt::Debug for RevocationReasonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match REVOCATION_REASON_CODE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Revocation Reason Code table.
pub static REVOCATION_REASON_CODE: EnumerationInfo = EnumerationInfo {
    name: "RevocationReasonCode",
    spec_name: "Revocation Reason Code",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "KeyCompromise", spec_name: "Key Compromise", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "CACompromise", spec_name: "CA Compromise", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "AffiliationChanged", spec_name: "Affiliation Changed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "Superseded", spec_name: "Superseded", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "CessationOfOperation", spec_name: "Cessation of Operation", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "PrivilegeWithdrawn", spec_name: "Privilege Withdrawn", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Secret Data Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SecretDataType(pub u32);

impl SecretDataType {
    /// Password (`0x00000001`, KMIP 1.0).
    pub const PASSWORD: SecretDataType = SecretDataType(0x00000001);
    /// Seed (`0x00000002`, KMIP 1.0).
    pub const SEED: SecretDataType = SecretDataType(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &SECRET_DATA_TYPE
    }
}

impl fmt::Debug for SecretDataType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match SECRET_DATA_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Secret Data Type table.
pub static SECRET_DATA_TYPE: EnumerationInfo = EnumerationInfo {
    name: "SecretDataType",
    spec_name: "Secret Data Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Password", spec_name: "Password", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Seed", spec_name: "Seed", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Shredding Algorithm (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ShreddingAlgorithm(pub u32);

impl ShreddingAlgorithm {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: ShreddingAlgorithm = ShreddingAlgorithm(0x00000001);
    /// Cryptographic (`0x00000002`, KMIP 1.3).
    pub const CRYPTOGRAPHIC: ShreddingAlgorithm = ShreddingAlgorithm(0x00000002);
    /// Unsupported (`0x00000003`, KMIP 1.3).
    pub const UNSUPPORTED: ShreddingAlgorithm = ShreddingAlgorithm(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &SHREDDING_ALGORITHM
    }
}

impl fmt::Debug for ShreddingAlgorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match SHREDDING_ALGORITHM.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Shredding Algorithm table.
pub static SHREDDING_ALGORITHM: EnumerationInfo = EnumerationInfo {
    name: "ShreddingAlgorithm",
    spec_name: "Shredding Algorithm",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "Cryptographic", spec_name: "Cryptographic", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "Unsupported", spec_name: "Unsupported", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Split Key Method (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SplitKeyMethod(pub u32);

impl SplitKeyMethod {
    /// XOR (`0x00000001`, KMIP 1.0).
    pub const XOR: SplitKeyMethod = SplitKeyMethod(0x00000001);
    /// Polynomial Sharing GF (2^16) (`0x00000002`, KMIP 1.0).
    pub const POLYNOMIAL_SHARING_GF216: SplitKeyMethod = SplitKeyMethod(0x00000002);
    /// Polynomial Sharing Prime Field (`0x00000003`, KMIP 1.0).
    pub const POLYNOMIAL_SHARING_PRIME_FIELD: SplitKeyMethod = SplitKeyMethod(0x00000003);
    /// Polynomial Sharing GF (2^8) (`0x00000004`, KMIP 1.2).
    pub const POLYNOMIAL_SHARING_GF28: SplitKeyMethod = SplitKeyMethod(0x00000004);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &SPLIT_KEY_METHOD
    }
}

impl fmt::Debug for SplitKeyMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match SPLIT_KEY_METHOD.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Split Key Method table.
pub static SPLIT_KEY_METHOD: EnumerationInfo = EnumerationInfo {
    name: "SplitKeyMethod",
    spec_name: "Split Key Method",
    values: &[
        EnumValue { value: 0x00000001, name: "XOR", spec_name: "XOR", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "PolynomialSharingGF216", spec_name: "Polynomial Sharing GF (2^16)", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "PolynomialSharingPrimeField", spec_name: "Polynomial Sharing Prime Field", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "PolynomialSharingGF28", spec_name: "Polynomial Sharing GF (2^8)", first_version: ProtocolVersion::V1_2, removed_in: None },
    ],
};

/// State (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct State(pub u32);

impl State {
    /// Pre-Active (`0x00000001`, KMIP 1.0).
    pub const PRE_ACTIVE: State = State(0x00000001);
    /// Active (`0x00000002`, KMIP 1.0).
    pub const ACTIVE: State = State(0x00000002);
    /// Deactivated (`0x00000003`, KMIP 1.0).
    pub const DEACTIVATED: State = State(0x00000003);
    /// Compromised (`0x00000004`, KMIP 1.0).
    pub const COMPROMISED: State = State(0x00000004);
    /// Destroyed (`0x00000005`, KMIP 1.0).
    pub const DESTROYED: State = State(0x00000005);
    /// Destroyed Compromised (`0x00000006`, KMIP 1.0).
    pub const DESTROYED_COMPROMISED: State = State(0x00000006);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &STATE
    }
}

impl fmt::Debug for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match STATE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The State table.
pub static STATE: EnumerationInfo = EnumerationInfo {
    name: "State",
    spec_name: "State",
    values: &[
        EnumValue { value: 0x00000001, name: "PreActive", spec_name: "Pre-Active", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Active", spec_name: "Active", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Deactivated", spec_name: "Deactivated", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "Compromised", spec_name: "Compromised", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "Destroyed", spec_name: "Destroyed", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "DestroyedCompromised", spec_name: "Destroyed Compromised", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Ticket Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TicketType(pub u32);

impl TicketType {
    /// Login (`0x00000001`, KMIP 2.0).
    pub const LOGIN: TicketType = TicketType(0x00000001);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &TICKET_TYPE
    }
}

impl fmt::Debug for TicketType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match TICKET_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Ticket Type table.
pub static TICKET_TYPE: EnumerationInfo = EnumerationInfo {
    name: "TicketType",
    spec_name: "Ticket Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Login", spec_name: "Login", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Unique Identifier (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct UniqueIdentifier(pub u32);

impl UniqueIdentifier {
    /// ID Placeholder (`0x00000001`, KMIP 2.0).
    pub const ID_PLACEHOLDER: UniqueIdentifier = UniqueIdentifier(0x00000001);
    /// Certify (`0x00000002`, KMIP 2.0).
    pub const CERTIFY: UniqueIdentifier = UniqueIdentifier(0x00000002);
    /// Create (`0x00000003`, KMIP 2.0).
    pub const CREATE: UniqueIdentifier = UniqueIdentifier(0x00000003);
    /// Create Key Pair (`0x00000004`, KMIP 2.0).
    pub const CREATE_KEY_PAIR: UniqueIdentifier = UniqueIdentifier(0x00000004);
    /// Create Key Pair Private Key (`0x00000005`, KMIP 2.0).
    pub const CREATE_KEY_PAIR_PRIVATE_KEY: UniqueIdentifier = UniqueIdentifier(0x00000005);
    /// Create Key Pair Public Key (`0x00000006`, KMIP 2.0).
    pub const CREATE_KEY_PAIR_PUBLIC_KEY: UniqueIdentifier = UniqueIdentifier(0x00000006);
    /// Create Split Key (`0x00000007`, KMIP 2.0).
    pub const CREATE_SPLIT_KEY: UniqueIdentifier = UniqueIdentifier(0x00000007);
    /// Derive Key (`0x00000008`, KMIP 2.0).
    pub const DERIVE_KEY: UniqueIdentifier = UniqueIdentifier(0x00000008);
    /// Import (`0x00000009`, KMIP 2.0).
    pub const IMPORT: UniqueIdentifier = UniqueIdentifier(0x00000009);
    /// Join Split Key (`0x0000000A`, KMIP 2.0).
    pub const JOIN_SPLIT_KEY: UniqueIdentifier = UniqueIdentifier(0x0000000A);
    /// Locate (`0x0000000B`, KMIP 2.0).
    pub const LOCATE: UniqueIdentifier = UniqueIdentifier(0x0000000B);
    /// Register (`0x0000000C`, KMIP 2.0).
    pub const REGISTER: UniqueIdentifier = UniqueIdentifier(0x0000000C);
    /// Re-key (`0x0000000D`, KMIP 2.0).
    pub const RE_KEY: UniqueIdentifier = UniqueIdentifier(0x0000000D);
    /// Re-certify (`0x0000000E`, KMIP 2.0).
    pub const RE_CERTIFY: UniqueIdentifier = UniqueIdentifier(0x0000000E);
    /// Re-key Key Pair (`0x0000000F`, KMIP 2.0).
    pub const RE_KEY_KEY_PAIR: UniqueIdentifier = UniqueIdentifier(0x0000000F);
    /// Re-key Key Pair Private Key (`0x00000010`, KMIP 2.0).
    pub const RE_KEY_KEY_PAIR_PRIVATE_KEY: UniqueIdentifier = UniqueIdentifier(0x00000010);
    /// Re-key Key Pair Public Key (`0x00000011`, KMIP 2.0).
    pub const RE_KEY_KEY_PAIR_PUBLIC_KEY: UniqueIdentifier = UniqueIdentifier(0x00000011);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &UNIQUE_IDENTIFIER
    }
}

impl fmt::Debug for UniqueIdentifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match UNIQUE_IDENTIFIER.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Unique Identifier table.
pub static UNIQUE_IDENTIFIER: EnumerationInfo = EnumerationInfo {
    name: "UniqueIdentifier",
    spec_name: "Unique Identifier",
    values: &[
        EnumValue { value: 0x00000001, name: "IDPlaceholder", spec_name: "ID Placeholder", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Certify", spec_name: "Certify", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Create", spec_name: "Create", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "CreateKeyPair", spec_name: "Create Key Pair", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "CreateKeyPairPrivateKey", spec_name: "Create Key Pair Private Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000006, name: "CreateKeyPairPublicKey", spec_name: "Create Key Pair Public Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000007, name: "CreateSplitKey", spec_name: "Create Split Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "DeriveKey", spec_name: "Derive Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000009, name: "Import", spec_name: "Import", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000A, name: "JoinSplitKey", spec_name: "Join Split Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000B, name: "Locate", spec_name: "Locate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000C, name: "Register", spec_name: "Register", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000D, name: "ReKey", spec_name: "Re-key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000E, name: "ReCertify", spec_name: "Re-certify", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x0000000F, name: "ReKeyKeyPair", spec_name: "Re-key Key Pair", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "ReKeyKeyPairPrivateKey", spec_name: "Re-key Key Pair Private Key", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000011, name: "ReKeyKeyPairPublicKey", spec_name: "Re-key Key Pair Public Key", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Unwrap Mode (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct UnwrapMode(pub u32);

impl UnwrapMode {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: UnwrapMode = UnwrapMode(0x00000001);
    /// Processed (`0x00000002`, KMIP 1.3).
    pub const PROCESSED: UnwrapMode = UnwrapMode(0x00000002);
    /// Not Processed (`0x00000003`, KMIP 1.3).
    pub const NOT_PROCESSED: UnwrapMode = UnwrapMode(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &UNWRAP_MODE
    }
}

impl fmt::Debug for UnwrapMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match UNWRAP_MODE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Unwrap Mode table.
pub static UNWRAP_MODE: EnumerationInfo = EnumerationInfo {
    name: "UnwrapMode",
    spec_name: "Unwrap Mode",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "Processed", spec_name: "Processed", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "NotProcessed", spec_name: "Not Processed", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Usage Limits Unit (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct UsageLimitsUnit(pub u32);

impl UsageLimitsUnit {
    /// Byte (`0x00000001`, KMIP 1.0).
    pub const BYTE: UsageLimitsUnit = UsageLimitsUnit(0x00000001);
    /// Object (`0x00000002`, KMIP 1.0).
    pub const OBJECT: UsageLimitsUnit = UsageLimitsUnit(0x00000002);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &USAGE_LIMITS_UNIT
    }
}

impl fmt::Debug for UsageLimitsUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match USAGE_LIMITS_UNIT.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Usage Limits Unit table.
pub static USAGE_LIMITS_UNIT: EnumerationInfo = EnumerationInfo {
    name: "UsageLimitsUnit",
    spec_name: "Usage Limits Unit",
    values: &[
        EnumValue { value: 0x00000001, name: "Byte", spec_name: "Byte", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Object", spec_name: "Object", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Validation Authority Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ValidationAuthorityType(pub u32);

impl ValidationAuthorityType {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: ValidationAuthorityType = ValidationAuthorityType(0x00000001);
    /// NIST CMVP (`0x00000002`, KMIP 1.3).
    pub const NISTCMVP: ValidationAuthorityType = ValidationAuthorityType(0x00000002);
    /// Common Criteria (`0x00000003`, KMIP 1.3).
    pub const COMMON_CRITERIA: ValidationAuthorityType = ValidationAuthorityType(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &VALIDATION_AUTHORITY_TYPE
    }
}

impl fmt::Debug for ValidationAuthorityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match VALIDATION_AUTHORITY_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Validation Authority Type table.
pub static VALIDATION_AUTHORITY_TYPE: EnumerationInfo = EnumerationInfo {
    name: "ValidationAuthorityType",
    spec_name: "Validation Authority Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "NISTCMVP", spec_name: "NIST CMVP", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "CommonCriteria", spec_name: "Common Criteria", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Validation Type (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ValidationType(pub u32);

impl ValidationType {
    /// Unspecified (`0x00000001`, KMIP 1.3).
    pub const UNSPECIFIED: ValidationType = ValidationType(0x00000001);
    /// Hardware (`0x00000002`, KMIP 1.3).
    pub const HARDWARE: ValidationType = ValidationType(0x00000002);
    /// Software (`0x00000003`, KMIP 1.3).
    pub const SOFTWARE: ValidationType = ValidationType(0x00000003);
    /// Firmware (`0x00000004`, KMIP 1.3).
    pub const FIRMWARE: ValidationType = ValidationType(0x00000004);
    /// Hybrid (`0x00000005`, KMIP 1.3).
    pub const HYBRID: ValidationType = ValidationType(0x00000005);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &VALIDATION_TYPE
    }
}

impl fmt::Debug for ValidationType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match VALIDATION_TYPE.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Validation Type table.
pub static VALIDATION_TYPE: EnumerationInfo = EnumerationInfo {
    name: "ValidationType",
    spec_name: "Validation Type",
    values: &[
        EnumValue { value: 0x00000001, name: "Unspecified", spec_name: "Unspecified", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000002, name: "Hardware", spec_name: "Hardware", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000003, name: "Software", spec_name: "Software", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000004, name: "Firmware", spec_name: "Firmware", first_version: ProtocolVersion::V1_3, removed_in: None },
        EnumValue { value: 0x00000005, name: "Hybrid", spec_name: "Hybrid", first_version: ProtocolVersion::V1_3, removed_in: None },
    ],
};

/// Validity Indicator (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ValidityIndicator(pub u32);

impl ValidityIndicator {
    /// Valid (`0x00000001`, KMIP 1.0).
    pub const VALID: ValidityIndicator = ValidityIndicator(0x00000001);
    /// Invalid (`0x00000002`, KMIP 1.0).
    pub const INVALID: ValidityIndicator = ValidityIndicator(0x00000002);
    /// Unknown (`0x00000003`, KMIP 1.0).
    pub const UNKNOWN: ValidityIndicator = ValidityIndicator(0x00000003);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &VALIDITY_INDICATOR
    }
}

impl fmt::Debug for ValidityIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match VALIDITY_INDICATOR.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Validity Indicator table.
pub static VALIDITY_INDICATOR: EnumerationInfo = EnumerationInfo {
    name: "ValidityIndicator",
    spec_name: "Validity Indicator",
    values: &[
        EnumValue { value: 0x00000001, name: "Valid", spec_name: "Valid", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Invalid", spec_name: "Invalid", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "Unknown", spec_name: "Unknown", first_version: ProtocolVersion::V1_0, removed_in: None },
    ],
};

/// Wrapping Method (enumeration).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct WrappingMethod(pub u32);

impl WrappingMethod {
    /// Encrypt (`0x00000001`, KMIP 1.0).
    pub const ENCRYPT: WrappingMethod = WrappingMethod(0x00000001);
    /// MAC/sign (`0x00000002`, KMIP 1.0).
    pub const MAC_SIGN: WrappingMethod = WrappingMethod(0x00000002);
    /// Encrypt then MAC/sign (`0x00000003`, KMIP 1.0).
    pub const ENCRYPT_THEN_MAC_SIGN: WrappingMethod = WrappingMethod(0x00000003);
    /// MAC/sign then encrypt (`0x00000004`, KMIP 1.0).
    pub const MAC_SIGN_THEN_ENCRYPT: WrappingMethod = WrappingMethod(0x00000004);
    /// TR-31 (`0x00000005`, KMIP 1.0).
    pub const TR_31: WrappingMethod = WrappingMethod(0x00000005);

    /// The table of names.
    pub fn info() -> &'static EnumerationInfo {
        &WRAPPING_METHOD
    }
}

impl fmt::Debug for WrappingMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match WRAPPING_METHOD.name_of(self.0) {
            Some(name) => f.write_str(name),
            None => write!(f, "0x{:08X}", self.0),
        }
    }
}

/// The Wrapping Method table.
pub static WRAPPING_METHOD: EnumerationInfo = EnumerationInfo {
    name: "WrappingMethod",
    spec_name: "Wrapping Method",
    values: &[
        EnumValue { value: 0x00000001, name: "Encrypt", spec_name: "Encrypt", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "MACSign", spec_name: "MAC/sign", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000003, name: "EncryptThenMACSign", spec_name: "Encrypt then MAC/sign", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "MACSignThenEncrypt", spec_name: "MAC/sign then encrypt", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000005, name: "TR_31", spec_name: "TR-31", first_version: ProtocolVersion::V1_0, removed_in: None },
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
    /// Wrap Key (`0x00000010`, KMIP 1.0).
    pub const WRAP_KEY: CryptographicUsageMask = CryptographicUsageMask(0x00000010);
    /// Unwrap Key (`0x00000020`, KMIP 1.0).
    pub const UNWRAP_KEY: CryptographicUsageMask = CryptographicUsageMask(0x00000020);
    /// Export (`0x00000040`, KMIP 1.0, reserved since 2.0).
    pub const EXPORT: CryptographicUsageMask = CryptographicUsageMask(0x00000040);
    /// MAC Generate (`0x00000080`, KMIP 1.0).
    pub const MAC_GENERATE: CryptographicUsageMask = CryptographicUsageMask(0x00000080);
    /// MAC Verify (`0x00000100`, KMIP 1.0).
    pub const MAC_VERIFY: CryptographicUsageMask = CryptographicUsageMask(0x00000100);
    /// Derive Key (`0x00000200`, KMIP 1.0).
    pub const DERIVE_KEY: CryptographicUsageMask = CryptographicUsageMask(0x00000200);
    /// Content Commitment (Non Repudiation) (`0x00000400`, KMIP 1.0, reserved since 2.0).
    pub const CONTENT_COMMITMENT_NON_REPUDIATION: CryptographicUsageMask = CryptographicUsageMask(0x00000400);
    /// Key Agreement (`0x00000800`, KMIP 1.0).
    pub const KEY_AGREEMENT: CryptographicUsageMask = CryptographicUsageMask(0x00000800);
    /// Certificate Sign (`0x00001000`, KMIP 1.0).
    pub const CERTIFICATE_SIGN: CryptographicUsageMask = CryptographicUsageMask(0x00001000);
    /// CRL Sign (`0x00002000`, KMIP 1.0).
    pub const CRL_SIGN: CryptographicUsageMask = CryptographicUsageMask(0x00002000);
    /// Generate Cryptogram (`0x00004000`, KMIP 1.0, reserved since 2.0).
    pub const GENERATE_CRYPTOGRAM: CryptographicUsageMask = CryptographicUsageMask(0x00004000);
    /// Validate Cryptogram (`0x00008000`, KMIP 1.0, reserved since 2.0).
    pub const VALIDATE_CRYPTOGRAM: CryptographicUsageMask = CryptographicUsageMask(0x00008000);
    /// Translate Encrypt (`0x00010000`, KMIP 1.0, reserved since 2.0).
    pub const TRANSLATE_ENCRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00010000);
    /// Translate Decrypt (`0x00020000`, KMIP 1.0, reserved since 2.0).
    pub const TRANSLATE_DECRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00020000);
    /// Translate Wrap (`0x00040000`, KMIP 1.0, reserved since 2.0).
    pub const TRANSLATE_WRAP: CryptographicUsageMask = CryptographicUsageMask(0x00040000);
    /// Translate Unwrap (`0x00080000`, KMIP 1.0, reserved since 2.0).
    pub const TRANSLATE_UNWRAP: CryptographicUsageMask = CryptographicUsageMask(0x00080000);
    /// Authenticate (`0x00100000`, KMIP 2.0).
    pub const AUTHENTICATE: CryptographicUsageMask = CryptographicUsageMask(0x00100000);
    /// Unrestricted (`0x00200000`, KMIP 2.0).
    pub const UNRESTRICTED: CryptographicUsageMask = CryptographicUsageMask(0x00200000);
    /// FPE Encrypt (`0x00400000`, KMIP 2.0).
    pub const FPE_ENCRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00400000);
    /// FPE Decrypt (`0x00800000`, KMIP 2.0).
    pub const FPE_DECRYPT: CryptographicUsageMask = CryptographicUsageMask(0x00800000);

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
        EnumValue { value: 0x00000010, name: "WrapKey", spec_name: "Wrap Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000020, name: "UnwrapKey", spec_name: "Unwrap Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000040, name: "Export", spec_name: "Export", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000080, name: "MACGenerate", spec_name: "MAC Generate", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000100, name: "MACVerify", spec_name: "MAC Verify", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000200, name: "DeriveKey", spec_name: "Derive Key", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000400, name: "ContentCommitmentNonRepudiation", spec_name: "Content Commitment (Non Repudiation)", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00000800, name: "KeyAgreement", spec_name: "Key Agreement", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00001000, name: "CertificateSign", spec_name: "Certificate Sign", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00002000, name: "CRLSign", spec_name: "CRL Sign", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00004000, name: "GenerateCryptogram", spec_name: "Generate Cryptogram", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00008000, name: "ValidateCryptogram", spec_name: "Validate Cryptogram", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00010000, name: "TranslateEncrypt", spec_name: "Translate Encrypt", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00020000, name: "TranslateDecrypt", spec_name: "Translate Decrypt", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00040000, name: "TranslateWrap", spec_name: "Translate Wrap", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00080000, name: "TranslateUnwrap", spec_name: "Translate Unwrap", first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
        EnumValue { value: 0x00100000, name: "Authenticate", spec_name: "Authenticate", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00200000, name: "Unrestricted", spec_name: "Unrestricted", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00400000, name: "FPEEncrypt", spec_name: "FPE Encrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00800000, name: "FPEDecrypt", spec_name: "FPE Decrypt", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Protection Storage Mask (mask).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ProtectionStorageMask(pub u32);

impl ProtectionStorageMask {
    /// Software (`0x00000001`, KMIP 2.0).
    pub const SOFTWARE: ProtectionStorageMask = ProtectionStorageMask(0x00000001);
    /// Hardware (`0x00000002`, KMIP 2.0).
    pub const HARDWARE: ProtectionStorageMask = ProtectionStorageMask(0x00000002);
    /// On Processor (`0x00000004`, KMIP 2.0).
    pub const ON_PROCESSOR: ProtectionStorageMask = ProtectionStorageMask(0x00000004);
    /// On System (`0x00000008`, KMIP 2.0).
    pub const ON_SYSTEM: ProtectionStorageMask = ProtectionStorageMask(0x00000008);
    /// Off System (`0x00000010`, KMIP 2.0).
    pub const OFF_SYSTEM: ProtectionStorageMask = ProtectionStorageMask(0x00000010);
    /// Hypervisor (`0x00000020`, KMIP 2.0).
    pub const HYPERVISOR: ProtectionStorageMask = ProtectionStorageMask(0x00000020);
    /// Operating System (`0x00000040`, KMIP 2.0).
    pub const OPERATING_SYSTEM: ProtectionStorageMask = ProtectionStorageMask(0x00000040);
    /// Container (`0x00000080`, KMIP 2.0).
    pub const CONTAINER: ProtectionStorageMask = ProtectionStorageMask(0x00000080);
    /// On Premises (`0x00000100`, KMIP 2.0).
    pub const ON_PREMISES: ProtectionStorageMask = ProtectionStorageMask(0x00000100);
    /// Off Premises (`0x00000200`, KMIP 2.0).
    pub const OFF_PREMISES: ProtectionStorageMask = ProtectionStorageMask(0x00000200);
    /// Self Managed (`0x00000400`, KMIP 2.0).
    pub const SELF_MANAGED: ProtectionStorageMask = ProtectionStorageMask(0x00000400);
    /// Outsourced (`0x00000800`, KMIP 2.0).
    pub const OUTSOURCED: ProtectionStorageMask = ProtectionStorageMask(0x00000800);
    /// Validated (`0x00001000`, KMIP 2.0).
    pub const VALIDATED: ProtectionStorageMask = ProtectionStorageMask(0x00001000);
    /// Same Jurisdiction (`0x00002000`, KMIP 2.0).
    pub const SAME_JURISDICTION: ProtectionStorageMask = ProtectionStorageMask(0x00002000);

    /// The table of bit names.
    pub fn info() -> &'static MaskInfo {
        &PROTECTION_STORAGE_MASK
    }

    /// True if every bit of `other` is set.
    pub const fn contains(self, other: ProtectionStorageMask) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for ProtectionStorageMask {
    type Output = ProtectionStorageMask;

    fn bitor(self, rhs: ProtectionStorageMask) -> ProtectionStorageMask {
        ProtectionStorageMask(self.0 | rhs.0)
    }
}

impl fmt::Debug for ProtectionStorageMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&PROTECTION_STORAGE_MASK.format(self.0, "|"))
    }
}

/// The Protection Storage Mask table.
pub static PROTECTION_STORAGE_MASK: MaskInfo = MaskInfo {
    name: "ProtectionStorageMask",
    spec_name: "Protection Storage Mask",
    bits: &[
        EnumValue { value: 0x00000001, name: "Software", spec_name: "Software", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "Hardware", spec_name: "Hardware", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "OnProcessor", spec_name: "On Processor", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000008, name: "OnSystem", spec_name: "On System", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000010, name: "OffSystem", spec_name: "Off System", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000020, name: "Hypervisor", spec_name: "Hypervisor", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000040, name: "OperatingSystem", spec_name: "Operating System", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000080, name: "Container", spec_name: "Container", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000100, name: "OnPremises", spec_name: "On Premises", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000200, name: "OffPremises", spec_name: "Off Premises", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000400, name: "SelfManaged", spec_name: "Self Managed", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00000800, name: "Outsourced", spec_name: "Outsourced", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00001000, name: "Validated", spec_name: "Validated", first_version: ProtocolVersion::V2_0, removed_in: None },
        EnumValue { value: 0x00002000, name: "SameJurisdiction", spec_name: "Same Jurisdiction", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Storage Status Mask (mask).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct StorageStatusMask(pub u32);

impl StorageStatusMask {
    /// On-line storage (`0x00000001`, KMIP 1.0).
    pub const ON_LINE_STORAGE: StorageStatusMask = StorageStatusMask(0x00000001);
    /// Archival storage (`0x00000002`, KMIP 1.0).
    pub const ARCHIVAL_STORAGE: StorageStatusMask = StorageStatusMask(0x00000002);
    /// Destroyed storage (`0x00000004`, KMIP 2.0).
    pub const DESTROYED_STORAGE: StorageStatusMask = StorageStatusMask(0x00000004);

    /// The table of bit names.
    pub fn info() -> &'static MaskInfo {
        &STORAGE_STATUS_MASK
    }

    /// True if every bit of `other` is set.
    pub const fn contains(self, other: StorageStatusMask) -> bool {
        self.0 & other.0 == other.0
    }
}

impl std::ops::BitOr for StorageStatusMask {
    type Output = StorageStatusMask;

    fn bitor(self, rhs: StorageStatusMask) -> StorageStatusMask {
        StorageStatusMask(self.0 | rhs.0)
    }
}

impl fmt::Debug for StorageStatusMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&STORAGE_STATUS_MASK.format(self.0, "|"))
    }
}

/// The Storage Status Mask table.
pub static STORAGE_STATUS_MASK: MaskInfo = MaskInfo {
    name: "StorageStatusMask",
    spec_name: "Storage Status Mask",
    bits: &[
        EnumValue { value: 0x00000001, name: "OnLineStorage", spec_name: "On-line storage", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000002, name: "ArchivalStorage", spec_name: "Archival storage", first_version: ProtocolVersion::V1_0, removed_in: None },
        EnumValue { value: 0x00000004, name: "DestroyedStorage", spec_name: "Destroyed storage", first_version: ProtocolVersion::V2_0, removed_in: None },
    ],
};

/// Every enumeration table.
pub(crate) static ENUMERATIONS: &[&EnumerationInfo] = &[
    &ADJUSTMENT_TYPE,
    &ALTERNATIVE_NAME_TYPE,
    &ASYNCHRONOUS_INDICATOR,
    &ATTESTATION_TYPE,
    &BATCH_ERROR_CONTINUATION_OPTION,
    &BLOCK_CIPHER_MODE,
    &CANCELLATION_RESULT,
    &CERTIFICATE_REQUEST_TYPE,
    &CERTIFICATE_TYPE,
    &CLIENT_REGISTRATION_METHOD,
    &CREDENTIAL_TYPE,
    &CRYPTOGRAPHIC_ALGORITHM,
    &DRBG_ALGORITHM,
    &DATA,
    &DERIVATION_METHOD,
    &DESTROY_ACTION,
    &DIGITAL_SIGNATURE_ALGORITHM,
    &ENCODING_OPTION,
    &ENDPOINT_ROLE,
    &FIPS186_VARIATION,
    &HASHING_ALGORITHM,
    &INTEROP_FUNCTION,
    &ITEM_TYPE,
    &KEY_COMPRESSION_TYPE,
    &KEY_FORMAT_TYPE,
    &KEY_ROLE_TYPE,
    &KEY_VALUE_LOCATION_TYPE,
    &KEY_WRAP_TYPE,
    &LINK_TYPE,
    &MASK_GENERATOR,
    &NIST_KEY_TYPE,
    &NAME_TYPE,
    &OBJECT_GROUP_MEMBER,
    &OBJECT_TYPE,
    &OPERATION,
    &PKCS11_FUNCTION,
    &PKCS11_RETURN_CODE,
    &PADDING_METHOD,
    &PROFILE_NAME,
    &PROTECTION_LEVEL,
    &PUT_FUNCTION,
    &QUERY_FUNCTION,
    &RNG_ALGORITHM,
    &RNG_MODE,
    &RECOMMENDED_CURVE,
    &RESULT_REASON,
    &RESULT_STATUS,
    &REVOCATION_REASON_CODE,
    &SECRET_DATA_TYPE,
    &SHREDDING_ALGORITHM,
    &SPLIT_KEY_METHOD,
    &STATE,
    &TICKET_TYPE,
    &UNIQUE_IDENTIFIER,
    &UNWRAP_MODE,
    &USAGE_LIMITS_UNIT,
    &VALIDATION_AUTHORITY_TYPE,
    &VALIDATION_TYPE,
    &VALIDITY_INDICATOR,
    &WRAPPING_METHOD,
];

/// Every mask table.
pub(crate) static MASKS: &[&MaskInfo] = &[
    &CRYPTOGRAPHIC_USAGE_MASK,
    &PROTECTION_STORAGE_MASK,
    &STORAGE_STATUS_MASK,
];

/// Tag value -> the enumeration table of its Enumeration items, sorted by tag.
pub(crate) static ENUMERATION_TAGS: &[(u32, &EnumerationInfo)] = &[
    (0x420007, &ASYNCHRONOUS_INDICATOR),
    (0x42000E, &BATCH_ERROR_CONTINUATION_OPTION),
    (0x420011, &BLOCK_CIPHER_MODE),
    (0x420012, &CANCELLATION_RESULT),
    (0x420019, &CERTIFICATE_REQUEST_TYPE),
    (0x42001D, &CERTIFICATE_TYPE),
    (0x420024, &CREDENTIAL_TYPE),
    (0x420028, &CRYPTOGRAPHIC_ALGORITHM),
    (0x420031, &DERIVATION_METHOD),
    (0x420038, &HASHING_ALGORITHM),
    (0x420041, &KEY_COMPRESSION_TYPE),
    (0x420042, &KEY_FORMAT_TYPE),
    (0x42004B, &LINK_TYPE),
    (0x420054, &NAME_TYPE),
    (0x420057, &OBJECT_TYPE),
    (0x42005C, &OPERATION),
    (0x42005F, &PADDING_METHOD),
    (0x420070, &PUT_FUNCTION),
    (0x420074, &QUERY_FUNCTION),
    (0x420075, &RECOMMENDED_CURVE),
    (0x42007E, &RESULT_REASON),
    (0x42007F, &RESULT_STATUS),
    (0x420082, &REVOCATION_REASON_CODE),
    (0x420083, &KEY_ROLE_TYPE),
    (0x420086, &SECRET_DATA_TYPE),
    (0x42008A, &SPLIT_KEY_METHOD),
    (0x42008D, &STATE),
    (0x420094, &UNIQUE_IDENTIFIER),
    (0x420098, &USAGE_LIMITS_UNIT),
    (0x42009B, &VALIDITY_INDICATOR),
    (0x42009E, &WRAPPING_METHOD),
    (0x4200A3, &ENCODING_OPTION),
    (0x4200A7, &ITEM_TYPE),
    (0x4200AC, &OBJECT_GROUP_MEMBER),
    (0x4200AE, &DIGITAL_SIGNATURE_ALGORITHM),
    (0x4200BA, &KEY_VALUE_LOCATION_TYPE),
    (0x4200C1, &ALTERNATIVE_NAME_TYPE),
    (0x4200C2, &DATA),
    (0x4200C7, &ATTESTATION_TYPE),
    (0x4200DA, &RNG_ALGORITHM),
    (0x4200DB, &DRBG_ALGORITHM),
    (0x4200DC, &FIPS186_VARIATION),
    (0x4200E0, &VALIDATION_AUTHORITY_TYPE),
    (0x4200E5, &VALIDATION_TYPE),
    (0x4200EC, &PROFILE_NAME),
    (0x4200F2, &UNWRAP_MODE),
    (0x4200F3, &DESTROY_ACTION),
    (0x4200F4, &SHREDDING_ALGORITHM),
    (0x4200F5, &RNG_MODE),
    (0x4200F6, &CLIENT_REGISTRATION_METHOD),
    (0x4200F8, &KEY_WRAP_TYPE),
    (0x420101, &MASK_GENERATOR),
    (0x420102, &HASHING_ALGORITHM),
    (0x42013A, &NIST_KEY_TYPE),
    (0x420145, &PROTECTION_LEVEL),
    (0x42014A, &TICKET_TYPE),
    (0x420151, &ENDPOINT_ROLE),
    (0x420158, &ADJUSTMENT_TYPE),
    (0x42015A, &PKCS11_FUNCTION),
    (0x42015D, &PKCS11_RETURN_CODE),
    (0x420160, &INTEROP_FUNCTION),
];

/// Tag value -> the mask table of its Integer items, sorted by tag.
pub(crate) static MASK_TAGS: &[(u32, &MaskInfo)] = &[
    (0x42002C, &CRYPTOGRAPHIC_USAGE_MASK),
    (0x42008E, &STORAGE_STATUS_MASK),
    (0x42015E, &PROTECTION_STORAGE_MASK),
];
