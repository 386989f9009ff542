//! Fuzz target: the query front end on any UTF-8 text. It must give a query or a
//! `BadQuery` error, never panic or overflow the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match dateline::search::Query::parse(text) {
            Ok(_) | Err(dateline::Error::BadQuery { .. }) => {}
            Err(other) => panic!("not a BadQuery: {other}"),
        }
    }
});
