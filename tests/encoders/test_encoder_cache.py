"""The converted-model cache: hit, damage, hash mismatch, races, location."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from transcheck.encoders import e5 as e5mod
from transcheck.encoders.convert import CONVERTER_VERSION, MANIFEST, verify_folder
from transcheck.encoders.errors import E_MODEL_HASH, ModelError

SHA = e5mod.WEIGHTS_SHA256


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch):
    """Forget in-memory models so loads go to the disk cache, as a new process would."""
    monkeypatch.setattr(e5mod, "_LOADED", {})
    monkeypatch.setattr(e5mod, "_PREPARED", {})
    monkeypatch.delenv(e5mod.CACHE_ENV, raising=False)
    yield


def _forbid_conversion(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args, **kwargs):
        raise AssertionError("the model was converted again")

    monkeypatch.setattr(e5mod, "convert_to_folder", boom)


def test_folder_name_is_hash_and_version(e5, e5_cache_dir: Path) -> None:
    assert e5.folder == e5_cache_dir / "models" / f"{SHA[:16]}-{CONVERTER_VERSION}"
    assert verify_folder(e5.folder, SHA) is None
    # nothing half-written is left next to it
    assert [p.name for p in e5.folder.parent.iterdir()] == [e5.folder.name]


def test_second_load_hits_the_disk_cache(
    e5, e5_cache_dir, fresh_process, monkeypatch, caplog, sentences
) -> None:
    _forbid_conversion(monkeypatch)
    caplog.set_level(logging.DEBUG, logger="transcheck.encoders.e5")
    again = e5mod.E5Small(cache_dir=e5_cache_dir)
    assert again.model is not e5.model  # really loaded from disk
    assert any("using cached model" in r.getMessage() for r in caplog.records)
    np.testing.assert_allclose(
        again.encode(sentences["en"][:2]), e5.encode(sentences["en"][:2]), atol=1e-6
    )


def test_a_cached_model_is_checked_without_holding_the_weights(
    e5, e5_cache_dir, fresh_process, monkeypatch, weights_path
) -> None:
    """The weights file is hashed as it is read: a warm rerun that never loads the model
    holds a few MB for the check, not the whole file."""
    import tracemalloc

    _forbid_conversion(monkeypatch)
    tracemalloc.start()
    try:
        folder, sha = e5mod.prepare_e5_small(e5_cache_dir)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (folder, sha) == (e5.folder, SHA)
    assert peak < weights_path.stat().st_size / 4


def test_same_process_reuses_the_loaded_model(e5, e5_cache_dir, monkeypatch) -> None:
    _forbid_conversion(monkeypatch)
    assert e5mod.E5Small(cache_dir=e5_cache_dir).model is e5.model


def test_damaged_cache_is_rebuilt_with_a_warning(
    e5, tmp_path, fresh_process, caplog, sentences
) -> None:
    root = tmp_path / "cache"
    shutil.copytree(e5.folder, root / "models" / e5.folder.name)
    st = root / "models" / e5.folder.name / "model.safetensors"
    with open(st, "r+b") as fh:  # truncate it, as a full disk or a killed copy would
        fh.truncate(st.stat().st_size // 3)
    caplog.set_level(logging.INFO, logger="transcheck.encoders.e5")
    rebuilt = e5mod.E5Small(cache_dir=root)
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert warnings and "damaged" in warnings[0].getMessage()
    assert any("converted" in r.getMessage() for r in caplog.records)
    assert verify_folder(rebuilt.folder, SHA) is None
    np.testing.assert_allclose(
        rebuilt.encode(sentences["ru"][:2]), e5.encode(sentences["ru"][:2]), atol=1e-6
    )
    assert sorted(p.name for p in rebuilt.folder.parent.iterdir()) == [e5.folder.name]


def test_weights_with_wrong_hash_are_refused(tmp_path, weights_path, fresh_process) -> None:
    bad = tmp_path / "e5-small-q4.bin"
    data = bytearray(weights_path.read_bytes())
    data[len(data) // 2] ^= 0x01
    bad.write_bytes(bytes(data))
    with pytest.raises(ModelError) as err:
        e5mod.E5Small(cache_dir=tmp_path / "cache", weights_path=bad)
    assert err.value.code == E_MODEL_HASH
    assert "e5-small-q4.bin" in str(err.value)
    assert not (tmp_path / "cache" / "models").exists()


def test_losing_the_rename_race_uses_the_winner(
    e5, tmp_path, fresh_process, monkeypatch, caplog
) -> None:
    root = tmp_path / "cache"
    target = root / "models" / e5.folder.name

    def racing_convert(f, folder: Path, source) -> None:
        # Another process finishes first, while we are still writing ours.
        shutil.copytree(e5.folder, target)
        for p in e5.folder.iterdir():
            shutil.copy2(p, folder / p.name)

    monkeypatch.setattr(e5mod, "convert_to_folder", racing_convert)
    caplog.set_level(logging.INFO, logger="transcheck.encoders.e5")
    enc = e5mod.E5Small(cache_dir=root)
    assert enc.folder == target
    assert any("another process" in r.getMessage() for r in caplog.records)
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # temp dir removed


def test_manifest_mismatch_is_detected(e5, tmp_path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    manifest = json.loads((e5.folder / MANIFEST).read_text())
    for field, value, why in [
        ("converter_version", "0", "converter version"),
        ("source", {"sha256": "0" * 64}, "other weights"),
    ]:
        changed = dict(manifest, **{field: value})
        (folder / MANIFEST).write_text(json.dumps(changed))
        assert why in (verify_folder(folder, SHA) or "")
    (folder / MANIFEST).write_text("{not json")
    assert "unreadable" in (verify_folder(folder, SHA) or "")


def test_cache_location_precedence(tmp_path, monkeypatch) -> None:
    import platformdirs

    monkeypatch.delenv(e5mod.CACHE_ENV, raising=False)
    assert e5mod.cache_root() == Path(platformdirs.user_cache_dir("transcheck"))
    monkeypatch.setenv(e5mod.CACHE_ENV, str(tmp_path / "env"))
    assert e5mod.cache_root() == tmp_path / "env"
    assert e5mod.cache_root(tmp_path / "arg") == tmp_path / "arg"


def test_weights_are_found_as_package_data(weights_path) -> None:
    assert e5mod.locate_weights().samefile(weights_path)


def test_stale_leftovers_of_killed_runs_are_removed(tmp_path) -> None:
    import os

    folder = tmp_path / "models" / f"{SHA[:16]}-{CONVERTER_VERSION}"
    old = folder.with_name(f".{folder.name}.tmp-dead")
    live = folder.with_name(f".{folder.name}.tmp-live")
    for p in (old, live):
        p.mkdir(parents=True)
    os.utime(old, (0, 0))
    e5mod._remove_stale_leftovers(folder)
    assert not old.exists() and live.exists()
