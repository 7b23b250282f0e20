//! The typed message envelope.
