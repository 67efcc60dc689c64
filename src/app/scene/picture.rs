//! The material of pictures on things: a machine's screen drawn by egui into a texture
//! (`display`), the words of signs (`signs`). One texture lookup, unlit, opaque — as cheap
//! for a software renderer as the room's flat colours (`flat`).

use bevy::prelude::*;
use bevy::render::render_resource::AsBindGroup;
use bevy::shader::ShaderRef;

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

/// An empty picture of `width`×`height` pixels that egui (or a camera) can draw into.
pub fn canvas(width: u32, height: u32) -> Image {
    use bevy::render::render_resource::{Extent3d, TextureUsages};
    let size = Extent3d { width: width.max(1), height: height.max(1), depth_or_array_layers: 1 };
    let mut image = Image { data: Some(vec![0; (size.width * size.height * 4) as usize]), ..default() };
    image.texture_descriptor.usage |= TextureUsages::RENDER_ATTACHMENT;
    image.texture_descriptor.size = size;
    image
}
