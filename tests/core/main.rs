//! Integration tests of the pure core (no Bevy): the checker against the broken
//! corpus and the seed scenarios, the `kuayue check` command, and walkthroughs
//! of every seed scenario.

#[cfg(feature = "app")]
mod app_wiring;
#[cfg(feature = "app")]
mod autoplay;
mod checker;
mod cli;
mod common;
mod contract;
mod course;
mod font;
mod fuzz_found;
#[cfg(feature = "app")]
mod layout;
mod locales;
#[cfg(feature = "app")]
mod menus;
#[cfg(feature = "app")]
mod pointer;
mod progress;
#[cfg(feature = "app")]
mod reload;
#[cfg(feature = "app")]
mod screen_reader;
mod sync;
#[cfg(feature = "app")]
mod vr;
mod walkthrough;
#[cfg(feature = "app")]
mod window;
