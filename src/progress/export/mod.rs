//! Exports a centre can open in Excel or send to a learning record store.
