//! On Windows: the icon and the name Explorer shows, compiled into the programs
//! (with mingw's `windres` when built from Linux). Nothing on other systems.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=packaging/kuayue.ico");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" && std::env::var("PROFILE").as_deref() == Ok("release") {
        // What centres install: a position-dependent program. Its 4 MB of start-up
        // relocation entries go (a fifth of the 40 MB limit); the program's own image is
        // then not placed at random, the libraries it loads still are.
        println!("cargo::rustc-link-arg-bin=kuayue=-no-pie");
    }
    if os != "windows" {
        return;
    }
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon("packaging/kuayue.ico")
        .set("ProductName", "跨越 kuayue")
        .set("FileDescription", "跨越 kuayue — practise everyday digital tasks")
        .set("CompanyName", "kuayue")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(e) = resource.compile() {
        panic!("cannot add the icon to the Windows program (is x86_64-w64-mingw32-windres installed?): {e}");
    }
}
