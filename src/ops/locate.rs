//! Locate (KMIP 2.1 §6.1.27; 1.4 §4.9): the objects matching every given
//! attribute, found through the store's indexes where an indexed attribute
//! is among the filters, then checked one by one.

use std::collections::BTreeSet;

use kmip_ttlv::enums::{ObjectGroupMember, StorageStatusMask};
use kmip_ttlv::model::{Attribute, AttributeKey, Fields};
use kmip_ttlv::{Tag, Ttlv, Value};

use super::attributes::request_attributes;
use super::context::OpContext;
use super::object::{ManagedObject, index_value};
use crate::access::Permission;
use crate::error::KmsError;
use crate::store::IndexKey;

/// Locate.
pub(crate) async fn locate(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let maximum = fields.integer(Tag::MAXIMUM_ITEMS)?;
    let offset = fields.integer(Tag::OFFSET_ITEMS)?;
    let storage = fields.integer(Tag::STORAGE_STATUS_MASK)?.map_or(StorageStatusMask::ON_LINE_STORAGE.0, |m| m as u32);
    let member = fields.enumeration(Tag::OBJECT_GROUP_MEMBER)?.map(ObjectGroupMember);
    let filters = request_attributes(ctx, &fields).await?;
    if maximum.is_some_and(|m| m < 0) || offset.is_some_and(|o| o < 0) {
        return Err(KmsError::InvalidField("Maximum Items and Offset Items cannot be negative".into()));
    }

    let candidates = candidates(ctx, &filters).await?;
    // Without Maximum Items and Offset Items every match is in the
    // response. Once their identifiers alone are more than the largest
    // response allowed (limits.max_response_size), the message will be
    // refused with Response Too Large whatever else matches, so the search
    // stops there: such a Locate costs what the response limit allows, not
    // what the store holds.
    let unbounded = maximum.is_none() && offset.is_none();
    let mut id_bytes = 0_usize;
    // Each match's Initial Date and id; the objects themselves are not
    // kept (a Locate may match every object of the store).
    let mut matches: Vec<(Option<i64>, String)> = Vec::new();
    for id in candidates {
        let Some(object) = ctx.txn.peek(&id).await? else { continue };
        // Objects the caller may not locate are not there for it.
        if !ctx.may(&object, Some(Permission::Locate)).await? {
            continue;
        }
        if stored_in(&object, storage)
            && filters_match(&object, &filters)
            && member.is_none_or(|m| group_member(&object, m))
        {
            matches.push((object.date(Tag::INITIAL_DATE), id));
            // A Unique Identifier item: its header and its padded text.
            id_bytes += 8 + object.id.len().next_multiple_of(8);
            if unbounded && id_bytes > ctx.config.max_response_size {
                break;
            }
        }
    }
    // Newest first, then by identifier, so paging is stable.
    matches.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    if member == Some(ObjectGroupMember::GROUP_MEMBER_DEFAULT) {
        matches.truncate(1);
    }
    let located = matches.len();
    let skip = usize::try_from(offset.unwrap_or(0)).unwrap_or(0);
    let take = maximum.map_or(usize::MAX, |m| usize::try_from(m).unwrap_or(0));
    let page: Vec<String> = matches.into_iter().skip(skip).take(take).map(|(_, id)| id).collect();

    let mut out = Vec::new();
    if (maximum.is_some() || offset.is_some()) && ctx.version >= kmip_ttlv::ProtocolVersion::V1_3 {
        out.push(Ttlv::new(Tag::LOCATED_ITEMS, Value::Integer(i32::try_from(located).unwrap_or(i32::MAX))));
    }
    for id in page {
        // KMIP 2.1 §4.26: an object returned as a fresh group member is
        // fresh no more.
        if member == Some(ObjectGroupMember::GROUP_MEMBER_FRESH)
            && let Some(mut object) = ctx.txn.get(&id).await?
        {
            object.set(Tag::FRESH, Value::Boolean(false));
            ctx.save(object);
        }
        out.push(Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id)));
    }
    // The ID Placeholder holds the result when there is exactly one.
    let ids: Vec<&str> =
        out.iter().filter(|t| t.tag == Tag::UNIQUE_IDENTIFIER).filter_map(|t| t.value.as_text()).collect();
    ctx.id_placeholder = match ids.as_slice() {
        [one] => Some((*one).to_owned()),
        _ => None,
    };
    Ok(out)
}

/// The ids worth checking: the smallest index hit among the indexed
/// filters, or every object when no filter is indexed.
async fn candidates(ctx: &OpContext<'_>, filters: &[Attribute]) -> Result<BTreeSet<String>, KmsError> {
    let mut best: Option<BTreeSet<String>> = None;
    for filter in filters {
        let Attribute::Standard(item) = filter else { continue };
        if is_range_filter(filters, item.tag) {
            continue;
        }
        let Some(value) = index_value(item) else { continue };
        if item.tag == Tag::APPLICATION_SPECIFIC_INFORMATION
            && item.child(Tag::APPLICATION_DATA).and_then(|d| d.value.as_text()).is_none_or(str::is_empty)
        {
            // Namespace only: the index key includes the data.
            continue;
        }
        let found = ctx.txn.find(&IndexKey { field: item.tag.value(), value }).await?;
        if best.as_ref().is_none_or(|b| found.len() < b.len()) {
            best = Some(found);
        }
    }
    match best {
        Some(ids) => Ok(ids),
        None => ctx.txn.all_ids().await,
    }
}

/// Two instances of a date attribute in a Locate name a range.
fn is_range_filter(filters: &[Attribute], tag: Tag) -> bool {
    filters.iter().filter(|f| f.key() == AttributeKey::Standard(tag)).count() > 1
}

/// Storage Status Mask: On-line (not archived, not destroyed), Archival,
/// Destroyed (2.0+).
fn stored_in(object: &ManagedObject, mask: u32) -> bool {
    let destroyed = object.value.is_none() && object.object_type != kmip_ttlv::enums::ObjectType::TEMPLATE;
    let archived = object.date(Tag::ARCHIVE_DATE).is_some();
    let status = if destroyed {
        StorageStatusMask::DESTROYED_STORAGE.0
    } else if archived {
        StorageStatusMask::ARCHIVAL_STORAGE.0
    } else {
        StorageStatusMask::ON_LINE_STORAGE.0
    };
    mask & status != 0
}

fn group_member(object: &ManagedObject, member: ObjectGroupMember) -> bool {
    if member == ObjectGroupMember::GROUP_MEMBER_FRESH {
        return object.attribute(Tag::FRESH).and_then(Value::as_boolean) == Some(true);
    }
    true
}

/// Every filter matches (KMIP 2.1 §6.1.27): an attribute given once must
/// equal one of the object's instances; a date given twice is a range;
/// usage-mask bits must all be set; a Name or Application Specific
/// Information matches on what the filter gives.
fn filters_match(object: &ManagedObject, filters: &[Attribute]) -> bool {
    let mut seen_ranges: Vec<Tag> = Vec::new();
    for filter in filters {
        let key = filter.key();
        if let AttributeKey::Standard(tag) = key
            && is_range_filter(filters, tag)
            && filter.value().as_date_time().is_some()
        {
            if seen_ranges.contains(&tag) {
                continue;
            }
            seen_ranges.push(tag);
            let bounds: Vec<i64> = filters
                .iter()
                .filter(|f| f.key() == AttributeKey::Standard(tag))
                .filter_map(|f| f.value().as_date_time())
                .collect();
            let (low, high) = (bounds.iter().min().copied(), bounds.iter().max().copied());
            let Some(date) = object.date(tag) else { return false };
            if low.is_some_and(|l| date < l) || high.is_some_and(|h| date > h) {
                return false;
            }
            continue;
        }
        if !object.instances(&key).any(|instance| instance_matches(instance, filter)) {
            return false;
        }
    }
    true
}

fn instance_matches(instance: &Attribute, filter: &Attribute) -> bool {
    let (have, want) = (instance.value(), filter.value());
    match filter {
        Attribute::Standard(item) if item.tag == Tag::CRYPTOGRAPHIC_USAGE_MASK => {
            match (have.as_integer(), want.as_integer()) {
                (Some(h), Some(w)) => h & w == w,
                _ => false,
            }
        }
        Attribute::Standard(item)
            if item.tag == Tag::NAME
                || item.tag == Tag::APPLICATION_SPECIFIC_INFORMATION
                || item.tag == Tag::LINK
                || item.tag == Tag::ALTERNATIVE_NAME =>
        {
            // Every field the filter gives must be there; empty text means
            // "any".
            let (Some(have), Some(want)) = (have.as_structure(), want.as_structure()) else { return have == want };
            want.iter().all(|w| match &w.value {
                Value::TextString(t) if t.is_empty() => true,
                _ => have.iter().any(|h| h == w),
            })
        }
        _ => have == want,
    }
}
