//! Create, Register, Re-key, Activate, Revoke, Destroy, Archive, Recover
//! (KMIP 2.1 §6.1.7, §6.1.45, §6.1.42, §6.1.1, §6.1.46, §6.1.16, §6.1.3,
//! §6.1.41) and the state machine they drive (2.1 §5).

use kmip_ttlv::enums::{CryptographicAlgorithm, KeyFormatType, LinkType, ObjectType, RevocationReasonCode, State};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};

use super::attributes::{apply_dates, check_client_settable, request_attributes};
use super::context::OpContext;
use super::object::ManagedObject;
use crate::crypto::HashAlgorithm;
use crate::error::KmsError;

/// Create: generates a symmetric key.
pub(crate) async fn create(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    if object_type != ObjectType::SYMMETRIC_KEY {
        return Err(KmsError::Unsupported(format!("Create of {object_type:?} objects")));
    }
    let requested = client_attributes(request_attributes(ctx, &fields).await?, object_type)?;
    let algorithm = requested_enum(&requested, Tag::CRYPTOGRAPHIC_ALGORITHM)
        .map(CryptographicAlgorithm)
        .ok_or_else(|| KmsError::MissingData("Create of a symmetric key needs a Cryptographic Algorithm".into()))?;
    let length = requested_int(&requested, Tag::CRYPTOGRAPHIC_LENGTH)
        .ok_or_else(|| KmsError::MissingData("Create of a symmetric key needs a Cryptographic Length".into()))?;
    let bytes = key_bytes(algorithm, length)?;
    check_quantum_safe(&requested, algorithm, length)?;
    let mut requested = requested;
    if super::hsm::wanted(ctx, &mut requested)? {
        return create_in_token(ctx, object_type, requested, algorithm, length).await;
    }
    let material = ctx.crypto.generate_key(bytes)?;
    let value = symmetric_key(&material, algorithm, length);
    let id = new_id(ctx)?;
    let mut object = ctx.new_object(id.clone(), object_type, value, requested);
    stamp_new(ctx, &mut object, &material, true)?;
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![
        Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(object_type.0)),
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
    ])
}

/// Create of a key generated inside the PKCS#11 token (ops/hsm.rs).
async fn create_in_token(
    ctx: &mut OpContext<'_>,
    object_type: ObjectType,
    mut requested: Vec<Attribute>,
    algorithm: CryptographicAlgorithm,
    length: i32,
) -> Result<Vec<Ttlv>, KmsError> {
    let id = new_id(ctx)?;
    let value = super::hsm::generate(ctx, algorithm, length, &format!("kms:{id}")).await?;
    super::hsm::mark_new(&mut requested);
    let mut object = ctx.new_object(id.clone(), object_type, value, requested);
    stamp_new(ctx, &mut object, &[], true)?;
    super::hsm::after_stamp(&mut object);
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![
        Ttlv::new(Tag::OBJECT_TYPE, Value::Enumeration(object_type.0)),
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
    ])
}

impl super::Kms {
    /// Runs Create (KMIP 2.1) once per request payload of `payloads` as
    /// `peer`, all in one transaction, and commits the new objects in one
    /// durable store commit together with the audit entries `audit` makes
    /// from their ids (the caller's own record of the whole batch, instead
    /// of one entry per Create). The ids made, in order.
    ///
    /// For seeding large stores in tests and benchmarks (`kms bulk-seed`,
    /// with no server on the store): a Create request per object costs a
    /// message, a response and a commit each, which makes a million objects
    /// an hour's work. The objects are the ones Create makes (the same code
    /// generates the key, sets the attributes, picks the id, seals the value
    /// and derives the index keys), so the server serves them as created
    /// ones. Any failing Create fails the whole batch and nothing is written.
    pub async fn create_in_bulk(
        &self,
        peer: &super::Peer,
        payloads: &[Ttlv],
        audit: impl FnOnce(&[String]) -> Vec<bytes::Bytes>,
    ) -> Result<Vec<String>, KmsError> {
        let mut ctx = OpContext {
            peer,
            now: self.clock.now(),
            version: kmip_ttlv::ProtocolVersion::V2_1,
            crypto: self.crypto.as_ref(),
            config: &self.config,
            access: &self.access,
            permission: None,
            txn: super::Txn::new(self.store.as_ref(), &self.hierarchy, &self.objects),
            streams: &self.streams,
            touched_streams: Vec::new(),
            keys: &self.keys,
            id_placeholder: None,
            session: super::Session::default(),
        };
        let mut ids = Vec::with_capacity(payloads.len());
        for payload in payloads {
            super::dispatch(&mut ctx, kmip_ttlv::enums::Operation::CREATE, payload).await?;
            // Create leaves the new object's id in the ID Placeholder.
            ids.extend(ctx.id_placeholder.take());
        }
        let log = audit(&ids);
        match ctx.txn.commit(log).await {
            Ok(_) => Ok(ids),
            Err(super::CommitError::Kms(e)) => Err(e),
            // New ids only: a conflict means an id was taken meanwhile.
            Err(super::CommitError::Conflict) => Err(KmsError::Internal("an id of the batch was taken".into())),
        }
    }
}

/// Register: stores an object the client supplies.
pub(crate) async fn register(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let object_type =
        ObjectType(fields.enumeration(Tag::OBJECT_TYPE)?.ok_or_else(|| fields.missing(Tag::OBJECT_TYPE))?);
    let mut given_attributes = request_attributes(ctx, &fields).await?;
    if object_type == ObjectType::CERTIFICATE {
        // Certificate Type is the server's to set, but a client may repeat
        // what the certificate says (the OASIS BL-M-10 test case does).
        let certificate_type = fields
            .one(Tag::CERTIFICATE)?
            .and_then(|c| c.child(Tag::CERTIFICATE_TYPE))
            .and_then(|t| t.value.as_enumeration());
        given_attributes.retain(|a| {
            a.key() != AttributeKey::Standard(Tag::CERTIFICATE_TYPE) || a.value().as_enumeration() != certificate_type
        });
    }
    let mut requested = client_attributes(given_attributes, object_type)?;
    let (value, material) = given_object(ctx.version, object_type, &fields, &mut requested)?;
    if object_type == ObjectType::SYMMETRIC_KEY
        && let (Some(algorithm), Some(length)) = (
            requested_enum(&requested, Tag::CRYPTOGRAPHIC_ALGORITHM),
            requested_int(&requested, Tag::CRYPTOGRAPHIC_LENGTH),
        )
    {
        check_quantum_safe(&requested, CryptographicAlgorithm(algorithm), length)?;
    }
    let id = new_id(ctx)?;
    let mut object = ctx.new_object(id.clone(), object_type, value, requested);
    let material = material.unwrap_or_default();
    stamp_new(ctx, &mut object, &material, false)?;
    ctx.save(object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// The managed object a Register or Import carries, checked, in its stored
/// form; its material (for the Digest); attributes its key block implies
/// are added to `attributes` where not given.
pub(crate) fn given_object(
    version: kmip_ttlv::ProtocolVersion,
    object_type: ObjectType,
    fields: &Fields<'_>,
    attributes: &mut Vec<Attribute>,
) -> Result<(Ttlv, Option<Vec<u8>>), KmsError> {
    let object_tag = match object_type {
        ObjectType::SYMMETRIC_KEY => Tag::SYMMETRIC_KEY,
        ObjectType::SECRET_DATA => Tag::SECRET_DATA,
        ObjectType::OPAQUE_OBJECT => Tag::OPAQUE_OBJECT,
        ObjectType::PRIVATE_KEY => Tag::PRIVATE_KEY,
        ObjectType::PUBLIC_KEY => Tag::PUBLIC_KEY,
        ObjectType::CERTIFICATE => Tag::CERTIFICATE,
        ObjectType::SPLIT_KEY => Tag::SPLIT_KEY,
        ObjectType::PGP_KEY => Tag::PGP_KEY,
        ObjectType::CERTIFICATE_REQUEST => Tag::CERTIFICATE_REQUEST,
        ObjectType::TEMPLATE => Tag::TEMPLATE,
        other => return Err(KmsError::Unsupported(format!("storing {other:?} objects"))),
    };
    if !super::discovery::object_type_defined_in(object_type, version) {
        return Err(KmsError::InvalidField(format!("Object Type {object_type:?} is not defined in KMIP {version}")));
    }
    let given = fields.required(object_tag)?;
    let (value, material) = match object_type {
        ObjectType::TEMPLATE => {
            // A 1.x Template is a set of attributes; they become the object's.
            // A 1.x Template holds the attributes it lends to objects made
            // from it; they are kept as its value, checked but not applied.
            let template = Fields::of(given)?;
            for item in template.all(Tag::ATTRIBUTE) {
                Attribute::from_1x(item)?;
            }
            (given.clone(), None)
        }
        ObjectType::CERTIFICATE => {
            let certificate = Fields::of(given)?;
            certificate
                .enumeration(Tag::CERTIFICATE_TYPE)?
                .ok_or_else(|| certificate.missing(Tag::CERTIFICATE_TYPE))?;
            let data = certificate
                .bytes(Tag::CERTIFICATE_VALUE)?
                .ok_or_else(|| certificate.missing(Tag::CERTIFICATE_VALUE))?;
            if let Some(certificate_type) = certificate.one(Tag::CERTIFICATE_TYPE)? {
                attributes.push(Attribute::Standard(certificate_type.clone()));
            }
            attributes.push(Attribute::standard(
                Tag::CERTIFICATE_LENGTH,
                Value::Integer(i32::try_from(data.len()).unwrap_or(i32::MAX)),
            ));
            if certificate.enumeration(Tag::CERTIFICATE_TYPE)? == Some(kmip_ttlv::enums::CertificateType::X_509.0) {
                let client_keys: Vec<AttributeKey> = attributes.iter().map(Attribute::key).collect();
                let derived = super::certify::certificate_attributes(data, version)?;
                attributes.extend(derived.into_iter().filter(|a| !client_keys.contains(&a.key())));
            }
            (given.clone(), Some(data.to_vec()))
        }
        ObjectType::CERTIFICATE_REQUEST => {
            let request = Fields::of(given)?;
            let kind = request
                .enumeration(Tag::CERTIFICATE_REQUEST_TYPE)?
                .ok_or_else(|| request.missing(Tag::CERTIFICATE_REQUEST_TYPE))?;
            let data = request
                .bytes(Tag::CERTIFICATE_REQUEST_VALUE)?
                .ok_or_else(|| request.missing(Tag::CERTIFICATE_REQUEST_VALUE))?;
            // Kept only if Certify could use it later.
            super::certify::check_request(kmip_ttlv::enums::CertificateRequestType(kind), data)?;
            (given.clone(), Some(data.to_vec()))
        }
        ObjectType::OPAQUE_OBJECT => {
            let opaque = Fields::of(given)?;
            opaque.enumeration(Tag::OPAQUE_DATA_TYPE)?.ok_or_else(|| opaque.missing(Tag::OPAQUE_DATA_TYPE))?;
            let data = opaque.bytes(Tag::OPAQUE_DATA_VALUE)?.ok_or_else(|| opaque.missing(Tag::OPAQUE_DATA_VALUE))?;
            (given.clone(), Some(data.to_vec()))
        }
        _ => {
            if object_type == ObjectType::PGP_KEY {
                let pgp = Fields::of(given)?;
                pgp.integer(Tag::PGP_KEY_VERSION)?.ok_or_else(|| pgp.missing(Tag::PGP_KEY_VERSION))?;
            }
            let (value, material, block_attributes) = key_block_object(given)?;
            for attribute in block_attributes {
                if attributes.iter().all(|a| a.key() != attribute.key()) {
                    attributes.push(attribute);
                }
            }
            (value, Some(material))
        }
    };
    Ok((value, material))
}

/// Re-key: a new symmetric key replacing an existing one (KMIP 2.1
/// §6.1.42): same attributes except the server-set ones, the Names move to
/// the new key, and Links join the two.
pub(crate) async fn rekey(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let offset = fields.interval(Tag::OFFSET)?;
    let mut old = ctx.object(&id).await?;
    if old.object_type != ObjectType::SYMMETRIC_KEY {
        return Err(KmsError::Unsupported(format!("Re-key of {:?} objects", old.object_type)));
    }
    if let Some(key) = super::hsm::token_key(&old) {
        return Err(super::hsm::unusable(&old, &key));
    }
    if old.value.is_none() {
        return Err(KmsError::ObjectDestroyed(id));
    }
    let extra = client_attributes(request_attributes(ctx, &fields).await?, old.object_type)?;
    let algorithm = old
        .attribute(Tag::CRYPTOGRAPHIC_ALGORITHM)
        .and_then(Value::as_enumeration)
        .map(CryptographicAlgorithm)
        .ok_or_else(|| KmsError::MissingData("the key has no Cryptographic Algorithm".into()))?;
    let length = old
        .attribute(Tag::CRYPTOGRAPHIC_LENGTH)
        .and_then(Value::as_integer)
        .ok_or_else(|| KmsError::MissingData("the key has no Cryptographic Length".into()))?;
    let material = ctx.crypto.generate_key(key_bytes(algorithm, length)?)?;
    let new_id = new_id(ctx)?;
    // Carry over what the client set; the server sets the rest anew, and
    // dates move by the Offset from now (2.1 §6.1.42).
    let carried = carried_attributes(&old, extra, offset, ctx.now);
    let mut new = ManagedObject {
        id: new_id.clone(),
        object_type: old.object_type,
        owner: old.owner.clone(),
        organisation: old.organisation.clone(),
        value: Some(symmetric_key(&material, algorithm, length)),
        attributes: carried,
        revision: 0,
    };
    stamp_new(ctx, &mut new, &material, true)?;
    new.attributes.push(link(LinkType::REPLACED_OBJECT_LINK, &id));
    old.attributes.retain(|a| a.key() != AttributeKey::Standard(Tag::NAME));
    old.attributes.push(link(LinkType::REPLACEMENT_OBJECT_LINK, &new_id));
    old.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(old);
    ctx.save(new);
    ctx.id_placeholder = Some(new_id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(new_id))])
}

/// The attributes a new key (or half of a pair) takes from the one it
/// replaces: what the
/// client set, less Links and lifecycle dates, with the request's
/// attributes on top and the dates moved by the Offset.
pub(crate) fn carried_attributes(
    old: &ManagedObject,
    extra: Vec<Attribute>,
    offset: Option<u32>,
    now: i64,
) -> Vec<Attribute> {
    let mut out: Vec<Attribute> = old
        .attributes
        .iter()
        .filter(|a| {
            let key = a.key();
            key.rule().client_sets
                && !matches!(key, AttributeKey::Standard(t) if t == Tag::LINK
                    || t == Tag::ACTIVATION_DATE || t == Tag::DEACTIVATION_DATE
                    || t == Tag::PROCESS_START_DATE || t == Tag::PROTECT_STOP_DATE
                    || t == Tag::FRESH || t == Tag::ORIGINAL_CREATION_DATE || t == Tag::RANDOM_NUMBER_GENERATOR)
        })
        .cloned()
        .collect();
    for attribute in extra {
        out.retain(|a| a.key() != attribute.key() || attribute.key().rule().multiple);
        out.push(attribute);
    }
    if let Some(offset) = offset {
        let at = now + i64::from(offset);
        out.retain(|a| a.key() != AttributeKey::Standard(Tag::ACTIVATION_DATE));
        out.push(Attribute::standard(Tag::ACTIVATION_DATE, Value::DateTime(at)));
        if let (Some(activation), Some(deactivation)) =
            (old.date(Tag::ACTIVATION_DATE), old.date(Tag::DEACTIVATION_DATE))
        {
            out.retain(|a| a.key() != AttributeKey::Standard(Tag::DEACTIVATION_DATE));
            out.push(Attribute::standard(Tag::DEACTIVATION_DATE, Value::DateTime(at + (deactivation - activation))));
        }
    }
    out
}

pub(crate) fn link(link_type: LinkType, id: &str) -> Attribute {
    Attribute::standard(
        Tag::LINK,
        Value::Structure(vec![
            Ttlv::new(Tag::LINK_TYPE, Value::Enumeration(link_type.0)),
            Ttlv::new(Tag::LINKED_OBJECT_IDENTIFIER, Value::TextString(id.to_owned())),
        ]),
    )
}

/// Activate: Pre-Active -> Active, Activation Date now.
pub(crate) async fn activate(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    require_lifecycle(&object)?;
    let state = object.state();
    if state != State::PRE_ACTIVE {
        return Err(KmsError::WrongState(format!("only a Pre-Active object can be activated; {id} is {state:?}")));
    }
    object.set(Tag::STATE, Value::Enumeration(State::ACTIVE.0));
    object.set(Tag::ACTIVATION_DATE, Value::DateTime(ctx.now));
    changed(ctx, object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Revoke: Active -> Deactivated, or -> Compromised for a compromise.
pub(crate) async fn revoke(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let reason_item = fields.required(Tag::REVOCATION_REASON)?;
    let reason = Fields::of(reason_item)?;
    let code = RevocationReasonCode(
        reason.enumeration(Tag::REVOCATION_REASON_CODE)?.ok_or_else(|| reason.missing(Tag::REVOCATION_REASON_CODE))?,
    );
    let occurred = fields.date_time(Tag::COMPROMISE_OCCURRENCE_DATE)?;
    let mut object = ctx.object(&id).await?;
    require_lifecycle(&object)?;
    let state = object.state();
    let compromise = code == RevocationReasonCode::KEY_COMPROMISE || code == RevocationReasonCode::CA_COMPROMISE;
    if compromise {
        let next = match state {
            s if s == State::PRE_ACTIVE || s == State::ACTIVE || s == State::DEACTIVATED => State::COMPROMISED,
            s if s == State::DESTROYED => State::DESTROYED_COMPROMISED,
            s => return Err(KmsError::WrongState(format!("{id} is already {s:?}"))),
        };
        object.set(Tag::STATE, Value::Enumeration(next.0));
        object.set(Tag::COMPROMISE_DATE, Value::DateTime(ctx.now));
        let occurred = occurred.or_else(|| object.date(Tag::INITIAL_DATE)).unwrap_or(ctx.now);
        object.set(Tag::COMPROMISE_OCCURRENCE_DATE, Value::DateTime(occurred));
    } else {
        if state != State::ACTIVE {
            return Err(KmsError::WrongState(format!(
                "only an Active object can be revoked for a reason other than compromise; {id} is {state:?}"
            )));
        }
        object.set(Tag::STATE, Value::Enumeration(State::DEACTIVATED.0));
        object.set(Tag::DEACTIVATION_DATE, Value::DateTime(ctx.now));
    }
    object.set(Tag::REVOCATION_REASON, reason_item.value.clone());
    changed(ctx, object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Destroy: removes the key material; the metadata stays (2.1 §6.1.16).
pub(crate) async fn destroy(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let state = object.state();
    let next = match state {
        s if s == State::PRE_ACTIVE || s == State::DEACTIVATED => State::DESTROYED,
        s if s == State::COMPROMISED => State::DESTROYED_COMPROMISED,
        s if s == State::ACTIVE => {
            return Err(KmsError::WrongState(format!("{id} is Active: revoke it before destroying it")));
        }
        _ => return Err(KmsError::ObjectDestroyed(id)),
    };
    // A key held in the token leaves it now (see docs/hsm.md: if the
    // commit then fails, the record stays and its key is gone).
    super::hsm::destroy(ctx, &object).await?;
    object.value = None;
    object.set(Tag::STATE, Value::Enumeration(next.0));
    object.set(Tag::DESTROY_DATE, Value::DateTime(ctx.now));
    changed(ctx, object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Archive: moves the object to archival storage.
pub(crate) async fn archive(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    if object.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(id));
    }
    object.set(Tag::ARCHIVE_DATE, Value::DateTime(ctx.now));
    changed(ctx, object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Recover: brings an archived object back on-line.
pub(crate) async fn recover(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    object.remove(Tag::ARCHIVE_DATE);
    changed(ctx, object);
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Refuses lifecycle changes of an archived object.
fn require_lifecycle(object: &ManagedObject) -> Result<(), KmsError> {
    if object.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(object.id.clone()));
    }
    Ok(())
}

pub(crate) fn changed(ctx: &mut OpContext<'_>, mut object: ManagedObject) {
    object.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(object);
}

/// The client's attributes for a new object, checked: server-set ones are
/// refused, except an Object Type that agrees with the request.
pub(crate) fn client_attributes(
    attributes: Vec<Attribute>,
    object_type: ObjectType,
) -> Result<Vec<Attribute>, KmsError> {
    let mut out = Vec::with_capacity(attributes.len());
    for attribute in attributes {
        if let Attribute::Standard(item) = &attribute
            && item.tag == Tag::OBJECT_TYPE
        {
            if item.value.as_enumeration() != Some(object_type.0) {
                return Err(KmsError::InvalidField("the Object Type attribute disagrees with the request".into()));
            }
            continue;
        }
        check_client_settable(&attribute)?;
        let key = attribute.key();
        if !key.rule().multiple && out.iter().any(|a: &Attribute| a.key() == key) {
            return Err(KmsError::AttributeSingleValued(key.to_1x_name()));
        }
        out.push(attribute);
    }
    Ok(out)
}

pub(crate) fn requested_enum(attributes: &[Attribute], tag: Tag) -> Option<u32> {
    attributes.iter().find(|a| a.key() == AttributeKey::Standard(tag)).and_then(|a| a.value().as_enumeration())
}

pub(crate) fn requested_int(attributes: &[Attribute], tag: Tag) -> Option<i32> {
    attributes.iter().find(|a| a.key() == AttributeKey::Standard(tag)).and_then(|a| a.value().as_integer())
}

/// The key size in bytes for an algorithm and Cryptographic Length in bits.
pub(crate) fn key_bytes(algorithm: CryptographicAlgorithm, bits: i32) -> Result<usize, KmsError> {
    let ok = match algorithm {
        CryptographicAlgorithm::AES => matches!(bits, 128 | 192 | 256),
        CryptographicAlgorithm::DES3 => matches!(bits, 112 | 168 | 192),
        CryptographicAlgorithm::CHA_CHA20 | CryptographicAlgorithm::CHA_CHA20_POLY1305 => bits == 256,
        CryptographicAlgorithm::HMAC_SHA1
        | CryptographicAlgorithm::HMAC_SHA224
        | CryptographicAlgorithm::HMAC_SHA256
        | CryptographicAlgorithm::HMAC_SHA384
        | CryptographicAlgorithm::HMAC_SHA512 => (64..=8192).contains(&bits) && bits % 8 == 0,
        other => return Err(KmsError::Unsupported(format!("generating {other:?} keys"))),
    };
    if !ok {
        return Err(KmsError::InvalidField(format!("{bits} bits is not a valid length for {algorithm:?}")));
    }
    Ok(match (algorithm, bits) {
        (CryptographicAlgorithm::DES3, 112) => 16,
        (CryptographicAlgorithm::DES3, _) => 24,
        _ => usize::try_from(bits / 8).unwrap_or(0),
    })
}

/// Quantum Safe (2.0+): a key asked to be quantum safe must resist Grover's
/// search, i.e. be a symmetric key of at least 256 bits.
fn check_quantum_safe(attributes: &[Attribute], algorithm: CryptographicAlgorithm, bits: i32) -> Result<(), KmsError> {
    let wanted = attributes
        .iter()
        .find(|a| a.key() == AttributeKey::Standard(Tag::QUANTUM_SAFE))
        .and_then(|a| a.value().as_boolean())
        .unwrap_or(false);
    let symmetric = matches!(
        algorithm,
        CryptographicAlgorithm::AES | CryptographicAlgorithm::CHA_CHA20 | CryptographicAlgorithm::CHA_CHA20_POLY1305
    );
    if wanted && !(symmetric && bits >= 256) {
        return Err(KmsError::Policy(format!("a {bits}-bit {algorithm:?} key is not quantum safe")));
    }
    Ok(())
}

/// The Symmetric Key object for raw key material.
pub(crate) fn symmetric_key(material: &[u8], algorithm: CryptographicAlgorithm, bits: i32) -> Ttlv {
    Ttlv::structure(
        Tag::SYMMETRIC_KEY,
        vec![Ttlv::structure(
            Tag::KEY_BLOCK,
            vec![
                Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(KeyFormatType::RAW.0)),
                Ttlv::structure(
                    Tag::KEY_VALUE,
                    vec![Ttlv::new(Tag::KEY_MATERIAL, Value::ByteString(bytes::Bytes::copy_from_slice(material)))],
                ),
                Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)),
            ],
        )],
    )
}

/// A registered key-block object (Symmetric Key, Secret Data): the object
/// as stored (attributes inside the Key Value moved out), its key material
/// for the Digest, and the attributes the key block carried.
fn key_block_object(given: &Ttlv) -> Result<(Ttlv, Vec<u8>, Vec<Attribute>), KmsError> {
    let object = Fields::of(given)?;
    let block_item = object.required(Tag::KEY_BLOCK)?;
    let block = Fields::of(block_item)?;
    let wrapped = block.has(Tag::KEY_WRAPPING_DATA);
    let format =
        KeyFormatType(block.enumeration(Tag::KEY_FORMAT_TYPE)?.ok_or_else(|| block.missing(Tag::KEY_FORMAT_TYPE))?);
    let key_value_item = block.required(Tag::KEY_VALUE)?;
    let (material, key_value, mut carried) = match &key_value_item.value {
        // A wrapped key's Key Value is the wrapped bytes: stored as given
        // (the Digest covers them); it is unwrapped only by its owner.
        Value::ByteString(bytes) if wrapped => (bytes.to_vec(), key_value_item.clone(), Vec::new()),
        Value::ByteString(_) => {
            return Err(KmsError::InvalidField("a Key Value is a Byte String only when wrapped".into()));
        }
        Value::Structure(children) => {
            let kv = Fields::of(key_value_item)?;
            let material_item = kv.required(Tag::KEY_MATERIAL)?;
            let material = match (&material_item.value, format) {
                (Value::ByteString(bytes), _) => bytes.to_vec(),
                (Value::Structure(_), KeyFormatType::TRANSPARENT_SYMMETRIC_KEY) => Fields::of(material_item)?
                    .bytes(Tag::KEY)?
                    .ok_or_else(|| KmsError::MissingData("Transparent Symmetric Key without Key".into()))?
                    .to_vec(),
                // Transparent asymmetric keys: the Digest covers the
                // encoded Key Material structure.
                (Value::Structure(_), f) if (0x08..=0x15).contains(&f.0) => kmip_ttlv::wire::to_vec(material_item)
                    .map_err(|e| KmsError::InvalidField(format!("Key Material: {e}")))?,
                _ => return Err(KmsError::KeyFormatNotSupported(format!("{format:?}"))),
            };
            let mut attributes = Vec::new();
            for item in children.iter().filter(|c| c.tag == Tag::ATTRIBUTE) {
                attributes.push(Attribute::from_1x(item)?.0);
            }
            let key_value = Ttlv::structure(Tag::KEY_VALUE, vec![material_item.clone()]);
            (material, key_value, attributes)
        }
        _ => return Err(KmsError::InvalidField("Key Value must be a Structure".into())),
    };
    let mut block_children: Vec<Ttlv> = Vec::new();
    for child in block.items() {
        if child.tag == Tag::KEY_VALUE {
            block_children.push(key_value.clone());
        } else {
            block_children.push(child.clone());
        }
        if child.tag == Tag::CRYPTOGRAPHIC_ALGORITHM || child.tag == Tag::CRYPTOGRAPHIC_LENGTH {
            carried.push(Attribute::Standard(child.clone()));
        }
    }
    let mut object_children: Vec<Ttlv> = object.items().iter().filter(|c| c.tag != Tag::KEY_BLOCK).cloned().collect();
    object_children.push(Ttlv::structure(Tag::KEY_BLOCK, block_children));
    Ok((Ttlv::structure(given.tag, object_children), material, carried))
}

/// A fresh Unique Identifier: a version 7 UUID (RFC 9562), the Unix time
/// in milliseconds, then 74 random bits.
///
/// Time-ordered on purpose: the store keeps records and index entries in
/// key order, so new objects land at the end of each range, where the
/// pages are already in the cache, instead of on a random page each. With
/// random (version 4) ids, durable Creates at 16 connections spent most of
/// the commit thread reading evicted pages back from disk. An id reveals
/// when its object was created, as its Initial Date does to whoever may
/// read it; the 74 random bits keep ids unguessable.
pub(crate) fn new_id(ctx: &OpContext<'_>) -> Result<String, KmsError> {
    let mut bytes = [0u8; 10];
    ctx.crypto.random(&mut bytes)?;
    let millis = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| u64::try_from(since.as_millis()).unwrap_or(u64::MAX));
    Ok(uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid().to_string())
}

/// The attributes the server sets on a new object (KMIP 2.1 §4): identity,
/// type, state and dates, the Digest of the key material, and the
/// server's defaults for the attributes the client did not give.
pub(crate) fn stamp_new(
    ctx: &OpContext<'_>,
    object: &mut ManagedObject,
    material: &[u8],
    generated: bool,
) -> Result<(), KmsError> {
    let now = ctx.now;
    let id = object.id.clone();
    let has = |object: &ManagedObject, tag: Tag| object.attribute(tag).is_some();
    let mut front = vec![
        Attribute::standard(Tag::UNIQUE_IDENTIFIER, Value::TextString(id.clone())),
        Attribute::standard(Tag::OBJECT_TYPE, Value::Enumeration(object.object_type.0)),
    ];
    let short = ctx.crypto.digest(HashAlgorithm::Sha256, id.as_bytes());
    front.push(Attribute::standard(Tag::SHORT_UNIQUE_IDENTIFIER, Value::ByteString(short.into())));
    let mut attributes = std::mem::take(&mut object.attributes);
    front.append(&mut attributes);
    object.attributes = front;
    let is_key = matches!(
        object.object_type,
        ObjectType::SYMMETRIC_KEY
            | ObjectType::SECRET_DATA
            | ObjectType::PRIVATE_KEY
            | ObjectType::PUBLIC_KEY
            | ObjectType::SPLIT_KEY
            | ObjectType::PGP_KEY
    );
    if matches!(object.object_type, ObjectType::CERTIFICATE | ObjectType::CERTIFICATE_REQUEST) {
        let digest = ctx.crypto.digest(HashAlgorithm::Sha256, material);
        object.attributes.push(Attribute::standard(
            Tag::DIGEST,
            Value::Structure(vec![
                Ttlv::new(Tag::HASHING_ALGORITHM, Value::Enumeration(kmip_ttlv::enums::HashingAlgorithm::SHA_256.0)),
                Ttlv::new(Tag::DIGEST_VALUE, Value::ByteString(digest.into())),
            ]),
        ));
    }
    if is_key || object.object_type == ObjectType::OPAQUE_OBJECT {
        let format = object
            .key_block()
            .and_then(|b| b.child(Tag::KEY_FORMAT_TYPE))
            .and_then(|f| f.value.as_enumeration())
            .unwrap_or(KeyFormatType::OPAQUE.0);
        let digest = ctx.crypto.digest(HashAlgorithm::Sha256, material);
        object.attributes.push(Attribute::standard(
            Tag::DIGEST,
            Value::Structure(vec![
                Ttlv::new(Tag::HASHING_ALGORITHM, Value::Enumeration(kmip_ttlv::enums::HashingAlgorithm::SHA_256.0)),
                Ttlv::new(Tag::DIGEST_VALUE, Value::ByteString(digest.into())),
                Ttlv::new(Tag::KEY_FORMAT_TYPE, Value::Enumeration(format)),
            ]),
        ));
        if is_key {
            object.set(Tag::KEY_FORMAT_TYPE, Value::Enumeration(format));
        }
    }
    object.set(Tag::STATE, Value::Enumeration(State::PRE_ACTIVE.0));
    object.set(Tag::INITIAL_DATE, Value::DateTime(now));
    object.set(Tag::LAST_CHANGE_DATE, Value::DateTime(now));
    if !has(object, Tag::ORIGINAL_CREATION_DATE) {
        object.set(Tag::ORIGINAL_CREATION_DATE, Value::DateTime(now));
    }
    if !has(object, Tag::FRESH) {
        object.set(Tag::FRESH, Value::Boolean(true));
    }
    object.set(Tag::LEASE_TIME, Value::Interval(ctx.config.lease_time));
    if generated && !has(object, Tag::RANDOM_NUMBER_GENERATOR) {
        // aws-lc's DRBG: CTR_DRBG with AES-256 (NIST SP 800-90A).
        object.set(
            Tag::RANDOM_NUMBER_GENERATOR,
            Value::Structure(vec![
                Ttlv::new(Tag::RNG_ALGORITHM, Value::Enumeration(kmip_ttlv::enums::RNGAlgorithm::DRBG.0)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(CryptographicAlgorithm::AES.0)),
                Ttlv::new(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(256)),
                Ttlv::new(Tag::DRBG_ALGORITHM, Value::Enumeration(kmip_ttlv::enums::DRBGAlgorithm::CTR.0)),
            ]),
        );
    }
    if is_key {
        let sensitive = object.attribute(Tag::SENSITIVE).and_then(Value::as_boolean).unwrap_or(false);
        let extractable = object.attribute(Tag::EXTRACTABLE).and_then(Value::as_boolean).unwrap_or(true);
        object.set(Tag::SENSITIVE, Value::Boolean(sensitive));
        object.set(Tag::ALWAYS_SENSITIVE, Value::Boolean(sensitive));
        object.set(Tag::EXTRACTABLE, Value::Boolean(extractable));
        object.set(Tag::NEVER_EXTRACTABLE, Value::Boolean(!extractable));
        object.set(
            Tag::PROTECTION_STORAGE_MASK,
            Value::Integer(kmip_ttlv::enums::ProtectionStorageMask::SOFTWARE.0 as i32),
        );
    }
    apply_dates(object, now);
    if object.state() == State::ACTIVE && object.date(Tag::ACTIVATION_DATE).is_none() {
        object.set(Tag::ACTIVATION_DATE, Value::DateTime(now));
    }
    Ok(())
}
