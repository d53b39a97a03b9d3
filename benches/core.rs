#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

fn main() {}
