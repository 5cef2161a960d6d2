//! Any text, as any kind of portal file: front matter split, typed YAML, the YAML locator,
//! link extraction and both diagnostic printers must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| portico::fuzzing::exercise(data));
