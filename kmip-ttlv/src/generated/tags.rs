// Generated — do not edit. Source: kmip-ttlv/spec/*.tsv; regenerate with `cargo run -p kmip-ttlv-gen`.

//! The tag table (KMIP 2.1 §11.56; 1.x §9.1.3.1).

use crate::registry::TagInfo;
use crate::{ItemType, ProtocolVersion, Tag};

impl Tag {
    /// Activation Date (`0x420001`, KMIP 1.0).
    pub const ACTIVATION_DATE: Tag = Tag(0x420001);
    /// Application Data (`0x420002`, KMIP 1.0).
    pub const APPLICATION_DATA: Tag = Tag(0x420002);
    /// Application Namespace (`0x420003`, KMIP 1.0).
    pub const APPLICATION_NAMESPACE: Tag = Tag(0x420003);
    /// Application Specific Information (`0x420004`, KMIP 1.0).
    pub const APPLICATION_SPECIFIC_INFORMATION: Tag = Tag(0x420004);
    /// Archive Date (`0x420005`, KMIP 1.0).
    pub const ARCHIVE_DATE: Tag = Tag(0x420005);
    /// Asynchronous Correlation Value (`0x420006`, KMIP 1.0).
    pub const ASYNCHRONOUS_CORRELATION_VALUE: Tag = Tag(0x420006);
    /// Asynchronous Indicator (`0x420007`, KMIP 1.0).
    pub const ASYNCHRONOUS_INDICATOR: Tag = Tag(0x420007);
    /// Attribute (`0x420008`, KMIP 1.0).
    pub const ATTRIBUTE: Tag = Tag(0x420008);
    /// Attribute Index (`0x420009`, KMIP 1.0, reserved since 2.0).
    pub const ATTRIBUTE_INDEX: Tag = Tag(0x420009);
    /// Attribute Name (`0x42000A`, KMIP 1.0).
    pub const ATTRIBUTE_NAME: Tag = Tag(0x42000A);
    /// Attribute Value (`0x42000B`, KMIP 1.0).
    pub const ATTRIBUTE_VALUE: Tag = Tag(0x42000B);
    /// Authentication (`0x42000C`, KMIP 1.0).
    pub const AUTHENTICATION: Tag = Tag(0x42000C);
    /// Batch Count (`0x42000D`, KMIP 1.0).
    pub const BATCH_COUNT: Tag = Tag(0x42000D);
    /// Batch Error Continuation Option (`0x42000E`, KMIP 1.0).
    pub const BATCH_ERROR_CONTINUATION_OPTION: Tag = Tag(0x42000E);
    /// Batch Item (`0x42000F`, KMIP 1.0).
    pub const BATCH_ITEM: Tag = Tag(0x42000F);
    /// Batch Order Option (`0x420010`, KMIP 1.0).
    pub const BATCH_ORDER_OPTION: Tag = Tag(0x420010);
    /// Block Cipher Mode (`0x420011`, KMIP 1.0).
    pub const BLOCK_CIPHER_MODE: Tag = Tag(0x420011);
    /// Cancellation Result (`0x420012`, KMIP 1.0).
    pub const CANCELLATION_RESULT: Tag = Tag(0x420012);
    /// Certificate (`0x420013`, KMIP 1.0).
    pub const CERTIFICATE: Tag = Tag(0x420013);
    /// Certificate Identifier (`0x420014`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_IDENTIFIER: Tag = Tag(0x420014);
    /// Certificate Issuer (`0x420015`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_ISSUER: Tag = Tag(0x420015);
    /// Certificate Issuer Alternative Name (`0x420016`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_ISSUER_ALTERNATIVE_NAME: Tag = Tag(0x420016);
    /// Certificate Issuer Distinguished Name (`0x420017`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_ISSUER_DISTINGUISHED_NAME: Tag = Tag(0x420017);
    /// Certificate Request (`0x420018`, KMIP 1.0).
    pub const CERTIFICATE_REQUEST: Tag = Tag(0x420018);
    /// Certificate Request Type (`0x420019`, KMIP 1.0).
    pub const CERTIFICATE_REQUEST_TYPE: Tag = Tag(0x420019);
    /// Certificate Subject (`0x42001A`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_SUBJECT: Tag = Tag(0x42001A);
    /// Certificate Subject Alternative Name (`0x42001B`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_SUBJECT_ALTERNATIVE_NAME: Tag = Tag(0x42001B);
    /// Certificate Subject Distinguished Name (`0x42001C`, KMIP 1.0, reserved since 2.0).
    pub const CERTIFICATE_SUBJECT_DISTINGUISHED_NAME: Tag = Tag(0x42001C);
    /// Certificate Type (`0x42001D`, KMIP 1.0).
    pub const CERTIFICATE_TYPE: Tag = Tag(0x42001D);
    /// Certificate Value (`0x42001E`, KMIP 1.0).
    pub const CERTIFICATE_VALUE: Tag = Tag(0x42001E);
    /// Common Template-Attribute (`0x42001F`, KMIP 1.0, reserved since 2.0).
    pub const COMMON_TEMPLATE_ATTRIBUTE: Tag = Tag(0x42001F);
    /// Compromise Date (`0x420020`, KMIP 1.0).
    pub const COMPROMISE_DATE: Tag = Tag(0x420020);
    /// Compromise Occurrence Date (`0x420021`, KMIP 1.0).
    pub const COMPROMISE_OCCURRENCE_DATE: Tag = Tag(0x420021);
    /// Contact Information (`0x420022`, KMIP 1.0).
    pub const CONTACT_INFORMATION: Tag = Tag(0x420022);
    /// Credential (`0x420023`, KMIP 1.0).
    pub const CREDENTIAL: Tag = Tag(0x420023);
    /// Credential Type (`0x420024`, KMIP 1.0).
    pub const CREDENTIAL_TYPE: Tag = Tag(0x420024);
    /// Credential Value (`0x420025`, KMIP 1.0).
    pub const CREDENTIAL_VALUE: Tag = Tag(0x420025);
    /// Criticality Indicator (`0x420026`, KMIP 1.0).
    pub const CRITICALITY_INDICATOR: Tag = Tag(0x420026);
    /// CRT Coefficient (`0x420027`, KMIP 1.0).
    pub const CRT_COEFFICIENT: Tag = Tag(0x420027);
    /// Cryptographic Algorithm (`0x420028`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_ALGORITHM: Tag = Tag(0x420028);
    /// Cryptographic Domain Parameters (`0x420029`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_DOMAIN_PARAMETERS: Tag = Tag(0x420029);
    /// Cryptographic Length (`0x42002A`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_LENGTH: Tag = Tag(0x42002A);
    /// Cryptographic Parameters (`0x42002B`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_PARAMETERS: Tag = Tag(0x42002B);
    /// Cryptographic Usage Mask (`0x42002C`, KMIP 1.0).
    pub const CRYPTOGRAPHIC_USAGE_MASK: Tag = Tag(0x42002C);
    /// Custom Attribute (`0x42002D`, KMIP 1.0, reserved since 2.0).
    pub const CUSTOM_ATTRIBUTE: Tag = Tag(0x42002D);
    /// D (`0x42002E`, KMIP 1.0).
    pub const D: Tag = Tag(0x42002E);
    /// Deactivation Date (`0x42002F`, KMIP 1.0).
    pub const DEACTIVATION_DATE: Tag = Tag(0x42002F);
    /// Derivation Data (`0x420030`, KMIP 1.0).
    pub const DERIVATION_DATA: Tag = Tag(0x420030);
    /// Derivation Method (`0x420031`, KMIP 1.0).
    pub const DERIVATION_METHOD: Tag = Tag(0x420031);
    /// Derivation Parameters (`0x420032`, KMIP 1.0).
    pub const DERIVATION_PARAMETERS: Tag = Tag(0x420032);
    /// Destroy Date (`0x420033`, KMIP 1.0).
    pub const DESTROY_DATE: Tag = Tag(0x420033);
    /// Digest (`0x420034`, KMIP 1.0).
    pub const DIGEST: Tag = Tag(0x420034);
    /// Digest Value (`0x420035`, KMIP 1.0).
    pub const DIGEST_VALUE: Tag = Tag(0x420035);
    /// Encryption Key Information (`0x420036`, KMIP 1.0).
    pub const ENCRYPTION_KEY_INFORMATION: Tag = Tag(0x420036);
    /// G (`0x420037`, KMIP 1.0).
    pub const G: Tag = Tag(0x420037);
    /// Hashing Algorithm (`0x420038`, KMIP 1.0).
    pub const HASHING_ALGORITHM: Tag = Tag(0x420038);
    /// Initial Date (`0x420039`, KMIP 1.0).
    pub const INITIAL_DATE: Tag = Tag(0x420039);
    /// Initialization Vector (`0x42003A`, KMIP 1.0).
    pub const INITIALIZATION_VECTOR: Tag = Tag(0x42003A);
    /// Issuer (`0x42003B`, KMIP 1.0, reserved since 2.0).
    pub const ISSUER: Tag = Tag(0x42003B);
    /// Iteration Count (`0x42003C`, KMIP 1.0).
    pub const ITERATION_COUNT: Tag = Tag(0x42003C);
    /// IV/Counter/Nonce (`0x42003D`, KMIP 1.0).
    pub const IV_COUNTER_NONCE: Tag = Tag(0x42003D);
    /// J (`0x42003E`, KMIP 1.0).
    pub const J: Tag = Tag(0x42003E);
    /// Key (`0x42003F`, KMIP 1.0).
    pub const KEY: Tag = Tag(0x42003F);
    /// Key Block (`0x420040`, KMIP 1.0).
    pub const KEY_BLOCK: Tag = Tag(0x420040);
    /// Key Compression Type (`0x420041`, KMIP 1.0).
    pub const KEY_COMPRESSION_TYPE: Tag = Tag(0x420041);
    /// Key Format Type (`0x420042`, KMIP 1.0).
    pub const KEY_FORMAT_TYPE: Tag = Tag(0x420042);
    /// Key Material (`0x420043`, KMIP 1.0).
    pub const KEY_MATERIAL: Tag = Tag(0x420043);
    /// Key Part Identifier (`0x420044`, KMIP 1.0).
    pub const KEY_PART_IDENTIFIER: Tag = Tag(0x420044);
    /// Key Value (`0x420045`, KMIP 1.0).
    pub const KEY_VALUE: Tag = Tag(0x420045);
    /// Key Wrapping Data (`0x420046`, KMIP 1.0).
    pub const KEY_WRAPPING_DATA: Tag = Tag(0x420046);
    /// Key Wrapping Specification (`0x420047`, KMIP 1.0).
    pub const KEY_WRAPPING_SPECIFICATION: Tag = Tag(0x420047);
    /// Last Change Date (`0x420048`, KMIP 1.0).
    pub const LAST_CHANGE_DATE: Tag = Tag(0x420048);
    /// Lease Time (`0x420049`, KMIP 1.0).
    pub const LEASE_TIME: Tag = Tag(0x420049);
    /// Link (`0x42004A`, KMIP 1.0).
    pub const LINK: Tag = Tag(0x42004A);
    /// Link Type (`0x42004B`, KMIP 1.0).
    pub const LINK_TYPE: Tag = Tag(0x42004B);
    /// Linked Object Identifier (`0x42004C`, KMIP 1.0).
    pub const LINKED_OBJECT_IDENTIFIER: Tag = Tag(0x42004C);
    /// MAC/Signature (`0x42004D`, KMIP 1.0).
    pub const MAC_SIGNATURE: Tag = Tag(0x42004D);
    /// MAC/Signature Key Information (`0x42004E`, KMIP 1.0).
    pub const MAC_SIGNATURE_KEY_INFORMATION: Tag = Tag(0x42004E);
    /// Maximum Items (`0x42004F`, KMIP 1.0).
    pub const MAXIMUM_ITEMS: Tag = Tag(0x42004F);
    /// Maximum Response Size (`0x420050`, KMIP 1.0).
    pub const MAXIMUM_RESPONSE_SIZE: Tag = Tag(0x420050);
    /// Message Extension (`0x420051`, KMIP 1.0).
    pub const MESSAGE_EXTENSION: Tag = Tag(0x420051);
    /// Modulus (`0x420052`, KMIP 1.0).
    pub const MODULUS: Tag = Tag(0x420052);
    /// Name (`0x420053`, KMIP 1.0).
    pub const NAME: Tag = Tag(0x420053);
    /// Name Type (`0x420054`, KMIP 1.0).
    pub const NAME_TYPE: Tag = Tag(0x420054);
    /// Name Value (`0x420055`, KMIP 1.0).
    pub const NAME_VALUE: Tag = Tag(0x420055);
    /// Object Group (`0x420056`, KMIP 1.0).
    pub const OBJECT_GROUP: Tag = Tag(0x420056);
    /// Object Type (`0x420057`, KMIP 1.0).
    pub const OBJECT_TYPE: Tag = Tag(0x420057);
    /// Offset (`0x420058`, KMIP 1.0).
    pub const OFFSET: Tag = Tag(0x420058);
    /// Opaque Data Type (`0x420059`, KMIP 1.0).
    pub const OPAQUE_DATA_TYPE: Tag = Tag(0x420059);
    /// Opaque Data Value (`0x42005A`, KMIP 1.0).
    pub const OPAQUE_DATA_VALUE: Tag = Tag(0x42005A);
    /// Opaque Object (`0x42005B`, KMIP 1.0).
    pub const OPAQUE_OBJECT: Tag = Tag(0x42005B);
    /// Operation (`0x42005C`, KMIP 1.0).
    pub const OPERATION: Tag = Tag(0x42005C);
    /// Operation Policy Name (`0x42005D`, KMIP 1.0, reserved since 2.0).
    pub const OPERATION_POLICY_NAME: Tag = Tag(0x42005D);
    /// P (`0x42005E`, KMIP 1.0).
    pub const P: Tag = Tag(0x42005E);
    /// Padding Method (`0x42005F`, KMIP 1.0).
    pub const PADDING_METHOD: Tag = Tag(0x42005F);
    /// Prime Exponent P (`0x420060`, KMIP 1.0).
    pub const PRIME_EXPONENT_P: Tag = Tag(0x420060);
    /// Prime Exponent Q (`0x420061`, KMIP 1.0).
    pub const PRIME_EXPONENT_Q: Tag = Tag(0x420061);
    /// Prime Field Size (`0x420062`, KMIP 1.0).
    pub const PRIME_FIELD_SIZE: Tag = Tag(0x420062);
    /// Private Exponent (`0x420063`, KMIP 1.0).
    pub const PRIVATE_EXPONENT: Tag = Tag(0x420063);
    /// Private Key (`0x420064`, KMIP 1.0).
    pub const PRIVATE_KEY: Tag = Tag(0x420064);
    /// Private Key Template-Attribute (`0x420065`, KMIP 1.0, reserved since 2.0).
    pub const PRIVATE_KEY_TEMPLATE_ATTRIBUTE: Tag = Tag(0x420065);
    /// Private Key Unique Identifier (`0x420066`, KMIP 1.0).
    pub const PRIVATE_KEY_UNIQUE_IDENTIFIER: Tag = Tag(0x420066);
    /// Process Start Date (`0x420067`, KMIP 1.0).
    pub const PROCESS_START_DATE: Tag = Tag(0x420067);
    /// Protect Stop Date (`0x420068`, KMIP 1.0).
    pub const PROTECT_STOP_DATE: Tag = Tag(0x420068);
    /// Protocol Version (`0x420069`, KMIP 1.0).
    pub const PROTOCOL_VERSION: Tag = Tag(0x420069);
    /// Protocol Version Major (`0x42006A`, KMIP 1.0).
    pub const PROTOCOL_VERSION_MAJOR: Tag = Tag(0x42006A);
    /// Protocol Version Minor (`0x42006B`, KMIP 1.0).
    pub const PROTOCOL_VERSION_MINOR: Tag = Tag(0x42006B);
    /// Public Exponent (`0x42006C`, KMIP 1.0).
    pub const PUBLIC_EXPONENT: Tag = Tag(0x42006C);
    /// Public Key (`0x42006D`, KMIP 1.0).
    pub const PUBLIC_KEY: Tag = Tag(0x42006D);
    /// Public Key Template-Attribute (`0x42006E`, KMIP 1.0, reserved since 2.0).
    pub const PUBLIC_KEY_TEMPLATE_ATTRIBUTE: Tag = Tag(0x42006E);
    /// Public Key Unique Identifier (`0x42006F`, KMIP 1.0).
    pub const PUBLIC_KEY_UNIQUE_IDENTIFIER: Tag = Tag(0x42006F);
    /// Put Function (`0x420070`, KMIP 1.0).
    pub const PUT_FUNCTION: Tag = Tag(0x420070);
    /// Q (`0x420071`, KMIP 1.0).
    pub const Q: Tag = Tag(0x420071);
    /// Q String (`0x420072`, KMIP 1.0).
    pub const Q_STRING: Tag = Tag(0x420072);
    /// Qlength (`0x420073`, KMIP 1.0).
    pub const QLENGTH: Tag = Tag(0x420073);
    /// Query Function (`0x420074`, KMIP 1.0).
    pub const QUERY_FUNCTION: Tag = Tag(0x420074);
    /// Recommended Curve (`0x420075`, KMIP 1.0).
    pub const RECOMMENDED_CURVE: Tag = Tag(0x420075);
    /// Replaced Unique Identifier (`0x420076`, KMIP 1.0).
    pub const REPLACED_UNIQUE_IDENTIFIER: Tag = Tag(0x420076);
    /// Request Header (`0x420077`, KMIP 1.0).
    pub const REQUEST_HEADER: Tag = Tag(0x420077);
    /// Request Message (`0x420078`, KMIP 1.0).
    pub const REQUEST_MESSAGE: Tag = Tag(0x420078);
    /// Request Payload (`0x420079`, KMIP 1.0).
    pub const REQUEST_PAYLOAD: Tag = Tag(0x420079);
    /// Response Header (`0x42007A`, KMIP 1.0).
    pub const RESPONSE_HEADER: Tag = Tag(0x42007A);
    /// Response Message (`0x42007B`, KMIP 1.0).
    pub const RESPONSE_MESSAGE: Tag = Tag(0x42007B);
    /// Response Payload (`0x42007C`, KMIP 1.0).
    pub const RESPONSE_PAYLOAD: Tag = Tag(0x42007C);
    /// Result Message (`0x42007D`, KMIP 1.0).
    pub const RESULT_MESSAGE: Tag = Tag(0x42007D);
    /// Result Reason (`0x42007E`, KMIP 1.0).
    pub const RESULT_REASON: Tag = Tag(0x42007E);
    /// Result Status (`0x42007F`, KMIP 1.0).
    pub const RESULT_STATUS: Tag = Tag(0x42007F);
    /// Revocation Message (`0x420080`, KMIP 1.0).
    pub const REVOCATION_MESSAGE: Tag = Tag(0x420080);
    /// Revocation Reason (`0x420081`, KMIP 1.0).
    pub const REVOCATION_REASON: Tag = Tag(0x420081);
    /// Revocation Reason Code (`0x420082`, KMIP 1.0).
    pub const REVOCATION_REASON_CODE: Tag = Tag(0x420082);
    /// Key Role Type (`0x420083`, KMIP 1.0).
    pub const KEY_ROLE_TYPE: Tag = Tag(0x420083);
    /// Salt (`0x420084`, KMIP 1.0).
    pub const SALT: Tag = Tag(0x420084);
    /// Secret Data (`0x420085`, KMIP 1.0).
    pub const SECRET_DATA: Tag = Tag(0x420085);
    /// Secret Data Type (`0x420086`, KMIP 1.0).
    pub const SECRET_DATA_TYPE: Tag = Tag(0x420086);
    /// Serial Number (`0x420087`, KMIP 1.0, reserved since 2.0).
    pub const SERIAL_NUMBER: Tag = Tag(0x420087);
    /// Server Information (`0x420088`, KMIP 1.0).
    pub const SERVER_INFORMATION: Tag = Tag(0x420088);
    /// Split Key (`0x420089`, KMIP 1.0).
    pub const SPLIT_KEY: Tag = Tag(0x420089);
    /// Split Key Method (`0x42008A`, KMIP 1.0).
    pub const SPLIT_KEY_METHOD: Tag = Tag(0x42008A);
    /// Split Key Parts (`0x42008B`, KMIP 1.0).
    pub const SPLIT_KEY_PARTS: Tag = Tag(0x42008B);
    /// Split Key Threshold (`0x42008C`, KMIP 1.0).
    pub const SPLIT_KEY_THRESHOLD: Tag = Tag(0x42008C);
    /// State (`0x42008D`, KMIP 1.0).
    pub const STATE: Tag = Tag(0x42008D);
    /// Storage Status Mask (`0x42008E`, KMIP 1.0).
    pub const STORAGE_STATUS_MASK: Tag = Tag(0x42008E);
    /// Symmetric Key (`0x42008F`, KMIP 1.0).
    pub const SYMMETRIC_KEY: Tag = Tag(0x42008F);
    /// Template (`0x420090`, KMIP 1.0, reserved since 2.0).
    pub const TEMPLATE: Tag = Tag(0x420090);
    /// Template-Attribute (`0x420091`, KMIP 1.0, reserved since 2.0).
    pub const TEMPLATE_ATTRIBUTE: Tag = Tag(0x420091);
    /// Time Stamp (`0x420092`, KMIP 1.0).
    pub const TIME_STAMP: Tag = Tag(0x420092);
    /// Unique Batch Item ID (`0x420093`, KMIP 1.0).
    pub const UNIQUE_BATCH_ITEM_ID: Tag = Tag(0x420093);
    /// Unique Identifier (`0x420094`, KMIP 1.0).
    pub const UNIQUE_IDENTIFIER: Tag = Tag(0x420094);
    /// Usage Limits (`0x420095`, KMIP 1.0).
    pub const USAGE_LIMITS: Tag = Tag(0x420095);
    /// Usage Limits Count (`0x420096`, KMIP 1.0).
    pub const USAGE_LIMITS_COUNT: Tag = Tag(0x420096);
    /// Usage Limits Total (`0x420097`, KMIP 1.0).
    pub const USAGE_LIMITS_TOTAL: Tag = Tag(0x420097);
    /// Usage Limits Unit (`0x420098`, KMIP 1.0).
    pub const USAGE_LIMITS_UNIT: Tag = Tag(0x420098);
    /// Username (`0x420099`, KMIP 1.0).
    pub const USERNAME: Tag = Tag(0x420099);
    /// Validity Date (`0x42009A`, KMIP 1.0).
    pub const VALIDITY_DATE: Tag = Tag(0x42009A);
    /// Validity Indicator (`0x42009B`, KMIP 1.0).
    pub const VALIDITY_INDICATOR: Tag = Tag(0x42009B);
    /// Vendor Extension (`0x42009C`, KMIP 1.0).
    pub const VENDOR_EXTENSION: Tag = Tag(0x42009C);
    /// Vendor Identification (`0x42009D`, KMIP 1.0).
    pub const VENDOR_IDENTIFICATION: Tag = Tag(0x42009D);
    /// Wrapping Method (`0x42009E`, KMIP 1.0).
    pub const WRAPPING_METHOD: Tag = Tag(0x42009E);
    /// X (`0x42009F`, KMIP 1.0).
    pub const X: Tag = Tag(0x42009F);
    /// Y (`0x4200A0`, KMIP 1.0).
    pub const Y: Tag = Tag(0x4200A0);
    /// Password (`0x4200A1`, KMIP 1.0).
    pub const PASSWORD: Tag = Tag(0x4200A1);
    /// Device Identifier (`0x4200A2`, KMIP 1.1).
    pub const DEVICE_IDENTIFIER: Tag = Tag(0x4200A2);
    /// Encoding Option (`0x4200A3`, KMIP 1.1).
    pub const ENCODING_OPTION: Tag = Tag(0x4200A3);
    /// Extension Information (`0x4200A4`, KMIP 1.1).
    pub const EXTENSION_INFORMATION: Tag = Tag(0x4200A4);
    /// Extension Name (`0x4200A5`, KMIP 1.1).
    pub const EXTENSION_NAME: Tag = Tag(0x4200A5);
    /// Extension Tag (`0x4200A6`, KMIP 1.1).
    pub const EXTENSION_TAG: Tag = Tag(0x4200A6);
    /// Extension Type (`0x4200A7`, KMIP 1.1).
    pub const EXTENSION_TYPE: Tag = Tag(0x4200A7);
    /// Fresh (`0x4200A8`, KMIP 1.1).
    pub const FRESH: Tag = Tag(0x4200A8);
    /// Machine Identifier (`0x4200A9`, KMIP 1.1).
    pub const MACHINE_IDENTIFIER: Tag = Tag(0x4200A9);
    /// Media Identifier (`0x4200AA`, KMIP 1.1).
    pub const MEDIA_IDENTIFIER: Tag = Tag(0x4200AA);
    /// Network Identifier (`0x4200AB`, KMIP 1.1).
    pub const NETWORK_IDENTIFIER: Tag = Tag(0x4200AB);
    /// Object Group Member (`0x4200AC`, KMIP 1.1).
    pub const OBJECT_GROUP_MEMBER: Tag = Tag(0x4200AC);
    /// Certificate Length (`0x4200AD`, KMIP 1.1).
    pub const CERTIFICATE_LENGTH: Tag = Tag(0x4200AD);
    /// Digital Signature Algorithm (`0x4200AE`, KMIP 1.1).
    pub const DIGITAL_SIGNATURE_ALGORITHM: Tag = Tag(0x4200AE);
    /// Certificate Serial Number (`0x4200AF`, KMIP 1.1).
    pub const CERTIFICATE_SERIAL_NUMBER: Tag = Tag(0x4200AF);
    /// Device Serial Number (`0x4200B0`, KMIP 1.1).
    pub const DEVICE_SERIAL_NUMBER: Tag = Tag(0x4200B0);
    /// Issuer Alternative Name (`0x4200B1`, KMIP 1.1).
    pub const ISSUER_ALTERNATIVE_NAME: Tag = Tag(0x4200B1);
    /// Issuer Distinguished Name (`0x4200B2`, KMIP 1.1).
    pub const ISSUER_DISTINGUISHED_NAME: Tag = Tag(0x4200B2);
    /// Subject Alternative Name (`0x4200B3`, KMIP 1.1).
    pub const SUBJECT_ALTERNATIVE_NAME: Tag = Tag(0x4200B3);
    /// Subject Distinguished Name (`0x4200B4`, KMIP 1.1).
    pub const SUBJECT_DISTINGUISHED_NAME: Tag = Tag(0x4200B4);
    /// X.509 Certificate Identifier (`0x4200B5`, KMIP 1.1).
    pub const X_509_CERTIFICATE_IDENTIFIER: Tag = Tag(0x4200B5);
    /// X.509 Certificate Issuer (`0x4200B6`, KMIP 1.1).
    pub const X_509_CERTIFICATE_ISSUER: Tag = Tag(0x4200B6);
    /// X.509 Certificate Subject (`0x4200B7`, KMIP 1.1).
    pub const X_509_CERTIFICATE_SUBJECT: Tag = Tag(0x4200B7);
    /// Key Value Location (`0x4200B8`, KMIP 1.2).
    pub const KEY_VALUE_LOCATION: Tag = Tag(0x4200B8);
    /// Key Value Location Value (`0x4200B9`, KMIP 1.2).
    pub const KEY_VALUE_LOCATION_VALUE: Tag = Tag(0x4200B9);
    /// Key Value Location Type (`0x4200BA`, KMIP 1.2).
    pub const KEY_VALUE_LOCATION_TYPE: Tag = Tag(0x4200BA);
    /// Key Value Present (`0x4200BB`, KMIP 1.2).
    pub const KEY_VALUE_PRESENT: Tag = Tag(0x4200BB);
    /// Original Creation Date (`0x4200BC`, KMIP 1.2).
    pub const ORIGINAL_CREATION_DATE: Tag = Tag(0x4200BC);
    /// PGP Key (`0x4200BD`, KMIP 1.2).
    pub const PGP_KEY: Tag = Tag(0x4200BD);
    /// PGP Key Version (`0x4200BE`, KMIP 1.2).
    pub const PGP_KEY_VERSION: Tag = Tag(0x4200BE);
    /// Alternative Name (`0x4200BF`, KMIP 1.2).
    pub const ALTERNATIVE_NAME: Tag = Tag(0x4200BF);
    /// Alternative Name Value (`0x4200C0`, KMIP 1.2).
    pub const ALTERNATIVE_NAME_VALUE: Tag = Tag(0x4200C0);
    /// Alternative Name Type (`0x4200C1`, KMIP 1.2).
    pub const ALTERNATIVE_NAME_TYPE: Tag = Tag(0x4200C1);
    /// Data (`0x4200C2`, KMIP 1.2).
    pub const DATA: Tag = Tag(0x4200C2);
    /// Signature Data (`0x4200C3`, KMIP 1.2).
    pub const SIGNATURE_DATA: Tag = Tag(0x4200C3);
    /// Data Length (`0x4200C4`, KMIP 1.2).
    pub const DATA_LENGTH: Tag = Tag(0x4200C4);
    /// Random IV (`0x4200C5`, KMIP 1.2).
    pub const RANDOM_IV: Tag = Tag(0x4200C5);
    /// MAC Data (`0x4200C6`, KMIP 1.2).
    pub const MAC_DATA: Tag = Tag(0x4200C6);
    /// Attestation Type (`0x4200C7`, KMIP 1.2).
    pub const ATTESTATION_TYPE: Tag = Tag(0x4200C7);
    /// Nonce (`0x4200C8`, KMIP 1.2).
    pub const NONCE: Tag = Tag(0x4200C8);
    /// Nonce ID (`0x4200C9`, KMIP 1.2).
    pub const NONCE_ID: Tag = Tag(0x4200C9);
    /// Nonce Value (`0x4200CA`, KMIP 1.2).
    pub const NONCE_VALUE: Tag = Tag(0x4200CA);
    /// Attestation Measurement (`0x4200CB`, KMIP 1.2).
    pub const ATTESTATION_MEASUREMENT: Tag = Tag(0x4200CB);
    /// Attestation Assertion (`0x4200CC`, KMIP 1.2).
    pub const ATTESTATION_ASSERTION: Tag = Tag(0x4200CC);
    /// IV Length (`0x4200CD`, KMIP 1.2).
    pub const IV_LENGTH: Tag = Tag(0x4200CD);
    /// Tag Length (`0x4200CE`, KMIP 1.2).
    pub const TAG_LENGTH: Tag = Tag(0x4200CE);
    /// Fixed Field Length (`0x4200CF`, KMIP 1.2).
    pub const FIXED_FIELD_LENGTH: Tag = Tag(0x4200CF);
    /// Counter Length (`0x4200D0`, KMIP 1.2).
    pub const COUNTER_LENGTH: Tag = Tag(0x4200D0);
    /// Initial Counter Value (`0x4200D1`, KMIP 1.2).
    pub const INITIAL_COUNTER_VALUE: Tag = Tag(0x4200D1);
    /// Invocation Field Length (`0x4200D2`, KMIP 1.2).
    pub const INVOCATION_FIELD_LENGTH: Tag = Tag(0x4200D2);
    /// Attestation Capable Indicator (`0x4200D3`, KMIP 1.2).
    pub const ATTESTATION_CAPABLE_INDICATOR: Tag = Tag(0x4200D3);
    /// Offset Items (`0x4200D4`, KMIP 1.3).
    pub const OFFSET_ITEMS: Tag = Tag(0x4200D4);
    /// Located Items (`0x4200D5`, KMIP 1.3).
    pub const LOCATED_ITEMS: Tag = Tag(0x4200D5);
    /// Correlation Value (`0x4200D6`, KMIP 1.3).
    pub const CORRELATION_VALUE: Tag = Tag(0x4200D6);
    /// Init Indicator (`0x4200D7`, KMIP 1.3).
    pub const INIT_INDICATOR: Tag = Tag(0x4200D7);
    /// Final Indicator (`0x4200D8`, KMIP 1.3).
    pub const FINAL_INDICATOR: Tag = Tag(0x4200D8);
    /// RNG Parameters (`0x4200D9`, KMIP 1.3).
    pub const RNG_PARAMETERS: Tag = Tag(0x4200D9);
    /// RNG Algorithm (`0x4200DA`, KMIP 1.3).
    pub const RNG_ALGORITHM: Tag = Tag(0x4200DA);
    /// DRBG Algorithm (`0x4200DB`, KMIP 1.3).
    pub const DRBG_ALGORITHM: Tag = Tag(0x4200DB);
    /// FIPS186 Variation (`0x4200DC`, KMIP 1.3).
    pub const FIPS186_VARIATION: Tag = Tag(0x4200DC);
    /// Prediction Resistance (`0x4200DD`, KMIP 1.3).
    pub const PREDICTION_RESISTANCE: Tag = Tag(0x4200DD);
    /// Random Number Generator (`0x4200DE`, KMIP 1.3).
    pub const RANDOM_NUMBER_GENERATOR: Tag = Tag(0x4200DE);
    /// Validation Information (`0x4200DF`, KMIP 1.3).
    pub const VALIDATION_INFORMATION: Tag = Tag(0x4200DF);
    /// Validation Authority Type (`0x4200E0`, KMIP 1.3).
    pub const VALIDATION_AUTHORITY_TYPE: Tag = Tag(0x4200E0);
    /// Validation Authority Country (`0x4200E1`, KMIP 1.3).
    pub const VALIDATION_AUTHORITY_COUNTRY: Tag = Tag(0x4200E1);
    /// Validation Authority URI (`0x4200E2`, KMIP 1.3).
    pub const VALIDATION_AUTHORITY_URI: Tag = Tag(0x4200E2);
    /// Validation Version Major (`0x4200E3`, KMIP 1.3).
    pub const VALIDATION_VERSION_MAJOR: Tag = Tag(0x4200E3);
    /// Validation Version Minor (`0x4200E4`, KMIP 1.3).
    pub const VALIDATION_VERSION_MINOR: Tag = Tag(0x4200E4);
    /// Validation Type (`0x4200E5`, KMIP 1.3).
    pub const VALIDATION_TYPE: Tag = Tag(0x4200E5);
    /// Validation Level (`0x4200E6`, KMIP 1.3).
    pub const VALIDATION_LEVEL: Tag = Tag(0x4200E6);
    /// Validation Certificate Identifier (`0x4200E7`, KMIP 1.3).
    pub const VALIDATION_CERTIFICATE_IDENTIFIER: Tag = Tag(0x4200E7);
    /// Validation Certificate URI (`0x4200E8`, KMIP 1.3).
    pub const VALIDATION_CERTIFICATE_URI: Tag = Tag(0x4200E8);
    /// Validation Vendor URI (`0x4200E9`, KMIP 1.3).
    pub const VALIDATION_VENDOR_URI: Tag = Tag(0x4200E9);
    /// Validation Profile (`0x4200EA`, KMIP 1.3).
    pub const VALIDATION_PROFILE: Tag = Tag(0x4200EA);
    /// Profile Information (`0x4200EB`, KMIP 1.3).
    pub const PROFILE_INFORMATION: Tag = Tag(0x4200EB);
    /// Profile Name (`0x4200EC`, KMIP 1.3).
    pub const PROFILE_NAME: Tag = Tag(0x4200EC);
    /// Server URI (`0x4200ED`, KMIP 1.3).
    pub const SERVER_URI: Tag = Tag(0x4200ED);
    /// Server Port (`0x4200EE`, KMIP 1.3).
    pub const SERVER_PORT: Tag = Tag(0x4200EE);
    /// Streaming Capability (`0x4200EF`, KMIP 1.3).
    pub const STREAMING_CAPABILITY: Tag = Tag(0x4200EF);
    /// Asynchronous Capability (`0x4200F0`, KMIP 1.3).
    pub const ASYNCHRONOUS_CAPABILITY: Tag = Tag(0x4200F0);
    /// Attestation Capability (`0x4200F1`, KMIP 1.3).
    pub const ATTESTATION_CAPABILITY: Tag = Tag(0x4200F1);
    /// Unwrap Mode (`0x4200F2`, KMIP 1.3).
    pub const UNWRAP_MODE: Tag = Tag(0x4200F2);
    /// Destroy Action (`0x4200F3`, KMIP 1.3).
    pub const DESTROY_ACTION: Tag = Tag(0x4200F3);
    /// Shredding Algorithm (`0x4200F4`, KMIP 1.3).
    pub const SHREDDING_ALGORITHM: Tag = Tag(0x4200F4);
    /// RNG Mode (`0x4200F5`, KMIP 1.3).
    pub const RNG_MODE: Tag = Tag(0x4200F5);
    /// Client Registration Method (`0x4200F6`, KMIP 1.3).
    pub const CLIENT_REGISTRATION_METHOD: Tag = Tag(0x4200F6);
    /// Capability Information (`0x4200F7`, KMIP 1.3).
    pub const CAPABILITY_INFORMATION: Tag = Tag(0x4200F7);
    /// Key Wrap Type (`0x4200F8`, KMIP 1.4).
    pub const KEY_WRAP_TYPE: Tag = Tag(0x4200F8);
    /// Batch Undo Capability (`0x4200F9`, KMIP 1.4).
    pub const BATCH_UNDO_CAPABILITY: Tag = Tag(0x4200F9);
    /// Batch Continue Capability (`0x4200FA`, KMIP 1.4).
    pub const BATCH_CONTINUE_CAPABILITY: Tag = Tag(0x4200FA);
    /// PKCS#12 Friendly Name (`0x4200FB`, KMIP 1.4).
    pub const PKCS_12_FRIENDLY_NAME: Tag = Tag(0x4200FB);
    /// Description (`0x4200FC`, KMIP 1.4).
    pub const DESCRIPTION: Tag = Tag(0x4200FC);
    /// Comment (`0x4200FD`, KMIP 1.4).
    pub const COMMENT: Tag = Tag(0x4200FD);
    /// Authenticated Encryption Additional Data (`0x4200FE`, KMIP 1.4).
    pub const AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA: Tag = Tag(0x4200FE);
    /// Authenticated Encryption Tag (`0x4200FF`, KMIP 1.4).
    pub const AUTHENTICATED_ENCRYPTION_TAG: Tag = Tag(0x4200FF);
    /// Salt Length (`0x420100`, KMIP 1.4).
    pub const SALT_LENGTH: Tag = Tag(0x420100);
    /// Mask Generator (`0x420101`, KMIP 1.4).
    pub const MASK_GENERATOR: Tag = Tag(0x420101);
    /// Mask Generator Hashing Algorithm (`0x420102`, KMIP 1.4).
    pub const MASK_GENERATOR_HASHING_ALGORITHM: Tag = Tag(0x420102);
    /// P Source (`0x420103`, KMIP 1.4).
    pub const P_SOURCE: Tag = Tag(0x420103);
    /// Trailer Field (`0x420104`, KMIP 1.4).
    pub const TRAILER_FIELD: Tag = Tag(0x420104);
    /// Client Correlation Value (`0x420105`, KMIP 1.4).
    pub const CLIENT_CORRELATION_VALUE: Tag = Tag(0x420105);
    /// Server Correlation Value (`0x420106`, KMIP 1.4).
    pub const SERVER_CORRELATION_VALUE: Tag = Tag(0x420106);
    /// Digested Data (`0x420107`, KMIP 1.4).
    pub const DIGESTED_DATA: Tag = Tag(0x420107);
    /// Certificate Subject CN (`0x420108`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_CN: Tag = Tag(0x420108);
    /// Certificate Subject O (`0x420109`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_O: Tag = Tag(0x420109);
    /// Certificate Subject OU (`0x42010A`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_OU: Tag = Tag(0x42010A);
    /// Certificate Subject Email (`0x42010B`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_EMAIL: Tag = Tag(0x42010B);
    /// Certificate Subject C (`0x42010C`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_C: Tag = Tag(0x42010C);
    /// Certificate Subject ST (`0x42010D`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_ST: Tag = Tag(0x42010D);
    /// Certificate Subject L (`0x42010E`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_L: Tag = Tag(0x42010E);
    /// Certificate Subject UID (`0x42010F`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_UID: Tag = Tag(0x42010F);
    /// Certificate Subject Serial Number (`0x420110`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_SERIAL_NUMBER: Tag = Tag(0x420110);
    /// Certificate Subject Title (`0x420111`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_TITLE: Tag = Tag(0x420111);
    /// Certificate Subject DC (`0x420112`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_DC: Tag = Tag(0x420112);
    /// Certificate Subject DN Qualifier (`0x420113`, KMIP 1.4).
    pub const CERTIFICATE_SUBJECT_DN_QUALIFIER: Tag = Tag(0x420113);
    /// Certificate Issuer CN (`0x420114`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_CN: Tag = Tag(0x420114);
    /// Certificate Issuer O (`0x420115`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_O: Tag = Tag(0x420115);
    /// Certificate Issuer OU (`0x420116`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_OU: Tag = Tag(0x420116);
    /// Certificate Issuer Email (`0x420117`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_EMAIL: Tag = Tag(0x420117);
    /// Certificate Issuer C (`0x420118`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_C: Tag = Tag(0x420118);
    /// Certificate Issuer ST (`0x420119`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_ST: Tag = Tag(0x420119);
    /// Certificate Issuer L (`0x42011A`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_L: Tag = Tag(0x42011A);
    /// Certificate Issuer UID (`0x42011B`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_UID: Tag = Tag(0x42011B);
    /// Certificate Issuer Serial Number (`0x42011C`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_SERIAL_NUMBER: Tag = Tag(0x42011C);
    /// Certificate Issuer Title (`0x42011D`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_TITLE: Tag = Tag(0x42011D);
    /// Certificate Issuer DC (`0x42011E`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_DC: Tag = Tag(0x42011E);
    /// Certificate Issuer DN Qualifier (`0x42011F`, KMIP 1.4).
    pub const CERTIFICATE_ISSUER_DN_QUALIFIER: Tag = Tag(0x42011F);
    /// Sensitive (`0x420120`, KMIP 1.4).
    pub const SENSITIVE: Tag = Tag(0x420120);
    /// Always Sensitive (`0x420121`, KMIP 1.4).
    pub const ALWAYS_SENSITIVE: Tag = Tag(0x420121);
    /// Extractable (`0x420122`, KMIP 1.4).
    pub const EXTRACTABLE: Tag = Tag(0x420122);
    /// Never Extractable (`0x420123`, KMIP 1.4).
    pub const NEVER_EXTRACTABLE: Tag = Tag(0x420123);
    /// Replace Existing (`0x420124`, KMIP 1.4).
    pub const REPLACE_EXISTING: Tag = Tag(0x420124);
    /// Attributes (`0x420125`, KMIP 2.0).
    pub const ATTRIBUTES: Tag = Tag(0x420125);
    /// Common Attributes (`0x420126`, KMIP 2.0).
    pub const COMMON_ATTRIBUTES: Tag = Tag(0x420126);
    /// Private Key Attributes (`0x420127`, KMIP 2.0).
    pub const PRIVATE_KEY_ATTRIBUTES: Tag = Tag(0x420127);
    /// Public Key Attributes (`0x420128`, KMIP 2.0).
    pub const PUBLIC_KEY_ATTRIBUTES: Tag = Tag(0x420128);
    /// Extension Enumeration (`0x420129`, KMIP 2.0).
    pub const EXTENSION_ENUMERATION: Tag = Tag(0x420129);
    /// Extension Attribute (`0x42012A`, KMIP 2.0).
    pub const EXTENSION_ATTRIBUTE: Tag = Tag(0x42012A);
    /// Extension Parent Structure Tag (`0x42012B`, KMIP 2.0).
    pub const EXTENSION_PARENT_STRUCTURE_TAG: Tag = Tag(0x42012B);
    /// Extension Description (`0x42012C`, KMIP 2.0).
    pub const EXTENSION_DESCRIPTION: Tag = Tag(0x42012C);
    /// Server Name (`0x42012D`, KMIP 2.0).
    pub const SERVER_NAME: Tag = Tag(0x42012D);
    /// Server Serial Number (`0x42012E`, KMIP 2.0).
    pub const SERVER_SERIAL_NUMBER: Tag = Tag(0x42012E);
    /// Server Version (`0x42012F`, KMIP 2.0).
    pub const SERVER_VERSION: Tag = Tag(0x42012F);
    /// Server Load (`0x420130`, KMIP 2.0).
    pub const SERVER_LOAD: Tag = Tag(0x420130);
    /// Product Name (`0x420131`, KMIP 2.0).
    pub const PRODUCT_NAME: Tag = Tag(0x420131);
    /// Build Level (`0x420132`, KMIP 2.0).
    pub const BUILD_LEVEL: Tag = Tag(0x420132);
    /// Build Date (`0x420133`, KMIP 2.0).
    pub const BUILD_DATE: Tag = Tag(0x420133);
    /// Cluster Info (`0x420134`, KMIP 2.0).
    pub const CLUSTER_INFO: Tag = Tag(0x420134);
    /// Alternate Failover Endpoints (`0x420135`, KMIP 2.0).
    pub const ALTERNATE_FAILOVER_ENDPOINTS: Tag = Tag(0x420135);
    /// Short Unique Identifier (`0x420136`, KMIP 2.0).
    pub const SHORT_UNIQUE_IDENTIFIER: Tag = Tag(0x420136);
    /// Tag (`0x420138`, KMIP 2.0).
    pub const TAG: Tag = Tag(0x420138);
    /// Certificate Request Unique Identifier (`0x420139`, KMIP 2.0).
    pub const CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER: Tag = Tag(0x420139);
    /// NIST Key Type (`0x42013A`, KMIP 2.0).
    pub const NIST_KEY_TYPE: Tag = Tag(0x42013A);
    /// Attribute Reference (`0x42013B`, KMIP 2.0).
    pub const ATTRIBUTE_REFERENCE: Tag = Tag(0x42013B);
    /// Current Attribute (`0x42013C`, KMIP 2.0).
    pub const CURRENT_ATTRIBUTE: Tag = Tag(0x42013C);
    /// New Attribute (`0x42013D`, KMIP 2.0).
    pub const NEW_ATTRIBUTE: Tag = Tag(0x42013D);
    /// Certificate Request Value (`0x420140`, KMIP 2.0).
    pub const CERTIFICATE_REQUEST_VALUE: Tag = Tag(0x420140);
    /// Log Message (`0x420141`, KMIP 2.0).
    pub const LOG_MESSAGE: Tag = Tag(0x420141);
    /// Profile Version (`0x420142`, KMIP 2.0).
    pub const PROFILE_VERSION: Tag = Tag(0x420142);
    /// Profile Version Major (`0x420143`, KMIP 2.0).
    pub const PROFILE_VERSION_MAJOR: Tag = Tag(0x420143);
    /// Profile Version Minor (`0x420144`, KMIP 2.0).
    pub const PROFILE_VERSION_MINOR: Tag = Tag(0x420144);
    /// Protection Level (`0x420145`, KMIP 2.0).
    pub const PROTECTION_LEVEL: Tag = Tag(0x420145);
    /// Protection Period (`0x420146`, KMIP 2.0).
    pub const PROTECTION_PERIOD: Tag = Tag(0x420146);
    /// Quantum Safe (`0x420147`, KMIP 2.0).
    pub const QUANTUM_SAFE: Tag = Tag(0x420147);
    /// Quantum Safe Capability (`0x420148`, KMIP 2.0).
    pub const QUANTUM_SAFE_CAPABILITY: Tag = Tag(0x420148);
    /// Ticket (`0x420149`, KMIP 2.0).
    pub const TICKET: Tag = Tag(0x420149);
    /// Ticket Type (`0x42014A`, KMIP 2.0).
    pub const TICKET_TYPE: Tag = Tag(0x42014A);
    /// Ticket Value (`0x42014B`, KMIP 2.0).
    pub const TICKET_VALUE: Tag = Tag(0x42014B);
    /// Request Count (`0x42014C`, KMIP 2.0).
    pub const REQUEST_COUNT: Tag = Tag(0x42014C);
    /// Rights (`0x42014D`, KMIP 2.0).
    pub const RIGHTS: Tag = Tag(0x42014D);
    /// Objects (`0x42014E`, KMIP 2.0).
    pub const OBJECTS: Tag = Tag(0x42014E);
    /// Operations (`0x42014F`, KMIP 2.0).
    pub const OPERATIONS: Tag = Tag(0x42014F);
    /// Right (`0x420150`, KMIP 2.0).
    pub const RIGHT: Tag = Tag(0x420150);
    /// Endpoint Role (`0x420151`, KMIP 2.0).
    pub const ENDPOINT_ROLE: Tag = Tag(0x420151);
    /// Defaults Information (`0x420152`, KMIP 2.0).
    pub const DEFAULTS_INFORMATION: Tag = Tag(0x420152);
    /// Object Defaults (`0x420153`, KMIP 2.0).
    pub const OBJECT_DEFAULTS: Tag = Tag(0x420153);
    /// Ephemeral (`0x420154`, KMIP 2.0).
    pub const EPHEMERAL: Tag = Tag(0x420154);
    /// Server Hashed Password (`0x420155`, KMIP 2.0).
    pub const SERVER_HASHED_PASSWORD: Tag = Tag(0x420155);
    /// One Time Password (`0x420156`, KMIP 2.0).
    pub const ONE_TIME_PASSWORD: Tag = Tag(0x420156);
    /// Hashed Password (`0x420157`, KMIP 2.0).
    pub const HASHED_PASSWORD: Tag = Tag(0x420157);
    /// Adjustment Type (`0x420158`, KMIP 2.0).
    pub const ADJUSTMENT_TYPE: Tag = Tag(0x420158);
    /// PKCS#11 Interface (`0x420159`, KMIP 2.0).
    pub const PKCS_11_INTERFACE: Tag = Tag(0x420159);
    /// PKCS#11 Function (`0x42015A`, KMIP 2.0).
    pub const PKCS_11_FUNCTION: Tag = Tag(0x42015A);
    /// PKCS#11 Input Parameters (`0x42015B`, KMIP 2.0).
    pub const PKCS_11_INPUT_PARAMETERS: Tag = Tag(0x42015B);
    /// PKCS#11 Output Parameters (`0x42015C`, KMIP 2.0).
    pub const PKCS_11_OUTPUT_PARAMETERS: Tag = Tag(0x42015C);
    /// PKCS#11 Return Code (`0x42015D`, KMIP 2.0).
    pub const PKCS_11_RETURN_CODE: Tag = Tag(0x42015D);
    /// Protection Storage Mask (`0x42015E`, KMIP 2.0).
    pub const PROTECTION_STORAGE_MASK: Tag = Tag(0x42015E);
    /// Protection Storage Masks (`0x42015F`, KMIP 2.0).
    pub const PROTECTION_STORAGE_MASKS: Tag = Tag(0x42015F);
    /// Interop Function (`0x420160`, KMIP 2.0).
    pub const INTEROP_FUNCTION: Tag = Tag(0x420160);
    /// Interop Identifier (`0x420161`, KMIP 2.0).
    pub const INTEROP_IDENTIFIER: Tag = Tag(0x420161);
    /// Adjustment Value (`0x420162`, KMIP 2.0).
    pub const ADJUSTMENT_VALUE: Tag = Tag(0x420162);
    /// Common Protection Storage Masks (`0x420163`, KMIP 2.0).
    pub const COMMON_PROTECTION_STORAGE_MASKS: Tag = Tag(0x420163);
    /// Private Protection Storage Masks (`0x420164`, KMIP 2.0).
    pub const PRIVATE_PROTECTION_STORAGE_MASKS: Tag = Tag(0x420164);
    /// Public Protection Storage Masks (`0x420165`, KMIP 2.0).
    pub const PUBLIC_PROTECTION_STORAGE_MASKS: Tag = Tag(0x420165);
    /// Object Groups (`0x420166`, KMIP 2.1).
    pub const OBJECT_GROUPS: Tag = Tag(0x420166);
    /// Object Types (`0x420167`, KMIP 2.1).
    pub const OBJECT_TYPES: Tag = Tag(0x420167);
    /// Constraints (`0x420168`, KMIP 2.1).
    pub const CONSTRAINTS: Tag = Tag(0x420168);
    /// Constraint (`0x420169`, KMIP 2.1).
    pub const CONSTRAINT: Tag = Tag(0x420169);
}

/// Every tag, sorted by value.
pub(crate) static TAGS: [TagInfo; 358] = [
    TagInfo { tag: Tag(0x420001), name: "ActivationDate", spec_name: "Activation Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420002), name: "ApplicationData", spec_name: "Application Data", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420003), name: "ApplicationNamespace", spec_name: "Application Namespace", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420004), name: "ApplicationSpecificInformation", spec_name: "Application Specific Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420005), name: "ArchiveDate", spec_name: "Archive Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420006), name: "AsynchronousCorrelationValue", spec_name: "Asynchronous Correlation Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420007), name: "AsynchronousIndicator", spec_name: "Asynchronous Indicator", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420008), name: "Attribute", spec_name: "Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420009), name: "AttributeIndex", spec_name: "Attribute Index", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42000A), name: "AttributeName", spec_name: "Attribute Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42000B), name: "AttributeValue", spec_name: "Attribute Value", item_types: &[], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42000C), name: "Authentication", spec_name: "Authentication", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42000D), name: "BatchCount", spec_name: "Batch Count", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42000E), name: "BatchErrorContinuationOption", spec_name: "Batch Error Continuation Option", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42000F), name: "BatchItem", spec_name: "Batch Item", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420010), name: "BatchOrderOption", spec_name: "Batch Order Option", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420011), name: "BlockCipherMode", spec_name: "Block Cipher Mode", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420012), name: "CancellationResult", spec_name: "Cancellation Result", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420013), name: "Certificate", spec_name: "Certificate", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420014), name: "CertificateIdentifier", spec_name: "Certificate Identifier", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420015), name: "CertificateIssuer", spec_name: "Certificate Issuer", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420016), name: "CertificateIssuerAlternativeName", spec_name: "Certificate Issuer Alternative Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420017), name: "CertificateIssuerDistinguishedName", spec_name: "Certificate Issuer Distinguished Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420018), name: "CertificateRequest", spec_name: "Certificate Request", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420019), name: "CertificateRequestType", spec_name: "Certificate Request Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42001A), name: "CertificateSubject", spec_name: "Certificate Subject", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42001B), name: "CertificateSubjectAlternativeName", spec_name: "Certificate Subject Alternative Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42001C), name: "CertificateSubjectDistinguishedName", spec_name: "Certificate Subject Distinguished Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42001D), name: "CertificateType", spec_name: "Certificate Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42001E), name: "CertificateValue", spec_name: "Certificate Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42001F), name: "CommonTemplateAttribute", spec_name: "Common Template-Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420020), name: "CompromiseDate", spec_name: "Compromise Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420021), name: "CompromiseOccurrenceDate", spec_name: "Compromise Occurrence Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420022), name: "ContactInformation", spec_name: "Contact Information", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420023), name: "Credential", spec_name: "Credential", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420024), name: "CredentialType", spec_name: "Credential Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420025), name: "CredentialValue", spec_name: "Credential Value", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420026), name: "CriticalityIndicator", spec_name: "Criticality Indicator", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420027), name: "CRTCoefficient", spec_name: "CRT Coefficient", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420028), name: "CryptographicAlgorithm", spec_name: "Cryptographic Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420029), name: "CryptographicDomainParameters", spec_name: "Cryptographic Domain Parameters", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42002A), name: "CryptographicLength", spec_name: "Cryptographic Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42002B), name: "CryptographicParameters", spec_name: "Cryptographic Parameters", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42002C), name: "CryptographicUsageMask", spec_name: "Cryptographic Usage Mask", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42002D), name: "CustomAttribute", spec_name: "Custom Attribute", item_types: &[], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42002E), name: "D", spec_name: "D", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42002F), name: "DeactivationDate", spec_name: "Deactivation Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420030), name: "DerivationData", spec_name: "Derivation Data", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420031), name: "DerivationMethod", spec_name: "Derivation Method", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420032), name: "DerivationParameters", spec_name: "Derivation Parameters", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420033), name: "DestroyDate", spec_name: "Destroy Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420034), name: "Digest", spec_name: "Digest", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420035), name: "DigestValue", spec_name: "Digest Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420036), name: "EncryptionKeyInformation", spec_name: "Encryption Key Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420037), name: "G", spec_name: "G", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420038), name: "HashingAlgorithm", spec_name: "Hashing Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420039), name: "InitialDate", spec_name: "Initial Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42003A), name: "InitializationVector", spec_name: "Initialization Vector", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42003B), name: "Issuer", spec_name: "Issuer", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42003C), name: "IterationCount", spec_name: "Iteration Count", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42003D), name: "IVCounterNonce", spec_name: "IV/Counter/Nonce", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42003E), name: "J", spec_name: "J", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42003F), name: "Key", spec_name: "Key", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420040), name: "KeyBlock", spec_name: "Key Block", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420041), name: "KeyCompressionType", spec_name: "Key Compression Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420042), name: "KeyFormatType", spec_name: "Key Format Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420043), name: "KeyMaterial", spec_name: "Key Material", item_types: &[ItemType::ByteString, ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420044), name: "KeyPartIdentifier", spec_name: "Key Part Identifier", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420045), name: "KeyValue", spec_name: "Key Value", item_types: &[ItemType::Structure, ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420046), name: "KeyWrappingData", spec_name: "Key Wrapping Data", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420047), name: "KeyWrappingSpecification", spec_name: "Key Wrapping Specification", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420048), name: "LastChangeDate", spec_name: "Last Change Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420049), name: "LeaseTime", spec_name: "Lease Time", item_types: &[ItemType::Interval], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004A), name: "Link", spec_name: "Link", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004B), name: "LinkType", spec_name: "Link Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004C), name: "LinkedObjectIdentifier", spec_name: "Linked Object Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004D), name: "MACSignature", spec_name: "MAC/Signature", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004E), name: "MACSignatureKeyInformation", spec_name: "MAC/Signature Key Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42004F), name: "MaximumItems", spec_name: "Maximum Items", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420050), name: "MaximumResponseSize", spec_name: "Maximum Response Size", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420051), name: "MessageExtension", spec_name: "Message Extension", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420052), name: "Modulus", spec_name: "Modulus", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420053), name: "Name", spec_name: "Name", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420054), name: "NameType", spec_name: "Name Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420055), name: "NameValue", spec_name: "Name Value", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420056), name: "ObjectGroup", spec_name: "Object Group", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420057), name: "ObjectType", spec_name: "Object Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420058), name: "Offset", spec_name: "Offset", item_types: &[ItemType::Interval], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420059), name: "OpaqueDataType", spec_name: "Opaque Data Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42005A), name: "OpaqueDataValue", spec_name: "Opaque Data Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42005B), name: "OpaqueObject", spec_name: "Opaque Object", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42005C), name: "Operation", spec_name: "Operation", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42005D), name: "OperationPolicyName", spec_name: "Operation Policy Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42005E), name: "P", spec_name: "P", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42005F), name: "PaddingMethod", spec_name: "Padding Method", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420060), name: "PrimeExponentP", spec_name: "Prime Exponent P", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420061), name: "PrimeExponentQ", spec_name: "Prime Exponent Q", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420062), name: "PrimeFieldSize", spec_name: "Prime Field Size", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420063), name: "PrivateExponent", spec_name: "Private Exponent", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420064), name: "PrivateKey", spec_name: "Private Key", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420065), name: "PrivateKeyTemplateAttribute", spec_name: "Private Key Template-Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420066), name: "PrivateKeyUniqueIdentifier", spec_name: "Private Key Unique Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420067), name: "ProcessStartDate", spec_name: "Process Start Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420068), name: "ProtectStopDate", spec_name: "Protect Stop Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420069), name: "ProtocolVersion", spec_name: "Protocol Version", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42006A), name: "ProtocolVersionMajor", spec_name: "Protocol Version Major", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42006B), name: "ProtocolVersionMinor", spec_name: "Protocol Version Minor", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42006C), name: "PublicExponent", spec_name: "Public Exponent", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42006D), name: "PublicKey", spec_name: "Public Key", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42006E), name: "PublicKeyTemplateAttribute", spec_name: "Public Key Template-Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x42006F), name: "PublicKeyUniqueIdentifier", spec_name: "Public Key Unique Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420070), name: "PutFunction", spec_name: "Put Function", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420071), name: "Q", spec_name: "Q", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420072), name: "QString", spec_name: "Q String", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420073), name: "Qlength", spec_name: "Qlength", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420074), name: "QueryFunction", spec_name: "Query Function", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420075), name: "RecommendedCurve", spec_name: "Recommended Curve", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420076), name: "ReplacedUniqueIdentifier", spec_name: "Replaced Unique Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420077), name: "RequestHeader", spec_name: "Request Header", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420078), name: "RequestMessage", spec_name: "Request Message", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420079), name: "RequestPayload", spec_name: "Request Payload", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007A), name: "ResponseHeader", spec_name: "Response Header", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007B), name: "ResponseMessage", spec_name: "Response Message", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007C), name: "ResponsePayload", spec_name: "Response Payload", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007D), name: "ResultMessage", spec_name: "Result Message", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007E), name: "ResultReason", spec_name: "Result Reason", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42007F), name: "ResultStatus", spec_name: "Result Status", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420080), name: "RevocationMessage", spec_name: "Revocation Message", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420081), name: "RevocationReason", spec_name: "Revocation Reason", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420082), name: "RevocationReasonCode", spec_name: "Revocation Reason Code", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420083), name: "KeyRoleType", spec_name: "Key Role Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420084), name: "Salt", spec_name: "Salt", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420085), name: "SecretData", spec_name: "Secret Data", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420086), name: "SecretDataType", spec_name: "Secret Data Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420087), name: "SerialNumber", spec_name: "Serial Number", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420088), name: "ServerInformation", spec_name: "Server Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420089), name: "SplitKey", spec_name: "Split Key", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008A), name: "SplitKeyMethod", spec_name: "Split Key Method", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008B), name: "SplitKeyParts", spec_name: "Split Key Parts", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008C), name: "SplitKeyThreshold", spec_name: "Split Key Threshold", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008D), name: "State", spec_name: "State", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008E), name: "StorageStatusMask", spec_name: "Storage Status Mask", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42008F), name: "SymmetricKey", spec_name: "Symmetric Key", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420090), name: "Template", spec_name: "Template", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420091), name: "TemplateAttribute", spec_name: "Template-Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: Some(ProtocolVersion::V2_0) },
    TagInfo { tag: Tag(0x420092), name: "TimeStamp", spec_name: "Time Stamp", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420093), name: "UniqueBatchItemID", spec_name: "Unique Batch Item ID", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420094), name: "UniqueIdentifier", spec_name: "Unique Identifier", item_types: &[ItemType::TextString, ItemType::Enumeration, ItemType::Integer], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420095), name: "UsageLimits", spec_name: "Usage Limits", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420096), name: "UsageLimitsCount", spec_name: "Usage Limits Count", item_types: &[ItemType::LongInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420097), name: "UsageLimitsTotal", spec_name: "Usage Limits Total", item_types: &[ItemType::LongInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420098), name: "UsageLimitsUnit", spec_name: "Usage Limits Unit", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x420099), name: "Username", spec_name: "Username", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009A), name: "ValidityDate", spec_name: "Validity Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009B), name: "ValidityIndicator", spec_name: "Validity Indicator", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009C), name: "VendorExtension", spec_name: "Vendor Extension", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009D), name: "VendorIdentification", spec_name: "Vendor Identification", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009E), name: "WrappingMethod", spec_name: "Wrapping Method", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x42009F), name: "X", spec_name: "X", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x4200A0), name: "Y", spec_name: "Y", item_types: &[ItemType::BigInteger], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x4200A1), name: "Password", spec_name: "Password", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_0, removed_in: None },
    TagInfo { tag: Tag(0x4200A2), name: "DeviceIdentifier", spec_name: "Device Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A3), name: "EncodingOption", spec_name: "Encoding Option", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A4), name: "ExtensionInformation", spec_name: "Extension Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A5), name: "ExtensionName", spec_name: "Extension Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A6), name: "ExtensionTag", spec_name: "Extension Tag", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A7), name: "ExtensionType", spec_name: "Extension Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A8), name: "Fresh", spec_name: "Fresh", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200A9), name: "MachineIdentifier", spec_name: "Machine Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AA), name: "MediaIdentifier", spec_name: "Media Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AB), name: "NetworkIdentifier", spec_name: "Network Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AC), name: "ObjectGroupMember", spec_name: "Object Group Member", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AD), name: "CertificateLength", spec_name: "Certificate Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AE), name: "DigitalSignatureAlgorithm", spec_name: "Digital Signature Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200AF), name: "CertificateSerialNumber", spec_name: "Certificate Serial Number", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B0), name: "DeviceSerialNumber", spec_name: "Device Serial Number", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B1), name: "IssuerAlternativeName", spec_name: "Issuer Alternative Name", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B2), name: "IssuerDistinguishedName", spec_name: "Issuer Distinguished Name", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B3), name: "SubjectAlternativeName", spec_name: "Subject Alternative Name", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B4), name: "SubjectDistinguishedName", spec_name: "Subject Distinguished Name", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B5), name: "X_509CertificateIdentifier", spec_name: "X.509 Certificate Identifier", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B6), name: "X_509CertificateIssuer", spec_name: "X.509 Certificate Issuer", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B7), name: "X_509CertificateSubject", spec_name: "X.509 Certificate Subject", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_1, removed_in: None },
    TagInfo { tag: Tag(0x4200B8), name: "KeyValueLocation", spec_name: "Key Value Location", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200B9), name: "KeyValueLocationValue", spec_name: "Key Value Location Value", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BA), name: "KeyValueLocationType", spec_name: "Key Value Location Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BB), name: "KeyValuePresent", spec_name: "Key Value Present", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BC), name: "OriginalCreationDate", spec_name: "Original Creation Date", item_types: &[ItemType::DateTime], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BD), name: "PGPKey", spec_name: "PGP Key", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BE), name: "PGPKeyVersion", spec_name: "PGP Key Version", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200BF), name: "AlternativeName", spec_name: "Alternative Name", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C0), name: "AlternativeNameValue", spec_name: "Alternative Name Value", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C1), name: "AlternativeNameType", spec_name: "Alternative Name Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C2), name: "Data", spec_name: "Data", item_types: &[ItemType::ByteString, ItemType::Enumeration, ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C3), name: "SignatureData", spec_name: "Signature Data", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C4), name: "DataLength", spec_name: "Data Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C5), name: "RandomIV", spec_name: "Random IV", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C6), name: "MACData", spec_name: "MAC Data", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C7), name: "AttestationType", spec_name: "Attestation Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C8), name: "Nonce", spec_name: "Nonce", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200C9), name: "NonceID", spec_name: "Nonce ID", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CA), name: "NonceValue", spec_name: "Nonce Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CB), name: "AttestationMeasurement", spec_name: "Attestation Measurement", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CC), name: "AttestationAssertion", spec_name: "Attestation Assertion", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CD), name: "IVLength", spec_name: "IV Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CE), name: "TagLength", spec_name: "Tag Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200CF), name: "FixedFieldLength", spec_name: "Fixed Field Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200D0), name: "CounterLength", spec_name: "Counter Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200D1), name: "InitialCounterValue", spec_name: "Initial Counter Value", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200D2), name: "InvocationFieldLength", spec_name: "Invocation Field Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200D3), name: "AttestationCapableIndicator", spec_name: "Attestation Capable Indicator", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_2, removed_in: None },
    TagInfo { tag: Tag(0x4200D4), name: "OffsetItems", spec_name: "Offset Items", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200D5), name: "LocatedItems", spec_name: "Located Items", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200D6), name: "CorrelationValue", spec_name: "Correlation Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200D7), name: "InitIndicator", spec_name: "Init Indicator", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200D8), name: "FinalIndicator", spec_name: "Final Indicator", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200D9), name: "RNGParameters", spec_name: "RNG Parameters", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DA), name: "RNGAlgorithm", spec_name: "RNG Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DB), name: "DRBGAlgorithm", spec_name: "DRBG Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DC), name: "FIPS186Variation", spec_name: "FIPS186 Variation", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DD), name: "PredictionResistance", spec_name: "Prediction Resistance", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DE), name: "RandomNumberGenerator", spec_name: "Random Number Generator", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200DF), name: "ValidationInformation", spec_name: "Validation Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E0), name: "ValidationAuthorityType", spec_name: "Validation Authority Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E1), name: "ValidationAuthorityCountry", spec_name: "Validation Authority Country", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E2), name: "ValidationAuthorityURI", spec_name: "Validation Authority URI", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E3), name: "ValidationVersionMajor", spec_name: "Validation Version Major", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E4), name: "ValidationVersionMinor", spec_name: "Validation Version Minor", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E5), name: "ValidationType", spec_name: "Validation Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E6), name: "ValidationLevel", spec_name: "Validation Level", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E7), name: "ValidationCertificateIdentifier", spec_name: "Validation Certificate Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E8), name: "ValidationCertificateURI", spec_name: "Validation Certificate URI", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200E9), name: "ValidationVendorURI", spec_name: "Validation Vendor URI", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200EA), name: "ValidationProfile", spec_name: "Validation Profile", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200EB), name: "ProfileInformation", spec_name: "Profile Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200EC), name: "ProfileName", spec_name: "Profile Name", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200ED), name: "ServerURI", spec_name: "Server URI", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200EE), name: "ServerPort", spec_name: "Server Port", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200EF), name: "StreamingCapability", spec_name: "Streaming Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F0), name: "AsynchronousCapability", spec_name: "Asynchronous Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F1), name: "AttestationCapability", spec_name: "Attestation Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F2), name: "UnwrapMode", spec_name: "Unwrap Mode", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F3), name: "DestroyAction", spec_name: "Destroy Action", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F4), name: "ShreddingAlgorithm", spec_name: "Shredding Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F5), name: "RNGMode", spec_name: "RNG Mode", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F6), name: "ClientRegistrationMethod", spec_name: "Client Registration Method", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F7), name: "CapabilityInformation", spec_name: "Capability Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V1_3, removed_in: None },
    TagInfo { tag: Tag(0x4200F8), name: "KeyWrapType", spec_name: "Key Wrap Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200F9), name: "BatchUndoCapability", spec_name: "Batch Undo Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FA), name: "BatchContinueCapability", spec_name: "Batch Continue Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FB), name: "PKCS_12FriendlyName", spec_name: "PKCS#12 Friendly Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FC), name: "Description", spec_name: "Description", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FD), name: "Comment", spec_name: "Comment", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FE), name: "AuthenticatedEncryptionAdditionalData", spec_name: "Authenticated Encryption Additional Data", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x4200FF), name: "AuthenticatedEncryptionTag", spec_name: "Authenticated Encryption Tag", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420100), name: "SaltLength", spec_name: "Salt Length", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420101), name: "MaskGenerator", spec_name: "Mask Generator", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420102), name: "MaskGeneratorHashingAlgorithm", spec_name: "Mask Generator Hashing Algorithm", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420103), name: "PSource", spec_name: "P Source", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420104), name: "TrailerField", spec_name: "Trailer Field", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420105), name: "ClientCorrelationValue", spec_name: "Client Correlation Value", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420106), name: "ServerCorrelationValue", spec_name: "Server Correlation Value", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420107), name: "DigestedData", spec_name: "Digested Data", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420108), name: "CertificateSubjectCN", spec_name: "Certificate Subject CN", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420109), name: "CertificateSubjectO", spec_name: "Certificate Subject O", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010A), name: "CertificateSubjectOU", spec_name: "Certificate Subject OU", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010B), name: "CertificateSubjectEmail", spec_name: "Certificate Subject Email", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010C), name: "CertificateSubjectC", spec_name: "Certificate Subject C", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010D), name: "CertificateSubjectST", spec_name: "Certificate Subject ST", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010E), name: "CertificateSubjectL", spec_name: "Certificate Subject L", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42010F), name: "CertificateSubjectUID", spec_name: "Certificate Subject UID", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420110), name: "CertificateSubjectSerialNumber", spec_name: "Certificate Subject Serial Number", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420111), name: "CertificateSubjectTitle", spec_name: "Certificate Subject Title", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420112), name: "CertificateSubjectDC", spec_name: "Certificate Subject DC", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420113), name: "CertificateSubjectDNQualifier", spec_name: "Certificate Subject DN Qualifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420114), name: "CertificateIssuerCN", spec_name: "Certificate Issuer CN", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420115), name: "CertificateIssuerO", spec_name: "Certificate Issuer O", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420116), name: "CertificateIssuerOU", spec_name: "Certificate Issuer OU", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420117), name: "CertificateIssuerEmail", spec_name: "Certificate Issuer Email", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420118), name: "CertificateIssuerC", spec_name: "Certificate Issuer C", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420119), name: "CertificateIssuerST", spec_name: "Certificate Issuer ST", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011A), name: "CertificateIssuerL", spec_name: "Certificate Issuer L", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011B), name: "CertificateIssuerUID", spec_name: "Certificate Issuer UID", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011C), name: "CertificateIssuerSerialNumber", spec_name: "Certificate Issuer Serial Number", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011D), name: "CertificateIssuerTitle", spec_name: "Certificate Issuer Title", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011E), name: "CertificateIssuerDC", spec_name: "Certificate Issuer DC", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x42011F), name: "CertificateIssuerDNQualifier", spec_name: "Certificate Issuer DN Qualifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420120), name: "Sensitive", spec_name: "Sensitive", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420121), name: "AlwaysSensitive", spec_name: "Always Sensitive", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420122), name: "Extractable", spec_name: "Extractable", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420123), name: "NeverExtractable", spec_name: "Never Extractable", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420124), name: "ReplaceExisting", spec_name: "Replace Existing", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V1_4, removed_in: None },
    TagInfo { tag: Tag(0x420125), name: "Attributes", spec_name: "Attributes", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420126), name: "CommonAttributes", spec_name: "Common Attributes", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420127), name: "PrivateKeyAttributes", spec_name: "Private Key Attributes", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420128), name: "PublicKeyAttributes", spec_name: "Public Key Attributes", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420129), name: "ExtensionEnumeration", spec_name: "Extension Enumeration", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012A), name: "ExtensionAttribute", spec_name: "Extension Attribute", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012B), name: "ExtensionParentStructureTag", spec_name: "Extension Parent Structure Tag", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012C), name: "ExtensionDescription", spec_name: "Extension Description", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012D), name: "ServerName", spec_name: "Server Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012E), name: "ServerSerialNumber", spec_name: "Server Serial Number", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42012F), name: "ServerVersion", spec_name: "Server Version", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420130), name: "ServerLoad", spec_name: "Server Load", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420131), name: "ProductName", spec_name: "Product Name", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420132), name: "BuildLevel", spec_name: "Build Level", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420133), name: "BuildDate", spec_name: "Build Date", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420134), name: "ClusterInfo", spec_name: "Cluster Info", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420135), name: "AlternateFailoverEndpoints", spec_name: "Alternate Failover Endpoints", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420136), name: "ShortUniqueIdentifier", spec_name: "Short Unique Identifier", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420138), name: "Tag", spec_name: "Tag", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420139), name: "CertificateRequestUniqueIdentifier", spec_name: "Certificate Request Unique Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42013A), name: "NISTKeyType", spec_name: "NIST Key Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42013B), name: "AttributeReference", spec_name: "Attribute Reference", item_types: &[ItemType::Enumeration, ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42013C), name: "CurrentAttribute", spec_name: "Current Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42013D), name: "NewAttribute", spec_name: "New Attribute", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420140), name: "CertificateRequestValue", spec_name: "Certificate Request Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420141), name: "LogMessage", spec_name: "Log Message", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420142), name: "ProfileVersion", spec_name: "Profile Version", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420143), name: "ProfileVersionMajor", spec_name: "Profile Version Major", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420144), name: "ProfileVersionMinor", spec_name: "Profile Version Minor", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420145), name: "ProtectionLevel", spec_name: "Protection Level", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420146), name: "ProtectionPeriod", spec_name: "Protection Period", item_types: &[ItemType::Interval], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420147), name: "QuantumSafe", spec_name: "Quantum Safe", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420148), name: "QuantumSafeCapability", spec_name: "Quantum Safe Capability", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420149), name: "Ticket", spec_name: "Ticket", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014A), name: "TicketType", spec_name: "Ticket Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014B), name: "TicketValue", spec_name: "Ticket Value", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014C), name: "RequestCount", spec_name: "Request Count", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014D), name: "Rights", spec_name: "Rights", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014E), name: "Objects", spec_name: "Objects", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42014F), name: "Operations", spec_name: "Operations", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420150), name: "Right", spec_name: "Right", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420151), name: "EndpointRole", spec_name: "Endpoint Role", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420152), name: "DefaultsInformation", spec_name: "Defaults Information", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420153), name: "ObjectDefaults", spec_name: "Object Defaults", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420154), name: "Ephemeral", spec_name: "Ephemeral", item_types: &[ItemType::Boolean], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420155), name: "ServerHashedPassword", spec_name: "Server Hashed Password", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420156), name: "OneTimePassword", spec_name: "One Time Password", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420157), name: "HashedPassword", spec_name: "Hashed Password", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420158), name: "AdjustmentType", spec_name: "Adjustment Type", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420159), name: "PKCS_11Interface", spec_name: "PKCS#11 Interface", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015A), name: "PKCS_11Function", spec_name: "PKCS#11 Function", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015B), name: "PKCS_11InputParameters", spec_name: "PKCS#11 Input Parameters", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015C), name: "PKCS_11OutputParameters", spec_name: "PKCS#11 Output Parameters", item_types: &[ItemType::ByteString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015D), name: "PKCS_11ReturnCode", spec_name: "PKCS#11 Return Code", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015E), name: "ProtectionStorageMask", spec_name: "Protection Storage Mask", item_types: &[ItemType::Integer], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x42015F), name: "ProtectionStorageMasks", spec_name: "Protection Storage Masks", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420160), name: "InteropFunction", spec_name: "Interop Function", item_types: &[ItemType::Enumeration], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420161), name: "InteropIdentifier", spec_name: "Interop Identifier", item_types: &[ItemType::TextString], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420162), name: "AdjustmentValue", spec_name: "Adjustment Value", item_types: &[], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420163), name: "CommonProtectionStorageMasks", spec_name: "Common Protection Storage Masks", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420164), name: "PrivateProtectionStorageMasks", spec_name: "Private Protection Storage Masks", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420165), name: "PublicProtectionStorageMasks", spec_name: "Public Protection Storage Masks", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_0, removed_in: None },
    TagInfo { tag: Tag(0x420166), name: "ObjectGroups", spec_name: "Object Groups", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_1, removed_in: None },
    TagInfo { tag: Tag(0x420167), name: "ObjectTypes", spec_name: "Object Types", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_1, removed_in: None },
    TagInfo { tag: Tag(0x420168), name: "Constraints", spec_name: "Constraints", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_1, removed_in: None },
    TagInfo { tag: Tag(0x420169), name: "Constraint", spec_name: "Constraint", item_types: &[ItemType::Structure], first_version: ProtocolVersion::V2_1, removed_in: None },
];

/// Indexes into [`TAGS`], sorted by name.
pub(crate) static TAGS_BY_NAME: [(&str, u16); 358] = [
    ("ActivationDate", 0),
    ("AdjustmentType", 340),
    ("AdjustmentValue", 350),
    ("AlternateFailoverEndpoints", 308),
    ("AlternativeName", 190),
    ("AlternativeNameType", 192),
    ("AlternativeNameValue", 191),
    ("AlwaysSensitive", 288),
    ("ApplicationData", 1),
    ("ApplicationNamespace", 2),
    ("ApplicationSpecificInformation", 3),
    ("ArchiveDate", 4),
    ("AsynchronousCapability", 239),
    ("AsynchronousCorrelationValue", 5),
    ("AsynchronousIndicator", 6),
    ("AttestationAssertion", 203),
    ("AttestationCapability", 240),
    ("AttestationCapableIndicator", 210),
    ("AttestationMeasurement", 202),
    ("AttestationType", 198),
    ("Attribute", 7),
    ("AttributeIndex", 8),
    ("AttributeName", 9),
    ("AttributeReference", 313),
    ("AttributeValue", 10),
    ("Attributes", 292),
    ("AuthenticatedEncryptionAdditionalData", 253),
    ("AuthenticatedEncryptionTag", 254),
    ("Authentication", 11),
    ("BatchContinueCapability", 249),
    ("BatchCount", 12),
    ("BatchErrorContinuationOption", 13),
    ("BatchItem", 14),
    ("BatchOrderOption", 15),
    ("BatchUndoCapability", 248),
    ("BlockCipherMode", 16),
    ("BuildDate", 306),
    ("BuildLevel", 305),
    ("CRTCoefficient", 38),
    ("CancellationResult", 17),
    ("CapabilityInformation", 246),
    ("Certificate", 18),
    ("CertificateIdentifier", 19),
    ("CertificateIssuer", 20),
    ("CertificateIssuerAlternativeName", 21),
    ("CertificateIssuerC", 279),
    ("CertificateIssuerCN", 275),
    ("CertificateIssuerDC", 285),
    ("CertificateIssuerDNQualifier", 286),
    ("CertificateIssuerDistinguishedName", 22),
    ("CertificateIssuerEmail", 278),
    ("CertificateIssuerL", 281),
    ("CertificateIssuerO", 276),
    ("CertificateIssuerOU", 277),
    ("CertificateIssuerST", 280),
    ("CertificateIssuerSerialNumber", 283),
    ("CertificateIssuerTitle", 284),
    ("CertificateIssuerUID", 282),
    ("CertificateLength", 172),
    ("CertificateRequest", 23),
    ("CertificateRequestType", 24),
    ("CertificateRequestUniqueIdentifier", 311),
    ("CertificateRequestValue", 316),
    ("CertificateSerialNumber", 174),
    ("CertificateSubject", 25),
    ("CertificateSubjectAlternativeName", 26),
    ("CertificateSubjectC", 267),
    ("CertificateSubjectCN", 263),
    ("CertificateSubjectDC", 273),
    ("CertificateSubjectDNQualifier", 274),
    ("CertificateSubjectDistinguishedName", 27),
    ("CertificateSubjectEmail", 266),
    ("CertificateSubjectL", 269),
    ("CertificateSubjectO", 264),
    ("CertificateSubjectOU", 265),
    ("CertificateSubjectST", 268),
    ("CertificateSubjectSerialNumber", 271),
    ("CertificateSubjectTitle", 272),
    ("CertificateSubjectUID", 270),
    ("CertificateType", 28),
    ("CertificateValue", 29),
    ("ClientCorrelationValue", 260),
    ("ClientRegistrationMethod", 245),
    ("ClusterInfo", 307),
    ("Comment", 252),
    ("CommonAttributes", 293),
    ("CommonProtectionStorageMasks", 351),
    ("CommonTemplateAttribute", 30),
    ("CompromiseDate", 31),
    ("CompromiseOccurrenceDate", 32),
    ("Constraint", 357),
    ("Constraints", 356),
    ("ContactInformation", 33),
    ("CorrelationValue", 213),
    ("CounterLength", 207),
    ("Credential", 34),
    ("CredentialType", 35),
    ("CredentialValue", 36),
    ("CriticalityIndicator", 37),
    ("CryptographicAlgorithm", 39),
    ("CryptographicDomainParameters", 40),
    ("CryptographicLength", 41),
    ("CryptographicParameters", 42),
    ("CryptographicUsageMask", 43),
    ("CurrentAttribute", 314),
    ("CustomAttribute", 44),
    ("D", 45),
    ("DRBGAlgorithm", 218),
    ("Data", 193),
    ("DataLength", 195),
    ("DeactivationDate", 46),
    ("DefaultsInformation", 334),
    ("DerivationData", 47),
    ("DerivationMethod", 48),
    ("DerivationParameters", 49),
    ("Description", 251),
    ("DestroyAction", 242),
    ("DestroyDate", 50),
    ("DeviceIdentifier", 161),
    ("DeviceSerialNumber", 175),
    ("Digest", 51),
    ("DigestValue", 52),
    ("DigestedData", 262),
    ("DigitalSignatureAlgorithm", 173),
    ("EncodingOption", 162),
    ("EncryptionKeyInformation", 53),
    ("EndpointRole", 333),
    ("Ephemeral", 336),
    ("ExtensionAttribute", 297),
    ("ExtensionDescription", 299),
    ("ExtensionEnumeration", 296),
    ("ExtensionInformation", 163),
    ("ExtensionName", 164),
    ("ExtensionParentStructureTag", 298),
    ("ExtensionTag", 165),
    ("ExtensionType", 166),
    ("Extractable", 289),
    ("FIPS186Variation", 219),
    ("FinalIndicator", 215),
    ("FixedFieldLength", 206),
    ("Fresh", 167),
    ("G", 54),
    ("HashedPassword", 339),
    ("HashingAlgorithm", 55),
    ("IVCounterNonce", 60),
    ("IVLength", 204),
    ("InitIndicator", 214),
    ("InitialCounterValue", 208),
    ("InitialDate", 56),
    ("InitializationVector", 57),
    ("InteropFunction", 348),
    ("InteropIdentifier", 349),
    ("InvocationFieldLength", 209),
    ("Issuer", 58),
    ("IssuerAlternativeName", 176),
    ("IssuerDistinguishedName", 177),
    ("IterationCount", 59),
    ("J", 61),
    ("Key", 62),
    ("KeyBlock", 63),
    ("KeyCompressionType", 64),
    ("KeyFormatType", 65),
    ("KeyMaterial", 66),
    ("KeyPartIdentifier", 67),
    ("KeyRoleType", 130),
    ("KeyValue", 68),
    ("KeyValueLocation", 183),
    ("KeyValueLocationType", 185),
    ("KeyValueLocationValue", 184),
    ("KeyValuePresent", 186),
    ("KeyWrapType", 247),
    ("KeyWrappingData", 69),
    ("KeyWrappingSpecification", 70),
    ("LastChangeDate", 71),
    ("LeaseTime", 72),
    ("Link", 73),
    ("LinkType", 74),
    ("LinkedObjectIdentifier", 75),
    ("LocatedItems", 212),
    ("LogMessage", 317),
    ("MACData", 197),
    ("MACSignature", 76),
    ("MACSignatureKeyInformation", 77),
    ("MachineIdentifier", 168),
    ("MaskGenerator", 256),
    ("MaskGeneratorHashingAlgorithm", 257),
    ("MaximumItems", 78),
    ("MaximumResponseSize", 79),
    ("MediaIdentifier", 169),
    ("MessageExtension", 80),
    ("Modulus", 81),
    ("NISTKeyType", 312),
    ("Name", 82),
    ("NameType", 83),
    ("NameValue", 84),
    ("NetworkIdentifier", 170),
    ("NeverExtractable", 290),
    ("NewAttribute", 315),
    ("Nonce", 199),
    ("NonceID", 200),
    ("NonceValue", 201),
    ("ObjectDefaults", 335),
    ("ObjectGroup", 85),
    ("ObjectGroupMember", 171),
    ("ObjectGroups", 354),
    ("ObjectType", 86),
    ("ObjectTypes", 355),
    ("Objects", 330),
    ("Offset", 87),
    ("OffsetItems", 211),
    ("OneTimePassword", 338),
    ("OpaqueDataType", 88),
    ("OpaqueDataValue", 89),
    ("OpaqueObject", 90),
    ("Operation", 91),
    ("OperationPolicyName", 92),
    ("Operations", 331),
    ("OriginalCreationDate", 187),
    ("P", 93),
    ("PGPKey", 188),
    ("PGPKeyVersion", 189),
    ("PKCS_11Function", 342),
    ("PKCS_11InputParameters", 343),
    ("PKCS_11Interface", 341),
    ("PKCS_11OutputParameters", 344),
    ("PKCS_11ReturnCode", 345),
    ("PKCS_12FriendlyName", 250),
    ("PSource", 258),
    ("PaddingMethod", 94),
    ("Password", 160),
    ("PredictionResistance", 220),
    ("PrimeExponentP", 95),
    ("PrimeExponentQ", 96),
    ("PrimeFieldSize", 97),
    ("PrivateExponent", 98),
    ("PrivateKey", 99),
    ("PrivateKeyAttributes", 294),
    ("PrivateKeyTemplateAttribute", 100),
    ("PrivateKeyUniqueIdentifier", 101),
    ("PrivateProtectionStorageMasks", 352),
    ("ProcessStartDate", 102),
    ("ProductName", 304),
    ("ProfileInformation", 234),
    ("ProfileName", 235),
    ("ProfileVersion", 318),
    ("ProfileVersionMajor", 319),
    ("ProfileVersionMinor", 320),
    ("ProtectStopDate", 103),
    ("ProtectionLevel", 321),
    ("ProtectionPeriod", 322),
    ("ProtectionStorageMask", 346),
    ("ProtectionStorageMasks", 347),
    ("ProtocolVersion", 104),
    ("ProtocolVersionMajor", 105),
    ("ProtocolVersionMinor", 106),
    ("PublicExponent", 107),
    ("PublicKey", 108),
    ("PublicKeyAttributes", 295),
    ("PublicKeyTemplateAttribute", 109),
    ("PublicKeyUniqueIdentifier", 110),
    ("PublicProtectionStorageMasks", 353),
    ("PutFunction", 111),
    ("Q", 112),
    ("QString", 113),
    ("Qlength", 114),
    ("QuantumSafe", 323),
    ("QuantumSafeCapability", 324),
    ("QueryFunction", 115),
    ("RNGAlgorithm", 217),
    ("RNGMode", 244),
    ("RNGParameters", 216),
    ("RandomIV", 196),
    ("RandomNumberGenerator", 221),
    ("RecommendedCurve", 116),
    ("ReplaceExisting", 291),
    ("ReplacedUniqueIdentifier", 117),
    ("RequestCount", 328),
    ("RequestHeader", 118),
    ("RequestMessage", 119),
    ("RequestPayload", 120),
    ("ResponseHeader", 121),
    ("ResponseMessage", 122),
    ("ResponsePayload", 123),
    ("ResultMessage", 124),
    ("ResultReason", 125),
    ("ResultStatus", 126),
    ("RevocationMessage", 127),
    ("RevocationReason", 128),
    ("RevocationReasonCode", 129),
    ("Right", 332),
    ("Rights", 329),
    ("Salt", 131),
    ("SaltLength", 255),
    ("SecretData", 132),
    ("SecretDataType", 133),
    ("Sensitive", 287),
    ("SerialNumber", 134),
    ("ServerCorrelationValue", 261),
    ("ServerHashedPassword", 337),
    ("ServerInformation", 135),
    ("ServerLoad", 303),
    ("ServerName", 300),
    ("ServerPort", 237),
    ("ServerSerialNumber", 301),
    ("ServerURI", 236),
    ("ServerVersion", 302),
    ("ShortUniqueIdentifier", 309),
    ("ShreddingAlgorithm", 243),
    ("SignatureData", 194),
    ("SplitKey", 136),
    ("SplitKeyMethod", 137),
    ("SplitKeyParts", 138),
    ("SplitKeyThreshold", 139),
    ("State", 140),
    ("StorageStatusMask", 141),
    ("StreamingCapability", 238),
    ("SubjectAlternativeName", 178),
    ("SubjectDistinguishedName", 179),
    ("SymmetricKey", 142),
    ("Tag", 310),
    ("TagLength", 205),
    ("Template", 143),
    ("TemplateAttribute", 144),
    ("Ticket", 325),
    ("TicketType", 326),
    ("TicketValue", 327),
    ("TimeStamp", 145),
    ("TrailerField", 259),
    ("UniqueBatchItemID", 146),
    ("UniqueIdentifier", 147),
    ("UnwrapMode", 241),
    ("UsageLimits", 148),
    ("UsageLimitsCount", 149),
    ("UsageLimitsTotal", 150),
    ("UsageLimitsUnit", 151),
    ("Username", 152),
    ("ValidationAuthorityCountry", 224),
    ("ValidationAuthorityType", 223),
    ("ValidationAuthorityURI", 225),
    ("ValidationCertificateIdentifier", 230),
    ("ValidationCertificateURI", 231),
    ("ValidationInformation", 222),
    ("ValidationLevel", 229),
    ("ValidationProfile", 233),
    ("ValidationType", 228),
    ("ValidationVendorURI", 232),
    ("ValidationVersionMajor", 226),
    ("ValidationVersionMinor", 227),
    ("ValidityDate", 153),
    ("ValidityIndicator", 154),
    ("VendorExtension", 155),
    ("VendorIdentification", 156),
    ("WrappingMethod", 157),
    ("X", 158),
    ("X_509CertificateIdentifier", 180),
    ("X_509CertificateIssuer", 181),
    ("X_509CertificateSubject", 182),
    ("Y", 159),
];

/// Indexes into [`TAGS`], sorted by spec_name.
pub(crate) static TAGS_BY_SPEC_NAME: [(&str, u16); 358] = [
    ("Activation Date", 0),
    ("Adjustment Type", 340),
    ("Adjustment Value", 350),
    ("Alternate Failover Endpoints", 308),
    ("Alternative Name", 190),
    ("Alternative Name Type", 192),
    ("Alternative Name Value", 191),
    ("Always Sensitive", 288),
    ("Application Data", 1),
    ("Application Namespace", 2),
    ("Application Specific Information", 3),
    ("Archive Date", 4),
    ("Asynchronous Capability", 239),
    ("Asynchronous Correlation Value", 5),
    ("Asynchronous Indicator", 6),
    ("Attestation Assertion", 203),
    ("Attestation Capability", 240),
    ("Attestation Capable Indicator", 210),
    ("Attestation Measurement", 202),
    ("Attestation Type", 198),
    ("Attribute", 7),
    ("Attribute Index", 8),
    ("Attribute Name", 9),
    ("Attribute Reference", 313),
    ("Attribute Value", 10),
    ("Attributes", 292),
    ("Authenticated Encryption Additional Data", 253),
    ("Authenticated Encryption Tag", 254),
    ("Authentication", 11),
    ("Batch Continue Capability", 249),
    ("Batch Count", 12),
    ("Batch Error Continuation Option", 13),
    ("Batch Item", 14),
    ("Batch Order Option", 15),
    ("Batch Undo Capability", 248),
    ("Block Cipher Mode", 16),
    ("Build Date", 306),
    ("Build Level", 305),
    ("CRT Coefficient", 38),
    ("Cancellation Result", 17),
    ("Capability Information", 246),
    ("Certificate", 18),
    ("Certificate Identifier", 19),
    ("Certificate Issuer", 20),
    ("Certificate Issuer Alternative Name", 21),
    ("Certificate Issuer C", 279),
    ("Certificate Issuer CN", 275),
    ("Certificate Issuer DC", 285),
    ("Certificate Issuer DN Qualifier", 286),
    ("Certificate Issuer Distinguished Name", 22),
    ("Certificate Issuer Email", 278),
    ("Certificate Issuer L", 281),
    ("Certificate Issuer O", 276),
    ("Certificate Issuer OU", 277),
    ("Certificate Issuer ST", 280),
    ("Certificate Issuer Serial Number", 283),
    ("Certificate Issuer Title", 284),
    ("Certificate Issuer UID", 282),
    ("Certificate Length", 172),
    ("Certificate Request", 23),
    ("Certificate Request Type", 24),
    ("Certificate Request Unique Identifier", 311),
    ("Certificate Request Value", 316),
    ("Certificate Serial Number", 174),
    ("Certificate Subject", 25),
    ("Certificate Subject Alternative Name", 26),
    ("Certificate Subject C", 267),
    ("Certificate Subject CN", 263),
    ("Certificate Subject DC", 273),
    ("Certificate Subject DN Qualifier", 274),
    ("Certificate Subject Distinguished Name", 27),
    ("Certificate Subject Email", 266),
    ("Certificate Subject L", 269),
    ("Certificate Subject O", 264),
    ("Certificate Subject OU", 265),
    ("Certificate Subject ST", 268),
    ("Certificate Subject Serial Number", 271),
    ("Certificate Subject Title", 272),
    ("Certificate Subject UID", 270),
    ("Certificate Type", 28),
    ("Certificate Value", 29),
    ("Client Correlation Value", 260),
    ("Client Registration Method", 245),
    ("Cluster Info", 307),
    ("Comment", 252),
    ("Common Attributes", 293),
    ("Common Protection Storage Masks", 351),
    ("Common Template-Attribute", 30),
    ("Compromise Date", 31),
    ("Compromise Occurrence Date", 32),
    ("Constraint", 357),
    ("Constraints", 356),
    ("Contact Information", 33),
    ("Correlation Value", 213),
    ("Counter Length", 207),
    ("Credential", 34),
    ("Credential Type", 35),
    ("Credential Value", 36),
    ("Criticality Indicator", 37),
    ("Cryptographic Algorithm", 39),
    ("Cryptographic Domain Parameters", 40),
    ("Cryptographic Length", 41),
    ("Cryptographic Parameters", 42),
    ("Cryptographic Usage Mask", 43),
    ("Current Attribute", 314),
    ("Custom Attribute", 44),
    ("D", 45),
    ("DRBG Algorithm", 218),
    ("Data", 193),
    ("Data Length", 195),
    ("Deactivation Date", 46),
    ("Defaults Information", 334),
    ("Derivation Data", 47),
    ("Derivation Method", 48),
    ("Derivation Parameters", 49),
    ("Description", 251),
    ("Destroy Action", 242),
    ("Destroy Date", 50),
    ("Device Identifier", 161),
    ("Device Serial Number", 175),
    ("Digest", 51),
    ("Digest Value", 52),
    ("Digested Data", 262),
    ("Digital Signature Algorithm", 173),
    ("Encoding Option", 162),
    ("Encryption Key Information", 53),
    ("Endpoint Role", 333),
    ("Ephemeral", 336),
    ("Extension Attribute", 297),
    ("Extension Description", 299),
    ("Extension Enumeration", 296),
    ("Extension Information", 163),
    ("Extension Name", 164),
    ("Extension Parent Structure Tag", 298),
    ("Extension Tag", 165),
    ("Extension Type", 166),
    ("Extractable", 289),
    ("FIPS186 Variation", 219),
    ("Final Indicator", 215),
    ("Fixed Field Length", 206),
    ("Fresh", 167),
    ("G", 54),
    ("Hashed Password", 339),
    ("Hashing Algorithm", 55),
    ("IV Length", 204),
    ("IV/Counter/Nonce", 60),
    ("Init Indicator", 214),
    ("Initial Counter Value", 208),
    ("Initial Date", 56),
    ("Initialization Vector", 57),
    ("Interop Function", 348),
    ("Interop Identifier", 349),
    ("Invocation Field Length", 209),
    ("Issuer", 58),
    ("Issuer Alternative Name", 176),
    ("Issuer Distinguished Name", 177),
    ("Iteration Count", 59),
    ("J", 61),
    ("Key", 62),
    ("Key Block", 63),
    ("Key Compression Type", 64),
    ("Key Format Type", 65),
    ("Key Material", 66),
    ("Key Part Identifier", 67),
    ("Key Role Type", 130),
    ("Key Value", 68),
    ("Key Value Location", 183),
    ("Key Value Location Type", 185),
    ("Key Value Location Value", 184),
    ("Key Value Present", 186),
    ("Key Wrap Type", 247),
    ("Key Wrapping Data", 69),
    ("Key Wrapping Specification", 70),
    ("Last Change Date", 71),
    ("Lease Time", 72),
    ("Link", 73),
    ("Link Type", 74),
    ("Linked Object Identifier", 75),
    ("Located Items", 212),
    ("Log Message", 317),
    ("MAC Data", 197),
    ("MAC/Signature", 76),
    ("MAC/Signature Key Information", 77),
    ("Machine Identifier", 168),
    ("Mask Generator", 256),
    ("Mask Generator Hashing Algorithm", 257),
    ("Maximum Items", 78),
    ("Maximum Response Size", 79),
    ("Media Identifier", 169),
    ("Message Extension", 80),
    ("Modulus", 81),
    ("NIST Key Type", 312),
    ("Name", 82),
    ("Name Type", 83),
    ("Name Value", 84),
    ("Network Identifier", 170),
    ("Never Extractable", 290),
    ("New Attribute", 315),
    ("Nonce", 199),
    ("Nonce ID", 200),
    ("Nonce Value", 201),
    ("Object Defaults", 335),
    ("Object Group", 85),
    ("Object Group Member", 171),
    ("Object Groups", 354),
    ("Object Type", 86),
    ("Object Types", 355),
    ("Objects", 330),
    ("Offset", 87),
    ("Offset Items", 211),
    ("One Time Password", 338),
    ("Opaque Data Type", 88),
    ("Opaque Data Value", 89),
    ("Opaque Object", 90),
    ("Operation", 91),
    ("Operation Policy Name", 92),
    ("Operations", 331),
    ("Original Creation Date", 187),
    ("P", 93),
    ("P Source", 258),
    ("PGP Key", 188),
    ("PGP Key Version", 189),
    ("PKCS#11 Function", 342),
    ("PKCS#11 Input Parameters", 343),
    ("PKCS#11 Interface", 341),
    ("PKCS#11 Output Parameters", 344),
    ("PKCS#11 Return Code", 345),
    ("PKCS#12 Friendly Name", 250),
    ("Padding Method", 94),
    ("Password", 160),
    ("Prediction Resistance", 220),
    ("Prime Exponent P", 95),
    ("Prime Exponent Q", 96),
    ("Prime Field Size", 97),
    ("Private Exponent", 98),
    ("Private Key", 99),
    ("Private Key Attributes", 294),
    ("Private Key Template-Attribute", 100),
    ("Private Key Unique Identifier", 101),
    ("Private Protection Storage Masks", 352),
    ("Process Start Date", 102),
    ("Product Name", 304),
    ("Profile Information", 234),
    ("Profile Name", 235),
    ("Profile Version", 318),
    ("Profile Version Major", 319),
    ("Profile Version Minor", 320),
    ("Protect Stop Date", 103),
    ("Protection Level", 321),
    ("Protection Period", 322),
    ("Protection Storage Mask", 346),
    ("Protection Storage Masks", 347),
    ("Protocol Version", 104),
    ("Protocol Version Major", 105),
    ("Protocol Version Minor", 106),
    ("Public Exponent", 107),
    ("Public Key", 108),
    ("Public Key Attributes", 295),
    ("Public Key Template-Attribute", 109),
    ("Public Key Unique Identifier", 110),
    ("Public Protection Storage Masks", 353),
    ("Put Function", 111),
    ("Q", 112),
    ("Q String", 113),
    ("Qlength", 114),
    ("Quantum Safe", 323),
    ("Quantum Safe Capability", 324),
    ("Query Function", 115),
    ("RNG Algorithm", 217),
    ("RNG Mode", 244),
    ("RNG Parameters", 216),
    ("Random IV", 196),
    ("Random Number Generator", 221),
    ("Recommended Curve", 116),
    ("Replace Existing", 291),
    ("Replaced Unique Identifier", 117),
    ("Request Count", 328),
    ("Request Header", 118),
    ("Request Message", 119),
    ("Request Payload", 120),
    ("Response Header", 121),
    ("Response Message", 122),
    ("Response Payload", 123),
    ("Result Message", 124),
    ("Result Reason", 125),
    ("Result Status", 126),
    ("Revocation Message", 127),
    ("Revocation Reason", 128),
    ("Revocation Reason Code", 129),
    ("Right", 332),
    ("Rights", 329),
    ("Salt", 131),
    ("Salt Length", 255),
    ("Secret Data", 132),
    ("Secret Data Type", 133),
    ("Sensitive", 287),
    ("Serial Number", 134),
    ("Server Correlation Value", 261),
    ("Server Hashed Password", 337),
    ("Server Information", 135),
    ("Server Load", 303),
    ("Server Name", 300),
    ("Server Port", 237),
    ("Server Serial Number", 301),
    ("Server URI", 236),
    ("Server Version", 302),
    ("Short Unique Identifier", 309),
    ("Shredding Algorithm", 243),
    ("Signature Data", 194),
    ("Split Key", 136),
    ("Split Key Method", 137),
    ("Split Key Parts", 138),
    ("Split Key Threshold", 139),
    ("State", 140),
    ("Storage Status Mask", 141),
    ("Streaming Capability", 238),
    ("Subject Alternative Name", 178),
    ("Subject Distinguished Name", 179),
    ("Symmetric Key", 142),
    ("Tag", 310),
    ("Tag Length", 205),
    ("Template", 143),
    ("Template-Attribute", 144),
    ("Ticket", 325),
    ("Ticket Type", 326),
    ("Ticket Value", 327),
    ("Time Stamp", 145),
    ("Trailer Field", 259),
    ("Unique Batch Item ID", 146),
    ("Unique Identifier", 147),
    ("Unwrap Mode", 241),
    ("Usage Limits", 148),
    ("Usage Limits Count", 149),
    ("Usage Limits Total", 150),
    ("Usage Limits Unit", 151),
    ("Username", 152),
    ("Validation Authority Country", 224),
    ("Validation Authority Type", 223),
    ("Validation Authority URI", 225),
    ("Validation Certificate Identifier", 230),
    ("Validation Certificate URI", 231),
    ("Validation Information", 222),
    ("Validation Level", 229),
    ("Validation Profile", 233),
    ("Validation Type", 228),
    ("Validation Vendor URI", 232),
    ("Validation Version Major", 226),
    ("Validation Version Minor", 227),
    ("Validity Date", 153),
    ("Validity Indicator", 154),
    ("Vendor Extension", 155),
    ("Vendor Identification", 156),
    ("Wrapping Method", 157),
    ("X", 158),
    ("X.509 Certificate Identifier", 180),
    ("X.509 Certificate Issuer", 181),
    ("X.509 Certificate Subject", 182),
    ("Y", 159),
];
