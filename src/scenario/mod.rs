//! Scenarios: the data model (`model`), reading files with positions (`load`,
//! `spans`), the rules a scenario must follow (`check`) and finding a project's
//! scenarios, messages and voice clips (`project`).

pub mod check;
pub mod load;
pub mod model;
pub mod project;
pub mod spans;

pub use load::{Loaded, load_file, load_str};
pub use model::*;
