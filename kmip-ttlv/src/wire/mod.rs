//! Binary TTLV.
