//! Query and Discover Versions (KMIP 2.1 §6.1.37, §6.1.15; 1.4 §4.25,
//! §4.26). Only what really works is listed, and only values the request's
//! version defines.

use kmip_ttlv::enums::{
    CryptographicAlgorithm, DRBGAlgorithm, ObjectType, Operation, ProtectionStorageMask, QueryFunction, RNGAlgorithm,
};
use kmip_ttlv::model::Fields;
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};

use super::context::OpContext;
use super::{SUPPORTED_OPERATIONS, defined_in};
use crate::error::KmsError;

/// The versions this server speaks, its preference first.
pub(crate) const VERSIONS: [ProtocolVersion; 7] = ProtocolVersion::KNOWN;

/// Query.
pub(crate) fn query(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let version = ctx.version;
    let mut functions: Vec<QueryFunction> = Vec::new();
    for item in fields.all(Tag::QUERY_FUNCTION) {
        let function = item
            .value
            .as_enumeration()
            .map(QueryFunction)
            .ok_or_else(|| KmsError::InvalidField("Query Function must be an Enumeration".into()))?;
        if !functions.contains(&function) {
            functions.push(function);
        }
    }
    // 1.4 §4.25: when both extension functions are asked, answer the Map.
    if functions.contains(&QueryFunction::QUERY_EXTENSION_MAP) {
        functions.retain(|f| *f != QueryFunction::QUERY_EXTENSION_LIST);
    }
    let mut out = Vec::new();
    for function in functions {
        match function {
            QueryFunction::QUERY_OPERATIONS => {
                for op in SUPPORTED_OPERATIONS.iter().filter(|op| defined_in(**op, version)) {
                    out.push(Ttlv::new(Tag::OPERATION, Value::Enumeration(op.0)));
                }
                // PKCS#11 is served when a token is configured (ops/hsm.rs).
                if ctx.crypto.token().is_some() && defined_in(Operation::PKCS_11, version) {
                    out.push(Ttlv::new(Tag::OPERATION, Value::Enumeration(Operation::PKCS_11.0)));
                }
            }
            QueryFunction::QUERY_OBJECTS => {
                let types = [
                    ObjectType::CERTIFICATE,
                    ObjectType::SYMMETRIC_KEY,
                    ObjectType::PUBLIC_KEY,
                    ObjectType::PRIVATE_KEY,
                    ObjectType::SPLIT_KEY,
                    ObjectType::TEMPLATE,
                    ObjectType::SECRET_DATA,
                    ObjectType::OPAQUE_OBJECT,
                    ObjectType::PGP_KEY,
                    ObjectType::CERTIFICATE_REQUEST,
                ];
                out.extend(
                    types
                        .into_iter()
                        .filter(|t| object_type_defined_in(*t, version))
                        .map(|t| Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(t.0))),
                );
            }
            QueryFunction::QUERY_SERVER_INFORMATION => {
                out.push(Ttlv::new(Tag::VENDOR_IDENTIFICATION, Value::TextString(ctx.config.vendor.clone())));
                out.push(server_information(version));
            }
            QueryFunction::QUERY_RNGS if version >= ProtocolVersion::V1_3 => out.push(rng_parameters()),
            QueryFunction::QUERY_CAPABILITIES if version >= ProtocolVersion::V1_3 => out.push(capabilities(version)),
            QueryFunction::QUERY_STORAGE_PROTECTION_MASKS if version.is_2x() => out.push(Ttlv::structure(
                Tag::PROTECTION_STORAGE_MASKS,
                vec![Ttlv::new(Tag::PROTECTION_STORAGE_MASK, Value::Integer(ProtectionStorageMask::SOFTWARE.0 as i32))],
            )),
            // Nothing to report: no application namespaces filled in, no
            // extensions, attestation, validations, client registration
            // methods or defaults, and no profile claimed yet.
            QueryFunction::QUERY_APPLICATION_NAMESPACES
            | QueryFunction::QUERY_EXTENSION_LIST
            | QueryFunction::QUERY_EXTENSION_MAP
            | QueryFunction::QUERY_ATTESTATION_TYPES
            | QueryFunction::QUERY_VALIDATIONS
            | QueryFunction::QUERY_PROFILES
            | QueryFunction::QUERY_CLIENT_REGISTRATION_METHODS
            | QueryFunction::QUERY_DEFAULTS_INFORMATION => {}
            other => {
                return Err(KmsError::InvalidField(format!(
                    "Query Function {other:?} is not defined in KMIP {version}"
                )));
            }
        }
    }
    Ok(out)
}

/// True if Object Type `t` exists in `version` (Template is gone in 2.0;
/// PGP Key came in 1.2, Certificate Request in 2.0).
pub(crate) fn object_type_defined_in(t: ObjectType, version: ProtocolVersion) -> bool {
    ObjectType::info().entry(t.0).is_some_and(|v| v.defined_in(version))
}

fn server_information(version: ProtocolVersion) -> Ttlv {
    let mut fields = Vec::new();
    if version.is_2x() {
        let text = |tag: Tag, v: &str| Ttlv::new(tag, Value::TextString(v.to_owned()));
        fields.push(text(Tag::SERVER_NAME, "kms"));
        fields.push(text(Tag::SERVER_VERSION, env!("CARGO_PKG_VERSION")));
        fields.push(text(Tag::PRODUCT_NAME, "kms"));
    }
    Ttlv::structure(Tag::SERVER_INFORMATION, fields)
}

/// The DRBG behind every key the server generates: aws-lc's CTR_DRBG with
/// AES-256.
fn rng_parameters() -> Ttlv {
    Ttlv::structure(
        Tag::RNG_PARAMETERS,
        vec![
            Ttlv::new(Tag::RNG_ALGORITHM, Value::Enumeration(RNGAlgorithm::DRBG.0)),
            Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(CryptographicAlgorithm::AES.0)),
            Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(256)),
            Ttlv::new(Tag::DRBG_ALGORITHM, Value::Enumeration(DRBGAlgorithm::CTR.0)),
        ],
    )
}

fn capabilities(version: ProtocolVersion) -> Ttlv {
    let flag = |tag: Tag, v: bool| Ttlv::new(tag, Value::Boolean(v));
    let mut fields = vec![
        // Encrypt, Decrypt, Sign, Signature Verify, MAC and Hash take Init
        // and Final Indicators with a Correlation Value (stream.rs).
        flag(Tag::STREAMING_CAPABILITY, true),
        flag(Tag::ASYNCHRONOUS_CAPABILITY, false),
        flag(Tag::ATTESTATION_CAPABILITY, false),
    ];
    if version >= ProtocolVersion::V1_4 {
        fields.push(flag(Tag::BATCH_UNDO_CAPABILITY, true));
        fields.push(flag(Tag::BATCH_CONTINUE_CAPABILITY, true));
    }
    Ttlv::structure(Tag::CAPABILITY_INFORMATION, fields)
}

/// Discover Versions: the versions both sides speak, the server's
/// preference first; every version when the client lists none.
pub(crate) fn discover_versions(_ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let mut offered = Vec::new();
    for item in fields.all(Tag::PROTOCOL_VERSION) {
        let version = Fields::of(item)?;
        let major = version
            .integer(Tag::PROTOCOL_VERSION_MAJOR)?
            .ok_or_else(|| version.missing(Tag::PROTOCOL_VERSION_MAJOR))?;
        let minor = version
            .integer(Tag::PROTOCOL_VERSION_MINOR)?
            .ok_or_else(|| version.missing(Tag::PROTOCOL_VERSION_MINOR))?;
        offered.push(ProtocolVersion::new(major, minor));
    }
    Ok(VERSIONS
        .iter()
        .filter(|v| offered.is_empty() || offered.contains(v))
        .map(|v| {
            Ttlv::structure(
                Tag::PROTOCOL_VERSION,
                vec![
                    Ttlv::new(Tag::PROTOCOL_VERSION_MAJOR, Value::Integer(v.major)),
                    Ttlv::new(Tag::PROTOCOL_VERSION_MINOR, Value::Integer(v.minor)),
                ],
            )
        })
        .collect())
}
