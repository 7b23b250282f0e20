//! Tables generated from `kmip-ttlv/spec/` by `kmip-ttlv/gen`.

pub mod enums;
pub(crate) mod tags;
