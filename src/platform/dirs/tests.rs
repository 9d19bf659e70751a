use std::fs;
use std::path::Path;

use super::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn windows_folders_name_the_program_once() {
    let d = windows_layout(
        Path::new(r"C:\Users\ana\AppData\Local"),
        Path::new(r"C:\Users\ana\AppData\Roaming"),
    );
    assert_eq!(
        d.data,
        Path::new(r"C:\Users\ana\AppData\Local/pd-intake/data")
    );
    assert_eq!(
        d.config,
        Path::new(r"C:\Users\ana\AppData\Roaming/pd-intake/config")
    );
    assert_eq!(
        d.old_data.as_deref(),
        Some(Path::new(
            r"C:\Users\ana\AppData\Local/pd-intake/pd-intake/data"
        ))
    );
    assert!(!d.portable);
}

#[test]
fn portable_only_with_the_marker_beside_the_program() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(portable(Some(dir.path())), None);
    assert_eq!(portable(None), None);
    // A folder of that name is not the marker.
    fs::create_dir(dir.path().join(PORTABLE_MARKER)).unwrap();
    assert_eq!(portable(Some(dir.path())), None);
    fs::remove_dir(dir.path().join(PORTABLE_MARKER)).unwrap();
    fs::write(dir.path().join(PORTABLE_MARKER), "").unwrap();
    let d = portable(Some(dir.path())).unwrap();
    assert_eq!(d.data, dir.path().join("pd-intake-data"));
    assert_eq!(d.config, dir.path().join("pd-intake-config"));
    assert!(d.portable && d.old_data.is_none());
}

#[test]
fn old_records_move_once_into_the_new_folder() {
    let root = tempfile::tempdir().unwrap();
    let d = windows_layout(&root.path().join("Local"), &root.path().join("Roaming"));
    let old = d.old_data.clone().unwrap();
    write(&old.join("K7P-2QX.json"), "one");
    write(&old.join("reports").join("K7P-2QX-staff.html"), "report");

    assert_eq!(d.data_dir(), d.data);
    assert_eq!(
        fs::read_to_string(d.data.join("K7P-2QX.json")).unwrap(),
        "one"
    );
    assert!(d.data.join("reports").join("K7P-2QX-staff.html").is_file());
    // The doubled folder is gone; the new one is inside the same pd-intake folder.
    assert!(!old.exists() && !old.parent().unwrap().exists());
    // A second start finds nothing to move and changes nothing.
    assert_eq!(d.data_dir(), d.data);
    assert_eq!(
        fs::read_to_string(d.data.join("K7P-2QX.json")).unwrap(),
        "one"
    );
}

#[test]
fn old_records_merge_into_a_new_folder_in_use_and_nothing_is_overwritten() {
    let root = tempfile::tempdir().unwrap();
    let d = windows_layout(&root.path().join("Local"), &root.path().join("Roaming"));
    let old = d.old_data.clone().unwrap();
    write(&d.data.join("AAA-AAA.json"), "new");
    write(&d.data.join("reports").join("a.html"), "new report");
    write(&old.join("AAA-AAA.json"), "old twin");
    write(&old.join("BBB-BBB.json"), "old");
    write(&old.join("reports").join("b.html"), "old report");

    d.data_dir();
    assert_eq!(
        fs::read_to_string(d.data.join("AAA-AAA.json")).unwrap(),
        "new"
    );
    assert_eq!(
        fs::read_to_string(d.data.join("BBB-BBB.json")).unwrap(),
        "old"
    );
    assert!(d.data.join("reports").join("a.html").is_file());
    assert!(d.data.join("reports").join("b.html").is_file());
    // The file that could not move is kept where it was, not lost.
    assert_eq!(
        fs::read_to_string(old.join("AAA-AAA.json")).unwrap(),
        "old twin"
    );
    assert!(!old.join("reports").exists());
}

#[test]
fn settings_are_read_from_the_old_folder_until_there_are_new_ones() {
    let root = tempfile::tempdir().unwrap();
    let d = windows_layout(&root.path().join("Local"), &root.path().join("Roaming"));
    assert_eq!(d.config_file("recipient"), d.config.join("recipient"));
    let old = d.old_config.clone().unwrap().join("recipient");
    write(&old, "age1old");
    assert_eq!(d.config_file("recipient"), old);
    write(&d.config.join("recipient"), "age1new");
    assert_eq!(d.config_file("recipient"), d.config.join("recipient"));
}
