"""Configuration files, environment and command line, and their errors."""

from pathlib import Path

import pytest

from transcheck.config import find_config, load_config
from transcheck.errors import ConfigError


def test_defaults_without_a_file(tmp_path: Path) -> None:
    cfg = load_config(cwd=tmp_path, environ={})
    assert cfg.fail_on == "error" and cfg.thresholds.divergence == 0.35 and cfg.source is None


def test_standalone_file_is_found_walking_up(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text('fail_on = "warning"\n[thresholds]\n'
                                              "divergence = 0.2\n", "utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) == tmp_path / "transcheck.toml"
    cfg = load_config(cwd=deep, environ={})
    assert cfg.fail_on == "warning" and cfg.thresholds.divergence == 0.2


def test_pyproject_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n[tool.transcheck.rules]\ndisable = ['TC301']\n"
        "[tool.transcheck.rules.severity]\nTC102 = 'error'\n", "utf-8")
    cfg = load_config(cwd=tmp_path, environ={})
    assert cfg.disabled == {"TC301"} and cfg.severity == {"TC102": "error"}


def test_a_pyproject_without_the_section_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n", "utf-8")
    assert find_config(tmp_path) is None


def test_environment_overrides_file_and_cli_overrides_environment(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text("[thresholds]\ndivergence = 0.2\n", "utf-8")
    env = {"TRANSCHECK_MAX_DIVERGENCE": "0.3", "TRANSCHECK_FAIL_ON": "never"}
    assert load_config(cwd=tmp_path, environ=env).thresholds.divergence == 0.3
    cfg = load_config(cwd=tmp_path, environ=env, overrides={"thresholds.divergence": 0.4})
    assert cfg.thresholds.divergence == 0.4 and cfg.fail_on == "never"


def test_thresholds_per_language_pair_and_speaker(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text(
        "[thresholds]\ndivergence = 0.2\n"
        "[[thresholds.overrides]]\nlang_pair = 'fa-en'\ndivergence = 0.5\n"
        "[[thresholds.overrides]]\nspeaker = 'ned-price'\nlang_pair = 'fa-en'\n"
        "divergence = 0.6\n", "utf-8")
    cfg = load_config(cwd=tmp_path, environ={})
    assert cfg.thresholds_for("en", "en", "sergei-ryabkov").divergence == 0.2
    assert cfg.thresholds_for("fa", "en", "sergei-ryabkov").divergence == 0.5
    assert cfg.thresholds_for("fa", "en", "ned-price").divergence == 0.6


@pytest.mark.parametrize(("body", "words"), [
    ("[thresholds]\ndivergense = 0.3\n", ["unknown key", "transcheck.thresholds.divergense"]),
    ("fail_on = 3\n", ["transcheck.fail_on", "wrong value"]),
    ("[thresholds]\ndivergence = 3\n", ["transcheck.thresholds.divergence", "impossible"]),
    ("[rules]\ndisable = ['TC999']\n", ["transcheck.rules.disable"]),
    ("[align]\nlink_similarity = -1\n", ["transcheck.align.link_similarity"]),
    ("not toml at all [\n", ["not valid TOML"]),
])
def test_bad_configuration_names_the_key_and_the_file(tmp_path: Path, body: str,
                                                       words: list[str]) -> None:
    (tmp_path / "transcheck.toml").write_text(body, "utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(cwd=tmp_path, environ={})
    message = info.value.render()
    assert "transcheck.toml" in message and "\n" not in message
    for w in words:
        assert w in message


def test_bad_environment_value_is_an_error() -> None:
    with pytest.raises(ConfigError, match="TRANSCHECK_MAX_DIVERGENCE"):
        load_config(cwd=Path("/"), environ={"TRANSCHECK_MAX_DIVERGENCE": "high"})


def test_configuration_is_data_only(tmp_path: Path) -> None:
    (tmp_path / "transcheck.toml").write_text('model = "__import__(\'os\').system(\'x\')"\n',
                                              "utf-8")
    # a string is kept as a string (an encoder name), never evaluated
    assert load_config(cwd=tmp_path, environ={}).model.startswith("__import__")
