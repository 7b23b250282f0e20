//! Tables generated from `kmip-ttlv/spec/` by `kmip-ttlv/gen`.

#[rustfmt::skip]
pub mod enums;
#[rustfmt::skip]
pub(crate) mod tags;
