//! Screens where they are: the step's screen is painted by egui into a picture (the phone
//! module draws it, in [`ScreenPass`]) and shown on the thing it belongs to — the kiosk's
//! tilted screen, the PIN pad's, or a phone held in the learner's hand in front of the
//! camera. The camera faces a machine's screen so that it appears exactly where, and as
//! large as, the flat panel would (`phone::screen::panel_rect`): text keeps its size at
//! every text scale, and switching to the flat panel (settings, keyboard, screen reader)
//! moves nothing. A click is a ray from the camera through the pointer; where it meets the
//! screen ([`hit_face`], also what a VR controller's ray will use) becomes egui's pointer
//! on the picture.

use bevy::prelude::*;
use bevy::window::{CursorMoved, PrimaryWindow};
use bevy_egui::input::{EguiContextPointerPosition, HoveredNonWindowEguiContext};
use bevy_egui::{EguiContexts, EguiPreUpdateSet, EguiZoomFactor, egui};

use super::flat::FlatMaterial;
use super::picture::{PictureMaterial, canvas, painter};
use crate::app::flow::{AppSystems, Screen};
use crate::scenario::Display;

/// The egui pass that paints the step's screen into the picture.
#[derive(bevy::ecs::schedule::ScheduleLabel, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ScreenPass;

/// Marks the camera whose egui context paints the screen shown on a thing.
#[derive(Component)]
pub struct ScreenPainter;

/// Where the step's screen is shown this frame, set by the phone while drawing: on a thing
/// (`rect`: where it appears in the window, logical px, the screen without its frame), or
/// nowhere in the world (`None`: flat, or no screen).
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct ShownScreen(pub Option<Placed>);

#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub on: Display,
    pub rect: egui::Rect,
}

/// A face a screen is shown on: a unit square (scaled to the screen's size) on a machine,
/// or on the phone in the hand (`station: None`).
#[derive(Component, Debug, Clone)]
pub struct Face {
    pub station: Option<String>,
    /// The most the screen can be across and high on its machine, in metres.
    pub width: f32,
    pub height: f32,
}

impl Face {
    /// Whether a screen shown `on` this is shown on this face.
    pub fn shows(&self, on: &Display) -> bool {
        match (on, &self.station) {
            (Display::Phone, None) => true,
            (Display::Station(a), Some(b)) => a == b,
            _ => false,
        }
    }
}

/// The phone in the hand: a child of the camera, shown while a phone screen is.
#[derive(Component)]
struct HeldPhone;

/// The picture the screen is painted into.
#[derive(Resource, Debug, Clone, Default)]
pub struct ScreenCanvas(pub Handle<Image>);

/// How far in front of the eye the phone is held (metres).
const HELD_AT: f32 = 0.4;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ShownScreen>()
        // Keys go to the window's panels, never to a screen in the room (bevy_egui would give
        // them to the last screen clicked): the keyboard brings the flat panel instead.
        .add_systems(Startup, |mut settings: ResMut<bevy_egui::EguiGlobalSettings>| {
            settings.enable_focused_non_window_context_updates = false;
        })
        .init_resource::<ScreenCanvas>()
        .add_systems(OnEnter(Screen::Walkthrough), spawn_painter_and_phone)
        .add_systems(OnExit(Screen::Walkthrough), |mut shown: ResMut<ShownScreen>| shown.0 = None)
        .add_systems(
            Update,
            (fit_canvas, place_faces).in_set(AppSystems::Present).run_if(in_state(Screen::Walkthrough)),
        )
        .add_systems(Last, paint_only_changes.run_if(in_state(Screen::Walkthrough)))
        .add_systems(
            PreUpdate,
            point_at_faces
                .after(EguiPreUpdateSet::InitContexts)
                .before(EguiPreUpdateSet::ProcessInput)
                .run_if(in_state(Screen::Walkthrough)),
        );
}

fn spawn_painter_and_phone(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut pictures: ResMut<Assets<PictureMaterial>>,
    mut flats: ResMut<Assets<FlatMaterial>>,
    mut canvas_handle: ResMut<ScreenCanvas>,
    camera: Query<Entity, With<super::camera::Eye>>,
) {
    let image = images.add(canvas(420, 600));
    canvas_handle.0 = image.clone();
    commands.spawn((
        Name::new("Screen painter"),
        DespawnOnExit(Screen::Walkthrough),
        ScreenPainter,
        painter(&image, -1, false, ScreenPass),
    ));
    let Some(camera) = camera.iter().next() else { return };
    // The phone: its screen (a unit square, scaled each frame to the panel's size), its dark
    // body behind, and the hand holding it from below at the left.
    let unit = meshes.add(Rectangle::new(1.0, 1.0));
    let cube = meshes.add(Cuboid::new(1.0, 1.0, 1.0));
    let skin = flats.add(FlatMaterial::new(Color::srgb(0.86, 0.68, 0.56)));
    commands.entity(camera).with_children(|c| {
        c.spawn((
            Name::new("Phone in the hand"),
            HeldPhone,
            DespawnOnExit(Screen::Walkthrough),
            Transform::from_xyz(0.0, 0.0, -HELD_AT),
            Visibility::Hidden,
        ))
        .with_children(|p| {
            p.spawn((
                Name::new("Phone screen"),
                Face { station: None, width: 0.0, height: 0.0 },
                Mesh3d(unit.clone()),
                MeshMaterial3d(pictures.add(PictureMaterial { picture: image.clone(), backing: LinearRgba::BLACK })),
            ));
            p.spawn((
                Name::new("Phone body"),
                PhonePart::Body,
                Mesh3d(cube.clone()),
                MeshMaterial3d(flats.add(FlatMaterial::new(Color::srgb(0.13, 0.13, 0.15)))),
            ));
            p.spawn((Name::new("Hand"), PhonePart::Palm, Mesh3d(cube.clone()), MeshMaterial3d(skin.clone())));
            p.spawn((Name::new("Thumb"), PhonePart::Thumb, Mesh3d(cube.clone()), MeshMaterial3d(skin.clone())));
        });
    });
}

/// The parts of the held phone other than its screen, placed around it.
#[derive(Component, Clone, Copy, PartialEq, Eq, Debug)]
enum PhonePart {
    Body,
    Palm,
    Thumb,
}

/// The picture is as many pixels as the screen takes in the window (a new picture when that
/// changes: the painter and the faces take it); the painter only runs while a screen is
/// shown on a thing.
fn fit_canvas(
    shown: Res<ShownScreen>,
    mut canvas_handle: ResMut<ScreenCanvas>,
    window: Query<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
    mut painter: Query<(&mut Camera, &mut EguiZoomFactor, &mut bevy::camera::RenderTarget), With<ScreenPainter>>,
    faces: Query<&MeshMaterial3d<PictureMaterial>, With<Face>>,
    mut pictures: ResMut<Assets<PictureMaterial>>,
) {
    let Ok((mut camera, mut zoom, mut target)) = painter.single_mut() else { return };
    let on = shown.0.is_some();
    if camera.is_active != on {
        camera.is_active = on;
    }
    let (Some(placed), Ok(window)) = (&shown.0, window.single()) else { return };
    let scale = window.scale_factor();
    zoom.set_if_neq(EguiZoomFactor { zoom_factor: scale });
    let (width, height) =
        ((placed.rect.width() * scale).round().max(1.0) as u32, (placed.rect.height() * scale).round().max(1.0) as u32);
    let size = images.get(&canvas_handle.0).map(|i| (i.width(), i.height()));
    if size == Some((width, height)) {
        return;
    }
    let old = std::mem::replace(&mut canvas_handle.0, images.add(canvas(width, height)));
    *target = bevy::camera::RenderTarget::Image(canvas_handle.0.clone().into());
    for material in &faces {
        if let Some(mut m) = pictures.get_mut(&material.0) {
            m.picture = canvas_handle.0.clone();
        }
    }
    images.remove(&old);
}

/// The picture of the screen is drawn every frame, not only when it changed (in a VR headset:
/// there a picture left undrawn for a frame lost the glyphs egui added meanwhile).
#[derive(Resource, Debug, Default)]
pub struct PaintEveryFrame;

/// The picture is drawn again only when what egui painted changed (a software renderer pays
/// for every pixel of it each time): egui runs every frame, and its triangles are compared
/// with the last ones drawn.
fn paint_only_changes(
    canvas_handle: Res<ScreenCanvas>,
    every_frame: Option<Res<PaintEveryFrame>>,
    mut painter: Query<(&mut Camera, &bevy_egui::EguiRenderOutput), With<ScreenPainter>>,
    mut last: Local<Option<(u64, AssetId<Image>)>>,
) {
    use std::hash::{Hash, Hasher};
    let Ok((mut camera, output)) = painter.single_mut() else { return };
    if !camera.is_active || every_frame.is_some() {
        *last = None;
        return;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for job in &output.paint_jobs {
        let r = job.clip_rect;
        [r.min.x, r.min.y, r.max.x, r.max.y].map(f32::to_bits).hash(&mut hasher);
        if let egui::epaint::Primitive::Mesh(mesh) = &job.primitive {
            mesh.indices.hash(&mut hasher);
            for v in &mesh.vertices {
                [v.pos.x, v.pos.y, v.uv.x, v.uv.y].map(f32::to_bits).hash(&mut hasher);
                v.color.to_array().hash(&mut hasher);
            }
        }
    }
    let now = (hasher.finish(), canvas_handle.0.id());
    let unchanged = *last == Some(now) && output.textures_delta.is_empty();
    *last = Some(now);
    if unchanged {
        camera.is_active = false;
    }
}

/// The vertical field of view of the camera (Bevy's default perspective).
pub fn fov(projection: &Projection) -> f32 {
    match projection {
        Projection::Perspective(p) => p.fov,
        _ => std::f32::consts::FRAC_PI_4,
    }
}

/// Metres per window pixel at `distance` in front of a camera of vertical field of view
/// `fov` in a window `height` px tall.
pub fn metres_per_px(distance: f32, fov: f32, height: f32) -> f32 {
    2.0 * distance * (fov / 2.0).tan() / height
}

/// Where the camera must be to see a screen face (centre, turn, height in metres) exactly
/// at `rect` in a window of `window` px: looking straight at it, from the distance at which
/// its height fills the rect's.
pub fn facing_pose(face: &Transform, face_height: f32, rect: egui::Rect, window: Vec2, fov: f32) -> Transform {
    let distance = face_height * window.y / (2.0 * (fov / 2.0).tan() * rect.height());
    let m = metres_per_px(distance, fov, window.y);
    let (dx, dy) = (rect.center().x - window.x / 2.0, rect.center().y - window.y / 2.0);
    let eye = face.translation + face.forward() * -distance - face.right() * (dx * m) + face.up() * (dy * m);
    Transform::from_translation(eye).with_rotation(face.rotation)
}

/// Where a ray meets a face (a unit square in its transform's XY plane): the point on it as
/// 0..1 from its top-left corner, or None when it misses or comes from behind.
pub fn hit_face(origin: Vec3, direction: Vec3, face: &GlobalTransform) -> Option<Vec2> {
    let inverse = face.affine().inverse();
    let o = inverse.transform_point3(origin);
    let d = inverse.transform_vector3(direction);
    if o.z <= 0.0 || d.z >= 0.0 {
        return None; // behind the face, or not heading towards it
    }
    let t = -o.z / d.z;
    let p = o + d * t;
    let uv = Vec2::new(p.x + 0.5, 0.5 - p.y);
    (uv.cmpge(Vec2::ZERO).all() && uv.cmple(Vec2::ONE).all()).then_some(uv)
}

/// Shows the screen on its face (scaled to the picture's shape) and hides the others; the
/// held phone sits in front of the camera where the flat panel would be.
fn place_faces(
    shown: Res<ShownScreen>,
    window: Query<&Window, With<PrimaryWindow>>,
    camera: Query<&Projection, With<super::camera::Eye>>,
    mut faces: Query<(&Face, &mut Transform, &mut Visibility), (Without<HeldPhone>, Without<PhonePart>)>,
    mut phone: Query<&mut Visibility, (With<HeldPhone>, Without<Face>, Without<PhonePart>)>,
    mut parts: Query<(&PhonePart, &mut Transform), (Without<Face>, Without<HeldPhone>)>,
) {
    let (Ok(window), Some(projection)) = (window.single(), camera.iter().next()) else { return };
    let size = Vec2::new(window.width(), window.height());
    let placed = shown.0.as_ref();
    let on_phone = placed.is_some_and(|p| p.on == Display::Phone);
    for (face, mut transform, mut visibility) in &mut faces {
        let shown_here = placed.filter(|p| face.shows(&p.on));
        visibility.set_if_neq(if shown_here.is_some() { Visibility::Inherited } else { Visibility::Hidden });
        let Some(p) = shown_here else { continue };
        if face.station.is_some() {
            // As wide as the machine's screen allows, unless that would make it taller.
            let aspect = p.rect.height() / p.rect.width().max(1.0);
            let width = face.width.min(face.height / aspect);
            let scale = Vec3::new(width, width * aspect, 1.0);
            if transform.scale != scale {
                transform.scale = scale;
            }
        } else {
            // In the hand: as large, and where, the flat panel would be.
            let m = metres_per_px(HELD_AT, fov(projection), size.y);
            let (w, h) = (p.rect.width() * m, p.rect.height() * m);
            let c = p.rect.center();
            let at = Vec3::new((c.x - size.x / 2.0) * m, -(c.y - size.y / 2.0) * m, 0.0);
            let scale = Vec3::new(w, h, 1.0);
            if transform.scale != scale || transform.translation != at {
                transform.scale = scale;
                transform.translation = at;
            }
            let bezel = crate::app::phone::screen::BEZEL * m;
            // Placed again only when the panel moved (a moved transform is work every frame).
            let moved = parts.iter().next().is_none_or(|(_, t)| t.scale == Vec3::ONE) || transform.is_changed();
            for (part, mut t) in parts.iter_mut().filter(|_| moved) {
                let at = transform.translation;
                *t = match part {
                    PhonePart::Body => Transform::from_translation(at - Vec3::Z * 0.006).with_scale(Vec3::new(
                        w + 2.0 * bezel,
                        h + 2.0 * bezel,
                        0.01,
                    )),
                    // The palm under the phone's lower left corner, mostly below the window.
                    PhonePart::Palm => Transform::from_translation(at + Vec3::new(-w * 0.35, -h * 0.52, -0.02))
                        .with_rotation(Quat::from_rotation_z(0.5))
                        .with_scale(Vec3::new(w * 0.55, h * 0.35, 0.03)),
                    // The thumb along the left edge, on the frame, never over the screen.
                    PhonePart::Thumb => {
                        Transform::from_translation(at + Vec3::new(-w / 2.0 - bezel * 0.5, -h * 0.2, 0.004))
                            .with_rotation(Quat::from_rotation_z(-0.25))
                            .with_scale(Vec3::new(bezel * 1.6, h * 0.22, 0.012))
                    }
                };
            }
        }
    }
    if let Ok(mut visibility) = phone.single_mut() {
        visibility.set_if_neq(if on_phone { Visibility::Inherited } else { Visibility::Hidden });
    }
}

/// Where the pointer is over the shown face, egui's pointer is on the picture there, and
/// button presses go to it (not to the window's panels, nor the machine behind).
fn point_at_faces(
    mut commands: Commands,
    mut moved: MessageReader<CursorMoved>,
    mut last: Local<Option<Vec2>>,
    shown: Res<ShownScreen>,
    camera: Query<(&Camera, &GlobalTransform), With<super::camera::Eye>>,
    faces: Query<(&GlobalTransform, &ViewVisibility, &Face)>,
    mut painter: Query<(Entity, &mut EguiContextPointerPosition), With<ScreenPainter>>,
    hovered: Option<Res<HoveredNonWindowEguiContext>>,
    mut contexts: EguiContexts,
) {
    if let Some(m) = moved.read().last() {
        *last = Some(m.position);
    }
    let Ok((painter_entity, mut pointer)) = painter.single_mut() else { return };
    let over_panel = |at: Vec2, ctx: &mut egui::Context| {
        ctx.layer_id_at(egui::pos2(at.x, at.y)).is_some_and(|layer| layer.order != egui::Order::Background)
    };
    let hit = (|| {
        let placed = shown.0.as_ref()?;
        let at = (*last)?;
        if contexts.ctx_mut().is_ok_and(|ctx| over_panel(at, ctx)) {
            return None;
        }
        let (camera, eye) = camera.iter().next()?;
        let ray = camera.viewport_to_world(eye, at).ok()?;
        let shown = faces.iter().filter(|(_, v, _)| v.get()).map(|(t, _, _)| t);
        ray_to_picture(ray, shown, placed.rect.size()).map(|(at, _)| at)
    })();
    match hit {
        Some(p) => {
            pointer.position = p;
            if hovered.is_none_or(|h| h.0 != painter_entity) {
                commands.insert_resource(HoveredNonWindowEguiContext(painter_entity));
            }
        }
        None if hovered.is_some_and(|h| h.0 == painter_entity) => {
            commands.remove_resource::<HoveredNonWindowEguiContext>();
        }
        None => {}
    }
}

/// Where a ray meets the screen shown on one of `faces`: the point of its picture (of `picture`
/// logical px), which egui's pointer is put on, and that point in the room. The mouse's ray
/// through the window, a VR controller's aim and a learner's gaze all reach the screen's
/// widgets through this one test.
pub fn ray_to_picture<'a>(
    ray: Ray3d,
    faces: impl IntoIterator<Item = &'a GlobalTransform>,
    picture: egui::Vec2,
) -> Option<(egui::Pos2, Vec3)> {
    faces.into_iter().find_map(|face| {
        let uv = hit_face(ray.origin, *ray.direction, face)?;
        let at = egui::pos2(uv.x * picture.x, uv.y * picture.y);
        Some((at, in_room(face, picture, at)))
    })
}

/// Where a point of the picture (logical px of `picture`) is in the room, on the face it is
/// shown on (a unit square facing +Z, scaled to the screen).
pub fn in_room(face: &GlobalTransform, picture: egui::Vec2, point: egui::Pos2) -> Vec3 {
    face.transform_point(Vec3::new(point.x / picture.x - 0.5, 0.5 - point.y / picture.y, 0.0))
}

/// Maps a point of the picture (logical px) to the window, through the face it is shown on.
pub fn to_window(
    camera: (&Camera, &GlobalTransform),
    face: &GlobalTransform,
    picture: egui::Vec2,
    point: egui::Pos2,
) -> Option<egui::Pos2> {
    let at = camera.0.world_to_viewport(camera.1, in_room(face, picture, point)).ok()?;
    Some(egui::pos2(at.x, at.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Vec2 {
        Vec2::new(1280.0, 720.0)
    }

    /// A face seen from the pose that faces it lands exactly on the rect asked for, and a ray
    /// through a point of that rect meets the face at the same place of the picture.
    #[test]
    fn the_camera_facing_a_screen_sees_it_exactly_where_the_flat_panel_would_be() {
        let face = Transform::from_xyz(-2.5, 1.4, -2.0)
            .with_rotation(Quat::from_rotation_y(0.5) * Quat::from_rotation_x(-15f32.to_radians()));
        let rect = egui::Rect::from_min_size(egui::pos2(700.0, 40.0), egui::vec2(540.0, 480.0));
        let width = 0.62;
        let height = width * rect.height() / rect.width();
        let fov = std::f32::consts::FRAC_PI_4;
        let eye = facing_pose(&face, height, rect, window(), fov);
        let face_world = GlobalTransform::from(face.with_scale(Vec3::new(width, height, 1.0)));
        // Project the face's corners with a plain pinhole camera at `eye`.
        let project = |p: Vec3| {
            let v = eye.compute_affine().inverse().transform_point3(p);
            let f = window().y / 2.0 / (fov / 2.0).tan();
            Vec2::new(window().x / 2.0 + f * v.x / -v.z, window().y / 2.0 - f * v.y / -v.z)
        };
        let top_left = project(face_world.transform_point(Vec3::new(-0.5, 0.5, 0.0)));
        let bottom_right = project(face_world.transform_point(Vec3::new(0.5, -0.5, 0.0)));
        assert!(top_left.distance(Vec2::new(700.0, 40.0)) < 0.5, "{top_left}");
        assert!(bottom_right.distance(Vec2::new(1240.0, 520.0)) < 0.5, "{bottom_right}");
        // A ray from the eye through the window point 1/4 across, 3/4 down the rect.
        let f = window().y / 2.0 / (fov / 2.0).tan();
        let px = Vec2::new(700.0 + 135.0, 40.0 + 360.0);
        let dir_cam = Vec3::new(px.x - window().x / 2.0, window().y / 2.0 - px.y, -f).normalize();
        let uv = hit_face(eye.translation, eye.rotation * dir_cam, &face_world).expect("it meets the face");
        assert!(uv.distance(Vec2::new(0.25, 0.75)) < 1e-3, "{uv}");
    }

    #[test]
    fn a_ray_that_misses_the_face_or_comes_from_behind_touches_nothing() {
        let face = GlobalTransform::from(Transform::from_xyz(0.0, 1.0, 0.0).with_scale(Vec3::new(0.5, 0.4, 1.0)));
        assert!(hit_face(Vec3::new(0.0, 1.0, 2.0), Vec3::NEG_Z, &face).is_some());
        assert_eq!(hit_face(Vec3::new(0.0, 1.0, 2.0), Vec3::NEG_Z, &face), Some(Vec2::new(0.5, 0.5)));
        assert!(hit_face(Vec3::new(0.3, 1.0, 2.0), Vec3::NEG_Z, &face).is_none(), "past its edge");
        assert!(hit_face(Vec3::new(0.0, 1.0, -2.0), Vec3::Z, &face).is_none(), "from behind");
        assert!(hit_face(Vec3::new(0.0, 1.0, 2.0), Vec3::Z, &face).is_none(), "looking away");
    }
}
