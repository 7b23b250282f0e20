//! Certify and Validate (KMIP 2.1 §6.1.6, §6.1.54; 1.4 §4.7, §4.36), and
//! the attributes the server reads out of an X.509 certificate (2.1 §4:
//! Certificate Type, Certificate Length, X.509 Certificate Identifier,
//! Subject and Issuer, Certificate Subject/Issuer CN, O, OU, ..., Digital
//! Signature Algorithm, and the Cryptographic Algorithm and Length of the
//! certified key).
//!
//! # Certify
//!
//! The certified key is a managed Public Key (the request's Unique
//! Identifier, or the ID Placeholder; a Private Key is accepted and stands
//! for its linked Public Key), or the key of a PKCS#10 Certificate Request
//! (Certificate Request Type PKCS#10 or PEM, value in Certificate Request
//! Value — 1.x: Certificate Request). The request's subject name, SANs, key
//! usages and basic constraints are kept; for a Public Key the subject is
//! built from the request's Certificate Subject CN, O, OU, ... attributes
//! (2.x) or X.509 Certificate Subject (1.x, DER name), else `CN=` the key's
//! first Name, else its Unique Identifier.
//!
//! KMIP leaves the choice of issuer to the server. This server takes it
//! from Link attributes in the request, with the spec's meanings:
//!
//! - a **Certificate Link** names the issuer's certificate (for a
//!   certificate, "the parent certificate in a chain"); it is kept on the
//!   new certificate. The signing key is then the Private Key Link of the
//!   request if any, else the private key linked from the issuer
//!   certificate's public key (Public Key Link, then Private Key Link).
//! - a **Private Key Link** names the signing key. If it is the certified
//!   key's own private key, the certificate is self-signed; otherwise the
//!   issuer certificate is found through the signing key's public key
//!   (Public Key Link, then Certificate Link). It is not stored.
//! - with neither, the certificate is self-signed with the certified
//!   key's own private key (the Public Key's Private Key Link).
//!
//! The issuer's private key must be usable for signing now (Active, and
//! its usage mask, when set, allows Sign or Certificate Sign); its public
//! key must be the one in the issuer certificate. The signature is made by
//! the [`CryptoEngine`] (rcgen builds the TBSCertificate and calls back
//! through [`rcgen::SigningKey`]), so the CA key never leaves the engine's
//! API: RSA signs with PKCS#1 v1.5 and SHA-256, P-256 with ECDSA-SHA256,
//! P-384 with ECDSA-SHA384, Ed25519 as itself. A self-signed certificate is
//! a CA certificate (basic constraints cA true); others are not, unless a
//! certificate request asks for it. Validity runs from now for a year, not
//! past the issuer certificate's end; the serial number is 16 random bytes.
//!
//! The new Certificate (Certificate Type X.509) gets a Public Key Link to
//! the certified Public Key, which gets a Certificate Link back; its
//! Unique Identifier goes into the ID Placeholder.
//!
//! # Validate
//!
//! The chain is the Certificates given by value, then those named by
//! Unique Identifier; when that order does not chain by names it is sorted
//! leaf first by issuer and subject names. The answer is Invalid if a
//! certificate is not signed by the next one, or is outside its validity
//! at the Validity Date (now by default), or is a managed certificate
//! marked Compromised; Valid if the last certificate is self-signed or is
//! managed by this server (a managed certificate is trusted); Unknown when
//! the last one is neither, or a signature algorithm cannot be checked.

use std::cell::RefCell;

use bytes::Bytes;
use kmip_ttlv::enums::{
    CertificateRequestType, CertificateType, CryptographicAlgorithm, CryptographicUsageMask, DigitalSignatureAlgorithm,
    LinkType, ObjectType, State, ValidityIndicator,
};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
use rcgen::{
    BasicConstraints, CertificateParams, CertificateSigningRequestParams, DistinguishedName, DnType, DnValue, IsCa,
    Issuer, PublicKeyData, SanType, SerialNumber, SignatureAlgorithm, SigningKey,
};
use x509_parser::certificate::X509Certificate;
use x509_parser::error::X509Error;
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::FromDer;
use x509_parser::x509::X509Name;

use super::attributes::request_attributes;
use super::context::OpContext;
use super::crypto_params::{EngineKey, Use, check_usable, engine_key, format_error};
use super::lifecycle::{carried_attributes, client_attributes, link, new_id, stamp_new};
use super::object::ManagedObject;
use crate::crypto::formats::{self, AsymmetricKind};
use crate::crypto::{CryptoEngine, Curve, HashAlgorithm, KeyKind, KeyRef, SignInput, SignatureScheme};
use crate::error::KmsError;

/// How long an issued certificate is valid: a year.
const VALIDITY_SECONDS: i64 = 365 * 24 * 60 * 60;

/// The attributes the server derives from an X.509 certificate's DER
/// (KMIP 2.1 §4; 1.4 §3): Certificate Type and Length, X.509 Certificate
/// Identifier, Subject and Issuer, the Certificate Subject and Issuer name
/// parts (one instance per value), Digital Signature Algorithm when KMIP
/// names it, and the Cryptographic Algorithm and Length of its key. For a
/// 1.x `version` the 1.0 Certificate Identifier, Subject and Issuer (text
/// forms) are added too.
pub(crate) fn certificate_attributes(der: &[u8], version: ProtocolVersion) -> Result<Vec<Attribute>, KmsError> {
    let cert = parse(der)?;
    let tbs = &cert.tbs_certificate;
    let mut out = vec![
        Attribute::standard(Tag::CERTIFICATE_TYPE, Value::Enumeration(CertificateType::X_509.0)),
        Attribute::standard(Tag::CERTIFICATE_LENGTH, Value::Integer(i32::try_from(der.len()).unwrap_or(i32::MAX))),
    ];
    let issuer_dn = bytes(tbs.issuer.as_raw());
    let subject_dn = bytes(tbs.subject.as_raw());
    out.push(Attribute::standard(
        Tag::X_509_CERTIFICATE_IDENTIFIER,
        Value::Structure(vec![
            Ttlv::new(Tag::ISSUER_DISTINGUISHED_NAME, Value::ByteString(issuer_dn.clone())),
            Ttlv::new(Tag::CERTIFICATE_SERIAL_NUMBER, Value::ByteString(bytes(tbs.raw_serial()))),
        ]),
    ));
    let subject_alt = extension_value(&cert, &x509_parser::oid_registry::OID_X509_EXT_SUBJECT_ALT_NAME);
    let issuer_alt = extension_value(&cert, &x509_parser::oid_registry::OID_X509_EXT_ISSUER_ALT_NAME);
    let mut subject = vec![Ttlv::new(Tag::SUBJECT_DISTINGUISHED_NAME, Value::ByteString(subject_dn))];
    if let Some(alt) = &subject_alt {
        subject.push(Ttlv::new(Tag::SUBJECT_ALTERNATIVE_NAME, Value::ByteString(bytes(alt))));
    }
    out.push(Attribute::standard(Tag::X_509_CERTIFICATE_SUBJECT, Value::Structure(subject)));
    let mut issuer = vec![Ttlv::new(Tag::ISSUER_DISTINGUISHED_NAME, Value::ByteString(issuer_dn))];
    if let Some(alt) = &issuer_alt {
        issuer.push(Ttlv::new(Tag::ISSUER_ALTERNATIVE_NAME, Value::ByteString(bytes(alt))));
    }
    out.push(Attribute::standard(Tag::X_509_CERTIFICATE_ISSUER, Value::Structure(issuer)));
    if !version.is_2x() {
        // KMIP 1.0 forms (deprecated in 1.1, gone in 2.0): names as text.
        let text = |tag: Tag, s: String| Ttlv::new(tag, Value::TextString(s));
        out.push(Attribute::standard(
            Tag::CERTIFICATE_IDENTIFIER,
            Value::Structure(vec![
                text(Tag::ISSUER, tbs.issuer.to_string()),
                text(Tag::SERIAL_NUMBER, tbs.serial.to_string()),
            ]),
        ));
        out.push(Attribute::standard(
            Tag::CERTIFICATE_SUBJECT,
            Value::Structure(vec![text(Tag::CERTIFICATE_SUBJECT_DISTINGUISHED_NAME, tbs.subject.to_string())]),
        ));
        out.push(Attribute::standard(
            Tag::CERTIFICATE_ISSUER,
            Value::Structure(vec![text(Tag::CERTIFICATE_ISSUER_DISTINGUISHED_NAME, tbs.issuer.to_string())]),
        ));
    }
    for (oid, subject_tag, issuer_tag) in NAME_PARTS {
        for (name, tag) in [(&tbs.subject, subject_tag), (&tbs.issuer, issuer_tag)] {
            for value in name_values(name, oid) {
                out.push(Attribute::standard(tag, Value::TextString(value)));
            }
        }
    }
    if let Some(algorithm) = signature_algorithm(&cert.signature_algorithm.algorithm.to_id_string()) {
        out.push(Attribute::standard(Tag::DIGITAL_SIGNATURE_ALGORITHM, Value::Enumeration(algorithm.0)));
    }
    if let Some((algorithm, bits)) = key_algorithm(tbs.subject_pki.raw) {
        out.push(Attribute::standard(Tag::CRYPTOGRAPHIC_ALGORITHM, Value::Enumeration(algorithm.0)));
        out.push(Attribute::standard(Tag::CRYPTOGRAPHIC_LENGTH, Value::Integer(bits)));
    }
    Ok(out)
}

/// Certify: issues an X.509 certificate for a managed public key or a
/// certificate request, signed by a managed private key; its Unique
/// Identifier.
pub(crate) async fn certify(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let csr = given_request(ctx, &fields).await?;
    let given = request_attributes(ctx, &fields).await?;
    let mut request = CertifyAttributes::split(given)?;
    if let Some(kind) = request.certificate_type
        && kind != CertificateType::X_509.0
    {
        return Err(KmsError::Unsupported(format!("certifying as {:?}", CertificateType(kind))));
    }

    // The certified key: a certificate request, or a managed public key.
    let public = match &csr {
        Some(_) => None,
        None => {
            let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
            Some(certified_public_key(ctx, &id).await?)
        }
    };
    let subject_spki = match (&csr, &public) {
        (Some(csr), _) => csr.public_key.subject_public_key_info(),
        (None, Some(public)) => engine_key(public)?.material.to_vec(),
        (None, None) => return Err(KmsError::Internal("Certify without a key".into())),
    };
    let own_private = public.as_ref().and_then(|p| linked(p, LinkType::PRIVATE_KEY_LINK));

    // The issuer: its certificate (unless self-signed) and signing key.
    let (issuer_cert, signer_id) = match (request.issuer_certificate.clone(), request.signer.clone()) {
        (Some(cert_id), signer) => {
            let cert = issuer_certificate(ctx, &cert_id).await?;
            let signer = match signer {
                Some(signer) => signer,
                None => match certificate_private_key(ctx, &cert).await? {
                    Some(signer) => signer,
                    None => {
                        return Err(KmsError::MissingData(format!(
                            "no private key is linked to the issuer certificate {cert_id}: give a Private Key Link"
                        )));
                    }
                },
            };
            (Some(cert), signer)
        }
        (None, Some(signer)) if Some(&signer) == own_private.as_ref() => (None, signer),
        (None, Some(signer)) => {
            let private = ctx.object_for(&signer, crate::access::Permission::Sign).await?;
            let cert_id = match linked(&private, LinkType::PUBLIC_KEY_LINK) {
                Some(public_id) => linked(
                    &ctx.object_for(&public_id, crate::access::Permission::Sign).await?,
                    LinkType::CERTIFICATE_LINK,
                ),
                None => None,
            };
            let Some(cert_id) = cert_id else {
                return Err(KmsError::MissingData(format!(
                    "the signing key {signer} has no certificate: give the issuer's Certificate Link"
                )));
            };
            request.issuer_certificate = Some(cert_id.clone());
            (Some(issuer_certificate(ctx, &cert_id).await?), signer)
        }
        (None, None) => match own_private.clone() {
            Some(own) => (None, own),
            None => {
                return Err(KmsError::MissingData(
                    "Certify needs its issuer: a Certificate Link to the issuer's certificate or a Private Key Link \
                     to the signing key"
                        .into(),
                ));
            }
        },
    };
    let self_signed = issuer_cert.is_none();
    let params = match &csr {
        Some(csr) => csr.params.clone(),
        None => {
            let mut params = CertificateParams::default();
            params.distinguished_name = match request.subject_name()? {
                Some(name) => name,
                None => {
                    let mut name = DistinguishedName::new();
                    let public = public.as_ref().ok_or_else(|| KmsError::Internal("no public key".into()))?;
                    let cn = public.names().next().map_or_else(|| public.id.clone(), str::to_owned);
                    name.push(DnType::CommonName, cn);
                    name
                }
            };
            if self_signed {
                params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
            }
            params
        }
    };
    let der = issue(
        ctx,
        Issuance {
            params,
            csr: csr.as_ref(),
            subject_spki: &subject_spki,
            issuer_cert: issuer_cert.as_ref(),
            signer_id: &signer_id,
        },
    )
    .await?;

    // The Certificate object, linked to its public key and issuer.
    let issuer_id = request.issuer_certificate.as_deref().filter(|_| !self_signed);
    let public_id = public.as_ref().map(|p| p.id.clone());
    let certificate =
        new_certificate(ctx, &der, request.rest, ctx.peer.identity.clone(), issuer_id, public_id.as_deref())?;
    let id = certificate.id.clone();
    ctx.save(certificate);
    if let Some(mut public) = public {
        link_certificate(&mut public, &id, ctx.now);
        ctx.save(public);
    }
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// The certificate request a Certify or Re-certify carries, parsed: by
/// value (Certificate Request Type and Certificate Request Value; 1.x:
/// Certificate Request) or, in 2.x, a managed Certificate Request named by
/// Certificate Request Unique Identifier.
async fn given_request(
    ctx: &mut OpContext<'_>,
    fields: &Fields<'_>,
) -> Result<Option<CertificateSigningRequestParams>, KmsError> {
    let request_type = fields.enumeration(Tag::CERTIFICATE_REQUEST_TYPE)?.map(CertificateRequestType);
    let request_value = match fields.bytes(Tag::CERTIFICATE_REQUEST_VALUE)? {
        Some(value) => Some(value),
        None => fields.bytes(Tag::CERTIFICATE_REQUEST)?,
    };
    if let Some(id) = fields.text(Tag::CERTIFICATE_REQUEST_UNIQUE_IDENTIFIER)? {
        if request_value.is_some() {
            return Err(KmsError::InvalidField(
                "give the certificate request by value or by its Unique Identifier, not both".into(),
            ));
        }
        let object = ctx.object(id).await?;
        if object.object_type != ObjectType::CERTIFICATE_REQUEST {
            return Err(KmsError::InvalidField(format!(
                "{id} is a {:?}, not a Certificate Request",
                object.object_type
            )));
        }
        let value = object.value.as_ref().ok_or_else(|| KmsError::ObjectDestroyed(id.to_owned()))?;
        let stored = Fields::of(value)?;
        let kind = stored
            .enumeration(Tag::CERTIFICATE_REQUEST_TYPE)?
            .ok_or_else(|| KmsError::Internal(format!("certificate request {id} without a type")))?;
        let data = stored
            .bytes(Tag::CERTIFICATE_REQUEST_VALUE)?
            .ok_or_else(|| KmsError::Internal(format!("certificate request {id} without a value")))?;
        return parse_request(CertificateRequestType(kind), data).map(Some);
    }
    match (request_type, request_value) {
        (Some(kind), Some(value)) => parse_request(kind, value).map(Some),
        (None, Some(_)) => Err(fields.missing(Tag::CERTIFICATE_REQUEST_TYPE).into()),
        (Some(_), None) => Err(KmsError::MissingData("a Certificate Request Type without the request".into())),
        (None, None) => Ok(None),
    }
}

/// An X.509 name as rcgen builds it.
fn distinguished_name(name: &X509Name<'_>) -> Result<DistinguishedName, KmsError> {
    let mut dn = DistinguishedName::new();
    for attribute in name.iter_attributes() {
        let arcs: Vec<u64> =
            attribute.attr_type().iter().ok_or_else(|| KmsError::InvalidField("a name OID".into()))?.collect();
        let text = match attribute.as_str() {
            Ok(s) => s.to_owned(),
            Err(_) => String::from_utf8_lossy(attribute.as_slice()).into_owned(),
        };
        dn.push(DnType::from_oid(&arcs), text);
    }
    Ok(dn)
}

/// The fields of a new certificate like `der`: its subject, basic
/// constraints and subject alternative names (DNS names, e-mail addresses,
/// URIs, IP addresses).
fn params_like(der: &[u8]) -> Result<CertificateParams, KmsError> {
    let cert = parse(der)?;
    let mut params = CertificateParams::default();
    params.distinguished_name = distinguished_name(cert.subject())?;
    if let Ok(Some(constraints)) = cert.basic_constraints()
        && constraints.value.ca
    {
        params.is_ca = IsCa::Ca(match constraints.value.path_len_constraint {
            Some(n) => BasicConstraints::Constrained(u8::try_from(n).unwrap_or(u8::MAX)),
            None => BasicConstraints::Unconstrained,
        });
    }
    if let Ok(Some(names)) = cert.subject_alternative_name() {
        for name in &names.value.general_names {
            let ia5 = |s: &str| {
                rcgen::string::Ia5String::try_from(s)
                    .map_err(|e| KmsError::InvalidField(format!("a subject alternative name: {e}")))
            };
            let san = match name {
                GeneralName::DNSName(s) => SanType::DnsName(ia5(s)?),
                GeneralName::RFC822Name(s) => SanType::Rfc822Name(ia5(s)?),
                GeneralName::URI(s) => SanType::URI(ia5(s)?),
                GeneralName::IPAddress(bytes) => match <[u8; 4]>::try_from(*bytes) {
                    Ok(v4) => SanType::IpAddress(std::net::IpAddr::from(v4)),
                    Err(_) => match <[u8; 16]>::try_from(*bytes) {
                        Ok(v6) => SanType::IpAddress(std::net::IpAddr::from(v6)),
                        Err(_) => continue,
                    },
                },
                _ => continue,
            };
            params.subject_alt_names.push(san);
        }
    }
    Ok(params)
}

/// A certificate to issue: its fields (serial number and validity are
/// set here), the certified key, and who signs it.
struct Issuance<'a> {
    /// Subject, extensions; serial number and validity are set by [`issue`].
    params: CertificateParams,
    /// The certificate request, when the key comes from one.
    csr: Option<&'a CertificateSigningRequestParams>,
    /// The certified key's SubjectPublicKeyInfo.
    subject_spki: &'a [u8],
    /// The issuer's certificate; `None` for a self-signed certificate.
    issuer_cert: Option<&'a ManagedObject>,
    /// The signing Private Key.
    signer_id: &'a str,
}

/// Issues the certificate: checks the signing key against its use and the
/// issuer certificate, signs through the engine; the certificate's DER.
async fn issue(ctx: &mut OpContext<'_>, issuance: Issuance<'_>) -> Result<Vec<u8>, KmsError> {
    let Issuance { mut params, csr, subject_spki, issuer_cert, signer_id } = issuance;
    let signing_object = ctx.object_for(signer_id, crate::access::Permission::Sign).await?;
    if signing_object.object_type != ObjectType::PRIVATE_KEY {
        return Err(KmsError::InvalidField(format!("the signing key {signer_id} is not a Private Key")));
    }
    check_signer(&signing_object, ctx.now)?;
    let signing_key = engine_key(&signing_object)?;
    let signer = EngineSigner::new(ctx.crypto, &signing_key)?;
    let self_signed = issuer_cert.is_none();
    if self_signed && canonical_spki(subject_spki)? != signer.spki {
        return Err(KmsError::InvalidField(format!(
            "{signer_id} is not the private key of the certified public key: name the issuer's certificate"
        )));
    }
    let issuer_der = match &issuer_cert {
        Some(cert) => Some(certificate_der(cert)?.to_vec()),
        None => None,
    };
    if let Some(der) = &issuer_der {
        let issuer_key = formats::certificate_public_key(der).map_err(format_error)?;
        if canonical_spki(&issuer_key)? != signer.spki {
            return Err(KmsError::InvalidField(format!(
                "the signing key {signer_id} does not match the issuer certificate's public key"
            )));
        }
    }

    // The certificate's fields.
    let mut serial = [0u8; 16];
    ctx.crypto.random(&mut serial)?;
    serial[0] = (serial[0] & 0x7F) | 0x40;
    let mut not_after = ctx.now.saturating_add(VALIDITY_SECONDS);
    if let Some(der) = &issuer_der {
        not_after = not_after.min(parse(der)?.validity().not_after.timestamp());
    }
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    params.not_before = datetime(ctx.now)?;
    params.not_after = datetime(not_after)?;
    params.use_authority_key_identifier_extension = !self_signed;

    let issued = match (&issuer_der, &csr) {
        (None, _) => params.self_signed(&signer),
        (Some(der), csr) => {
            let issuer = Issuer::from_ca_cert_der(&der.as_slice().into(), &signer)
                .map_err(|e| KmsError::InvalidField(format!("the issuer certificate: {e}")))?;
            match csr {
                Some(csr) => {
                    CertificateSigningRequestParams { params, public_key: csr.public_key.clone() }.signed_by(&issuer)
                }
                None => {
                    let subject_key = rcgen::SubjectPublicKeyInfo::from_der(subject_spki)
                        .map_err(|e| KmsError::Unsupported(format!("certifying this public key: {e}")))?;
                    params.signed_by(&subject_key, &issuer)
                }
            }
        }
    };
    let der = match issued {
        Ok(cert) => cert.der().to_vec(),
        Err(e) => {
            return Err(signer
                .failure
                .take()
                .unwrap_or_else(|| KmsError::InvalidField(format!("the certificate cannot be made: {e}"))));
        }
    };

    Ok(der)
}

/// Re-certify (KMIP 2.1 §6.1.40; 1.4 §4.8): a new certificate for the key
/// of an existing one, or for the key of a certificate request, signed by
/// the same issuer (the old certificate's Certificate Link; its own key when
/// it was self-signed) unless the request's Links name another. The new
/// certificate keeps the old one's subject and extensions, takes over its
/// Names and the attributes a client set, with dates moved by the Offset;
/// Replaced and Replacement Object Links join the two, and the public key
/// gets a Certificate Link to the new one.
pub(crate) async fn recertify(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let offset = fields.interval(Tag::OFFSET)?;
    let csr = given_request(ctx, &fields).await?;
    let given = request_attributes(ctx, &fields).await?;
    let request = CertifyAttributes::split(given)?;
    if let Some(kind) = request.certificate_type
        && kind != CertificateType::X_509.0
    {
        return Err(KmsError::Unsupported(format!("certifying as {:?}", CertificateType(kind))));
    }
    let mut old = ctx.object(&id).await?;
    if old.object_type != ObjectType::CERTIFICATE {
        return Err(KmsError::InvalidField(format!("{id} is a {:?}: Re-certify takes a Certificate", old.object_type)));
    }
    if old.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(id));
    }
    let old_der = certificate_der(&old)?.clone();
    let old_self_signed = {
        let cert = parse(&old_der)?;
        same_name(cert.subject(), cert.issuer())
    };

    // The issuer and signing key: the request's Links, else the old
    // certificate's issuer.
    let issuer_id = match request.issuer_certificate.clone() {
        Some(given) => Some(given),
        None if old_self_signed => None,
        None => Some(linked(&old, LinkType::CERTIFICATE_LINK).ok_or_else(|| {
            KmsError::MissingData(format!(
                "the issuer of {id} is not a certificate managed here: give the issuer's Certificate Link"
            ))
        })?),
    };
    let issuer_cert = match &issuer_id {
        Some(cert_id) => Some(issuer_certificate(ctx, cert_id).await?),
        None => None,
    };
    let signer_id = match (request.signer.clone(), &issuer_cert) {
        (Some(signer), _) => signer,
        (None, Some(cert)) => certificate_private_key(ctx, cert).await?.ok_or_else(|| {
            KmsError::MissingData(format!(
                "no private key is linked to the issuer certificate {}: give a Private Key Link",
                cert.id
            ))
        })?,
        (None, None) => certificate_private_key(ctx, &old).await?.ok_or_else(|| {
            KmsError::MissingData(format!("no private key is linked to {id}'s public key: give a Private Key Link"))
        })?,
    };
    let (params, subject_spki) = match &csr {
        Some(csr) => (csr.params.clone(), csr.public_key.subject_public_key_info()),
        None => (params_like(&old_der)?, formats::certificate_public_key(&old_der).map_err(format_error)?),
    };
    let der = issue(
        ctx,
        Issuance {
            params,
            csr: csr.as_ref(),
            subject_spki: &subject_spki,
            issuer_cert: issuer_cert.as_ref(),
            signer_id: &signer_id,
        },
    )
    .await?;

    // A certificate request brings its own key: the old public key is not
    // the new certificate's.
    let public_id = if csr.is_none() { linked(&old, LinkType::PUBLIC_KEY_LINK) } else { None };
    let carried = carried_attributes(&old, request.rest, offset, ctx.now);
    let mut new = new_certificate(ctx, &der, carried, old.owner.clone(), issuer_id.as_deref(), public_id.as_deref())?;
    let new_id = new.id.clone();
    new.attributes.push(link(LinkType::REPLACED_OBJECT_LINK, &id));
    old.attributes.retain(|a| a.key() != AttributeKey::Standard(Tag::NAME));
    old.attributes.push(link(LinkType::REPLACEMENT_OBJECT_LINK, &new_id));
    old.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(old);
    ctx.save(new);
    if let Some(public_id) = public_id {
        let mut public = ctx.object(&public_id).await?;
        link_certificate(&mut public, &new_id, ctx.now);
        ctx.save(public);
    }
    ctx.id_placeholder = Some(new_id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(new_id))])
}

/// A new Certificate object for `der`, owned by `owner`: the attributes
/// read out of the certificate over the `given` ones, stamped as new, with
/// Links to its issuer's certificate and its public key.
fn new_certificate(
    ctx: &OpContext<'_>,
    der: &[u8],
    given: Vec<Attribute>,
    owner: String,
    issuer: Option<&str>,
    public: Option<&str>,
) -> Result<ManagedObject, KmsError> {
    let derived = certificate_attributes(der, ctx.version)?;
    let mut attributes = given;
    attributes.retain(|a| derived.iter().all(|d| d.key() != a.key()));
    attributes.extend(derived);
    let mut certificate = ManagedObject {
        id: new_id(ctx)?,
        object_type: ObjectType::CERTIFICATE,
        owner,
        organisation: ctx.peer.organisation.clone(),
        value: Some(certificate_value(der)),
        attributes,
        revision: 0,
    };
    stamp_new(ctx, &mut certificate, der, false)?;
    if let Some(issuer) = issuer {
        certificate.attributes.push(link(LinkType::CERTIFICATE_LINK, issuer));
    }
    if let Some(public) = public {
        certificate.attributes.push(link(LinkType::PUBLIC_KEY_LINK, public));
    }
    Ok(certificate)
}

/// Gives a public key a Certificate Link to `certificate`.
fn link_certificate(public: &mut ManagedObject, certificate: &str, now: i64) {
    public.attributes.push(link(LinkType::CERTIFICATE_LINK, certificate));
    public.set(Tag::LAST_CHANGE_DATE, Value::DateTime(now));
}

/// Validate: whether a certificate chain is valid at the Validity Date.
pub(crate) async fn validate(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let mut chain = Vec::new();
    for item in fields.all(Tag::CERTIFICATE) {
        let certificate = Fields::of(item)?;
        let kind = certificate.enumeration(Tag::CERTIFICATE_TYPE)?.unwrap_or(CertificateType::X_509.0);
        if kind != CertificateType::X_509.0 {
            return Err(KmsError::Unsupported(format!("validating {:?} certificates", CertificateType(kind))));
        }
        let der =
            certificate.bytes(Tag::CERTIFICATE_VALUE)?.ok_or_else(|| certificate.missing(Tag::CERTIFICATE_VALUE))?;
        chain.push(ChainLink { der: der.to_vec(), managed: false, compromised: false });
    }
    for item in fields.all(Tag::UNIQUE_IDENTIFIER) {
        let id = item.value.as_text().ok_or_else(|| KmsError::InvalidField("Unique Identifier must be text".into()))?;
        let object = ctx.object(id).await?;
        if object.object_type != ObjectType::CERTIFICATE {
            return Err(KmsError::InvalidField(format!("{id} is a {:?}, not a Certificate", object.object_type)));
        }
        let state = object.state();
        let compromised = state == State::COMPROMISED || state == State::DESTROYED_COMPROMISED;
        chain.push(ChainLink { der: certificate_der(&object)?.to_vec(), managed: true, compromised });
    }
    if chain.is_empty() {
        return Err(KmsError::MissingData("Validate needs certificates or their Unique Identifiers".into()));
    }
    let date = fields.date_time(Tag::VALIDITY_DATE)?.unwrap_or(ctx.now);
    let indicator = validity(&chain, date)?;
    Ok(vec![Ttlv::new(Tag::VALIDITY_INDICATOR, Value::Enumeration(indicator.0))])
}

/// One certificate of a chain to validate.
struct ChainLink {
    der: Vec<u8>,
    /// Held by this server (and so trusted as an anchor).
    managed: bool,
    /// Managed and in a Compromised state.
    compromised: bool,
}

/// The Validity Indicator of a chain (see the module comment).
fn validity(chain: &[ChainLink], date: i64) -> Result<ValidityIndicator, KmsError> {
    let parsed = chain.iter().map(|link| parse(&link.der)).collect::<Result<Vec<_>, _>>()?;
    let order = chain_order(&parsed);
    for (position, &i) in order.iter().enumerate() {
        let cert = &parsed[i];
        if chain[i].compromised {
            return Ok(ValidityIndicator::INVALID);
        }
        let validity = cert.validity();
        if date < validity.not_before.timestamp() || date > validity.not_after.timestamp() {
            return Ok(ValidityIndicator::INVALID);
        }
        let signer = match order.get(position + 1) {
            Some(&next) => &parsed[next],
            // The last one: a self-signed root, or a managed certificate.
            None if same_name(cert.issuer(), cert.subject()) => cert,
            None if chain[i].managed => return Ok(ValidityIndicator::VALID),
            None => return Ok(ValidityIndicator::UNKNOWN),
        };
        if !same_name(cert.issuer(), signer.subject()) {
            return Ok(ValidityIndicator::INVALID);
        }
        match cert.verify_signature(Some(signer.public_key())) {
            Ok(()) => {}
            Err(X509Error::SignatureUnsupportedAlgorithm) => return Ok(ValidityIndicator::UNKNOWN),
            Err(_) => return Ok(ValidityIndicator::INVALID),
        }
    }
    Ok(ValidityIndicator::VALID)
}

/// The chain's order, leaf first: as given when each certificate names
/// the next as its issuer, else sorted by names when that uses every
/// certificate once.
fn chain_order(certs: &[X509Certificate<'_>]) -> Vec<usize> {
    let given: Vec<usize> = (0..certs.len()).collect();
    let chained = |order: &[usize]| order.windows(2).all(|w| same_name(certs[w[0]].issuer(), certs[w[1]].subject()));
    if chained(&given) {
        return given;
    }
    // The leaf issues none of the others.
    let issues = |i: usize, j: usize| i != j && same_name(certs[j].issuer(), certs[i].subject());
    let leaves: Vec<usize> = given.iter().copied().filter(|&i| !given.iter().any(|&j| issues(i, j))).collect();
    let [leaf] = leaves[..] else { return given };
    let mut order = vec![leaf];
    while order.len() < certs.len() {
        let last = order[order.len() - 1];
        let next = given.iter().copied().find(|&j| !order.contains(&j) && issues(j, last));
        match next {
            Some(next) => order.push(next),
            None => return given,
        }
    }
    order
}

fn same_name(a: &X509Name<'_>, b: &X509Name<'_>) -> bool {
    a.as_raw() == b.as_raw() || a.to_string() == b.to_string()
}

/// The Certificate Subject and Issuer name parts (KMIP 2.x §4) and the
/// X.500 attribute each one holds.
const NAME_PARTS: [(&str, Tag, Tag); 12] = [
    ("2.5.4.3", Tag::CERTIFICATE_SUBJECT_CN, Tag::CERTIFICATE_ISSUER_CN),
    ("2.5.4.10", Tag::CERTIFICATE_SUBJECT_O, Tag::CERTIFICATE_ISSUER_O),
    ("2.5.4.11", Tag::CERTIFICATE_SUBJECT_OU, Tag::CERTIFICATE_ISSUER_OU),
    ("1.2.840.113549.1.9.1", Tag::CERTIFICATE_SUBJECT_EMAIL, Tag::CERTIFICATE_ISSUER_EMAIL),
    ("2.5.4.6", Tag::CERTIFICATE_SUBJECT_C, Tag::CERTIFICATE_ISSUER_C),
    ("2.5.4.8", Tag::CERTIFICATE_SUBJECT_ST, Tag::CERTIFICATE_ISSUER_ST),
    ("2.5.4.7", Tag::CERTIFICATE_SUBJECT_L, Tag::CERTIFICATE_ISSUER_L),
    ("0.9.2342.19200300.100.1.1", Tag::CERTIFICATE_SUBJECT_UID, Tag::CERTIFICATE_ISSUER_UID),
    ("2.5.4.5", Tag::CERTIFICATE_SUBJECT_SERIAL_NUMBER, Tag::CERTIFICATE_ISSUER_SERIAL_NUMBER),
    ("2.5.4.12", Tag::CERTIFICATE_SUBJECT_TITLE, Tag::CERTIFICATE_ISSUER_TITLE),
    ("0.9.2342.19200300.100.1.25", Tag::CERTIFICATE_SUBJECT_DC, Tag::CERTIFICATE_ISSUER_DC),
    ("2.5.4.46", Tag::CERTIFICATE_SUBJECT_DN_QUALIFIER, Tag::CERTIFICATE_ISSUER_DN_QUALIFIER),
];

/// The values of `name` of the attribute type `oid`, as text.
fn name_values(name: &X509Name<'_>, oid: &str) -> Vec<String> {
    name.iter_attributes()
        .filter(|a| a.attr_type().to_id_string() == oid)
        .map(|a| match a.as_str() {
            Ok(s) => s.to_owned(),
            Err(_) => String::from_utf8_lossy(a.as_slice()).into_owned(),
        })
        .collect()
}

/// The rcgen name type and value for a KMIP name part (the string types
/// RFC 5280 asks for where it names one).
fn dn_entry(tag: Tag, value: &str) -> Result<(DnType, DnValue), KmsError> {
    let (oid, _, _) = NAME_PARTS
        .iter()
        .find(|(_, subject, _)| *subject == tag)
        .ok_or_else(|| KmsError::Internal(format!("{tag:?} is not a name part")))?;
    let arcs: Vec<u64> = oid.split('.').filter_map(|arc| arc.parse().ok()).collect();
    let bad = |e: rcgen::Error| KmsError::InvalidField(format!("{tag:?} {value:?}: {e}"));
    let dn_value = match *oid {
        "1.2.840.113549.1.9.1" | "0.9.2342.19200300.100.1.25" => DnValue::Ia5String(value.try_into().map_err(bad)?),
        "2.5.4.6" | "2.5.4.5" | "2.5.4.46" => DnValue::PrintableString(value.try_into().map_err(bad)?),
        _ => DnValue::Utf8String(value.to_owned()),
    };
    Ok((DnType::from_oid(&arcs), dn_value))
}

/// The KMIP Digital Signature Algorithm of a signature algorithm OID.
fn signature_algorithm(oid: &str) -> Option<DigitalSignatureAlgorithm> {
    use DigitalSignatureAlgorithm as D;
    Some(match oid {
        "1.2.840.113549.1.1.2" => D::MD2_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.4" => D::MD5_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.5" => D::SHA_1_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.14" => D::SHA_224_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.11" => D::SHA_256_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.12" => D::SHA_384_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.13" => D::SHA_512_WITH_RSA_ENCRYPTION,
        "1.2.840.113549.1.1.10" => D::RSASSA_PSS,
        "1.2.840.10040.4.3" => D::DSA_WITH_SHA_1,
        "2.16.840.1.101.3.4.3.1" => D::DSA_WITH_SHA224,
        "2.16.840.1.101.3.4.3.2" => D::DSA_WITH_SHA256,
        "1.2.840.10045.4.1" => D::ECDSA_WITH_SHA_1,
        "1.2.840.10045.4.3.1" => D::ECDSA_WITH_SHA224,
        "1.2.840.10045.4.3.2" => D::ECDSA_WITH_SHA256,
        "1.2.840.10045.4.3.3" => D::ECDSA_WITH_SHA384,
        "1.2.840.10045.4.3.4" => D::ECDSA_WITH_SHA512,
        "2.16.840.1.101.3.4.3.14" => D::SHA3_256_WITH_RSA_ENCRYPTION,
        "2.16.840.1.101.3.4.3.15" => D::SHA3_384_WITH_RSA_ENCRYPTION,
        "2.16.840.1.101.3.4.3.16" => D::SHA3_512_WITH_RSA_ENCRYPTION,
        _ => return None,
    })
}

/// The Cryptographic Algorithm and Length of a SubjectPublicKeyInfo the
/// server knows (RSA, EC P-256/P-384, Ed25519).
fn key_algorithm(spki: &[u8]) -> Option<(CryptographicAlgorithm, i32)> {
    let (kind, _) = formats::identify_public(spki).ok()?;
    Some(match kind {
        AsymmetricKind::Rsa => {
            (CryptographicAlgorithm::RSA, i32::try_from(formats::rsa_modulus_bits(spki).ok()?).ok()?)
        }
        AsymmetricKind::EcP256 => (CryptographicAlgorithm::EC, 256),
        AsymmetricKind::EcP384 => (CryptographicAlgorithm::EC, 384),
        AsymmetricKind::Ed25519 => (CryptographicAlgorithm::ED25519, 255),
    })
}

/// The raw value of the certificate's extension `oid`, if present.
fn extension_value(cert: &X509Certificate<'_>, oid: &x509_parser::der_parser::Oid<'_>) -> Option<Vec<u8>> {
    cert.extensions().iter().find(|e| &e.oid == oid).map(|e| e.value.to_vec())
}

fn parse(der: &[u8]) -> Result<X509Certificate<'_>, KmsError> {
    let (rest, cert) = X509Certificate::from_der(der)
        .map_err(|e| KmsError::InvalidField(format!("the certificate is not valid X.509: {e}")))?;
    if !rest.is_empty() {
        return Err(KmsError::InvalidField("trailing data after the X.509 certificate".into()));
    }
    Ok(cert)
}

fn bytes(data: &[u8]) -> Bytes {
    Bytes::copy_from_slice(data)
}

/// The request's attributes, sorted by what Certify does with them.
struct CertifyAttributes {
    /// Certificate Type, if given.
    certificate_type: Option<u32>,
    /// The issuer's certificate (Certificate Link).
    issuer_certificate: Option<String>,
    /// The signing key (Private Key Link).
    signer: Option<String>,
    /// Subject name parts (2.x Certificate Subject CN, ...).
    subject_parts: Vec<(Tag, String)>,
    /// A DER subject name (1.x X.509 Certificate Subject).
    subject_der: Option<Bytes>,
    /// The rest, checked as client attributes for the new certificate.
    rest: Vec<Attribute>,
}

impl CertifyAttributes {
    fn split(given: Vec<Attribute>) -> Result<CertifyAttributes, KmsError> {
        let mut out = CertifyAttributes {
            certificate_type: None,
            issuer_certificate: None,
            signer: None,
            subject_parts: Vec::new(),
            subject_der: None,
            rest: Vec::new(),
        };
        let mut rest = Vec::new();
        for attribute in given {
            let AttributeKey::Standard(tag) = attribute.key() else {
                rest.push(attribute);
                continue;
            };
            let value = attribute.value();
            if tag == Tag::CERTIFICATE_TYPE {
                out.certificate_type = value.as_enumeration();
            } else if NAME_PARTS.iter().any(|(_, subject, _)| *subject == tag) {
                let text = value.as_text().ok_or_else(|| KmsError::InvalidField(format!("{tag:?} must be text")))?;
                out.subject_parts.push((tag, text.to_owned()));
            } else if tag == Tag::X_509_CERTIFICATE_SUBJECT {
                let item = Ttlv::new(tag, value.clone());
                out.subject_der = Fields::of(&item)?.bytes(Tag::SUBJECT_DISTINGUISHED_NAME)?.cloned();
            } else if tag == Tag::LINK && link_of(value, LinkType::CERTIFICATE_LINK).is_some() {
                out.issuer_certificate = link_of(value, LinkType::CERTIFICATE_LINK);
            } else if tag == Tag::LINK && link_of(value, LinkType::PRIVATE_KEY_LINK).is_some() {
                out.signer = link_of(value, LinkType::PRIVATE_KEY_LINK);
            } else {
                rest.push(attribute);
            }
        }
        out.rest = client_attributes(rest, ObjectType::CERTIFICATE)?;
        Ok(out)
    }

    /// The subject name the request gives, if any.
    fn subject_name(&self) -> Result<Option<DistinguishedName>, KmsError> {
        if let Some(der) = &self.subject_der {
            let (_, name) = X509Name::from_der(&der[..])
                .map_err(|e| KmsError::InvalidField(format!("the Subject Distinguished Name: {e}")))?;
            return distinguished_name(&name).map(Some);
        }
        if self.subject_parts.is_empty() {
            return Ok(None);
        }
        let mut dn = DistinguishedName::new();
        for (tag, value) in &self.subject_parts {
            let (kind, value) = dn_entry(*tag, value)?;
            dn.push(kind, value);
        }
        Ok(Some(dn))
    }
}

/// The Linked Object Identifier of a Link value of `link_type`.
fn link_of(value: &Value, link_type: LinkType) -> Option<String> {
    let children = value.as_structure()?;
    let kind = children.iter().find(|c| c.tag == Tag::LINK_TYPE)?.value.as_enumeration()?;
    if kind != link_type.0 {
        return None;
    }
    children.iter().find(|c| c.tag == Tag::LINKED_OBJECT_IDENTIFIER)?.value.as_text().map(str::to_owned)
}

/// The object's newest Link of `link_type`.
pub(crate) fn linked(object: &ManagedObject, link_type: LinkType) -> Option<String> {
    object
        .attributes
        .iter()
        .filter(|a| a.key() == AttributeKey::Standard(Tag::LINK))
        .filter_map(|a| link_of(a.value(), link_type))
        .next_back()
}

/// The Public Key to certify: `id` itself, or the Public Key a Private
/// Key links to.
async fn certified_public_key(ctx: &mut OpContext<'_>, id: &str) -> Result<ManagedObject, KmsError> {
    let object = ctx.object(id).await?;
    match object.object_type {
        ObjectType::PUBLIC_KEY => Ok(object),
        ObjectType::PRIVATE_KEY => {
            let public = linked(&object, LinkType::PUBLIC_KEY_LINK)
                .ok_or_else(|| KmsError::InvalidField(format!("the private key {id} has no Public Key Link")))?;
            ctx.object(&public).await
        }
        other => Err(KmsError::InvalidField(format!("{id} is a {other:?}: Certify takes a Public Key"))),
    }
}

/// A managed X.509 certificate to issue under.
async fn issuer_certificate(ctx: &mut OpContext<'_>, id: &str) -> Result<ManagedObject, KmsError> {
    let cert = ctx.object(id).await?;
    if cert.object_type != ObjectType::CERTIFICATE {
        return Err(KmsError::InvalidField(format!("the issuer {id} is a {:?}, not a Certificate", cert.object_type)));
    }
    if cert.date(Tag::ARCHIVE_DATE).is_some() {
        return Err(KmsError::ObjectArchived(id.to_owned()));
    }
    let state = cert.state();
    if state == State::COMPROMISED || state == State::DESTROYED_COMPROMISED {
        return Err(KmsError::WrongState(format!("the issuer certificate {id} is compromised")));
    }
    certificate_der(&cert)?;
    Ok(cert)
}

/// The private key of a certificate's public key, through the links.
async fn certificate_private_key(ctx: &mut OpContext<'_>, cert: &ManagedObject) -> Result<Option<String>, KmsError> {
    if let Some(private) = linked(cert, LinkType::PRIVATE_KEY_LINK) {
        return Ok(Some(private));
    }
    let Some(public) = linked(cert, LinkType::PUBLIC_KEY_LINK) else { return Ok(None) };
    Ok(linked(&ctx.object(&public).await?, LinkType::PRIVATE_KEY_LINK))
}

/// A certificate object's DER.
fn certificate_der(cert: &ManagedObject) -> Result<&Bytes, KmsError> {
    let value = cert.value.as_ref().ok_or_else(|| KmsError::ObjectDestroyed(cert.id.clone()))?;
    let kind = value.child(Tag::CERTIFICATE_TYPE).and_then(|t| t.value.as_enumeration());
    if kind.is_some_and(|k| k != CertificateType::X_509.0) {
        return Err(KmsError::Unsupported(format!("{} is not an X.509 certificate", cert.id)));
    }
    value
        .child(Tag::CERTIFICATE_VALUE)
        .and_then(|v| v.value.as_bytes())
        .ok_or_else(|| KmsError::Internal(format!("certificate {} without a value", cert.id)))
}

/// The Certificate object for DER bytes.
fn certificate_value(der: &[u8]) -> Ttlv {
    Ttlv::structure(
        Tag::CERTIFICATE,
        vec![
            Ttlv::new(Tag::CERTIFICATE_TYPE, Value::Enumeration(CertificateType::X_509.0)),
            Ttlv::new(Tag::CERTIFICATE_VALUE, Value::ByteString(bytes(der))),
        ],
    )
}

/// A signing key may sign certificates now: usable to Sign, or holding a
/// usage mask that allows Certificate Sign.
fn check_signer(key: &ManagedObject, now: i64) -> Result<(), KmsError> {
    match check_usable(key, Use::Sign, now) {
        Err(KmsError::IncompatibleUsageMask(message)) => {
            let mask = key.attribute(Tag::CRYPTOGRAPHIC_USAGE_MASK).and_then(Value::as_integer).unwrap_or(0);
            if CryptographicUsageMask(mask as u32).contains(CryptographicUsageMask::CERTIFICATE_SIGN) {
                Ok(())
            } else {
                Err(KmsError::IncompatibleUsageMask(message))
            }
        }
        other => other,
    }
}

/// Checks that a certificate request parses and its signature holds.
pub(crate) fn check_request(kind: CertificateRequestType, value: &[u8]) -> Result<(), KmsError> {
    parse_request(kind, value).map(|_| ())
}

/// A certificate request, parsed and its signature checked.
fn parse_request(kind: CertificateRequestType, value: &[u8]) -> Result<CertificateSigningRequestParams, KmsError> {
    let bad = |e: rcgen::Error| KmsError::InvalidField(format!("the certificate request: {e}"));
    match kind {
        CertificateRequestType::PKCS_10 => CertificateSigningRequestParams::from_der(&value.into()).map_err(bad),
        CertificateRequestType::PEM => {
            let text = std::str::from_utf8(value)
                .map_err(|_| KmsError::InvalidField("a PEM certificate request must be text".into()))?;
            CertificateSigningRequestParams::from_pem(text).map_err(bad)
        }
        other => Err(KmsError::Unsupported(format!("{other:?} certificate requests"))),
    }
}

/// A SubjectPublicKeyInfo in its canonical DER, for comparing keys.
fn canonical_spki(spki: &[u8]) -> Result<Vec<u8>, KmsError> {
    formats::public_to_spki(spki).map_err(format_error)
}

fn datetime(unix: i64) -> Result<time::OffsetDateTime, KmsError> {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .map_err(|e| KmsError::InvalidField(format!("{unix} is not a certificate date: {e}")))
}

/// An issuer key that signs through the [`CryptoEngine`]: rcgen asks it
/// to sign the TBSCertificate; the key stays behind the engine's API.
struct EngineSigner<'a> {
    crypto: &'a dyn CryptoEngine,
    key: KeyRef<'a>,
    scheme: SignatureScheme,
    /// The matching public key (canonical SubjectPublicKeyInfo DER).
    spki: Vec<u8>,
    /// The public key as rcgen reads it, naming the signature algorithm.
    public: rcgen::SubjectPublicKeyInfo,
    algorithm: &'static SignatureAlgorithm,
    /// Why the engine failed, if it did: rcgen only carries a unit error.
    failure: RefCell<Option<KmsError>>,
}

impl<'a> EngineSigner<'a> {
    fn new(crypto: &'a dyn CryptoEngine, key: &'a EngineKey) -> Result<EngineSigner<'a>, KmsError> {
        let (scheme, algorithm): (SignatureScheme, &'static SignatureAlgorithm) = match key.kind {
            KeyKind::RsaPrivate => (SignatureScheme::RsaPkcs1v15(HashAlgorithm::Sha256), &rcgen::PKCS_RSA_SHA256),
            KeyKind::EcPrivate(Curve::P256) => {
                (SignatureScheme::Ecdsa(HashAlgorithm::Sha256), &rcgen::PKCS_ECDSA_P256_SHA256)
            }
            KeyKind::EcPrivate(Curve::P384) => {
                (SignatureScheme::Ecdsa(HashAlgorithm::Sha384), &rcgen::PKCS_ECDSA_P384_SHA384)
            }
            KeyKind::Ed25519Private => (SignatureScheme::Ed25519, &rcgen::PKCS_ED25519),
            other => return Err(KmsError::Unsupported(format!("signing certificates with a {other:?} key"))),
        };
        let spki = canonical_spki(&formats::public_from_private(&key.material).map_err(format_error)?)?;
        let public = rcgen::SubjectPublicKeyInfo::from_der(&spki)
            .map_err(|e| KmsError::Unsupported(format!("signing certificates with this key: {e}")))?;
        Ok(EngineSigner { crypto, key: key.key_ref(), scheme, spki, public, algorithm, failure: RefCell::new(None) })
    }
}

impl PublicKeyData for EngineSigner<'_> {
    fn der_bytes(&self) -> &[u8] {
        self.public.der_bytes()
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        self.algorithm
    }
}

impl SigningKey for EngineSigner<'_> {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        self.crypto.sign(self.key, self.scheme, SignInput::Data(msg)).map_err(|e| {
            *self.failure.borrow_mut() = Some(e);
            rcgen::Error::RemoteKeyError
        })
    }
}

#[cfg(test)]
mod tests {
    use kmip_ttlv::enums::ResultReason;
    use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};
    use x509_parser::prelude::FromDer;

    use super::super::test_kms::{NOW, harness, text, uid};
    use super::certificate_attributes;
    use crate::crypto::formats;

    harness!();

    /// A managed key pair: private and public identifiers.
    struct Pair {
        private: String,
        public: String,
    }

    impl Harness {
        /// Create Key Pair (2.1) of `algorithm` and `bits`, both halves
        /// activated.
        async fn pair(&self, algorithm: &str, bits: u32) -> Pair {
            let payload = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
                           <CommonAttributes><CryptographicAlgorithm type="Enumeration" value="{algorithm}"/>
                           <CryptographicLength type="Integer" value="{bits}"/></CommonAttributes>
                           <PrivateKeyAttributes><CryptographicUsageMask type="Integer" value="1"/></PrivateKeyAttributes>
                           <PublicKeyAttributes><CryptographicUsageMask type="Integer" value="2"/></PublicKeyAttributes>
                           </RequestPayload>"#
                    ),
                )
                .await;
            let pair = Pair {
                private: text(&payload, Tag::PRIVATE_KEY_UNIQUE_IDENTIFIER),
                public: text(&payload, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER),
            };
            for id in [&pair.private, &pair.public] {
                self.activate(id).await;
            }
            pair
        }

        async fn activate(&self, id: &str) {
            self.simple("2.1", "Activate", id).await;
        }

        /// Certify (2.1) with `fields`; the certificate's identifier.
        async fn certify(&self, fields: &str) -> String {
            let payload = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>{fields}</RequestPayload>"#
                    ),
                )
                .await;
            text(&payload, Tag::UNIQUE_IDENTIFIER)
        }

        /// The DER of a managed certificate.
        async fn certificate(&self, id: &str) -> Vec<u8> {
            let payload = self.simple("2.1", "Get", id).await;
            let cert = payload.child(Tag::CERTIFICATE).expect("a Certificate");
            assert_eq!(cert.child(Tag::CERTIFICATE_TYPE).and_then(|t| t.value.as_enumeration()), Some(0x01));
            cert.child(Tag::CERTIFICATE_VALUE).and_then(|v| v.value.as_bytes()).expect("value").to_vec()
        }

        /// A managed public key as canonical SubjectPublicKeyInfo.
        async fn public_spki(&self, id: &str) -> Vec<u8> {
            let payload = self.simple("2.1", "Get", id).await;
            let material = payload
                .child(Tag::PUBLIC_KEY)
                .and_then(|k| k.child(Tag::KEY_BLOCK))
                .and_then(|b| b.child(Tag::KEY_VALUE))
                .and_then(|v| v.child(Tag::KEY_MATERIAL))
                .and_then(|m| m.value.as_bytes())
                .expect("key material");
            formats::public_to_spki(material).expect("a public key")
        }

        async fn validate(&self, fields: &str) -> u32 {
            let payload = self
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="Validate"/><RequestPayload>{fields}</RequestPayload>"#
                    ),
                )
                .await;
            payload.child(Tag::VALIDITY_INDICATOR).and_then(|v| v.value.as_enumeration()).expect("indicator")
        }
    }

    /// A new key and a PKCS#10 request for it: CN `cn`, one DNS name.
    fn certificate_request(cn: &str) -> (rcgen::KeyPair, rcgen::CertificateSigningRequest) {
        let requester = rcgen::KeyPair::generate().expect("key pair");
        let mut params = rcgen::CertificateParams::new(vec!["client.example".to_owned()]).expect("params");
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(rcgen::DnType::CommonName, cn);
        let csr = params.serialize_request(&requester).expect("CSR");
        (requester, csr)
    }

    fn certificate_link(id: &str) -> String {
        format!(
            r#"<Link><LinkType type="Enumeration" value="CertificateLink"/>
               <LinkedObjectIdentifier type="TextString" value="{id}"/></Link>"#
        )
    }

    fn by_value(der: &[u8]) -> String {
        format!(
            r#"<Certificate><CertificateType type="Enumeration" value="X_509"/>
               <CertificateValue type="ByteString" value="{}"/></Certificate>"#,
            hex::encode(der)
        )
    }

    fn parse(der: &[u8]) -> x509_parser::certificate::X509Certificate<'_> {
        let (rest, cert) = x509_parser::certificate::X509Certificate::from_der(der).expect("X.509");
        assert!(rest.is_empty());
        cert
    }

    fn cn(name: &x509_parser::x509::X509Name<'_>) -> String {
        name.iter_common_name().next().and_then(|c| c.as_str().ok()).expect("a CN").to_owned()
    }

    const VALID: u32 = 0x01;
    const INVALID: u32 = 0x02;
    const UNKNOWN: u32 = 0x03;

    #[tokio::test]
    async fn self_signed_and_ca_signed_certificates() {
        for (algorithm, bits) in [("EC", 256), ("RSA", 2048), ("EC", 384)] {
            let h = Harness::new();
            let ca = h.pair(algorithm, bits).await;
            let leaf = h.pair("EC", 256).await;
            // Self-signed: no issuer named, the public key's own private key signs.
            let ca_cert_id = h
                .certify(&format!(
                    r#"{}<Attributes><CertificateSubjectCN type="TextString" value="Test CA"/>
                       <CertificateSubjectO type="TextString" value="kms"/></Attributes>"#,
                    uid(&ca.public)
                ))
                .await;
            let ca_der = h.certificate(&ca_cert_id).await;
            let ca_cert = parse(&ca_der);
            assert_eq!(cn(ca_cert.subject()), "Test CA");
            assert_eq!(ca_cert.subject().as_raw(), ca_cert.issuer().as_raw(), "self-signed");
            assert!(ca_cert.is_ca());
            assert_eq!(ca_cert.public_key().raw, &h.public_spki(&ca.public).await[..], "{algorithm} {bits}");
            ca_cert.verify_signature(None).expect("the self-signature verifies");
            assert_eq!(ca_cert.validity().not_before.timestamp(), NOW);

            // Issued by the CA, named by its certificate.
            let leaf_cert_id = h
                .certify(&format!(
                    r#"{}<Attributes><CertificateSubjectCN type="TextString" value="leaf"/>{}</Attributes>"#,
                    uid(&leaf.public),
                    certificate_link(&ca_cert_id)
                ))
                .await;
            let leaf_der = h.certificate(&leaf_cert_id).await;
            let leaf_cert = parse(&leaf_der);
            assert_eq!(cn(leaf_cert.subject()), "leaf");
            assert_eq!(cn(leaf_cert.issuer()), "Test CA");
            assert!(!leaf_cert.is_ca());
            assert_eq!(leaf_cert.public_key().raw, &h.public_spki(&leaf.public).await[..]);
            leaf_cert.verify_signature(Some(ca_cert.public_key())).expect("signed by the CA key");
            assert!(leaf_cert.verify_signature(None).is_err(), "not self-signed");

            // Links both ways, and to the issuer.
            let public_links = h.links(&leaf.public).await;
            assert!(public_links.contains(&(0x101, leaf_cert_id.clone())), "{public_links:?}");
            let cert_links = h.links(&leaf_cert_id).await;
            assert!(cert_links.contains(&(0x102, leaf.public.clone())), "{cert_links:?}");
            assert!(cert_links.contains(&(0x101, ca_cert_id.clone())), "{cert_links:?}");

            // The same issued with the CA named by its private key.
            let again = h
                .certify(&format!(
                    r#"{}<Attributes><Link><LinkType type="Enumeration" value="PrivateKeyLink"/>
                       <LinkedObjectIdentifier type="TextString" value="{}"/></Link></Attributes>"#,
                    uid(&leaf.public),
                    ca.private
                ))
                .await;
            let again_der = h.certificate(&again).await;
            let again_cert = parse(&again_der);
            assert_eq!(cn(again_cert.issuer()), "Test CA");
            again_cert.verify_signature(Some(ca_cert.public_key())).expect("signed by the CA key");
            assert_ne!(again_cert.raw_serial(), leaf_cert.raw_serial());

            // The derived attributes of the issued certificate.
            let attributes = h
                .ok(
                    "2.1",
                    &format!(
                        r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                           <AttributeReference type="Enumeration" value="CertificateSubjectCN"/>
                           <AttributeReference type="Enumeration" value="CertificateIssuerCN"/>
                           <AttributeReference type="Enumeration" value="CertificateType"/>
                           <AttributeReference type="Enumeration" value="DigitalSignatureAlgorithm"/>
                           </RequestPayload>"#,
                        uid(&leaf_cert_id)
                    ),
                )
                .await;
            let attributes = attributes.child(Tag::ATTRIBUTES).expect("attributes");
            assert_eq!(text(attributes, Tag::CERTIFICATE_SUBJECT_CN), "leaf");
            assert_eq!(text(attributes, Tag::CERTIFICATE_ISSUER_CN), "Test CA");
            let algorithm_of_ca =
                attributes.child(Tag::DIGITAL_SIGNATURE_ALGORITHM).and_then(|a| a.value.as_enumeration());
            let expected = match (algorithm, bits) {
                ("RSA", _) => 0x05,
                (_, 256) => 0x0E,
                _ => 0x0F,
            };
            assert_eq!(algorithm_of_ca, Some(expected), "{algorithm} {bits}");
        }
    }

    #[tokio::test]
    async fn recertify_renews_for_the_same_key() {
        let h = Harness::new();
        let ca = h.pair("EC", 256).await;
        let leaf = h.pair("EC", 256).await;
        let ca_cert = h
            .certify(&format!(
                r#"{}<Attributes><CertificateSubjectCN type="TextString" value="Test CA"/></Attributes>"#,
                uid(&ca.public)
            ))
            .await;
        let old = h
            .certify(&format!(
                r#"{}<Attributes><CertificateSubjectCN type="TextString" value="leaf"/>{}
                   <Name><NameValue type="TextString" value="leaf-cert"/>
                   <NameType type="Enumeration" value="UninterpretedTextString"/></Name></Attributes>"#,
                uid(&leaf.public),
                certificate_link(&ca_cert)
            ))
            .await;
        let payload = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="ReCertify"/><RequestPayload>{}
                       <Offset type="Interval" value="3600"/></RequestPayload>"#,
                    uid(&old)
                ),
            )
            .await;
        let new = text(&payload, Tag::UNIQUE_IDENTIFIER);
        assert_ne!(new, old);
        let (old_der, new_der) = (h.certificate(&old).await, h.certificate(&new).await);
        let (old_cert, new_cert) = (parse(&old_der), parse(&new_der));
        assert_eq!(cn(new_cert.subject()), "leaf");
        assert_eq!(cn(new_cert.issuer()), "Test CA");
        assert_eq!(new_cert.public_key().raw, old_cert.public_key().raw, "the same key");
        assert_ne!(new_cert.raw_serial(), old_cert.raw_serial());
        let ca_der = h.certificate(&ca_cert).await;
        new_cert.verify_signature(Some(parse(&ca_der).public_key())).expect("signed by the same CA");

        let new_links = h.links(&new).await;
        assert!(new_links.contains(&(0x107, old.clone())), "Replaced Object Link: {new_links:?}");
        assert!(new_links.contains(&(0x102, leaf.public.clone())), "Public Key Link: {new_links:?}");
        assert!(new_links.contains(&(0x101, ca_cert.clone())), "Certificate Link: {new_links:?}");
        assert!(h.links(&old).await.contains(&(0x106, new.clone())), "Replacement Object Link");
        assert!(h.links(&leaf.public).await.contains(&(0x101, new.clone())), "the key links the new certificate");

        // The Name moved to the new certificate; the Offset set its activation.
        let names = h.attribute(&new, "Name").await;
        let name = names.first().and_then(|n| n.child(Tag::NAME_VALUE)).and_then(|v| v.value.as_text());
        assert_eq!(name, Some("leaf-cert"));
        let activation = h.attribute(&new, "ActivationDate").await;
        assert_eq!(activation.first().and_then(|d| d.value.as_date_time()), Some(NOW + 3600));
        assert!(h.attribute(&old, "Name").await.is_empty(), "the old certificate lost its Name");

        // A self-signed certificate is renewed self-signed, still a CA.
        let renewed_ca = text(&h.simple("1.4", "ReCertify", &ca_cert).await, Tag::UNIQUE_IDENTIFIER);
        let renewed_der = h.certificate(&renewed_ca).await;
        let renewed = parse(&renewed_der);
        assert_eq!(cn(renewed.subject()), "Test CA");
        assert!(renewed.is_ca());
        renewed.verify_signature(None).expect("self-signed");

        // Only certificates are re-certified.
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="ReCertify"/><RequestPayload>{}</RequestPayload>"#,
                uid(&leaf.public)
            ),
            ResultReason::INVALID_FIELD,
        )
        .await;
    }

    #[tokio::test]
    async fn managed_certificate_requests() {
        let h = Harness::new();
        let ca = h.pair("EC", 256).await;
        let ca_cert = h.certify(&uid(&ca.public)).await;
        let (requester, csr) = certificate_request("requester");
        let register = |value: Vec<u8>| {
            format!(
                r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                   <ObjectType type="Enumeration" value="CertificateRequest"/><Attributes/>
                   <CertificateRequest><CertificateRequestType type="Enumeration" value="PKCS_10"/>
                   <CertificateRequestValue type="ByteString" value="{}"/></CertificateRequest></RequestPayload>"#,
                hex::encode(value)
            )
        };
        let request_id = text(&h.ok("2.1", &register(csr.der().to_vec())).await, Tag::UNIQUE_IDENTIFIER);
        let stored = h.simple("2.1", "Get", &request_id).await;
        assert_eq!(stored.child(Tag::OBJECT_TYPE).and_then(|t| t.value.as_enumeration()), Some(0x0A));
        let id = h
            .certify(&format!(
                r#"<CertificateRequestUniqueIdentifier type="TextString" value="{request_id}"/>
                   <Attributes>{}</Attributes>"#,
                certificate_link(&ca_cert)
            ))
            .await;
        let der = h.certificate(&id).await;
        let cert = parse(&der);
        assert_eq!(cn(cert.subject()), "requester");
        assert_eq!(cert.public_key().subject_public_key.data.as_ref(), requester.public_key_raw());

        // Re-certify with the request: the new certificate is for its key.
        let other = h.pair("EC", 256).await;
        let other_cert =
            h.certify(&format!("{}<Attributes>{}</Attributes>", uid(&other.public), certificate_link(&ca_cert))).await;
        let payload = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="ReCertify"/><RequestPayload>{}
                       <CertificateRequestUniqueIdentifier type="TextString" value="{request_id}"/></RequestPayload>"#,
                    uid(&other_cert)
                ),
            )
            .await;
        let renewed_der = h.certificate(&text(&payload, Tag::UNIQUE_IDENTIFIER)).await;
        assert_eq!(parse(&renewed_der).public_key().subject_public_key.data.as_ref(), requester.public_key_raw());

        // Garbage is not kept as a certificate request; 1.x has no such object.
        h.fails("2.1", &register(vec![0x30, 0x03, 0x02, 0x01, 0x01]), ResultReason::INVALID_FIELD).await;
        h.fails(
            "1.4",
            r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
               <ObjectType type="Enumeration" value="CertificateRequest"/><TemplateAttribute/></RequestPayload>"#,
            ResultReason::INVALID_FIELD,
        )
        .await;
    }

    #[tokio::test]
    async fn certifying_a_certificate_request() {
        let h = Harness::new();
        let ca = h.pair("EC", 256).await;
        let ca_cert = h.certify(&uid(&ca.public)).await;
        let (requester, csr) = certificate_request("requester");
        let id = h
            .certify(&format!(
                r#"<CertificateRequestType type="Enumeration" value="PKCS_10"/>
                   <CertificateRequestValue type="ByteString" value="{}"/><Attributes>{}</Attributes>"#,
                hex::encode(csr.der()),
                certificate_link(&ca_cert)
            ))
            .await;
        let der = h.certificate(&id).await;
        let cert = parse(&der);
        assert_eq!(cn(cert.subject()), "requester");
        assert_eq!(cert.public_key().subject_public_key.data.as_ref(), requester.public_key_raw());
        let ca_der = h.certificate(&ca_cert).await;
        cert.verify_signature(Some(parse(&ca_der).public_key())).expect("signed by the CA");
        let san = cert.subject_alternative_name().expect("SAN").expect("a SAN");
        assert_eq!(san.value.general_names.len(), 1);

        // A request whose signature is broken is refused.
        let mut broken = csr.der().to_vec();
        let last = broken.len() - 1;
        broken[last] ^= 0x01;
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>
                   <CertificateRequestType type="Enumeration" value="PKCS_10"/>
                   <CertificateRequestValue type="ByteString" value="{}"/><Attributes>{}</Attributes></RequestPayload>"#,
                hex::encode(&broken),
                certificate_link(&ca_cert)
            ),
            ResultReason::INVALID_FIELD,
        )
        .await;
    }

    #[tokio::test]
    async fn certify_refusals_and_kmip_1_4() {
        let h = Harness::new();
        let pair = h.pair("EC", 256).await;
        let other = h.pair("EC", 256).await;
        // 1.4: Template-Attribute, and the ID Placeholder of a Create Key Pair
        // (the private key) stands for its public key.
        let payload = h
            .ok(
                "1.4",
                &format!(
                    r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>{}<TemplateAttribute/>
                       </RequestPayload>"#,
                    uid(&pair.private)
                ),
            )
            .await;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER);
        let der = h.certificate(&id).await;
        assert_eq!(parse(&der).public_key().raw, &h.public_spki(&pair.public).await[..]);
        // A signing key that is not the key's own and has no certificate.
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>{}<Attributes>
                   <Link><LinkType type="Enumeration" value="PrivateKeyLink"/>
                   <LinkedObjectIdentifier type="TextString" value="{}"/></Link></Attributes></RequestPayload>"#,
                uid(&pair.public),
                other.private
            ),
            ResultReason::MISSING_DATA,
        )
        .await;
        // A pre-active signing key cannot sign.
        let fresh = h
            .ok(
                "2.1",
                r#"<Operation type="Enumeration" value="CreateKeyPair"/><RequestPayload>
                   <CommonAttributes><CryptographicAlgorithm type="Enumeration" value="EC"/>
                   <CryptographicLength type="Integer" value="256"/></CommonAttributes></RequestPayload>"#,
            )
            .await;
        let fresh_public = text(&fresh, Tag::PUBLIC_KEY_UNIQUE_IDENTIFIER);
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>{}</RequestPayload>"#,
                uid(&fresh_public)
            ),
            ResultReason::WRONG_KEY_LIFECYCLE_STATE,
        )
        .await;
        // A symmetric key is not certified.
        let key = h.aes_128_key().await;
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Certify"/><RequestPayload>{}</RequestPayload>"#,
                uid(&key)
            ),
            ResultReason::INVALID_FIELD,
        )
        .await;
    }

    #[tokio::test]
    async fn validate_chains() {
        let h = Harness::new();
        let ca = h.pair("EC", 256).await;
        let leaf = h.pair("RSA", 2048).await;
        let ca_cert = h.certify(&uid(&ca.public)).await;
        let leaf_cert =
            h.certify(&format!("{}<Attributes>{}</Attributes>", uid(&leaf.public), certificate_link(&ca_cert))).await;
        let ca_der = h.certificate(&ca_cert).await;
        let leaf_der = h.certificate(&leaf_cert).await;

        // By identifier, by value, mixed, and in either order.
        assert_eq!(h.validate(&format!("{}{}", uid(&leaf_cert), uid(&ca_cert))).await, VALID);
        assert_eq!(h.validate(&format!("{}{}", by_value(&leaf_der), by_value(&ca_der))).await, VALID);
        assert_eq!(h.validate(&format!("{}{}", by_value(&leaf_der), uid(&ca_cert))).await, VALID);
        assert_eq!(h.validate(&format!("{}{}", uid(&ca_cert), uid(&leaf_cert))).await, VALID);
        // A managed certificate alone is trusted; an unmanaged one without
        // its issuer is unknown.
        assert_eq!(h.validate(&uid(&leaf_cert)).await, VALID);
        assert_eq!(h.validate(&by_value(&leaf_der)).await, UNKNOWN);
        assert_eq!(h.validate(&by_value(&ca_der)).await, VALID);

        // A broken signature.
        let mut broken = leaf_der.clone();
        let last = broken.len() - 1;
        broken[last] ^= 0x01;
        assert_eq!(h.validate(&format!("{}{}", by_value(&broken), uid(&ca_cert))).await, INVALID);
        // Signed by another key than the named issuer's.
        let other = h.pair("EC", 256).await;
        let other_cert = h.certify(&uid(&other.public)).await;
        let other_der = h.certificate(&other_cert).await;
        assert_eq!(h.validate(&format!("{}{}", by_value(&leaf_der), by_value(&other_der))).await, INVALID);

        // Expired at the Validity Date, and not yet valid.
        let later = NOW + 2 * 365 * 24 * 60 * 60;
        let at = |date: i64| {
            let date = time::OffsetDateTime::from_unix_timestamp(date).expect("date");
            format!(
                r#"<ValidityDate type="DateTime" value="{}"/>"#,
                date.format(&time::format_description::well_known::Rfc3339).expect("format")
            )
        };
        assert_eq!(h.validate(&format!("{}{}{}", uid(&leaf_cert), uid(&ca_cert), at(later))).await, INVALID);
        assert_eq!(h.validate(&format!("{}{}{}", uid(&leaf_cert), uid(&ca_cert), at(NOW - 60))).await, INVALID);
        assert_eq!(h.validate(&format!("{}{}{}", uid(&leaf_cert), uid(&ca_cert), at(NOW + 60))).await, VALID);

        // Not a certificate; nothing to validate.
        h.fails(
            "2.1",
            &format!(
                r#"<Operation type="Enumeration" value="Validate"/><RequestPayload>{}</RequestPayload>"#,
                uid(&ca.public)
            ),
            ResultReason::INVALID_FIELD,
        )
        .await;
        h.fails(
            "2.1",
            r#"<Operation type="Enumeration" value="Validate"/><RequestPayload/>"#,
            ResultReason::MISSING_DATA,
        )
        .await;
    }

    #[test]
    fn attributes_from_a_certificate() {
        let key = rcgen::KeyPair::generate().expect("key pair");
        let mut params = rcgen::CertificateParams::new(vec!["a.example".to_owned()]).expect("params");
        let mut name = rcgen::DistinguishedName::new();
        name.push(rcgen::DnType::CountryName, "AU");
        name.push(rcgen::DnType::OrganizationName, "O");
        name.push(rcgen::DnType::OrganizationalUnitName, "OU");
        name.push(rcgen::DnType::CommonName, "CN");
        params.distinguished_name = name;
        let der = params.self_signed(&key).expect("certificate").der().to_vec();
        let cert = parse(&der);

        let attributes = certificate_attributes(&der, ProtocolVersion::V2_1).expect("attributes");
        let one = |tag: Tag| {
            let found: Vec<&Value> = attributes
                .iter()
                .filter(|a| a.key() == kmip_ttlv::model::AttributeKey::Standard(tag))
                .map(|a| a.value())
                .collect();
            assert_eq!(found.len(), 1, "{tag:?}: {found:?}");
            found[0].clone()
        };
        assert_eq!(one(Tag::CERTIFICATE_TYPE), Value::Enumeration(0x01));
        assert_eq!(one(Tag::CERTIFICATE_LENGTH), Value::Integer(i32::try_from(der.len()).expect("small")));
        for (tag, value) in [
            (Tag::CERTIFICATE_SUBJECT_CN, "CN"),
            (Tag::CERTIFICATE_SUBJECT_O, "O"),
            (Tag::CERTIFICATE_SUBJECT_OU, "OU"),
            (Tag::CERTIFICATE_SUBJECT_C, "AU"),
            (Tag::CERTIFICATE_ISSUER_CN, "CN"),
            (Tag::CERTIFICATE_ISSUER_C, "AU"),
        ] {
            assert_eq!(one(tag), Value::TextString(value.into()), "{tag:?}");
        }
        assert_eq!(one(Tag::DIGITAL_SIGNATURE_ALGORITHM), Value::Enumeration(0x0E));
        assert_eq!(one(Tag::CRYPTOGRAPHIC_ALGORITHM), Value::Enumeration(0x1A));
        assert_eq!(one(Tag::CRYPTOGRAPHIC_LENGTH), Value::Integer(256));
        let identifier = Ttlv::new(Tag::X_509_CERTIFICATE_IDENTIFIER, one(Tag::X_509_CERTIFICATE_IDENTIFIER));
        assert_eq!(
            identifier.child(Tag::ISSUER_DISTINGUISHED_NAME).and_then(|d| d.value.as_bytes()).map(|b| b.to_vec()),
            Some(cert.issuer().as_raw().to_vec())
        );
        assert_eq!(
            identifier.child(Tag::CERTIFICATE_SERIAL_NUMBER).and_then(|d| d.value.as_bytes()).map(|b| b.to_vec()),
            Some(cert.raw_serial().to_vec())
        );
        let subject = Ttlv::new(Tag::X_509_CERTIFICATE_SUBJECT, one(Tag::X_509_CERTIFICATE_SUBJECT));
        assert!(subject.child(Tag::SUBJECT_ALTERNATIVE_NAME).is_some(), "the SAN extension");
        assert!(
            attributes.iter().all(|a| a.key() != kmip_ttlv::model::AttributeKey::Standard(Tag::CERTIFICATE_SUBJECT))
        );

        // KMIP 1.x also gets the 1.0 text forms.
        let old = certificate_attributes(&der, ProtocolVersion::V1_4).expect("attributes");
        let subject = old
            .iter()
            .find(|a| a.key() == kmip_ttlv::model::AttributeKey::Standard(Tag::CERTIFICATE_SUBJECT))
            .expect("Certificate Subject");
        let subject = Ttlv::new(Tag::CERTIFICATE_SUBJECT, subject.value().clone());
        assert_eq!(
            subject.child(Tag::CERTIFICATE_SUBJECT_DISTINGUISHED_NAME).and_then(|d| d.value.as_text()),
            Some("C=AU, O=O, OU=OU, CN=CN")
        );

        assert!(certificate_attributes(b"not a certificate", ProtocolVersion::V2_1).is_err());
    }

    #[tokio::test]
    async fn registering_a_certificate_derives_its_attributes() {
        let h = Harness::new();
        let key = rcgen::KeyPair::generate().expect("key pair");
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).expect("params");
        params.distinguished_name = rcgen::DistinguishedName::new();
        params.distinguished_name.push(rcgen::DnType::CommonName, "registered");
        let der = params.self_signed(&key).expect("certificate").der().to_vec();
        let payload = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
                       <ObjectType type="Enumeration" value="Certificate"/><Attributes/>{}</RequestPayload>"#,
                    by_value(&der)
                ),
            )
            .await;
        let id = text(&payload, Tag::UNIQUE_IDENTIFIER);
        let attributes = h
            .ok(
                "2.1",
                &format!(
                    r#"<Operation type="Enumeration" value="GetAttributes"/><RequestPayload>{}
                       <AttributeReference type="Enumeration" value="CertificateSubjectCN"/>
                       <AttributeReference type="Enumeration" value="CryptographicAlgorithm"/></RequestPayload>"#,
                    uid(&id)
                ),
            )
            .await;
        let attributes = attributes.child(Tag::ATTRIBUTES).expect("attributes");
        assert_eq!(text(attributes, Tag::CERTIFICATE_SUBJECT_CN), "registered");
        assert_eq!(attributes.child(Tag::CRYPTOGRAPHIC_ALGORITHM).map(|a| &a.value), Some(&Value::Enumeration(0x1A)));
        // A registered certificate validates as a trusted anchor.
        assert_eq!(h.validate(&uid(&id)).await, VALID);
        // Garbage is not an X.509 certificate.
        h.fails(
            "2.1",
            r#"<Operation type="Enumeration" value="Register"/><RequestPayload>
               <ObjectType type="Enumeration" value="Certificate"/><Attributes/>
               <Certificate><CertificateType type="Enumeration" value="X_509"/>
               <CertificateValue type="ByteString" value="0102"/></Certificate></RequestPayload>"#,
            ResultReason::INVALID_FIELD,
        )
        .await;
    }
}
