//! The KMIP JSON encoding of TTLV.
