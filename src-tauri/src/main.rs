// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Linux: WebKitGTK's accelerated compositing keeps a layer backing store
    // per composited element; measured with `make bench-ui` it costs about
    // 90 MB at start and half the timeline's growth, for a UI of forms, lists
    // and one small SVG that gains nothing from it. Set before any web view
    // exists; `VIGIL_GPU_COMPOSITING=1` (or setting the WebKit variable
    // yourself) keeps WebKit's default.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none()
        && std::env::var_os("VIGIL_GPU_COMPOSITING").is_none()
    {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    vigil_desktop::run();
}
