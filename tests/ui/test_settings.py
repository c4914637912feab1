"""Settings survive a restart, and a corrupt file never crashes the game."""

import json

from game.ui.settings import Settings, load_settings, save_settings, settings_path


def test_defaults_when_no_file(config_dir):
    """No file yet: the defaults, and no warning."""
    settings, warning = load_settings()
    assert settings == Settings() and warning is None


def test_round_trip(config_dir):
    """What is saved is what is loaded, in the directory DETENTE_CONFIG_DIR names."""
    wanted = Settings(ui_scale=1.75, high_contrast=True, timer_minutes=12,
                      window_size=(1600, 900), fullscreen=True)
    path = save_settings(wanted)
    assert path.parent == config_dir
    assert load_settings() == (wanted, None)
    assert [p.name for p in config_dir.iterdir()] == ["settings.json"]  # no temp files left


def test_values_are_clamped(config_dir):
    """Out-of-range numbers are brought into range rather than rejected."""
    settings_path().write_text(json.dumps({"ui_scale": 9, "timer_minutes": -3}))
    settings, warning = load_settings()
    assert (settings.ui_scale, settings.timer_minutes, warning) == (2.0, 0, None)


def test_corrupt_file_is_kept_as_bak_and_defaults_restored(config_dir):
    """Broken JSON: one-line warning, defaults, the bad file kept as .bak."""
    settings_path().write_text("{ this is not json")
    settings, warning = load_settings()
    assert settings == Settings()
    assert warning and "\n" not in warning and ".bak" in warning
    assert (config_dir / "settings.json.bak").read_text() == "{ this is not json"
    assert load_settings() == (Settings(), None)


def test_wrong_types_count_as_corrupt(config_dir):
    """A file with wrong types or unknown keys is treated like a corrupt one."""
    for bad in ({"high_contrast": "yes"}, {"colour": 3}, {"window_size": 5}, [1, 2]):
        settings_path().write_text(json.dumps(bad))
        settings, warning = load_settings()
        assert settings == Settings() and warning


def test_app_reports_corrupt_settings_in_one_line(config_dir, capsys):
    """The one-line report goes to stderr and the game goes on."""
    from game.ui.settings import load_or_report
    settings_path().write_text("[")
    assert load_or_report() == Settings()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "settings" in err


def _refuse(exc):
    def refuse(*_args, **_kwargs):
        raise exc
    return refuse


def test_a_folder_that_refuses_the_backup_gives_the_defaults_and_says_why(config_dir,
                                                                         monkeypatch):
    """A corrupt file in a read-only folder (tests run as root, so the refusal is made
    here): no traceback, the defaults, and one line saying it could not be repaired."""
    import game.ui.settings as settings_module
    settings_path().write_text("{ broken")
    monkeypatch.setattr(settings_module.os, "replace",
                        _refuse(PermissionError(13, "Permission denied")))
    settings, warning = load_settings()
    assert settings == Settings()
    assert "\n" not in warning and "could not be repaired" in warning
    assert "Permission denied" in warning and "defaults" in warning
    assert settings_path().read_text() == "{ broken"  # the user's file is left as it was


def test_a_folder_that_refuses_the_rewrite_keeps_the_backup_and_says_why(config_dir,
                                                                        monkeypatch):
    import game.ui.settings as settings_module
    settings_path().write_text("{ broken")
    monkeypatch.setattr(settings_module, "write_atomic",
                        _refuse(OSError(30, "Read-only file system")))
    settings, warning = load_settings()
    assert settings == Settings()
    assert "\n" not in warning and "could not be repaired" in warning
    assert "Read-only file system" in warning and ".bak" in warning
    assert (config_dir / "settings.json.bak").read_text() == "{ broken"


def test_the_window_starts_on_defaults_and_shows_the_one_line(config_dir, tmp_path,
                                                              monkeypatch, capsys):
    """The whole start-up path: the window opens on the defaults, the title screen shows
    the line, stderr has it once, and the run ends normally."""
    import game.ui.settings as settings_module
    from game.ui.app import App, run_app
    from game.ui.base import walk

    monkeypatch.setenv("DETENTE_DATA_DIR", str(tmp_path / "data"))
    settings_path().write_text("[")
    monkeypatch.setattr(settings_module.os, "replace",
                        _refuse(PermissionError(13, "Permission denied")))
    seen = {}

    def run(app):
        app.draw()
        seen["settings"] = app.settings
        seen["shown"] = [t for w in walk(app.stack.top.ensure_root()) for t in w.texts()]
        return 0

    monkeypatch.setattr(App, "run", run)
    assert run_app([]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "could not be repaired" in err
    assert seen["settings"] == Settings()
    assert any("could not be repaired" in t for t in seen["shown"])
