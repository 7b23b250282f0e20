//! Get Attributes, Get Attribute List, Add / Modify / Delete / Set / Adjust
//! Attribute (KMIP 2.1 §6.1.19–6.1.23, §6.1.2, §6.1.48; 1.4 §4.12–4.16),
//! and reading attributes from request payloads in both versions.

use kmip_ttlv::enums::{AdjustmentType, State};
use kmip_ttlv::model::{Attribute, AttributeKey, ClientChange, Fields};
use kmip_ttlv::{ProtocolVersion, Tag, Ttlv, Value};

use super::context::OpContext;
use super::object::ManagedObject;
use crate::error::KmsError;

/// The attributes a Create / Register / Locate / Re-key request carries:
/// KMIP 1.x `Template-Attribute` (or bare `Attribute` items, as Locate
/// sends them), KMIP 2.x `Attributes`. A 1.x Template-Attribute may also
/// name Template objects (1.4 §2.1.8): their attributes come first, and the
/// request's own attributes override them.
pub(crate) async fn request_attributes(
    ctx: &mut OpContext<'_>,
    fields: &Fields<'_>,
) -> Result<Vec<Attribute>, KmsError> {
    group_attributes(ctx, fields, Tag::TEMPLATE_ATTRIBUTE, Tag::ATTRIBUTES, true).await
}

/// The attributes of one group of a request: the 2.x structure `tag_2x`
/// (`Attributes`, `Common Attributes`, `Private Key Attributes` ...) or the
/// 1.x Template-Attribute `tag_1x` (`Template-Attribute`, `Common
/// Template-Attribute` ...); with `bare`, 1.x `Attribute` items directly in
/// the payload count too.
pub(crate) async fn group_attributes(
    ctx: &mut OpContext<'_>,
    fields: &Fields<'_>,
    tag_1x: Tag,
    tag_2x: Tag,
    bare: bool,
) -> Result<Vec<Attribute>, KmsError> {
    let mut out = Vec::new();
    if ctx.version.is_2x() {
        if let Some(list) = fields.structure(tag_2x)? {
            for item in list.items() {
                out.push(Attribute::from_2x(item).map_err(|e| e.within(tag_2x))?);
            }
        }
        return Ok(out);
    }
    let mut containers = Vec::new();
    if let Some(template) = fields.structure(tag_1x)? {
        containers.push(template);
    }
    if bare {
        containers.push(*fields);
    }
    for container in containers {
        for name in container.all(Tag::NAME) {
            out.extend(template_attributes(ctx, name).await?);
        }
        for item in container.all(Tag::ATTRIBUTE) {
            let (attribute, _index) = Attribute::from_1x(item).map_err(|e| e.within(container.tag()))?;
            let key = attribute.key();
            if !key.rule().multiple {
                out.retain(|a| a.key() != key);
            }
            out.push(attribute);
        }
    }
    Ok(out)
}

/// The attributes of the Template object named `name` (a Name structure).
async fn template_attributes(ctx: &mut OpContext<'_>, name: &Ttlv) -> Result<Vec<Attribute>, KmsError> {
    let text = name
        .child(Tag::NAME_VALUE)
        .and_then(|v| v.value.as_text())
        .ok_or_else(|| KmsError::InvalidField("a template Name needs a Name Value".into()))?;
    let key = crate::store::IndexKey { field: Tag::NAME.value(), value: text.as_bytes().to_vec() };
    for id in ctx.txn.find(&key).await? {
        let Some(object) = ctx.txn.get(&id).await? else { continue };
        if object.object_type != kmip_ttlv::enums::ObjectType::TEMPLATE
            || !ctx.may(&object, Some(crate::access::Permission::GetAttributes)).await?
        {
            continue;
        }
        let Some(template) = &object.value else { continue };
        let mut attributes = Vec::new();
        for item in template.children_with(Tag::ATTRIBUTE) {
            let (attribute, _) = Attribute::from_1x(item)?;
            // A template lends what a client may set; its own identity and
            // dates stay with it.
            if attribute.key().rule().client_sets {
                attributes.push(attribute);
            }
        }
        return Ok(attributes);
    }
    Err(KmsError::ObjectNotFound(format!("template {text:?}")))
}

/// The attribute name as a client would write it, for messages.
pub(crate) fn display(key: &AttributeKey) -> String {
    key.to_1x_name()
}

/// Checks an attribute a client supplies at creation; server-set ones are
/// refused.
pub(crate) fn check_client_settable(attribute: &Attribute) -> Result<(), KmsError> {
    let key = attribute.key();
    if !key.rule().client_sets {
        return Err(KmsError::AttributeReadOnly(display(&key)));
    }
    check_value_shape(attribute)
}

/// A quick sanity check of the item type of standard attribute values, so
/// that a mistyped attribute is refused instead of stored.
fn check_value_shape(attribute: &Attribute) -> Result<(), KmsError> {
    let Attribute::Standard(item) = attribute else { return Ok(()) };
    let Some(info) = kmip_ttlv::registry::tag_info(item.tag) else { return Ok(()) };
    if !info.item_types.is_empty() && !info.item_types.contains(&item.item_type()) {
        return Err(KmsError::InvalidField(format!(
            "attribute {} has type {}, expected {}",
            info.spec_name,
            item.item_type(),
            info.item_types[0]
        )));
    }
    Ok(())
}

/// The attributes of `object` to return to a client of `version`: those the
/// version defines, in the object's order.
pub(crate) fn visible(object: &ManagedObject, version: ProtocolVersion) -> impl Iterator<Item = &Attribute> {
    object.attributes.iter().filter(move |a| a.key().exists_in(version))
}

/// Get Attributes: the named attributes (all when none is named), in the
/// order asked.
pub(crate) async fn get_attributes(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let object = ctx.object(&id).await?;
    let keys = requested_keys(&fields, ctx.version)?;
    let mut selected: Vec<&Attribute> = Vec::new();
    if keys.is_empty() {
        selected.extend(visible(&object, ctx.version));
    } else {
        for key in &keys {
            if !key.exists_in(ctx.version) {
                continue;
            }
            selected.extend(object.instances(key));
        }
    }
    let mut out = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))];
    if ctx.version.is_2x() {
        out.push(Ttlv::structure(Tag::ATTRIBUTES, selected.iter().map(|a| a.to_2x()).collect()));
    } else {
        out.extend(with_indexes(&object, &selected));
    }
    Ok(out)
}

/// KMIP 1.x Attribute structures, with an Attribute Index on the second and
/// later instances of multi-instance attributes.
pub(crate) fn with_indexes(object: &ManagedObject, selected: &[&Attribute]) -> Vec<Ttlv> {
    selected
        .iter()
        .map(|attribute| {
            let key = attribute.key();
            let index = object.instances(&key).position(|a| std::ptr::eq(a, *attribute)).unwrap_or(0);
            let index = (index > 0).then(|| i32::try_from(index).unwrap_or(i32::MAX));
            attribute.to_1x(index)
        })
        .collect()
}

/// The attributes a Get Attributes / Get Attribute List / Delete request
/// names: 1.x Attribute Name strings, 2.x Attribute References.
fn requested_keys(fields: &Fields<'_>, version: ProtocolVersion) -> Result<Vec<AttributeKey>, KmsError> {
    let mut keys = Vec::new();
    for item in fields.all(Tag::ATTRIBUTE_NAME) {
        let name = item.value.as_text().ok_or_else(|| KmsError::InvalidField("Attribute Name must be text".into()))?;
        match AttributeKey::from_1x_name(name) {
            Ok(key) => keys.push(key),
            // 1.4 §4.12: a name the server does not know simply has no
            // value to return.
            Err(_) if !version.is_2x() => {}
            Err(e) => return Err(e.into()),
        }
    }
    for item in fields.all(Tag::ATTRIBUTE_REFERENCE) {
        keys.push(AttributeKey::from_reference(item)?);
    }
    Ok(keys)
}

/// Get Attribute List: the names of the attributes the object has.
pub(crate) async fn get_attribute_list(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let object = ctx.object(&id).await?;
    let mut keys: Vec<AttributeKey> = Vec::new();
    for attribute in visible(&object, ctx.version) {
        let key = attribute.key();
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    let mut out = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))];
    for key in keys {
        out.push(if ctx.version.is_2x() {
            key.to_reference()
        } else {
            Ttlv::new(Tag::ATTRIBUTE_NAME, Value::TextString(key.to_1x_name()))
        });
    }
    Ok(out)
}

/// The attribute (with its 1.x index) an Add / Modify / Set request
/// carries: 1.x `Attribute`, 2.x `New Attribute { <attribute> }`.
fn carried_attribute(
    fields: &Fields<'_>,
    version: ProtocolVersion,
    tag: Tag,
) -> Result<(Attribute, Option<i32>), KmsError> {
    if version.is_2x() {
        let holder = fields.structure(tag)?.ok_or_else(|| fields.missing(tag))?;
        let [item] = holder.items() else {
            return Err(KmsError::InvalidField(format!("{tag} must hold exactly one attribute")));
        };
        return Ok((Attribute::from_2x(item).map_err(|e| e.within(tag))?, None));
    }
    let item = fields.required(Tag::ATTRIBUTE)?;
    Ok(Attribute::from_1x(item)?)
}

/// Refuses a client change of an attribute whose rules forbid it now.
fn check_client_change(object: &ManagedObject, attribute: &Attribute, old: Option<&Value>) -> Result<(), KmsError> {
    let key = attribute.key();
    let state = object.state();
    match key.rule().client_modifies {
        ClientChange::Always => Ok(()),
        ClientChange::Never => Err(KmsError::AttributeReadOnly(display(&key))),
        ClientChange::WhilePreActive if state == State::PRE_ACTIVE => Ok(()),
        ClientChange::BeforeDeactivation if state == State::PRE_ACTIVE || state == State::ACTIVE => Ok(()),
        ClientChange::WhilePreActive | ClientChange::BeforeDeactivation => Err(KmsError::WrongState(format!(
            "{} can only be changed before the object is {}",
            display(&key),
            if key.rule().client_modifies == ClientChange::WhilePreActive { "active" } else { "deactivated" }
        ))),
        ClientChange::OnlyToTrue => match (old.and_then(Value::as_boolean), attribute.value().as_boolean()) {
            (Some(true), Some(false)) => Err(KmsError::AttributeReadOnly(format!("{} cannot be reset", display(&key)))),
            _ => Ok(()),
        },
        ClientChange::OnlyToFalse => match (old.and_then(Value::as_boolean), attribute.value().as_boolean()) {
            (Some(false), Some(true)) => {
                Err(KmsError::AttributeReadOnly(format!("{} cannot be set again", display(&key))))
            }
            _ => Ok(()),
        },
    }?;
    check_value_shape(attribute)
}

/// A Name the object already has may not be added again.
fn check_new_name(object: &ManagedObject, attribute: &Attribute) -> Result<(), KmsError> {
    if let Attribute::Standard(item) = attribute
        && item.tag == Tag::NAME
        && let Some(name) = item.child(Tag::NAME_VALUE).and_then(|v| v.value.as_text())
        && object.names().any(|n| n == name)
    {
        return Err(KmsError::NonUniqueName(name.to_owned()));
    }
    Ok(())
}

/// Applies the side effects of a changed date attribute: moving the
/// Activation Date to now or earlier activates a Pre-Active object, and so
/// on (KMIP 2.1 §5 state transitions).
/// Whether [`apply_dates`] would change the object's state at `now`.
pub(crate) fn dates_due(object: &ManagedObject, now: i64) -> bool {
    let state = object.state();
    let passed = |tag| object.date(tag).is_some_and(|d| d <= now);
    (state == State::PRE_ACTIVE && passed(Tag::ACTIVATION_DATE))
        || ((state == State::ACTIVE || state == State::PRE_ACTIVE) && passed(Tag::DEACTIVATION_DATE))
}

pub(crate) fn apply_dates(object: &mut ManagedObject, now: i64) {
    let state = object.state();
    if state == State::PRE_ACTIVE && object.date(Tag::ACTIVATION_DATE).is_some_and(|d| d <= now) {
        object.set(Tag::STATE, Value::Enumeration(State::ACTIVE.0));
    }
    let state = object.state();
    if (state == State::ACTIVE || state == State::PRE_ACTIVE)
        && object.date(Tag::DEACTIVATION_DATE).is_some_and(|d| d <= now)
    {
        object.set(Tag::STATE, Value::Enumeration(State::DEACTIVATED.0));
    }
}

fn touch(object: &mut ManagedObject, now: i64) {
    object.set(Tag::LAST_CHANGE_DATE, Value::DateTime(now));
}

/// The response of Add / Modify / Set: 1.x echoes the attribute, 2.x only
/// the identifier.
fn changed(ctx: &OpContext<'_>, id: String, attribute: &Attribute, index: Option<i32>) -> Vec<Ttlv> {
    let mut out = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))];
    if !ctx.version.is_2x() {
        out.push(attribute.to_1x(index));
    }
    out
}

/// Add Attribute: a new instance of a multi-instance attribute, or the
/// first instance of a single-instance one.
pub(crate) async fn add_attribute(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let (attribute, _) = carried_attribute(&fields, ctx.version, Tag::NEW_ATTRIBUTE)?;
    let key = attribute.key();
    if !key.rule().client_sets && key.rule().client_modifies == ClientChange::Never {
        return Err(KmsError::AttributeReadOnly(display(&key)));
    }
    check_value_shape(&attribute)?;
    let existing = object.instances(&key).count();
    if existing > 0 && !key.rule().multiple {
        return Err(KmsError::AttributeSingleValued(display(&key)));
    }
    check_new_name(&object, &attribute)?;
    object.attributes.push(attribute.clone());
    apply_dates(&mut object, ctx.now);
    touch(&mut object, ctx.now);
    ctx.save(object);
    let index = i32::try_from(existing).ok();
    Ok(changed(ctx, id, &attribute, index.filter(|i| *i > 0)))
}

/// Modify Attribute: replaces an existing instance (1.x: the one at the
/// Attribute Index, default 0; 2.x: the Current Attribute if given, else
/// the only instance).
pub(crate) async fn modify_attribute(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let (attribute, index) = carried_attribute(&fields, ctx.version, Tag::NEW_ATTRIBUTE)?;
    let key = attribute.key();
    let position = if ctx.version.is_2x() && fields.has(Tag::CURRENT_ATTRIBUTE) {
        let (current, _) = carried_attribute(&fields, ctx.version, Tag::CURRENT_ATTRIBUTE)?;
        if current.key() != key {
            return Err(KmsError::InvalidField("Current Attribute and New Attribute name different attributes".into()));
        }
        object.attributes.iter().position(|a| a == &current)
    } else {
        let wanted = usize::try_from(index.unwrap_or(0))
            .map_err(|_| KmsError::InvalidField("negative Attribute Index".into()))?;
        let positions: Vec<usize> =
            object.attributes.iter().enumerate().filter(|(_, a)| a.key() == key).map(|(i, _)| i).collect();
        if ctx.version.is_2x() && positions.len() > 1 {
            return Err(KmsError::InvalidField(format!(
                "{} has several instances: name the one to change with Current Attribute",
                display(&key)
            )));
        }
        positions.get(wanted).copied()
    };
    // Server-set attributes are refused before asking whether they exist.
    check_client_change(&object, &attribute, None)?;
    let Some(position) = position else {
        return Err(KmsError::AttributeNotFound(display(&key)));
    };
    check_client_change(&object, &attribute, Some(object.attributes[position].value()))?;
    if object.attributes[position] != attribute {
        check_new_name(&object, &attribute)?;
    }
    object.attributes[position] = attribute.clone();
    apply_dates(&mut object, ctx.now);
    touch(&mut object, ctx.now);
    ctx.save(object);
    Ok(changed(ctx, id, &attribute, index))
}

/// Delete Attribute: removes an instance (1.x: name and index; 2.x: Current
/// Attribute, or every instance named by Attribute Reference).
pub(crate) async fn delete_attribute(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let (key, removed) = if ctx.version.is_2x() {
        if fields.has(Tag::CURRENT_ATTRIBUTE) {
            let (current, _) = carried_attribute(&fields, ctx.version, Tag::CURRENT_ATTRIBUTE)?;
            let key = current.key();
            check_deletable(&key)?;
            let position = object
                .attributes
                .iter()
                .position(|a| a == &current)
                .ok_or_else(|| KmsError::AttributeNotFound(display(&key)))?;
            (key, vec![object.attributes.remove(position)])
        } else {
            let reference = fields.required(Tag::ATTRIBUTE_REFERENCE)?;
            let key = AttributeKey::from_reference(reference)?;
            check_deletable(&key)?;
            let (removed, kept): (Vec<Attribute>, Vec<Attribute>) =
                object.attributes.drain(..).partition(|a| a.key() == key);
            object.attributes = kept;
            if removed.is_empty() {
                return Err(KmsError::AttributeNotFound(display(&key)));
            }
            (key, removed)
        }
    } else {
        let name = fields.text(Tag::ATTRIBUTE_NAME)?.ok_or_else(|| fields.missing(Tag::ATTRIBUTE_NAME))?;
        let key = AttributeKey::from_1x_name(name)?;
        check_deletable(&key)?;
        let wanted = usize::try_from(fields.integer(Tag::ATTRIBUTE_INDEX)?.unwrap_or(0))
            .map_err(|_| KmsError::InvalidField("negative Attribute Index".into()))?;
        let position = object
            .attributes
            .iter()
            .enumerate()
            .filter(|(_, a)| a.key() == key)
            .nth(wanted)
            .map(|(i, _)| i)
            .ok_or_else(|| KmsError::AttributeNotFound(display(&key)))?;
        (key, vec![object.attributes.remove(position)])
    };
    let _ = key;
    touch(&mut object, ctx.now);
    ctx.save(object);
    let mut out = vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))];
    if !ctx.version.is_2x() {
        // 1.4 §4.16: the response carries the deleted attribute.
        if let Some(first) = removed.first() {
            out.push(first.to_1x(fields.integer(Tag::ATTRIBUTE_INDEX)?));
        }
    }
    Ok(out)
}

fn check_deletable(key: &AttributeKey) -> Result<(), KmsError> {
    if key.rule().client_deletes { Ok(()) } else { Err(KmsError::AttributeReadOnly(display(key))) }
}

/// Set Attribute (2.0+): sets a single-instance attribute, creating or
/// replacing it.
pub(crate) async fn set_attribute(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let (attribute, _) = carried_attribute(&fields, ctx.version, Tag::NEW_ATTRIBUTE)?;
    let key = attribute.key();
    if key.rule().multiple {
        return Err(KmsError::InvalidField(format!(
            "{} allows several instances: use Add Attribute or Modify Attribute",
            display(&key)
        )));
    }
    let old = object.instances(&key).next().map(|a| a.value().clone());
    match &old {
        None if !key.rule().client_sets && key.rule().client_modifies == ClientChange::Never => {
            return Err(KmsError::AttributeReadOnly(display(&key)));
        }
        None => check_value_shape(&attribute)?,
        Some(old) => check_client_change(&object, &attribute, Some(old))?,
    }
    object.attributes.retain(|a| a.key() != key);
    object.attributes.push(attribute);
    apply_dates(&mut object, ctx.now);
    touch(&mut object, ctx.now);
    ctx.save(object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// Adjust Attribute (2.0+): increments, decrements or negates a numeric or
/// date attribute.
pub(crate) async fn adjust_attribute(ctx: &mut OpContext<'_>, payload: &Ttlv) -> Result<Vec<Ttlv>, KmsError> {
    let fields = Fields::of(payload)?;
    let id = ctx.target(fields.text(Tag::UNIQUE_IDENTIFIER)?)?;
    let mut object = ctx.object(&id).await?;
    let reference = fields.required(Tag::ATTRIBUTE_REFERENCE)?;
    let key = AttributeKey::from_reference(reference)?;
    let adjustment =
        AdjustmentType(fields.enumeration(Tag::ADJUSTMENT_TYPE)?.ok_or_else(|| fields.missing(Tag::ADJUSTMENT_TYPE))?);
    let amount = fields.one(Tag::ADJUSTMENT_VALUE)?.map(|item| item.value.clone());
    let position = object
        .attributes
        .iter()
        .position(|a| a.key() == key)
        .ok_or_else(|| KmsError::AttributeNotFound(display(&key)))?;
    let adjusted = adjust(object.attributes[position].value(), adjustment, amount.as_ref())
        .ok_or_else(|| KmsError::InvalidField(format!("{} cannot be adjusted that way", display(&key))))?;
    let attribute = key.clone().with_value(adjusted);
    check_client_change(&object, &attribute, Some(object.attributes[position].value()))?;
    object.attributes[position] = attribute;
    apply_dates(&mut object, ctx.now);
    touch(&mut object, ctx.now);
    ctx.save(object);
    Ok(vec![Ttlv::new(Tag::UNIQUE_IDENTIFIER, Value::TextString(id))])
}

/// The adjusted value, if the adjustment applies to the value's type.
fn adjust(value: &Value, adjustment: AdjustmentType, amount: Option<&Value>) -> Option<Value> {
    let delta = |v: &Value| -> Option<i64> {
        match v {
            Value::Integer(i) => Some(i64::from(*i)),
            Value::LongInteger(i) => Some(*i),
            Value::Interval(i) => Some(i64::from(*i)),
            Value::DateTime(i) => Some(*i),
            _ => None,
        }
    };
    let signed = |d: i64| if adjustment == AdjustmentType::DECREMENT { d.checked_neg() } else { Some(d) };
    match (adjustment, value) {
        (AdjustmentType::NEGATE, Value::Integer(v)) => v.checked_neg().map(Value::Integer),
        (AdjustmentType::NEGATE, Value::LongInteger(v)) => v.checked_neg().map(Value::LongInteger),
        (AdjustmentType::NEGATE, Value::Boolean(v)) => Some(Value::Boolean(!v)),
        (AdjustmentType::INCREMENT | AdjustmentType::DECREMENT, _) => {
            let d = signed(amount.map_or(Some(1), delta)?)?;
            match value {
                Value::Integer(v) => i32::try_from(i64::from(*v).checked_add(d)?).ok().map(Value::Integer),
                Value::LongInteger(v) => v.checked_add(d).map(Value::LongInteger),
                Value::Interval(v) => u32::try_from(i64::from(*v).checked_add(d)?).ok().map(Value::Interval),
                Value::DateTime(v) => v.checked_add(d).map(Value::DateTime),
                _ => None,
            }
        }
        _ => None,
    }
}
