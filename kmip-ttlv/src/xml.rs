//! The KMIP XML encoding of TTLV (KMIP Profiles 2.1 §... "XML Encoding").
