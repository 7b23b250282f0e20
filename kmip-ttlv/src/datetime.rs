//! ISO 8601 date-times for the XML and JSON encodings (no clock: pure arithmetic).
