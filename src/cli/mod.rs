//! CLI commands by area. `main.rs` holds the top-level parser, unlocking and
//! the areas not yet moved here.

pub mod dev;
pub mod evidence;
pub mod packet;
pub mod review;
pub mod training;
pub mod workspace;
