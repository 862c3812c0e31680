"""The Redis cache, failing open: when Redis cannot be reached, reads miss, writes are dropped and a warning is
logged (once a minute per process), so throttles, rate limits and cached values degrade instead of turning
every request into a 500. Only connection-level errors are swallowed; a programming error still raises."""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from accounts.ratelimit import warn_cache_down

_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


class FailOpenRedisCache(RedisCache):
    def _failed(self, what, exc, fallback):
        warn_cache_down(f"cache {what}", exc)
        return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().add(key, value, timeout=timeout, version=version)
        except _DOWN as exc:
            return self._failed("add", exc, True)  # as an empty cache would answer

    def get(self, key, default=None, version=None):
        try:
            return super().get(key, default, version)
        except _DOWN as exc:
            return self._failed("get", exc, default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set(key, value, timeout=timeout, version=version)
        except _DOWN as exc:
            return self._failed("set", exc, None)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().touch(key, timeout=timeout, version=version)
        except _DOWN as exc:
            return self._failed("touch", exc, False)

    def delete(self, key, version=None):
        try:
            return super().delete(key, version)
        except _DOWN as exc:
            return self._failed("delete", exc, False)

    def get_many(self, keys, version=None):
        try:
            return super().get_many(keys, version)
        except _DOWN as exc:
            return self._failed("get_many", exc, {})

    def has_key(self, key, version=None):
        try:
            return super().has_key(key, version)
        except _DOWN as exc:
            return self._failed("has_key", exc, False)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except _DOWN as exc:
            self._failed("incr", exc, None)
            raise ValueError(f"Key {key!r} not found (cache unavailable).") from exc

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        try:
            return super().set_many(data, timeout=timeout, version=version)
        except _DOWN as exc:
            return self._failed("set_many", exc, [])

    def delete_many(self, keys, version=None):
        try:
            return super().delete_many(keys, version)
        except _DOWN as exc:
            return self._failed("delete_many", exc, None)

    def clear(self):
        try:
            return super().clear()
        except _DOWN as exc:
            return self._failed("clear", exc, False)
