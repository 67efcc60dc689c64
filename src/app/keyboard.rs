//! Keyboard use without a mouse: Tab, Shift+Tab and the arrow keys move the
//! focus (a thick dark ring shows it), Enter and Space press the focused
//! button. egui moves focus with the arrows only once something has it; here
//! an arrow pressed while nothing has focus acts as Tab and starts on the first
//! button.

use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiInput, EguiPreUpdateSet, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        arrows_start_the_focus.after(EguiPreUpdateSet::ProcessInput).before(EguiPreUpdateSet::BeginPass),
    );
}

fn is_arrow(key: egui::Key) -> bool {
    matches!(key, egui::Key::ArrowUp | egui::Key::ArrowDown | egui::Key::ArrowLeft | egui::Key::ArrowRight)
}

fn arrows_start_the_focus(mut contexts: Query<(&mut EguiContext, &mut EguiInput)>) {
    for (mut context, mut input) in &mut contexts {
        // Focus as the last pass left it.
        if context.get_mut().memory(|m| m.focused().is_some()) {
            continue;
        }
        let tab = input.events.iter().find_map(|event| match event {
            egui::Event::Key { key, pressed: true, modifiers, .. } if is_arrow(*key) && !modifiers.any() => {
                Some(egui::Event::Key {
                    key: egui::Key::Tab,
                    physical_key: None,
                    pressed: true,
                    repeat: false,
                    modifiers: egui::Modifiers::NONE,
                })
            }
            _ => None,
        });
        input.events.extend(tab);
    }
}
