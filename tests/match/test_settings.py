import pytest

from jobmatch.errors import ConfigError
from jobmatch.match.settings import MatchSettings


def test_query_threads_and_int8_come_from_the_environment():
    settings = MatchSettings.from_env({"JOBMATCH_QUERY_THREADS": "2", "JOBMATCH_QUANTIZE_ENCODER": "yes"}, cache_path=None)
    assert settings.query_threads == 2 and settings.quantize_encoder is True
    assert MatchSettings.from_env({"JOBMATCH_QUANTIZE_ENCODER": "0"}).quantize_encoder is False


@pytest.mark.parametrize("environ, problem", [
    ({"JOBMATCH_QUERY_THREADS": "two"}, "JOBMATCH_QUERY_THREADS must be a number"),
    ({"JOBMATCH_QUANTIZE_ENCODER": "maybe"}, "JOBMATCH_QUANTIZE_ENCODER must be 1 or 0"),
    ({"JOBMATCH_ENCODER_THREADS": "0"}, "at least 1"),
])
def test_a_bad_encoder_setting_is_named(environ, problem):
    with pytest.raises(ConfigError, match=problem):
        MatchSettings.from_env(environ)
