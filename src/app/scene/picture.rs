//! The material of pictures on things: a machine's screen drawn by egui into a texture
//! (`display`), the words of signs (`signs`). One texture lookup, unlit, opaque — as cheap
//! for a software renderer as the room's flat colours (`flat`).

use bevy::camera::visibility::RenderLayers;
use bevy::ecs::schedule::ScheduleLabel;
use bevy::prelude::*;
use bevy::render::render_resource::AsBindGroup;
use bevy::shader::ShaderRef;
use bevy_egui::EguiSchedule;

#[derive(Asset, TypePath, AsBindGroup, Debug, Clone)]
pub struct PictureMaterial {
    #[texture(0)]
    #[sampler(1)]
    pub picture: Handle<Image>,
    /// Shown where the picture is transparent (linear).
    #[uniform(2)]
    pub backing: LinearRgba,
}

impl Material for PictureMaterial {
    fn fragment_shader() -> ShaderRef {
        "embedded://kuayue/app/scene/picture.wgsl".into()
    }
}

pub(super) fn plugin(app: &mut App) {
    bevy::asset::embedded_asset!(app, "picture.wgsl");
    app.add_plugins(MaterialPlugin::<PictureMaterial>::default());
}

/// The camera an egui pass (`pass`) paints a picture with: into `image`, before the cameras
/// that show the picture (a negative `order`), seeing nothing of the room, its colours as egui
/// gives them. The screens' painter, the signs' and the headset's caption are such cameras.
pub fn painter(image: &Handle<Image>, order: isize, is_active: bool, pass: impl ScheduleLabel) -> impl Bundle {
    (
        Camera2d,
        Camera { order, is_active, clear_color: ClearColorConfig::Custom(Color::NONE), ..default() },
        bevy::camera::RenderTarget::Image(image.clone().into()),
        bevy::core_pipeline::tonemapping::Tonemapping::None,
        Msaa::Off,
        RenderLayers::none(),
        EguiSchedule::new(pass),
    )
}

/// An empty picture of `width`×`height` pixels that egui (or a camera) can draw into.
pub fn canvas(width: u32, height: u32) -> Image {
    use bevy::render::render_resource::{Extent3d, TextureUsages};
    let size = Extent3d { width: width.max(1), height: height.max(1), depth_or_array_layers: 1 };
    let mut image = Image { data: Some(vec![0; (size.width * size.height * 4) as usize]), ..default() };
    image.texture_descriptor.usage |= TextureUsages::RENDER_ATTACHMENT;
    image.texture_descriptor.size = size;
    image
}
