//! Where each tappable thing was drawn this frame, so the guide can point at it
//! and autoplay can click it the way a mouse would.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::walkthrough::Target;

/// What can be tapped, keyed the way the engine names targets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key {
    Widget(String),
    Option {
        widget: String,
        option: String,
    },
    Station(String),
    /// A keypad key of a field: a digit, `del` or `ok`.
    Keypad {
        field: String,
        key: String,
    },
    Acknowledge,
}

/// The rectangles drawn, in logical pixels: this frame's so far, and the last whole frame's.
#[derive(Resource, Default, Debug)]
pub struct DrawnTargets {
    pub rects: Vec<(Key, egui::Rect)>,
    pub last_frame: Vec<(Key, egui::Rect)>,
    /// Where the phone (or kiosk screen) was last drawn: labels keep out of it.
    pub phone: Option<egui::Rect>,
    /// The egui widget of each tappable thing drawn this frame, and in the last whole
    /// frame: keyboard focus is moved to them (and reported) by these ids.
    pub ids: Vec<(Key, egui::Id)>,
    pub last_ids: Vec<(Key, egui::Id)>,
}

impl DrawnTargets {
    pub fn add(&mut self, key: Key, rect: egui::Rect) {
        self.rects.push((key, rect));
    }

    /// Where `key` was drawn this frame, else in the last frame.
    pub fn get(&self, key: &Key) -> Option<egui::Rect> {
        let find = |list: &[(Key, egui::Rect)]| list.iter().rev().find(|(k, _)| k == key).map(|(_, r)| *r);
        find(&self.rects).or_else(|| find(&self.last_frame))
    }

    /// A new frame begins: what was drawn becomes the last whole frame's.
    pub fn next_frame(&mut self) {
        self.last_frame = std::mem::take(&mut self.rects);
        self.last_ids = std::mem::take(&mut self.ids);
    }

    /// Notes the egui widget that draws `key`.
    pub fn add_id(&mut self, key: Key, id: egui::Id) {
        self.ids.push((key, id));
    }

    /// The egui widget that draws `key` (this frame's, else the last frame's).
    pub fn focus_id(&self, key: &Key) -> Option<egui::Id> {
        let find = |list: &[(Key, egui::Id)]| list.iter().rev().find(|(k, _)| k == key).map(|(_, id)| *id);
        find(&self.ids).or_else(|| find(&self.last_ids))
    }

    /// What `id` draws, if it is one of the tappable things.
    pub fn key_of(&self, id: egui::Id) -> Option<&Key> {
        fn find(list: &[(Key, egui::Id)], id: egui::Id) -> Option<&Key> {
            list.iter().rev().find(|(_, i)| *i == id).map(|(k, _)| k)
        }
        find(&self.ids, id).or_else(|| find(&self.last_ids, id))
    }

    /// Everything tappable in the last whole frame.
    pub fn all(&self) -> &[(Key, egui::Rect)] {
        &self.last_frame
    }

    /// The rectangle of what the engine wants touched (for a field: the field's keypad OK key
    /// is not the target; the field itself is drawn under `Key::Widget`).
    pub fn of_target(&self, target: &Target) -> Option<egui::Rect> {
        self.get(&Key::from(target))
    }
}

impl From<&Target> for Key {
    fn from(target: &Target) -> Key {
        match target {
            Target::Widget(id) | Target::Field(id) | Target::Hold { widget: id, .. } => Key::Widget(id.clone()),
            Target::Station(id) => Key::Station(id.clone()),
            Target::Option { widget, option } => Key::Option { widget: widget.clone(), option: option.clone() },
            Target::AcknowledgeButton => Key::Acknowledge,
            // A `Wait` step has nothing to touch (its view has no target): a key never drawn.
            Target::Nothing => Key::Widget(String::new()),
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DrawnTargets>().add_systems(First, start_frame);
}

fn start_frame(mut drawn: ResMut<DrawnTargets>) {
    drawn.next_frame();
}
