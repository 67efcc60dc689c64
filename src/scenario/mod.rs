//! Scenarios: the data model (`model`), reading files with positions (`load`,
//! `spans`), the rules a scenario must follow (`check`), the project folder in
//! use (`project`), a project's scenarios loaded and checked (`library`) and a
//! new scenario from a template (`template`).

pub mod check;
pub mod course;
pub mod library;
pub mod load;
pub mod model;
pub mod project;
pub mod spans;
pub mod template;

pub use load::{Loaded, load_file, load_str};
pub use model::*;
