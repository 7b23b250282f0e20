//! Check, Obtain Lease, Get Usage Allocation (KMIP 2.1 §6.1.5, §6.1.31,
//! §6.1.24; 1.4 §4.10, §4.13, §4.14).

use kmip_ttlv::enums::State;
use kmip_ttlv::model::Fields;
use kmip_ttlv::{Tag, Ttlv, Value};

use super::context::OpContext;
use super::object::ManagedObject;
use crate::error::KmsError;

/// Check: would the object allow this use (usage mask, usage limits,
/// lease)? Success echoes the identifier; a failure names the reason.
pub(crate) async fn check(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let object = ctx.object(&id).await?;
    if let Some(mask) = fields.integer(Tag::CRYPTOGRAPHIC_USAGE_MASK)? {
        let allowed = object.attribute(Tag::CRYPTOGRAPHIC_USAGE_MASK).and_then(Value::as_integer).unwrap_or(0);
        if allowed & mask != mask {
            return Err(KmsError::IncompatibleUsageMask(format!(
                "the Cryptographic Usage Mask of {id} does not allow 0x{:X}",
                mask & !allowed
            )));
        }
    }
    if let Some(count) = fields.long_integer(Tag::USAGE_LIMITS_COUNT)? {
        let left = usage_left(&object);
        if left.is_some_and(|left| left < count) {
            return Err(KmsError::PermissionDenied(format!(
                "the usage limit of {id} does not allow {count} more uses"
            )));
        }
    }
    if let Some(lease) = fields.interval(Tag::LEASE_TIME)? {
        let allowed = object.attribute(Tag::LEASE_TIME).and_then(Value::as_interval);
        if allowed.is_some_and(|allowed| lease > allowed) {
            return Err(KmsError::PermissionDenied(format!("a lease of {lease} s exceeds the Lease Time of {id}")));
        }
    }
    ctx.id_placeholder = Some(id.clone());
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

fn usage_left(object: &ManagedObject) -> Option<i64> {
    let limits = object.attribute(Tag::USAGE_LIMITS)?.as_structure()?;
    let count = limits.iter().find(|c| c.tag == Tag::USAGE_LIMITS_COUNT)?;
    count.value.as_long_integer()
}

/// Obtain Lease: a lease of the object's Lease Time, for an Active object.
pub(crate) async fn obtain_lease(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let object = ctx.object(&id).await?;
    if object.state() != State::ACTIVE {
        return Err(KmsError::WrongState(format!(
            "a lease is only given for an Active object; {id} is {:?}",
            object.state()
        )));
    }
    let lease = object.attribute(Tag::LEASE_TIME).and_then(Value::as_interval).unwrap_or(ctx.config.lease_time);
    let last_change = object.date(Tag::LAST_CHANGE_DATE).unwrap_or(ctx.now);
    Ok(vec![
        Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)),
        Ttlv::new(Tag::LEASE_TIME, Value::Interval(lease)),
        Ttlv::new(Tag::LAST_CHANGE_DATE, Value::DateTime(last_change)),
    ])
}

/// Get Usage Allocation: reserves uses of an object with Usage Limits.
pub(crate) async fn get_usage_allocation(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let count = fields.long_integer(Tag::USAGE_LIMITS_COUNT)?.ok_or_else(|| fields.missing(Tag::USAGE_LIMITS_COUNT))?;
    if count <= 0 {
        return Err(KmsError::InvalidField("Usage Limits Count must be positive".into()));
    }
    let mut object = ctx.object(&id).await?;
    if object.state() != State::ACTIVE {
        return Err(KmsError::WrongState(format!(
            "usage is only allocated for an Active object; {id} is {:?}",
            object.state()
        )));
    }
    let Some(limits) = object.attribute(Tag::USAGE_LIMITS).and_then(Value::as_structure).map(<[Ttlv]>::to_vec) else {
        return Err(KmsError::PermissionDenied(format!("{id} has no Usage Limits to allocate from")));
    };
    let left = limits.iter().find(|c| c.tag == Tag::USAGE_LIMITS_COUNT).and_then(|c| c.value.as_long_integer());
    let left = left.unwrap_or_else(|| {
        limits.iter().find(|c| c.tag == Tag::USAGE_LIMITS_TOTAL).and_then(|c| c.value.as_long_integer()).unwrap_or(0)
    });
    if left < count {
        return Err(KmsError::PermissionDenied(format!("{id} has {left} uses left, {count} asked")));
    }
    let mut updated: Vec<Ttlv> = limits.into_iter().filter(|c| c.tag != Tag::USAGE_LIMITS_COUNT).collect();
    updated.push(Ttlv::new(Tag::USAGE_LIMITS_COUNT, Value::LongInteger(left - count)));
    object.set(Tag::USAGE_LIMITS, Value::Structure(updated));
    object.set(Tag::LAST_CHANGE_DATE, Value::DateTime(ctx.now));
    ctx.save(object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}
