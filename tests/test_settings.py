"""Settings layering: packaged defaults < TOML file < NEWSPRISM_* environment < flags."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsprism.cli import main
from newsprism.errors import ConfigError
from newsprism.settings import Settings


@pytest.fixture
def toml(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('max_bytes = 1000\nbatch_size = 8\nlanguages = ["en", "ru"]\nfail_fast = true\nmy_stage_knob = 3\n',
                    encoding="utf-8")
    return path


def test_packaged_defaults():
    s = Settings.load(env={})
    assert s.max_bytes == 5_000_000 and s.batch_size == 64 and s.fail_fast is False
    assert s.languages == ("en", "ru", "uk", "kk", "de", "fr", "es", "ar", "tr", "zh")
    assert s.stages[0] == "entities"


def test_file_over_defaults(toml):
    s = Settings.load(toml, env={})
    assert (s.max_bytes, s.batch_size, s.languages, s.fail_fast) == (1000, 8, ("en", "ru"), True)
    assert s.extra["my_stage_knob"] == 3


def test_environment_over_file(toml):
    s = Settings.load(toml, env={"NEWSPRISM_MAX_BYTES": "2_000", "NEWSPRISM_LANGUAGES": "de, fr", "NEWSPRISM_FAIL_FAST": "no",
                                 "OTHER_VAR": "ignored"})
    assert (s.max_bytes, s.batch_size, s.languages, s.fail_fast) == (2000, 8, ("de", "fr"), False)
    assert Settings.load(env={"NEWSPRISM_STAGES": '["places"]'}).stages == ("places",)


def test_flags_over_environment(toml):
    s = Settings.load(toml, env={"NEWSPRISM_MAX_BYTES": "2000"}, max_bytes=3000, batch_size=None)
    assert (s.max_bytes, s.batch_size) == (3000, 8)  # a flag left unset (None) does not override


@pytest.mark.parametrize(
    ("content", "env", "words"),
    [
        ("max_bytes = 'lots'\n", {}, "max_bytes"),
        ("max_bytes = [\n", {}, "not valid TOML"),
        ("", {"NEWSPRISM_FAIL_FAST": "perhaps"}, "NEWSPRISM_FAIL_FAST"),
    ],
)
def test_bad_values_name_the_setting_and_the_fix(tmp_path, content, env, words):
    path = tmp_path / "bad.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        Settings.load(path, env=env)


def test_missing_file():
    with pytest.raises(ConfigError, match="does not exist"):
        Settings.load("/no/such/file.toml", env={})


def test_layers_through_the_cli(tmp_path, toml, samples_dir):
    """max_bytes = 1000 in the file rejects a 3 KB sample; the environment lifts it, the flag-less run obeys."""
    sample = str(samples_dir / "kazakhstan-zdnet-2022-01-05.txt")
    runner = CliRunner()
    by_file = runner.invoke(main, ["--config", str(toml), "analyze", sample, "--format", "jsonl"], env={"NEWSPRISM_STAGES": "[]"})
    assert by_file.exit_code == 1
    assert '"code": "too-large"' in by_file.stdout and "1,000" in by_file.stderr
    by_env = runner.invoke(main, ["--config", str(toml), "analyze", sample, "--format", "jsonl"],
                           env={"NEWSPRISM_STAGES": "[]", "NEWSPRISM_MAX_BYTES": "100000"})
    assert by_env.exit_code == 0, by_env.stderr
